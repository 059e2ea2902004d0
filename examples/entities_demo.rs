//! Prints the entities of a text read from stdin, one mention per line (for looking at the
//! recognizer's decisions). `echo 'Thủ tướng Phạm Minh Chính…' | cargo run --release --example entities_demo`
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let text = vnarticle::vi::normalize::nfc(&text);
    for r in vnarticle::vi::entities::recognize::recognize(&text) {
        println!(
            "{:?} {:?} [{}..{}] {:?} title={:?}",
            r.ty, r.kind, r.start, r.end, r.text, r.title
        );
    }
}
