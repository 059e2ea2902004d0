//! The word lists and gazetteers of the entity pipeline, compiled in from `data/` (each file
//! names its source and licence) and indexed once: places, organizations, titles, honorifics,
//! organization head nouns, place type words, family and given names, and common words.
//! Keys are folded (NFC, lower case, "Ð" → "đ") token sequences joined by single spaces.

use crate::vi::normalize::fold;
/// Maps and sets of the gazetteer: string keys from our own data, looked up per token, so a
/// fast fixed hasher (foldhash) instead of SipHash.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub type HashSet<K> = std::collections::HashSet<K, foldhash::fast::FixedState>;
use std::sync::LazyLock;

/// What a gazetteer entry names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Known {
    /// A place: its canonical name and, for a unit from before July 2025, its successor.
    Place {
        name: String,
        successor: Option<String>,
    },
    /// An organization, by its canonical name; `brand` for companies and banks, whose name
    /// also begins their products' names ("Apple Pencil", "Kia Carnival").
    Org { name: String, brand: bool },
}

/// Everything the recognizer looks words up in.
pub struct Gazetteer {
    /// Multi-word names (folded) → what they name. Longest entries have up to `max_len` tokens.
    pub names: HashMap<String, Known>,
    pub max_len: usize,
    /// Titles and positions ("thủ tướng", "chủ tịch ubnd"), folded, with their token counts.
    pub titles: HashSet<String>,
    pub title_max: usize,
    /// Honorifics ("ông", "bà", "anh", "chị"…).
    pub honorifics: HashSet<String>,
    /// Organization head nouns ("bộ", "sở", "ủy ban", "công ty"), folded.
    pub org_heads: HashSet<String>,
    pub head_max: usize,
    /// Place type words ("tỉnh", "thành phố", "quận", "sông", "cầu"), folded.
    pub loc_types: HashMap<String, String>,
    pub loc_type_max: usize,
    /// Family names (folded).
    pub family: HashSet<String>,
    /// Syllables used in given names (folded).
    pub given: HashSet<String>,
    /// Common multi-syllable words (folded): "tài chính", "y tế", "lao động".
    pub words: HashSet<String>,
    /// Vietnamese syllables (folded): tells a Vietnamese word from a foreign one.
    pub syllables: HashSet<String>,
    /// English words of product, event and brand names, never a person alone.
    pub not_names: HashSet<String>,
    /// Names of communes and former districts without their type word ("Nghi Lộc"), folded,
    /// of two syllables or more: a capitalized run with no person cue that is one of them is
    /// taken as the place.
    pub bare_places: HashSet<String>,
    /// For each first token of a name, title, head or type word: the most tokens an entry
    /// starting with it has (lookups start only where something can start).
    pub first_names: HashMap<String, usize>,
    pub first_titles: HashMap<String, usize>,
    pub first_heads: HashMap<String, usize>,
    pub first_types: HashMap<String, usize>,
    pub first_honorifics: HashMap<String, usize>,
    /// Abbreviation → expansion ("ubnd" → "Ủy ban nhân dân", "tp" → "thành phố").
    pub abbreviations: HashMap<String, String>,
    /// Names every source writes with each word capitalized ("Nhân Dân" the newspaper, "Hà
    /// Nội"): a text matches them only when it capitalizes each word too ("Nhân dân", the
    /// people, is not the newspaper).
    pub title_case: HashSet<String>,
    /// Lower-case nouns that continue an organization's name ("khí tượng", "hình sự").
    pub org_words: HashSet<String>,
    pub first_org_words: HashMap<String, usize>,
    /// Foreign given names ("Tim", "Mark"), folded.
    pub foreign_given: HashSet<String>,
    /// Names and aliases of sports clubs, including those a city shares ("Liverpool",
    /// "Barcelona"): in a text about sport they name the club.
    pub clubs: HashSet<String>,
    /// Names of Vietnam's ethnic groups ("h ' mông", "hà nhì"), folded.
    pub ethnic: HashSet<String>,
    pub first_ethnic: HashMap<String, usize>,
}

fn lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn field<'a>(f: &[&'a str], i: usize) -> &'a str {
    f.get(i).map(|s| s.trim()).unwrap_or("")
}

/// Folds a phrase into its key: tokens as the recognizer splits them, joined by spaces.
pub fn key(s: &str) -> String {
    super::tokens::tokenize(s)
        .iter()
        .map(|t| fold(&t.text))
        .collect::<Vec<_>>()
        .join(" ")
}

fn token_count(k: &str) -> usize {
    k.split(' ').count()
}

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build);

fn build() -> Gazetteer {
    let mut names: HashMap<String, Known> = HashMap::default();
    let mut bare_places: HashSet<String> = HashSet::default();
    // Whether every source form of a key capitalizes each of its words.
    let title_cased = std::cell::RefCell::new(HashMap::<String, bool>::default());
    let add = |names: &mut HashMap<String, Known>, s: &str, k: Known| {
        let kk = key(s);
        if !kk.is_empty() {
            let tc = super::tokens::tokenize(s)
                .iter()
                .all(|t| t.kind != super::tokens::Kind::Word || t.upper());
            *title_cased.borrow_mut().entry(kk.clone()).or_insert(true) &= tc;
            names.entry(kk).or_insert(k);
        }
    };
    // Places of Vietnam: provinces (current and former), with their aliases; communes and
    // districts only with their type word (a bare "Ba Đình" is ambiguous).
    for f in lines(include_str!("data/admin.tsv")) {
        let (kind, type_word, name) = (field(&f, 0), field(&f, 1), field(&f, 2));
        let successor = field(&f, 4);
        let aliases = field(&f, 5);
        let successor = (!successor.is_empty() && successor != name).then(|| successor.to_owned());
        // Rivers, bridges, bays are named with their type word ("sông Hồng").
        let display = if kind == "geo" && !type_word.is_empty() {
            format!("{type_word} {name}")
        } else {
            name.to_owned()
        };
        let place = Known::Place {
            name: display,
            successor: successor.clone(),
        };
        match kind {
            "province" | "former_province" | "historic_province" | "region" | "geo" => {
                if kind != "geo" {
                    add(&mut names, name, place.clone());
                }
                if !type_word.is_empty() {
                    add(&mut names, &format!("{type_word} {name}"), place.clone());
                }
                for a in aliases.split('|').filter(|a| !a.is_empty()) {
                    add(&mut names, a, place.clone());
                }
            }
            "commune" | "former_district"
                if !type_word.is_empty()
                    && name.chars().next().is_some_and(char::is_alphabetic) =>
            {
                add(&mut names, &format!("{type_word} {name}"), place.clone());
                let k = key(name);
                if k.contains(' ') {
                    bare_places.insert(k);
                }
            }
            _ => {}
        }
    }
    for f in lines(include_str!("data/countries.tsv")) {
        let name = field(&f, 2);
        let place = Known::Place {
            name: name.to_owned(),
            successor: None,
        };
        if field(&f, 1) == "world" {
            continue;
        }
        add(&mut names, name, place.clone());
        let aliases = [field(&f, 3), field(&f, 4)];
        for a in aliases
            .iter()
            .flat_map(|a| a.split('|'))
            .filter(|a| !a.is_empty())
        {
            add(&mut names, a, place.clone());
        }
    }
    // Foreign regions, states and seas the press names without a type word; world cities.
    // Name in column 0, |-separated aliases in `alias_col`.
    for (text, alias_col) in [
        (include_str!("data/regions.tsv"), 2),
        (include_str!("data/cities.tsv"), 3),
    ] {
        for f in lines(text) {
            let name = field(&f, 0);
            let place = Known::Place {
                name: name.to_owned(),
                successor: None,
            };
            add(&mut names, name, place.clone());
            for a in field(&f, alias_col).split('|').filter(|a| !a.is_empty()) {
                add(&mut names, a, place.clone());
            }
        }
    }
    let mut clubs = HashSet::default();
    for f in lines(include_str!("data/organizations.tsv")) {
        let name = field(&f, 0);
        if field(&f, 2) == "club" {
            clubs.insert(key(name));
            clubs.extend(field(&f, 1).split('|').filter(|a| !a.is_empty()).map(key));
        }
        let org = Known::Org {
            name: name.to_owned(),
            brand: matches!(field(&f, 2), "company" | "foreign_company" | "bank"),
        };
        add(&mut names, name, org.clone());
        for a in field(&f, 1).split('|').filter(|a| !a.is_empty()) {
            add(&mut names, a, org.clone());
        }
    }
    let max_len = names.keys().map(|k| token_count(k)).max().unwrap_or(1);

    let set = |text: &str| -> HashSet<String> {
        lines(text)
            .map(|f| key(field(&f, 0)))
            .filter(|k| !k.is_empty())
            .collect()
    };
    let titles = set(include_str!("data/titles.txt"));
    let honorifics = set(include_str!("data/honorifics.txt"));
    let title_max = titles.iter().map(|k| token_count(k)).max().unwrap_or(1);
    let org_heads = set(include_str!("data/org_heads.txt"));
    let head_max = org_heads.iter().map(|k| token_count(k)).max().unwrap_or(1);
    let loc_types: HashMap<String, String> = lines(include_str!("data/loc_types.txt"))
        .map(|f| (key(field(&f, 0)), field(&f, 1).to_owned()))
        .filter(|(k, _)| !k.is_empty())
        .collect();
    let loc_type_max = loc_types.keys().map(|k| token_count(k)).max().unwrap_or(1);
    let abbreviations = lines(include_str!("data/abbreviations.tsv"))
        .map(|f| (fold(field(&f, 0)), field(&f, 1).to_owned()))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .collect();
    fn firsts<'a>(keys: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
        let mut m: HashMap<String, usize> = HashMap::default();
        for k in keys {
            let first = k.split(' ').next().unwrap_or(k).to_owned();
            let n = token_count(k);
            let e = m.entry(first).or_insert(0);
            *e = (*e).max(n);
        }
        m
    }
    let org_words = set(include_str!("data/org_words.txt"));
    let ethnic = set(include_str!("data/ethnic_groups.txt"));
    let title_case = title_cased
        .into_inner()
        .into_iter()
        .filter_map(|(k, tc)| (tc && k.contains(' ')).then_some(k))
        .collect();
    Gazetteer {
        first_org_words: firsts(org_words.iter()),
        org_words,
        title_case,
        foreign_given: set(include_str!("data/foreign_given.txt")),
        clubs,
        first_ethnic: firsts(ethnic.iter()),
        ethnic,
        first_names: firsts(names.keys()),
        first_titles: firsts(titles.iter()),
        first_heads: firsts(org_heads.iter()),
        first_types: firsts(loc_types.keys()),
        first_honorifics: firsts(honorifics.iter()),
        names,
        max_len,
        titles,
        title_max,
        honorifics,
        org_heads,
        head_max,
        loc_types,
        loc_type_max,
        family: set(include_str!("data/family_names.txt")),
        given: set(include_str!("data/given_names.txt")),
        words: include_str!("data/words.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains(' '))
            .map(fold)
            .collect(),
        abbreviations,
        not_names: set(include_str!("data/foreign_non_names.txt")),
        bare_places,
        syllables: include_str!("data/syllables.txt")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| fold(l.split('\t').next().unwrap_or(l).trim()))
            .collect(),
    }
}
