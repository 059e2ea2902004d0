//! Fuzzes the date scanner: any UTF-8 text, with and without a reference date, must give
//! mentions whose offsets cut the text at characters and name the text they claim.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::vi::dates::find_dates;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reference = jiff::civil::Date::new(2026, 2, 15).ok();
    for r in [reference, None] {
        let chars: Vec<char> = text.chars().collect();
        for m in find_dates(text, "text", r) {
            assert!(m.start < m.end && m.end <= chars.len());
            let cut: String = chars[m.start..m.end].iter().collect();
            assert_eq!(cut, m.text);
        }
    }
});
