//! Text normalization shared by every layer: Unicode NFC, whitespace collapsing, invisible
//! characters, and a folded form for matching word lists (lower case, one tone-mark placement).

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Characters a page uses as spaces or leaves invisibly in text.
#[inline]
fn is_space_like(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}')
}

/// Characters that carry no text at all (zero-width marks, soft hyphen, BOM).
#[inline]
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// NFC-normalizes a string, copying only when it is not already NFC.
pub fn nfc(s: &str) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

/// Appends `s` to `out` with runs of whitespace collapsed to one space and invisible
/// characters dropped. `pending_space` carries a space across calls (for text split
/// over several DOM nodes); leading space is never written to an empty `out`.
pub fn push_collapsed(out: &mut String, s: &str, pending_space: &mut bool) {
    for c in s.chars() {
        if is_space_like(c) {
            *pending_space = true;
        } else if is_invisible(c) {
            continue;
        } else {
            if *pending_space && !out.is_empty() {
                out.push(' ');
            }
            *pending_space = false;
            out.push(c);
        }
    }
}

/// Whitespace collapsed, invisible characters removed, trimmed, NFC.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    push_collapsed(&mut out, s, &mut pending);
    finish(out)
}

/// NFC-normalizes a string built with [`push_collapsed`].
pub fn finish(s: String) -> String {
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => s.nfc().collect(),
    }
}

/// A folded form for comparisons and word-list look-ups: NFC, lower case, "Ð" read as "đ".
/// (Old and new tone-mark placements, "hoà"/"hòa", are not unified here.)
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let owned;
    let s = match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s,
        _ => {
            owned = s.nfc().collect::<String>();
            owned.as_str()
        }
    };
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'Ð' | 'Đ' => out.push('đ'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c if c.is_lowercase() => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Removes all diacritics (for ASCII keys): "Hà Nội" → "ha noi".
pub fn strip_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        match c {
            'đ' | 'Đ' | 'Ð' => out.push('d'),
            c if ('\u{0300}'..='\u{036F}').contains(&c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Counts words (runs of alphanumeric characters) in a text.
pub fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_normalizes() {
        // "Hà" written decomposed (a + combining grave), with nbsp and zero-width space.
        let s = "  Ha\u{0300}\u{00A0}\u{00A0}Nội\u{200B}\n\t mới ";
        assert_eq!(clean(s), "Hà Nội mới");
        assert_eq!(clean(s).chars().count(), 10);
    }

    #[test]
    fn folds_and_strips() {
        assert_eq!(fold("ÐÀ Nẵng"), "đà nẵng");
        assert_eq!(
            strip_marks("Thành phố Hồ Chí Minh"),
            "thanh pho ho chi minh"
        );
        assert_eq!(word_count("Ngày 14/2, ông Chính đến."), 6);
    }
}
