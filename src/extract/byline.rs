//! Bylines, source attributions and datelines: telling a person's name from site furniture
//! ("Chia sẻ"), an agency credit ("Theo TTXVN") from an author, and splitting the outlet's
//! dateline ("Kinhtedothi - ", "(Dân trí) - ", "TTO - ") off a lead.

use crate::vi::normalize::{fold, word_count};
use regex::Regex;
use std::sync::LazyLock;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\((?P<paren>[^()]{2,40})\)|(?P<bare>[\p{Lu}\p{N}][\p{L}\p{N}.&]*(?:\s[\p{Lu}][\p{L}\p{N}.&]*){0,2}))\s*[-–—]{1,2}\s*",
    )
    .expect("valid regex")
});

/// Splits an outlet dateline off the start of a lead: `("Kinhtedothi", "Hà Nội là …")`.
pub fn split_dateline(lead: &str) -> (Option<String>, String) {
    if let Some(c) = DATELINE.captures(lead) {
        let whole = c.get(0).map(|m| m.end()).unwrap_or(0);
        let name = c
            .name("paren")
            .or_else(|| c.name("bare"))
            .map(|m| m.as_str().trim().to_owned())
            .unwrap_or_default();
        let rest = lead[whole..].trim();
        let bare = c.name("bare").is_some();
        // A bare prefix must look like an outlet or a place in capitals, not a sentence start.
        let plausible = !name.is_empty()
            && word_count(rest) >= 5
            && (!bare
                || name.contains('.')
                || name.chars().filter(|c| c.is_uppercase()).count() >= 2
                || word_count(&name) == 1)
            && !name.chars().all(|c| c.is_ascii_digit());
        if plausible {
            return (Some(name), rest.to_owned());
        }
    }
    (None, lead.to_owned())
}

const NOT_NAMES: &[&str] = &[
    "chia sẻ",
    "theo dõi",
    "share",
    "tweet",
    "email",
    "in",
    "print",
    "bình luận",
    "comments",
    "admin",
    "administrator",
    "ban biên tập",
    "biên tập viên",
    "pv",
    "ptv",
    "btv",
    "nhóm pv",
    "staff",
    "editor",
    "reporter",
    "author",
    "tác giả",
    "more",
    "follow",
    "facebook",
    "twitter",
    "zalo",
    "lưu",
    "nghe",
    "bài viết",
    "tin tức",
    "news",
    "copy link",
    "unknown",
];

/// Words that name an agency or a publication rather than a person.
const AGENCY_WORDS: &[&str] = &[
    "ttxvn",
    "vnexpress",
    "reuters",
    "afp",
    "ap",
    "bloomberg",
    "xinhua",
    "tass",
    "bbc",
    "cnn",
    "vov",
    "vtv",
    "vna",
    "báo",
    "tạp chí",
    "thông tấn",
    "tổng hợp",
    "đài",
    "cổng thông tin",
    ".vn",
    ".com",
    ".net",
    ".org",
    "online",
    "news",
    "times",
    "post",
    "press",
    "media",
    "tuổi trẻ",
    "thanh niên",
    "dân trí",
    "tiền phong",
    "nhân dân",
    "lao động",
    "zing",
    "vietnamnet",
    "người lao động",
    "pháp luật",
    "sài gòn giải phóng",
    "an ninh thủ đô",
    "kinh tế",
    "đời sống",
];

/// Cleans a byline into a list of person names ("Theo Phạm Trường" → "Phạm Trường";
/// "Minh Anh - Hồng Nhung" → two names); drops furniture and agencies.
pub fn person_names(raw: &str) -> Vec<String> {
    let mut s = crate::vi::normalize::clean(raw);
    for p in [
        "Tác giả:",
        "Tác giả",
        "Bởi",
        "By",
        "Written by",
        "Theo",
        "Bài:",
        "Bài và ảnh:",
        "Bài, ảnh:",
        "Ảnh:",
        "Nhóm phóng viên",
        "Phóng viên",
    ] {
        if s.len() > p.len() && s.starts_with(p) && s[p.len()..].starts_with([' ', ':']) {
            s = s[p.len()..].trim_start_matches([' ', ':']).to_owned();
        }
    }
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '-' | '–' | '|' | '(' | ')' | '.')
    });
    let mut out = Vec::new();
    for part in s
        .split([',', ';', '|', '–', '/', '&'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split(" và "))
        .flat_map(|p| p.split(" and "))
    {
        let p = part
            .trim()
            .trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ':' | '-' | '"' | '“' | '”'));
        if looks_like_person(p) && !out.iter().any(|o: &String| o == p) {
            out.push(p.to_owned());
        }
    }
    out
}

/// A short capitalized run of words with no digits, not a furniture label or an agency.
pub fn looks_like_person(s: &str) -> bool {
    let s = s.trim();
    let n = word_count(s);
    if n == 0 || n > 5 || s.chars().count() > 40 {
        return false;
    }
    if s.contains('@') || s.contains("http") || s.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let f = fold(s);
    if NOT_NAMES.contains(&f.as_str()) || is_agency(s) {
        return false;
    }
    // Every word capitalized (initials like "TP" pass).
    s.split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}

/// "TTXVN", "Báo Tuổi Trẻ", "vnexpress.net", "Reuters".
pub fn is_agency(s: &str) -> bool {
    let f = fold(s);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .filter(|w| !w.is_empty())
        .collect();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    if letters >= 3 && upper == letters && !s.contains(' ') && letters > 2 {
        return true;
    }
    AGENCY_WORDS.iter().any(|a| {
        if a.starts_with('.') || a.contains(' ') {
            f.contains(a)
        } else {
            words.contains(a)
        }
    })
}

/// "Theo TTXVN", "(Theo VnExpress)", "Nguồn: Reuters", "(tổng hợp)": returns the attribution
/// as written without parentheses.
pub fn source_attribution(line: &str) -> Option<String> {
    let t = line
        .trim()
        .trim_start_matches('(')
        .trim_end_matches([')', '.'])
        .trim();
    if t.chars().count() > 80 || t.is_empty() {
        return None;
    }
    let f = fold(t);
    if (f.starts_with("theo ")
        || f.starts_with("nguồn:")
        || f.starts_with("nguồn ")
        || f.starts_with("source:"))
        && word_count(t) <= 10
    {
        return Some(t.to_owned());
    }
    // "(TTXVN/Vietnam+)", "(Reuters)": an agency credit in parentheses.
    let parenthesized = line.trim().starts_with('(') && line.trim().ends_with([')', '.']);
    if parenthesized
        && word_count(t) <= 6
        && t.split(['/', ',', '-'])
            .all(|p| is_agency(p.trim()) || p.trim().ends_with('+'))
    {
        return Some(t.to_owned());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        let (d, r) =
            split_dateline("Kinhtedothi - Hà Nội là địa phương đầu tiên trong cả nước thực hiện");
        assert_eq!(d.as_deref(), Some("Kinhtedothi"));
        assert!(r.starts_with("Hà Nội là"));
        let (d, _) =
            split_dateline("(Dân trí) - Khu vực Bắc Bộ 2 ngày tới giảm mưa, nhiều nơi nắng nóng.");
        assert_eq!(d.as_deref(), Some("Dân trí"));
        let (d, _) =
            split_dateline("TPO - Hội đồng quản trị (HĐQT) Công ty CP Vàng bạc đá quý Phú Nhuận");
        assert_eq!(d.as_deref(), Some("TPO"));
        let (d, _) = split_dateline("VOV.VN - Sáng nay, Quốc hội bắt đầu phiên họp thứ mười");
        assert_eq!(d.as_deref(), Some("VOV.VN"));
        let (d, r) = split_dateline(
            "Trang trại lợn của Công ty TNHH Dabaco Thanh Hóa có diện tích hơn 50 ha",
        );
        assert_eq!(d, None);
        assert!(r.starts_with("Trang trại"));
        let (d, _) =
            split_dateline("Năm 2024 - năm bản lề của kế hoạch 5 năm, kinh tế tăng trưởng");
        assert_eq!(d, None);
    }

    #[test]
    fn names() {
        assert_eq!(person_names("Theo Phạm Trường"), vec!["Phạm Trường"]);
        assert_eq!(
            person_names("Minh Anh - Hồng Nhung"),
            vec!["Minh Anh", "Hồng Nhung"]
        );
        assert!(person_names("Chia sẻ").is_empty());
        assert!(person_names("TTXVN").is_empty());
        assert_eq!(
            person_names("Thế Duyệt, Đời sống Pháp luật"),
            vec!["Thế Duyệt"]
        );
        assert_eq!(
            source_attribution("(Theo TTXVN)").as_deref(),
            Some("Theo TTXVN")
        );
        assert_eq!(
            source_attribution("Theo VnExpress"),
            Some("Theo VnExpress".into())
        );
        assert_eq!(source_attribution("Theo ông A, thị trường sẽ còn biến động mạnh trong thời gian tới vì nhiều lý do khác nhau"), None);
    }
}
