//! The date grammar: rules tried at each token, longest reading first, each turning a run of
//! tokens into an [`Expr`]. Prefixes (weekday, part of day, "ngày") compose with every day
//! form; times compose with a day before or after them; ranges compose two readings.
//! Not dates: document numbers ("123/2024/NĐ-CP"), scores and fractions without a date cue
//! ("2-1", "1/2"), versions ("18.1"), "24/7" meaning around the clock.

use super::lexicon::{self, Part};
use super::scan::{Kind, Tok, Tokens};

/// Which part of a month or year: "đầu", "giữa", "cuối".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Third {
    Early,
    Mid,
    Late,
}

/// Units of relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Hour,
}

/// Whether the text places a year-less date before or after the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Any,
    Past,
    Future,
}

/// A parsed date expression, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Day {
        d: u32,
        m: u32,
        y: Option<i32>,
        weekday: Option<u8>,
        part: Option<Part>,
        time: Option<(u32, u32)>,
        tense: Tense,
    },
    Month {
        m: u32,
        y: Option<i32>,
        tense: Tense,
    },
    Year {
        y: i32,
    },
    Quarter {
        q: u32,
        y: Option<i32>,
    },
    Period {
        third: Third,
        m: Option<u32>,
        y: Option<i32>,
    },
    /// A decade ("thập niên 1960"), or a third of one ("giữa những năm 2000").
    Decade {
        start: i32,
        third: Option<Third>,
    },
    /// The first or last months of a year: "6 tháng đầu năm" = months 1..=6.
    YearMonths {
        from: u32,
        to: u32,
        y: Option<i32>,
    },
    /// "cuối tuần này" (Saturday–Sunday), "đầu tuần sau" (Monday–Tuesday), "giữa tuần"
    /// (Wednesday–Thursday) of a week `offset` weeks from the reference; `from` counts days
    /// from Monday.
    Weekend {
        offset: i32,
        from: u8,
    },
    /// "cuối tháng này", "đầu tháng tới": a third of a month relative to the reference.
    MonthPart {
        third: Third,
        offset: i32,
    },
    /// "quý này", "quý tới": a quarter relative to the reference.
    QuarterRel {
        offset: i32,
    },
    Range {
        from: Box<Expr>,
        to: Box<Expr>,
    },
    Relative {
        unit: Unit,
        offset: i32,
        part: Option<Part>,
        time: Option<(u32, u32)>,
    },
    Time {
        h: u32,
        mi: u32,
    },
    /// A lunar day; `y` is a lunar year given in numbers, `canchi` one given by name.
    Lunar {
        d: u32,
        m: u32,
        leap: bool,
        y: Option<i32>,
        canchi: Option<String>,
        tet: bool,
        part: Option<Part>,
    },
    /// "Chủ nhật vừa qua", "thứ Hai tới": a weekday before or after the reference.
    Weekday {
        wd: u8,
        tense: Tense,
        part: Option<Part>,
    },
    /// "30/4 năm nay", "Thất tịch năm nay", "quý I năm sau": an expression in the year of the
    /// reference (lunar year for lunar days), moved by `offset` years.
    InYear(Box<Expr>, i32),
    /// "17h thứ Sáu tuần này", "18h tối 30 Tết": a clock time on a day said another way.
    At(Box<Expr>, (u32, u32)),
    /// "hôm sau", "hai ngày sau", "tuần trước đó": counted from the date mentioned before it.
    Anaphor {
        unit: Unit,
        offset: i32,
        part: Option<Part>,
        time: Option<(u32, u32)>,
    },
    /// "23h50 cùng ngày", "chiều cùng ngày": the day of the mention before it in the text.
    SameDay {
        time: Option<(u32, u32)>,
        part: Option<Part>,
    },
    /// "2 ngày tới" (the N days from the reference on), "hai ngày qua" (the N days up to it).
    Span {
        unit: Unit,
        n: u32,
        future: bool,
    },
    /// "Tết Bính Ngọ", "Xuân Bính Ngọ 2026": a lunar year by its can-chi name.
    LunarYear {
        name: String,
        y: Option<i32>,
        tet_day: bool,
    },
}

impl Expr {
    /// A lunar day of an unwritten year, with nothing more said about it ("10/3 âm lịch").
    pub fn lunar_day(d: u32, m: u32) -> Expr {
        Expr::Lunar {
            d,
            m,
            leap: false,
            y: None,
            canchi: None,
            tet: false,
            part: None,
        }
    }

    /// A day with nothing more said about it (no weekday, part of day, time or tense).
    pub fn plain_day(d: u32, m: u32, y: Option<i32>) -> Expr {
        Expr::Day {
            d,
            m,
            y,
            weekday: None,
            part: None,
            time: None,
            tense: Tense::Any,
        }
    }
}

/// An expression and the tokens it spans (inclusive).
#[derive(Debug, Clone)]
pub struct Match {
    pub expr: Expr,
    pub first: usize,
    pub last: usize,
}

struct P<'a> {
    t: &'a [Tok],
    all: &'a Tokens,
}

impl<'a> P<'a> {
    fn num(&self, k: usize) -> Option<u32> {
        self.t.get(k).and_then(Tok::num)
    }
    fn word(&self, k: usize) -> Option<&'a str> {
        self.all.word(k)
    }
    fn is_word(&self, k: usize, w: &str) -> bool {
        self.word(k) == Some(w)
    }
    fn punct(&self, k: usize, c: char) -> bool {
        self.t.get(k).is_some_and(|t| t.is_punct(c))
    }
    /// Token k follows k-1 with no space.
    fn tight(&self, k: usize) -> bool {
        self.t.get(k).is_some_and(|t| !t.space_before)
    }
    fn year4(&self, k: usize) -> Option<i32> {
        let t = self.t.get(k)?;
        let n = t.num()?;
        (t.digits == 4 && (1800..=2300).contains(&n)).then_some(n as i32)
    }
    fn dash(&self, k: usize) -> bool {
        self.punct(k, '-') || self.punct(k, '–') || self.punct(k, '—')
    }
}

/// Parses every date expression in a token list, left to right, without overlaps.
pub fn parse(tokens: &Tokens) -> Vec<Match> {
    let toks = &tokens.toks;
    let p = P {
        t: toks,
        all: tokens,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match at(&p, i) {
            Some(m) => {
                let mut m = extend(&p, m);
                m.first = trim_front(&p, &m);
                i = m.last + 1;
                // "13 tháng Giêng âm lịch hằng năm", "thứ Hai hằng tuần": a recurrence.
                if !recurring_after(&p, i) {
                    out.push(m);
                }
            }
            None => i += 1,
        }
    }
    out
}

/// What may follow a whole expression: a second one making a range ("tháng 3 đến tháng
/// 5/2025", "8h ngày 1/6 đến 17h ngày 15/6/2023", "quý IV/2025 đến quý I/2027") and "năm nay".
fn extend(p: &P<'_>, m: Match) -> Match {
    let mut m = m;
    let j = m.last + 1;
    let connector = if p.is_word(j, "cho") && p.is_word(j + 1, "đến") {
        Some(j + 2)
    } else if p.is_word(j, "đến") || p.is_word(j, "tới") || p.dash(j) {
        Some(j + 1)
    } else {
        None
    };
    if let Some(mut k) = connector {
        if p.is_word(k, "hết") {
            k += 1;
        }
        if let Some(m2) = at(p, k).filter(|m2| m2.first == k) {
            let to = match (&m.expr, m2.expr) {
                // "8h ngày 1/6 đến 17h": the second time is on the same day.
                (Expr::Day { d, m: mo, y, .. }, Expr::Time { h, mi }) => Some(Expr::Day {
                    d: *d,
                    m: *mo,
                    y: *y,
                    weekday: None,
                    part: None,
                    time: Some((h, mi)),
                    tense: Tense::Any,
                }),
                (a, b) if range_pair(a, &b) => Some(b),
                _ => None,
            };
            if let Some(to) = to {
                m = Match {
                    expr: Expr::Range {
                        from: Box::new(m.expr),
                        to: Box::new(to),
                    },
                    first: m.first,
                    last: m2.last,
                };
            }
        }
    }
    // "30/4 - 1/5 năm nay", "Thất tịch năm nay", "quý I năm sau"
    if let Some(offset) = year_word(p, m.last + 1) {
        if without_year(&m.expr) {
            m = Match {
                expr: Expr::InYear(Box::new(m.expr), offset),
                first: m.first,
                last: m.last + 2,
            };
        }
    }
    m
}

/// "năm nay" (0), "năm sau"/"năm tới" (+1), "năm ngoái"/"năm trước" (−1) at k.
fn year_word(p: &P<'_>, k: usize) -> Option<i32> {
    if !p.is_word(k, "năm") {
        return None;
    }
    match p.word(k + 1)? {
        "nay" => Some(0),
        "sau" | "tới" => Some(1),
        "ngoái" => Some(-1),
        "trước" if !p.is_word(k + 2, "đó") => Some(-1),
        _ => None,
    }
}

/// Can a range end with this expression after that one?
fn range_pair(a: &Expr, b: &Expr) -> bool {
    use Expr as E;
    let dayish = |e: &Expr| {
        matches!(
            e,
            E::Day { .. }
                | E::Lunar { .. }
                | E::Weekday { .. }
                | E::At(..)
                | E::Anaphor { .. }
                | E::Period { m: Some(_), .. }
                | E::SameDay { .. }
        ) || matches!(
            e,
            E::Relative {
                unit: Unit::Day,
                ..
            }
        )
    };
    (dayish(a) && dayish(b))
        || matches!(
            (a, b),
            (E::Month { .. }, E::Month { .. })
                | (E::Quarter { .. }, E::Quarter { .. })
                | (E::Year { .. }, E::Year { .. })
                | (E::Period { .. }, E::Period { .. })
        )
}

/// A day, month or lunar day (or a range of them) whose year the text does not write.
pub fn without_year(e: &Expr) -> bool {
    match e {
        Expr::Day { y, .. } | Expr::Month { y, .. } | Expr::Quarter { y, .. } => y.is_none(),
        Expr::Lunar { y, canchi, .. } => y.is_none() && canchi.is_none(),
        Expr::Range { from, to } => without_year(from) && without_year(to),
        _ => false,
    }
}

/// The span of a match leaves out framing words: "ngày"/"hôm" before a number, "từ", "vào",
/// "lúc", "giai đoạn", "nhiệm kỳ", "lễ" before a festival, and a weekday before a written
/// date ("Thứ Hai, 20/7/2026" → "20/7/2026"); the weekday still counts in the check.
fn trim_front(p: &P<'_>, m: &Match) -> usize {
    let mut f = m.first;
    loop {
        if f >= m.last {
            return f;
        }
        let num_next = |k: usize| p.num(k).is_some();
        let framing = ((p.is_word(f, "ngày") || p.is_word(f, "hôm")) && num_next(f + 1))
            || matches!(p.word(f), Some("từ" | "vào" | "lúc" | "lễ"));
        let step = if framing {
            1
        } else if (p.is_word(f, "giai") && p.is_word(f + 1, "đoạn"))
            || (p.is_word(f, "nhiệm") && p.is_word(f + 1, "kỳ"))
            || (p.is_word(f, "thời") && p.is_word(f + 1, "kỳ"))
        {
            2
        } else if let Some(n) = weekday_len(p, f) {
            let mut k = f + n;
            if p.punct(k, ',') || p.dash(k) {
                k += 1;
            }
            if p.is_word(k, "ngày") {
                k += 1;
            }
            if p.num(k).is_some() && k <= m.last {
                k - f
            } else {
                0
            }
        } else {
            0
        };
        if step == 0 {
            return f;
        }
        f += step;
    }
}

/// The number of tokens of a weekday name at k ("thứ Hai", "Chủ nhật", "CN", "T2").
fn weekday_len(p: &P<'_>, k: usize) -> Option<usize> {
    if p.is_word(k, "thứ")
        && (p.word(k + 1).and_then(lexicon::weekday_after_thu).is_some()
            || p.num(k + 1).is_some_and(|n| (2..=7).contains(&n)))
    {
        return Some(2);
    }
    if p.is_word(k, "chủ") && p.is_word(k + 1, "nhật") {
        return Some(2);
    }
    if p.is_word(k, "cn") {
        return Some(1);
    }
    if p.is_word(k, "t") && p.tight(k + 1) && p.num(k + 1).is_some_and(|n| (2..=7).contains(&n)) {
        return Some(2);
    }
    None
}

/// Prefixes before a day: weekday ("Thứ Năm,", "Chủ nhật", "T2"), part of day ("sáng",
/// "rạng sáng"), "ngày"/"hôm". Returns (weekday, part, next index, any cue seen).
fn prefix(p: &P<'_>, i: usize) -> (Option<u8>, Option<Part>, usize, bool) {
    let mut k = i;
    let mut weekday = None;
    let mut part = None;
    let mut cue = false;
    // "tối thứ 7", "sáng Chủ nhật": a part of day before the weekday.
    if let Some(pt) = p.word(k).and_then(Part::of) {
        if p.is_word(k + 1, "thứ") || (p.is_word(k + 1, "chủ") && p.is_word(k + 2, "nhật")) {
            part = Some(pt);
            k += 1;
        }
    }
    if p.is_word(k, "thứ") {
        let wd = p
            .word(k + 1)
            .and_then(lexicon::weekday_after_thu)
            .or_else(|| {
                p.num(k + 1)
                    .filter(|n| (2..=7).contains(n))
                    .map(|n| (n - 1) as u8)
            });
        if let Some(wd) = wd {
            weekday = Some(wd);
            k += 2;
        }
    } else if p.is_word(k, "chủ") && p.is_word(k + 1, "nhật") {
        weekday = Some(7);
        k += 2;
    } else if p.is_word(k, "cn") && (p.punct(k + 1, ',') || p.num(k + 1).is_some()) {
        weekday = Some(7);
        k += 1;
    } else if p.is_word(k, "t")
        && p.tight(k + 1)
        && p.num(k + 1).is_some_and(|n| (2..=7).contains(&n))
    {
        weekday = p.num(k + 1).map(|n| (n - 1) as u8);
        k += 2;
    }
    if weekday.is_some() {
        cue = true;
        if p.punct(k, ',') || p.dash(k) {
            k += 1;
        }
    }
    if part.is_some() {
    } else if p.is_word(k, "rạng") && p.is_word(k + 1, "sáng") {
        part = Some(Part::SmallHours);
        k += 2;
    } else if let Some(pt) = p.word(k).and_then(Part::of) {
        part = Some(pt);
        k += 1;
        // "sáng sớm", "chiều muộn", "đêm khuya"; "tối và đêm 20/7"
        if matches!(p.word(k), Some("sớm" | "muộn" | "khuya")) {
            k += 1;
        } else if p.is_word(k, "và") && p.word(k + 1).and_then(Part::of).is_some() {
            k += 2;
        }
    }
    if p.is_word(k, "ngày") || p.is_word(k, "hôm") {
        k += 1;
        cue = true;
    }
    if part.is_some() {
        cue = true;
    }
    (weekday, part, k, cue)
}

fn prev_is_cue(p: &P<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    match p.t[i - 1].kind {
        Kind::Word => p.word(i - 1).is_some_and(lexicon::date_cue),
        // "(14/2)", "(tức 27 Tết)": a bracket is a cue for a day written with "/", not for
        // "(8-10)", a range of numbers.
        Kind::Punct('(') => p.punct(i + 1, '/') && p.tight(i + 1),
        _ => false,
    }
}

/// A day/month[/year] written with numbers at k: (d, m, y, last index).
fn numeric_day(p: &P<'_>, k: usize, cue: bool) -> Option<(u32, u32, Option<i32>, usize)> {
    let d = p.num(k)?;
    let sep = match p.t.get(k + 1)?.kind {
        Kind::Punct(c @ ('/' | '-' | '.')) => c,
        _ => return None,
    };
    if !p.tight(k + 1) || !p.tight(k + 2) {
        return None;
    }
    let m = p.num(k + 2)?;
    if !(1..=31).contains(&d)
        || !(1..=12).contains(&m)
        || p.t[k].digits > 2
        || p.t[k + 2].digits > 2
    {
        return None;
    }
    // A document number: "06/QĐ-TTg", "123/2024/NĐ-CP".
    let follows_letters = |j: usize| p.punct(j, '/') && p.tight(j) && p.word(j + 1).is_some();
    if p.punct(k + 3, sep) && p.tight(k + 3) && p.tight(k + 4) {
        if let Some(y) = p.year4(k + 4) {
            if follows_letters(k + 5) || (p.punct(k + 5, '/') && p.tight(k + 5)) {
                return None;
            }
            return Some((d, m, Some(y), k + 4));
        }
        return None;
    }
    if follows_letters(k + 3) || (p.punct(k + 3, '/') && p.tight(k + 3)) {
        return None;
    }
    // Without a year: "/" and "-" need a cue ("ngày 14/2") or words fixing the year after
    // them ("20/11 năm nay", "1/7 tới"); "." only right after "ngày", "từ", "đến"…; never
    // before a unit ("1-5 tuổi", "từ 1.5 triệu": numbers).
    let year_after = year_word(p, k + 3).is_some() || tense_after(p, k + 3).1.is_some();
    if !(cue || year_after) {
        return None;
    }
    let unit_after = p.word(k + 3).is_some_and(lexicon::unit_word)
        || p.punct(k + 3, '%')
        || (p.punct(k + 3, ',') && p.tight(k + 3) && p.num(k + 4).is_some());
    if unit_after {
        return None;
    }
    if sep == '.' && !(k > 0 && p.word(k - 1).is_some_and(lexicon::dot_date_cue)) {
        return None;
    }
    Some((d, m, None, k + 2))
}

/// "14 tháng 2 năm 2026", "14 tháng 2".
fn word_day(p: &P<'_>, k: usize) -> Option<(u32, u32, Option<i32>, usize)> {
    let d = p.num(k)?;
    if !(1..=31).contains(&d) || !p.is_word(k + 1, "tháng") {
        return None;
    }
    let m = p.num(k + 2)?;
    if !(1..=12).contains(&m) {
        return None;
    }
    if p.is_word(k + 3, "năm") {
        if let Some(y) = p.year4(k + 4) {
            return Some((d, m, Some(y), k + 4));
        }
    }
    if p.punct(k + 3, '/') && p.tight(k + 3) {
        if let Some(y) = p.year4(k + 4) {
            return Some((d, m, Some(y), k + 4));
        }
    }
    Some((d, m, None, k + 2))
}

/// A clock time at k: "20:31", "8h30", "8h", "8g30", "8 giờ 30 phút", "8 giờ"; then an
/// optional part of day ("9h tối"). Returns (h, mi, last index).
fn clock(p: &P<'_>, k: usize) -> Option<(u32, u32, usize)> {
    let h = p.num(k)?;
    if h > 24 || p.t[k].digits > 2 {
        return None;
    }
    let (mi, mut last) = if p.punct(k + 1, ':')
        && p.tight(k + 1)
        && p.tight(k + 2)
        && p.t.get(k + 2).is_some_and(|t| t.digits == 2)
    {
        (p.num(k + 2)?, k + 2)
    } else if (p.is_word(k + 1, "h") || p.is_word(k + 1, "g")) && p.tight(k + 1) {
        match p.num(k + 2) {
            Some(mm) if p.tight(k + 2) && p.t[k + 2].digits == 2 => (mm, k + 2),
            _ => (0, k + 1),
        }
    } else if p.is_word(k + 1, "giờ") {
        match p.num(k + 2) {
            Some(mm) if p.is_word(k + 3, "phút") => (mm, k + 3),
            _ => (0, k + 1),
        }
    } else {
        return None;
    };
    if mi > 59 {
        return None;
    }
    let mut h = h % 24;
    if let Some(pt) = p.word(last + 1).and_then(Part::of) {
        h = pt.to_24h(h);
        last += 1;
    } else if matches!(p.word(last + 1), Some("pm" | "am" | "ch" | "sa"))
        && p.t[last + 1].start == p.t[last].end + 1
    {
        // "08:31 PM", and the Vietnamese "08:31 CH" (chiều) / "SA" (sáng).
        let pm = matches!(p.word(last + 1), Some("pm" | "ch"));
        if h == 12 {
            h = 0;
        }
        if pm {
            h += 12;
        }
        last += 1;
    }
    Some((h, mi, last))
}

/// Tense words right after a date ("vừa qua", "tới", "sắp tới"): the tense and the index of
/// their last token, if any.
fn tense_after(p: &P<'_>, k: usize) -> (Tense, Option<usize>) {
    match (p.word(k), p.word(k + 1)) {
        (Some("sắp"), Some("tới")) | (Some("vừa"), Some("qua")) | (Some("vừa"), Some("rồi")) => {
            (
                if p.is_word(k, "sắp") {
                    Tense::Future
                } else {
                    Tense::Past
                },
                Some(k + 1),
            )
        }
        (Some("trước"), Some("đó")) => (Tense::Past, None),
        (Some("tới"), _) | (Some("sắp"), _) => (Tense::Future, Some(k)),
        (Some("qua"), _) => (Tense::Past, Some(k)),
        _ => (Tense::Any, None),
    }
}

/// Can a rule start at token i? (Most tokens of a text cannot: a quick test before the rules.)
fn can_start(p: &P<'_>, i: usize) -> bool {
    match p.t[i].kind {
        Kind::Num(_) => true,
        Kind::Punct(_) => false,
        Kind::Word => p.word(i).is_some_and(|w| {
            matches!(
                w,
                "thứ"
                    | "chủ"
                    | "cn"
                    | "t"
                    | "rạng"
                    | "sáng"
                    | "trưa"
                    | "chiều"
                    | "tối"
                    | "đêm"
                    | "khuya"
                    | "ngày"
                    | "hôm"
                    | "mùng"
                    | "mồng"
                    | "rằm"
                    | "tết"
                    | "xuân"
                    | "năm"
                    | "từ"
                    | "tuần"
                    | "tháng"
                    | "cách"
                    | "đầu"
                    | "giữa"
                    | "cuối"
                    | "quý"
                    | "thập"
                    | "những"
                    | "giai"
                    | "nhiệm"
                    | "thời"
                    | "một"
                    | "hai"
                    | "ba"
                    | "bốn"
                    | "sáu"
                    | "bảy"
                    | "tám"
                    | "chín"
                    | "mười"
                    | "giỗ"
                    | "lễ"
                    | "vu"
                    | "giao"
                    | "mùa"
                    | "thu"
                    | "đông"
                    | "hè"
                    | "hạ"
                    | "cùng"
                    | "thất"
                    | "vía"
                    | "nửa"
                    | "sn"
                    | "trung"
            ) || lexicon::english_month(w).is_some()
        }),
    }
}

/// A count written in digits or words ("2", "hai", "mười").
fn count(p: &P<'_>, k: usize) -> Option<u32> {
    if let Some(n) = p.num(k) {
        return (p.t[k].digits <= 3).then_some(n);
    }
    Some(match p.word(k)? {
        "một" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" => 4,
        "năm" => 5,
        "sáu" => 6,
        "bảy" => 7,
        "tám" => 8,
        "chín" => 9,
        "mười" => 10,
        _ => return None,
    })
}

/// Festivals on fixed lunar days: (words, month, day); day 0 is the month's last day.
const FESTIVALS: &[(&[&str], u32, u32)] = &[
    (&["giỗ", "tổ", "hùng", "vương"], 3, 10),
    (&["tết", "đoan", "ngọ"], 5, 5),
    (&["lễ", "vu", "lan"], 7, 15),
    (&["vu", "lan"], 7, 15),
    (&["tết", "trung", "thu"], 8, 15),
    (&["rằm", "trung", "thu"], 8, 15),
    (&["trung", "thu"], 8, 15),
    (&["tết", "nguyên", "đán"], 1, 1),
    (&["tết", "nguyên", "tiêu"], 1, 15),
    (&["tết", "hàn", "thực"], 3, 3),
    (&["thất", "tịch"], 7, 7),
    (&["tết", "trùng", "cửu"], 9, 9),
    (&["vía", "thần", "tài"], 1, 10),
    (&["tết", "ông", "công", "ông", "táo"], 12, 23),
    (&["đêm", "giao", "thừa"], 12, 0),
    (&["giao", "thừa"], 12, 0),
];

/// A lunar match with the part of the day written before it, starting at `first`.
fn with_lunar_part(mut m: Match, first: usize, part: Option<Part>) -> Match {
    if let Expr::Lunar { part: p, .. } = &mut m.expr {
        if p.is_none() {
            *p = part;
        }
    }
    m.first = first;
    m
}

fn festival(p: &P<'_>, i: usize) -> Option<Match> {
    for (words, m, d) in FESTIVALS {
        if words.iter().enumerate().all(|(o, w)| p.is_word(i + o, w)) {
            let last = i + words.len() - 1;
            // "Tết Trung thu năm 2026", "rằm Trung thu năm Giáp Thìn"; "giao thừa Tết Giáp
            // Thìn 2024" is the eve of that year: the last day of the year before.
            let (y, canchi, last) = if *d == 0 && p.is_word(last + 1, "tết") {
                match lunar_year_after(p, last + 2) {
                    Some((y, canchi, l)) => (
                        y.map(|y| y - 1),
                        canchi.and_then(|c| {
                            let y = crate::vi::lunar::year_from_can_chi(&c, 2000)?;
                            Some(crate::vi::lunar::can_chi_year(y - 1).to_lowercase())
                        }),
                        l,
                    ),
                    None => (None, None, last),
                }
            } else {
                lunar_year_after(p, last + 1).unwrap_or((None, None, last))
            };
            return Some(Match {
                expr: Expr::Lunar {
                    d: *d,
                    m: *m,
                    leap: false,
                    y,
                    canchi,
                    tet: false,
                    part: (words[0] == "đêm").then_some(Part::Night),
                },
                first: i,
                last,
            });
        }
    }
    None
}

/// The rule set, tried at token i.
fn at(p: &P<'_>, i: usize) -> Option<Match> {
    if i >= p.t.len() || !can_start(p, i) {
        return None;
    }
    let (weekday, part, k, cue_prefix) = prefix(p, i);
    let cue = cue_prefix || prev_is_cue(p, i);

    // Lunar forms first ("27 Tết", "mùng 1 Tết", "rằm tháng Giêng", "23 tháng Chạp", "10/3 âm lịch"),
    // with the part of the day written before them ("Sáng mùng 1 Tết", "tối Trung thu").
    if let Some(m) = festival(p, i) {
        return Some(m);
    }
    if weekday.is_none() && part.is_some() {
        if let Some(m) = festival(p, k) {
            return Some(with_lunar_part(m, i, part));
        }
    }
    if let Some(m) = lunar(p, k, i) {
        return Some(with_lunar_part(m, i, part));
    }
    // "Pelé (1958)", "(2014, 2022 và 2026)": years in brackets.
    if paren_year(p, i) {
        return Some(Match {
            expr: Expr::Year { y: p.year4(i)? },
            first: i,
            last: i,
        });
    }
    // "Thu Đông 2009", "mùa hè 2024", "mùa xuân năm 2025": a season of a year, as the year.
    if let Some((y, last)) = season_year(p, i) {
        return Some(Match {
            expr: Expr::Year { y },
            first: i,
            last,
        });
    }
    // "Xuân 2026", "Tết 2026": the year.
    if (p.is_word(i, "xuân") || p.is_word(i, "tết")) && p.year4(i + 1).is_some() {
        let y = p.year4(i + 1)?;
        return Some(Match {
            expr: Expr::Year { y },
            first: i,
            last: i + 1,
        });
    }
    // "Chủ nhật vừa qua", "thứ Hai tới", "thứ Sáu tuần trước".
    if let Some(wd) = weekday {
        let numeric_next = p.num(k).is_some();
        if !numeric_next {
            let (tense, last) = match (p.word(k), p.word(k + 1)) {
                (Some("vừa"), Some("qua"))
                | (Some("tuần"), Some("trước"))
                | (Some("tuần"), Some("qua")) => (Tense::Past, k + 1),
                (Some("tuần"), Some("tới")) | (Some("tuần"), Some("sau")) => {
                    (Tense::Future, k + 1)
                }
                (Some("tới"), _) | (Some("sắp"), Some("tới")) => {
                    (Tense::Future, if p.is_word(k, "sắp") { k + 1 } else { k })
                }
                (Some("này"), _) | (Some("tuần"), Some("này")) => {
                    (Tense::Any, if p.is_word(k, "tuần") { k + 1 } else { k })
                }
                _ => (Tense::Any, usize::MAX),
            };
            if last != usize::MAX {
                return Some(Match {
                    expr: Expr::Weekday { wd, tense, part },
                    first: i,
                    last,
                });
            }
        }
    }
    // Ranges of days: "1-15/7", "28/6 - 3/7", "từ 1/7 đến 15/7".
    if let Some(m) = day_range(p, i, k) {
        return Some(m);
    }
    // "10/3 âm lịch": the marker is the cue.
    if let Some((d, m, None, l)) = numeric_day(p, k, true) {
        if let Some(last) = lunar_marker(p, l + 1) {
            return Some(Match {
                expr: Expr::lunar_day(d, m),
                first: i,
                last,
            });
        }
    }
    // A day, by numbers or words, with an optional time after it.
    let day = numeric_day(p, k, cue)
        .or_else(|| word_day(p, k).filter(|_| cue || p.is_word(k + 1, "tháng")));
    if let Some((d, m, y, mut last)) = day {
        let mut time = None;
        // "14/2/2026 20:31", "ngày 14/2 lúc 9h", "14/2, 08:31".
        let mut j = last + 1;
        if p.punct(j, ',') || p.dash(j) || p.punct(j, '|') {
            j += 1;
        }
        if p.is_word(j, "lúc") || p.is_word(j, "vào") || p.is_word(j, "at") {
            j += 1;
        }
        if let Some((h, mi, l)) = clock(p, j) {
            time = Some((h, mi));
            last = l;
        }
        // "(âm lịch)" after a numeric day makes it lunar.
        if let Some(l) = lunar_marker(p, last + 1) {
            return Some(Match {
                expr: Expr::lunar_day(d, m),
                first: i,
                last: l,
            });
        }
        let (tense, tense_last) = tense_after(p, last + 1);
        let last = tense_last.unwrap_or(last);
        return Some(Match {
            expr: Expr::Day {
                d,
                m,
                y,
                weekday,
                part,
                time,
                tense,
            },
            first: i,
            last,
        });
    }
    // A time, then maybe its day: "20h ngày 14/2", "8 giờ sáng 12/2".
    if k == i || part.is_some() || weekday.is_some() {
        if let Some(m) = timed(p, i, k, weekday, part, cue) {
            return Some(m);
        }
    }
    // "cùng ngày", "chiều cùng ngày", "sáng hôm đó": the day of an earlier mention.
    if let Some(last) = same_day_words(p, k) {
        return Some(Match {
            expr: Expr::SameDay { time: None, part },
            first: i,
            last,
        });
    }
    // Relative days: "hôm qua", "sáng nay", "3 ngày trước", "tuần trước", …
    if let Some((expr, last)) = relative(p, i) {
        return Some(Match {
            expr,
            first: i,
            last,
        });
    }
    if let Some((expr, last)) = month_year_forms(p, i) {
        return Some(Match {
            expr,
            first: i,
            last,
        });
    }
    if let Some((expr, last)) = english(p, i) {
        return Some(Match {
            expr,
            first: i,
            last,
        });
    }
    None
}

/// "Thu Đông 2009", "Xuân Hè 2024", "mùa thu 2009", "mùa hè năm 2024": (year, last index).
fn season_year(p: &P<'_>, i: usize) -> Option<(i32, usize)> {
    let season = |k: usize| matches!(p.word(k), Some("xuân" | "hạ" | "hè" | "thu" | "đông"));
    if !((p.is_word(i, "mùa") || season(i)) && season(i + 1)) {
        return None;
    }
    let k = i + 2;
    let k = if season(k) { k + 1 } else { k };
    let k = if p.is_word(k, "năm") { k + 1 } else { k };
    p.year4(k).map(|y| (y, k))
}

/// A year standing alone in brackets, or in a bracketed list of years: "(1958)",
/// "(2014, 2022 và 2026)".
fn paren_year(p: &P<'_>, i: usize) -> bool {
    let is_year = |k: usize| p.year4(k).is_some_and(|y| (1800..=2100).contains(&y));
    let sep = |k: usize| p.punct(k, ',') || p.is_word(k, "và");
    if !is_year(i) {
        return false;
    }
    // Back to the opening bracket over years and separators.
    let mut k = i;
    while k > 0 && (sep(k - 1) || is_year(k - 1)) && i - k < 12 {
        k -= 1;
    }
    if k == 0 || !p.punct(k - 1, '(') || !is_year(k) {
        return false;
    }
    // Forward to the closing bracket likewise.
    let mut j = i + 1;
    while (sep(j) || is_year(j)) && j - i < 12 {
        j += 1;
    }
    p.punct(j, ')')
}

/// "cùng ngày", "cùng hôm", "hôm đó", "ngày hôm đó" at k: the index of its last word.
fn same_day_words(p: &P<'_>, k: usize) -> Option<usize> {
    if p.is_word(k, "cùng") && (p.is_word(k + 1, "ngày") || p.is_word(k + 1, "hôm")) {
        return Some(k + 1);
    }
    if p.is_word(k, "ngày") && p.is_word(k + 1, "hôm") && p.is_word(k + 2, "đó") {
        return Some(k + 2);
    }
    if p.is_word(k, "hôm") && p.is_word(k + 1, "đó") {
        return Some(k + 1);
    }
    None
}

/// Words after a clock time that make it a daily schedule, not a date: "hằng ngày",
/// "mỗi sáng", "các ngày trong tuần".
fn recurring_after(p: &P<'_>, j: usize) -> bool {
    let every = matches!(p.word(j), Some("hằng" | "hàng" | "mỗi" | "các"));
    let unit = matches!(
        p.word(j + 1),
        Some("ngày" | "tuần" | "tháng" | "năm" | "sáng" | "chiều" | "tối" | "đêm" | "buổi")
    );
    every && unit
}

/// A clock time at k and what goes with it: a day after it ("20h ngày 14/2"), a relative
/// day ("9h sáng nay"), "cùng ngày", a second time ("7h đến 17h ngày 25/7"), or nothing
/// (then it needs a cue: "lúc 20:31", "khoảng 9h", "9h sáng").
fn timed(
    p: &P<'_>,
    i: usize,
    k: usize,
    weekday: Option<u8>,
    part: Option<Part>,
    cue: bool,
) -> Option<Match> {
    let (h, mi, last) = clock(p, k)?;
    let words_form = p.is_word(k + 1, "giờ") || p.is_word(k + 1, "tiếng");
    let before = if i > 0 { p.word(i - 1) } else { None };
    // "sau 12 giờ cấp cứu", "trong 2 giờ": a duration. "2 giờ trước": hours ago.
    if words_form && last == k + 1 {
        let duration_before = matches!(
            before,
            Some("sau" | "trong" | "suốt" | "hơn" | "mất" | "gần" | "chừng" | "tròn")
        );
        if duration_before || matches!(p.word(k + 2), Some("trước" | "qua" | "nữa" | "liền"))
        {
            return None;
        }
    }
    let time = Some((h, mi));
    // "8h30 sáng nay": the part of day went to the clock; the relative day starts there.
    let part_in_clock = p.word(last).and_then(Part::of).is_some();
    let mut j = last + 1;
    if p.punct(j, ',') || p.dash(j) {
        j += 1;
    }
    let relative_at = |at: usize| match relative_day(p, at) {
        Some((
            Expr::Relative {
                unit,
                offset,
                part: rp,
                ..
            },
            l,
        )) => Some(Match {
            expr: Expr::Relative {
                unit,
                offset,
                part: part.or(rp),
                time,
            },
            first: i,
            last: l,
        }),
        _ => None,
    };
    if part_in_clock {
        if let Some(m) = relative_at(last) {
            return Some(m);
        }
    }
    if let Some(m) = relative_at(j) {
        return Some(m);
    }
    if let Some(l) = same_day_words(p, j) {
        return Some(Match {
            expr: Expr::SameDay { time, part },
            first: i,
            last: l,
        });
    }
    // "17h thứ Sáu tuần này", "18h tối 30 Tết", "5h sáng hôm sau": a day said another way.
    for at_k in [Some(j), part_in_clock.then_some(last)]
        .into_iter()
        .flatten()
    {
        if let Some(m2) = at(p, at_k).filter(|m2| m2.first == at_k) {
            let attach = matches!(
                m2.expr,
                Expr::Weekday { .. } | Expr::Lunar { .. } | Expr::Anaphor { .. }
            );
            if attach {
                return Some(Match {
                    expr: Expr::At(Box::new(m2.expr), (h, mi)),
                    first: i,
                    last: m2.last,
                });
            }
        }
    }
    let day_after = |at: usize| {
        let (wd2, part2, k2, _) = prefix(p, at);
        numeric_day(p, k2, true)
            .or_else(|| word_day(p, k2))
            .map(|(d, m, y, l)| (d, m, y, l, wd2, part2))
    };
    if let Some((d, m, y, l, wd2, part2)) = day_after(j) {
        return Some(Match {
            expr: Expr::Day {
                d,
                m,
                y,
                weekday: weekday.or(wd2),
                part: part.or(part2),
                time,
                tense: Tense::Any,
            },
            first: i,
            last: l,
        });
    }
    // "7h đến 17h ngày 25/7", "từ 8h đến 17h hằng ngày" (a schedule: no date at all).
    if p.is_word(last + 1, "đến") || p.is_word(last + 1, "tới") || p.dash(last + 1) {
        if let Some((h2, mi2, l2)) = clock(p, last + 2) {
            if recurring_after(p, l2 + 1) {
                return None;
            }
            let to_time = Some((h2, mi2));
            let (from, to, l) = match day_after(l2 + 1) {
                Some((d, m, y, l, wd2, _)) => {
                    let day = |t| Expr::Day {
                        d,
                        m,
                        y,
                        weekday: weekday.or(wd2),
                        part: None,
                        time: t,
                        tense: Tense::Any,
                    };
                    (day(time), day(to_time), l)
                }
                None => (Expr::Time { h, mi }, Expr::Time { h: h2, mi: mi2 }, l2),
            };
            return Some(Match {
                expr: Expr::Range {
                    from: Box::new(from),
                    to: Box::new(to),
                },
                first: i,
                last: l,
            });
        }
    }
    if recurring_after(p, last + 1) {
        return None;
    }
    // A bare clock time needs a cue ("lúc 20:31", "khoảng 9h", "9h sáng"); a line
    // starting "00:17" is a timestamp, not a time of day. "8 giờ" alone needs "lúc".
    if words_form && !(before == Some("lúc") || cue) {
        return None;
    }
    let cue_before = matches!(
        before,
        Some("lúc" | "vào" | "khoảng" | "từ" | "đến" | "tới" | "trước" | "sau" | "chừng")
    );
    if cue_before || part.is_some() || part_in_clock {
        return Some(Match {
            expr: Expr::Time { h, mi },
            first: i,
            last,
        });
    }
    None
}

/// "(âm lịch)", "âm lịch", "ÂL" right after a day: the index of its last token.
fn lunar_marker(p: &P<'_>, k: usize) -> Option<usize> {
    if p.is_word(k, "âm") && p.is_word(k + 1, "lịch") {
        return Some(k + 1);
    }
    if p.punct(k, '(') && p.is_word(k + 1, "âm") && p.is_word(k + 2, "lịch") && p.punct(k + 3, ')')
    {
        return Some(k + 3);
    }
    if p.is_word(k, "âl") || (p.punct(k, '(') && p.is_word(k + 1, "âl") && p.punct(k + 2, ')')) {
        return Some(if p.punct(k, '(') { k + 2 } else { k });
    }
    None
}

/// A can-chi year name at k ("bính ngọ"): (display name, last index).
fn can_chi(p: &P<'_>, k: usize) -> Option<(String, usize)> {
    const STEMS: [&str; 10] = [
        "giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý",
    ];
    const BRANCHES: [&str; 12] = [
        "tý", "sửu", "dần", "mão", "mẹo", "thìn", "tỵ", "tị", "ngọ", "mùi", "thân", "dậu",
    ];
    let s = p.word(k)?;
    let b = p.word(k + 1)?;
    let b_ok = BRANCHES.contains(&b) || b == "tuất" || b == "hợi";
    if STEMS.contains(&s) && b_ok {
        let original: String = format!("{s} {b}");
        return Some((original, k + 1));
    }
    None
}

fn lunar(p: &P<'_>, k: usize, first: usize) -> Option<Match> {
    // "mùng 1 Tết", "mồng 3 tháng Giêng"
    if p.is_word(k, "mùng") || p.is_word(k, "mồng") {
        let d = p.num(k + 1).filter(|d| (1..=10).contains(d))?;
        if p.is_word(k + 2, "tết") {
            let (y, canchi, last) = lunar_year_after(p, k + 3).unwrap_or((None, None, k + 2));
            return Some(Match {
                expr: Expr::Lunar {
                    d,
                    m: 1,
                    leap: false,
                    y,
                    canchi,
                    tet: true,
                    part: None,
                },
                first,
                last,
            });
        }
        // "mồng 3 tháng Giêng", "mùng 5 tháng 5 âm lịch"; "mùng 2 tháng 9" is Gregorian.
        if p.is_word(k + 2, "tháng") {
            let (m, leap, last) = lunar_month(p, k + 3, true)?;
            let marker = lunar_marker(p, last + 1);
            if p.num(k + 3).is_some() && marker.is_none() && !leap {
                let (y, last) = year_after_month(p, last + 1).unwrap_or((None, last));
                return Some(Match {
                    expr: Expr::plain_day(d, m, y),
                    first,
                    last,
                });
            }
            let last = marker.unwrap_or(last);
            let (y, canchi, last) = lunar_year_after(p, last + 1).unwrap_or((None, None, last));
            return Some(Match {
                expr: Expr::Lunar {
                    d,
                    m,
                    leap,
                    y,
                    canchi,
                    tet: false,
                    part: None,
                },
                first,
                last,
            });
        }
        return None;
    }
    // "rằm tháng Giêng", "rằm tháng Bảy", "rằm tháng 7", "rằm tháng 6 nhuận"
    if p.is_word(k, "rằm") && p.is_word(k + 1, "tháng") {
        let (m, leap, last) = lunar_month(p, k + 2, true)?;
        let last = lunar_marker(p, last + 1).unwrap_or(last);
        let (y, canchi, last) = lunar_year_after(p, last + 1).unwrap_or((None, None, last));
        return Some(Match {
            expr: Expr::Lunar {
                d: 15,
                m,
                leap,
                y,
                canchi,
                tet: false,
                part: None,
            },
            first,
            last,
        });
    }
    // "27 Tết" (before the new year: day 27 of the 12th month)
    if let Some(d) = p.num(k) {
        if p.is_word(k + 1, "tết") && (15..=30).contains(&d) && p.t[k].digits <= 2 {
            return Some(Match {
                expr: Expr::Lunar {
                    d,
                    m: 12,
                    leap: false,
                    y: None,
                    canchi: None,
                    tet: true,
                    part: None,
                },
                first,
                last: k + 1,
            });
        }
        // "23 tháng Chạp", "10 tháng Giêng năm Nhâm Thìn"
        if (1..=30).contains(&d) && p.is_word(k + 1, "tháng") {
            if let Some((m, n)) = p
                .word(k + 2)
                .and_then(|w| lexicon::lunar_month_word(w, p.word(k + 3)))
            {
                // "tháng hai" … "tháng chín" are also plain month names: lunar only with
                // Giêng/Chạp or an explicit marker.
                let last = k + 1 + n;
                let named = matches!(p.word(k + 2), Some("giêng" | "chạp"));
                let marker = lunar_marker(p, last + 1);
                if named || marker.is_some() {
                    let last = marker.unwrap_or(last);
                    let (y, canchi, last) =
                        lunar_year_after(p, last + 1).unwrap_or((None, None, last));
                    return Some(Match {
                        expr: Expr::Lunar {
                            d,
                            m: m.into(),
                            leap: false,
                            y,
                            canchi,
                            tet: false,
                            part: None,
                        },
                        first,
                        last,
                    });
                }
            }
        }
    }
    // "Tết Bính Ngọ", "Xuân Bính Ngọ 2026", "năm Nhâm Thìn"
    if p.is_word(k, "tết") || p.is_word(k, "xuân") || p.is_word(k, "năm") {
        let mut j = k + 1;
        if p.is_word(k, "tết") && p.is_word(j, "nguyên") && p.is_word(j + 1, "đán") {
            j += 2;
        }
        if let Some((name, l)) = can_chi(p, j) {
            let (y, last) = match p.year4(l + 1) {
                Some(y) => (Some(y), l + 1),
                None => (None, l),
            };
            return Some(Match {
                expr: Expr::LunarYear {
                    name,
                    y,
                    tet_day: p.is_word(k, "tết"),
                },
                first,
                last,
            });
        }
    }
    None
}

/// A lunar month at k: "Giêng", "Chạp", "Bảy", "mười một", or (with `numeric`) "7"; then
/// "nhuận" for the leap month. (month, leap, last index)
fn lunar_month(p: &P<'_>, k: usize, numeric: bool) -> Option<(u32, bool, usize)> {
    let (m, last) = match p
        .word(k)
        .and_then(|w| lexicon::lunar_month_word(w, p.word(k + 1)))
    {
        Some((m, n)) => (u32::from(m), k + n - 1),
        None if numeric => {
            let m = p
                .num(k)
                .filter(|m| (1..=12).contains(m) && p.t[k].digits <= 2)?;
            (m, k)
        }
        None => return None,
    };
    if p.is_word(last + 1, "nhuận") {
        return Some((m, true, last + 1));
    }
    Some((m, false, last))
}

/// The year written after a lunar day ("năm 2024", "năm Nhâm Thìn"): (number, can-chi name,
/// last index).
type LunarYearAfter = (Option<i32>, Option<String>, usize);

fn lunar_year_after(p: &P<'_>, k: usize) -> Option<LunarYearAfter> {
    let k = if p.is_word(k, "năm") {
        if let Some(y) = p.year4(k + 1) {
            return Some((Some(y), None, k + 1));
        }
        k + 1
    } else {
        k
    };
    // "năm Nhâm Thìn", "Bính Ngọ", "Bính Ngọ 2026".
    let (name, l) = can_chi(p, k)?;
    match p.year4(l + 1) {
        Some(y) => Some((Some(y), Some(name), l + 1)),
        None => Some((None, Some(name), l)),
    }
}

/// A range of two days ("28/6 - 3/7"); a year written only at the end applies to both.
type DayParts = (u32, u32, Option<i32>);

fn range_of_days(from: DayParts, to: DayParts, first: usize, last: usize) -> Match {
    let day = |(d, m, y): DayParts| Box::new(Expr::plain_day(d, m, y));
    Match {
        expr: Expr::Range {
            from: day((from.0, from.1, from.2.or(to.2))),
            to: day(to),
        },
        first,
        last,
    }
}

fn day_range(p: &P<'_>, i: usize, k: usize) -> Option<Match> {
    // "từ [ngày] X đến [hết] [ngày] Y", "từ đêm 22 đến ngày 24/7": the span leaves out "từ".
    if p.is_word(i, "từ") {
        let (_, _, k1, _) = prefix(p, i + 1);
        return range_from(p, i + 1, k1, true);
    }
    // "đêm 22 đến ngày 24/7": a bare day after a part of day or "ngày".
    if k > i {
        if let Some(m) = range_from(p, i, k, false) {
            return Some(m);
        }
    }
    // "1-15/7", "1 - 15/7/2026"
    if let (Some(d1), true) = (p.num(k), p.dash(k + 1)) {
        if let Some((d2, m, y, l)) = numeric_day(p, k + 2, true) {
            if (1..=31).contains(&d1)
                && d1 < d2
                && p.t[k].digits <= 2
                && p.tight(k + 1) == p.tight(k + 2)
            {
                return Some(range_of_days((d1, m, y), (d2, m, y), i, l));
            }
        }
    }
    // "28/6 - 3/7", "28/6 đến 3/7/2026" (two day/months around a dash: a date range even
    // without a cue word)
    if let Some((d1, m1, y1, l1)) = numeric_day(p, k, true) {
        let j = l1 + 1;
        if p.dash(j) || p.is_word(j, "đến") {
            if let Some((d2, m2, y2, l2)) = numeric_day(p, j + 1, true) {
                return Some(range_of_days((d1, m1, y1), (d2, m2, y2), i, l2));
            }
        }
    }
    None
}

/// The rest of a range whose first day starts at k (the span starting at `first`): "X đến
/// [hết] [ngày] Y", where X may be a bare day number when Y names the month ("22 đến 24/7").
/// With `open` (after "từ") X may also be a full day and the separator a dash.
fn range_from(p: &P<'_>, first: usize, k: usize, open: bool) -> Option<Match> {
    let (_, part1, _, _) = prefix(p, first);
    let full = numeric_day(p, k, true).or_else(|| word_day(p, k));
    let (d1, m1, y1, l1) = match full {
        Some(f) if open => (f.0, Some(f.1), f.2, f.3),
        Some(_) => return None,
        None => {
            let d = p
                .num(k)
                .filter(|d| (1..=31).contains(d) && p.t[k].digits <= 2)?;
            (d, None, None, k)
        }
    };
    let j = l1 + 1;
    // "26 và 27/6": two days in a row.
    let and = p.is_word(j, "và") && m1.is_none();
    if !(and || p.is_word(j, "đến") || p.is_word(j, "tới") || (open && p.dash(j))) {
        return None;
    }
    let j = if p.is_word(j + 1, "hết") {
        j + 2
    } else {
        j + 1
    };
    let (_, part2, k2, _) = prefix(p, j);
    // "mùng 8 đến 15/7 âm lịch", "27 và 28 tháng Chạp": the second day is lunar, so is the first.
    if let Some(m2) = lunar(p, k2, k2).or_else(|| {
        let (d2, mo2, _, l2) = numeric_day(p, k2, true)?;
        let last = lunar_marker(p, l2 + 1)?;
        Some(Match {
            expr: Expr::lunar_day(d2, mo2),
            first: k2,
            last,
        })
    }) {
        if let Expr::Lunar {
            d: d2,
            m: mo2,
            leap,
            y,
            canchi,
            ..
        } = &m2.expr
        {
            if m1.is_none() && d1 < *d2 && (!and || d1 + 1 == *d2) {
                let from = Expr::Lunar {
                    d: d1,
                    m: *mo2,
                    leap: *leap,
                    y: *y,
                    canchi: canchi.clone(),
                    tet: false,
                    part: part1,
                };
                return Some(Match {
                    expr: Expr::Range {
                        from: Box::new(from),
                        to: Box::new(m2.expr.clone()),
                    },
                    first,
                    last: m2.last,
                });
            }
        }
    }
    let (d2, m2, y2, l2) = numeric_day(p, k2, true).or_else(|| word_day(p, k2))?;
    if and && d2 != d1 + 1 {
        return None;
    }
    let m1 = match m1 {
        Some(m) => m,
        None if d1 < d2 => m2,
        None => return None,
    };
    let day = |d, m, y, part| {
        Box::new(Expr::Day {
            d,
            m,
            y,
            weekday: None,
            part,
            time: None,
            tense: Tense::Any,
        })
    };
    Some(Match {
        expr: Expr::Range {
            from: day(d1, m1, y1.or(y2), part1),
            to: day(d2, m2, y2, part2),
        },
        first,
        last: l2,
    })
}

/// "hôm qua", "sáng nay", "ngày mai" and friends, as a relative day: (expr, last index).
fn relative_day(p: &P<'_>, k: usize) -> Option<(Expr, usize)> {
    // "sáng hôm qua", "tối ngày mai": a part of day before a relative day.
    if let Some(part) = p.word(k).and_then(Part::of) {
        if let Some((
            Expr::Relative {
                unit, offset, time, ..
            },
            last,
        )) = relative_day(p, k + 1)
        {
            return Some((
                Expr::Relative {
                    unit,
                    offset,
                    part: Some(part),
                    time,
                },
                last,
            ));
        }
    }
    let (w0, w1) = (p.word(k)?, p.word(k + 1));
    let rel = |offset: i32, part: Option<Part>, last: usize| {
        Some((
            Expr::Relative {
                unit: Unit::Day,
                offset,
                part,
                time: None,
            },
            last,
        ))
    };
    match (w0, w1) {
        ("hôm", Some("nay")) => rel(0, None, k + 1),
        ("hôm", Some("qua")) => rel(-1, None, k + 1),
        ("hôm", Some("kia")) => rel(-2, None, k + 1),
        ("ngày", Some("mai")) => rel(1, None, k + 1),
        ("ngày", Some("kia")) => rel(2, None, k + 1),
        // "sáng sớm nay", "chiều muộn hôm qua"
        (w, Some("sớm" | "muộn")) if Part::of(w).is_some() => {
            let (Expr::Relative { unit, offset, .. }, last) = relative_day(p, k + 2)? else {
                return None;
            };
            Some((
                Expr::Relative {
                    unit,
                    offset,
                    part: Part::of(w),
                    time: None,
                },
                last,
            ))
        }
        (w, Some(x)) if Part::of(w).is_some() && matches!(x, "nay" | "qua" | "mai") => {
            let off = match x {
                "nay" => 0,
                "qua" => -1,
                _ => 1,
            };
            rel(off, Part::of(w), k + 1)
        }
        _ => None,
    }
}

/// "hôm sau", "ngày hôm sau", "hai ngày sau (đó)", "tuần trước đó", "tháng sau đó" at i.
fn anaphor(p: &P<'_>, i: usize) -> Option<(Expr, usize)> {
    let an = |unit, offset, last| {
        Some((
            Expr::Anaphor {
                unit,
                offset,
                part: None,
                time: None,
            },
            last,
        ))
    };
    let k = if p.is_word(i, "ngày") && p.is_word(i + 1, "hôm") {
        i + 1
    } else {
        i
    };
    if p.is_word(k, "hôm") && p.is_word(k + 1, "sau") {
        return an(Unit::Day, 1, k + 1);
    }
    if p.is_word(k, "hôm") && p.is_word(k + 1, "trước") && !p.is_word(k + 2, "nữa") {
        return an(Unit::Day, -1, k + 1);
    }
    let unit_of = |w: &str| match w {
        "ngày" => Some(Unit::Day),
        "tuần" => Some(Unit::Week),
        "tháng" => Some(Unit::Month),
        _ => None,
    };
    // "tuần trước đó", "tháng sau đó"
    if let Some(u) = p.word(i).and_then(unit_of) {
        if matches!(p.word(i + 1), Some("trước" | "sau")) && p.is_word(i + 2, "đó") {
            return an(u, if p.is_word(i + 1, "sau") { 1 } else { -1 }, i + 2);
        }
    }
    // "hai ngày sau", "3 tuần sau đó", "một tháng trước đó"
    let n = count(p, i)?;
    let u = p.word(i + 1).and_then(unit_of)?;
    let sign = match p.word(i + 2) {
        Some("sau") => 1,
        Some("trước") if p.is_word(i + 3, "đó") => -1,
        _ => return None,
    };
    let last = if p.is_word(i + 3, "đó") {
        i + 3
    } else {
        i + 2
    };
    let (u, n) = if u == Unit::Week {
        (Unit::Day, 7 * n)
    } else {
        (u, n)
    };
    an(u, sign * n as i32, last)
}

fn relative(p: &P<'_>, i: usize) -> Option<(Expr, usize)> {
    if let Some(r) = relative_day(p, i) {
        return Some(r);
    }
    // "rạng sáng nay"
    if p.is_word(i, "rạng") && p.is_word(i + 1, "sáng") && p.is_word(i + 2, "nay") {
        return Some((
            Expr::Relative {
                unit: Unit::Day,
                offset: 0,
                part: Some(Part::SmallHours),
                time: None,
            },
            i + 2,
        ));
    }
    let unit_of = |w: &str| -> Option<Unit> {
        Some(match w {
            "ngày" => Unit::Day,
            "tuần" => Unit::Week,
            "tháng" => Unit::Month,
            "năm" => Unit::Year,
            "giờ" | "tiếng" => Unit::Hour,
            _ => return None,
        })
    };
    // "cuối tuần này" (Sat–Sun), "đầu tuần sau" (Mon–Tue), "giữa tuần tới" (Wed–Thu)
    let week_part = match p.word(i) {
        Some("đầu") => Some(0),
        Some("giữa") => Some(2),
        Some("cuối") => Some(5),
        _ => None,
    };
    if let (Some(from), true) = (week_part, p.is_word(i + 1, "tuần")) {
        let offset = match p.word(i + 2) {
            Some("này" | "nay") => Some(0),
            Some("qua" | "trước" | "rồi") if !p.is_word(i + 3, "đó") => Some(-1),
            Some("tới" | "sau") => Some(1),
            _ => None,
        };
        if let Some(offset) = offset {
            return Some((Expr::Weekend { offset, from }, i + 2));
        }
    }
    // "đầu tháng này", "cuối tháng tới", "giữa tháng trước"
    let third = match p.word(i) {
        Some("đầu") => Some(Third::Early),
        Some("giữa") => Some(Third::Mid),
        Some("cuối") => Some(Third::Late),
        _ => None,
    };
    if let (Some(third), true) = (third, p.is_word(i + 1, "tháng")) {
        let offset = match p.word(i + 2) {
            Some("này" | "nay") => Some(0),
            Some("trước" | "qua") if !p.is_word(i + 3, "đó") => Some(-1),
            Some("tới" | "sau") => Some(1),
            _ => None,
        };
        if let Some(offset) = offset {
            return Some((Expr::MonthPart { third, offset }, i + 2));
        }
    }
    // "quý này", "quý tới", "quý trước"
    if p.is_word(i, "quý") {
        let offset = match p.word(i + 1) {
            Some("này" | "nay") => Some(0),
            Some("trước" | "qua") if !p.is_word(i + 2, "đó") => Some(-1),
            Some("tới" | "sau") => Some(1),
            _ => None,
        };
        if let Some(offset) = offset {
            return Some((Expr::QuarterRel { offset }, i + 1));
        }
    }
    // "hôm sau", "ngày hôm sau", "hai ngày sau", "tuần trước đó", "một tháng sau đó":
    // counted from the date before it.
    if let Some(r) = anaphor(p, i) {
        return Some(r);
    }
    // "3 days ago"
    if let (Some(n), Some(w), true) = (p.num(i), p.word(i + 1), p.is_word(i + 2, "ago")) {
        let unit = match w {
            "day" | "days" => Some(Unit::Day),
            "week" | "weeks" => Some(Unit::Week),
            "hour" | "hours" | "minute" | "minutes" => Some(Unit::Hour),
            _ => None,
        };
        if let Some(unit) = unit {
            let (unit, offset) = match unit {
                Unit::Week => (Unit::Day, -7 * n as i32),
                u => (u, -(n as i32)),
            };
            return Some((
                Expr::Relative {
                    unit,
                    offset,
                    part: None,
                    time: None,
                },
                i + 2,
            ));
        }
    }
    // "tuần trước", "tháng tới", "năm ngoái", "năm nay"
    if let (Some(u), Some(w)) = (p.word(i).and_then(unit_of), p.word(i + 1)) {
        if u != Unit::Hour && u != Unit::Day {
            let off = match w {
                "trước" if !p.is_word(i + 2, "đó") => Some(-1),
                "ngoái" if u == Unit::Year => Some(-1),
                "qua" if u == Unit::Week => Some(-1),
                "này" | "nay" => Some(0),
                "tới" | "sau" => Some(1),
                _ => None,
            };
            if let Some(offset) = off {
                return Some((
                    Expr::Relative {
                        unit: u,
                        offset,
                        part: None,
                        time: None,
                    },
                    i + 1,
                ));
            }
        }
    }
    // "2 ngày tới", "hai ngày qua", "một tháng qua": N units from or up to the reference.
    if let (Some(n), Some(u)) = (count(p, i), p.word(i + 1).and_then(unit_of)) {
        if n > 0 && n <= 100 && u != Unit::Hour {
            match p.word(i + 2) {
                Some("tới" | "sắp") | Some("sau") if !p.is_word(i + 3, "đó") => {
                    let last = if p.is_word(i + 2, "sắp") && p.is_word(i + 3, "tới") {
                        i + 3
                    } else {
                        i + 2
                    };
                    return Some((
                        Expr::Span {
                            unit: u,
                            n,
                            future: true,
                        },
                        last,
                    ));
                }
                Some("qua") | Some("gần") if p.is_word(i + 2, "qua") || p.is_word(i + 3, "đây") =>
                {
                    let last = if p.is_word(i + 2, "gần") {
                        i + 3
                    } else {
                        i + 2
                    };
                    return Some((
                        Expr::Span {
                            unit: u,
                            n,
                            future: false,
                        },
                        last,
                    ));
                }
                _ => {}
            }
        }
    }
    // "3 ngày trước", "2 tuần qua", "cách đây 2 tuần"
    let (n_at, ago_before) = if p.is_word(i, "cách") && p.is_word(i + 1, "đây") {
        (i + 2, true)
    } else {
        (i, false)
    };
    if let (Some(n), Some(u)) = (count(p, n_at), p.word(n_at + 1).and_then(unit_of)) {
        if n > 0 && n < 1000 {
            let ago = ago_before || p.is_word(n_at + 2, "trước");
            if ago {
                let last = if ago_before { n_at + 1 } else { n_at + 2 };
                // "2 tuần trước" is a day two weeks back, not a calendar week.
                let (unit, offset) = if u == Unit::Week {
                    (Unit::Day, -7 * n as i32)
                } else {
                    (u, -(n as i32))
                };
                return Some((
                    Expr::Relative {
                        unit,
                        offset,
                        part: None,
                        time: None,
                    },
                    last,
                ));
            }
        }
    }
    None
}

/// Months, quarters, years, parts of them, decades and year ranges.
fn month_year_forms(p: &P<'_>, i: usize) -> Option<(Expr, usize)> {
    // "đầu/giữa/cuối tháng 7[/2026]", "cuối năm 2025", "cuối năm"
    let third = match p.word(i) {
        Some("đầu") => Some(Third::Early),
        Some("giữa") => Some(Third::Mid),
        Some("cuối") => Some(Third::Late),
        _ => None,
    };
    if let Some(third) = third {
        if let Some((start, last)) = decade(p, i + 1) {
            return Some((
                Expr::Decade {
                    start,
                    third: Some(third),
                },
                last,
            ));
        }
        if p.is_word(i + 1, "tháng") {
            if let Some(m) = p.num(i + 2).filter(|m| (1..=12).contains(m)) {
                let (y, last) = year_after_month(p, i + 3).unwrap_or((None, i + 2));
                return Some((
                    Expr::Period {
                        third,
                        m: Some(m),
                        y,
                    },
                    last,
                ));
            }
        }
        if p.is_word(i + 1, "năm") {
            if let Some(y) = p.year4(i + 2) {
                return Some((
                    Expr::Period {
                        third,
                        m: None,
                        y: Some(y),
                    },
                    i + 2,
                ));
            }
            if p.is_word(i + 2, "nay") {
                return Some((
                    Expr::Period {
                        third,
                        m: None,
                        y: None,
                    },
                    i + 2,
                ));
            }
        }
    }
    // "tháng 6/2024", "tháng 6 năm 2024", "tháng 6"
    if p.is_word(i, "tháng") {
        let m = p.num(i + 1).filter(|m| (1..=12).contains(m))?;
        if p.t[i + 1].digits > 2 {
            return None;
        }
        let (y, last) = year_after_month(p, i + 2).unwrap_or((None, i + 1));
        // "tháng 10 vừa qua", "tháng 3 tới" fix the year from the tense in `resolve`.
        let (tense, last) = match (y, tense_after(p, last + 1)) {
            (None, (tense, Some(l))) => (tense, l),
            _ => (Tense::Any, last),
        };
        return Some((Expr::Month { m, y, tense }, last));
    }
    // "quý II/2024", "quý 3 năm 2025", "quý I"
    if p.is_word(i, "quý") {
        let q = match (p.word(i + 1), p.num(i + 1)) {
            (Some("i"), _) => 1,
            (Some("ii"), _) => 2,
            (Some("iii"), _) => 3,
            (Some("iv"), _) => 4,
            (_, Some(n)) if (1..=4).contains(&n) => n,
            (Some("đầu"), _) if p.is_word(i + 2, "năm") => 1,
            (Some("cuối"), _) if p.is_word(i + 2, "năm") => 4,
            _ => return None,
        };
        // "quý đầu năm 2021", "quý cuối năm nay"
        if matches!(p.word(i + 1), Some("đầu" | "cuối")) {
            return Some(match p.year4(i + 3) {
                Some(y) => (Expr::Quarter { q, y: Some(y) }, i + 3),
                None if p.is_word(i + 3, "nay") => (Expr::Quarter { q, y: None }, i + 3),
                None => (Expr::Quarter { q, y: None }, i + 2),
            });
        }
        let (y, last) = year_after_month(p, i + 2).unwrap_or((None, i + 1));
        return Some((Expr::Quarter { q, y }, last));
    }
    // "thập niên 1960", "thập kỷ 90", "những năm 2000"
    if let Some((start, last)) = decade(p, i) {
        return Some((Expr::Decade { start, third: None }, last));
    }
    // "nửa đầu năm 2022", "nửa cuối năm nay": months 1–6 / 7–12.
    if p.is_word(i, "nửa")
        && matches!(p.word(i + 1), Some("đầu" | "cuối" | "sau"))
        && p.is_word(i + 2, "năm")
    {
        let (from, to) = if p.is_word(i + 1, "đầu") {
            (1, 6)
        } else {
            (7, 12)
        };
        let (y, last) = match (p.year4(i + 3), p.is_word(i + 3, "nay")) {
            (Some(y), _) => (Some(y), i + 3),
            (None, true) => (None, i + 3),
            (None, false) => (None, i + 2),
        };
        return Some((Expr::YearMonths { from, to, y }, last));
    }
    // "SN 1985" (sinh năm): the year.
    if p.is_word(i, "sn") {
        if let Some(y) = p.year4(i + 1) {
            return Some((Expr::Year { y }, i + 1));
        }
    }
    // "6 tháng đầu năm", "9 tháng đầu năm 2025", "3 tháng cuối năm nay"
    if let (Some(n), true) = (count(p, i), p.is_word(i + 1, "tháng")) {
        let first = match p.word(i + 2) {
            Some("đầu") => Some(true),
            Some("cuối") => Some(false),
            _ => None,
        };
        if let (Some(first), true, true) = (first, p.is_word(i + 3, "năm"), (1..12).contains(&n)) {
            let (from, to) = if first { (1, n) } else { (13 - n, 12) };
            let (y, last) = match (p.year4(i + 4), p.is_word(i + 4, "nay")) {
                (Some(y), _) => (Some(y), i + 4),
                (None, true) => (None, i + 4),
                (None, false) => (None, i + 3),
            };
            return Some((Expr::YearMonths { from, to, y }, last));
        }
    }
    // "giai đoạn 2022 - 2025", "2021-2025", "năm 2024"
    let period_word = (p.is_word(i, "giai") && p.is_word(i + 1, "đoạn"))
        || (p.is_word(i, "nhiệm") && p.is_word(i + 1, "kỳ"))
        || (p.is_word(i, "thời") && p.is_word(i + 1, "kỳ"));
    let (k, cue) = if period_word {
        (i + 2, true)
    } else if p.is_word(i, "năm") || p.is_word(i, "từ") {
        (i + 1, true)
    } else {
        (i, false)
    };
    if let Some(y1) = p.year4(k) {
        if p.dash(k + 1) {
            if let Some(y2) = p.year4(k + 2) {
                if y2 > y1 && y2 - y1 <= 50 {
                    return Some((
                        Expr::Range {
                            from: Box::new(Expr::Year { y: y1 }),
                            to: Box::new(Expr::Year { y: y2 }),
                        },
                        k + 2,
                    ));
                }
            }
        }
        if cue && p.is_word(i, "năm") {
            return Some((Expr::Year { y: y1 }, k));
        }
        if p.is_word(i, "từ") && p.is_word(k + 1, "đến") {
            if let Some(y2) = p.year4(k + 2) {
                return Some((
                    Expr::Range {
                        from: Box::new(Expr::Year { y: y1 }),
                        to: Box::new(Expr::Year { y: y2 }),
                    },
                    k + 2,
                ));
            }
        }
        if p.is_word(i, "từ") {
            return Some((Expr::Year { y: y1 }, k));
        }
    }
    // ISO "2026-02-14"
    if let (Some(y), true, Some(m), true, Some(d)) = (
        p.year4(i),
        p.punct(i + 1, '-'),
        p.num(i + 2),
        p.punct(i + 3, '-'),
        p.num(i + 4),
    ) {
        if p.tight(i + 1)
            && p.tight(i + 2)
            && p.tight(i + 3)
            && p.tight(i + 4)
            && (1..=12).contains(&m)
            && (1..=31).contains(&d)
        {
            // "2026-07-21T08:30:00+07:00", "2026-07-21 08:30", "…Z": the time, at +07:00.
            let t = if p.is_word(i + 5, "t") && p.tight(i + 5) && p.tight(i + 6) {
                Some(i + 6)
            } else if p.punct(i + 6, ':') && p.tight(i + 6) {
                Some(i + 5)
            } else {
                None
            };
            if let Some(t) = t {
                if let (Some(h), true, Some(mi)) = (p.num(t), p.punct(t + 1, ':'), p.num(t + 2)) {
                    let mut last = t + 2;
                    if p.punct(last + 1, ':') && p.num(last + 2).is_some() && p.tight(last + 1) {
                        last += 2;
                    }
                    // Offset: "+07:00", "+0700", "Z"; other offsets are converted.
                    let mut offset_min: i64 = 7 * 60;
                    if p.is_word(last + 1, "z") && p.tight(last + 1) {
                        offset_min = 0;
                        last += 1;
                    } else if (p.punct(last + 1, '+') || p.punct(last + 1, '-'))
                        && p.tight(last + 1)
                    {
                        let sign = if p.punct(last + 1, '-') { -1 } else { 1 };
                        if let Some(oh) = p.num(last + 2) {
                            let (om, l) = if p.punct(last + 3, ':') {
                                (p.num(last + 4).unwrap_or(0), last + 4)
                            } else {
                                (0, last + 2)
                            };
                            let (oh, om) = if p.t[last + 2].digits == 4 {
                                (oh / 100, oh % 100)
                            } else {
                                (oh, om)
                            };
                            offset_min = sign * (i64::from(oh) * 60 + i64::from(om));
                            last = l;
                        }
                    }
                    if h < 24 && mi < 60 {
                        let local = jiff::civil::Date::new(y as i16, m as i8, d as i8)
                            .ok()
                            .and_then(|date| {
                                date.to_datetime(
                                    jiff::civil::Time::new(h as i8, mi as i8, 0, 0).ok()?,
                                )
                                .checked_add(jiff::Span::new().minutes(7 * 60 - offset_min))
                                .ok()
                            });
                        if let Some(dt) = local {
                            return Some((
                                Expr::Day {
                                    d: dt.day() as u32,
                                    m: dt.month() as u32,
                                    y: Some(i32::from(dt.year())),
                                    weekday: None,
                                    part: None,
                                    time: Some((dt.hour() as u32, dt.minute() as u32)),
                                    tense: Tense::Any,
                                },
                                last,
                            ));
                        }
                    }
                }
            }
            return Some((Expr::plain_day(d, m, Some(y)), i + 4));
        }
    }
    None
}

/// A decade at k: "thập niên 1960", "thập kỷ 90", "những năm 2000": (first year, last index).
fn decade(p: &P<'_>, k: usize) -> Option<(i32, usize)> {
    let named = (p.is_word(k, "thập") && (p.is_word(k + 1, "niên") || p.is_word(k + 1, "kỷ")))
        || (p.is_word(k, "những") && p.is_word(k + 1, "năm"));
    if !named {
        return None;
    }
    let n = p.num(k + 2)?;
    let start = match (p.t[k + 2].digits, n) {
        (4, y) if y % 10 == 0 && (1800..=2200).contains(&y) => y as i32,
        (2, d) if d % 10 == 0 => 1900 + d as i32,
        _ => return None,
    };
    Some((start, k + 2))
}

fn year_after_month(p: &P<'_>, k: usize) -> Option<(Option<i32>, usize)> {
    if p.punct(k, '/') && p.tight(k) {
        return p.year4(k + 1).map(|y| (Some(y), k + 1));
    }
    if p.is_word(k, "năm") {
        return p.year4(k + 1).map(|y| (Some(y), k + 1));
    }
    None
}

/// "14 Feb, 08:31 PM", "Feb 14, 2026".
fn english(p: &P<'_>, i: usize) -> Option<(Expr, usize)> {
    let (d, m, mut last) = if let (Some(d), Some(m)) =
        (p.num(i), p.word(i + 1).and_then(lexicon::english_month))
    {
        (d, m, i + 1)
    } else if let (Some(m), Some(d)) = (p.word(i).and_then(lexicon::english_month), p.num(i + 1)) {
        (d, m, i + 1)
    } else {
        return None;
    };
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut j = last + 1;
    if p.punct(j, ',') {
        j += 1;
    }
    let mut y = None;
    if let Some(yy) = p.year4(j) {
        y = Some(yy);
        last = j;
        j += 1;
        if p.punct(j, ',') {
            j += 1;
        }
    }
    if p.punct(j, '|') || p.dash(j) || p.is_word(j, "at") {
        j += 1;
    }
    let mut time = None;
    if let Some((h, mi, l)) = clock(p, j).filter(|_| p.punct(j + 1, ':')) {
        time = Some((h, mi));
        last = l;
    }
    Some((
        Expr::Day {
            d,
            m,
            y,
            weekday: None,
            part: None,
            time,
            tense: Tense::Any,
        },
        last,
    ))
}
