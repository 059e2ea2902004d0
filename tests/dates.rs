//! The date grammar on the phenomena the date issue lists: each expression found with its
//! exact text and offsets, and resolved against a reference date (or left null with a note).

use jiff::civil::Date;
use vnarticle::vi::dates::{find_dates, DateMention};

fn r() -> Option<Date> {
    Some(Date::new(2026, 2, 15).unwrap())
}

fn one(text: &str, reference: Option<Date>) -> DateMention {
    let ms = find_dates(text, "text", reference);
    assert_eq!(ms.len(), 1, "{text}: {ms:?}");
    ms.into_iter().next().unwrap()
}

fn values(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    find_dates(text, "text", r())
        .into_iter()
        .map(|m| (m.text, m.value, m.end_value))
        .collect()
}

#[test]
fn numeric_and_word_dates() {
    let m = one("đặc biệt ngày 28/6/2024, Hà Nội triển khai", r());
    assert_eq!((m.text.as_str(), m.start, m.end), ("28/6/2024", 14, 23));
    assert_eq!(m.value.as_deref(), Some("2024-06-28"));
    assert_eq!(
        (m.granularity.as_str(), m.inferred, m.relative),
        ("day", false, false)
    );
    assert_eq!(
        one("ngày 28 tháng 6 năm 2024", r()).value.as_deref(),
        Some("2024-06-28")
    );
    assert_eq!(
        one("hạn chót 28-6-2024 nhé", r()).value.as_deref(),
        Some("2024-06-28")
    );
    assert_eq!(
        one("văn bản ký 28.6.2024", r()).value.as_deref(),
        Some("2024-06-28")
    );
    let m = one("Ngày 14/2, nhân Tết", r());
    assert_eq!((m.value.as_deref(), m.inferred), (Some("2026-02-14"), true));
    assert_eq!(
        one("Ngày 14/2, nhân Tết", None).value,
        None,
        "no reference: no guess"
    );
    assert!(one("Ngày 14/2, nhân Tết", None).note.is_some());
}

#[test]
fn partial_dates() {
    assert_eq!(
        values("quý II/2024, tháng 6/2024, đầu tháng 7, cuối năm 2025, thập niên 1960, năm 2024"),
        vec![
            ("quý II/2024".into(), Some("2024-Q2".into()), None),
            ("tháng 6/2024".into(), Some("2024-06".into()), None),
            (
                "đầu tháng 7".into(),
                Some("2026-07-01".into()),
                Some("2026-07-10".into())
            ),
            (
                "cuối năm 2025".into(),
                Some("2025-09".into()),
                Some("2025-12".into())
            ),
            (
                "thập niên 1960".into(),
                Some("1960".into()),
                Some("1969".into())
            ),
            ("năm 2024".into(), Some("2024".into()), None),
        ]
    );
    assert_eq!(
        one("tháng 10 vừa qua", r()).value.as_deref(),
        Some("2025-10")
    );
}

#[test]
fn weekdays_and_times() {
    let m = one("Thứ Năm, 26/11/2026, 08:31 (GMT+7)", r());
    assert_eq!(m.text, "26/11/2026, 08:31");
    assert_eq!(
        (m.value.as_deref(), m.granularity.as_str()),
        (Some("2026-11-26T08:31:00+07:00"), "minute")
    );
    assert_eq!(m.note, None);
    let m = one("Thứ Sáu, 26/11/2026", r());
    assert!(
        m.note.as_deref().unwrap().contains("weekday mismatch"),
        "{m:?}"
    );
    assert_eq!(
        one("lúc 9h tối ngày 12/2", r()).value.as_deref(),
        Some("2026-02-12T21:00:00+07:00")
    );
    let m = one("sáng 12/2 có mưa", r());
    assert_eq!(
        (
            m.value.as_deref(),
            m.granularity.as_str(),
            m.note.as_deref()
        ),
        (Some("2026-02-12"), "part_of_day", Some("morning"))
    );
    let m = one("vào 8h30 hôm qua", r());
    assert_eq!(
        (m.value.as_deref(), m.relative),
        (Some("2026-02-14T08:30:00+07:00"), true)
    );
    assert_eq!(
        one("14 Feb, 08:31 PM", r()).value.as_deref(),
        Some("2026-02-14T20:31:00+07:00")
    );
}

#[test]
fn relative_expressions() {
    assert_eq!(
        values("hôm kia, tuần trước, năm ngoái, 3 ngày trước, cách đây 2 tuần"),
        vec![
            ("hôm kia".into(), Some("2026-02-13".into()), None),
            (
                "tuần trước".into(),
                Some("2026-02-02".into()),
                Some("2026-02-08".into())
            ),
            ("năm ngoái".into(), Some("2025".into()), None),
            ("3 ngày trước".into(), Some("2026-02-12".into()), None),
            ("cách đây 2 tuần".into(), Some("2026-02-01".into()), None),
        ]
    );
    let m = one("Sáng hôm qua, trời mưa", r());
    assert_eq!(
        (
            m.text.as_str(),
            m.value.as_deref(),
            m.granularity.as_str(),
            m.note.as_deref()
        ),
        (
            "Sáng hôm qua",
            Some("2026-02-14"),
            "part_of_day",
            Some("morning")
        )
    );
    let m = one("sáng nay", None);
    assert!(m.relative && m.value.is_none() && m.note.is_some());
}

#[test]
fn ranges() {
    assert_eq!(
        values("từ 1/7 đến 15/7 và giai đoạn 2022 - 2025"),
        vec![
            (
                "1/7 đến 15/7".into(),
                Some("2026-07-01".into()),
                Some("2026-07-15".into())
            ),
            (
                "2022 - 2025".into(),
                Some("2022".into()),
                Some("2025".into())
            ),
        ]
    );
    assert_eq!(
        values("trong ngày 1-15/7/2026"),
        vec![(
            "1-15/7/2026".into(),
            Some("2026-07-01".into()),
            Some("2026-07-15".into())
        )]
    );
    assert_eq!(
        values("từ ngày 28/6 - 3/7"),
        vec![(
            "28/6 - 3/7".into(),
            Some("2026-06-28".into()),
            Some("2026-07-03".into())
        )]
    );
}

#[test]
fn lunar_dates() {
    let m = one("mùng 1 Tết", r());
    assert_eq!(
        (m.value.as_deref(), m.calendar.as_str()),
        (Some("2026-02-17"), "lunar")
    );
    let l = m.lunar.unwrap();
    assert_eq!((l.year, l.month, l.day, l.leap_month), (2026, 1, 1, false));
    assert_eq!(
        one("rằm tháng Giêng", r()).value.as_deref(),
        Some("2026-03-03")
    );
    assert_eq!(
        one("23 tháng Chạp", r()).value.as_deref(),
        Some("2026-02-10")
    );
    assert_eq!(one("ngày 10/3 âm lịch", r()).calendar, "lunar");
    let m = one("29 tháng Chạp năm Nhâm Thìn", r());
    assert_eq!(
        (m.value.as_deref(), m.lunar.unwrap().year),
        (Some("2013-02-09"), 2012)
    );
    let m = one("Xuân Bính Ngọ 2026", r());
    assert_eq!(
        (
            m.value.as_deref(),
            m.granularity.as_str(),
            m.calendar.as_str()
        ),
        (Some("2026"), "year", "lunar")
    );
}

#[test]
fn equivalence_with_a_misprint_is_flagged() {
    let ms = find_dates("trong ngày 14/1 (tức 27 Tết), Phó Chủ tịch", "summary", r());
    assert_eq!(ms.len(), 2);
    assert_eq!(
        (ms[0].text.as_str(), ms[0].value.as_deref()),
        ("14/1", Some("2026-01-14"))
    );
    assert_eq!(
        (ms[1].text.as_str(), ms[1].value.as_deref()),
        ("27 Tết", Some("2026-02-14"))
    );
    assert_eq!(
        ms[1].lunar.map(|l| (l.year, l.month, l.day)),
        Some((2025, 12, 27))
    );
    assert!(ms[0].note.as_deref().unwrap().contains("disagree"));
    assert!(ms[1].note.as_deref().unwrap().contains("disagree"));
}

#[test]
fn not_dates() {
    assert_eq!(
        values("Nghị định 123/2024/NĐ-CP, Quyết định số 06/QĐ-TTg, thắng 2-1, iOS 18.1, 1/2 số người, trực 24/7, giá 5.024 đồng"),
        vec![]
    );
    assert_eq!(
        values("trực 24/7, ngày 24/7"),
        vec![("24/7".into(), Some("2026-07-24".into()), None)]
    );
}
