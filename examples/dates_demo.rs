//! Prints the date mentions of each line of a text (or of the given sentences), resolved
//! against a reference date. `cargo run --example dates_demo -- 2026-02-15 "ngày 14/2, …"`
fn main() {
    let mut args = std::env::args().skip(1);
    let reference = args
        .next()
        .and_then(|r| r.parse::<jiff::civil::Date>().ok());
    for s in args {
        println!("» {s}");
        for m in vnarticle::vi::dates::find_dates(&s, "text", reference) {
            println!(
                "   {:?} [{}..{}] value={:?} end={:?} {} {} rel={} inf={} lunar={:?} note={:?}",
                m.text,
                m.start,
                m.end,
                m.value,
                m.end_value,
                m.granularity,
                m.calendar,
                m.relative,
                m.inferred,
                m.lunar.map(|l| (l.year, l.month, l.day)),
                m.note
            );
        }
    }
}
