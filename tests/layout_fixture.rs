//! A page in the common Vietnamese "detail" layout (tests/fixtures/detail-layout.html, written
//! for this project): every part of the Article that the layout exercises, including the
//! visible date line winning over wrong metadata, lazy images, and other stories kept out of
//! the body.

use vnarticle::article::{Article, BlockKind};
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

fn article() -> Article {
    let html = include_str!("fixtures/detail-layout.html");
    Pipeline::new()
        .run(Input {
            source: Source::Html(html.to_owned()),
            url: Some(
                "https://thoimoi.example.vn/ha-noi-khoi-cong-cau-tu-lien-20261126083100.htm".into(),
            ),
            options: Options::default(),
        })
        .expect("an article")
}

#[test]
fn header_fields() {
    let a = article();
    assert_eq!(
        a.title.as_deref(),
        Some("Hà Nội khởi công cầu Tứ Liên vượt sông Hồng")
    );
    assert_eq!(a.dateline.as_deref(), Some("TM"));
    assert_eq!(
        a.lead.as_deref(),
        Some("Sáng 26/11, UBND TP Hà Nội khởi công xây dựng cầu Tứ Liên vượt sông Hồng với tổng vốn đầu tư gần 20.000 tỷ đồng.")
    );
    assert_eq!(a.authors, vec!["Minh Anh", "Hồng Nhung"]);
    assert_eq!(a.source_attribution.as_deref(), Some("Theo TTXVN"));
    // The metadata says 01:31 without an offset (really UTC); the page shows 08:31 GMT+7.
    assert_eq!(a.published_at.as_deref(), Some("2026-11-26T08:31:00+07:00"));
    assert_eq!(a.meta.date_source.as_deref(), Some("visible"));
    assert_eq!(a.section.as_deref(), Some("Thời sự"));
    assert_eq!(
        a.tags,
        vec!["cầu Tứ Liên", "sông Hồng"],
        "tags shown on the page, not meta keywords"
    );
    assert_eq!(a.site_name.as_deref(), Some("Báo Điện tử Thời Mới"));
    assert_eq!(a.language.as_deref(), Some("vi"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://thoimoi.example.vn/ha-noi-khoi-cong-cau-tu-lien-20261126083100.htm")
    );
}

#[test]
fn body_blocks_in_order() {
    let a = article();
    let kinds: Vec<BlockKind> = a.body.blocks.iter().map(|b| b.kind).collect();
    use BlockKind::*;
    assert_eq!(
        kinds,
        vec![
            Paragraph, Paragraph, Paragraph, Heading, Paragraph, ListItem, ListItem, Quote, Table,
            Paragraph
        ]
    );
    // <br> split the first paragraph in two.
    assert!(a.body.blocks[0].text.ends_with("với 6 làn xe cơ giới."));
    assert!(a.body.blocks[1]
        .text
        .starts_with("Dự kiến công trình hoàn thành vào năm 2029"));
    assert_eq!(a.body.blocks[3].text, "Ba gói thầu chính");
    assert_eq!(
        a.body.blocks[8].text,
        "Hạng mục | Chiều dài\nCầu chính | 1,2 km\nĐường dẫn | 3,9 km"
    );
    assert!(a.body.blocks[9]
        .text
        .starts_with("Theo kế hoạch, thành phố"));
    for junk in [
        "Tin liên quan",
        "Cầu Trần Hưng Đạo",
        "Xem thêm",
        "Quảng cáo",
        "Theo TTXVN",
        "Bình luận",
        "Chia sẻ",
        "Đọc nhiều",
        "Phối cảnh",
        "Từ khóa",
        "Giấy phép",
    ] {
        assert!(!a.body.text.contains(junk), "{junk:?} in the body");
    }
    assert_eq!(a.body.links.len(), 1);
    assert_eq!(a.body.links[0].text, "quy hoạch đã được phê duyệt");
    assert_eq!(
        a.body.links[0].url,
        "https://thoimoi.example.vn/quy-hoach-ha-noi.htm"
    );
    assert_eq!(a.stats.paragraphs, 9);
}

#[test]
fn images_and_other_stories() {
    let a = article();
    assert_eq!(a.images.len(), 1);
    let img = &a.images[0];
    assert_eq!(
        img.url.as_deref(),
        Some("https://thoimoi.example.vn/images/2026/11/26/cau-tu-lien.jpg")
    );
    assert_eq!(
        img.caption.as_deref(),
        Some("Phối cảnh cầu Tứ Liên vượt sông Hồng. Ảnh: Sở Xây dựng Hà Nội")
    );
    assert_eq!(img.credit.as_deref(), Some("Sở Xây dựng Hà Nội"));
    assert_eq!(img.alt.as_deref(), Some("Phối cảnh cầu Tứ Liên"));
    let related: Vec<(&str, &str)> = a
        .related
        .iter()
        .map(|r| (r.title.as_str(), r.url.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        related,
        vec![
            (
                "Cầu Trần Hưng Đạo sắp hoàn thành phần móng trụ chính",
                "https://thoimoi.example.vn/cau-tran-hung-dao-sap-hoan-thanh-20261120.htm"
            ),
            (
                "Hà Nội sẽ có thêm 5 cây cầu qua sông Hồng đến năm 2030",
                "https://thoimoi.example.vn/ha-noi-co-them-5-cay-cau-qua-song-hong-20261101.htm"
            ),
            (
                "Giao thông Hà Nội cuối năm",
                "https://thoimoi.example.vn/giao-thong-ha-noi-20261125.htm"
            ),
        ]
    );
}
