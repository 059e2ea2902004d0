//! Robustness: truncated, mangled and random inputs never panic; they give an article or a
//! typed error. Deterministic (a fixed-seed generator), so a failure reproduces.

mod common;

use vnarticle::extract::InputKind;
use vnarticle::pipeline::{Input, Options, Pipeline, Source};

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn run(bytes: Vec<u8>, kind: Option<InputKind>) {
    let input = Input {
        source: Source::Bytes {
            bytes: bytes.into(),
            kind,
            charset: None,
        },
        url: Some("https://example.vn/a/b.html".into()),
        options: Options {
            reference_date: Some("2026-02-15".into()),
            ..Options::default()
        },
    };
    // Either outcome is fine; a panic fails the test.
    if let Ok(a) = Pipeline::new().run(input) {
        assert!(a.title.is_some(), "an article always has a title");
        assert_eq!(a.body.text.is_empty(), a.body.blocks.is_empty());
    }
}

fn pages() -> Vec<Vec<u8>> {
    let mut out = vec![std::fs::read(common::seed_page()).unwrap()];
    for name in [
        "tienphong_1.html",
        "genk_1.html",
        "nhandan_1.html",
        "vnexpress_2.html",
        "cafef_1.html",
    ] {
        out.push(std::fs::read(common::vn_page(name)).unwrap());
    }
    out
}

#[test]
fn truncated_pages() {
    for page in pages() {
        for k in 1..16 {
            let cut = page.len() * k / 16;
            for kind in [None, Some(InputKind::Html), Some(InputKind::Text)] {
                run(page[..cut].to_vec(), kind);
            }
        }
    }
}

#[test]
fn mangled_pages() {
    let mut rng = Lcg(42);
    let specials = b"<>/\"'=&;#!-[]{}\n\t\xff\xfe\xc3";
    for page in pages() {
        for _ in 0..6 {
            let mut p = page.clone();
            for _ in 0..(p.len() / 200).max(1) {
                let i = (rng.next() as usize) % p.len();
                p[i] = specials[(rng.next() as usize) % specials.len()];
            }
            run(p.clone(), Some(InputKind::Html));
            run(p, Some(InputKind::Text));
        }
    }
}

#[test]
fn random_bytes_and_odd_markup() {
    let mut rng = Lcg(7);
    for len in [0usize, 1, 2, 7, 100, 4096, 65_536] {
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        run(bytes.clone(), None);
        run(bytes, Some(InputKind::Text));
    }
    for odd in [
        "<", "<<<<", "</", "<!--", "<![CDATA[", "<script>", "<style>", "<html><body><p>", "&#xFFFFFFFF;&#0;",
        "<h1>Tiêu đề rất dài ở đây nhé</h1><p>Ngắn.</p>", "<div><br><br><br></div>", "\u{FEFF}\u{200B}",
        "<meta charset=\"windows-1258\"><p>Vi\u{00EA}\u{0323}t</p>", "<html lang=\"vi\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":[[[[",
    ] {
        run(odd.as_bytes().to_vec(), None);
        run(odd.as_bytes().to_vec(), Some(InputKind::Html));
        run(odd.as_bytes().to_vec(), Some(InputKind::Text));
    }
}

#[test]
fn date_scanner_never_panics_and_cuts_at_characters() {
    let mut rng = Lcg(2026);
    let alphabet: Vec<char> = "0123456789/-.:,() hgHGTtmùngrằmTếtthángChạpGiêngnămquýIIđầucuốingàyhômqua sángchiềutốiâmlịchĐÐ\u{0300}\u{0301}\u{00A0}💡漢"
        .chars()
        .collect();
    let words = [
        "ngày",
        "tháng",
        "năm",
        "Tết",
        "mùng",
        "rằm",
        "âm lịch",
        "từ",
        "đến",
        "sáng",
        "9h",
        "20:31",
        "14/2",
        "2024",
        "thứ Hai",
        "tuần trước",
        "giai đoạn",
        "-",
        "/",
    ];
    let reference = jiff::civil::Date::new(2026, 2, 15).ok();
    for round in 0..3000u32 {
        let mut s = String::new();
        for _ in 0..(rng.next() % 24) {
            if rng.next().is_multiple_of(3) {
                s.push_str(words[(rng.next() as usize) % words.len()]);
                s.push(' ');
            } else {
                s.push(alphabet[(rng.next() as usize) % alphabet.len()]);
            }
        }
        let reference = if round.is_multiple_of(5) {
            None
        } else {
            reference
        };
        let n = s.chars().count();
        for m in vnarticle::vi::dates::find_dates(&s, "text", reference) {
            assert!(m.start < m.end && m.end <= n, "{s:?}: {m:?}");
            let cut: String = s.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(cut, m.text, "{s:?}");
            if let Some(v) = &m.value {
                assert!(
                    v.len() >= 4 && v.chars().take(4).all(|c| c.is_ascii_digit()),
                    "{v}"
                );
            }
        }
    }
}
