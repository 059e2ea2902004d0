//! The seed page (../shared/seed/kinhtedothi-page.txt, the visible text of a Kinh tế & Đô thị
//! page) must come out right: headline, lead with its dateline, two subheadings, two captions
//! as images without URL, the three "Đừng bỏ lỡ" stories with their times, and none of the
//! site chrome, widgets, poll or comments in the body.

mod common;

use vnarticle::article::{Article, BlockKind};
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

fn seed() -> Article {
    let bytes = std::fs::read(common::seed_page()).expect("seed page");
    Pipeline::new()
        .run(Input {
            source: Source::Bytes {
                bytes: bytes.into(),
                kind: None,
                charset: None,
            },
            url: None,
            options: Options {
                reference_date: Some("2026-02-15".into()),
                ..Options::default()
            },
        })
        .expect("an article")
}

#[test]
fn headline_lead_and_dateline() {
    let a = seed();
    assert_eq!(a.meta.input, "text");
    assert_eq!(
        a.title.as_deref(),
        Some("Sáp nhập các ban chỉ đạo, thúc đẩy chuyển đổi số- kinh nghiệm từ Hà Nội")
    );
    assert_eq!(a.dateline.as_deref(), Some("Kinhtedothi"));
    assert_eq!(
        a.lead.as_deref(),
        Some("Hà Nội là địa phương đầu tiên trong cả nước thực hiện sáp nhập 3 ban chỉ đạo: cải cách hành chính, chuyển đổi số và Đề án 06. Đến nay, đã có nhiều đơn vị, địa phương trên cả nước học tập cách làm này của Hà Nội, thực hiện sáp nhập các ban chỉ đạo.")
    );
    assert_eq!(
        a.published_at, None,
        "the page shows no date line for the article"
    );
    assert_eq!(a.language.as_deref(), Some("vi"));
}

#[test]
fn body_blocks() {
    let a = seed();
    let headings: Vec<&str> = a
        .body
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        headings,
        vec![
            "Sáp nhập 3 ban chỉ đạo - bước đột phá của Hà Nội",
            "“Đi tắt, đón đầu”, phát triển Thủ đô “văn minh, văn hiến, hiện đại”"
        ]
    );
    assert_eq!(a.body.blocks.len(), 10);
    assert_eq!(a.body.blocks[0].kind, BlockKind::Heading);
    assert!(a.body.blocks[1].text.starts_with("Hà Nội là địa phương đầu tiên trong cả nước thực hiện sáp nhập 3 ban chỉ đạo: cải cách hành chính, chuyển đổi số và Đề án 06 về"));
    assert!(a.body.blocks[9].text.ends_with(
        "kịp thời phân tích nguyên nhân tồn tại, hạn chế để có giải pháp khắc phục triệt để..."
    ));
    assert_eq!(a.stats.paragraphs, 8);
    for chrome in [
        "Đọc nhiều",
        "HỎI ĐÁP",
        "CẢM NHẬN",
        "Rất hay",
        "Cần cải thiện",
        "BÌNH LUẬN",
        "Đừng bỏ lỡ",
        "Tin mới",
        "Tin Tài Trợ",
        "Logo",
        "Đăng nhập",
        "Mừng Đảng",
    ] {
        assert!(
            !a.body.text.contains(chrome),
            "chrome {chrome:?} in the body"
        );
    }
    // Captions are not body text.
    assert!(!a.body.text.contains("phòng họp thông minh"));
}

#[test]
fn captions_are_images_without_url() {
    let a = seed();
    assert_eq!(a.images.len(), 2);
    assert!(a.images.iter().all(|i| i.url.is_none()));
    assert_eq!(
        a.images[0].caption.as_deref(),
        Some("Thủ tướng Chính phủ Phạm Minh Chính dự Hội nghị sơ kết Đề án 06/Chính phủ tại phòng họp thông minh của TP Hà Nội, ngày 28/6/2024")
    );
    assert!(a.images[1].caption.as_deref().unwrap().starts_with(
        "Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh, Phó Chủ tịch UBND TP Hà Minh Hải dự Hội nghị"
    ));
    assert!(a.images[1]
        .caption
        .as_deref()
        .unwrap()
        .ends_with("tại điểm cầu TP Hà Nội, ngày 19/7/2024"));
}

#[test]
fn related_stories_with_times() {
    let a = seed();
    let got: Vec<(&str, Option<&str>)> = a
        .related
        .iter()
        .map(|r| (r.title.as_str(), r.published_at.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Động viên người lao động tại các công trình trọng điểm nối đôi bờ sông Hồng", Some("2026-02-14T20:31:00+07:00")),
            ("Thủ tướng Phạm Minh Chính thăm nguyên lãnh đạo Đảng, Nhà nước và dâng hương tưởng nhớ các đồng chí cố lãnh đạo", Some("2026-02-14T16:36:00+07:00")),
            ("Thường trực Thành ủy Đà Nẵng gặp mặt các Hội quần chúng nhân dịp Tết Bính Ngọ 2026", Some("2026-02-12T18:07:00+07:00")),
        ]
    );
    assert!(a.related[0].summary.as_deref().unwrap().starts_with(
        "Kinhtedothi - Nhằm kịp thời động viên công nhân lao động làm việc xuyên Tết"
    ));
    assert!(a.related[1]
        .summary
        .as_deref()
        .unwrap()
        .starts_with("Ngày 14/2, nhân Tết cổ truyền của dân tộc – Xuân Bính Ngọ 2026"));
    assert!(a.related[2]
        .summary
        .as_deref()
        .unwrap()
        .ends_with("Phó Chủ tịch UBND thành phố."));
}

#[test]
fn dates_of_the_article_and_of_each_related_story() {
    let a = seed();
    let body: Vec<(&str, Option<&str>)> = a
        .dates
        .iter()
        .filter(|d| d.field == "body")
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        body,
        vec![
            ("2022 - 2025", Some("2022")),
            ("năm 2030", Some("2030")),
            ("28/6/2024", Some("2024-06-28")),
        ]
    );
    let caps: Vec<(&str, &str, Option<&str>)> = a
        .dates
        .iter()
        .filter(|d| d.field.starts_with("caption:"))
        .map(|d| (d.field.as_str(), d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        caps,
        vec![
            ("caption:0", "28/6/2024", Some("2024-06-28")),
            ("caption:1", "19/7/2024", Some("2024-07-19"))
        ]
    );
    // Offsets count code points in the field.
    for d in &a.dates {
        let field = match d.field.as_str() {
            "body" => a.body.text.clone(),
            "lead" => a.lead.clone().unwrap(),
            "title" => a.title.clone().unwrap(),
            f => a.images[f.trim_start_matches("caption:").parse::<usize>().unwrap()]
                .caption
                .clone()
                .unwrap(),
        };
        let got: String = field.chars().skip(d.start).take(d.end - d.start).collect();
        assert_eq!(got, d.text);
    }
    // The first related story: "ngày 14/1 (tức 27 Tết)", the misprint flagged.
    let r0 = &a.related[0].dates;
    let texts: Vec<&str> = r0.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(texts, vec!["14/1", "27 Tết"]);
    assert_eq!(r0[1].value.as_deref(), Some("2026-02-14"));
    assert_eq!(r0[1].calendar, "lunar");
    assert!(r0[0].note.as_deref().unwrap().contains("disagree"));
    // The second: "14/2" and "Xuân Bính Ngọ 2026".
    let r1: Vec<(&str, Option<&str>)> = a.related[1]
        .dates
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        r1,
        vec![
            ("14/2", Some("2026-02-14")),
            ("Xuân Bính Ngọ 2026", Some("2026"))
        ]
    );
}

#[test]
fn without_a_reference_date_yearless_times_stay_null() {
    let bytes = std::fs::read(common::seed_page()).unwrap();
    let a = Pipeline::new()
        .run(Input {
            source: Source::Bytes {
                bytes: bytes.into(),
                kind: None,
                charset: None,
            },
            url: None,
            options: Options::default(),
        })
        .unwrap();
    assert_eq!(a.related.len(), 3);
    assert!(
        a.related.iter().all(|r| r.published_at.is_none()),
        "never guessed from 'now'"
    );
}

#[test]
fn entities_of_the_article_and_of_each_related_story() {
    let a = seed();
    let has = |es: &[vnarticle::vi::entities::Entity], ty: &str, name: &str| {
        es.iter().find(|e| e.ty == ty && e.name == name).cloned()
    };
    let thanh = has(&a.entities, "PERSON", "Trần Sỹ Thanh").expect("Trần Sỹ Thanh");
    assert_eq!(thanh.titles, vec!["Chủ tịch UBND TP Hà Nội".to_owned()]);
    let hai = has(&a.entities, "PERSON", "Hà Minh Hải").expect("Hà Minh Hải");
    assert_eq!(hai.titles, vec!["Phó Chủ tịch UBND TP".to_owned()]);
    let chinh = has(&a.entities, "PERSON", "Phạm Minh Chính").expect("Phạm Minh Chính");
    assert_eq!(chinh.titles, vec!["Thủ tướng Chính phủ".to_owned()]);
    let ubnd = has(&a.entities, "ORGANIZATION", "UBND TP Hà Nội").expect("UBND TP Hà Nội");
    let vp = has(&a.entities, "ORGANIZATION", "Văn phòng UBND TP Hà Nội").expect("Văn phòng");
    assert_ne!(ubnd, vp);
    assert!(has(&a.entities, "DOCUMENT", "Đề án 06").is_some());
    for chrome in ["Logo", "Đăng nhập", "Đăng ký", "Tìm kiếm"] {
        assert!(
            a.entities.iter().all(|e| e.name != chrome),
            "{chrome} is page chrome"
        );
    }
    // Each related story has its own entities.
    let rel: Vec<_> = a.related.iter().flat_map(|r| r.entities.iter()).collect();
    let names: Vec<(&str, &str)> = rel
        .iter()
        .map(|e| (e.ty.as_str(), e.name.as_str()))
        .collect();
    for want in [
        ("PERSON", "Nguyễn Văn Thắng"),
        ("LOCATION", "sông Hồng"),
        ("LOCATION", "cầu Vân Phúc"),
        ("LOCATION", "cầu Thượng Cát"),
        ("ORGANIZATION", "Thường trực Thành ủy Đà Nẵng"),
        // Named inside the organization's name: a mention of kind `in_name`.
        ("LOCATION", "Đà Nẵng"),
    ] {
        assert!(names.contains(&want), "{want:?} not in {names:?}");
    }
    assert!(
        a.entities.iter().all(|e| e.name != "Nguyễn Văn Thắng"),
        "another story's people do not count toward the article"
    );
}
