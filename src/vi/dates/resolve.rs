//! Resolution: a parsed expression and a reference date give ISO values. Year-less dates
//! take the year that puts them nearest the reference (unless the text says "tới" or "vừa
//! qua"), and are marked `inferred`; without a reference they stay `null` with a note.

use super::grammar::{self, Expr, Tense, Third, Unit};
use super::lexicon::Part;
use super::LunarReading;
use crate::vi::lunar;
use jiff::civil::Date;
use jiff::ToSpan;

/// A resolved value.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub value: Option<String>,
    pub end_value: Option<String>,
    pub granularity: &'static str,
    pub lunar: Option<LunarReading>,
    pub relative: bool,
    pub inferred: bool,
    pub note: Option<String>,
}

const NO_REF: &str = "no reference date: the text does not give the year";

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn date(y: i32, m: u32, d: u32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b)
        .map(|s| i64::from(s.get_days()))
        .unwrap_or(i64::MAX)
        .abs()
}

/// The year for a month/day nearest the reference, honouring the tense.
fn infer_year(m: u32, d: u32, r: Date, tense: Tense) -> Option<i32> {
    let ry = i32::from(r.year());
    let mut best: Option<(i32, i64)> = None;
    for y in [ry - 1, ry, ry + 1] {
        let Some(dt) = date(y, m, d).or_else(|| date(y, m, 1)) else {
            continue;
        };
        match tense {
            Tense::Future if dt < r => continue,
            Tense::Past if dt > r => continue,
            _ => {}
        }
        let dist = days_between(dt, r);
        if best.is_none_or(|(_, bd)| dist < bd) {
            best = Some((y, dist));
        }
    }
    best.map(|(y, _)| y)
}

/// The value of an anaphor ("hôm sau", "hai ngày sau", "5h sáng hôm sau") counted from `start`.
pub(crate) fn anaphor_value(e: &Expr, start: Date) -> Option<String> {
    let (inner, at) = match e {
        Expr::At(inner, t) => (&**inner, Some(*t)),
        e => (e, None),
    };
    let Expr::Anaphor {
        unit,
        offset,
        part,
        time,
    } = inner
    else {
        return None;
    };
    let day = match unit {
        Unit::Day | Unit::Hour => start.checked_add((*offset as i64).days()).ok()?,
        Unit::Week => start.checked_add((7 * *offset as i64).days()).ok()?,
        Unit::Month => {
            let d = start
                .first_of_month()
                .checked_add((*offset as i64).months())
                .ok()?;
            return Some(format!("{:04}-{:02}", d.year(), d.month()));
        }
        Unit::Year => return Some(format!("{:04}", i32::from(start.year()) + offset)),
    };
    Some(with_time(day, at.or(*time), *part).0)
}

/// `e` with the year of the reference written in: the Gregorian year for days and months,
/// the lunar year for lunar days.
fn in_year_of(e: &Expr, rf: Date) -> Option<Expr> {
    let gy = i32::from(rf.year());
    Some(match e {
        Expr::Day { .. } | Expr::Month { .. } | Expr::Quarter { .. } => {
            let mut e = e.clone();
            match &mut e {
                Expr::Day { y, .. } | Expr::Month { y, .. } | Expr::Quarter { y, .. } => {
                    *y = Some(gy)
                }
                _ => {}
            }
            e
        }
        Expr::Lunar { .. } => {
            let ly = lunar::to_lunar(gy, rf.month() as u8, rf.day() as u8)?.year;
            let mut e = e.clone();
            if let Expr::Lunar { y, .. } = &mut e {
                *y = Some(ly);
            }
            e
        }
        Expr::Range { from, to } => Expr::Range {
            from: Box::new(in_year_of(from, rf)?),
            to: Box::new(in_year_of(to, rf)?),
        },
        _ => return None,
    })
}

/// The year of a year-less month: "tháng 6 vừa qua" is the last June that has begun, "tháng 3
/// tới" the next March to begin, a bare "tháng 6" the June nearest the reference.
fn infer_month_year(m: u32, r: Date, tense: Tense) -> Option<i32> {
    let ry = i32::from(r.year());
    match tense {
        Tense::Any => infer_year(m, 15, r, Tense::Any),
        Tense::Past => [ry, ry - 1]
            .into_iter()
            .find(|&y| date(y, m, 1).is_some_and(|d| d <= r)),
        Tense::Future => [ry, ry + 1]
            .into_iter()
            .find(|&y| date(y, m, 1).is_some_and(|d| d > r)),
    }
}

fn weekday_name(n: i8) -> &'static str {
    [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ nhật",
    ][(n.clamp(1, 7) - 1) as usize]
}

pub(crate) fn with_time(
    day: Date,
    time: Option<(u32, u32)>,
    part: Option<Part>,
) -> (String, &'static str, Option<String>) {
    match (time, part) {
        (Some((h, mi)), _) => (
            format!("{}T{:02}:{:02}:00+07:00", ymd(day), h, mi),
            "minute",
            None,
        ),
        (None, Some(p)) => (ymd(day), "part_of_day", Some(p.name().to_owned())),
        (None, None) => (ymd(day), "day", None),
    }
}

/// Resolves an expression; `None` when it is not a real date (31/2, month 13).
pub fn resolve(e: &Expr, reference: Option<Date>) -> Option<Resolved> {
    let mut r = Resolved::default();
    match e {
        Expr::Day {
            d,
            m,
            y,
            weekday,
            part,
            time,
            tense,
        } => {
            date(y.unwrap_or(2024), *m, *d)?; // 29/2 is valid in some year
            let year = match (y, reference) {
                (Some(y), _) => Some(*y),
                (None, Some(rf)) => {
                    r.inferred = true;
                    infer_year(*m, *d, rf, *tense)
                }
                (None, None) => None,
            };
            r.granularity = if time.is_some() {
                "minute"
            } else if part.is_some() {
                "part_of_day"
            } else {
                "day"
            };
            match year.and_then(|y| date(y, *m, *d)) {
                Some(day) => {
                    let (v, g, note) = with_time(day, *time, *part);
                    r.value = Some(v);
                    r.granularity = g;
                    r.note = note;
                    if let Some(wd) = weekday {
                        let actual = day.weekday().to_monday_one_offset();
                        if actual != *wd as i8 {
                            add_note(
                                &mut r,
                                format!(
                                    "weekday mismatch: the text says {}, {} is a {}",
                                    weekday_name(*wd as i8),
                                    ymd(day),
                                    weekday_name(actual)
                                ),
                            );
                        }
                    }
                }
                None if y.is_none() && reference.is_none() => add_note(&mut r, NO_REF.to_owned()),
                None => return None,
            }
        }
        Expr::Month { m, y, tense } => {
            r.granularity = "month";
            let year = match (y, reference) {
                (Some(y), _) => Some(*y),
                (None, Some(rf)) => {
                    r.inferred = true;
                    infer_month_year(*m, rf, *tense)
                }
                _ => None,
            };
            match year {
                Some(y) => r.value = Some(format!("{y:04}-{m:02}")),
                None => add_note(&mut r, NO_REF.to_owned()),
            }
        }
        Expr::Year { y } => {
            r.granularity = "year";
            r.value = Some(format!("{y:04}"));
        }
        Expr::Quarter { q, y } => {
            r.granularity = "quarter";
            match y.or_else(|| reference.map(|rf| i32::from(rf.year()))) {
                Some(yy) => {
                    r.inferred = y.is_none();
                    r.value = Some(format!("{yy:04}-Q{q}"));
                }
                None => add_note(&mut r, NO_REF.to_owned()),
            }
        }
        Expr::Period { third, m, y } => {
            let year = match (y, m, reference) {
                (Some(y), _, _) => Some(*y),
                (None, Some(m), Some(rf)) => {
                    r.inferred = true;
                    infer_year(*m, 15, rf, Tense::Any)
                }
                (None, None, Some(rf)) => {
                    r.relative = true;
                    Some(i32::from(rf.year()))
                }
                _ => None,
            };
            let Some(year) = year else {
                add_note(&mut r, NO_REF.to_owned());
                r.granularity = if m.is_some() { "day" } else { "month" };
                return Some(r);
            };
            match m {
                Some(m) => {
                    let last = date(year, *m, 1)?.last_of_month().day() as u32;
                    let (a, b) = match third {
                        Third::Early => (1, 10),
                        Third::Mid => (11, 20),
                        Third::Late => (21, last),
                    };
                    r.granularity = "day";
                    r.value = Some(ymd(date(year, *m, a)?));
                    r.end_value = Some(ymd(date(year, *m, b)?));
                }
                None => {
                    // Thirds of the year, as of the month: 1–4, 5–8, 9–12.
                    let (a, b) = match third {
                        Third::Early => (1, 4),
                        Third::Mid => (5, 8),
                        Third::Late => (9, 12),
                    };
                    r.granularity = "month";
                    r.value = Some(format!("{year:04}-{a:02}"));
                    r.end_value = Some(format!("{year:04}-{b:02}"));
                }
            }
        }
        Expr::Decade { start, third } => {
            // Thirds of a decade: years 0–3, 4–6, 7–9.
            let (a, b) = match third {
                None => (0, 9),
                Some(Third::Early) => (0, 3),
                Some(Third::Mid) => (4, 6),
                Some(Third::Late) => (7, 9),
            };
            r.granularity = "year";
            r.value = Some(format!("{:04}", start + a));
            r.end_value = Some(format!("{:04}", start + b));
        }
        Expr::YearMonths { from, to, y } => {
            r.granularity = "month";
            let year = match (y, reference) {
                (Some(y), _) => *y,
                (None, Some(rf)) => {
                    r.inferred = true;
                    i32::from(rf.year())
                }
                (None, None) => {
                    add_note(&mut r, NO_REF.to_owned());
                    return Some(r);
                }
            };
            r.value = Some(format!("{year:04}-{from:02}"));
            r.end_value = Some(format!("{year:04}-{to:02}"));
        }
        Expr::At(inner, (h, mi)) => {
            let mut inner_r = resolve(inner, reference)?;
            if let Some(v) = inner_r.value.as_deref().and_then(|v| v.get(..10)) {
                inner_r.value = Some(format!("{v}T{h:02}:{mi:02}:00+07:00"));
            }
            inner_r.granularity = "minute";
            inner_r.end_value = None;
            return Some(inner_r);
        }
        Expr::Anaphor { unit, .. } => {
            // Filled in from the mention before it by `find_dates` (or the range's start).
            r.relative = true;
            r.granularity = match unit {
                Unit::Month => "month",
                _ => "day",
            };
            add_note(
                &mut r,
                "counted from an earlier date, which this text does not give".to_owned(),
            );
        }
        Expr::MonthPart { third, offset } => {
            r.relative = true;
            r.granularity = "day";
            let Some(rf) = reference else {
                add_note(&mut r, NO_REF.to_owned());
                return Some(r);
            };
            let first = rf
                .first_of_month()
                .checked_add((*offset as i64).months())
                .ok()?;
            let last = first.last_of_month().day();
            let (a, b) = match third {
                Third::Early => (1, 10),
                Third::Mid => (11, 20),
                Third::Late => (21, last),
            };
            r.value = Some(ymd(first.with().day(a).build().ok()?));
            r.end_value = Some(ymd(first.with().day(b).build().ok()?));
        }
        Expr::QuarterRel { offset } => {
            r.relative = true;
            r.granularity = "quarter";
            let Some(rf) = reference else {
                add_note(&mut r, NO_REF.to_owned());
                return Some(r);
            };
            let q0 = i32::from(rf.year()) * 4 + (rf.month() as i32 - 1) / 3 + offset;
            r.value = Some(format!("{:04}-Q{}", q0.div_euclid(4), q0.rem_euclid(4) + 1));
        }
        Expr::Weekend { offset, from } => {
            r.relative = true;
            r.granularity = "day";
            let Some(rf) = reference else {
                add_note(&mut r, NO_REF_RELATIVE.to_owned());
                return Some(r);
            };
            let monday = rf
                .checked_sub(i64::from(rf.weekday().to_monday_zero_offset()).days())
                .ok()?;
            let saturday = monday
                .checked_add((7 * i64::from(*offset) + i64::from(*from)).days())
                .ok()?;
            r.value = Some(ymd(saturday));
            r.end_value = Some(ymd(saturday.checked_add(1.day()).ok()?));
        }
        Expr::Range { from, to } => {
            // A side without a year takes it from the other side ("31/12 đến 2/1/2023",
            // "tháng 3 đến tháng 5/2025"): resolved against the other side's day.
            let anchor = |r: &Resolved| {
                r.value
                    .as_deref()
                    .and_then(|v| v.get(..10).or(v.get(..7).map(|_| v)))
                    .and_then(|v| match v.len() {
                        10 => v.parse::<Date>().ok(),
                        7 => format!("{v}-15").parse::<Date>().ok(),
                        _ => None,
                    })
            };
            let (a, b) = match (grammar::without_year(from), grammar::without_year(to)) {
                // "22h thứ Tư tuần này đến 5h sáng hôm sau": the end counts from the start.
                _ if matches!(**to, Expr::Anaphor { .. })
                    || matches!(&**to, Expr::At(e, _) if matches!(**e, Expr::Anaphor { .. })) =>
                {
                    let a = resolve(from, reference)?;
                    let start = anchor(&a);
                    let b = resolve(to, reference)?;
                    let b = match start {
                        Some(s) => anaphor_value(to, s).map_or(b.clone(), |v| Resolved {
                            value: Some(v),
                            ..b
                        }),
                        None => b,
                    };
                    (a, b)
                }
                (true, false) => {
                    let b = resolve(to, reference)?;
                    let a = resolve(from, anchor(&b).or(reference))?;
                    (a, b)
                }
                (false, true) => {
                    let a = resolve(from, reference)?;
                    let b = resolve(to, anchor(&a).or(reference))?;
                    (a, b)
                }
                _ => (resolve(from, reference)?, resolve(to, reference)?),
            };
            r.granularity = if a.granularity == b.granularity {
                a.granularity
            } else if matches!(a.granularity, "day" | "part_of_day" | "minute")
                && matches!(b.granularity, "day" | "part_of_day" | "minute")
            {
                "day"
            } else {
                a.granularity
            };
            let day_only = |v: Option<String>| {
                if r.granularity == "day" {
                    v.map(|v| v.chars().take(10).collect())
                } else {
                    v
                }
            };
            r.inferred = a.inferred || b.inferred;
            r.relative = a.relative || b.relative;
            r.lunar = a.lunar;
            r.note = a.note.or(b.note);
            r.value = day_only(a.value);
            r.end_value = day_only(b.end_value.or(b.value));
            // A year-less "28/12 - 3/1" crosses the new year.
            if let (Some(v), Some(ev)) = (&r.value, &r.end_value) {
                if v > ev && r.inferred && v.len() >= 10 {
                    if let Some(dt) = v
                        .get(..10)
                        .and_then(|d| d.parse::<Date>().ok())
                        .and_then(|d| d.checked_sub(1.year()).ok())
                    {
                        r.value = Some(format!("{}{}", ymd(dt), &v[10..]));
                    }
                }
            }
        }
        Expr::InYear(inner, offset) => {
            let filled = reference
                .and_then(|rf| rf.checked_add((*offset as i64).years()).ok())
                .and_then(|rf| in_year_of(inner, rf));
            let mut inner_r = resolve(filled.as_ref().unwrap_or(inner), reference)?;
            inner_r.relative = true;
            inner_r.inferred = reference.is_some();
            return Some(inner_r);
        }
        Expr::Relative {
            unit,
            offset,
            part,
            time,
        } => {
            r.relative = true;
            let Some(rf) = reference else {
                r.granularity = match unit {
                    Unit::Day if time.is_some() => "minute",
                    Unit::Day if part.is_some() => "part_of_day",
                    Unit::Day => "day",
                    Unit::Week => "day",
                    Unit::Month => "month",
                    Unit::Year => "year",
                    Unit::Hour => "minute",
                };
                add_note(&mut r, NO_REF_RELATIVE.to_owned());
                return Some(r);
            };
            match unit {
                Unit::Day => {
                    let day = rf.checked_add((*offset as i64).days()).ok()?;
                    let (v, g, note) = with_time(day, *time, *part);
                    r.value = Some(v);
                    r.granularity = g;
                    r.note = note;
                }
                Unit::Week => {
                    let monday = rf
                        .checked_sub(i64::from(rf.weekday().to_monday_zero_offset()).days())
                        .ok()?;
                    let start = monday.checked_add((7 * *offset as i64).days()).ok()?;
                    r.granularity = "day";
                    r.value = Some(ymd(start));
                    r.end_value = Some(ymd(start.checked_add(6.days()).ok()?));
                }
                Unit::Month => {
                    let d = rf
                        .first_of_month()
                        .checked_add((*offset as i64).months())
                        .ok()?;
                    r.granularity = "month";
                    r.value = Some(format!("{:04}-{:02}", d.year(), d.month()));
                }
                Unit::Year => {
                    r.granularity = "year";
                    r.value = Some(format!("{:04}", i32::from(rf.year()) + offset));
                }
                Unit::Hour => {
                    r.granularity = "minute";
                    add_note(
                        &mut r,
                        "hours before the publication time, which has no clock time here"
                            .to_owned(),
                    );
                }
            }
        }
        Expr::SameDay { time, part } => {
            // Filled in from the mention before it by `find_dates`, when there is one.
            r.granularity = match (time, part) {
                (Some(_), _) => "minute",
                (None, Some(_)) => "part_of_day",
                (None, None) => "day",
            };
            r.relative = true;
            add_note(
                &mut r,
                "the same day as an earlier date, which this text does not give".to_owned(),
            );
        }
        Expr::Weekday { wd, tense, part } => {
            r.relative = true;
            r.granularity = "day";
            if let Some(pt) = part {
                r.granularity = "part_of_day";
                add_note(&mut r, pt.name().to_owned());
            }
            let Some(rf) = reference else {
                add_note(&mut r, NO_REF_RELATIVE.to_owned());
                return Some(r);
            };
            let cur = i64::from(rf.weekday().to_monday_one_offset());
            let want = i64::from(*wd);
            let delta = match tense {
                Tense::Past => {
                    let d = (cur - want).rem_euclid(7);
                    -(if d == 0 { 7 } else { d })
                }
                Tense::Future => {
                    let d = (want - cur).rem_euclid(7);
                    if d == 0 {
                        7
                    } else {
                        d
                    }
                }
                Tense::Any => want - cur,
            };
            r.value = Some(ymd(rf.checked_add(delta.days()).ok()?));
        }
        Expr::Span { unit, n, future } => {
            r.relative = true;
            r.granularity = "day";
            let Some(rf) = reference else {
                add_note(&mut r, NO_REF_RELATIVE.to_owned());
                return Some(r);
            };
            let n = i64::from(*n);
            // N units counted from the reference day, forwards or backwards, inclusive.
            let whole = match unit {
                Unit::Day | Unit::Hour => n.days(),
                Unit::Week => (7 * n).days(),
                Unit::Month => n.months(),
                Unit::Year => n.years(),
            };
            let (a, b) = if *future {
                (rf, rf.checked_add(whole).ok()?.checked_sub(1.day()).ok()?)
            } else {
                (rf.checked_sub(whole).ok()?.checked_add(1.day()).ok()?, rf)
            };
            r.value = Some(ymd(a));
            r.end_value = Some(ymd(b));
        }
        Expr::Time { h, mi } => {
            r.granularity = "minute";
            match reference {
                // A clock time alone ("Khoảng 13h, …") is on the day of the reference.
                Some(rf) => {
                    r.inferred = true;
                    r.value = Some(format!("{}T{:02}:{:02}:00+07:00", ymd(rf), h, mi));
                }
                None => add_note(&mut r, "a clock time without a day".to_owned()),
            }
        }
        Expr::Lunar {
            d,
            m,
            leap,
            y,
            canchi,
            tet,
            part,
        } => {
            match part {
                Some(pt) => {
                    r.granularity = "part_of_day";
                    add_note(&mut r, pt.name().to_owned());
                }
                None => r.granularity = "day",
            }
            let near = reference.map(|rf| i32::from(rf.year()));
            let ly = match (y, canchi, near) {
                (Some(y), Some(name), _) => {
                    if lunar::year_from_can_chi(name, *y) != Some(*y) {
                        add_note(
                            &mut r,
                            format!("{} is not the year {}", lunar::can_chi_year(*y), name),
                        );
                    }
                    Some(*y)
                }
                (Some(y), None, _) => Some(*y),
                (None, Some(name), _) => {
                    r.inferred = true;
                    lunar::year_from_can_chi(name, near.unwrap_or(2000))
                }
                (None, None, Some(_)) => None,
                (None, None, None) => {
                    add_note(&mut r, NO_REF.to_owned());
                    r.lunar = Some(LunarReading {
                        year: 0,
                        month: *m as u8,
                        day: *d as u8,
                        leap_month: *leap,
                    });
                    return Some(r);
                }
            };
            // Day 0 stands for the month's last day ("giao thừa").
            let day_in = |ly: i32| -> u8 {
                if *d == 0 {
                    lunar::month_length(ly, *m as u8, *leap).unwrap_or(30)
                } else {
                    *d as u8
                }
            };
            let reading = |ly: i32| LunarReading {
                year: ly,
                month: *m as u8,
                day: day_in(ly),
                leap_month: *leap,
            };
            let gregorian = |ly: i32| {
                lunar::to_gregorian(lunar::LunarDate {
                    year: ly,
                    month: *m as u8,
                    day: day_in(ly),
                    leap_month: *leap,
                })
                .and_then(|(gy, gm, gd)| date(gy, gm.into(), gd.into()))
            };
            let chosen = match (ly, reference) {
                (Some(ly), _) => gregorian(ly).map(|g| (ly, g)),
                (None, Some(rf)) => {
                    r.inferred = true;
                    let rl =
                        lunar::to_lunar(i32::from(rf.year()), rf.month() as u8, rf.day() as u8)
                            .map(|l| l.year)
                            .unwrap_or(i32::from(rf.year()));
                    [rl - 1, rl, rl + 1]
                        .into_iter()
                        .filter_map(|ly| gregorian(ly).map(|g| (ly, g)))
                        .min_by_key(|(_, g)| days_between(*g, rf))
                }
                (None, None) => None,
            };
            match chosen {
                Some((ly, g)) => {
                    r.value = Some(ymd(g));
                    r.lunar = Some(reading(ly));
                    if *tet && *m == 12 {
                        add_note(
                            &mut r,
                            format!("{} Tết: day {} of the 12th lunar month", d, d),
                        );
                    }
                }
                None => return None,
            }
        }
        Expr::LunarYear { name, y, tet_day } => {
            let near = y
                .or_else(|| reference.map(|rf| i32::from(rf.year())))
                .unwrap_or(2000);
            let ly = lunar::year_from_can_chi(name, near)?;
            if let Some(y) = y {
                if *y != ly {
                    add_note(
                        &mut r,
                        format!("{} is not the year {}", lunar::can_chi_year(*y), name),
                    );
                }
            }
            r.inferred = y.is_none();
            r.lunar = Some(LunarReading {
                year: ly,
                month: 1,
                day: 1,
                leap_month: false,
            });
            if *tet_day {
                let (gy, gm, gd) = lunar::tet(ly)?;
                r.granularity = "day";
                r.value = Some(ymd(date(gy, gm.into(), gd.into())?));
            } else {
                r.granularity = "year";
                r.value = Some(format!("{ly:04}"));
            }
        }
    }
    Some(r)
}

/// The note of a relative expression resolved without a reference date.
const NO_REF_RELATIVE: &str = "relative to a reference date that is not known";

fn add_note(r: &mut Resolved, n: String) {
    r.note = Some(match r.note.take() {
        Some(old) => format!("{old}; {n}"),
        None => n,
    });
}
