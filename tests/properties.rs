//! Property tests of the date and entity pipelines: the scanner never panics on any string, its offsets
//! always cut the text at characters and name the text they claim, its values are well
//! formed; and every lunar date of 1900–2100 converts to a Gregorian date and back.

use jiff::civil::Date;
use proptest::prelude::*;
use vnarticle::vi::dates::{find_dates, DateMention};
use vnarticle::vi::lunar::{to_gregorian, to_lunar};

/// Pieces that make the grammar's rules fire, so random texts reach deep into it.
const PIECES: &[&str] = &[
    "ngày",
    "Ngày",
    "tháng",
    "năm",
    "sáng",
    "chiều",
    "tối",
    "đêm",
    "rạng",
    "hôm",
    "qua",
    "nay",
    "mai",
    "kia",
    "tuần",
    "trước",
    "tới",
    "vừa",
    "từ",
    "đến",
    "hết",
    "và",
    "cùng",
    "mùng",
    "mồng",
    "rằm",
    "Tết",
    "Giêng",
    "Chạp",
    "nhuận",
    "âm",
    "lịch",
    "ÂL",
    "Bính",
    "Ngọ",
    "Giáp",
    "Thìn",
    "quý",
    "II",
    "IV",
    "đầu",
    "giữa",
    "cuối",
    "thập",
    "niên",
    "những",
    "giai",
    "đoạn",
    "thứ",
    "Hai",
    "Chủ",
    "nhật",
    "T2",
    "CN",
    "h",
    "giờ",
    "phút",
    "Feb",
    "PM",
    "AM",
    "T",
    "Z",
    "giao",
    "thừa",
    "Trung",
    "thu",
    "Nguyên",
    "đán",
    "mùa",
    "Thu",
    "Đông",
    "cách",
    "đây",
    "hằng",
    "mỗi",
    "trực",
    "24/7",
    "/",
    "-",
    ".",
    ":",
    ",",
    "(",
    ")",
    "+",
    "–",
    " ",
    " ",
    " ",
    "0",
    "1",
    "7",
    "12",
    "14",
    "24",
    "29",
    "30",
    "31",
    "99",
    "2024",
    "2026",
    "1900",
    "2199",
    "9999",
    "00",
    "07",
    "\u{0300}",
    "Ð",
    "e\u{0301}",
];

fn date_like_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn check(text: &str, reference: Option<Date>) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    let found: Vec<DateMention> = find_dates(text, "text", reference);
    let mut prev_end = 0;
    for m in &found {
        prop_assert!(m.start < m.end && m.end <= chars.len(), "{m:?} in {text:?}");
        prop_assert!(m.start >= prev_end, "mentions overlap: {found:?}");
        prev_end = m.end;
        let cut: String = chars[m.start..m.end].iter().collect();
        prop_assert_eq!(&cut, &m.text);
        if let Some(v) = &m.value {
            let ok = match m.granularity.as_str() {
                "year" => v.len() == 4,
                "quarter" => v.len() == 7 && v.contains("-Q"),
                "month" => v.len() == 7 && format!("{v}-01").parse::<Date>().is_ok(),
                "day" | "part_of_day" => v.parse::<Date>().is_ok(),
                "minute" => {
                    v.len() == 25 && v.ends_with("+07:00") && v[..10].parse::<Date>().is_ok()
                }
                _ => false,
            };
            prop_assert!(ok, "malformed value {v:?} ({}) in {text:?}", m.granularity);
            if let Some(e) = &m.end_value {
                prop_assert!(e.len() == v.len(), "{v} .. {e}");
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn scanner_on_arbitrary_strings(text in any::<String>()) {
        check(&text, Some(Date::constant(2026, 2, 15)))?;
        check(&text, None)?;
    }

    #[test]
    fn scanner_on_date_like_strings(text in date_like_text(), day in 0i64..80_000) {
        let reference = Date::constant(1900, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .ok()
            .filter(|d| d.year() <= 2199);
        check(&text, reference)?;
    }

    #[test]
    fn lunar_round_trip(day in 0i64..73_413) {
        // Every day from 1900-01-31 (Tết 1900) through 2100-12-31.
        let g = Date::constant(1900, 1, 31).checked_add(jiff::Span::new().days(day)).unwrap();
        let l = to_lunar(i32::from(g.year()), g.month() as u8, g.day() as u8)
            .expect("in range");
        let back = to_gregorian(l).expect("the lunar date exists");
        prop_assert_eq!(back, (i32::from(g.year()), g.month() as u8, g.day() as u8));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The entity pass never panics and its mentions name the text they cut.
    #[test]
    fn entities_on_arbitrary_strings(text in any::<String>()) {
        check_entities(&text)?;
    }

    #[test]
    fn entities_on_name_like_strings(
        words in prop::collection::vec(prop::sample::select(NAME_PIECES), 0..30)
    ) {
        check_entities(&words.join(" "))?;
    }
}

const NAME_PIECES: &[&str] = &[
    "Thủ",
    "tướng",
    "Phạm",
    "Minh",
    "Chính",
    "ông",
    "Ông",
    "bà",
    "UBND",
    "TP",
    "TP.",
    "Hà",
    "Nội",
    "tỉnh",
    "Bình",
    "Dương",
    "Sở",
    "Y",
    "tế",
    "Bộ",
    "Tài",
    "chính",
    "Nguyễn",
    "Văn",
    "-",
    ",",
    ".",
    "(",
    ")",
    "1,5",
    "tỷ",
    "đồng",
    "%",
    "Nghị",
    "định",
    "123/2024/NĐ-CP",
    "số",
    "Đề",
    "án",
    "06",
    "sông",
    "Hồng",
    "cầu",
    "Messi",
    "World",
    "Cup",
    "Chủ",
    "tịch",
    "và",
];

fn check_entities(text: &str) -> Result<(), TestCaseError> {
    let chars: Vec<char> = text.chars().collect();
    for e in vnarticle::vi::entities::find_entities(&[("body", text)]) {
        prop_assert!(e.count == e.mentions.len());
        for m in &e.mentions {
            prop_assert!(m.start < m.end && m.end <= chars.len(), "{m:?}");
            let cut: String = chars[m.start..m.end].iter().collect();
            prop_assert_eq!(&cut, &m.text);
        }
    }
    Ok(())
}
