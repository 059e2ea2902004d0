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
    /// Case, worked out once: see [`Tok::upper`] and [`Tok::caps`].
    up: bool,
    all_caps: bool,
}

impl Tok {
    fn new(text: String, kind: Kind, start: usize, end: usize, space_before: bool) -> Tok {
        let word = kind == Kind::Word;
        let up = word && text.chars().next().is_some_and(char::is_uppercase);
        let all_caps = up
            && text.chars().filter(|&c| is_letter(c)).count() >= 2
            && text.chars().all(|c| !is_letter(c) || c.is_uppercase());
        Tok {
            text,
            kind,
            start,
            end,
            space_before,
            up,
            all_caps,
        }
    }

    /// Starts with a capital letter ("Hà", "UBND", "TP.HCM").
    pub fn upper(&self) -> bool {
        self.up
    }

    /// Two or more letters, all capitals ("UBND", "TP", "HĐND"), digits allowed ("G7").
    pub fn caps(&self) -> bool {
        self.all_caps
    }
}

/// A letter, quickly for the Latin letters Vietnamese is written in (the general lookup is
/// slow for non-ASCII characters and this runs on every character of every field).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{00C0}'..='\u{024F}').contains(&c) && c != '×' && c != '÷'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || !c.is_ascii() && c.is_alphabetic()
}

fn is_word_char(c: char) -> bool {
    is_letter(c)
        || c.is_ascii_digit()
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || !c.is_ascii() && c.is_numeric()
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
            let mut seen_upper = c.is_uppercase();
            i += 1;
            loop {
                match chars.get(i) {
                    Some(&d) if is_word_char(d) && (d.is_ascii_digit() == digits || !digits) => {
                        seen_upper |= d.is_uppercase();
                        i += 1
                    }
                    // "TP.HCM", "KH&CN": a joiner between letters.
                    Some('.' | '&')
                        if !digits
                            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                            && chars[i - 1].is_alphabetic()
                            && seen_upper
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
            out.push(Tok::new(text, kind, start, i, space));
        } else {
            i += 1;
            out.push(Tok::new(c.to_string(), Kind::Punct, start, i, space));
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
