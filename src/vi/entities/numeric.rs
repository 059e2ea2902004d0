//! (placeholder while the money/percent/document recognizer is written)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericKind {
    Money,
    Percent,
    Document,
}
#[derive(Debug, Clone, PartialEq)]
pub struct NumericMention {
    pub kind: NumericKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Option<f64>,
    pub currency: Option<String>,
    pub canonical: Option<String>,
}
pub fn find_numeric(_text: &str) -> Vec<NumericMention> {
    Vec::new()
}
