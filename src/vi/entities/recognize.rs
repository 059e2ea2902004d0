//! The recognizer: rules over tokens that find people, organizations and places in one text
//! field. Cues first — titles and honorifics before names, organization head nouns with their
//! capitalized continuation and place part, place type words — then the gazetteers, then a
//! model of Vietnamese personal names (family name + given-name syllables, all capitalized).
//! Spans follow the labelling conventions: a person is the name only, an organization is its
//! full name with its place part, a place includes the type word written before it.

use super::gazetteer::{Gazetteer, Known, GAZETTEER};
use super::tokens::{tokenize, Kind, Tok};
use crate::vi::normalize::fold;

/// Entity types the recognizer gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ty {
    Person,
    Organization,
    Location,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// The full name ("Phạm Minh Chính", "UBND TP Hà Nội").
    Name,
    /// A given name after an honorific ("ông Chính" → "Chính").
    GivenName,
    /// A bare title standing for a person ("Thủ tướng").
    Title,
    /// A place named inside an organization's name ("Đà Nẵng" in "Thành ủy Đà Nẵng").
    InName,
}

/// A mention found in one field, in code points.
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    pub ty: Ty,
    pub kind: MentionKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The title written before a person's name ("Thủ tướng Chính phủ").
    pub title: Option<String>,
    /// A place or organization the gazetteer knows: its canonical name and successor.
    pub known: Option<Known>,
}

struct Cx<'a> {
    t: &'a [Tok],
    g: &'a Gazetteer,
    folded: &'a [String],
}

/// A text's tokens and their folded forms, made once and read by every pass over the text.
pub struct Prepared {
    toks: Vec<Tok>,
    folded: Vec<String>,
}

/// Splits and folds a text for [`recognize_prepared`] and [`given_name_refs`].
pub fn prepare(text: &str) -> Prepared {
    let toks = tokenize(text);
    let folded = toks.iter().map(|t| fold(&t.text)).collect();
    Prepared { toks, folded }
}

impl Prepared {
    fn cx(&self) -> Cx<'_> {
        Cx {
            t: &self.toks,
            g: &GAZETTEER,
            folded: &self.folded,
        }
    }
}

impl Cx<'_> {
    fn key(&self, i: usize, n: usize) -> Option<String> {
        (i + n <= self.t.len()).then(|| self.folded[i..i + n].join(" "))
    }

    /// The longest entry starting at i (`first` maps first tokens to the longest entry
    /// starting with them): its token count.
    fn longest(
        &self,
        i: usize,
        first: &super::gazetteer::HashMap<String, usize>,
        has: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        let max = *first.get(self.folded.get(i)?)?;
        let max = max.min(self.t.len() - i);
        let mut k = String::new();
        let mut best = None;
        for n in 0..max {
            if n > 0 {
                k.push(' ');
            }
            k.push_str(&self.folded[i + n]);
            if has(&k) {
                best = Some(n + 1);
            }
        }
        best
    }

    /// What the gazetteer knows the tokens a..b as.
    fn known(&self, a: usize, b: usize) -> Option<&Known> {
        self.g.names.get(&self.folded[a..b].join(" "))
    }

    /// Whether the gazetteer knows the tokens a..b as a place.
    fn is_place(&self, a: usize, b: usize) -> bool {
        matches!(self.known(a, b), Some(Known::Place { .. }))
    }

    /// Whether the gazetteer knows the tokens a..b as an organization.
    fn is_org(&self, a: usize, b: usize) -> bool {
        matches!(self.known(a, b), Some(Known::Org { .. }))
    }

    fn word(&self, i: usize) -> Option<&Tok> {
        self.t.get(i).filter(|t| t.kind == Kind::Word)
    }

    fn upper(&self, i: usize) -> bool {
        self.word(i).is_some_and(Tok::upper)
    }

    fn text(&self, a: usize, b: usize) -> (usize, usize) {
        (self.t[a].start, self.t[b - 1].end)
    }
}

/// Lower-case words that continue an organization's name ("Ủy ban nhân dân thành phố Hà Nội",
/// "Bộ Nông nghiệp và Môi trường", "Công ty cổ phần").
const ORG_CONNECTORS: &[&str] = &[
    "nhân",
    "dân",
    "và",
    "thành",
    "phố",
    "tỉnh",
    "quận",
    "huyện",
    "xã",
    "phường",
    "thị",
    "trấn",
    "cổ",
    "phần",
    "trách",
    "nhiệm",
    "hữu",
    "hạn",
    "một",
    "viên",
    "tp",
    "đặc",
    "khu",
    "quốc",
    "gia",
    "trung",
    "ương",
    "tối",
    "cao",
    "khu",
    "vực",
    "&",
    "cơ",
    "sở",
    "vùng",
];

/// A name run for a person: capitalized words (not abbreviations), 1..=4, not a place type
/// or organization head. Returns its end (exclusive).
fn name_run(cx: &Cx<'_>, i: usize, foreign: bool) -> Option<usize> {
    let mut j = i;
    let mut words = 0;
    while j < cx.t.len() && words < 4 {
        let Some(w) = cx.word(j) else { break };
        // "H'Nhi", "Y'Ngông", "Cư M'gar": a capital letter joined to the next word by an
        // apostrophe.
        if w.text.chars().count() == 1
            && w.upper()
            && (j == i || cx.t[j].space_before)
            && cx
                .t
                .get(j + 1)
                .is_some_and(|a| matches!(a.text.as_str(), "'" | "’") && !a.space_before)
            && cx
                .t
                .get(j + 2)
                .is_some_and(|n| n.kind == Kind::Word && !n.space_before)
        {
            j += 3;
            words += 1;
            continue;
        }
        // Foreign names carry lower-case particles between their words ("Luis de la
        // Fuente", "Ludwig van Beethoven").
        if foreign && j > i && !w.upper() && NAME_PARTICLES.contains(&cx.folded[j].as_str()) {
            let mut k = j;
            while cx
                .word(k)
                .is_some_and(|w| !w.upper() && NAME_PARTICLES.contains(&cx.folded[k].as_str()))
            {
                k += 1;
            }
            if cx.upper(k) && cx.t[k].space_before {
                j = k;
                continue;
            }
            break;
        }
        // Capitalized words of two letters or more, not abbreviations ("UBND") or
        // camel-case product names ("MacBook", "VNeID").
        // ("DiCaprio", "LeBron" are names: a short prefix, then a capitalized word in lower
        // case.)
        let camel = w.text.chars().skip(1).any(char::is_uppercase) && !prefixed_surname(&w.text);
        let digit = w.text.chars().any(|c| c.is_ascii_digit());
        // One capital letter opens some names of the Central Highlands ("Y Tý", "Y Moan")
        // when a capitalized word follows it.
        // Mid-name too in H'Mông names ("Sùng A Páo", "Mùa A Sềnh").
        let lone_letter = w.text.chars().count() == 1
            && (j == i || cx.t[j].space_before)
            && cx.t.get(j + 1).is_some_and(|n| n.space_before && n.upper());
        if !w.upper() || (w.text.chars().count() < 2 && !lone_letter) || camel || digit {
            break;
        }
        if j > i && !cx.t[j].space_before {
            break;
        }
        // An organization's head ends a name ("Phú Nhuận Công ty").
        if j > i
            && cx
                .longest(j, &cx.g.first_heads, |k| cx.g.org_heads.contains(k))
                .is_some_and(|n| n >= 2)
        {
            break;
        }
        j += 1;
        words += 1;
        // Foreign names may be joined by a hyphen ("Jean-Pierre"); Korean given names are
        // written with a lower-case second part ("Lee Jae-myung", "Kim Sang-sik").
        if foreign
            && words < 4
            && cx
                .t
                .get(j)
                .is_some_and(|t| t.text == "-" && !t.space_before)
            && cx
                .t
                .get(j + 1)
                .is_some_and(|t| !t.space_before && t.kind == Kind::Word)
        {
            if cx.upper(j + 1) {
                j += 1;
            } else if j - i >= 2 {
                // The lower-case part closes the name.
                j += 2;
                break;
            }
        }
    }
    (j > i).then_some(j)
}

/// "DiCaprio", "LeBron", "DeChambeau": a surname prefix glued to a capitalized word ("Mc" and
/// "La" are left out: "McLaren", "LaLiga" are more often a team and a league).
fn prefixed_surname(w: &str) -> bool {
    ["Di", "De", "Le"].iter().any(|p| {
        w.strip_prefix(p).is_some_and(|rest| {
            let mut c = rest.chars();
            c.next().is_some_and(char::is_uppercase)
                && rest.chars().count() >= 4
                && c.all(char::is_lowercase)
        })
    })
}

/// A person written by initials, as the press writes victims and suspects ("T.V.H",
/// "N.T.M"): single capitals joined by full stops; `min` letters at least.
fn initials(cx: &Cx<'_>, i: usize, min: usize) -> bool {
    let Some(w) = cx.word(i) else { return false };
    let parts: Vec<&str> = w.text.split('.').collect();
    (min..=4).contains(&parts.len())
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// Nouns that name a kind of thing before its proper name: what follows them is a product,
/// a work, an event or a facility, not a person (folded, one or two words).
const THING_NOUNS: [&str; 44] = [
    "chip",
    "trình duyệt",
    "ứng dụng",
    "app",
    "nền tảng",
    "mạng xã hội",
    "phần mềm",
    "hệ điều hành",
    "mô hình",
    "tên lửa",
    "tàu",
    "tàu vũ trụ",
    "xe",
    "mẫu xe",
    "dòng",
    "mẫu",
    "máy bay",
    "tiêm kích",
    "điện thoại",
    "máy tính",
    "laptop",
    "giải",
    "cúp",
    "phim",
    "bộ phim",
    "album",
    "ca khúc",
    "bài hát",
    "chương trình",
    "game",
    "trò chơi",
    "thương hiệu",
    "nhãn hàng",
    "sản phẩm",
    "chiến dịch",
    "bãi phóng",
    "cơ sở",
    "cơ sở hạt nhân",
    "vắc xin",
    "thuốc",
    "tàu sân bay",
    "siêu xe",
    "kính",
    "đồng hồ",
];

/// Lower-case particles inside foreign names.
const NAME_PARTICLES: [&str; 16] = [
    "de", "la", "del", "della", "da", "di", "van", "von", "der", "den", "du", "dos", "das", "le",
    "bin", "ter",
];

/// A Vietnamese personal name without a cue: a family name then 1..=3 given-name syllables,
/// all capitalized, none of them making an ordinary word with the next.
fn family_name(cx: &Cx<'_>, i: usize) -> Option<usize> {
    if !cx.upper(i) || !cx.g.family.contains(&cx.folded[i]) {
        return None;
    }
    let end = name_run(cx, i, false)?;
    if end - i < 2 {
        return None;
    }
    let all_names = (i + 1..end)
        .all(|k| cx.g.given.contains(&cx.folded[k]) || cx.g.family.contains(&cx.folded[k]));
    all_names.then_some(end)
}

/// Whether token i starts a sentence (or a quote, a list item, a headline).
fn sentence_start(cx: &Cx<'_>, i: usize) -> bool {
    i == 0
        || matches!(
            cx.t[i - 1].text.as_str(),
            "." | "!" | "?" | ":" | ";" | "\"" | "“" | "”" | "-" | "–" | "—" | "(" | "|" | "…"
        )
}

/// A capitalized run nobody claimed, as a person's name: Vietnamese capitalizes every syllable
/// of a proper name and nothing else mid-sentence, and places and organizations were tried
/// first. Foreign names ("Lamine Yamal", "Messi") count too. At a sentence start the first
/// word must be a family or given name. Not: runs followed by a number ("iPhone 16").
fn capitalized_name(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let end = name_run(cx, i, true)?;
    // "Bính Ngọ", "Giáp Thìn": a can-chi year, not a person.
    if end - i == 2
        && crate::vi::lunar::year_from_can_chi(&cx.folded[i..end].join(" "), 2000).is_some()
    {
        return None;
    }
    let foreign = (i..end).all(|k| !cx.g.syllables.contains(&cx.folded[k]));
    // "Then Nông Văn Páo": a capitalized word that is no name, then a full name; the name
    // starts after it.
    let name_word = |k: usize| {
        cx.g.family.contains(&cx.folded[k])
            || cx.g.given.contains(&cx.folded[k])
            || cx.g.foreign_given.contains(&cx.folded[k])
    };
    if !name_word(i) && end - i >= 4 && person_starts(cx, i + 1) {
        return None;
    }
    if sentence_start(cx, i) && !foreign {
        let f = &cx.folded[i];
        // A foreign given name opens a name there too ("Tim Cook cho biết").
        let opens =
            cx.g.family.contains(f) || cx.g.given.contains(f) || cx.g.foreign_given.contains(f);
        if !opens || end - i < 2 {
            return None;
        }
    }
    // Not a product with its model number ("iPhone 16"); a minute mark is a match report's
    // ("Pedri 62'").
    let minute = |k: usize| {
        cx.t.get(k)
            .is_some_and(|t| matches!(t.text.as_str(), "'" | "’" | "′"))
    };
    // A score is not a model number ("thắng Carlos Alcaraz 7-6").
    let score = |k: usize| {
        cx.t.get(k)
            .is_some_and(|t| matches!(t.text.as_str(), "-" | "–"))
            && cx.t.get(k + 1).is_some_and(|t| t.kind == Kind::Num)
    };
    if cx.t.get(end).is_some_and(|t| t.kind == Kind::Num) && !minute(end + 1) && !score(end + 1) {
        return None;
    }
    // A lone capitalized Vietnamese syllable mid-sentence is a work's title or an emphasis
    // ("tác phẩm Đầu xuân"), not a person; a lone foreign word may be ("Messi").
    if end - i == 1 && cx.g.syllables.contains(&cx.folded[i]) {
        return None;
    }
    // "World Cup", "Miss World", "Education Store": product and event names; "Mac" begins a
    // surname too ("Mac Allister"), not only a product ("Mac mini").
    // A run closed by an organization's suffix is one ("Xanh Motors", "Dragon Capital"),
    // whatever its words.
    if org_suffix(cx, i, end).is_some() {
        return Some(end);
    }
    // A foreign given name first ("Max Verstappen", "Oscar Piastri") is not a product word.
    let prefix =
        end - i > 1 && (cx.folded[i] == "mac" || cx.g.foreign_given.contains(&cx.folded[i]));
    if (i..end).any(|k| !(prefix && k == i) && cx.g.not_names.contains(&cx.folded[k])) {
        return None;
    }
    Some(end)
}

/// An organization starting at i with a head noun ("Sở", "Bộ", "UBND", "Công ty"): the head
/// and its capitalized continuation, with lower-case connectors and a place part.
fn org_at(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let n = cx.longest(i, &cx.g.first_heads, |k| cx.g.org_heads.contains(k))?;
    // A head word that begins a place's name is the place ("Đài Loan", "Hội An").
    if gazetteer_at(cx, i).is_some_and(|e| e > i + n && cx.is_place(i, e)) {
        return None;
    }
    // Heads are capitalized ("Sở", "Bộ"), except the media and team words written before a
    // name, which belong to it ("đội tuyển Pháp", "tạp chí Forbes", "hãng tin Reuters"); a
    // lower-case "công ty" or "hãng" before a brand stays outside (see COMPANY_NOUNS).
    let lower_head = matches!(
        cx.folded[i..i + n].join(" ").as_str(),
        "đội tuyển" | "tuyển" | "tạp chí" | "báo" | "hãng tin" | "hãng thông tấn"
    );
    if !(cx.upper(i) || lower_head && cx.upper(i + n)) {
        return None;
    }
    let head = cx.folded[i..i + n].join(" ");
    // A head that is also a family name, opening a full name: the person ("Đoàn Văn Quế").
    if n == 1 && person_starts(cx, i) {
        return None;
    }
    // Schools are named after people ("Trường THPT chuyên Lê Quý Đôn").
    let school = head.starts_with("trường") || head.starts_with("học viện");
    let mut j = i + n;
    if school && cx.folded.get(j).is_some_and(|w| w == "chuyên") && cx.upper(j + 1) {
        j += 1;
    }
    let mut last_good = None;
    // Where the current capitalized run began (a place's name may hold a family name:
    // "UBND tỉnh Quảng Ninh Bùi Xuân Trường").
    let mut run_start = j;
    while j < cx.t.len() {
        let t = &cx.t[j];
        if !(j > 0 && cx.upper(j - 1)) {
            run_start = j;
        }
        let in_place = || (run_start..j).any(|k| gazetteer_at(cx, k).is_some_and(|e| e > j));
        // A person's full name after the organization ends it ("Thành ủy Đà Nẵng Lê Trí
        // Thanh", "UBND TP Hà Minh Hải"), except a school's namesake.
        if !(school && last_good.is_none()) && person_starts(cx, j) && !in_place() {
            break;
        }
        if t.kind == Kind::Word && t.upper() {
            // A head written inside the name ("Ban Thường vụ Thành ủy TP.HCM").
            let inner_head = cx
                .longest(j, &cx.g.first_heads, |k| cx.g.org_heads.contains(k))
                .filter(|&m| m >= 2 && (j + 1..j + m).all(|k| !cx.upper(k)));
            j += inner_head.unwrap_or(1);
            // The rest of a word whose first syllable is capitalized ("Tài chính", "Y tế").
            if let Some(m) = (2..=3)
                .rev()
                .find(|&m| cx.key(j - 1, m).is_some_and(|k| cx.g.words.contains(&k)))
            {
                if inner_head.is_none()
                    && (j..j - 1 + m).all(|k| cx.word(k).is_some_and(|w| !w.upper()))
                {
                    j = j - 1 + m;
                }
            }
            last_good = Some(j);
            continue;
        }
        // Lower-case nouns of the name after its capitalized part ("Trung tâm Dự báo khí
        // tượng thủy văn quốc gia", "Phòng Cảnh sát hình sự"); not after its place part,
        // where the sentence goes on ("Công an tỉnh Nghệ An điều tra…").
        let after_place = || {
            (j.saturating_sub(6).max(i + n)..j)
                .any(|k| gazetteer_at(cx, k).is_some_and(|e| e == j && cx.is_place(k, e)))
        };
        // (Right after a head of three words or more too: "Ban Quản lý dự án giao thông".)
        if last_good.is_some() || n >= 3 && j == i + n {
            if let Some(m) = cx
                .longest(j, &cx.g.first_org_words, |k| cx.g.org_words.contains(k))
                .filter(|&m| (j..j + m).all(|k| cx.word(k).is_some_and(|w| !w.upper())))
                .filter(|&m| {
                    // A noun that is also a verb ("điều tra", "xây dựng") continues the name
                    // only when more of it follows ("Cơ quan Cảnh sát điều tra Bộ Công an"),
                    // not "Bộ Công an điều tra vụ việc".
                    !VERBISH.contains(&cx.folded[j..j + m].join(" ").as_str())
                        || cx.upper(j + m)
                        || cx
                            .longest(j + m, &cx.g.first_org_words, |k| cx.g.org_words.contains(k))
                            .is_some()
                })
                .filter(|_| !after_place())
            {
                j += m;
                last_good = Some(j);
                continue;
            }
        }
        // "Ban Quản lý dự án 85", "Quân khu 5", "Sư đoàn 9"
        if t.kind == Kind::Num
            && (last_good.is_some() || j == i + n)
            && (matches!(cx.folded[j - 1].as_str(), "quận" | "phường" | "số")
                || (last_good.is_some() || head.ends_with("dự án")) && cx.folded[j - 1] == "án"
                || j == i + n && matches!(head.as_str(), "quân khu" | "quân đoàn" | "sư đoàn"))
        {
            j += 1;
            last_good = Some(j);
            continue;
        }
        // Courts and procuracies by region since July 2025 ("Tòa án nhân dân khu vực 1").
        if cx.folded.get(j).is_some_and(|w| w == "khu")
            && cx.folded.get(j + 1).is_some_and(|w| w == "vực")
            && cx.t.get(j + 2).is_some_and(|t| t.kind == Kind::Num)
        {
            j += 3;
            last_good = Some(j);
            continue;
        }
        if t.kind == Kind::Word && ORG_CONNECTORS.contains(&cx.folded[j].as_str()) {
            // "Bệnh viện Bạch Mai và Bệnh viện Việt Đức": two organizations.
            if cx.folded[j] == "và"
                && cx.upper(j + 1)
                && cx
                    .longest(j + 1, &cx.g.first_heads, |k| cx.g.org_heads.contains(k))
                    .is_some()
            {
                break;
            }
            j += 1;
            continue;
        }
        // "P-Lab", "Coca-Cola": a hyphen inside a name.
        if t.text == "-"
            && !t.space_before
            && last_good == Some(j)
            && cx
                .t
                .get(j + 1)
                .is_some_and(|n| !n.space_before && n.kind != Kind::Punct)
        {
            j += 2;
            last_good = Some(j);
            continue;
        }
        if t.text == "-" && t.space_before && cx.upper(j + 1) && last_good == Some(j) {
            // "Bà Rịa - Vũng Tàu" inside a name.
            j += 1;
            continue;
        }
        break;
    }
    // The head alone is a name when the gazetteer knows it ("Chính phủ", "Quốc hội") or it
    // names one body by itself ("Thành ủy", "Tỉnh ủy").
    // A local body named by its level, its place left to the context ("UBND xã", "HĐND
    // tỉnh", "Đảng ủy phường"), not "UBND các xã" or "UBND cấp xã".
    if last_good.is_none()
        && matches!(
            head.as_str(),
            "ubnd"
                | "hđnd"
                | "ủy ban nhân dân"
                | "uỷ ban nhân dân"
                | "hội đồng nhân dân"
                | "đảng ủy"
                | "đảng uỷ"
                | "công an"
                | "ủy ban mttq"
                | "ubmttq"
        )
    {
        if let Some(e) = level_at(cx, i + n) {
            return Some(e);
        }
    }
    let standalone = matches!(
        cx.key(i, n)?.as_str(),
        "thành ủy"
            | "tỉnh ủy"
            | "huyện ủy"
            | "quận ủy"
            | "đảng ủy"
            | "chính phủ"
            | "quốc hội"
            | "đảng"
            | "bhxh"
            | "bảo hiểm xã hội"
            | "vksnd"
            | "tand"
    ) && cx.t.get(i + n).is_none_or(|t| fold(&t.text) != "các");
    // "Ủy ban MTTQ Việt Nam thành phố", "Sở Y tế tỉnh": a level word closing the name, its
    // place left to the context.
    let last_good = last_good.map(|e| level_at(cx, e).unwrap_or(e));
    let end = match last_good {
        Some(e) => Some(e),
        None if standalone => Some(i + n),
        None => cx.g.names.get(&cx.key(i, n)?).map(|_| i + n),
    }?;
    (common_body(cx, i) != Some(end)).then_some(end)
}

/// A level word at p that ends a body's name, its place left to the context ("UBND xã",
/// "Sở Y tế tỉnh"): written in lower case (or as "TP"), and not the start of a place's name
/// ("UBND xã Hải Lộc"); a person may follow ("Bí thư Đảng ủy phường Phạm Thị Hương"). Its end.
fn level_at(cx: &Cx<'_>, p: usize) -> Option<usize> {
    let m = cx.longest(p, &cx.g.first_types, |k| {
        matches!(
            k,
            "tỉnh" | "thành phố" | "tp" | "xã" | "phường" | "huyện" | "quận" | "thị xã" | "đặc khu"
        )
    })?;
    let e = p + m;
    let next_ok =
        cx.t.get(e)
            .is_none_or(|t| !t.upper() || t.kind != Kind::Word)
            || person_starts(cx, e);
    ((p..e).all(|k| !cx.upper(k) || cx.t[k].caps()) && next_ok).then_some(e)
}

/// Bodies named only by a common noun, no organization by themselves unless a name follows
/// ("Ban Chỉ đạo", "Tổ công tác", "Hội đồng xét xử"), folded.
const COMMON_BODIES: [&str; 12] = [
    "ban chỉ đạo",
    "ban tổ chức",
    "tổ công tác",
    "tổ giúp việc",
    "đoàn kiểm tra",
    "đoàn công tác",
    "hội đồng xét xử",
    "hội đồng quản trị",
    "ban giám khảo",
    "ban quản lý",
    "ban giám đốc",
    "ban giám hiệu",
];

/// A common-noun body at i with no name after it: its end.
fn common_body(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let n = (2..=4).find(|&n| {
        cx.key(i, n)
            .is_some_and(|k| COMMON_BODIES.contains(&k.as_str()))
    })?;
    let named =
        cx.t.get(i + n)
            .is_some_and(|t| t.kind == Kind::Word && t.upper());
    (cx.upper(i) && !named).then_some(i + n)
}

/// A place with its type word at i ("tỉnh Bắc Giang", "quận 1", "sông Hồng", "TP Hà Nội").
fn typed_place(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let n = cx.longest(i, &cx.g.first_types, |k| cx.g.loc_types.contains_key(k))?;
    let type_key = cx.folded[i..i + n].join(" ");
    let kind = cx.g.loc_types.get(&type_key).map(String::as_str);
    // A descriptive word ("khu vực", "vùng") stays outside the place's span: the caller skips it.
    if kind == Some("cue") {
        return None;
    }
    // Type words are written in lower case ("tỉnh", "sông"), or as an abbreviation ("TP");
    // a capitalized one mid-sentence begins a name ("Tỉnh Bách Nhiên"), unless it is a
    // compound whose other words stay lower case ("Công viên Thống Nhất").
    let compound = n >= 2 && (i + 1..i + n).all(|k| !cx.upper(k));
    // "Chùa Bái Đính", "Tháp Bà Ponagar", "Cầu Rồng": a built or natural place capitalized as
    // part of its name; not when the word is also a family name ("Hồ Ngọc Hà").
    let named_structure = n == 1
        && matches!(kind, Some("structure" | "land" | "water"))
        && !cx.g.family.contains(&cx.folded[i])
        && !cx.g.given.contains(&cx.folded[i]);
    if cx.upper(i) && !cx.t[i].caps() && !sentence_start(cx, i) && !compound && !named_structure {
        return None;
    }
    // A capitalized type word that is also a family name, opening a full name: the person
    // ("Hồ Ngọc Hà").
    if n == 1 && cx.upper(i) && !cx.t[i].caps() && person_starts(cx, i) {
        return None;
    }
    // A lower-case type word, or an abbreviation ("TP"); a capitalized common word at a
    // sentence start ("Đường") also counts.
    let j = i + n;
    // "TP. Huế", "Q. 1": the full stop of an abbreviated type word.
    let abbreviated = n == 1 && (cx.t[i].caps() || cx.t[i].text.chars().count() <= 2);
    let j = if abbreviated
        && cx
            .t
            .get(j)
            .is_some_and(|t| t.text == "." && !t.space_before)
    {
        j + 1
    } else {
        j
    };
    // "nước Anh", "Nước Mỹ": only a country's name.
    if kind == Some("country") {
        let e = gazetteer_at(cx, j)?;
        return cx.is_place(j, e).then_some(e);
    }
    if cx.t.get(j).is_some_and(|t| t.kind == Kind::Num)
        && matches!(
            type_key.as_str(),
            "quận"
                | "phường"
                | "q"
                | "p"
                | "đường"
                | "quốc lộ"
                | "ql"
                | "tỉnh lộ"
                | "đường tỉnh"
                | "vành đai"
                | "đường vành đai"
        )
    {
        return Some(j + 1);
    }
    // Roads, bridges, squares and schools are named after people ("đường Phạm Văn Đồng"); an
    // administrative word before a full name is a title-like use ("xã Nguyễn Văn A" is rare).
    let named_after_people = matches!(kind, Some("road" | "structure"));
    // "Sân vận động Quốc gia Mỹ Đình", "Vườn quốc gia Cúc Phương"
    let j = if cx.folded.get(j).is_some_and(|w| w == "quốc")
        && cx.folded.get(j + 1).is_some_and(|w| w == "gia")
        && cx.upper(j + 2)
    {
        j + 2
    } else {
        j
    };
    if !named_after_people
        && person_starts(cx, j)
        && cx
            .longest(i, &cx.g.first_names, |k| cx.g.names.contains_key(k))
            .is_none_or(|m| i + m <= j)
    {
        return None;
    }
    let mut end = name_run(cx, j, true)?;
    // "bản Claude" is a version of a product, not a village.
    if kind == Some("settlement") && (j..end).any(|k| cx.g.not_names.contains(&cx.folded[k])) {
        return None;
    }
    // "Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế"
    while cx.t.get(end).is_some_and(|t| t.text == "-") && cx.upper(end + 1) {
        match name_run(cx, end + 1, false) {
            Some(e) => end = e,
            None => break,
        }
    }
    // A second structure of the name: "cầu Rạch Miễu 2", "Nhà máy thủy điện Hòa Bình 2".
    if kind == Some("structure")
        && cx
            .t
            .get(end)
            .is_some_and(|t| t.kind == Kind::Num && t.space_before && t.text.len() == 1)
        && cx
            .t
            .get(end + 1)
            .is_none_or(|t| t.kind != Kind::Num && t.text != "/")
        && !cx.folded.get(end + 1).is_some_and(|w| {
            matches!(
                w.as_str(),
                "lần" | "năm" | "ngày" | "giờ" | "người" | "km" | "m" | "tháng" | "tuần" | "phút"
            )
        })
    {
        end += 1;
    }
    Some(end)
}

/// A title at i ("Thủ tướng", "Chủ tịch", "Bộ trưởng", "GS.TS"): its token count. A shorter
/// title followed by an organization wins over a longer one that swallows the organization's
/// head ("Chủ tịch" + "UBND TP Hà Nội", not "Chủ tịch UBND" + "TP Hà Nội").
fn title_at(cx: &Cx<'_>, i: usize) -> Option<usize> {
    let max = *cx.g.first_titles.get(cx.folded.get(i)?)?;
    let lengths: Vec<usize> = (1..=max)
        .filter(|&n| {
            cx.key(i, n).is_some_and(|k| {
                cx.g.titles.contains(&k)
                    // "Trưởng", "Phó trưởng" are titles only before the body they head
                    // ("Phó trưởng Khoa Phẫu thuật…"; "tăng trưởng" is growth).
                    && (!matches!(k.as_str(), "trưởng" | "phó trưởng")
                        || org_at(cx, i + n).is_some())
            })
        })
        .collect();
    let longest = *lengths.last()?;
    // A title that is the start of an organization's name is the organization ("Bộ đội
    // Biên phòng tỉnh Lào Cai").
    if org_at(cx, i).is_some_and(|e| e > i + longest) {
        return None;
    }
    lengths
        .iter()
        .copied()
        .find(|&n| {
            n < longest
                // "Phó Bí thư Thường trực" is one title, not "Phó Bí thư" + "Thường trực …".
                && cx.folded.get(i + n).is_none_or(|w| w != "thường")
                && org_at(cx, i + n).is_some_and(|e| e > i + longest)
        })
        .or(Some(longest))
}

/// A Vietnamese full name of three syllables or more starts at j ("Lê Trí Thanh").
fn person_starts(cx: &Cx<'_>, j: usize) -> bool {
    family_name(cx, j).is_some_and(|e| e - j >= 3)
}

/// Finds the mentions of one field.
pub fn recognize(text: &str) -> Vec<Raw> {
    recognize_prepared(text, &prepare(text))
}

/// [`recognize`] on a text already prepared (`p` must be `prepare(text)`).
pub fn recognize_prepared(text: &str, p: &Prepared) -> Vec<Raw> {
    let cx = p.cx();
    let toks = &p.toks;
    let mut out: Vec<Raw> = Vec::new();
    let mut i = 0;
    // Worked out only when a rule needs it.
    let sports_cell = std::cell::OnceCell::new();
    let sports = || *sports_cell.get_or_init(|| is_about_sport(&cx));
    // Byte offset of each code point (and of the end), for slicing mentions out of the text.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let slice = |s: usize, e: usize| text[bytes[s]..bytes[e]].to_owned();
    let push = |out: &mut Vec<Raw>, ty, kind, a: usize, b: usize, title: Option<String>| {
        let (s, e) = cx.text(a, b);
        let text = slice(s, e);
        let known = cx.known(a, b).cloned();
        out.push(Raw {
            ty,
            kind,
            start: s,
            end: e,
            text,
            title,
            known,
        });
    };
    while i < toks.len() {
        // Not words, nor the letters of a code ("NĐ-CP", "QĐ-TTg", "UBND-KT").
        // "TTXVN/Vietnam+" names two outlets, not a code.
        let outlet = i >= 2
            && toks[i - 1].text == "/"
            && !toks[i].caps()
            && gazetteer_at(&cx, i - 2).is_some()
            && gazetteer_at(&cx, i).is_some_and(|e| cx.is_org(i, e));
        let in_code = i > 0
            && !toks[i].space_before
            && matches!(toks[i - 1].text.as_str(), "-" | "/")
            && !toks[i - 1].space_before
            && !outlet;
        if toks[i].kind != Kind::Word || in_code {
            i += 1;
            continue;
        }
        // An ethnic group's name ("người H'Mông", "dân tộc Hà Nhì") is no entity.
        if let Some(n) = cx.longest(i, &cx.g.first_ethnic, |k| cx.g.ethnic.contains(k)) {
            let prev = |m: usize| (i >= m).then(|| cx.folded[i - m..i].join(" "));
            let cued = [1, 2].iter().any(|&m| {
                prev(m).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "dân tộc" | "người" | "đồng bào" | "tiếng" | "bà con" | "các dân tộc"
                    )
                })
            });
            let whole = !cx.upper(i + n) || !cx.t.get(i + n).is_some_and(|t| t.space_before);
            if toks[i].upper() && whole && (n > 1 || cued) {
                i += n;
                continue;
            }
        }
        // A descriptive word before a place ("khu vực Bắc Bộ", "vùng Kursk"): the place alone.
        if let Some(n) = cx
            .longest(i, &cx.g.first_types, |k| cx.g.loc_types.contains_key(k))
            .filter(|&n| {
                cx.g.loc_types
                    .get(&cx.folded[i..i + n].join(" "))
                    .map(String::as_str)
                    == Some("cue")
                    && (!toks[i].upper() || sentence_start(&cx, i))
            })
        {
            let j = i + n;
            let place = gazetteer_at(&cx, j).is_some() || typed_place(&cx, j).is_some();
            if !place && org_at(&cx, j).is_none() && !person_starts(&cx, j) {
                if let Some(e) = name_run(&cx, j, true) {
                    push(&mut out, Ty::Location, MentionKind::Name, j, e, None);
                    i = e;
                    continue;
                }
            }
            i = j;
            continue;
        }
        // A direction before a place ("phía Đông Quảng Ngãi", "Bắc Biển Đông"): the place.
        let direction = matches!(cx.folded[i].as_str(), "đông" | "tây" | "nam" | "bắc");
        if direction && toks[i].upper() && gazetteer_at(&cx, i).is_none() {
            let dir = |k: usize| {
                cx.folded
                    .get(k)
                    .is_some_and(|w| matches!(w.as_str(), "đông" | "tây" | "nam" | "bắc"))
                    && cx.upper(k)
            };
            let k = if dir(i) && dir(i + 1) && gazetteer_at(&cx, i + 1).is_none() {
                i + 2
            } else {
                i + 1
            };
            let place_next = gazetteer_at(&cx, k).is_some_and(|e| cx.is_place(k, e));
            if dir(i) && cx.t[k.min(toks.len() - 1)].space_before && place_next {
                i = k;
                continue;
            }
        }
        // A credit ("Ảnh: Đức Hùng", "Video: Hùng Lê - Minh Quân") or a byline standing alone
        // as the whole text ("Đức Hùng"): Vietnamese names, even those opening with a word
        // that also names a country.
        let credit = i >= 2
            && toks[i - 1].text == ":"
            && (matches!(
                cx.folded[i - 2].as_str(),
                "ảnh" | "video" | "clip" | "infographic"
            ) || (i >= 3
                && matches!(
                    cx.folded[i - 3..i - 1].join(" ").as_str(),
                    "đồ họa" | "đồ hoạ" | "thực hiện"
                )));
        if credit || i == 0 {
            let mut k = i;
            let mut names = Vec::new();
            let name_word = |m: usize| {
                cx.g.given.contains(&cx.folded[m]) || cx.g.family.contains(&cx.folded[m])
            };
            while let Some(e) = name_run(&cx, k, false)
                .filter(|&e| (2..=4).contains(&(e - k)))
                .filter(|&e| (k..e).all(|m| cx.g.syllables.contains(&cx.folded[m])))
                .filter(|&e| credit || (k..e).all(name_word))
                .filter(|&e| {
                    !cx.g.names.contains_key(&cx.folded[k..e].join(" ")) && org_at(&cx, k).is_none()
                })
            {
                names.push((k, e));
                k = e;
                // Another name after "-", "," or "và".
                if credit
                    && cx
                        .t
                        .get(k)
                        .is_some_and(|t| matches!(t.text.as_str(), "-" | "," | "và" | "–"))
                {
                    k += 1;
                } else {
                    break;
                }
            }
            let last = names.last().map_or(i, |&(_, e)| e);
            let alone = toks[last..].iter().all(|t| t.kind == Kind::Punct);
            if !names.is_empty() && (credit || alone) {
                for &(a, b) in &names {
                    push(&mut out, Ty::Person, MentionKind::Name, a, b, None);
                }
                i = last;
                continue;
            }
        }
        // 1. A title or an honorific, then (maybe an organization, then) a name.
        let title = title_at(&cx, i);
        // An honorific, unless a title follows it ("Cựu Bộ trưởng", "ông Chủ tịch").
        let honor = (!toks[i].upper() || sentence_start(&cx, i))
            .then(|| cx.longest(i, &cx.g.first_honorifics, |k| cx.g.honorifics.contains(k)))
            .flatten()
            .filter(|&n| title_at(&cx, i + n).is_none() && org_at(&cx, i + n).is_none());
        if let Some(n) = title.or(honor) {
            let mut j = i + n;
            let mut org_in_title = None;
            if title.is_some() {
                if let Some(e) = org_at(&cx, j).or_else(|| gazetteer_at(&cx, j)) {
                    // "Chủ tịch Hồ Chí Minh": a full personal name that is also a place's,
                    // with no name after it, is the person.
                    let person_named = family_name(&cx, j) == Some(e)
                        && e - j >= 3
                        && name_run(&cx, e, true).is_none();
                    if !person_named
                        && (name_run(&cx, e, true).is_some()
                            || cx.g.names.contains_key(&cx.folded[j..e].join(" ")))
                    {
                        org_in_title = Some((j, e));
                        j = e;
                    }
                }
            }
            let head_next = cx
                .longest(j, &cx.g.first_heads, |k| cx.g.org_heads.contains(k))
                .is_some();
            let cue_name = name_run(&cx, j, true)
                .or_else(|| initials(&cx, j, 2).then_some(j + 1))
                .filter(|&e| {
                    !(j..e).all(|k| cx.g.not_names.contains(&cx.folded[k])) &&
                    !head_next &&
                // Not a place or an organization after the title ("Bộ trưởng Bộ Tài chính").
                org_at(&cx, j).is_none()
                    && typed_place(&cx, j).is_none()
                    && !(e - j == 1 && cx.g.names.contains_key(&cx.folded[j]))
                });
            // An organization written inside the title itself ("Thủ tướng Chính phủ").
            if let Some(n) = title {
                let mut k = i + 1;
                while k < i + n {
                    let known_org =
                        || gazetteer_at(&cx, k).filter(|&e| e <= i + n && cx.is_org(k, e));
                    match org_at(&cx, k).filter(|&e| e <= i + n).or_else(known_org) {
                        Some(e) => {
                            push(&mut out, Ty::Organization, MentionKind::Name, k, e, None);
                            k = e;
                        }
                        None => k += 1,
                    }
                }
            }
            if let Some((a, b)) = org_in_title {
                let ty = match cx.known(a, b) {
                    Some(Known::Place { .. }) => Ty::Location,
                    _ => Ty::Organization,
                };
                push(&mut out, ty, MentionKind::Name, a, b, None);
            }
            if let Some(e) = cue_name {
                let (ts, _) = cx.text(i, j);
                let title_text = title.map(|_| slice(ts, cx.t[j - 1].end));
                let kind =
                    if honor.is_some() && title.is_none() && e - j == 1 && !initials(&cx, j, 2) {
                        MentionKind::GivenName
                    } else {
                        MentionKind::Name
                    };
                push(&mut out, Ty::Person, kind, j, e, title_text);
                i = e;
                continue;
            }
            if title.is_some() {
                if org_in_title.is_none() {
                    push(&mut out, Ty::Person, MentionKind::Title, i, i + n, None);
                }
                i = j.max(i + 1);
                continue;
            }
        }
        // Initials standing for a person, with no cue needed when there are three or more.
        if initials(&cx, i, 3) {
            push(&mut out, Ty::Person, MentionKind::Name, i, i + 1, None);
            i += 1;
            continue;
        }
        // A body named only by a common noun ("Ban Chỉ đạo") is no entity.
        if let Some(e) = common_body(&cx, i).filter(|_| org_at(&cx, i).is_none()) {
            i = e;
            continue;
        }
        // 2. An organization by its head noun, or a known name (the longer wins).
        let org = org_at(&cx, i);
        let known = gazetteer_at(&cx, i);
        let typed = typed_place(&cx, i);
        let family = family_name(&cx, i);
        // Only when nothing else starts here.
        let fallback = (family.is_none() && org.is_none() && known.is_none() && typed.is_none())
            .then(|| capitalized_name(&cx, i))
            .flatten();
        // A commune's or former district's name with no person cue is the place ("các khu
        // vực lân cận như Nghi Lộc, Hưng Nguyên").
        let after_place_word = i > 0
            && matches!(
                cx.folded[i - 1].as_str(),
                "tại" | "ở" | "về" | "qua" | "đến" | "từ" | "thuộc" | "quanh" | "khỏi"
            );
        let bare_place = fallback
            .or(family.filter(|_| after_place_word))
            .filter(|&e| cx.g.bare_places.contains(&cx.folded[i..e].join(" ")));
        let family = family.filter(|_| bare_place.is_none());
        // A capitalized run with no person cue after a noun that names a thing ("chip
        // Snapdragon", "trình duyệt Chrome", "giải Oscar") or right after a brand ("Kia
        // Carnival") is a product or an event, not a person; after "tại"/"ở", a foreign one
        // is a place ("tại Dallas").
        // After "công ty", "hãng", a capitalized run is the company ("công ty Sembcorp"); one
        // ending in a company word is one too ("Dragon Capital", "Ninh Bình FC").
        let context = fallback.and_then(|e| {
            let prev = |n: usize| (i >= n).then(|| cx.folded[i - n..i].join(" "));
            let after = |set: &[&str]| {
                [1, 2, 3]
                    .iter()
                    .any(|&n| prev(n).is_some_and(|w| set.contains(&w.as_str())))
            };
            let after_brand = i > 0
                && cx.t[i].space_before
                && !cx.g.foreign_given.contains(&cx.folded[i])
                && out.last().is_some_and(|r: &Raw| {
                    r.ty == Ty::Organization && r.end == cx.t[i - 1].end && r.known.is_some()
                });
            let foreign = (i..e).all(|k| !cx.g.syllables.contains(&cx.folded[k]));
            if after(&COMPANY_NOUNS) {
                Some(Some((e, Ty::Organization)))
            } else if after(&THING_NOUNS) || after_brand {
                Some(None)
            } else if let Some(s) = org_suffix(&cx, i, e) {
                Some(Some((s, Ty::Organization)))
            } else if foreign && prev(1).is_some_and(|w| w == "tại" || w == "ở") {
                Some(Some((e, Ty::Location)))
            } else if foreign && e - i == 1 && !person_context(&cx, i) && !sports() {
                // A lone foreign word with nothing saying it is a person: a product, a
                // work, an event as often as a surname.
                Some(None)
            } else {
                None
            }
        });
        let context_entity = context.flatten();
        let person = family.or(fallback.filter(|_| bare_place.is_none() && context.is_none()));
        let best = [
            org.map(|e| (e, 3, Ty::Organization)),
            known.map(|e| {
                let ty = match cx.known(i, e) {
                    Some(Known::Org { .. }) => Ty::Organization,
                    _ => Ty::Location,
                };
                (e, 2, ty)
            }),
            typed.map(|e| (e, 2, Ty::Location)),
            bare_place.map(|e| (e, 1, Ty::Location)),
            context_entity.map(|(e, ty)| (e, 1, ty)),
            person.map(|e| (e, 1, Ty::Person)),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|&(e, pri, _)| (e, pri));
        // A place followed by a club word is the club ("Ninh Bình FC"); a club that shares a
        // city's name is the club in a text about sport ("Liverpool thắng 2-0").
        let best = best.map(|(e, pri, ty)| {
            if ty == Ty::Location {
                if let Some(s) = org_suffix(&cx, i, e) {
                    return (s, pri, Ty::Organization);
                }
                if cx.g.clubs.contains(&cx.folded[i..e].join(" ")) && sports() {
                    return (e, pri, Ty::Organization);
                }
            }
            (e, pri, ty)
        });
        // A brand that begins a product's name ("Apple Pencil Pro", "Kia Carnival", "Airbus
        // A340") names the product, not the company: neither is an entity.
        if let Some((e, _, Ty::Organization)) = best {
            if matches!(cx.known(i, e), Some(Known::Org { brand: true, .. })) {
                match brand_tail(&cx, e) {
                    Some((p, false)) => {
                        i = p;
                        continue;
                    }
                    Some((p, true)) => {
                        push(&mut out, Ty::Organization, MentionKind::Name, i, p, None);
                        i = p;
                        continue;
                    }
                    None => {}
                }
            }
        }
        match best {
            Some((e, _, ty)) => {
                push(&mut out, ty, MentionKind::Name, i, e, None);
                i = e;
            }
            // A product's or a work's whole name is skipped, not read word by word.
            None => i = fallback.filter(|_| context == Some(None)).unwrap_or(i + 1),
        }
    }
    // The places named inside organizations' names, so that an article about "Thành ủy Đà
    // Nẵng" is also about Đà Nẵng.
    let mut nested = Vec::new();
    for r in out.iter().filter(|r| r.ty == Ty::Organization) {
        // Tokens are in text order: binary searches, not scans, on long texts.
        let a = toks.partition_point(|t| t.start < r.start);
        if a == toks.len() {
            continue;
        }
        let b = a + toks[a..].partition_point(|t| t.end <= r.end);
        let mut k = a + 1;
        while k < b {
            let typed = typed_place(&cx, k).filter(|&e| e <= b);
            let known = gazetteer_at(&cx, k).filter(|&e| e <= b && cx.is_place(k, e));
            match typed.into_iter().chain(known).max() {
                Some(e) => {
                    push(&mut nested, Ty::Location, MentionKind::InName, k, e, None);
                    k = e;
                }
                None => k += 1,
            }
        }
    }
    if !nested.is_empty() {
        out.extend(nested);
        out.sort_by_key(|r| (r.start, r.ty != Ty::Organization));
    }
    out
}

/// Organization words that are also verbs or adverbs (see org_at).
const VERBISH: [&str; 14] = [
    "thông tin",
    "điều tra",
    "xây dựng",
    "tích cực",
    "cấp cứu",
    "phẫu thuật",
    "khen thưởng",
    "thống kê",
    "quy hoạch",
    "cứu hộ",
    "cứu nạn",
    "chữa cháy",
    "phòng cháy",
    "đào tạo",
];

/// Lower-case nouns for a company written before its name, outside the name's span ("công ty
/// Sembcorp", "hãng Sony", "tập đoàn Meta").
const COMPANY_NOUNS: [&str; 9] = [
    "công ty",
    "hãng",
    "tập đoàn",
    "ngân hàng",
    "nhà mạng",
    "hãng xe",
    "hãng bay",
    "hãng hàng không",
    "quỹ đầu tư",
];

/// Words that end an organization's name after a capitalized run ("Dragon Capital", "Ninh
/// Bình FC", "Scale AI"), folded.
const ORG_SUFFIXES: [&str; 25] = [
    "fc",
    "store",
    "electronics",
    "motor",
    "ai",
    "group",
    "capital",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "jsc",
    "holdings",
    "bank",
    "airlines",
    "airways",
    "motors",
    "entertainment",
    "studios",
    "pictures",
    "technologies",
    "labs",
    "ventures",
    "securities",
    "foundation",
];

/// An organization's suffix ending the run i..e, or right after it: the organization's end.
fn org_suffix(cx: &Cx<'_>, i: usize, e: usize) -> Option<usize> {
    if e - i >= 2 && ORG_SUFFIXES.contains(&cx.folded[e - 1].as_str()) {
        return Some(e);
    }
    cx.word(e)
        .filter(|t| t.space_before && t.upper())
        .filter(|_| ORG_SUFFIXES.contains(&cx.folded[e].as_str()))
        .map(|_| e + 1)
}

/// Words after a lone foreign name that only a person does ("Haaland lập hat-trick",
/// "Zelensky viết"), folded, one or two words.
const PERSON_VERBS: [&str; 53] = [
    "nói",
    "cho biết",
    "chia sẻ",
    "khẳng định",
    "tuyên bố",
    "viết",
    "phát biểu",
    "trả lời",
    "thừa nhận",
    "bày tỏ",
    "nhấn mạnh",
    "tiết lộ",
    "giải thích",
    "phủ nhận",
    "kêu gọi",
    "cảm ơn",
    "xin lỗi",
    "ghi bàn",
    "lập",
    "ăn mừng",
    "kiến tạo",
    "vô địch",
    "đăng quang",
    "hạ",
    "đánh bại",
    "gặp",
    "nhậm chức",
    "từ chức",
    "đắc cử",
    "qua đời",
    "gia nhập",
    "rời",
    "tự hào",
    "muốn",
    "đề xuất",
    "chỉ trích",
    "ca ngợi",
    "kết hôn",
    "hẹn hò",
    "sinh",
    "nhận",
    "giành",
    "công bố",
    "bật khóc",
    "hát",
    "trình diễn",
    "biểu diễn",
    "tham dự",
    "đến thăm",
    "thăm",
    "ký",
    "lên tiếng",
    "thiết lập",
];

/// Role nouns before a lone foreign name ("siêu sao Messi", "huyền thoại Cafu"), folded.
const PERSON_ROLES: [&str; 16] = [
    "siêu sao",
    "ngôi sao",
    "huyền thoại",
    "cầu thủ",
    "tiền đạo",
    "tiền vệ",
    "hậu vệ",
    "thủ môn",
    "thủ thành",
    "tay vợt",
    "danh thủ",
    "tài năng",
    "rapper",
    "nghệ sĩ",
    "tỷ phú",
    "nhà sáng lập",
];

/// Whether something around a lone foreign word at i says it is a person: a role noun before
/// it, a verb only people do after it, a minute mark or an age, or a list of names around it
/// ("Porro, Cubarsi, Laporte").
fn person_context(cx: &Cx<'_>, i: usize) -> bool {
    let e = i + 1;
    let prev = |n: usize| (i >= n).then(|| cx.folded[i - n..i].join(" "));
    let next = |n: usize| (e + n <= cx.t.len()).then(|| cx.folded[e..e + n].join(" "));
    if [1, 2]
        .iter()
        .any(|&n| prev(n).is_some_and(|w| PERSON_ROLES.contains(&w.as_str())))
        || [1, 2]
            .iter()
            .any(|&n| next(n).is_some_and(|w| PERSON_VERBS.contains(&w.as_str())))
    {
        return true;
    }
    // "Sinner hạ Alcaraz", "đánh bại Anisimova"
    if [1, 2].iter().any(|&n| {
        prev(n).is_some_and(|w| {
            matches!(
                w.as_str(),
                "hạ" | "đánh bại" | "thắng" | "thua" | "gặp" | "vượt qua" | "loại"
            )
        })
    }) {
        return true;
    }
    // "Pedri 62'", "Messi (38 tuổi)", "Pelé (1958)"; speech: "Rodri: \"…\""
    let t = |k: usize| cx.t.get(k).map(|t| t.text.as_str());
    if t(e) == Some(":") && matches!(t(e + 1), Some("\"" | "“")) {
        return true;
    }
    if cx.t.get(e).is_some_and(|t| t.kind == Kind::Num) && matches!(t(e + 1), Some("'" | "’"))
        || t(e) == Some("(") && cx.t.get(e + 1).is_some_and(|t| t.kind == Kind::Num)
    {
        return true;
    }
    // A list of names: a separator and a capitalized word on either side.
    let sep = |k: usize| {
        matches!(t(k), Some("," | ";" | "(" | ")")) || cx.folded.get(k).is_some_and(|w| w == "và")
    };
    (i >= 2 && sep(i - 1) && (cx.upper(i - 2) || matches!(t(i - 2), Some(")" | "'" | "’"))))
        || (sep(e) && cx.upper(e + 1))
}

/// Whether the text is about sport (a match, a club, a player): clubs that share a city's
/// name are then the clubs.
fn is_about_sport(cx: &Cx<'_>) -> bool {
    const WORDS: [&str; 32] = [
        "ghi bàn",
        "bàn thắng",
        "trận đấu",
        "vòng đấu",
        "ngoại hạng",
        "hlv",
        "cầu thủ",
        "tiền đạo",
        "tiền vệ",
        "hậu vệ",
        "thủ môn",
        "chuyển nhượng",
        "đội bóng",
        "clb",
        "câu lạc bộ",
        "hiệp một",
        "penalty",
        "cầm hòa",
        "mùa giải",
        "đội hình",
        "sân nhà",
        "hat-trick",
        "champions league",
        "la liga",
        "world cup",
        "vô địch",
        "đội tuyển",
        "chung kết",
        "bán kết",
        "tay vợt",
        "quả bóng vàng",
        "ballon d",
    ];
    (0..cx.t.len()).any(|k| {
        let w = cx.folded[k].as_str();
        WORDS.iter().any(|x| match x.split_once(' ') {
            None => *x == w,
            Some((a, b)) => a == w && cx.folded.get(k + 1).is_some_and(|n| n == b),
        })
    })
}

/// A name right after a brand ending at `e`: a product's ("Pencil Pro", "Carnival", "A340",
/// "CU/CS-PU9CKH-8D"), with its end and `false`, or the company's own ("Education Store"),
/// with `true`. Not a place, an organization, a title or a person's name.
fn brand_tail(cx: &Cx<'_>, e: usize) -> Option<(usize, bool)> {
    let t = cx.word(e).filter(|t| t.space_before)?;
    let coded = t.text.chars().any(|c| c.is_ascii_digit()) || t.caps();
    if !(t.upper() || coded)
        || gazetteer_at(cx, e).is_some()
        || typed_place(cx, e).is_some()
        || title_at(cx, e).is_some()
        || cx.g.foreign_given.contains(&cx.folded[e])
        || family_name(cx, e).is_some()
    {
        return None;
    }
    let mut j = e;
    while let Some(t) = cx.t.get(j) {
        let joined = j > e && !t.space_before;
        let part = t.kind == Kind::Num
            || (t.kind == Kind::Word
                && (t.upper() || t.text.chars().any(|c| c.is_ascii_digit()) || joined));
        if part || (joined && matches!(t.text.as_str(), "/" | "-" | "+")) {
            j += 1;
        } else {
            break;
        }
    }
    // "Apple Education Store", "Samsung Electronics": the company itself.
    // ("Meta AI" is the assistant, not a company.)
    let company =
        (e..j).any(|k| cx.folded[k] != "ai" && ORG_SUFFIXES.contains(&cx.folded[k].as_str()));
    (j > e).then_some((j, company))
}

/// Given names standing alone for a person the article names in full elsewhere ("Bảo cùng
/// kế toán trưởng…", "tuyên phạt Oanh 15 năm tù" after "Nguyễn Thị Oanh"): a capitalized word
/// no mention covers, equal to the last syllable of one of `givens` (folded), not opening an
/// ordinary word with the next word, and not part of a longer capitalized run.
pub fn given_name_refs(
    p: &Prepared,
    raws: &[Raw],
    givens: &std::collections::HashSet<String>,
) -> Vec<Raw> {
    if givens.is_empty() {
        return Vec::new();
    }
    let cx = p.cx();
    let toks = &p.toks;
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !t.upper() || t.caps() || !givens.contains(&cx.folded[k]) {
            continue;
        }
        // `raws` is in text order: the first mention ending after this word's start.
        let first = raws.partition_point(|r| r.end <= t.start);
        if raws[first..]
            .iter()
            .take_while(|r| r.start < t.end)
            .next()
            .is_some()
        {
            continue;
        }
        let spaced = |m: usize| cx.t.get(m).is_some_and(|n| n.space_before);
        if cx.upper(k + 1) && spaced(k + 1) || k > 0 && cx.upper(k - 1) && t.space_before {
            continue;
        }
        // Directions: "phía Nam", "miền Bắc" are not "Nam", "Bắc".
        let prev = k.checked_sub(1).map(|p| cx.folded[p].as_str());
        if matches!(
            cx.folded[k].as_str(),
            "đông" | "tây" | "nam" | "bắc" | "trung"
        ) || matches!(prev, Some("phía" | "miền" | "hướng" | "vùng" | "khu"))
        {
            continue;
        }
        if (2..=3).any(|n| cx.key(k, n).is_some_and(|w| cx.g.words.contains(&w))) {
            continue;
        }
        out.push(Raw {
            ty: Ty::Person,
            kind: MentionKind::GivenName,
            start: t.start,
            end: t.end,
            text: t.text.clone(),
            title: None,
            known: None,
        });
    }
    out
}

/// A gazetteer name at i (capitalized, or a known abbreviation): its end.
fn gazetteer_at(cx: &Cx<'_>, i: usize) -> Option<usize> {
    if !cx.upper(i) {
        return None;
    }
    let n = cx.longest(i, &cx.g.first_names, |k| {
        cx.g.names.contains_key(k)
            && (!cx.g.title_case.contains(k)
                || (i..i + k.split(' ').count()).all(|m| {
                    cx.t.get(m)
                        .is_some_and(|t| t.kind != Kind::Word || t.upper())
                }))
    })?;
    if n == 1 {
        let w = &cx.folded[i];
        // A one-word name that is also an honorific at a sentence start ("Anh ấy…", "Anh
        // Tuấn cho biết") is not a place; mid-sentence honorifics are lower case, so a
        // capitalized "Anh" there is the country ("Pháp và Anh").
        if cx.g.honorifics.contains(w) && sentence_start(cx, i) {
            return None;
        }
        // A country's one-syllable name that is also a given name, then a given name: a
        // person ("Đức Hùng", "Mỹ Tâm"), unless the next word starts a name of its own.
        let next = i + 1;
        if cx.g.given.contains(w)
            && cx.t.get(next).is_some_and(|t| t.space_before && t.upper())
            && cx.g.given.contains(&cx.folded[next])
            && cx
                .longest(next, &cx.g.first_names, |k| cx.g.names.contains_key(k))
                .is_none()
            && cx.upper(i)
            && !cx.t[i].caps()
        {
            return None;
        }
    }
    // The last word of the name must not start a longer capitalized name (a person named
    // after a place is handled by the person rules).
    Some(i + n)
}
