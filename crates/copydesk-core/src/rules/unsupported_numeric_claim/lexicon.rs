//! The words the scanner and the context checks know: units, counters,
//! hedges, and the counted nouns that make an English number a claim.
//! Section numbers refer to the editorial convention the rule follows.

/// The first kanji of words ending in 数: 引数, 変数, 人数, 件数, 回数…
pub(super) const NUMBER_WORD_PREFIXES: &str =
    "引変関人件回点総多少係定指乱整実虚素倍奇偶分因常級桁枚字台個画手部日年行票株口員複";

/// Units and counters that belong to a figure (§6), longest first where one
/// starts another (`店舗` before `店`).
pub(super) const JA_UNITS: &[&str] = &[
    "パーセント",
    "ポイント",
    "メガワット時",
    "ギガワット時",
    "キロワット時",
    "メガワット",
    "ギガワット",
    "キロワット",
    "キログラム",
    "グラム",
    "米ドル",
    "ドル",
    "ユーロ",
    "ポンド",
    "ウォン",
    "ルピー",
    "カ国",
    "か国",
    "ヶ国",
    "か所",
    "カ所",
    "ヶ所",
    "箇所",
    "店舗",
    "拠点",
    "世帯",
    "円",
    "元",
    "%",
    "％",
    "割",
    "倍",
    "人月",
    "人日",
    "人年",
    "人",
    "名",
    "社",
    "件",
    "台",
    "機種",
    "基",
    "個",
    "回",
    "店",
    "校",
    "隻",
    "機",
    "トン",
    "キロメートル",
    "キロ",
    "戸",
    "頭",
    "棟",
    "軒",
    "冊",
    "票",
    "施設",
    "団体",
    "自治体",
    "品目",
];

/// Counters after which a number is a date, a time, an age, an ordinal or
/// a period that places a claim in time (§2): 2026年, 3時, 3か月, 2回目.
/// `か月` stays here although the convention lists it among units: alone,
/// `3か月` is almost always when, not how much.
pub(super) const DATE_COUNTERS: &[&str] = &[
    "年", "月", "日", "時", "分", "秒", "歳", "才", "週", "ヶ月", "か月", "カ月", "つ", "番", "位",
    "章", "回目", "人目", "度目", "代",
];

/// §6: `約3割`, `最大100万人`. `おおよそ` is kept as the longer form of `およそ`.
pub(super) const JA_PREFIX_HEDGES: &[&str] = &["おおよそ", "およそ", "約", "最大", "最低"];

/// §6: `75%以上`, `1万人近く`, `3割ほど`.
pub(super) const JA_SUFFIX_HEDGES: &[&str] =
    &["以上", "未満", "程度", "前後", "規模", "近く", "ほど", "超"];

/// §6, longest first: "more than" before "over".
pub(super) const EN_PREFIX_HEDGES: &[&str] = &[
    "more than",
    "up to",
    "nearly",
    "about",
    "over",
    "almost",
    "around",
    "roughly",
    "under",
];

/// Units that follow an English number and belong to the figure.
pub(super) const EN_UNITS: &[&str] = &[
    "percentage points",
    "percent",
    "per cent",
    "%",
    "％",
    "million",
    "billion",
    "trillion",
    "bn",
    "times",
    "x",
    "×",
    "megawatts",
    "gigawatts",
    "kwh",
    "mwh",
    "gwh",
    "twh",
    "kw",
    "mw",
    "gw",
    "tbps",
    "gbps",
    "tbw",
    "tb",
    "pb",
    "kg",
    "kilograms",
    "grams",
    "watts",
    "mah",
    "mb/s",
    "gb/s",
    "w",
];

/// Scale words after a currency or before a currency word: $3.2 billion,
/// 38B euros, €40m.
pub(super) const EN_SCALES: &[&str] = &["million", "billion", "trillion", "bn", "b", "m", "k"];

/// Currency words after a number (§6: `1 million yen`, `38B euros`).
pub(super) const EN_CURRENCY_WORDS: &[&str] = &[
    "US dollars",
    "dollars",
    "euros",
    "euro",
    "yen",
    "won",
    "yuan",
    "pounds",
    "rupees",
    "francs",
    "cents",
];

/// Currency codes, read after a sign or a scale word (`$650k USD`); alone
/// they leave a small number what it was ("a tourist tax 1 EUR per person").
pub(super) const EN_CURRENCY_CODES: &[&str] = &["USD", "EUR", "JPY", "GBP"];

/// Currency signs before a number.
pub(super) const CURRENCY_SIGNS: &[&str] = &[
    "US$", "CA$", "AU$", "NZ$", "HK$", "NT$", "A$", "C$", "S$", "R$", "$", "＄", "€", "£", "¥",
    "￥",
];

/// Nouns a count of which is a claim worth a source.
pub(super) const EN_COUNT_NOUNS: &[&str] = &[
    "users",
    "people",
    "customers",
    "companies",
    "businesses",
    "developers",
    "downloads",
    "visitors",
    "employees",
    "members",
    "households",
    "respondents",
    "organizations",
    "organisations",
    "websites",
    "sites",
    "installs",
    "devices",
    "subscribers",
    "readers",
    "jobs",
    "projects",
    "apps",
    "repositories",
    "students",
    "workers",
    "startups",
    "deaths",
    "cases",
    "accounts",
    "stars",
    "contributors",
    "attendees",
    "players",
    "vehicles",
    "cars",
    "units",
    "servers",
    "shops",
    "stores",
    "firms",
    "teams",
    "engineers",
    "voters",
    "patients",
    "homes",
    "countries",
    "cities",
    "hospitals",
    "schools",
    "factories",
    "plants",
    "chips",
    "robots",
    "phones",
    "smartphones",
    "shipments",
    "aircraft",
    "jets",
    "planes",
    "flights",
    "passengers",
    "items",
    "packages",
    "plugins",
    "games",
    "titles",
    "records",
    "clients",
    "partners",
    "merchants",
    "drivers",
    "locations",
    "offices",
    "layoffs",
    "staff",
    "sellers",
    "buyers",
    "residents",
    "citizens",
    "families",
    "children",
    "tourists",
    "investors",
    "farmers",
    "nurses",
    "doctors",
    "teachers",
    "buses",
    "trains",
    "routes",
    "trips",
    "rides",
    "chargers",
    "stations",
    "turbines",
    "batteries",
    "panels",
    "trucks",
    "ships",
    "restaurants",
    "hotels",
    "branches",
    "apartments",
    "buildings",
    "transactions",
    "orders",
    "signups",
    "installations",
    "copies",
    "messages",
];

/// Kanji read as a number on their own: 三割, 数百万, 過半数.
pub(super) const KANJI_NUMERALS: &str = "〇一二三四五六七八九十百千万億兆数半過";

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month's name or its abbreviation of three letters or more, in any
/// case: "May", "Sept", "nov"; not "Mayer" or "Ma".
pub(super) fn names_a_month(word: &str) -> bool {
    word.len() >= 3
        && MONTH_NAMES.iter().any(|month| {
            month
                .get(..word.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(word))
        })
}
