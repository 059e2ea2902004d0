//! Date words: weekdays, parts of day, lunar month names, relative expressions and the cue
//! words that make a bare "14/2" a date. Vietnamese as written in news text (folded).

/// Weekday number (ISO: Monday = 1 … Sunday = 7) of the word(s) after "thứ": "hai" … "bảy",
/// or digits 2 … 7.
pub fn weekday_after_thu(w: &str) -> Option<u8> {
    Some(match w {
        "hai" => 1,
        "ba" => 2,
        "tư" => 3,
        "năm" => 4,
        "sáu" => 5,
        "bảy" => 6,
        _ => return None,
    })
}

/// Parts of the day: the word, its English name for notes, and how a clock hour written
/// with it maps to 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    SmallHours,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    pub fn of(w: &str) -> Option<Part> {
        Some(match w {
            "sáng" => Part::Morning,
            "trưa" => Part::Noon,
            "chiều" => Part::Afternoon,
            "tối" => Part::Evening,
            "đêm" | "khuya" => Part::Night,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Part::SmallHours => "small hours",
            Part::Morning => "morning",
            Part::Noon => "noon",
            Part::Afternoon => "afternoon",
            Part::Evening => "evening",
            Part::Night => "night",
        }
    }

    /// "9h tối" = 21:00, "2h chiều" = 14:00, "12h trưa" = 12:00, "2h đêm" = 02:00.
    pub fn to_24h(self, h: u32) -> u32 {
        match self {
            Part::Afternoon | Part::Evening if h < 12 => h + 12,
            Part::Noon if h < 6 => h + 12,
            Part::Night if (6..12).contains(&h) => h + 12,
            _ => h,
        }
    }
}

/// Lunar month names after "tháng": "giêng" (1), "hai" … "mười một", "chạp" (12); "một" is
/// the 11th in old usage.
pub fn lunar_month_word(w: &str, next: Option<&str>) -> Option<(u8, usize)> {
    Some(match (w, next) {
        ("giêng", _) => (1, 1),
        ("chạp", _) => (12, 1),
        ("mười", Some("một")) => (11, 2),
        ("mười", Some("hai")) => (12, 2),
        ("mười", _) => (10, 1),
        ("hai", _) => (2, 1),
        ("ba", _) => (3, 1),
        ("tư", _) => (4, 1),
        ("năm", _) => (5, 1),
        ("sáu", _) => (6, 1),
        ("bảy", _) => (7, 1),
        ("tám", _) => (8, 1),
        ("chín", _) => (9, 1),
        ("một", _) => (11, 1),
        _ => return None,
    })
}

/// Words after which a bare day/month ("14/2") is a date.
pub fn date_cue(w: &str) -> bool {
    matches!(
        w,
        "ngày"
            | "hôm"
            | "sáng"
            | "trưa"
            | "chiều"
            | "tối"
            | "đêm"
            | "khuya"
            | "từ"
            | "đến"
            | "tới"
            | "trước"
            | "sau"
            | "hạn"
            | "đầu"
            | "cuối"
            | "giữa"
            | "lúc"
            | "vào"
            | "tức"
            | "nhật"
            | "qua"
            | "nay"
            | "mai"
            | "hai"
            | "ba"
            | "tư"
            | "năm"
            | "sáu"
            | "bảy"
            | "cn"
            | "rạng"
            | "hết"
            | "trong"
            | "dịp"
            | "lễ"
            | "khánh"
            | "phiên"
    )
}

/// Words after which "1.7" (day.month with a dot) is a date: a dot is otherwise a decimal
/// or thousands separator.
pub fn dot_date_cue(w: &str) -> bool {
    matches!(
        w,
        "ngày" | "từ" | "đến" | "hôm" | "sáng" | "chiều" | "tối" | "đêm" | "dịp"
    )
}

/// Units and multipliers that make the number before them a quantity, not a date.
pub fn unit_word(w: &str) -> bool {
    matches!(
        w,
        "triệu"
            | "tỷ"
            | "tỉ"
            | "nghìn"
            | "ngàn"
            | "điểm"
            | "lần"
            | "km"
            | "m"
            | "kg"
            | "tấn"
            | "độ"
            | "usd"
            | "đồng"
            | "người"
            | "ha"
            | "mm"
            | "cm"
            | "giờ"
            | "phút"
            | "giây"
            | "tuổi"
            | "đợt"
            | "mục"
            | "bàn"
    )
}

/// Words after "trực", "hoạt động" … a "24/7" means around the clock.
pub fn around_the_clock_cue(w: &str) -> bool {
    matches!(
        w,
        "trực" | "động" | "vụ" | "cửa" | "việc" | "trợ" | "tuyến" | "nghe" | "sàng" | "tục"
    )
}

/// English month abbreviations on Vietnamese sites ("14 Feb, 08:31 PM").
pub fn english_month(w: &str) -> Option<u32> {
    const M: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let p = w.get(..3)?;
    if w.len() > 3
        && ![
            "january",
            "february",
            "march",
            "april",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "sept",
        ]
        .contains(&w)
    {
        return None;
    }
    M.iter().position(|m| *m == p).map(|i| i as u32 + 1)
}
