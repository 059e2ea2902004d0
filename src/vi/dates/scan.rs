//! Tokens for the date grammar: numbers, words (folded to lower case, "Ð" as "đ") and
//! punctuation, each with its code-point span in the original text.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A run of ASCII digits (its value, when it fits).
    Num(u32),
    /// A run of letters; its folded form is `Tokens::folded[bs..be]`.
    Word,
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
    /// Byte range of the token in the folded text.
    pub bs: usize,
    pub be: usize,
}

impl Tok {
    pub fn num(&self) -> Option<u32> {
        match self.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
}

/// The tokens of a text and its folded form (lower case, "Đ"/"Ð" as "đ", one character for
/// one character, so code-point offsets agree with the original).
pub struct Tokens {
    pub folded: String,
    pub toks: Vec<Tok>,
}

impl Tokens {
    /// The folded word of token `k`, if it is a word.
    pub fn word(&self, k: usize) -> Option<&str> {
        let t = self.toks.get(k)?;
        (t.kind == Kind::Word).then(|| &self.folded[t.bs..t.be])
    }
}

fn fold_char(c: char) -> char {
    match c {
        'Ð' | 'Đ' => 'đ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        // Latin-1 capitals (À..Þ, not ×): lower case is 0x20 above.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        '\u{DF}'..='\u{FF}' => c,
        // Vietnamese letters of Latin Extended Additional (Ạ..ỹ): capitals at even points.
        '\u{1EA0}'..='\u{1EF9}' => char::from_u32(c as u32 | 1).unwrap_or(c),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// A letter, tested cheaply for the scripts Vietnamese text is written in.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
            && c != '\u{D7}'
            && c != '\u{F7}'
        || (!c.is_ascii() && c.is_alphabetic())
}

fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Splits a text into tokens (one pass, no allocation per token).
pub fn tokenize(text: &str) -> Tokens {
    let mut folded = String::with_capacity(text.len());
    let mut toks = Vec::new();
    let mut space = true;
    let mut it = text.chars().peekable();
    let mut i = 0; // code points
    while let Some(c) = it.next() {
        if c.is_whitespace() {
            space = true;
            folded.push(' ');
            i += 1;
            continue;
        }
        let start = i;
        let bs = folded.len();
        if c.is_ascii_digit() {
            let mut n: u64 = u64::from(c as u8 - b'0');
            folded.push(c);
            i += 1;
            while let Some(&d) = it.peek().filter(|d| d.is_ascii_digit()) {
                n = n
                    .saturating_mul(10)
                    .saturating_add(u64::from(d as u8 - b'0'));
                folded.push(d);
                it.next();
                i += 1;
            }
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            toks.push(Tok {
                kind: Kind::Num(n),
                start,
                end: i,
                space_before: space,
                digits: i - start,
                bs,
                be: folded.len(),
            });
        } else if is_letter(c) {
            folded.push(fold_char(c));
            i += 1;
            while let Some(&d) = it.peek().filter(|d| is_letter(**d) || is_mark(**d)) {
                folded.push(fold_char(d));
                it.next();
                i += 1;
            }
            toks.push(Tok {
                kind: Kind::Word,
                start,
                end: i,
                space_before: space,
                digits: 0,
                bs,
                be: folded.len(),
            });
        } else {
            folded.push(c);
            i += 1;
            toks.push(Tok {
                kind: Kind::Punct(c),
                start,
                end: i,
                space_before: space,
                digits: 0,
                bs,
                be: folded.len(),
            });
        }
        space = false;
    }
    Tokens { folded, toks }
}
