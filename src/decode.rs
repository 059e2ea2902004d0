//! Bytes → text: the charset of a body from its BOM, the declared charset (HTTP header),
//! an HTML `<meta charset>` in the first bytes, or detection; the result is NFC.

use encoding_rs::Encoding;

/// The decoded text and the name of the charset used.
pub struct Decoded {
    pub text: String,
    pub charset: &'static str,
}

fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &lower[pos + 8..];
    let rest: Vec<u8> = rest
        .iter()
        .copied()
        .skip_while(|b| *b == b'"' || *b == b'\'' || *b == b' ')
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        .collect();
    Encoding::for_label(&rest)
}

/// Decodes a body. `declared` is the charset named by the sender; `html` enables the
/// `<meta charset>` look-up.
pub fn decode(bytes: &[u8], declared: Option<&str>, html: bool) -> Decoded {
    let enc = if let Some((enc, _)) = Encoding::for_bom(bytes) {
        enc
    } else if let Some(enc) = declared.and_then(|d| Encoding::for_label(d.trim().as_bytes())) {
        enc
    } else if let Some(enc) = html.then(|| meta_charset(bytes)).flatten() {
        enc
    } else if std::str::from_utf8(bytes).is_ok() {
        encoding_rs::UTF_8
    } else {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        det.guess(Some(b"vn"), true)
    };
    // A page that declares a legacy charset but is valid UTF-8 with multi-byte text is UTF-8.
    let enc = if enc != encoding_rs::UTF_8
        && std::str::from_utf8(bytes).is_ok()
        && bytes.iter().any(|b| *b >= 0x80)
        && declared.is_none()
    {
        encoding_rs::UTF_8
    } else {
        enc
    };
    let (text, used, _) = enc.decode(bytes);
    let text = crate::vi::normalize::finish(text.into_owned());
    Decoded {
        text,
        charset: used.name(),
    }
}

/// Does a body look like binary data rather than text? (NUL bytes or many control bytes.)
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1258_decodes_to_nfc() {
        // "Hà" in windows-1258: 'H', 'a', combining grave (0xCC).
        let d = decode(b"H\x61\xcc N\xf4\xf2i", Some("windows-1258"), false);
        assert_eq!(d.text, "Hà Nội");
        assert_eq!(d.charset, "windows-1258");
    }

    #[test]
    fn meta_charset_is_read() {
        let page =
            b"<html><head><meta charset=\"windows-1258\"></head><body>Vi\xea\xf2t</body></html>";
        let d = decode(page, None, true);
        assert!(d.text.contains("Việt"), "{}", d.text);
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]));
        assert!(!looks_binary("Hà Nội\n".as_bytes()));
    }
}
