//! Tokens for the entity pipeline: words (with their case), numbers and punctuation, each
//! with code-point offsets. "TP.HCM", "KH&CN" and "GD&ĐT" stay one token; "TP." is a word
//! and a full stop.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub text: String,
    pub kind: Kind,
    /// Code-point offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Whitespace before it.
    pub space_before: bool,
}

impl Tok {
    /// Starts with a capital letter ("Hà", "UBND", "TP.HCM").
    pub fn upper(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two or more letters, all capitals ("UBND", "TP", "HĐND"), digits allowed ("G7").
    pub fn caps(&self) -> bool {
        self.kind == Kind::Word
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && self
                .text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Splits a text into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut space = true;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        if is_word_char(c) {
            let digits = c.is_ascii_digit();
            i += 1;
            loop {
                match chars.get(i) {
                    Some(&d) if is_word_char(d) && (d.is_ascii_digit() == digits || !digits) => {
                        i += 1
                    }
                    // "TP.HCM", "KH&CN": a joiner between letters.
                    Some('.' | '&')
                        if !digits
                            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                            && chars[i - 1].is_alphabetic()
                            && chars[start..i].iter().any(|c| c.is_uppercase())
                            && chars.get(i + 1).is_some_and(|n| n.is_uppercase()) =>
                    {
                        i += 1
                    }
                    _ => break,
                }
            }
            let text: String = chars[start..i].iter().collect();
            let kind = if digits && text.chars().all(|c| c.is_ascii_digit()) {
                Kind::Num
            } else {
                Kind::Word
            };
            out.push(Tok {
                text,
                kind,
                start,
                end: i,
                space_before: space,
            });
        } else {
            i += 1;
            out.push(Tok {
                text: c.to_string(),
                kind: Kind::Punct,
                start,
                end: i,
                space_before: space,
            });
        }
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_joined_abbreviations_and_offsets() {
        let t = tokenize("Sở Y tế TP.HCM, Bộ KH&CN (TP. Huế) 12 người");
        let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Sở", "Y", "tế", "TP.HCM", ",", "Bộ", "KH&CN", "(", "TP", ".", "Huế", ")", "12",
                "người"
            ]
        );
        assert_eq!((t[3].start, t[3].end), (8, 14));
        assert!(t[3].upper() && t[3].caps() && !t[2].upper());
        assert_eq!(t[12].kind, Kind::Num);
    }
}
