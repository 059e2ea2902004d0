//! Fuzzes the entity pass: any UTF-8 text must give entities whose mentions cut the text at
//! characters and name the text they claim, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::vi::entities::find_entities;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars: Vec<char> = text.chars().collect();
    for e in find_entities(&[("text", text)]) {
        assert!(e.count == e.mentions.len());
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= chars.len());
            let cut: String = chars[m.start..m.end].iter().collect();
            assert_eq!(cut, m.text);
        }
    }
});
