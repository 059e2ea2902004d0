//! The entity pipeline on sentences a user would send: linking of given names and bare titles
//! to the full name, abbreviated and full organization names as one entity, MONEY and PERCENT
//! values, document numbers, and places from before July 2025 with their successor.

use vnarticle::vi::entities::{find_entities, Entity};

fn entities(text: &str) -> Vec<Entity> {
    find_entities(&[("body", text)])
}

fn find<'a>(es: &'a [Entity], ty: &str, name: &str) -> &'a Entity {
    es.iter()
        .find(|e| e.ty == ty && e.name == name)
        .unwrap_or_else(|| panic!("no {ty} {name:?} in {es:#?}"))
}

#[test]
fn given_name_and_bare_title_link_to_the_full_name() {
    let es = entities(
        "Thủ tướng Phạm Minh Chính chủ trì cuộc họp. Ông Chính yêu cầu các bộ khẩn trương \
         hoàn thiện đề án. Kết luận cuộc họp, Thủ tướng nhấn mạnh vai trò của người đứng đầu.",
    );
    let p = find(&es, "PERSON", "Phạm Minh Chính");
    assert_eq!(p.count, 3, "{p:#?}");
    let kinds: Vec<(&str, &str)> = p
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.kind.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("Phạm Minh Chính", "name"),
            ("Chính", "given_name"),
            ("Thủ tướng", "title")
        ]
    );
    assert_eq!(p.titles, vec!["Thủ tướng".to_owned()]);
    assert!(
        p.aliases.contains(&"Ông Chính".to_owned()),
        "{:?}",
        p.aliases
    );
    // The most mentioned entity comes first.
    assert_eq!(es[0].name, "Phạm Minh Chính");
}

#[test]
fn organization_inside_a_title_and_one_entity_for_two_spellings() {
    let es = entities(
        "Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh đã ký quyết định. Ủy ban nhân dân thành phố \
         Hà Nội giao Sở Y tế TP.HCM phối hợp.",
    );
    let org = find(&es, "ORGANIZATION", "UBND TP Hà Nội");
    assert_eq!(org.count, 2, "{es:#?}");
    assert_eq!(
        org.canonical.as_deref(),
        Some("Ủy ban nhân dân thành phố Hà Nội")
    );
    let p = find(&es, "PERSON", "Trần Sỹ Thanh");
    assert_eq!(p.titles, vec!["Chủ tịch UBND TP Hà Nội".to_owned()]);
    assert_eq!(p.mentions[0].text, "Trần Sỹ Thanh");
    find(&es, "ORGANIZATION", "Sở Y tế TP.HCM");
}

#[test]
fn money_and_percent_values() {
    let es = entities("Doanh thu đạt 1,5 tỷ đồng, tăng 12,5% so với cùng kỳ; lãi 200.000 USD.");
    let m = find(&es, "MONEY", "1,5 tỷ đồng");
    assert_eq!(
        (m.value, m.currency.as_deref()),
        (Some(1_500_000_000.0), Some("VND"))
    );
    let usd = find(&es, "MONEY", "200.000 USD");
    assert_eq!(
        (usd.value, usd.currency.as_deref()),
        (Some(200_000.0), Some("USD"))
    );
    let p = find(&es, "PERCENT", "12,5%");
    assert_eq!(p.value, Some(12.5));
}

#[test]
fn document_numbers() {
    let es = entities(
        "Theo Nghị định 123/2024/NĐ-CP và Quyết định số 06/QĐ-TTg, các địa phương triển khai \
         Đề án 06 trong năm nay.",
    );
    let docs: Vec<&str> = es
        .iter()
        .filter(|e| e.ty == "DOCUMENT")
        .map(|e| e.name.as_str())
        .collect();
    assert!(docs.contains(&"Nghị định 123/2024/NĐ-CP"), "{docs:?}");
    assert!(docs.contains(&"Quyết định 06/QĐ-TTg"), "{docs:?}");
    assert!(docs.iter().any(|d| d.starts_with("Đề án 06")), "{docs:?}");
}

#[test]
fn a_place_from_before_the_merger_carries_its_successor() {
    let es =
        entities("Công nhân ở tỉnh Bình Dương và tỉnh Nam Định được hỗ trợ; Hà Nội giữ nguyên.");
    let bd = find(&es, "LOCATION", "Bình Dương");
    assert_eq!(bd.successor.as_deref(), Some("Hồ Chí Minh"), "{bd:#?}");
    assert_eq!(bd.mentions[0].text, "tỉnh Bình Dương");
    let nd = find(&es, "LOCATION", "Nam Định");
    assert_eq!(nd.successor.as_deref(), Some("Ninh Bình"));
    assert_eq!(find(&es, "LOCATION", "Hà Nội").successor, None);
}

#[test]
fn chrome_words_are_not_entities() {
    let es = entities("Logo Đăng nhập Đăng ký Tìm kiếm Chia sẻ Bình luận");
    assert!(es.is_empty(), "{es:#?}");
}

#[test]
fn initials_foreign_particles_and_match_reports_are_people() {
    let es = entities(
        "Hai người bị thương là T.V.H và P.V.H. Anh B.V.V (SN 1990) cho biết đã báo công an. \
         Đội hình: Molina, Romero (Medina 70'), Mac Allister; HLV Luis de la Fuente hài lòng.",
    );
    for name in [
        "T.V.H",
        "P.V.H",
        "B.V.V",
        "Molina",
        "Romero",
        "Medina",
        "Mac Allister",
        "Luis de la Fuente",
    ] {
        find(&es, "PERSON", name);
    }
    // A product with its model number is not a person.
    let es = entities("Hãng vừa ra mắt Galaxy 25 và bán Xperia 1 tại Việt Nam.");
    assert!(es.iter().all(|e| e.ty != "PERSON"), "{es:#?}");
}

#[test]
fn well_known_companies_are_organizations_not_people() {
    let es = entities(
        "Sau khi Dell, Lenovo và Sony tăng giá, Chanel cũng điều chỉnh; theo Bloomberg, \
         Nvidia và Xiaomi chưa lên tiếng trên Instagram.",
    );
    // An app or a social network is a product, not an organization.
    assert!(es.iter().all(|e| e.name != "Instagram"), "{es:#?}");
    for name in [
        "Dell",
        "Lenovo",
        "Sony",
        "Chanel",
        "Bloomberg",
        "Nvidia",
        "Xiaomi",
    ] {
        find(&es, "ORGANIZATION", name);
    }
    assert!(es.iter().all(|e| e.ty != "PERSON"), "{es:#?}");
}

#[test]
fn a_bare_commune_or_district_name_without_a_person_cue_is_a_place() {
    let es = entities(
        "Bãi rác tiếp nhận rác của các khu vực lân cận như Nghi Lộc, Hưng Nguyên, Cửa Lò.",
    );
    for name in ["Nghi Lộc", "Hưng Nguyên", "Cửa Lò"] {
        find(&es, "LOCATION", name);
    }
    // With a cue, the same words are a person's name.
    let es = entities("Ông Hưng Nguyên, Phó giám đốc, cho biết.");
    find(&es, "PERSON", "Hưng Nguyên");
}

#[test]
fn things_named_after_their_kind_are_not_people() {
    let es = entities(
        "Hãng cập nhật trình duyệt Firefox và chip Exynos. Toyota cho biết Toyota Camry bản \
         mới về đại lý; Apple Pencil Pro và Airbus A340 cũng vậy. Samsung Electronics công bố \
         lãi. Trận đấu diễn ra tại Phoenix; bộ phim tranh giải Oscar.",
    );
    assert!(es.iter().all(|e| e.ty != "PERSON"), "{es:#?}");
    find(&es, "LOCATION", "Phoenix");
    // The company where it acts; a brand that begins a product's name is the product's.
    assert_eq!(find(&es, "ORGANIZATION", "Toyota").count, 1, "{es:#?}");
    assert!(
        es.iter().all(|e| e.name != "Apple" && e.name != "Airbus"),
        "{es:#?}"
    );
    find(&es, "ORGANIZATION", "Samsung");
}

/// Spans of one text's mentions of a type, in order.
fn spans(text: &str, ty: &str) -> Vec<String> {
    let mut ms: Vec<(usize, String)> = entities(text)
        .into_iter()
        .filter(|e| e.ty == ty)
        .flat_map(|e| e.mentions.into_iter())
        .filter(|m| m.kind != "in_name" && m.kind != "title")
        .map(|m| (m.start, m.text))
        .collect();
    ms.sort();
    ms.into_iter().map(|(_, t)| t).collect()
}

#[test]
fn descriptive_words_and_directions_stay_outside_places() {
    let text = "Mưa lớn ở khu vực Bắc Bộ và vùng núi Đông Bắc Bộ, phía Đông Quảng Ngãi có gió \
                mạnh; áp thấp ở Bắc Biển Đông. Lực lượng Nga tấn công vùng Kursk. Pháp và Anh \
                đạt thỏa thuận. Cầu Rạch Miễu 2 thông xe; khách đến Khu di tích lịch sử Đền \
                Hùng và Sân vận động Quốc gia Mỹ Đình.";
    assert_eq!(
        spans(text, "LOCATION"),
        [
            "Bắc Bộ",
            "Đông Bắc Bộ",
            "Quảng Ngãi",
            "Biển Đông",
            "Nga",
            "Kursk",
            "Pháp",
            "Anh",
            "Cầu Rạch Miễu 2",
            "Khu di tích lịch sử Đền Hùng",
            "Sân vận động Quốc gia Mỹ Đình"
        ]
    );
}

#[test]
fn organization_names_run_through_lower_case_nouns_and_split_at_a_second_head() {
    let text = "Trung tâm Dự báo khí tượng thủy văn quốc gia cho biết. Phòng Cảnh sát hình sự \
                Công an tỉnh Nghệ An vào cuộc. Ban Thường vụ Thành ủy TP.HCM họp. Bệnh viện \
                Bạch Mai và Bệnh viện Hữu nghị Việt Đức tiếp nhận bệnh nhân. Bộ Tài chính đề \
                xuất giảm thuế. Công an tỉnh Nghệ An điều tra vụ việc.";
    assert_eq!(
        spans(text, "ORGANIZATION"),
        [
            "Trung tâm Dự báo khí tượng thủy văn quốc gia",
            "Phòng Cảnh sát hình sự Công an tỉnh Nghệ An",
            "Ban Thường vụ Thành ủy TP.HCM",
            "Bệnh viện Bạch Mai",
            "Bệnh viện Hữu nghị Việt Đức",
            "Bộ Tài chính",
            "Công an tỉnh Nghệ An"
        ]
    );
}

#[test]
fn names_that_open_with_a_country_or_a_common_word_and_credits_are_people() {
    let text = "Tim Cook cho biết Apple sẽ mở cửa hàng. Ca sĩ Mỹ Tâm biểu diễn. Hoa hậu H'Nhi \
                Êban dự lễ. (Ảnh: Đức Hùng - Minh Quân)";
    assert_eq!(
        spans(text, "PERSON"),
        ["Tim Cook", "Mỹ Tâm", "H'Nhi Êban", "Đức Hùng", "Minh Quân"]
    );
    // A byline standing alone.
    assert_eq!(spans("Thành Đông", "PERSON"), ["Thành Đông"]);
    assert!(spans("Nhân dân cả nước đón Tết.", "ORGANIZATION").is_empty());
}

#[test]
fn local_bodies_schools_highland_names_and_ethnic_groups() {
    let text = "Chủ tịch UBND xã cho biết Đảng ủy phường đã họp. Ông Sùng A Páo ở bản Lũng Cẩm \
                dạy tiếng H'Mông; em học Trường THPT chuyên Lê Quý Đôn. Đoàn Văn Quế làm việc \
                tại Quân khu 5 và Bệnh viện Đa khoa vùng Tây Nguyên ở xã Cư M'gar.";
    assert_eq!(
        spans(text, "ORGANIZATION"),
        [
            "UBND xã",
            "Đảng ủy phường",
            "Trường THPT chuyên Lê Quý Đôn",
            "Quân khu 5",
            "Bệnh viện Đa khoa vùng Tây Nguyên"
        ]
    );
    assert_eq!(spans(text, "PERSON"), ["Sùng A Páo", "Đoàn Văn Quế"]);
    assert_eq!(spans(text, "LOCATION"), ["bản Lũng Cẩm", "xã Cư M'gar"]);
}

#[test]
fn a_given_name_alone_stands_for_the_person_named_in_full() {
    let es = find_entities(&[
        ("lead", "Bị cáo Đinh Thị Hải Yến bị truy tố."),
        (
            "body",
            "Tại tòa, Yến khai chỉ làm theo chỉ đạo. Luật sư bào chữa cho Yến.",
        ),
    ]);
    let p = find(&es, "PERSON", "Đinh Thị Hải Yến");
    assert_eq!(p.count, 3, "{es:#?}");
    assert!(p.mentions[1..].iter().all(|m| m.kind == "given_name"));
    // A word that only looks like a given name is left alone.
    let es = find_entities(&[(
        "body",
        "Ông Nguyễn Văn Bình nói: Bình thường thì không sao.",
    )]);
    assert_eq!(find(&es, "PERSON", "Nguyễn Văn Bình").count, 1, "{es:#?}");
}

#[test]
fn bodies_named_by_a_common_noun_and_level_words_closing_a_name() {
    let text = "Ban Chỉ đạo họp sáng nay. Ông Nguyễn Đình Vĩnh, Phó Bí thư Thường trực Thành ủy \
                chủ trì; dự có Chủ tịch Ủy ban MTTQ Việt Nam thành phố. Thường trực Thành ủy \
                Đà Nẵng tổ chức gặp mặt.";
    assert_eq!(
        spans(text, "ORGANIZATION"),
        [
            "Thành ủy",
            "Ủy ban MTTQ Việt Nam thành phố",
            "Thường trực Thành ủy Đà Nẵng"
        ]
    );
    assert_eq!(spans(text, "PERSON"), ["Nguyễn Đình Vĩnh"]);
}

#[test]
fn rules_do_not_misfire_on_ordinary_sentences() {
    // A verb after an organization is not part of its name.
    assert_eq!(
        spans(
            "Bộ Công an điều tra vụ việc. Tập đoàn Hòa Phát xây dựng nhà máy. Cơ quan Cảnh sát \
             điều tra Bộ Công an vào cuộc. Tòa án 2 cấp đã xét xử.",
            "ORGANIZATION"
        ),
        [
            "Bộ Công an",
            "Tập đoàn Hòa Phát",
            "Cơ quan Cảnh sát điều tra Bộ Công an"
        ]
    );
    // "trong vòng" is no match report: the cities stay cities.
    assert_eq!(
        spans(
            "Trong vòng 5 năm, du khách đổ về Barcelona và Liverpool.",
            "LOCATION"
        ),
        ["Barcelona", "Liverpool"]
    );
    assert_eq!(
        spans("Max Verstappen giành pole trước Oscar Piastri.", "PERSON"),
        ["Max Verstappen", "Oscar Piastri"]
    );
    // Directions are not the given name of "Nguyễn Hoài Nam".
    let es = find_entities(&[(
        "body",
        "Ông Nguyễn Hoài Nam nói mưa lớn ở phía Nam, miền Nam.",
    )]);
    assert_eq!(find(&es, "PERSON", "Nguyễn Hoài Nam").count, 1, "{es:#?}");
}
