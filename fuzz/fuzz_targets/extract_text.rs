//! Fuzzes the whole pipeline on page text: any text must give an article or a clear error,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let input = Input {
        source: Source::Text(text.to_owned()),
        url: None,
        options: Options {
            reference_date: Some("2026-02-15".to_owned()),
            ..Options::default()
        },
    };
    let _ = Pipeline::new().run(input);
});
