//! MONEY, PERCENT and DOCUMENT recognizers of the Vietnamese entity pipeline.
//!
//! [`find_numeric`] finds amounts of money ("770 tỷ đồng", "1.099 USD", "3 - 4 triệu đồng",
//! "$5 triệu"), percentages ("6,3%", "-2,3%", "58 đến 63%", "15 phần trăm") and legal documents
//! ("Nghị quyết số 205/2025/QH15", "Chỉ thị 04-CT/TU", "Đề án 06", "Luật Đất đai 2024",
//! a bare "123/2024/NĐ-CP") in a text, with the spans of the labelling conventions of
//! `tests/data/entities_gold.md`: framing words ("hơn", "khoảng", "từ") and per-unit tails
//! ("/cp", "một chiếc") outside, a range one mention, "số" inside a document's span.
//!
//! How: one pass splits the text into words, numbers and symbols (code-point offsets, and
//! whether whitespace comes before); rules over those tokens, driven by the word tables below,
//! read amounts (Vietnamese "1.500.000", "1,5", "1.234,56" and English "1,500,000", "2.5"),
//! scale words ("nghìn", "triệu", "tỷ", "nghìn tỷ", "1 tỷ 200 triệu"), currencies, ranges and
//! document kinds; three regexes, compiled once, check the shape of document numbers
//! ("06/QĐ-TTg", "57-NQ/TW"; never a date such as "14/2/2024"). Nothing slices at byte offsets
//! and nothing unwraps on the text, so no input panics.

use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What a numeric or document mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumericKind {
    Money,
    Percent,
    Document,
}

/// A MONEY, PERCENT or DOCUMENT mention in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumericMention {
    pub kind: NumericKind,
    /// Code-point offsets in the text (what Rust's `chars()` counts), end exclusive.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// MONEY: the amount in units of `currency` (1,5 tỷ đồng → 1_500_000_000.0); PERCENT: the
    /// number (15,5% → 15.5). For a range ("58 đến 63%", "10-15 triệu đồng") the lower bound.
    pub value: Option<f64>,
    /// MONEY: ISO 4217 code ("VND", "USD", "EUR", "JPY", "CNY", "KRW", "GBP"…), `None` if unknown.
    pub currency: Option<String>,
    /// DOCUMENT: a canonical name: the document kind in full and its number, e.g. "Nghị định
    /// 123/2024/NĐ-CP", "Quyết định 06/QĐ-TTg" (drop "số"), "Luật Đất đai 2024".
    pub canonical: Option<String>,
}

/// Finds every MONEY, PERCENT and DOCUMENT mention of `text` (NFC), in text order, non-overlapping.
pub fn find_numeric(text: &str) -> Vec<NumericMention> {
    let chars: Vec<char> = text.chars().collect();
    let toks = tokenize(&chars);
    let scan = Scan {
        chars: &chars,
        toks: &toks,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match scan.at(i) {
            Some((m, next)) => {
                out.push(m);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tables (words are compared folded: lower case, "Ð" read as "đ", "hoá" as "hóa", "uỷ" as "ủy").

/// Scale words and their power of ten; consecutive ones multiply ("nghìn tỷ" = 10^12). English
/// ones occur after "$" ("$5 million").
const SCALES: &[(&str, i32)] = &[
    ("nghìn", 3),
    ("ngàn", 3),
    ("triệu", 6),
    ("tỷ", 9),
    ("tỉ", 9),
    ("trăm", 2),
    ("vạn", 4),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
];

/// Words after which a scale word is part of another word: "tỷ phú", "tỷ lệ", "triệu chứng".
const SCALE_BLOCKED_BY_NEXT: &[(&str, &[&str])] = &[
    ("tỷ", &["phú", "lệ", "số", "trọng", "giá"]),
    ("tỉ", &["phú", "lệ", "số", "trọng", "giá"]),
    ("triệu", &["phú", "chứng", "tập", "hồi"]),
];

/// Currency words and symbols after an amount, and their ISO 4217 codes. Longest match wins.
const CURRENCIES: &[(&str, &str)] = &[
    ("đồng", "VND"),
    ("việt nam đồng", "VND"),
    ("vnđ", "VND"),
    ("vnd", "VND"),
    ("đ", "VND"),
    ("₫", "VND"),
    ("usd", "USD"),
    ("us$", "USD"),
    ("$", "USD"),
    ("đô la mỹ", "USD"),
    ("đô-la mỹ", "USD"),
    ("đôla mỹ", "USD"),
    ("đô la", "USD"),
    ("đô-la", "USD"),
    ("đôla", "USD"),
    ("đô", "USD"),
    ("mỹ kim", "USD"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("€", "EUR"),
    ("yên nhật", "JPY"),
    ("yên", "JPY"),
    ("yen", "JPY"),
    ("jpy", "JPY"),
    ("¥", "JPY"),
    ("nhân dân tệ", "CNY"),
    ("ndt", "CNY"),
    ("tệ", "CNY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("yuan", "CNY"),
    ("won hàn quốc", "KRW"),
    ("won", "KRW"),
    ("krw", "KRW"),
    ("₩", "KRW"),
    ("bảng anh", "GBP"),
    ("bảng", "GBP"),
    ("gbp", "GBP"),
    ("£", "GBP"),
    ("rúp", "RUB"),
    ("ruble", "RUB"),
    ("rub", "RUB"),
    ("baht", "THB"),
    ("thb", "THB"),
    ("ringgit", "MYR"),
    ("rupiah", "IDR"),
    ("rupee", "INR"),
    ("đô la úc", "AUD"),
    ("aud", "AUD"),
    ("đô la singapore", "SGD"),
    ("sgd", "SGD"),
    ("đô la hồng kông", "HKD"),
    ("đô la hong kong", "HKD"),
    ("hkd", "HKD"),
    ("đô la canada", "CAD"),
    ("cad", "CAD"),
    ("đô la đài loan", "TWD"),
    ("tân đài tệ", "TWD"),
    ("twd", "TWD"),
    ("franc thụy sĩ", "CHF"),
    ("chf", "CHF"),
    ("kíp", "LAK"),
    ("riel", "KHR"),
];

/// Symbols written before an amount ("$5 triệu", "€100").
const PREFIX_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₫", "VND"),
    ("₩", "KRW"),
];

/// Letters glued before "$" ("US$", "S$", "HK$").
const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    ("S", "SGD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("HK", "HKD"),
    ("C", "CAD"),
    ("NT", "TWD"),
];

/// Words after a bare "đồng" that make it another word ("5 đồng chí", "2 đồng hồ").
const DONG_NOT_CURRENCY: &str = "\
    chí nghiệp hồ bào đội ruộng bằng minh thời ý tình hương môn phục loạt xu tiền hành lòng cỏ \
    lúa thuận sở tác nhất đều hóa vọng dao diễn cảm dạng cấp quê khởi thanh âm chủ ca bộ trinh \
    tâm niên đẳng cân bọn phạm hội nát tử nhân";

/// Words that may stand between a money cue and an amount ("thu gần 9.500 tỷ").
const FRAMING: &str = "\
    gần hơn khoảng chừng tới đến từ trên dưới về được lên xuống thêm ước tính tổng cộng xấp xỉ \
    mức là ra đạt chỉ có hết cả tận ngót độ vào còn bằng lại";

/// Words just before an amount (after framing words) that make a bare "5 triệu" money.
const MONEY_CUES: &str = "\
    giá tiền thu chi mất lãi lỗ vốn nợ phạt trả nộp thưởng lương vay thuế phí ròng quỹ góp \
    kiếm tiêu";

/// Two-word money cues, comma-separated.
const MONEY_CUES2: &str = "\
    trị giá, giá trị, ngân sách, hỗ trợ, bồi thường, đầu tư, huy động, giải ngân, tài sản, \
    thiệt hại, chiếm đoạt, lừa đảo, quyên góp, ủng hộ, tiết kiệm, cổ tức, vốn hóa, thu nhập, \
    chuyển khoản, số dư, điều lệ, giao dịch, doanh số, kim ngạch, lợi nhuận, tổng mức";

/// Money nouns right after a bare amount, comma-separated ("2.200 tỷ vốn hoá", "5 triệu tiền mặt").
const MONEY_NOUNS_AFTER: &str =
    "vốn, tiền, nợ, doanh thu, lợi nhuận, trái phiếu, cổ tức, kinh phí, ngân sách";

/// Words that may follow a bare amount of money (anything else is a counted noun: "5,8 triệu
/// người", "10,8 triệu đơn vị").
const MONEY_FOLLOWERS: &str = "\
    từ cho vào và với để trong so của mỗi một khi thì nhưng sau trước là được bị nên do vì tại \
    ở rồi nữa thôi còn mà hay hoặc lên xuống đến tới trên dưới năm tháng quý ngày tuần nay này \
    đó qua chỉ cũng đã sẽ đang vừa mới hơn bằng tương cùng kể như theo nhờ ra về lại hết trở \
    sang xong ngay liền";

/// How a document kind word may be followed by its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A bare number after the capitalized kind is enough ("Đề án 06", "Nghị định 168").
    Strong,
    /// A bare number needs "số" or a following word that continues a designation
    /// ("Kế hoạch 5 năm" is no document).
    Weak,
    /// Only a shaped number ("123/UBND-VP") or "số".
    Shaped,
    /// "Luật", "Bộ luật", "Pháp lệnh": a number with "số", or a name ("Luật Đất đai 2024").
    Law,
    /// "Hiến pháp": a year ("Hiến pháp 2013", "Hiến pháp năm 1992") or a number with "số".
    Constitution,
}

/// Document kinds as written (folded) and in full.
const KINDS: &[(&str, &str, Class)] = &[
    ("thông tư liên tịch", "Thông tư liên tịch", Class::Strong),
    (
        "nghị quyết liên tịch",
        "Nghị quyết liên tịch",
        Class::Strong,
    ),
    ("nghị định", "Nghị định", Class::Strong),
    ("nghị quyết", "Nghị quyết", Class::Strong),
    ("quyết định", "Quyết định", Class::Strong),
    ("thông tư", "Thông tư", Class::Strong),
    ("chỉ thị", "Chỉ thị", Class::Strong),
    ("công điện", "Công điện", Class::Strong),
    ("kết luận", "Kết luận", Class::Strong),
    ("đề án", "Đề án", Class::Strong),
    ("quy định", "Quy định", Class::Weak),
    ("qui định", "Quy định", Class::Weak),
    ("công văn", "Công văn", Class::Weak),
    ("kế hoạch", "Kế hoạch", Class::Weak),
    ("chương trình", "Chương trình", Class::Weak),
    ("thông báo", "Thông báo", Class::Weak),
    ("tờ trình", "Tờ trình", Class::Weak),
    ("hướng dẫn", "Hướng dẫn", Class::Weak),
    ("báo cáo", "Báo cáo", Class::Shaped),
    ("sắc lệnh", "Sắc lệnh", Class::Shaped),
    ("lệnh", "Lệnh", Class::Shaped),
    ("văn bản", "Văn bản", Class::Shaped),
    ("giấy phép", "Giấy phép", Class::Shaped),
    ("bộ luật", "Bộ luật", Class::Law),
    ("luật", "Luật", Class::Law),
    ("pháp lệnh", "Pháp lệnh", Class::Law),
    ("hiến pháp", "Hiến pháp", Class::Constitution),
];

/// Abbreviated kinds (exact case): "NĐ 168", "QĐ 123/QĐ-UBND".
const KIND_ABBREVIATIONS: &[(&str, &str, Class)] = &[
    ("NĐ", "Nghị định", Class::Strong),
    ("NQ", "Nghị quyết", Class::Strong),
    ("QĐ", "Quyết định", Class::Shaped),
    ("TT", "Thông tư", Class::Shaped),
    ("TTLT", "Thông tư liên tịch", Class::Shaped),
    ("CT", "Chỉ thị", Class::Shaped),
    ("CV", "Công văn", Class::Shaped),
    ("KL", "Kết luận", Class::Shaped),
    ("KH", "Kế hoạch", Class::Shaped),
    ("TB", "Thông báo", Class::Shaped),
];

/// Issuers written in words after a number's slash ("Đề án 06/Chính phủ").
const ISSUERS: &[&str] = &[
    "chính phủ",
    "thủ tướng chính phủ",
    "thủ tướng",
    "quốc hội",
    "bộ chính trị",
    "ban bí thư",
    "ban chấp hành trung ương",
    "trung ương",
    "ủy ban thường vụ quốc hội",
    "ủy ban nhân dân",
];

/// Words after a bare document number that make it a count ("Kế hoạch 5 năm", "Quyết định 3
/// người"), not a designation.
const COUNTERS: &str = "\
    năm tháng ngày tuần giờ phút giây người điểm lần bước phần nội nhiệm giải mục vấn tiêu dự \
    gói cấp tầng km m ha tấn kg lượt ca trường xã tỉnh huyện đơn hộ căn con chiếc cái trang \
    chương điều khoản nhóm loại lĩnh đội tổ ban cơ đề ý nhà dòng mẫu sản phương hạng giai đợt \
    kỳ khóa tập tuổi học lớp cuộc buổi chuyến tiết bài câu địa thành viên vụ chỉ đầu khu tuyến \
    công triệu tỷ tỉ nghìn ngàn trăm";

/// Words that may follow a bare number after a weak kind ("Kế hoạch 15 về…").
const CONTINUERS: &str =
    "về của do đã được là và với tại theo này nhằm thì sẽ đang cũng vừa có không chưa";

/// Words before "Luật" that make it a subject, not a law ("Đại học Luật", "Công ty Luật").
const LAW_PREV_BLOCK: &str =
    "học khoa viện trường ngành chí sinh nhân sĩ sỹ giảng hãng ty phòng đoàn hội thạc vụ môn";

/// First name words that make "Luật …" a person's title ("Luật sư", "Luật gia").
const LAW_NOT_NAME: &str = "sư gia";

/// Words ending an unknown law's name ("Luật Thủ đô được thông qua").
const LAW_STOP: &str = "\
    có được là và của về đã sẽ vừa đang mới cũ này đó năm số thì mà cho với trong tại từ đến \
    khi nên để do bị theo quy nêu ghi hiện sửa bổ không chưa cũng vẫn phải cần nhằm gồm ban ra \
    trên dưới sau trước các những nhiều mọi cùng như thông qua hết hiệu áp hướng thi tới còn \
    lần kỳ họp khóa dự thảo chính đối tiếp ngày tháng quý hay hoặc nhưng vì nếu đây đều chỉ \
    rất lại thêm tăng giảm gì nào ấy xin ý đi vào lấy trình xem xét";

/// Names of laws, codes and ordinances (the words after "Luật", "Bộ luật", "Pháp lệnh").
const LAW_NAMES: &[&str] = &[
    "Đất đai",
    "Doanh nghiệp",
    "Đầu tư",
    "Đầu tư công",
    "Đầu tư theo phương thức đối tác công tư",
    "Xây dựng",
    "Nhà ở",
    "Kinh doanh bất động sản",
    "Thuế thu nhập cá nhân",
    "Thuế thu nhập doanh nghiệp",
    "Thuế giá trị gia tăng",
    "Thuế tiêu thụ đặc biệt",
    "Thuế xuất khẩu, thuế nhập khẩu",
    "Quản lý thuế",
    "Phí và lệ phí",
    "Ngân sách nhà nước",
    "Ngân hàng Nhà nước Việt Nam",
    "Các tổ chức tín dụng",
    "Bảo hiểm xã hội",
    "Bảo hiểm y tế",
    "Việc làm",
    "Lao động",
    "Công đoàn",
    "Hình sự",
    "Dân sự",
    "Tố tụng hình sự",
    "Tố tụng dân sự",
    "Tố tụng hành chính",
    "Thi hành án dân sự",
    "Thi hành án hình sự",
    "Hôn nhân và gia đình",
    "Giáo dục",
    "Giáo dục đại học",
    "Giáo dục nghề nghiệp",
    "Nhà giáo",
    "Khám bệnh, chữa bệnh",
    "Dược",
    "Phòng bệnh",
    "Phòng, chống tham nhũng",
    "Phòng, chống ma túy",
    "Phòng, chống rửa tiền",
    "Phòng, chống mua bán người",
    "Phòng, chống bạo lực gia đình",
    "Phòng, chống thiên tai",
    "Phòng, chống tác hại của rượu, bia",
    "Phòng, chống tác hại của thuốc lá",
    "Phòng cháy, chữa cháy",
    "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "Trật tự, an toàn giao thông đường bộ",
    "Giao thông đường bộ",
    "Đường bộ",
    "Đường sắt",
    "Hàng không dân dụng Việt Nam",
    "Hàng hải Việt Nam",
    "Hàng hải",
    "Bảo vệ môi trường",
    "Tổ chức chính quyền địa phương",
    "Tổ chức Chính phủ",
    "Tổ chức Quốc hội",
    "Tổ chức Tòa án nhân dân",
    "Tổ chức Viện kiểm sát nhân dân",
    "Cán bộ, công chức",
    "Viên chức",
    "Cư trú",
    "Căn cước",
    "Căn cước công dân",
    "Giao dịch điện tử",
    "An ninh mạng",
    "An toàn thông tin mạng",
    "Công nghệ thông tin",
    "Công nghiệp công nghệ số",
    "Chuyển đổi số",
    "Viễn thông",
    "Bưu chính",
    "Tần số vô tuyến điện",
    "Báo chí",
    "Xuất bản",
    "Quảng cáo",
    "Sở hữu trí tuệ",
    "Thương mại",
    "Cạnh tranh",
    "Bảo vệ quyền lợi người tiêu dùng",
    "Chứng khoán",
    "Kinh doanh bảo hiểm",
    "Phá sản",
    "Hải quan",
    "Đấu thầu",
    "Đấu giá tài sản",
    "Quy hoạch",
    "Quy hoạch đô thị",
    "Quy hoạch đô thị và nông thôn",
    "Thủ đô",
    "Lưu trữ",
    "Dữ liệu",
    "Trí tuệ nhân tạo",
    "Thanh tra",
    "Tiếp công dân",
    "Khiếu nại",
    "Tố cáo",
    "Xử lý vi phạm hành chính",
    "Ban hành văn bản quy phạm pháp luật",
    "Nghĩa vụ quân sự",
    "Công an nhân dân",
    "Quốc phòng",
    "Biên giới quốc gia",
    "Biển Việt Nam",
    "Tài nguyên nước",
    "Khoáng sản",
    "Địa chất và khoáng sản",
    "Điện lực",
    "Lâm nghiệp",
    "Thủy sản",
    "Thủy lợi",
    "Đê điều",
    "Trồng trọt",
    "Chăn nuôi",
    "Thú y",
    "An toàn thực phẩm",
    "Kế toán",
    "Kiểm toán nhà nước",
    "Kiểm toán độc lập",
    "Thống kê",
    "Giá",
    "Bình đẳng giới",
    "Trẻ em",
    "Người cao tuổi",
    "Người khuyết tật",
    "Thanh niên",
    "Thể dục, thể thao",
    "Du lịch",
    "Di sản văn hóa",
    "Điện ảnh",
    "Tín ngưỡng, tôn giáo",
    "Hòa giải ở cơ sở",
    "Trưng cầu ý dân",
    "Mặt trận Tổ quốc Việt Nam",
    "Quản lý, sử dụng tài sản công",
    "Quản lý nợ công",
    "Hợp tác xã",
    "Đo lường",
    "Tiêu chuẩn và quy chuẩn kỹ thuật",
    "Chất lượng sản phẩm, hàng hóa",
    "Năng lượng nguyên tử",
    "Khoa học và công nghệ",
    "Khoa học, công nghệ và đổi mới sáng tạo",
    "Công chứng",
    "Hộ tịch",
    "Quốc tịch Việt Nam",
    "Đặc xá",
    "Khí tượng thủy văn",
    "Đa dạng sinh học",
    "Ưu đãi người có công với cách mạng",
    "Ưu đãi người có công",
    "Dân số",
];

// ---------------------------------------------------------------------------------------------
// Compiled once.

/// A document number that stands on its own: "123/2024/NĐ-CP", "06/QĐ-TTg", "57-NQ/TW".
static RE_DOC_SHAPED: LazyLock<Regex> = LazyLock::new(|| {
    let code = r"\p{Lu}[\p{L}\p{N}]*";
    Regex::new(&format!(
        r"^(?:\d{{1,5}}[a-z]?/(?:19|20)\d{{2}}/{code}(?:-{code})*|\d{{1,5}}[a-z]?/{code}(?:-{code})+|\d{{1,5}}-{code}/{code}(?:[/-]{code})*)$"
    ))
    .expect("valid regex")
});

/// A short number that needs a kind word: "15/2018", "06/CP".
static RE_DOC_SHORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,5}/(?:(?:19|20)\d{2}|\p{Lu}[\p{L}\p{N}]*)$").expect("valid regex")
});

/// A bare number that needs a kind word: "06".
static RE_DOC_BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,5}$").expect("valid regex"));

type Phrase = Vec<String>;

/// Folded token sequences of a phrase ("đô-la mỹ" → ["đô", "-", "la", "mỹ"]).
fn phrase(s: &str) -> Phrase {
    let chars: Vec<char> = s.chars().collect();
    tokenize(&chars)
        .iter()
        .map(|t| t.key().to_owned())
        .collect()
}

/// Folded words of a space-separated list.
fn word_set(list: &str) -> HashSet<String> {
    list.split_whitespace().map(fold_word).collect()
}

/// Folded phrases of a comma-separated list.
fn phrase_list(list: &str) -> Vec<Phrase> {
    list.split(',')
        .map(phrase)
        .filter(|p| !p.is_empty())
        .collect()
}

struct Tables {
    currencies: Vec<(Phrase, &'static str)>,
    kinds: HashMap<String, Vec<(Phrase, &'static str, Class)>>,
    issuers: Vec<Phrase>,
    laws: Vec<Phrase>,
    dong_not_currency: HashSet<String>,
    framing: HashSet<String>,
    money_cues: HashSet<String>,
    money_cues2: Vec<Phrase>,
    money_nouns_after: Vec<Phrase>,
    money_followers: HashSet<String>,
    counters: HashSet<String>,
    continuers: HashSet<String>,
    law_prev_block: HashSet<String>,
    law_not_name: HashSet<String>,
    law_stop: HashSet<String>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut currencies: Vec<(Phrase, &'static str)> = CURRENCIES
        .iter()
        .map(|&(p, iso)| (phrase(p), iso))
        .collect();
    currencies.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    let mut kinds: HashMap<String, Vec<(Phrase, &'static str, Class)>> = HashMap::new();
    for &(p, canon, class) in KINDS {
        let words = phrase(p);
        if let Some(first) = words.first() {
            kinds
                .entry(first.clone())
                .or_default()
                .push((words, canon, class));
        }
    }
    for list in kinds.values_mut() {
        list.sort_by_key(|(p, _, _)| std::cmp::Reverse(p.len()));
    }
    let mut issuers: Vec<Phrase> = ISSUERS.iter().map(|p| phrase(p)).collect();
    issuers.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let mut laws: Vec<Phrase> = LAW_NAMES.iter().map(|p| phrase(p)).collect();
    laws.sort_by_key(|p| std::cmp::Reverse(p.len()));
    Tables {
        currencies,
        kinds,
        issuers,
        laws,
        dong_not_currency: word_set(DONG_NOT_CURRENCY),
        framing: word_set(FRAMING),
        money_cues: word_set(MONEY_CUES),
        money_cues2: phrase_list(MONEY_CUES2),
        money_nouns_after: phrase_list(MONEY_NOUNS_AFTER),
        money_followers: word_set(MONEY_FOLLOWERS),
        counters: word_set(COUNTERS),
        continuers: word_set(CONTINUERS),
        law_prev_block: word_set(LAW_PREV_BLOCK),
        law_not_name: word_set(LAW_NOT_NAME),
        law_stop: word_set(LAW_STOP),
    }
});

// ---------------------------------------------------------------------------------------------
// Tokens.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tk {
    Word,
    Num,
    Sym,
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Tk,
    /// Code-point offsets, end exclusive.
    start: usize,
    end: usize,
    /// As written.
    text: String,
    /// Words folded (see [`fold_word`]); empty for numbers and symbols.
    fold: String,
    /// Whitespace (or the start of the text) right before.
    gap: bool,
}

impl Tok {
    /// What phrases compare with: the folded word, or the number or symbol as written.
    fn key(&self) -> &str {
        if self.kind == Tk::Word {
            &self.fold
        } else {
            &self.text
        }
    }

    fn is_word(&self, w: &str) -> bool {
        self.kind == Tk::Word && self.fold == w
    }

    fn is_sym(&self, set: &[&str]) -> bool {
        self.kind == Tk::Sym && set.contains(&self.text.as_str())
    }

    fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn word_in(&self, set: &HashSet<String>) -> bool {
        self.kind == Tk::Word && set.contains(self.fold.as_str())
    }

    fn word_any(&self, list: &[&str]) -> bool {
        self.kind == Tk::Word && list.contains(&self.fold.as_str())
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

/// Words (letters), numbers (ASCII digits with "." or "," between digits) and single symbols.
fn tokenize(chars: &[char]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    let mut gap = true;
    while let Some(&c) = chars.get(i) {
        if is_space(c) {
            gap = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if c.is_ascii_digit() {
            i += 1;
            while let Some(&d) = chars.get(i) {
                if d.is_ascii_digit() {
                    i += 1;
                } else if (d == '.' || d == ',')
                    && chars.get(i + 1).is_some_and(|e| e.is_ascii_digit())
                {
                    i += 2;
                } else {
                    break;
                }
            }
            Tk::Num
        } else if is_word_char(c) {
            i += 1;
            while chars.get(i).is_some_and(|&d| is_word_char(d)) {
                i += 1;
            }
            Tk::Word
        } else {
            i += 1;
            Tk::Sym
        };
        let text: String = chars.get(start..i).unwrap_or_default().iter().collect();
        let fold = if kind == Tk::Word {
            fold_word(&text)
        } else {
            String::new()
        };
        toks.push(Tok {
            kind,
            start,
            end: i,
            text,
            fold,
            gap,
        });
        gap = false;
    }
    toks
}

/// Lower case, "ð" as "đ", and the tone of a final "oa", "oe", "uy" on its first vowel, so
/// "Hoá"/"hóa" and "Thuỷ"/"thủy" compare equal.
fn fold_word(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'Ð' | 'ð' | 'Đ' => out.push('đ'),
            c if c.is_lowercase() => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    let mut tail = out.chars().rev();
    if let (Some(b), Some(a)) = (tail.next(), tail.next()) {
        if let Some((a2, b2)) = move_tone(a, b) {
            out.truncate(out.len() - a.len_utf8() - b.len_utf8());
            out.push(a2);
            out.push(b2);
        }
    }
    out
}

fn move_tone(a: char, b: char) -> Option<(char, char)> {
    const O_TONED: [char; 5] = ['ó', 'ò', 'ỏ', 'õ', 'ọ'];
    const U_TONED: [char; 5] = ['ú', 'ù', 'ủ', 'ũ', 'ụ'];
    const A_TONED: [char; 5] = ['á', 'à', 'ả', 'ã', 'ạ'];
    const E_TONED: [char; 5] = ['é', 'è', 'ẻ', 'ẽ', 'ẹ'];
    const Y_TONED: [char; 5] = ['ý', 'ỳ', 'ỷ', 'ỹ', 'ỵ'];
    let find = |set: &[char; 5]| set.iter().position(|&x| x == b);
    match a {
        'o' => {
            if let Some(k) = find(&A_TONED) {
                return Some((O_TONED[k], 'a'));
            }
            find(&E_TONED).map(|k| (O_TONED[k], 'e'))
        }
        'u' => find(&Y_TONED).map(|k| (U_TONED[k], 'y')),
        _ => None,
    }
}

/// "Ð" (U+00D0) typed for "Đ", and "ð" for "đ".
fn norm_d(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Ð' => 'Đ',
            'ð' => 'đ',
            c => c,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Numbers.

/// A decimal number: `mant / 10^frac`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    mant: u128,
    frac: u32,
}

impl Dec {
    /// The number times 10^exp, exact where f64 allows.
    fn value(self, exp: i32) -> f64 {
        let e = exp - i32::try_from(self.frac).unwrap_or(i32::MAX / 2);
        if e >= 0 {
            let exact = u32::try_from(e)
                .ok()
                .and_then(|e| 10u128.checked_pow(e))
                .and_then(|p| self.mant.checked_mul(p));
            match exact {
                Some(v) => v as f64,
                None => self.mant as f64 * 10f64.powi(e),
            }
        } else {
            self.mant as f64 / 10f64.powi(-e)
        }
    }
}

/// Reads "1.500.000" (dots group thousands), "1,5" (comma is the decimal mark), "1.234,56",
/// "1,500,000" and "1,234.56" (English), "2.5" and "7.6" (a dot before other than three digits
/// is a decimal point). A single comma before three digits is decimal ("33,229 triệu") unless
/// `english` (after "$": "$1,500"). `None` for malformed groups ("1.2.3", "16.7.2024").
fn parse_num(raw: &str, english: bool) -> Option<Dec> {
    let groups: Vec<&str> = raw.split(['.', ',']).collect();
    if groups
        .iter()
        .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let seps: Vec<char> = raw.chars().filter(|&c| c == '.' || c == ',').collect();
    let decimal = match seps.last() {
        None => false,
        Some(&last) => {
            let n_last = seps.iter().filter(|&&c| c == last).count();
            if seps.iter().any(|&c| c != last) {
                if n_last != 1 {
                    return None;
                }
                true
            } else if seps.len() >= 2 {
                false
            } else {
                let first = groups.first().copied().unwrap_or("");
                let after = groups.get(1).copied().unwrap_or("");
                let thousands_like =
                    after.len() == 3 && first.len() <= 3 && !first.starts_with('0');
                if last == '.' {
                    !thousands_like
                } else {
                    !(english && thousands_like)
                }
            }
        }
    };
    let (int_groups, frac) = if decimal {
        let (last, init) = groups.split_last()?;
        (init, *last)
    } else {
        (&groups[..], "")
    };
    if int_groups.len() > 1 {
        let first = int_groups.first()?;
        if first.len() > 3
            || first.starts_with('0')
            || int_groups.iter().skip(1).any(|g| g.len() != 3)
        {
            return None;
        }
    }
    let mut digits: String = int_groups.concat();
    digits.push_str(frac);
    if digits.is_empty() || digits.len() > 36 {
        return None;
    }
    let mant = digits.parse::<u128>().ok()?;
    Some(Dec {
        mant,
        frac: u32::try_from(frac.len()).ok()?,
    })
}

/// A number of money: "1,5 tỷ", "3 nghìn tỷ", "1 tỷ 200 triệu", "40.900".
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// Token after it.
    end: usize,
    num: Dec,
    /// Power of ten of the scale words after the first number.
    exp: i32,
    value: f64,
    has_scale: bool,
}

// ---------------------------------------------------------------------------------------------
// The scanner.

struct Scan<'a> {
    chars: &'a [char],
    toks: &'a [Tok],
}

const CONNECTORS: &[&str] = &["-", "–", "—", "~"];
const SIGNS: &[&str] = &["-", "−", "+"];
const OPENERS: &[&str] = &["(", "[", "{", "\"", "“", "‘", "'", "«", "<"];
const CODE_JOINERS: &[&str] = &["/", "-", "‐", "‑"];

impl Scan<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// Whether the tokens from `j` read `words` (folded words, symbols as written).
    fn phrase_at(&self, j: usize, words: &[String]) -> bool {
        !words.is_empty()
            && words
                .iter()
                .enumerate()
                .all(|(m, w)| self.tok(j + m).is_some_and(|t| t.key() == w))
    }

    /// The mention spanning tokens `ts..te`.
    fn mention(
        &self,
        kind: NumericKind,
        ts: usize,
        te: usize,
        value: Option<f64>,
        currency: Option<&str>,
        canonical: Option<String>,
    ) -> Option<(NumericMention, usize)> {
        let start = self.tok(ts)?.start;
        let end = self.tok(te.checked_sub(1)?)?.end;
        let text: String = self.chars.get(start..end)?.iter().collect();
        Some((
            NumericMention {
                kind,
                start,
                end,
                text,
                value,
                currency: currency.map(str::to_owned),
                canonical,
            },
            te,
        ))
    }

    /// A mention starting at token `i`, and the token after it.
    fn at(&self, i: usize) -> Option<(NumericMention, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            Tk::Word => {
                if let Some(m) = self.document_at(i) {
                    return Some(m);
                }
                let iso = DOLLAR_PREFIXES
                    .iter()
                    .find(|(p, _)| *p == t.text)
                    .map(|&(_, iso)| iso)?;
                let dollar = self.tok(i + 1)?;
                if dollar.gap || !dollar.is_sym(&["$"]) || !self.start_ok(i) {
                    return None;
                }
                self.money(i + 2, Some((i, iso)))
            }
            Tk::Sym => {
                if let Some(&(_, iso)) = PREFIX_SYMBOLS.iter().find(|(s, _)| *s == t.text) {
                    if self.start_ok(i) && self.tok(i + 1).is_some_and(|n| n.kind == Tk::Num) {
                        return self.money(i + 1, Some((i, iso)));
                    }
                    return None;
                }
                if t.is_sym(SIGNS) && self.sign_context(i) {
                    let n = self.tok(i + 1)?;
                    if n.kind == Tk::Num && !n.gap {
                        return self.percent(i + 1, Some(i));
                    }
                }
                None
            }
            Tk::Num => {
                if let Some(m) = self.bare_document(i) {
                    return Some(m);
                }
                if !self.num_start_ok(i) {
                    return None;
                }
                self.percent(i, None).or_else(|| self.money(i, None))
            }
        }
    }

    /// Nothing glued before token `i` but an opening bracket or quote.
    fn start_ok(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if i == 0 || t.gap {
            return true;
        }
        self.tok(i - 1).is_some_and(|p| p.is_sym(OPENERS))
    }

    /// A "-" at `i` that is a sign, not a hyphen or a range.
    fn sign_context(&self, i: usize) -> bool {
        self.start_ok(i)
    }

    /// A number at `i` that is not the tail of a code or a date ("M4", "16/7", "A-5").
    fn num_start_ok(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if i == 0 || t.gap {
            return true;
        }
        let Some(p) = self.tok(i - 1) else {
            return true;
        };
        match p.kind {
            Tk::Word | Tk::Num => false,
            Tk::Sym => {
                if p.is_sym(OPENERS) {
                    return true;
                }
                if p.is_sym(SIGNS) {
                    return self.sign_context(i - 1);
                }
                if PREFIX_SYMBOLS.iter().any(|(s, _)| *s == p.text) {
                    return false;
                }
                p.gap || i < 2 || self.tok(i - 2).is_none_or(|q| q.kind == Tk::Sym)
            }
        }
    }

    // --- percentages ---------------------------------------------------------------------

    /// "%", "％" or "phần trăm" at `j`: the token after it.
    fn pct_after(&self, j: usize) -> Option<usize> {
        let t = self.tok(j)?;
        if t.is_sym(&["%", "％"]) {
            return Some(j + 1);
        }
        if t.is_word("phần") && self.tok(j + 1).is_some_and(|u| u.is_word("trăm")) {
            return Some(j + 2);
        }
        None
    }

    fn signed(&self, i: usize, sign: Option<usize>) -> Option<f64> {
        let v = parse_num(&self.tok(i)?.text, false)?.value(0);
        let neg = sign
            .and_then(|s| self.tok(s))
            .is_some_and(|s| s.text != "+");
        Some(if neg { -v } else { v })
    }

    /// A range's second half at `k`: connector, optional sign, number, percent sign.
    fn pct_range_tail(&self, k: usize) -> Option<(f64, usize)> {
        let c = self.tok(k)?;
        if !(c.is_sym(CONNECTORS) || c.word_any(&["đến", "tới"])) {
            return None;
        }
        let (sign, n) = match self.tok(k + 1)? {
            s if s.is_sym(SIGNS) && self.tok(k + 2).is_some_and(|n| !n.gap) => (Some(k + 1), k + 2),
            _ => (None, k + 1),
        };
        if self.tok(n)?.kind != Tk::Num {
            return None;
        }
        let v = self.signed(n, sign)?;
        Some((v, self.pct_after(n + 1)?))
    }

    /// "15%", "15,5 %", "-2,3%", "15 phần trăm", "58 đến 63%", "5%-7%".
    fn percent(&self, i: usize, sign: Option<usize>) -> Option<(NumericMention, usize)> {
        let v1 = self.signed(i, sign)?;
        let start = sign.unwrap_or(i);
        let pct = NumericKind::Percent;
        if let Some(e1) = self.pct_after(i + 1) {
            if let Some((v2, e2)) = self.pct_range_tail(e1) {
                if v1 <= v2 {
                    return self.mention(pct, start, e2, Some(v1), None, None);
                }
            }
            return self.mention(pct, start, e1, Some(v1), None, None);
        }
        let (v2, e2) = self.pct_range_tail(i + 1)?;
        if v1 <= v2 {
            self.mention(pct, start, e2, Some(v1), None, None)
        } else {
            None
        }
    }

    // --- money ---------------------------------------------------------------------------

    /// The power of ten of a scale word at `j` ("tỷ" but not "tỷ phú").
    fn scale_at(&self, j: usize) -> Option<i32> {
        let t = self.tok(j)?;
        if t.kind != Tk::Word {
            return None;
        }
        let &(w, e) = SCALES.iter().find(|(w, _)| *w == t.fold)?;
        if let Some((_, blocked)) = SCALE_BLOCKED_BY_NEXT.iter().find(|(s, _)| *s == w) {
            if self.tok(j + 1).is_some_and(|n| n.word_any(blocked)) {
                return None;
            }
        }
        Some(e)
    }

    /// Scale words from `j`: their summed power and the token after them.
    fn scales(&self, mut j: usize) -> (i32, usize) {
        let mut exp = 0;
        let mut n = 0;
        while n < 3 {
            match self.scale_at(j) {
                Some(e) => {
                    exp += e;
                    j += 1;
                    n += 1;
                }
                None => break,
            }
        }
        (exp, j)
    }

    /// A number at `i` with its scale words, and the smaller parts of a compound amount
    /// ("1 tỷ 200 triệu").
    fn amount(&self, i: usize, english: bool) -> Option<Amount> {
        let t = self.tok(i)?;
        if t.kind != Tk::Num {
            return None;
        }
        let num = parse_num(&t.text, english)?;
        let (exp, mut j) = self.scales(i + 1);
        let has_scale = j > i + 1;
        let mut value = num.value(exp);
        if has_scale {
            let mut last = exp;
            while let Some(t2) = self.tok(j) {
                if t2.kind != Tk::Num || !t2.gap || t2.text.len() > 3 {
                    break;
                }
                let Ok(n2) = t2.text.parse::<u32>() else {
                    break;
                };
                let (e2, k) = self.scales(j + 1);
                if k == j + 1 || e2 >= last || f64::from(n2) >= 10f64.powi(last - e2) {
                    break;
                }
                value += f64::from(n2) * 10f64.powi(e2);
                last = e2;
                j = k;
            }
        }
        Some(Amount {
            end: j,
            num,
            exp,
            value,
            has_scale,
        })
    }

    /// A currency at `j`: its ISO code and the token after it.
    fn currency_at(&self, j: usize, has_scale: bool) -> Option<(&'static str, usize)> {
        let first = self.tok(j)?;
        if first.kind == Tk::Num {
            return None;
        }
        for (words, iso) in &TABLES.currencies {
            let matched = words
                .iter()
                .enumerate()
                .all(|(m, w)| self.tok(j + m).is_some_and(|t| t.key() == w));
            if !matched || words.is_empty() {
                continue;
            }
            let end = j + words.len();
            if self.currency_ok(words, j, end, has_scale) {
                return Some((iso, end));
            }
        }
        None
    }

    /// Readings of currency words that are other words.
    fn currency_ok(&self, words: &[String], j: usize, end: usize, has_scale: bool) -> bool {
        let Some(first) = self.tok(j) else {
            return false;
        };
        let next = self.tok(end);
        // A symbol currency glued to letters is something else ("5$abc").
        if next.is_some_and(|n| !n.gap && n.kind == Tk::Word) {
            return false;
        }
        let single = words.len() == 1;
        match words.first().map(String::as_str) {
            Some("đồng") if single => {
                if has_scale {
                    return true;
                }
                match next {
                    Some(n) if n.kind == Tk::Word => {
                        !(n.word_in(&TABLES.dong_not_currency)
                            || first.capitalized() && n.capitalized())
                    }
                    _ => true,
                }
            }
            Some("đô") if single => has_scale || next.is_none_or(|n| n.kind != Tk::Word),
            Some("yên") if single => !first.capitalized(),
            Some("won") if single => first.text == "won" || first.text == "WON",
            Some("tệ") if single => has_scale,
            // "bảng" is also a table or a board: money with a scale word ("125 triệu bảng").
            Some("bảng") if single => has_scale,
            Some("euro") if single => !next.is_some_and(|n| n.kind == Tk::Num && n.text.len() == 4),
            _ => true,
        }
    }

    /// A connector at `k` ("-", "–", "đến", "tới"; `symbolic` only the former): the token after.
    fn connector(&self, k: usize, symbolic: bool) -> Option<usize> {
        let c = self.tok(k)?;
        (c.is_sym(CONNECTORS) || !symbolic && c.word_any(&["đến", "tới"])).then_some(k + 1)
    }

    /// "770 tỷ đồng", "40.900 đồng", "1.099 USD", "$5 triệu", "3 - 4 triệu đồng", "100 đến 150
    /// USD", and amounts without a currency word that are clearly money ("mất 2.200 tỷ vốn hoá").
    fn money(
        &self,
        i: usize,
        prefix: Option<(usize, &'static str)>,
    ) -> Option<(NumericMention, usize)> {
        let english = prefix.is_some();
        let a1 = self.amount(i, english)?;
        let start = prefix.map_or(i, |p| p.0);
        let money = NumericKind::Money;
        if prefix.is_none() {
            if let Some((iso, ce)) = self.currency_at(a1.end, a1.has_scale) {
                // "3 triệu đồng - 4 triệu đồng"
                if let Some(k) = self.connector(ce, true) {
                    if let Some(a2) = self.amount(k, false) {
                        if let Some((iso2, ce2)) = self.currency_at(a2.end, a2.has_scale) {
                            if iso2 == iso && a1.value <= a2.value {
                                return self.mention(
                                    money,
                                    start,
                                    ce2,
                                    Some(a1.value),
                                    Some(iso),
                                    None,
                                );
                            }
                        }
                    }
                }
                return self.mention(money, start, ce, Some(a1.value), Some(iso), None);
            }
        }
        // A range: "10-15 triệu đồng", "5 đến 7 tỷ đồng", "$100-$150".
        if let Some(mut k) = self.connector(a1.end, false) {
            if let Some(p) = prefix {
                let sym = self.tok(p.0).map(|t| t.text.as_str());
                if self.tok(k).is_some_and(|t| Some(t.text.as_str()) == sym) {
                    k += 1;
                }
            }
            if let Some(a2) = self.amount(k, english) {
                if a2.has_scale || !a1.has_scale {
                    let lo = if a1.has_scale {
                        a1.value
                    } else {
                        a1.num.value(a2.exp)
                    };
                    if lo <= a2.value {
                        let cur = match prefix {
                            Some((_, iso)) => Some((iso, a2.end)),
                            None => self.currency_at(a2.end, a1.has_scale || a2.has_scale),
                        };
                        if let Some((iso, ce)) = cur {
                            return self.mention(money, start, ce, Some(lo), Some(iso), None);
                        }
                        if self.bare_money(i, &a2) {
                            return self.mention(money, start, a2.end, Some(lo), Some("VND"), None);
                        }
                    }
                }
            }
        }
        if let Some((_, iso)) = prefix {
            return self.mention(money, start, a1.end, Some(a1.value), Some(iso), None);
        }
        if self.bare_money(i, &a1) {
            return self.mention(money, start, a1.end, Some(a1.value), Some("VND"), None);
        }
        None
    }

    /// An amount without a currency that is money (Vietnamese dong by the conventions): a
    /// scale of a million or more, nothing counted after it, and a money word before it ("giá",
    /// "thu", "mất", "lãi", "phạt"…, framing words allowed between) or a money noun after it.
    fn bare_money(&self, first: usize, a: &Amount) -> bool {
        if !a.has_scale || a.exp < 6 {
            return false;
        }
        if TABLES
            .money_nouns_after
            .iter()
            .any(|words| self.phrase_at(a.end, words))
        {
            return true;
        }
        let follower_ok = match self.tok(a.end) {
            None => true,
            Some(t) => match t.kind {
                Tk::Sym => !t.is_sym(&["%", "％"]),
                Tk::Num => false,
                Tk::Word => t.capitalized() || t.word_in(&TABLES.money_followers),
            },
        };
        follower_ok && self.money_cue_before(first)
    }

    /// A money cue ending right before token `first`, or before up to three framing words
    /// ("trị giá khoảng", "thu gần"); never across punctuation.
    fn money_cue_before(&self, first: usize) -> bool {
        let mut k = first;
        let mut skipped = 0;
        while k > 0 {
            k -= 1;
            let Some(t) = self.tok(k) else { return false };
            if t.kind != Tk::Word {
                return false;
            }
            if t.word_in(&TABLES.money_cues) {
                return true;
            }
            let cue2 = TABLES.money_cues2.iter().any(|words| {
                (k + 1)
                    .checked_sub(words.len())
                    .is_some_and(|from| self.phrase_at(from, words))
            });
            if cue2 {
                return true;
            }
            if !t.word_in(&TABLES.framing) || skipped >= 3 {
                return false;
            }
            skipped += 1;
        }
        false
    }

    // --- documents -----------------------------------------------------------------------

    /// A kind word at `i` (longest first): its token count, name in full and class.
    fn kind_at(&self, i: usize) -> Option<(usize, &'static str, Class)> {
        let t = self.tok(i)?;
        if t.kind != Tk::Word {
            return None;
        }
        if t.text.len() <= 5 && t.capitalized() {
            let plain = norm_d(&t.text);
            if let Some(&(_, canon, class)) =
                KIND_ABBREVIATIONS.iter().find(|(a, _, _)| *a == plain)
            {
                return Some((1, canon, class));
            }
        }
        let list = TABLES.kinds.get(&t.fold)?;
        list.iter().find_map(|(words, canon, class)| {
            let ok = words.iter().enumerate().all(|(m, w)| {
                self.tok(i + m)
                    .is_some_and(|u| u.kind == Tk::Word && u.fold == *w && (m == 0 || u.gap))
            });
            ok.then_some((words.len(), *canon, *class))
        })
    }

    /// A document introduced by a kind word at `i`.
    fn document_at(&self, i: usize) -> Option<(NumericMention, usize)> {
        let (n, canon, class) = self.kind_at(i)?;
        let t = self.tok(i)?;
        let cap = t.capitalized();
        let mut j = i + n;
        let mut so = false;
        if self.tok(j).is_some_and(|u| u.is_word("số")) {
            so = true;
            j += 1;
            if self.tok(j).is_some_and(|u| u.is_sym(&[":"])) {
                j += 1;
            }
        }
        if self.tok(j).is_some_and(|u| u.kind == Tk::Num) {
            let (k, code, issuer) = self.gather_code(j, true);
            if self.number_ok(class, cap || so, so, &code, issuer, k) {
                let canonical = format!("{canon} {code}");
                return self.mention(NumericKind::Document, i, k, None, None, Some(canonical));
            }
        }
        if so {
            return None;
        }
        match class {
            Class::Law | Class::Constitution => self.named_law(i, n, canon, class, cap),
            _ => None,
        }
    }

    /// The gapless run of numbers, letters, "/" and "-" from `j`: the token after it, the
    /// number as text (Ð as Đ, hyphens as "-"), and whether an issuer in words was added
    /// ("06/Chính phủ").
    fn gather_code(&self, j: usize, issuer: bool) -> (usize, String, bool) {
        let mut code = self.tok(j).map(|t| t.text.clone()).unwrap_or_default();
        let mut k = j + 1;
        while let Some(t) = self.tok(k) {
            if t.gap {
                break;
            }
            if matches!(t.kind, Tk::Word | Tk::Num) {
                code.push_str(&t.text);
            } else if t.is_sym(CODE_JOINERS)
                && self
                    .tok(k + 1)
                    .is_some_and(|u| !u.gap && matches!(u.kind, Tk::Word | Tk::Num))
            {
                code.push(if t.text == "/" { '/' } else { '-' });
            } else {
                break;
            }
            k += 1;
        }
        let mut extended = false;
        if issuer && k >= j + 3 {
            let last = self.tok(k - 1);
            let slash = self.tok(k - 2).is_some_and(|s| s.is_sym(&["/"]));
            if slash && last.is_some_and(|l| l.kind == Tk::Word && l.capitalized()) {
                let start = k - 1;
                let found = TABLES.issuers.iter().find(|words| {
                    words.len() >= 2
                        && words.iter().enumerate().all(|(m, w)| {
                            self.tok(start + m).is_some_and(|u| {
                                u.kind == Tk::Word && u.fold == *w && (m == 0 || u.gap)
                            })
                        })
                });
                if let Some(words) = found {
                    for m in 1..words.len() {
                        if let Some(u) = self.tok(start + m) {
                            code.push(' ');
                            code.push_str(&u.text);
                        }
                    }
                    k = start + words.len();
                    extended = true;
                }
            }
        }
        (k, norm_d(&code), extended)
    }

    /// Whether `code` is a document number after a kind of `class`.
    fn number_ok(
        &self,
        class: Class,
        cap: bool,
        so: bool,
        code: &str,
        issuer: bool,
        k: usize,
    ) -> bool {
        if RE_DOC_SHAPED.is_match(code) {
            return true;
        }
        let short = issuer || RE_DOC_SHORT.is_match(code);
        let bare = RE_DOC_BARE.is_match(code);
        match class {
            Class::Law | Class::Constitution | Class::Shaped => so && (short || bare),
            Class::Strong | Class::Weak => {
                if short {
                    cap
                } else if bare {
                    so || cap && self.bare_follow_ok(class, code, k)
                } else {
                    false
                }
            }
        }
    }

    /// What may follow a bare number after a capitalized kind: not a counted noun ("Kế hoạch 5
    /// năm"), and after a weak kind a word that continues a designation.
    fn bare_follow_ok(&self, class: Class, code: &str, k: usize) -> bool {
        let weak = class == Class::Weak;
        let year_like = code.len() == 4 && (code.starts_with("19") || code.starts_with("20"));
        if weak && year_like {
            return false;
        }
        let Some(t) = self.tok(k) else { return true };
        match t.kind {
            Tk::Sym => !t.is_sym(&["%", "％"]),
            Tk::Num => false,
            Tk::Word => {
                let next_num = self.tok(k + 1).is_some_and(|u| u.kind == Tk::Num);
                if t.is_word("ngày") && next_num {
                    return true;
                }
                if t.is_word("năm") && !weak && self.year_at(k + 1).is_some() {
                    return true;
                }
                if t.word_in(&TABLES.counters) {
                    return false;
                }
                !weak || t.word_in(&TABLES.continuers)
            }
        }
    }

    /// A year at `k` ("2024"), standing alone.
    fn year_at(&self, k: usize) -> Option<String> {
        let t = self.tok(k)?;
        if t.kind != Tk::Num || !t.gap || t.text.len() != 4 {
            return None;
        }
        let y: u32 = t.text.parse().ok()?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        if self.tok(k + 1).is_some_and(|n| {
            !n.gap && (n.is_sym(CODE_JOINERS) || n.kind != Tk::Sym) || n.is_sym(&["%", "％"])
        }) {
            return None;
        }
        Some(t.text.clone())
    }

    /// "Luật Đất đai 2024", "Bộ luật Hình sự", "Luật Doanh nghiệp năm 2020", "Hiến pháp năm 2013".
    fn named_law(
        &self,
        i: usize,
        n: usize,
        canon: &str,
        class: Class,
        cap: bool,
    ) -> Option<(NumericMention, usize)> {
        let j = i + n;
        let mut end = j;
        let mut name = String::new();
        if class == Class::Law {
            if i > 0
                && self
                    .tok(i - 1)
                    .is_some_and(|p| p.word_in(&TABLES.law_prev_block))
            {
                return None;
            }
            let first = self.tok(j)?;
            if first.kind != Tk::Word
                || !first.capitalized()
                || !first.gap
                || first.word_in(&TABLES.law_not_name)
            {
                return None;
            }
            let known = TABLES.laws.iter().find(|words| {
                words.iter().enumerate().all(|(m, w)| {
                    self.tok(j + m)
                        .is_some_and(|u| u.key() == w && (m == 0 || u.gap || u.kind == Tk::Sym))
                })
            });
            end = match known {
                Some(words) => j + words.len(),
                None if cap => {
                    let mut e = j + 1;
                    while e < j + 6
                        && self.tok(e).is_some_and(|u| {
                            u.kind == Tk::Word
                                && u.gap
                                && !u.capitalized()
                                && !u.word_in(&TABLES.law_stop)
                        })
                    {
                        e += 1;
                    }
                    e
                }
                None => return None,
            };
            let s = self.tok(j)?.start;
            let e = self.tok(end - 1)?.end;
            let raw: String = self.chars.get(s..e)?.iter().collect();
            name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        let (year, stop) = match self.year_at(end) {
            Some(y) => (Some(y), end + 1),
            None if self.tok(end).is_some_and(|u| u.is_word("năm")) => {
                match self.year_at(end + 1) {
                    Some(y) => (Some(y), end + 2),
                    None => (None, end),
                }
            }
            None => (None, end),
        };
        if class == Class::Constitution && year.is_none() {
            return None;
        }
        let mut canonical = canon.to_owned();
        for part in [Some(name), year].into_iter().flatten() {
            if !part.is_empty() {
                canonical.push(' ');
                canonical.push_str(&part);
            }
        }
        self.mention(
            NumericKind::Document,
            i,
            stop,
            None,
            None,
            Some(norm_d(&canonical)),
        )
    }

    /// A shaped number with no kind word before it ("… và 123/2021/NĐ-CP").
    fn bare_document(&self, i: usize) -> Option<(NumericMention, usize)> {
        if !self.start_ok(i) {
            return None;
        }
        let (k, code, _) = self.gather_code(i, false);
        if k > i + 1 && RE_DOC_SHAPED.is_match(&code) {
            return self.mention(NumericKind::Document, i, k, None, None, Some(code));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(NumericKind, String)> {
        find_numeric(text)
            .into_iter()
            .map(|m| (m.kind, m.text))
            .collect()
    }

    fn one(text: &str) -> NumericMention {
        let all = find_numeric(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().expect("one mention")
    }

    fn money(text: &str, span: &str, value: f64, iso: &str) {
        let m = one(text);
        assert_eq!(m.kind, NumericKind::Money, "{text}");
        assert_eq!(m.text, span, "{text}");
        assert_eq!(m.value, Some(value), "{text}");
        assert_eq!(m.currency.as_deref(), Some(iso), "{text}");
        check_offsets(text, &[m]);
    }

    fn percent(text: &str, span: &str, value: f64) {
        let m = one(text);
        assert_eq!(m.kind, NumericKind::Percent, "{text}");
        assert_eq!(m.text, span, "{text}");
        assert_eq!(m.value, Some(value), "{text}");
        check_offsets(text, &[m]);
    }

    fn doc(text: &str, span: &str, canonical: &str) {
        let m = one(text);
        assert_eq!(m.kind, NumericKind::Document, "{text}");
        assert_eq!(m.text, span, "{text}");
        assert_eq!(m.canonical.as_deref(), Some(canonical), "{text}");
        check_offsets(text, &[m]);
    }

    fn none(text: &str) {
        assert_eq!(find_numeric(text), vec![], "{text}");
    }

    fn check_offsets(text: &str, ms: &[NumericMention]) {
        let mut prev_end = 0;
        for m in ms {
            assert!(m.start < m.end && m.start >= prev_end, "{text}: {ms:?}");
            let got: String = text.chars().skip(m.start).take(m.end - m.start).collect();
            assert_eq!(got, m.text, "{text}");
            prev_end = m.end;
        }
    }

    // --- numbers

    #[test]
    fn number_formats() {
        let v = |s: &str, en: bool| parse_num(s, en).map(|d| d.value(0));
        assert_eq!(v("1.500.000", false), Some(1_500_000.0));
        assert_eq!(v("1,5", false), Some(1.5));
        assert_eq!(v("1.234,56", false), Some(1234.56));
        assert_eq!(v("1,500,000", false), Some(1_500_000.0));
        assert_eq!(v("1,234.56", false), Some(1234.56));
        assert_eq!(v("2.5", false), Some(2.5));
        assert_eq!(v("7.6", false), Some(7.6));
        assert_eq!(v("2.200", false), Some(2200.0));
        assert_eq!(v("33,229", false), Some(33.229));
        assert_eq!(v("1,500", true), Some(1500.0));
        assert_eq!(v("0.500", false), Some(0.5));
        assert_eq!(v("1.2.3", false), None);
        assert_eq!(v("16.7.2024", false), None);
        assert_eq!(v("1.234.56", false), None);
        assert_eq!(v("1,2.345,6", false), None);
    }

    #[test]
    fn fold_accepts_both_tone_placements() {
        assert_eq!(fold_word("hoá"), fold_word("hóa"));
        assert_eq!(fold_word("Thuỷ"), fold_word("thủy"));
        assert_eq!(fold_word("Ðề"), "đề");
    }

    // --- money

    #[test]
    fn money_vietnamese_amounts() {
        money(
            "tổng vốn hơn 770 tỷ đồng, diện tích",
            "770 tỷ đồng",
            770e9,
            "VND",
        );
        money(
            "về 40.900 đồng/cp - vùng đáy",
            "40.900 đồng",
            40_900.0,
            "VND",
        );
        money(
            "giá bán lẻ khoảng 3,2 triệu đồng.",
            "3,2 triệu đồng",
            3_200_000.0,
            "VND",
        );
        money(
            "từ 33,229 triệu đồng - Ảnh",
            "33,229 triệu đồng",
            33_229_000.0,
            "VND",
        );
        money(
            "trả thêm 2.009.000 đồng.",
            "2.009.000 đồng",
            2_009_000.0,
            "VND",
        );
        money("vay 1,5 tỷ đồng", "1,5 tỷ đồng", 1_500_000_000.0, "VND");
        money("còn 1.234,56 đồng", "1.234,56 đồng", 1234.56, "VND");
        money("giá 50.000đ một ly", "50.000đ", 50_000.0, "VND");
        money("chỉ 99.000 VNĐ", "99.000 VNĐ", 99_000.0, "VND");
        money(
            "khoảng 7.6 triệu đồng",
            "7.6 triệu đồng",
            7_600_000.0,
            "VND",
        );
        money("nợ 1,500,000 VND", "1,500,000 VND", 1_500_000.0, "VND");
        money("thu 3 nghìn tỷ đồng", "3 nghìn tỷ đồng", 3e12, "VND");
        money(
            "mua với giá 1 tỷ 200 triệu đồng",
            "1 tỷ 200 triệu đồng",
            1.2e9,
            "VND",
        );
        money(
            "chi 5 trăm nghìn đồng",
            "5 trăm nghìn đồng",
            500_000.0,
            "VND",
        );
        money("giá 2,5 tỉ đồng", "2,5 tỉ đồng", 2.5e9, "VND");
        money("nhận 5 ngàn đồng", "5 ngàn đồng", 5000.0, "VND");
    }

    #[test]
    fn money_foreign_currencies() {
        money("tăng từ 1.699 USD lên", "1.699 USD", 1699.0, "USD");
        money("trung bình 246,67 USD,", "246,67 USD", 246.67, "USD");
        money(
            "bồi thường 435 triệu euro vì",
            "435 triệu euro",
            435e6,
            "EUR",
        );
        money("gọi vốn $5 triệu", "$5 triệu", 5e6, "USD");
        money("raised $2.5 billion", "$2.5 billion", 2.5e9, "USD");
        money("giá $1,500 một chiếc", "$1,500", 1500.0, "USD");
        money("thu về US$ 20 triệu", "US$ 20 triệu", 20e6, "USD");
        money("khoản 100 đô la Mỹ", "100 đô la Mỹ", 100.0, "USD");
        money("được 5 triệu đô", "5 triệu đô", 5e6, "USD");
        money("giá €100 mỗi vé", "€100", 100.0, "EUR");
        money("chi 2 tỷ EUR", "2 tỷ EUR", 2e9, "EUR");
        money("trị giá 10 triệu yên", "10 triệu yên", 10e6, "JPY");
        money("lỗ 3 tỷ yên Nhật", "3 tỷ yên Nhật", 3e9, "JPY");
        money("khoảng 500 nhân dân tệ", "500 nhân dân tệ", 500.0, "CNY");
        money("tới 20 tỷ NDT", "20 tỷ NDT", 20e9, "CNY");
        money("lương 3 triệu won", "3 triệu won", 3e6, "KRW");
        money("phạt 200 bảng Anh", "200 bảng Anh", 200.0, "GBP");
        money(
            "phí chuyển nhượng 125 triệu bảng",
            "125 triệu bảng",
            125e6,
            "GBP",
        );
        money("vé 150.000 rupiah", "150.000 rupiah", 150_000.0, "IDR");
        money("giá 20.000 baht", "20.000 baht", 20_000.0, "THB");
    }

    #[test]
    fn money_ranges_are_one_mention() {
        money(
            "Xiaomi hạ giá 3 - 4 triệu đồng loạt điều hòa",
            "3 - 4 triệu đồng",
            3e6,
            "VND",
        );
        money(
            "lương 10-15 triệu đồng/tháng",
            "10-15 triệu đồng",
            10e6,
            "VND",
        );
        money("từ 5 đến 7 tỷ đồng", "5 đến 7 tỷ đồng", 5e9, "VND");
        money(
            "thêm 100 đến 150 USD từ tháng 8",
            "100 đến 150 USD",
            100.0,
            "USD",
        );
        money("giá $100-$150", "$100-$150", 100.0, "USD");
        money(
            "giá 3 triệu đồng - 4 triệu đồng",
            "3 triệu đồng - 4 triệu đồng",
            3e6,
            "VND",
        );
        // The upper bound below the lower one: no range ("năm 2024 - 5 triệu đồng").
        let all = find_numeric("năm 2024 - 5 triệu đồng");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].text, "5 triệu đồng");
    }

    #[test]
    fn money_without_currency_word() {
        money(
            "PNJ mất 2.200 tỷ vốn hoá: Chứng khoán",
            "2.200 tỷ",
            2.2e12,
            "VND",
        );
        money(
            "Hải Phòng thu gần 9.500 tỷ từ xuất nhập khẩu",
            "9.500 tỷ",
            9.5e12,
            "VND",
        );
        money(
            "CU/CS-PU9CKH-8D giảm giá 5 triệu, điều hòa 9000 BTU",
            "5 triệu",
            5e6,
            "VND",
        );
        money("ước lãi ròng 820 tỷ trong quý", "820 tỷ", 820e9, "VND");
        money("doanh thu đạt 1,2 tỷ", "1,2 tỷ", 1.2e9, "VND");
    }

    #[test]
    fn not_money() {
        none("có model đắt thêm hàng chục triệu đồng.");
        none("khoảng 10,8 triệu đơn vi, tương ứng");
        none("dân số 5,8 triệu người");
        none("quy mô 5.600 con lợn nái và hơn 150.000 con lợn thịt");
        none("những tỷ phú USD");
        none("có 2 tỷ phú");
        none("thu hút 5 triệu lượt khách");
        none("tăng 5 triệu");
        none("3 đồng chí được khen thưởng");
        none("lịch chốt quyền 20-24/7");
        none("hơn 5.024 tổ chuyển đổi số");
        none("điều hòa 9000 BTU cho phòng dưới 15m2");
        none("2 Euro 2024 liên tiếp");
    }

    #[test]
    fn money_gold_paragraph() {
        let text = "MacBook Air tăng từ 1.099 USD lên 1.299 USD, tương đương tăng thêm hơn 5,2 \
                    triệu đồng. Mức tăng trung bình là 246,67 USD, tương đương hơn 6,5 triệu đồng \
                    mỗi sản phẩm.";
        let all = find_numeric(text);
        check_offsets(text, &all);
        let spans: Vec<&str> = all.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            spans,
            [
                "1.099 USD",
                "1.299 USD",
                "5,2 triệu đồng",
                "246,67 USD",
                "6,5 triệu đồng"
            ]
        );
        assert!(all.iter().all(|m| m.kind == NumericKind::Money));
    }

    // --- percentages

    #[test]
    fn percentages() {
        percent("mất 6,3% giá trị", "6,3%", 6.3);
        percent("giảm tới 35% trong 10 phiên", "35%", 35.0);
        percent("lãi suất 15 % một năm", "15 %", 15.0);
        percent("tăng 15,5% so với", "15,5%", 15.5);
        percent("tăng 15 phần trăm", "15 phần trăm", 15.0);
        percent("VN-Index giảm -2,3% phiên hôm qua", "-2,3%", -2.3);
        percent("(-1,5%)", "-1,5%", -1.5);
        percent(
            "dự báo tăng thêm 58 đến 63% trong quý II",
            "58 đến 63%",
            58.0,
        );
        percent("từ mức 15 đến 18% chỉ một quý", "15 đến 18%", 15.0);
        percent("tăng 2-3%", "2-3%", 2.0);
        percent("tăng 5%-7%", "5%-7%", 5.0);
        percent("tăng +4,2%", "+4,2%", 4.2);
        none("tăng 0,5 điểm");
    }

    #[test]
    fn percentages_in_a_paragraph() {
        let text = "giá DRAM tăng 98% chỉ trong quý I/2026, và được dự báo tăng thêm 58 đến 63% \
                    trong quý II, kiểm soát khoảng 95% sản lượng";
        let all = find(text);
        let want = [
            (NumericKind::Percent, "98%".to_owned()),
            (NumericKind::Percent, "58 đến 63%".to_owned()),
            (NumericKind::Percent, "95%".to_owned()),
        ];
        assert_eq!(all, want);
    }

    // --- documents

    #[test]
    fn documents_with_numbers() {
        doc(
            "căn cứ Nghị quyết số 205/2025/QH15 của Quốc hội",
            "Nghị quyết số 205/2025/QH15",
            "Nghị quyết 205/2025/QH15",
        );
        doc(
            "và Chỉ thị số 04-CT/TU của Thành ủy",
            "Chỉ thị số 04-CT/TU",
            "Chỉ thị 04-CT/TU",
        );
        doc(
            "theo Nghị định 123/2024/NĐ-CP",
            "Nghị định 123/2024/NĐ-CP",
            "Nghị định 123/2024/NĐ-CP",
        );
        doc(
            "Quyết định số 06/QĐ-TTg phê duyệt",
            "Quyết định số 06/QĐ-TTg",
            "Quyết định 06/QĐ-TTg",
        );
        doc(
            "Nghị quyết 57-NQ/TW về",
            "Nghị quyết 57-NQ/TW",
            "Nghị quyết 57-NQ/TW",
        );
        doc(
            "Công văn 1234/UBND-KT ngày",
            "Công văn 1234/UBND-KT",
            "Công văn 1234/UBND-KT",
        );
        doc(
            "Thông tư 24/2025/TT-BYT",
            "Thông tư 24/2025/TT-BYT",
            "Thông tư 24/2025/TT-BYT",
        );
        doc("thực hiện Đề án 06.", "Đề án 06", "Đề án 06");
        doc("Đề án 06 về \"phát triển\"", "Đề án 06", "Đề án 06");
        doc(
            "Hội nghị sơ kết Đề án 06/Chính phủ tại",
            "Đề án 06/Chính phủ",
            "Đề án 06/Chính phủ",
        );
        doc(
            "theo nghị định 100/2019/NĐ-CP",
            "nghị định 100/2019/NĐ-CP",
            "Nghị định 100/2019/NĐ-CP",
        );
        doc(
            "quyết định số 123 của",
            "quyết định số 123",
            "Quyết định 123",
        );
        doc(
            "Thông tư liên tịch 01/2014/TTLT-BTC-BTP",
            "Thông tư liên tịch 01/2014/TTLT-BTC-BTP",
            "Thông tư liên tịch 01/2014/TTLT-BTC-BTP",
        );
        doc(
            "Kết luận 126-KL/TW",
            "Kết luận 126-KL/TW",
            "Kết luận 126-KL/TW",
        );
        doc(
            "Nghị định 168 có hiệu lực",
            "Nghị định 168",
            "Nghị định 168",
        );
        doc("phạt theo NĐ 168", "NĐ 168", "Nghị định 168");
        doc(
            "Nghị định 15/2018 quy định",
            "Nghị định 15/2018",
            "Nghị định 15/2018",
        );
        doc(
            "Chương trình 135 về",
            "Chương trình 135",
            "Chương trình 135",
        );
        doc(
            "Hướng dẫn 36-HD/BTGTW",
            "Hướng dẫn 36-HD/BTGTW",
            "Hướng dẫn 36-HD/BTGTW",
        );
        doc(
            "Quyết định số: 50/QĐ-UBND",
            "Quyết định số: 50/QĐ-UBND",
            "Quyết định 50/QĐ-UBND",
        );
        doc(
            "Nghị định 100/2019/NÐ-CP",
            "Nghị định 100/2019/NÐ-CP",
            "Nghị định 100/2019/NĐ-CP",
        );
        doc(
            "Quyết định 123 ngày 5/6/2024",
            "Quyết định 123",
            "Quyết định 123",
        );
    }

    #[test]
    fn bare_document_numbers() {
        let text = "Nghị định 100/2019/NĐ-CP và 123/2021/NĐ-CP";
        let all = find_numeric(text);
        check_offsets(text, &all);
        assert_eq!(all.len(), 2);
        assert_eq!(all[1].text, "123/2021/NĐ-CP");
        assert_eq!(all[1].canonical.as_deref(), Some("123/2021/NĐ-CP"));
        doc("theo tinh thần 57-NQ/TW", "57-NQ/TW", "57-NQ/TW");
    }

    #[test]
    fn laws_by_name() {
        doc(
            "Luật Đất đai 2024 có hiệu lực",
            "Luật Đất đai 2024",
            "Luật Đất đai 2024",
        );
        doc(
            "theo Bộ luật Hình sự.",
            "Bộ luật Hình sự",
            "Bộ luật Hình sự",
        );
        doc(
            "Luật Doanh nghiệp năm 2020 quy định",
            "Luật Doanh nghiệp năm 2020",
            "Luật Doanh nghiệp 2020",
        );
        doc(
            "sửa Luật Phòng, chống tham nhũng",
            "Luật Phòng, chống tham nhũng",
            "Luật Phòng, chống tham nhũng",
        );
        doc(
            "Luật Trí tuệ nhân tạo vừa được thông qua",
            "Luật Trí tuệ nhân tạo",
            "Luật Trí tuệ nhân tạo",
        );
        doc("Luật Văn hoá mới được", "Luật Văn hoá", "Luật Văn hoá");
        doc("theo luật Đất đai", "luật Đất đai", "Luật Đất đai");
        doc(
            "Hiến pháp năm 2013 quy định",
            "Hiến pháp năm 2013",
            "Hiến pháp 2013",
        );
        doc(
            "Luật số 31/2024/QH15",
            "Luật số 31/2024/QH15",
            "Luật 31/2024/QH15",
        );
        doc("Pháp lệnh Dân số", "Pháp lệnh Dân số", "Pháp lệnh Dân số");
    }

    #[test]
    fn not_documents() {
        none("ngày 14/2/2024, Hà Nội");
        none("lập kế hoạch 5 năm");
        none("Kế hoạch 5 năm 2021-2025");
        none("Quyết định 3 người đi");
        none("Luật sư Nguyễn Văn A");
        none("Trường Đại học Luật Hà Nội");
        none("Panasonic CU/CS-PU9CKH-8D");
        none("theo quyết định 14/2/2024");
        none("Chương trình áp dụng đến ngày 27/8.");
        none("so với kế hoạch ban đầu");
        none("giai đoạn 2022 - 2025, tầm nhìn đến năm 2030");
        none("sửa đổi Hiến pháp");
        none("quý I/2026");
        none("iPhone 15/128GB");
    }

    #[test]
    fn mixed_text_in_order() {
        let text = "Theo Nghị định 168/2024/NĐ-CP, phạt đến 250 triệu đồng, tức 35% so với trước.";
        let all = find_numeric(text);
        check_offsets(text, &all);
        let kinds: Vec<NumericKind> = all.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            [
                NumericKind::Document,
                NumericKind::Money,
                NumericKind::Percent
            ]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "%",
            "$",
            "-",
            "1",
            "Nghị định",
            "Nghị định số",
            "Luật",
            "Luật Đất",
            "5 triệu",
            "US$",
            "đồng 5",
            "99999999999999999999999999999999999999999999999 tỷ đồng",
            "1.000.000.000.000.000.000.000.000.000.000.000.000.000 tỷ tỷ tỷ USD",
            "0,00000000000000000000000000000000001%",
            "Ð\u{0301}ề án 06",
            "e\u{0301}\u{0301}\u{0301}5%",
            "\u{200B}5\u{200B}%",
            "1 tỷ 999 triệu 999 nghìn 999 đồng",
        ] {
            let all = find_numeric(text);
            check_offsets(text, &all);
        }
    }

    /// A small deterministic generator (xorshift) over an alphabet of the pieces the rules
    /// look at, so random strings often come close to mentions.
    #[test]
    fn random_strings_never_panic_and_offsets_match() {
        const PIECES: &[&str] = &[
            "1",
            "5",
            "06",
            "2024",
            ".",
            ",",
            "/",
            "-",
            "–",
            " ",
            " ",
            "%",
            "$",
            "€",
            "đ",
            "đồng",
            "triệu",
            "tỷ",
            "nghìn",
            "USD",
            "đến",
            "Nghị định",
            "số",
            "NĐ",
            "-CP",
            "QĐ",
            "TTg",
            "Luật",
            "Đất đai",
            "năm",
            "Đề án",
            "phần trăm",
            "giá",
            "Ð",
            "\u{0301}",
            "😀",
            "\u{200B}",
            "hơn",
            "Chính phủ",
            "\u{A0}",
            "a",
            "Hiến pháp",
            "(",
            "kế hoạch",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..3000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            let all = find_numeric(&text);
            check_offsets(&text, &all);
        }
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn arbitrary_strings(text in "\\PC*") {
                let all = find_numeric(&text);
                let mut prev = 0;
                for m in &all {
                    prop_assert!(m.start < m.end && m.start >= prev);
                    let got: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                    prop_assert_eq!(&got, &m.text);
                    prop_assert!(m.value.is_none_or(f64::is_finite));
                    prev = m.end;
                }
            }

            #[test]
            fn vietnamese_like_strings(text in "([0-9]{1,4}[.,/ -]?){0,4}( ?(%|đồng|triệu|tỷ|USD|Nghị định|số|NĐ-CP|Luật|Đất đai|đến|năm|hơn|giá)){0,5}") {
                let all = find_numeric(&text);
                let mut prev = 0;
                for m in &all {
                    prop_assert!(m.start < m.end && m.start >= prev);
                    let got: String = text.chars().skip(m.start).take(m.end - m.start).collect();
                    prop_assert_eq!(&got, &m.text);
                    prop_assert!(m.value.is_none_or(f64::is_finite));
                    prev = m.end;
                }
            }
        }
    }
}
