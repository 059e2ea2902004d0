//! A fast pass before HTML parsing that empties `<script>`, `<style>` (except JSON-LD) and
//! inline `<svg>` elements and drops comments: often half of a news page's bytes, none of it
//! article text, and all of it work for the parser. The elements themselves stay, so the
//! document's structure is unchanged.

use std::borrow::Cow;

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

/// Finds `</name` (ASCII case ignored) from `from`; returns its start.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(off) = memchr_lt(&b[i..]) {
        let p = i + off;
        if b.get(p + 1) == Some(&b'/') && starts_with_ci(&b[p + 2..], name) {
            let after = b.get(p + 2 + name.len()).copied().unwrap_or(b'>');
            if after == b'>' || after.is_ascii_whitespace() || after == b'/' {
                return Some(p);
            }
        }
        i = p + 1;
    }
    None
}

#[inline]
fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

/// Returns the page with the content of scripts, styles and inline SVG, and comments, removed.
pub fn prestrip(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already accounted for in `out`
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let p = i + off;
        let rest = &b[p + 1..];
        // Comments go entirely (the tree keeps none of them).
        if rest.starts_with(b"!--") {
            // "<!-->" and "<!--->" are empty comments that end at once.
            let end = if rest.starts_with(b"!-->") {
                Some(p + 5)
            } else if rest.starts_with(b"!--->") {
                Some(p + 6)
            } else {
                html[p + 4..].find("-->").map(|e| p + 4 + e + 3)
            };
            let Some(end) = end else {
                break;
            };
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..p]);
            copied = end;
            i = end;
            continue;
        }
        let name: &[u8] = if starts_with_ci(rest, b"script") {
            b"script"
        } else if starts_with_ci(rest, b"style") {
            b"style"
        } else if starts_with_ci(rest, b"svg") {
            b"svg"
        } else {
            i = p + 1;
            continue;
        };
        let after = rest.get(name.len()).copied().unwrap_or(b'>');
        if !(after == b'>' || after.is_ascii_whitespace() || after == b'/') {
            i = p + 1;
            continue;
        }
        let Some(gt) = html[p..].find('>').map(|g| p + g) else {
            break;
        };
        let open_tag = &b[p..gt];
        let keep = name == b"script"
            && open_tag
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"ld+json"));
        let Some(close) = find_close(b, gt + 1, name) else {
            break;
        };
        if !keep && close > gt + 1 {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..gt + 1]);
            copied = close;
        }
        i = close + 1;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::prestrip;

    #[test]
    fn empties_scripts_and_styles_but_not_json_ld() {
        let page = "<html><head><STYLE>p{x:1}</style><script type=\"application/ld+json\">{\"a\":1}</script>\
                    <script>var s = '<p>no</p>';</SCRIPT></head><body><!-- a <p>comment</p> --><p>Xin chào</p><svg viewBox=\"0 0 1 1\"><path d=\"M0\"/></svg><scripts>k</scripts></body></html>";
        let out = prestrip(page);
        assert_eq!(
            out,
            "<html><head><STYLE></style><script type=\"application/ld+json\">{\"a\":1}</script>\
             <script></SCRIPT></head><body><p>Xin chào</p><svg viewBox=\"0 0 1 1\"></svg><scripts>k</scripts></body></html>"
        );
    }

    #[test]
    fn unterminated_script_is_left_alone() {
        let page = "<p>a</p><script>var x = 1;";
        assert_eq!(prestrip(page), page);
    }
}

/// Elements that never nest: void elements and those whose start tag closes an open one.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
    "rp", "tbody", "thead", "tfoot", "colgroup", "!doctype",
];

/// An estimate of the deepest element nesting in a page, from its tags alone (void and
/// self-closing elements, and elements that close their predecessor, do not nest). HTML
/// tree building slows down quadratically with nesting depth, so callers refuse absurd depths.
pub fn max_nesting(html: &str) -> usize {
    let b = html.as_bytes();
    let mut depth: usize = 0;
    let mut max = 0;
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        let p = i + off;
        i = p + 1;
        let closing = b.get(p + 1) == Some(&b'/');
        let start = if closing { p + 2 } else { p + 1 };
        let name_len = b[start.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[start..start + name_len];
        if FLAT.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let Some(gt) = html[start..].find('>').map(|g| start + g) else {
            break;
        };
        if b[gt - 1] == b'/' {
            continue;
        }
        depth += 1;
        max = max.max(depth);
        i = gt + 1;
    }
    max
}

#[cfg(test)]
mod depth_tests {
    use super::max_nesting;

    #[test]
    fn estimates_nesting() {
        assert_eq!(
            max_nesting("<html><body><div><p>a<p>b<br><img src=x></div></body></html>"),
            3
        );
        assert_eq!(max_nesting(&"<div>".repeat(5000)), 5000);
        assert_eq!(
            max_nesting("<ul><li>a<li>b</ul><svg><g><path d='x'/></g></svg>"),
            2
        );
        assert_eq!(max_nesting("a < b and c<3"), 0);
    }
}
