//! Cache keys: a page's identity (its normalized URL, or a hash of the body sent) plus the
//! options that change the answer. Normalizing a URL drops its fragment and tracking
//! parameters (`utm_*`, `fbclid`, …) and lower-cases the scheme and host, so the same article
//! shared through different campaigns is one entry.

use std::fmt::Write;

/// Query parameters that only track a visit; they never change the page.
const TRACKING: [&str; 16] = [
    "fbclid",
    "gclid",
    "gclsrc",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "zarsrc",
    "gidzl",
    "vn_source",
    "vn_medium",
    "vn_campaign",
];

fn is_tracking(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_") || TRACKING.contains(&n.as_str())
}

/// The normalized form of an absolute URL, or `None` when it does not parse.
pub fn normalize_url(url: &str) -> Option<String> {
    let mut u = url::Url::parse(url.trim()).ok()?;
    u.set_fragment(None);
    if u.query().is_some() {
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| !is_tracking(k))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Some(u.to_string())
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A cache key: `base` names the page (all entries of one URL share it, so one purge removes
/// them all); `variant` names the options.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub base: String,
    pub variant: String,
}

impl Key {
    /// The key of a page fetched from `normalized_url`.
    pub fn for_url(normalized_url: &str, variant: String) -> Key {
        let h = blake3::hash(normalized_url.as_bytes());
        Key {
            base: format!("u:{}", hex(&h.as_bytes()[..16])),
            variant,
        }
    }

    /// The key of a body sent by the caller; `parts` are whatever else shapes its reading
    /// (its declared kind and charset, the address given with it).
    pub fn for_body(body: &[u8], parts: &[&str], variant: String) -> Key {
        let mut h = blake3::Hasher::new();
        for p in parts {
            h.update(p.as_bytes());
            h.update(&[0]);
        }
        h.update(body);
        Key {
            base: format!("b:{}", hex(&h.finalize().as_bytes()[..16])),
            variant,
        }
    }

    /// The variant string of a set of answer-changing options (`-` when none is set).
    pub fn variant_of(reference_date: Option<&str>) -> String {
        match reference_date {
            Some(r) => format!("ref={}", r.trim()),
            None => "-".to_owned(),
        }
    }

    /// The one string naming this entry in the memory tier.
    pub fn flat(&self) -> String {
        format!("{}|{}", self.base, self.variant)
    }
}

/// A weak entity tag for stored bytes (weak: `meta.cache` and timings differ between answers).
pub fn etag(bytes: &[u8]) -> String {
    format!("W/\"{}\"", hex(&blake3::hash(bytes).as_bytes()[..12]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracking_and_fragments_are_dropped() {
        assert_eq!(
            normalize_url(
                "HTTPS://VnExpress.NET/a-123.html?utm_source=fb&utm_medium=x&fbclid=abc#box"
            )
            .as_deref(),
            Some("https://vnexpress.net/a-123.html")
        );
        assert_eq!(
            normalize_url("https://tuoitre.vn/p.htm?id=5&utm_campaign=z&page=2").as_deref(),
            Some("https://tuoitre.vn/p.htm?id=5&page=2")
        );
        assert_eq!(
            normalize_url("http://example.vn:80/x").as_deref(),
            Some("http://example.vn/x")
        );
        assert_eq!(normalize_url("not a url"), None);
    }

    #[test]
    fn keys_separate_pages_and_options() {
        let a = Key::for_url("https://a.vn/1", Key::variant_of(None));
        let b = Key::for_url("https://a.vn/2", Key::variant_of(None));
        let c = Key::for_url("https://a.vn/1", Key::variant_of(Some("2026-01-01")));
        assert_ne!(a.base, b.base);
        assert_eq!(a.base, c.base);
        assert_ne!(a.flat(), c.flat());
        let h1 = Key::for_body(b"<p>x</p>", &["html", ""], "-".into());
        let h2 = Key::for_body(b"<p>x</p>", &["text", ""], "-".into());
        assert_ne!(h1.base, h2.base);
        assert!(etag(b"x").starts_with("W/\""));
    }
}
