//! Fuzzes the whole pipeline on HTML bodies: any bytes must give an article or a clear error,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let input = Input {
        source: Source::Html(text.to_owned()),
        url: Some("https://example.com/a/b.html".to_owned()),
        options: Options::default(),
    };
    let _ = Pipeline::new().run(input);
});
