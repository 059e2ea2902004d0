//! The Vietnamese lunar calendar (`vi::lunar`) against the reference tables in
//! `../shared/data/calendar/` (every month start 1900–2100, Tết 1901–2099, festival anchors
//! 2020–2030), day-by-day round trips over the whole supported range and known facts.

use jiff::civil::Date;
use vnarticle::vi::lunar::{
    can_chi_year, leap_month, month_length, tet, to_gregorian, to_lunar, year_from_can_chi,
    LunarDate, MAX_YEAR, MIN_YEAR,
};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/calendar/");

/// Rows of a CSV file as maps header → value (double-quoted fields allowed).
fn read_csv(name: &str) -> Vec<std::collections::HashMap<String, String>> {
    let path = format!("{DATA}{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let header = split_csv_line(lines.next().expect("header"));
    lines
        .map(|l| {
            let fields = split_csv_line(l);
            assert_eq!(fields.len(), header.len(), "{name}: bad row {l:?}");
            header.iter().cloned().zip(fields).collect()
        })
        .collect()
}

fn split_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out
}

fn date(s: &str) -> Date {
    s.trim()
        .parse()
        .unwrap_or_else(|e| panic!("bad date {s:?}: {e}"))
}

fn ymd(d: Date) -> (i32, u8, u8) {
    (i32::from(d.year()), d.month() as u8, d.day() as u8)
}

fn lunar_of(d: Date) -> Option<LunarDate> {
    let (y, m, dd) = ymd(d);
    to_lunar(y, m, dd)
}

fn lunar(year: i32, month: u8, day: u8, leap_month: bool) -> LunarDate {
    LunarDate {
        year,
        month,
        day,
        leap_month,
    }
}

#[test]
fn reproduces_every_month_start_1900_2100() {
    let rows = read_csv("lunar_months_1900_2100.csv");
    assert_eq!(rows.len(), 2486, "the reference has 2,486 months");
    let mut mismatches = Vec::new();
    let mut exact = 0;
    let mut prev: Option<(LunarDate, Date)> = None;
    let mut months_per_year = std::collections::BTreeMap::<i32, (usize, Option<u8>)>::new();
    for r in &rows {
        let y: i32 = r["lunar_year"].parse().unwrap();
        let m: u8 = r["lunar_month"].parse().unwrap();
        let leap = r["leap"] == "1";
        let reference = date(&r["first_day_gregorian"]);
        let entry = months_per_year.entry(y).or_default();
        entry.0 += 1;
        if leap {
            entry.1 = Some(m);
        }
        let l1 = lunar(y, m, 1, leap);
        if to_gregorian(l1) == Some(ymd(reference)) {
            exact += 1;
        }
        let first = reference;
        let row = format!(
            "{y}-{m}{} starts {first}",
            if leap { " (leap)" } else { "" }
        );

        if to_gregorian(l1) != Some(ymd(first)) {
            mismatches.push(format!("{row}: to_gregorian gives {:?}", to_gregorian(l1)));
        }
        if lunar_of(first) != Some(l1) {
            mismatches.push(format!("{row}: to_lunar gives {:?}", lunar_of(first)));
        }
        let before = first.yesterday().unwrap();
        let got = lunar_of(before);
        match prev {
            Some((p, p_first)) => {
                let len = (before - p_first).get_days() + 1;
                let want = LunarDate {
                    day: len as u8,
                    ..p
                };
                if got != Some(want) {
                    mismatches.push(format!("{row}: day before is {got:?}, want {want:?}"));
                }
                if month_length(p.year, p.month, p.leap_month) != Some(len as u8) {
                    mismatches.push(format!(
                        "{row}: previous month length {:?}, want {len}",
                        month_length(p.year, p.month, p.leap_month)
                    ));
                }
            }
            None => {
                // 1900-01-30 is the last day of month 12 of 1899.
                let ok = got.is_some_and(|g| {
                    g.year == y - 1
                        && g.month == 12
                        && month_length(g.year, g.month, g.leap_month) == Some(g.day)
                });
                if !ok {
                    mismatches.push(format!("{row}: day before is {got:?}"));
                }
            }
        }
        prev = Some((l1, first));
    }
    for (&y, &(count, leap)) in &months_per_year {
        if leap_month(y) != leap {
            mismatches.push(format!(
                "{y}: leap_month {:?}, want {leap:?}",
                leap_month(y)
            ));
        }
        if count != 12 + usize::from(leap.is_some()) {
            mismatches.push(format!("{y}: reference lists {count} months"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches against lunar_months_1900_2100.csv ({exact} of {} month starts exact):\n{}",
        mismatches.len(),
        rows.len(),
        mismatches.join("\n")
    );
    assert_eq!(exact, rows.len(), "every month start exact");
}

/// Years where the `vn_leap_month` column of `tet_1901_2099.csv` contradicts
/// `lunar_months_1900_2100.csv` (which this module reproduces): `(year, tet file, month file)`.
/// The tet file gives the UTC+8 leap month there (the calendar Vietnam used before 1968).
const TET_FILE_LEAP_FROM_UTC8: [(i32, u8, u8); 3] = [(1917, 2, 3), (1922, 5, 6), (1938, 7, 8)];

#[test]
fn tet_can_chi_and_leap_months_1901_2099() {
    let rows = read_csv("tet_1901_2099.csv");
    assert_eq!(rows.len(), 199);
    let mut mismatches = Vec::new();
    for r in &rows {
        let y: i32 = r["lunar_year"].parse().unwrap();
        let tet_vn = date(&r["tet_vn"]);
        if tet(y) != Some(ymd(tet_vn)) {
            mismatches.push(format!("{y}: tet {:?}, want {tet_vn}", tet(y)));
        }
        if lunar_of(tet_vn) != Some(lunar(y, 1, 1, false)) {
            mismatches.push(format!("{y}: to_lunar({tet_vn}) = {:?}", lunar_of(tet_vn)));
        }
        let name = &r["can_chi"];
        if can_chi_year(y) != *name {
            mismatches.push(format!(
                "{y}: can_chi_year {:?}, want {name:?}",
                can_chi_year(y)
            ));
        }
        for near in [y, y - 29, y + 29] {
            if year_from_can_chi(name, near) != Some(y) {
                mismatches.push(format!(
                    "{y}: year_from_can_chi({name:?}, {near}) = {:?}",
                    year_from_can_chi(name, near)
                ));
            }
        }
        let want_leap = match r["vn_leap_month"].trim() {
            "" => None,
            s => Some(s.parse::<u8>().unwrap()),
        };
        let want_leap = match TET_FILE_LEAP_FROM_UTC8.iter().find(|k| k.0 == y) {
            Some(&(_, utc8, utc7)) => {
                assert_eq!(want_leap, Some(utc8), "{y}: tet file's leap month");
                Some(utc7)
            }
            None => want_leap,
        };
        if leap_month(y) != want_leap {
            mismatches.push(format!(
                "{y}: leap_month {:?}, want {want_leap:?}",
                leap_month(y)
            ));
        }
        // The data's own consistency: the flag says whether China's Tết differs.
        let differ = r["tet_vn"] != r["tet_cn"];
        assert_eq!(differ, r["vn_cn_differ"] == "1", "{y}: vn_cn_differ column");
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches against tet_1901_2099.csv:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn festival_anchors_2020_2030() {
    let rows = read_csv("lunar_anchors_2020_2030.csv");
    assert!(rows.len() >= 150);
    let mut mismatches = Vec::new();
    for r in &rows {
        let l = lunar(
            r["lunar_year"].parse().unwrap(),
            r["lunar_month"].parse().unwrap(),
            r["lunar_day"].parse().unwrap(),
            false,
        );
        let g = date(&r["gregorian"]);
        let what = &r["expression"];
        if to_gregorian(l) != Some(ymd(g)) {
            mismatches.push(format!(
                "{what} {l:?}: to_gregorian {:?}, want {g}",
                to_gregorian(l)
            ));
        }
        if lunar_of(g) != Some(l) {
            mismatches.push(format!(
                "{what} {g}: to_lunar {:?}, want {l:?}",
                lunar_of(g)
            ));
        }
        // "tháng Chạp has 30 days" / "has 29 days"
        if let Some(n) = r["note"]
            .split("tháng Chạp has ")
            .nth(1)
            .and_then(|s| s.split_whitespace().next())
        {
            let want: u8 = n.parse().unwrap();
            if month_length(l.year, 12, false) != Some(want) {
                mismatches.push(format!(
                    "{what} {}: tháng Chạp has {:?} days, want {want}",
                    l.year,
                    month_length(l.year, 12, false)
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} mismatches against lunar_anchors_2020_2030.csv:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// Every day from Tết of the first supported lunar year to the last day of the last one:
/// Gregorian → lunar → Gregorian, and consecutive days step through the lunar calendar.
#[test]
fn round_trip_every_day_of_the_supported_range() {
    let (y, m, d) = tet(MIN_YEAR).unwrap();
    let first = Date::new(y as i16, m as i8, d as i8).unwrap();
    assert_eq!(lunar_of(first.yesterday().unwrap()), None);
    assert!(first <= Date::new(1900, 1, 1).unwrap());

    let mut day = first;
    let mut prev: Option<LunarDate> = None;
    let mut count = 0u32;
    while let Some(l) = lunar_of(day) {
        assert_eq!(to_gregorian(l), Some(ymd(day)), "{day} → {l:?}");
        if let Some(p) = prev {
            if l.day == 1 {
                let len = month_length(p.year, p.month, p.leap_month);
                assert_eq!(
                    Some(p.day),
                    len,
                    "{day}: {p:?} was not the last day of its month"
                );
                let next_is_leap = leap_month(p.year) == Some(p.month) && !p.leap_month;
                let want = if next_is_leap {
                    lunar(p.year, p.month, 1, true)
                } else if p.month == 12 {
                    lunar(p.year + 1, 1, 1, false)
                } else {
                    lunar(p.year, p.month + 1, 1, false)
                };
                assert_eq!(l, want, "{day}: month after {p:?}");
            } else {
                assert_eq!(
                    l,
                    LunarDate {
                        day: p.day + 1,
                        ..p
                    },
                    "{day}"
                );
            }
        }
        prev = Some(l);
        count += 1;
        day = day.tomorrow().unwrap();
    }
    // The range ends with the last day of lunar MAX_YEAR, past the end of Gregorian 2199.
    let last = prev.unwrap();
    assert_eq!(last.year, MAX_YEAR);
    assert_eq!(last.month, 12);
    assert!(
        day > Date::new(2200, 1, 1).unwrap(),
        "stopped early at {day}"
    );
    assert!(count > 300 * 365, "{count} days");
}

#[test]
fn calendar_shape_1899_2199() {
    for y in MIN_YEAR..=MAX_YEAR {
        let (ty, tm, td) = tet(y).unwrap();
        assert_eq!(ty, y);
        assert!(
            (tm == 1 && td >= 21) || (tm == 2 && td <= 20),
            "Tết {y} on {ty}-{tm}-{td}"
        );
        let leap = leap_month(y);
        let mut months = 0;
        let mut days = 0u32;
        for m in 1..=12u8 {
            for is_leap in [false, true] {
                match month_length(y, m, is_leap) {
                    Some(n) => {
                        assert!(n == 29 || n == 30, "{y}-{m} {is_leap}: {n} days");
                        assert!(!is_leap || leap == Some(m), "{y}-{m} leap");
                        months += 1;
                        days += u32::from(n);
                        let l = lunar(y, m, n, is_leap);
                        assert!(to_gregorian(l).is_some());
                        assert_eq!(to_gregorian(LunarDate { day: 31, ..l }), None);
                        if n == 29 {
                            assert_eq!(to_gregorian(LunarDate { day: 30, ..l }), None);
                        }
                    }
                    None => assert!(is_leap && leap != Some(m), "{y}-{m} missing"),
                }
            }
        }
        assert_eq!(months, 12 + usize::from(leap.is_some()), "{y}");
        let ok = if leap.is_some() { 383..=385 } else { 353..=355 };
        assert!(ok.contains(&days), "{y}: {days} days");
        // The next Tết follows the last day of this year.
        if y < MAX_YEAR {
            let (ny, nm, nd) = tet(y + 1).unwrap();
            let t0 = Date::new(ty as i16, tm as i8, td as i8).unwrap();
            let t1 = Date::new(ny as i16, nm as i8, nd as i8).unwrap();
            assert_eq!((t1 - t0).get_days(), days as i32, "{y}");
        }
    }
    assert_eq!(tet(MIN_YEAR - 1), None);
    assert_eq!(tet(MAX_YEAR + 1), None);
    assert_eq!(leap_month(MAX_YEAR + 1), None);
}

#[test]
fn invalid_input() {
    assert_eq!(to_lunar(2023, 2, 29), None);
    assert_eq!(to_lunar(2100, 2, 29), None);
    assert!(to_lunar(2000, 2, 29).is_some());
    assert_eq!(to_lunar(2024, 13, 1), None);
    assert_eq!(to_lunar(2024, 0, 1), None);
    assert_eq!(to_lunar(2024, 4, 31), None);
    assert_eq!(to_lunar(2024, 1, 0), None);
    assert_eq!(to_lunar(1800, 1, 1), None);
    assert_eq!(to_lunar(2300, 1, 1), None);
    assert_eq!(to_lunar(i32::MIN, 1, 1), None);
    assert_eq!(to_lunar(i32::MAX, 1, 1), None);
    // 2025 has a leap 6th month, 2026 none; month 13 and day 0 never exist.
    assert!(to_gregorian(lunar(2025, 6, 1, true)).is_some());
    assert_eq!(to_gregorian(lunar(2025, 7, 1, true)), None);
    assert_eq!(to_gregorian(lunar(2026, 6, 1, true)), None);
    assert_eq!(to_gregorian(lunar(2026, 13, 1, false)), None);
    assert_eq!(to_gregorian(lunar(2026, 0, 1, false)), None);
    assert_eq!(to_gregorian(lunar(2026, 1, 0, false)), None);
    assert_eq!(to_gregorian(lunar(1000, 1, 1, false)), None);
    assert_eq!(month_length(2026, 13, false), None);
    assert_eq!(month_length(2026, 6, true), None);
    assert_eq!(month_length(i32::MAX, 1, false), None);
}

#[test]
fn known_facts() {
    // Tết 1985 in Vietnam (a month before China's, which had a leap 10th month in 1984).
    assert_eq!(tet(1985), Some((1985, 1, 21)));
    // 27 tháng Chạp Ất Tỵ.
    assert_eq!(
        to_gregorian(lunar(2025, 12, 27, false)),
        Some((2026, 2, 14))
    );
    assert_eq!(to_lunar(2026, 2, 14), Some(lunar(2025, 12, 27, false)));
    assert_eq!(can_chi_year(2026), "Bính Ngọ");
    assert_eq!(can_chi_year(2025), "Ất Tỵ");
    assert_eq!(can_chi_year(1984), "Giáp Tý");
    assert_eq!(can_chi_year(4), "Giáp Tý");
    assert_eq!(can_chi_year(3), "Quý Hợi");
    assert_eq!(can_chi_year(-56), "Giáp Tý");
    assert_eq!(tet(2026), Some((2026, 2, 17)));
    assert_eq!(tet(2025), Some((2025, 1, 29)));
    assert_eq!(leap_month(2025), Some(6));
    assert_eq!(leap_month(2026), None);
    assert_eq!(leap_month(2023), Some(2));
    // The "2033 problem": a leap 11th month.
    assert_eq!(leap_month(2033), Some(11));
    assert_eq!(to_lunar(2033, 12, 22), Some(lunar(2033, 11, 1, true)));
    // Quốc khánh 2 September 1945.
    assert_eq!(
        to_lunar(1945, 9, 2).map(|l| (l.year, l.month)),
        Some((1945, 7))
    );
    // The first and last supported days.
    assert_eq!(
        to_lunar(1900, 1, 1).map(|l| (l.year, l.month)),
        Some((1899, 12))
    );
    assert!(to_lunar(2199, 12, 31).is_some_and(|l| l.year == 2199));
}

#[test]
fn can_chi_names() {
    assert_eq!(year_from_can_chi("Bính Ngọ", 2026), Some(2026));
    assert_eq!(year_from_can_chi("bính ngọ", 2000), Some(2026));
    assert_eq!(year_from_can_chi("BÍNH NGỌ", 1970), Some(1966));
    assert_eq!(year_from_can_chi("Ất Tỵ", 2026), Some(2025));
    assert_eq!(year_from_can_chi("Ất Tị", 2026), Some(2025));
    assert_eq!(year_from_can_chi("năm Ất Tỵ", 2026), Some(2025));
    assert_eq!(year_from_can_chi("  Ất   Tỵ ", 2026), Some(2025));
    assert_eq!(year_from_can_chi("Quý Mão", 2020), Some(2023));
    assert_eq!(year_from_can_chi("Quý Mẹo", 2020), Some(2023));
    assert_eq!(year_from_can_chi("quý mẹo", 2020), Some(2023));
    assert_eq!(year_from_can_chi("Kỉ Dậu", 1970), Some(1969));
    assert_eq!(year_from_can_chi("Canh Tí", 2020), Some(2020));
    // NFD input is normalized first.
    let nfd = "Bi\u{301}nh Ngo\u{323}";
    assert_eq!(year_from_can_chi(nfd, 2026), Some(2026));
    // Tie (30 years either way): the earlier year.
    assert_eq!(year_from_can_chi("Bính Ngọ", 1996), Some(1966));
    assert_eq!(year_from_can_chi("Bính Ngọ", 1997), Some(2026));
    // Not a can-chi pair.
    assert_eq!(year_from_can_chi("Giáp Sửu", 2026), None);
    assert_eq!(year_from_can_chi("Bính", 2026), None);
    assert_eq!(year_from_can_chi("Bính Ngọ Mùi", 2026), None);
    assert_eq!(year_from_can_chi("", 2026), None);
    assert_eq!(year_from_can_chi("Bính Ngọ", i32::MIN), None);
    // Every name of the cycle maps back to its year.
    for y in 1960..2020 {
        assert_eq!(year_from_can_chi(&can_chi_year(y), 1990), Some(y));
    }
}

#[test]
fn serializes() {
    let v = serde_json::to_value(lunar(2025, 6, 1, true)).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"year": 2025, "month": 6, "day": 1, "leap_month": true})
    );
}
