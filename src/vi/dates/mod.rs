//! Vietnamese date mentions: a tokenizer ([`scan`]), word tables ([`lexicon`]), a grammar of
//! composable rules ([`grammar`]) that turns token runs into date expressions, and
//! [`resolve`], which gives each expression its ISO value against a reference date (the
//! article's publication date, else the request's `reference_date`). A wrong value is worse
//! than none: what the text does not determine gets `value: null` and a `note`.

pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod scan;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One date or time expression found in a text field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct DateMention {
    pub text: String,
    pub field: String,
    /// Code-point offsets in the field, end exclusive.
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    pub end_value: Option<String>,
    /// `year|quarter|month|day|part_of_day|minute`.
    pub granularity: String,
    /// `gregorian|lunar`.
    pub calendar: String,
    pub lunar: Option<LunarReading>,
    pub relative: bool,
    pub inferred: bool,
    pub note: Option<String>,
}

/// The lunar reading of a lunar-calendar mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LunarReading {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub leap_month: bool,
}

/// A calendar day written in a text (not a relative day, a range or a bare clock time), with
/// the clock time written next to it: what a page's date line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDay {
    pub start: usize,
    pub end: usize,
    pub date: Date,
    pub time: Option<(u32, u32)>,
}

/// The written days of a text, in order ("Thứ Ba, 21/07/2026 - 08:30", "14 Feb, 08:31 PM"):
/// the grammar's day expressions only, resolved against `reference` for year-less ones.
pub fn find_written_days(text: &str, reference: Option<Date>) -> Vec<WrittenDay> {
    let tokens = scan::tokenize(text);
    let toks = &tokens.toks;
    grammar::parse(&tokens)
        .into_iter()
        .filter_map(|m| {
            let grammar::Expr::Day { time, .. } = &m.expr else {
                return None;
            };
            let r = resolve::resolve(&m.expr, reference)?;
            let date = r.value.as_deref()?.get(..10)?.parse::<Date>().ok()?;
            Some(WrittenDay {
                start: toks[m.first].start,
                end: toks[m.last].end,
                date,
                time: *time,
            })
        })
        .collect()
}

/// Finds and resolves every date mention of a text field.
pub fn find_dates(text: &str, field: &str, reference: Option<Date>) -> Vec<DateMention> {
    let tokens = scan::tokenize(text);
    let exprs = grammar::parse(&tokens);
    if exprs.is_empty() {
        return Vec::new();
    }
    let toks = &tokens.toks;
    let chars: Vec<char> = text.chars().collect();
    let mut same_day = Vec::new();
    let mut out: Vec<DateMention> = exprs
        .into_iter()
        .filter_map(|m| {
            let start = toks[m.first].start;
            let end = toks[m.last].end;
            let r = resolve::resolve(&m.expr, reference)?;
            same_day.push(match &m.expr {
                grammar::Expr::SameDay { time, part } => Some(Link::SameDay(*time, *part)),
                grammar::Expr::Anaphor { .. } => Some(Link::Anaphor(m.expr.clone())),
                grammar::Expr::At(inner, _) if matches!(**inner, grammar::Expr::Anaphor { .. }) => {
                    Some(Link::Anaphor(m.expr.clone()))
                }
                _ => None,
            });
            Some(DateMention {
                text: chars[start..end].iter().collect(),
                field: field.to_owned(),
                start,
                end,
                value: r.value,
                end_value: r.end_value,
                granularity: r.granularity.to_owned(),
                calendar: if r.lunar.is_some() {
                    "lunar"
                } else {
                    "gregorian"
                }
                .to_owned(),
                lunar: r.lunar,
                relative: r.relative,
                inferred: r.inferred,
                note: r.note,
            })
        })
        .collect();
    link_same_day(&mut out, &same_day);
    link_equivalences(&mut out, &chars);
    out
}

/// "7h ngày 3/8 … 10h cùng ngày": a same-day mention takes the day of the nearest mention
/// before it that names one day.
/// A mention whose day comes from the one before it: "cùng ngày" (with its clock time and
/// part of day), or an anaphor ("hôm sau", "hai ngày sau").
enum Link {
    SameDay(Option<(u32, u32)>, Option<lexicon::Part>),
    Anaphor(grammar::Expr),
}

fn link_same_day(ms: &mut [DateMention], links: &[Option<Link>]) {
    for k in 0..ms.len() {
        let Some(link) = &links[k] else {
            continue;
        };
        let anchor = ms[..k].iter().rev().find_map(|m| {
            let v = m.value.as_deref()?;
            let day_like = matches!(m.granularity.as_str(), "day" | "part_of_day" | "minute");
            (day_like && m.end_value.is_none())
                .then(|| v.get(..10)?.parse::<Date>().ok())
                .flatten()
                .map(|d| (d, m.inferred))
        });
        let Some((day, inferred)) = anchor else {
            continue;
        };
        let m = &mut ms[k];
        match link {
            Link::SameDay(time, part) => {
                let (v, g, note) = resolve::with_time(day, *time, *part);
                m.value = Some(v);
                m.granularity = g.to_owned();
                m.note = note;
                m.inferred = inferred;
                append_note(m, "the same day as the date before it".to_owned());
            }
            Link::Anaphor(e) => {
                if let Some(v) = resolve::anaphor_value(e, day) {
                    m.value = Some(v);
                    m.note = Some("counted from the date before it".to_owned());
                    m.inferred = inferred;
                }
            }
        }
    }
}

/// "ngày 14/1 (tức 27 Tết)": two readings of one day; flag them when they disagree.
fn link_equivalences(ms: &mut [DateMention], chars: &[char]) {
    for k in 1..ms.len() {
        let between: String = chars[ms[k - 1].end..ms[k].start].iter().collect();
        let b = crate::vi::normalize::fold(between.trim());
        if !(b == "(tức"
            || b == "tức"
            || b == ", tức"
            || b == "(tức là"
            || b == "(nhằm"
            || b == "(")
        {
            continue;
        }
        let (a, c) = (ms[k - 1].value.clone(), ms[k].value.clone());
        if let (Some(a), Some(c)) = (a, c) {
            let day = |s: &str| s.chars().take(10).collect::<String>();
            if day(&a) != day(&c) {
                let first = ms[k - 1].text.clone();
                let second = ms[k].text.clone();
                append_note(
                    &mut ms[k - 1],
                    format!("the text equates it with \"{second}\" ({c}): they disagree"),
                );
                append_note(
                    &mut ms[k],
                    format!("the text equates it with \"{first}\" ({a}): they disagree"),
                );
            }
        }
    }
}

fn append_note(m: &mut DateMention, note: String) {
    m.note = Some(match m.note.take() {
        Some(n) => format!("{n}; {note}"),
        None => note,
    });
}
