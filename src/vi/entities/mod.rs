//! Vietnamese entities: people, organizations, places, legal documents, money and percentages,
//! linked per article. Layers, each testable alone: [`tokens`] (words with their case),
//! [`gazetteer`] (word lists and place/organization names compiled from `data/`),
//! [`recognize`] (rules over tokens), [`numeric`] (money, percentages, document numbers) and
//! the linking here: one entity per person, organization or place, whatever the mentions
//! call it ("Thủ tướng Phạm Minh Chính", "ông Chính", "Thủ tướng"; "UBND TP Hà Nội" and
//! "Ủy ban nhân dân thành phố Hà Nội").

pub mod gazetteer;
pub mod numeric;
pub mod recognize;
pub mod tokens;

use crate::vi::normalize::fold;
use gazetteer::{Known, GAZETTEER};
use recognize::{MentionKind, Raw, Ty};
use serde::{Deserialize, Serialize};

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EntityMention {
    pub field: String,
    /// Code-point offsets in the field, end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `name`, `given_name`, `abbreviation`, `title`, or `in_name` (a place inside an
    /// organization's name: "Đà Nẵng" in "Thành ủy Đà Nẵng").
    pub kind: String,
}

/// One entity of an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Entity {
    /// `PERSON`, `ORGANIZATION`, `LOCATION`, `DOCUMENT`, `MONEY` or `PERCENT`.
    #[serde(rename = "type")]
    pub ty: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub count: usize,
    pub mentions: Vec<EntityMention>,
    /// MONEY: the amount in `currency`; PERCENT: the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// A place from before July 2025: the province that holds it today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor: Option<String>,
    /// The expanded form of an abbreviated name, or a document's canonical name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
}

fn type_name(ty: Ty) -> &'static str {
    match ty {
        Ty::Person => "PERSON",
        Ty::Organization => "ORGANIZATION",
        Ty::Location => "LOCATION",
    }
}

/// "UBND TP Hà Nội" → "Ủy ban nhân dân thành phố Hà Nội": abbreviations expanded word by word.
pub fn expand(name: &str) -> String {
    tokens::tokenize(name)
        .iter()
        .filter(|t| t.text != ".")
        .map(|t| {
            GAZETTEER
                .abbreviations
                .get(&fold(&t.text))
                .filter(|_| t.caps() || t.text.ends_with('.') || t.text.len() <= 3)
                .cloned()
                .unwrap_or_else(|| t.text.clone())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key two mentions of one organization or place share.
fn link_key(r: &Raw) -> String {
    match &r.known {
        Some(Known::Place { name, .. }) => format!("L:{}", fold(name)),
        Some(Known::Org { name, .. }) => format!("O:{}", fold(name)),
        None => {
            let prefix = if r.ty == Ty::Location { "L:" } else { "O:" };
            format!("{prefix}{}", fold(&expand(&r.text)))
        }
    }
}

/// The entities of an article's fields (`(field, text)` in reading order: title, lead, body,
/// captions), sorted by count, then first appearance.
pub fn find_entities(fields: &[(&str, &str)]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut first_seen: Vec<usize> = Vec::new();
    let mut order = 0usize;
    // People: index in `out` by full name, and their titles (folded) for bare-title links.
    let mut people: Vec<(usize, String, Vec<String>)> = Vec::new();
    let mut keyed: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let prepared: Vec<recognize::Prepared> = fields
        .iter()
        .map(|(_, text)| recognize::prepare(text))
        .collect();
    let mut per_field: Vec<Vec<Raw>> = fields
        .iter()
        .zip(&prepared)
        .map(|((_, text), p)| recognize::recognize_prepared(text, p))
        .collect();
    // Given names of the people named in full (two syllables or more, Vietnamese): alone
    // elsewhere in the article, they stand for them.
    let givens: std::collections::HashSet<String> = per_field
        .iter()
        .flatten()
        .filter(|r| r.ty == Ty::Person && r.kind == MentionKind::Name && r.text.contains(' '))
        .filter_map(|r| r.text.rsplit(' ').next().map(fold))
        .filter(|g| GAZETTEER.given.contains(g))
        .collect();
    for (p, raws) in prepared.iter().zip(per_field.iter_mut()) {
        let more = recognize::given_name_refs(p, raws, &givens);
        if !more.is_empty() {
            raws.extend(more);
            raws.sort_by_key(|r| r.start);
        }
    }
    for ((field, text), raws) in fields.iter().zip(per_field) {
        // Byte offset of each code point, for the text before a mention.
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let spans: Vec<(usize, usize)> = raws.iter().map(|r| (r.start, r.end)).collect();
        for r in raws {
            order += 1;
            let mention = EntityMention {
                field: (*field).to_owned(),
                start: r.start,
                end: r.end,
                text: r.text.clone(),
                kind: match r.kind {
                    // "UBND TP Hà Nội" for "Ủy ban nhân dân thành phố Hà Nội".
                    MentionKind::Name if r.ty != Ty::Person && expand(&r.text) != r.text => {
                        "abbreviation"
                    }
                    MentionKind::Name => "name",
                    MentionKind::GivenName => "given_name",
                    MentionKind::Title => "title",
                    MentionKind::InName => "in_name",
                }
                .to_owned(),
            };
            let target = match (r.ty, r.kind) {
                (Ty::Person, MentionKind::Name) => {
                    let k = fold(&r.text);
                    let hit = people.iter().position(|(_, n, _)| *n == k);
                    match hit {
                        Some(p) => Some(people[p].0),
                        None => {
                            // "Chính" met before "Phạm Minh Chính"? Fold the earlier given-name
                            // entity into this one when its name is this name's last word.
                            let given = k.rsplit(' ').next().unwrap_or(&k).to_owned();
                            let lone = people.iter().position(|(_, n, _)| *n == given);
                            match lone {
                                Some(p) if k.contains(' ') => {
                                    people[p].1 = k.clone();
                                    out[people[p].0].name = r.text.clone();
                                    Some(people[p].0)
                                }
                                _ => {
                                    people.push((out.len(), k, Vec::new()));
                                    None
                                }
                            }
                        }
                    }
                }
                (Ty::Person, MentionKind::GivenName) => {
                    let g = fold(&r.text);
                    let hit = people
                        .iter()
                        .rev()
                        .find(|(_, n, _)| n.rsplit(' ').next() == Some(g.as_str()))
                        .map(|p| p.0);
                    if hit.is_none() {
                        people.push((out.len(), g, Vec::new()));
                    }
                    hit
                }
                (Ty::Person, MentionKind::Title) => {
                    let t = fold(&r.text);
                    let hit = people
                        .iter()
                        .rev()
                        .find(|(_, _, ts)| {
                            ts.iter()
                                .any(|x| *x == t || x.starts_with(&format!("{t} ")))
                        })
                        .map(|p| p.0);
                    match hit {
                        Some(h) => Some(h),
                        None => continue, // a title nobody in the article holds yet
                    }
                }
                _ => {
                    let k = link_key(&r);
                    match keyed.get(&k) {
                        Some(&e) => Some(e),
                        None => {
                            keyed.insert(k, out.len());
                            None
                        }
                    }
                }
            };
            let e = match target {
                Some(e) => e,
                None => {
                    let (name, successor, canonical) = match (&r.known, r.ty) {
                        (Some(Known::Place { name, successor }), _) => {
                            (name.clone(), successor.clone(), None)
                        }
                        (Some(Known::Org { name, .. }), _) => (name.clone(), None, None),
                        (None, Ty::Organization) => {
                            let x = expand(&r.text);
                            let canonical = (x != r.text).then_some(x);
                            (r.text.clone(), None, canonical)
                        }
                        _ => (r.text.clone(), None, None),
                    };
                    out.push(Entity {
                        ty: type_name(r.ty).to_owned(),
                        name,
                        titles: Vec::new(),
                        aliases: Vec::new(),
                        count: 0,
                        mentions: Vec::new(),
                        value: None,
                        currency: None,
                        successor,
                        canonical,
                    });
                    first_seen.push(order);
                    out.len() - 1
                }
            };
            let ent = &mut out[e];
            if let Some(t) = &r.title {
                if !ent.titles.contains(t) {
                    ent.titles.push(t.clone());
                }
                if let Some(p) = people.iter_mut().find(|p| p.0 == e) {
                    p.2.push(fold(t));
                }
            }
            let alias = match r.kind {
                MentionKind::GivenName => {
                    // "ông Chính": the honorific before the name, when there is one.
                    let at = byte_at.get(r.start).copied().unwrap_or(text.len());
                    let honor = text[..at].split_whitespace().last().unwrap_or("");
                    if GAZETTEER.honorifics.contains(&fold(honor)) {
                        format!("{honor} {}", r.text)
                    } else {
                        r.text.clone()
                    }
                }
                _ => r.text.clone(),
            };
            if alias != ent.name && !ent.aliases.contains(&alias) {
                ent.aliases.push(alias);
            }
            ent.count += 1;
            ent.mentions.push(mention);
        }
        // A document named inside an organization ("Tổ công tác Đề án 06/CP") is not reported.
        let numbers = numeric::find_numeric(text)
            .into_iter()
            .filter(|n| !spans.iter().any(|&(a, b)| a < n.end && n.start < b));
        for n in numbers {
            order += 1;
            let ty = match n.kind {
                numeric::NumericKind::Money => "MONEY",
                numeric::NumericKind::Percent => "PERCENT",
                numeric::NumericKind::Document => "DOCUMENT",
            };
            let name = n.canonical.clone().unwrap_or_else(|| n.text.clone());
            let mention = EntityMention {
                field: (*field).to_owned(),
                start: n.start,
                end: n.end,
                text: n.text.clone(),
                kind: "name".to_owned(),
            };
            let k = format!("{ty}:{}", fold(&name));
            match keyed.get(&k) {
                Some(&e) => {
                    out[e].count += 1;
                    out[e].mentions.push(mention);
                }
                None => {
                    keyed.insert(k, out.len());
                    out.push(Entity {
                        ty: ty.to_owned(),
                        name,
                        titles: Vec::new(),
                        aliases: Vec::new(),
                        count: 1,
                        mentions: vec![mention],
                        value: n.value,
                        currency: n.currency.clone(),
                        successor: None,
                        canonical: None,
                    });
                    first_seen.push(order);
                }
            }
        }
    }
    let mut idx: Vec<usize> = (0..out.len()).collect();
    idx.sort_by_key(|&i| (std::cmp::Reverse(out[i].count), first_seen[i]));
    let mut slots: Vec<Option<Entity>> = out.into_iter().map(Some).collect();
    idx.into_iter().filter_map(|i| slots[i].take()).collect()
}
