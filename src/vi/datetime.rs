//! Publication instants: parsing the timestamps found in page metadata (ISO 8601 and its
//! sloppy variants) and the date lines Vietnamese pages print under a headline
//! ("Thứ Năm, 26/11/2026, 08:31 (GMT+7)", "16/07/2026 21:43", "14 Feb, 08:31 PM").
//! Everything is normalized to Vietnam time (UTC+07:00) unless the text names another offset.

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use regex::Regex;
use std::sync::LazyLock;

/// Vietnam's offset from UTC, in seconds.
pub const VN_OFFSET_SECONDS: i32 = 7 * 3600;

/// A point in time read from a page: a civil date and time plus the offset the text gave
/// (if any). `has_time` is false when only a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub civil: DateTime,
    pub offset_seconds: Option<i32>,
    pub has_time: bool,
}

impl Stamp {
    /// The instant in Vietnam time; a stamp without an offset is taken as Vietnam time.
    pub fn in_vietnam(&self) -> Option<DateTime> {
        let off = self.offset_seconds.unwrap_or(VN_OFFSET_SECONDS);
        if off == VN_OFFSET_SECONDS {
            return Some(self.civil);
        }
        let tz = TimeZone::fixed(Offset::from_seconds(off).ok()?);
        let ts = self.civil.to_zoned(tz).ok()?.timestamp();
        let vn = TimeZone::fixed(Offset::from_seconds(VN_OFFSET_SECONDS).ok()?);
        Some(ts.to_zoned(vn).datetime())
    }

    /// ISO 8601 with the +07:00 offset, e.g. `2026-02-14T20:31:00+07:00`.
    pub fn to_iso(&self) -> Option<String> {
        let dt = self.in_vietnam()?;
        Some(format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+07:00",
            dt.year(),
            dt.month(),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second()
        ))
    }

    /// Minutes between two stamps (absolute), both taken in Vietnam time.
    pub fn minutes_apart(&self, other: &Stamp) -> Option<i64> {
        let a = self.in_vietnam()?;
        let b = other.in_vietnam()?;
        let span = a.until(b).ok()?;
        let secs = span.total(jiff::Unit::Second).ok()?;
        Some((secs / 60.0).abs().round() as i64)
    }
}

fn civil(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Option<DateTime> {
    if !(1900..=2200).contains(&y) {
        return None;
    }
    let date = Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(mo).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()?;
    let t = jiff::civil::Time::new(
        i8::try_from(h).ok()?,
        i8::try_from(mi).ok()?,
        i8::try_from(s).ok()?,
        0,
    )
    .ok()?;
    Some(date.to_datetime(t))
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*(\d{4})-(\d{1,2})-(\d{1,2})
          (?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?
          \s*(Z|[+-]\s*\d{1,2}(?::?\s*\d{2})?)?",
    )
    .expect("valid regex")
});

fn parse_offset(s: &str) -> Option<i32> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if s == "Z" || s == "z" {
        return Some(0);
    }
    let (sign, rest) = match s.chars().next()? {
        '+' => (1, &s[1..]),
        '-' => (-1, &s[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        3 => (
            digits[..1].parse::<i32>().ok()?,
            digits[1..].parse::<i32>().ok()?,
        ),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if h > 14 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

fn num(m: Option<regex::Match<'_>>) -> Option<i64> {
    m.and_then(|m| m.as_str().parse().ok())
}

/// Parses a metadata timestamp: ISO 8601 and the variants pages write
/// (`2026-07-20 06:03 + 07:00`, fractional seconds, no offset, date only), or a day-first
/// date line as a fallback.
pub fn parse_meta(s: &str) -> Option<Stamp> {
    if let Some(c) = ISO.captures(s) {
        let has_time = c.get(4).is_some();
        let dt = civil(
            num(c.get(1))?,
            num(c.get(2))?,
            num(c.get(3))?,
            num(c.get(4)).unwrap_or(0),
            num(c.get(5)).unwrap_or(0),
            num(c.get(6)).unwrap_or(0),
        )?;
        let offset = c.get(7).and_then(|m| parse_offset(m.as_str()));
        return Some(Stamp {
            civil: dt,
            offset_seconds: offset,
            has_time,
        });
    }
    find_visible(s, None)
}

static GMT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:GMT|UTC)\s*([+-]\s*\d{1,2}(?::?\d{2})?)").expect("valid regex")
});

/// Finds the first calendar day (with its clock time, when one stands next to it) in a short
/// visible line such as a headline's date line, with the date grammar of [`crate::vi::dates`].
/// Year-less forms ("14 Feb, 08:31 PM", "ngày 14/2") need a reference date to pick the year;
/// without one they are not read. A "GMT+9" in the line sets the offset.
pub fn find_visible(line: &str, reference: Option<Date>) -> Option<Stamp> {
    let offset = GMT
        .captures(line)
        .and_then(|c| parse_offset(c.get(1)?.as_str()));
    let line = crate::vi::normalize::nfc(line);
    let day = crate::vi::dates::find_written_days(&line, reference)
        .into_iter()
        .next()?;
    let (h, mi) = day.time.unwrap_or((0, 0));
    let civil = day
        .date
        .to_datetime(jiff::civil::Time::new(h as i8, mi as i8, 0, 0).ok()?);
    Some(Stamp {
        civil,
        offset_seconds: offset,
        has_time: day.time.is_some(),
    })
}

/// Parses a reference date given by a user: `YYYY-MM-DD` or a full ISO datetime.
pub fn parse_reference(s: &str) -> Option<Stamp> {
    let st = parse_meta(s.trim())?;
    // Only accept what ISO parsing read (not a fallback date line).
    ISO.is_match(s.trim()).then_some(st)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> String {
        parse_meta(s).and_then(|s| s.to_iso()).unwrap_or_default()
    }

    #[test]
    fn metadata_variants() {
        assert_eq!(
            iso("2026-07-16T21:43:59+07:00"),
            "2026-07-16T21:43:59+07:00"
        );
        assert_eq!(iso("2026-07-16T14:43:59Z"), "2026-07-16T21:43:59+07:00");
        assert_eq!(
            iso("2026-07-06T18:16:00.000+07:00"),
            "2026-07-06T18:16:00+07:00"
        );
        assert_eq!(iso("2026-07-20 06:03 + 07:00"), "2026-07-20T06:03:00+07:00");
        assert_eq!(iso("2026-07-20T06:03:13"), "2026-07-20T06:03:13+07:00");
        assert_eq!(iso("2026-07-20T01:00:00-0500"), "2026-07-20T13:00:00+07:00");
    }

    #[test]
    fn visible_lines() {
        let v = |s: &str| {
            find_visible(s, Date::new(2026, 2, 15).ok())
                .and_then(|s| s.to_iso())
                .unwrap_or_default()
        };
        assert_eq!(
            v("Thứ Năm, 26/11/2026, 08:31 (GMT+7)"),
            "2026-11-26T08:31:00+07:00"
        );
        assert_eq!(v("26/11/2026 08:31 GMT+7"), "2026-11-26T08:31:00+07:00");
        assert_eq!(
            v("Thứ Hai, ngày 20/07/2026 - 06:31"),
            "2026-07-20T06:31:00+07:00"
        );
        assert_eq!(v("01:00 17/07/2026"), "2026-07-17T01:00:00+07:00");
        assert_eq!(
            v("Theo X | 20-07-2026 - 00:15 AM | Chứng khoán"),
            "2026-07-20T00:15:00+07:00"
        );
        assert_eq!(v("14 Feb, 08:31 PM"), "2026-02-14T20:31:00+07:00");
        assert_eq!(v("16/07/2026 21:43"), "2026-07-16T21:43:00+07:00");
        assert_eq!(v("| 20/07/2026 07:00"), "2026-07-20T07:00:00+07:00");
        assert_eq!(v("12 Feb, 06:07 PM"), "2026-02-12T18:07:00+07:00");
        assert_eq!(v("Dec 30, 2025 9:05 am"), "2025-12-30T09:05:00+07:00");
        assert_eq!(v("Không có ngày"), "");
        let no_ref = find_visible("14 Feb, 08:31 PM", None);
        assert!(no_ref.is_none());
    }
}
