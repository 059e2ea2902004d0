//! Tokens for the date grammar: numbers, words (folded to lower case, "Ð" as "đ") and
//! punctuation, each with its code-point span in the original text.

/// What a token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A run of ASCII digits (its value, when it fits).
    Num(u32),
    /// A run of letters, folded.
    Word(String),
    /// One punctuation or symbol character.
    Punct(char),
}

/// A token with its span (code points, end exclusive) and whether a space precedes it.
#[derive(Debug, Clone)]
pub struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub space_before: bool,
    /// Digits written (for telling "06" from "6" and 4-digit years).
    pub digits: usize,
}

impl Tok {
    pub fn num(&self) -> Option<u32> {
        match self.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.word() == Some(w)
    }
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
        if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let n = if digits.len() <= 9 {
                digits.parse::<u32>().unwrap_or(u32::MAX)
            } else {
                u32::MAX
            };
            out.push(Tok {
                kind: Kind::Num(n),
                start,
                end: i,
                space_before: space,
                digits: i - start,
            });
        } else if c.is_alphabetic() {
            while i < chars.len() && (chars[i].is_alphabetic() || is_mark(chars[i])) {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            out.push(Tok {
                kind: Kind::Word(crate::vi::normalize::fold(&w)),
                start,
                end: i,
                space_before: space,
                digits: 0,
            });
        } else {
            i += 1;
            out.push(Tok {
                kind: Kind::Punct(c),
                start,
                end: i,
                space_before: space,
                digits: 0,
            });
        }
        space = false;
    }
    out
}

fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}
