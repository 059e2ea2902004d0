//! Debug aid: prints the shape given to each line of a page text.
//! `cargo run --example debug_text -- PAGE.txt [FROM] [TO]`
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).expect("read");
    let from: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(0);
    let to: usize = args
        .get(3)
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    for (i, (shape, t)) in vnarticle::extract::text::line_shapes(&text, None)
        .iter()
        .enumerate()
    {
        if i >= from && i <= to {
            println!(
                "{i:4} {shape:<10} {}",
                t.chars().take(110).collect::<String>()
            );
        }
    }
}
