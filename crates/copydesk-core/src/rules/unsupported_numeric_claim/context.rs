//! Whether a figure is a claim where it stands (§2 of the convention): not
//! when its sentence tells the writer's or the publisher's own facts, an
//! offer, a how-to quantity, the site's own survey, or an idiom. Decided
//! from the sentence's words, and from the names a site calls its own.

use std::sync::OnceLock;

use regex::Regex;

/// The writer working a figure out, which makes it the writer's own.
macro_rules! calculation_words {
    () => {
        "外挿|試算すると|計算すると|換算すると|見積もると|概算で|倍率にすると|割合にすると|比率にすると|切り直すと|集計し直すと|数え直すと|に当てはめると"
    };
}

/// A function that compiles its pattern once: `pattern! { name = "…" }`.
macro_rules! pattern {
    ($(#[$doc:meta])* $name:ident = $pattern:expr) => {
        $(#[$doc])*
        fn $name() -> &'static Regex {
            static CELL: OnceLock<Regex> = OnceLock::new();
            regex(&CELL, $pattern)
        }
    };
}

/// Why a figure is not a claim, for tests and for the rule page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAClaim {
    /// 私, 当社, 我々, "we", "our": the writer's or the publisher's own facts.
    FirstPerson,
    /// A name the site lists as its own (`first-party`).
    FirstParty,
    /// 割引, 賞金, 参加費, "discount", "prize", "20% off": the publisher's offer.
    Offer,
    /// 設定, しきい値, を超えたら, "threshold", "set … to": what the reader is told to use.
    HowTo,
    /// 回答者, "respondents": the site's own survey.
    OwnSurvey,
    /// A release post's speed-ups and sizes: the project's own release notes.
    ReleaseNotes,
    /// "100% sure", "give 100%".
    Rhetorical,
    /// 例えば, 仮に, 想定, "for example", "best case": an illustration.
    Hypothetical,
    /// A question asks; it does not state the figure.
    Question,
}

/// A site's own names (`first-party: [RubyKaigi, Ruby]`), matched as words.
#[derive(Debug, Clone, Default)]
pub struct FirstPartyNames(Option<Regex>);

impl FirstPartyNames {
    pub fn new(names: &[String]) -> FirstPartyNames {
        let alternatives: Vec<String> = names
            .iter()
            .filter(|name| !name.trim().is_empty())
            .map(|name| {
                let escaped = regex::escape(name.trim());
                // ASCII names are words; a Japanese name has no word boundary.
                if name.is_ascii() {
                    format!(r"(?-u:\b){escaped}(?-u:\b)")
                } else {
                    escaped
                }
            })
            .collect();
        if alternatives.is_empty() {
            return FirstPartyNames(None);
        }
        FirstPartyNames(
            regex::RegexBuilder::new(&format!("(?i:{})", alternatives.join("|")))
                .dfa_size_limit(256 << 10)
                .build()
                .ok(),
        )
    }

    /// The sentence before names someone else and not the site: "LinuxTag
    /// has been held for 15 years. … it attracts nearly 12,000 visitors"
    /// goes on about LinuxTag.
    fn only_another_party_in(&self, sentence: &str) -> bool {
        !sentence.is_empty()
            && self.another_party_in(sentence)
            && !self.named_in(sentence)
            && !first_person().is_match(sentence)
    }

    /// The sentence opens on someone else's name, its subject: "LinuxTag
    /// has been held for 15 years." A plain capitalised first word could be
    /// any word ("More", "The"), so only a CamelCase name or a long acronym
    /// counts.
    pub fn another_party_leads(&self, sentence: &str) -> bool {
        static NAME: OnceLock<Regex> = OnceLock::new();
        let name = regex(&NAME, r"^[^A-Za-z0-9]*([A-Z][A-Za-z0-9]*)(?-u:\b)");
        let Some(word) = name.captures(sentence).and_then(|found| found.get(1)) else {
            return false;
        };
        let text = word.as_str();
        let acronym = text.len() > 3 && text.chars().all(|ch| ch.is_ascii_uppercase());
        (is_camel_case(text) || acronym)
            && !self.named_in(text)
            && !COMMON_CAPITALS.contains(&text)
            && !is_plural_acronym(text)
    }

    fn named_in(&self, sentence: &str) -> bool {
        self.0
            .as_ref()
            .is_some_and(|names| names.is_match(sentence))
    }

    /// Whether `sentence` names someone besides the site: a capitalised word
    /// (past its opening word, unless that is CamelCase or an acronym) or an
    /// acronym of four letters or more, that is none of the site's names and
    /// none of [`COMMON_CAPITALS`].
    pub fn another_party_in(&self, sentence: &str) -> bool {
        static NAME: OnceLock<Regex> = OnceLock::new();
        let name = regex(&NAME, r"(?-u:\b)[A-Z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*");
        let own = self.0.as_ref();
        let mut first = true;
        for found in name.find_iter(sentence) {
            let word = found.as_str();
            // A capital that starts the sentence is a name only when it
            // could not be an ordinary word: LinuxTag, GNOME, not "Members".
            // A Latin word that is a Japanese sentence's subject is a name,
            // even first (「Anthropic は…分析しました」); 「Kotori財団の」 may be
            // the site.
            let after = sentence[found.end()..].trim_start_matches(' ');
            let subject = after.starts_with('は') || after.starts_with('が');
            let starts = first
                && !subject
                && sentence[..found.start()]
                    .trim_matches(|ch: char| !ch.is_alphanumeric())
                    .is_empty()
                && !is_camel_case(word);
            first = false;
            let acronym = word
                .chars()
                .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit());
            let common = starts
                || (acronym && word.len() <= 3)
                || COMMON_CAPITALS.contains(&word)
                || is_plural_acronym(word)
                || word.len() == 1;
            let is_own = own.is_some_and(|own| {
                own.find_iter(sentence)
                    .any(|hit| hit.start() <= found.start() && found.end() <= hit.end())
            });
            if !common && !is_own {
                return true;
            }
        }
        false
    }
}

/// The sentence's first word is capitalised and none of the words a
/// sentence commonly opens on: its subject is likely a name ("Debian ships
/// more than 60,000 packages"), which [`FirstPartyNames::another_party_in`]
/// cannot tell from a plain word.
fn opens_on_a_name(sentence: &str) -> bool {
    const OPENERS: [&str; 62] = [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "With",
        "Previous",
        "Previously",
        "This",
        "That",
        "These",
        "Those",
        "Our",
        "We",
        "It",
        "Its",
        "All",
        "Most",
        "Some",
        "Many",
        "More",
        "Over",
        "About",
        "Around",
        "Nearly",
        "Almost",
        "Roughly",
        "Thousands",
        "Hundreds",
        "Dozens",
        "Now",
        "Today",
        "Since",
        "After",
        "Before",
        "During",
        "Of",
        "For",
        "From",
        "By",
        "Across",
        "Overall",
        "Both",
        "Each",
        "Every",
        "Only",
        "Just",
        "Still",
        "Also",
        "However",
        "So",
        "And",
        "But",
        "There",
        "Here",
        "As",
        "When",
        "While",
        "If",
        "Once",
        "Then",
    ];
    let first = sentence
        .trim_start_matches(|ch: char| !ch.is_alphanumeric())
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or_default();
    first.starts_with(|ch: char| ch.is_ascii_uppercase()) && !OPENERS.contains(&first)
}

/// A short acronym's plural names things, not a party: DVDs, CDs, APIs.
fn is_plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        (2..=3).contains(&stem.len()) && stem.chars().all(|ch| ch.is_ascii_uppercase())
    })
}

/// A capital or a digit past the first letter: LinuxTag, GNOME, H100.
fn is_camel_case(word: &str) -> bool {
    word.chars()
        .skip(1)
        .any(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
}

/// Capitalised words that name nobody in particular: pronouns, months,
/// days, words written with a capital by habit, the bodies a project calls
/// by their common names (the Project, the Foundation, the Council), and
/// the stages of its releases (the Beta, Milestone 2).
const COMMON_CAPITALS: [&str; 57] = [
    "I",
    "I'm",
    "I've",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Thanks",
    "Please",
    "Linux",
    "Internet",
    "Project",
    "Foundation",
    "Council",
    "Board",
    "Members",
    "Member",
    "Team",
    "Community",
    "Summit",
    "Conference",
    "Committee",
    "Leadership",
    "Program",
    "Grants",
    "BoF",
    "Alpha",
    "Beta",
    "Milestone",
    "RC",
    // Measures and formats, not parties: 「TTFBは中央値で…約6割短縮」.
    "TTFB",
    "ARPU",
    "IOPS",
    "MTTR",
    "MTBF",
    "BLEU",
    "NDCG",
    "HTTP",
    "HTTPS",
    "JSON",
    "YAML",
    "HTML",
];

/// What the post as a whole says about its figures.
#[derive(Debug, Clone, Copy, Default)]
pub struct Post {
    /// A release announcement: its figures about speed and size are the
    /// project's own release notes.
    pub is_release: bool,
    /// The report of a survey the site ran ("Rust Survey 2023 Results"):
    /// its percentages are the site's own findings.
    pub is_survey_report: bool,
    /// The title names one of the site's own names ("The openSUSE Forums
    /// Reach 40,000 Users"): a sentence that names nobody else tells the
    /// site's own facts.
    pub about_first_party: bool,
    /// A postmortem of the site's own outage ("Incident report: package
    /// index outage", 「11月3日の障害について」): its error rates and
    /// request counts are its own measurements.
    pub is_incident: bool,
    /// A list item under the publisher's own lead-in ("Some numbers we're
    /// proud of:", "We picked seven projects:"): its figures are the
    /// publisher's, whoever the item names.
    pub in_own_list: bool,
    /// The site speaks for a project (`first-party-site`): its measurements
    /// of its own tools and its own budget are its own facts.
    pub speaks_for_a_project: bool,
    /// The writer has told of a purchase earlier in the section
    /// (「昇降脚だけ買って」, 「今回買ったもの：」): the prices that follow
    /// are what they paid.
    pub bought: bool,
    /// A list item of a list some item of which names a prize: its prices
    /// are prizes too.
    pub in_prize_list: bool,
    /// The writer has reported work of their own earlier in the section
    /// (「そこで今回、キャッシュ層を刷新しました。」): the results that follow
    /// in the polite form are theirs.
    pub told_own_work: bool,
    /// A section whose heading names a staged rollout (「カナリアリリースの手順」):
    /// its percentages are steps.
    pub rollout: bool,
    /// A section whose heading is only the targets and thresholds a team
    /// sets ("## SLO", 「アラートの閾値」): its figures are how-to quantities.
    pub sets_targets: bool,
}

impl Post {
    /// The post as a list reads it under a lead-in in the publisher's own
    /// voice that ends in a colon ("Some numbers we're proud of:"): its
    /// items are the publisher's own, unless they name someone else.
    pub fn under_lead_in(self, lead_in: &str) -> Post {
        let own = lead_in.trim_end().ends_with([':', '：'])
            && first_person().is_match(lead_in)
            && !heard_from_others().is_match(lead_in);
        Post {
            in_own_list: self.in_own_list || own,
            ..self
        }
    }

    pub fn of(title: &str, names: &FirstPartyNames) -> Post {
        Post {
            is_release: release_title().is_match(title),
            is_survey_report: survey_title().is_match(title),
            about_first_party: names.named_in(title),
            is_incident: incident_heading().is_match(title),
            speaks_for_a_project: false,
            in_own_list: false,
            bought: false,
            in_prize_list: false,
            told_own_work: false,
            rollout: false,
            sets_targets: false,
        }
    }

    /// The post as a section under `heading` reads it: a heading that
    /// announces a release ("Larkspur 4.2 is out", 「Tsumugi 2.4 をリリース
    /// しました」) or reports an incident makes its section one.
    pub fn under_heading(self, heading: &str) -> Post {
        Post {
            is_release: self.is_release || release_heading().is_match(heading),
            is_incident: self.is_incident || incident_heading().is_match(heading),
            is_survey_report: self.is_survey_report || survey_title().is_match(heading),
            rollout: self.rollout || rollout_steps().is_match(heading),
            sets_targets: self.sets_targets || targets_heading().is_match(heading),
            // "Meet our winter interns", "We're hiring", "Announcing the 2025
            // grants": the publisher speaks of its own in this section.
            // "Moorland's first laptop: what we know" is a newsroom's "we".
            about_first_party: self.about_first_party
                || (publisher_heading().is_match(heading) && !newsroom_heading().is_match(heading)),
            ..self
        }
    }
}

pattern! {
    /// "Things we learned at the storage meetup:", 「勉強会で聞いた話：」: what
    /// others told the writer, not the writer's own facts.
    heard_from_others = r"聞いた|教わった|学んだ|(?i:(?-u:\b)(?:learned|learnt|heard|overheard|were told|picked up)(?-u:\b))"
}

/// Where a sentence stands.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place {
    /// In a block quote: the words of someone quoted, not the writer's.
    pub quoted: bool,
    /// Where the figure starts in its sentence.
    pub offset: usize,
    /// A count of 100 or less with no scale, or 100%: small enough to be
    /// one's own ("4人家族", "I rewrote it 3 times").
    pub small: bool,
    /// A quantity the reader is told to use: a product's or a setting's
    /// upper limit (「最大500件まで」), a small count in a numbered step
    /// (「1. 待ちを3件集めます。」).
    pub how_to: bool,
    /// A small count of people at an event ("At the conference over 30
    /// people discussed"), or any count at one on a project's own site:
    /// the event's own, even in a quotation.
    pub at_an_event: bool,
    /// An operand or the result of a worked sum (`4 h × 20 日 = 80 h`).
    pub worked_out: bool,
    /// A price in a list of prizes.
    pub offered: bool,
    /// A price after the writer told of a purchase in the section, in a
    /// sentence that names nobody else and no list price: what they paid.
    pub paid: bool,
}

/// Whether a figure's clause, and what follows it in its sentence, passes
/// it on as hearsay or as what is said: らしい, という話, と言われる, とされる,
/// "reportedly", "is said to". "34,000 people told us" is the writer's own
/// survey, not hearsay.
fn is_passed_on(from_its_clause: &str) -> bool {
    static ALSO: OnceLock<Regex> = OnceLock::new();
    // Beyond hearsay in so many words, 「そうです」 (which may also guess),
    // what is believed or estimated, and the convention's attributions that
    // name nobody (§3: 「〜との見方もある」, 「ある試算では」, "analysts say",
    // "by some estimates").
    said_to_be().is_match(from_its_clause)
        || regex(
            &ALSO,
            concat!(
                r"そうです|そうだ|[たる]そうで|との見方|と(?:見|み)られ|と(?:推計|推定)され|ある試算では|一部のアナリスト|関係者によ|という(?:調査結果|データ|統計)もあ|",
                r"(?i:(?-u:\b)(?:is believed|are believed|it is estimated|(?:some |many )?(?:analysts|experts|observers) (?:say|said|believe|think|estimate|expect)|by (?:some|one|many) (?:estimates?|counts?|accounts?)|studies (?:show|suggest|have shown)|research (?:shows|suggests))(?-u:\b))"
            ),
        )
        .is_match(from_its_clause)
}

pattern! {
    /// Hearsay in so many words: not 「なりそうです」, which guesses.
    said_to_be = r"とされ(?:る|て|ま)|と(?:も)?言われ|と(?:も)?いわれ|らしい|という話|との話|聞くところ|噂|(?i:(?-u:\b)(?:reportedly|rumou?red|it is said|is said to|are said to|is believed to|are believed to)(?-u:\b))"
}

/// Whether a seller's price is named beside the price at `offset`: in its
/// sentence, unless the price's own clause tells of the sale the writer got
/// (「相場はおよそ 8 万円ですが、店頭のセールで 6 万 5,000 円でした」).
fn names_a_list_price(sentence: &str, offset: usize) -> bool {
    list_price().is_match(sentence)
        && !sale_price().is_match(&sentence[clause_bounds(sentence, offset)])
}

pattern! {
    sale_price = r"セールで|特価で|割引で|で(?:買|購入)|(?i:(?-u:\b)(?:paid|got (?:it|mine|one) for|bought (?:it|mine|one) for|on sale for)(?-u:\b))"
}

/// Whether a figure is an amount of money: `$25`, `€2,000`, `2万円`.
pub fn is_a_price(figure: &str) -> bool {
    figure.contains(['$', '€', '£', '¥', '円']) || figure.contains("ドル")
}

/// Whether a price in `sentence` is what the publisher charges for an
/// event or a sponsorship: "Gold sponsors contribute $25,000", and, when
/// the sentence names no one else nor the going rate, a price in a block
/// that sells tickets ("Tickets for SazanamiConf … Students can attend for
/// ¥3,000"; not "Conferences of this size typically spend $300,000").
pub fn is_an_admission_or_sponsorship(
    sentence: &str,
    block: BlockWords,
    names: &FirstPartyNames,
) -> bool {
    sponsorship_tier().is_match(sentence)
        || (block.admission
            && !names.another_party_in(sentence)
            && !market_rate().is_match(sentence)
            && !the_wider_world().is_match(sentence))
}

pattern! {
    sponsorship_tier = r"(?i:(?-u:\b)(?:(?:gold|silver|bronze|platinum|diamond) sponsors?|sponsors contribute|sponsorships start)(?-u:\b))"
}

/// What a block that sells admission to an event says.
const ADMISSION: &str = r"チケット|参加費|入場料|早割|(?i:(?-u:\b)(?:tickets?|admission|registration fees?|entry fees?|registration (?:for|opens|is|costs)|entry is|early[- ]bird)(?-u:\b))";

/// Whether a text names a prize: 賞金, 優勝, "prize", "1st place". A
/// discount is not one: a list of a vendor's prices may mention its own.
pub fn names_a_prize(text: &str) -> bool {
    static PRIZES: OnceLock<Regex> = OnceLock::new();
    regex(
        &PRIZES,
        r"賞金|副賞|賞品|景品|準?優勝|最優秀|入賞|奨学金|(?i:(?-u:\b)(?:prizes?|winners?|runners?-up|(?:1st|2nd|3rd|first|second|third) place|honou?rable mention|scholarships?|awards?)(?-u:\b))",
    )
    .is_match(text)
}

/// Whether a block reports the writer's own work in the first person
/// (「当社でも…導入して3か月が経ちました」), for the paragraphs after it in
/// its section. Without 当社 or 私, 「今回…比較しました」 may be a summary of
/// someone else's paper.
pub fn tells_of_own_work(text: &str) -> bool {
    static WORDS: OnceLock<Regex> = OnceLock::new();
    regex(&WORDS, &format!("{OWN_WORK_WORDS}|{THANKS_WORDS}")).is_match(text)
        && first_person().is_match(&without_quotations(text))
}

/// Whether a paragraph opens by announcing the writer's own release
/// (「Heronix Linux 42 をリリースしました。」, "Sazanami 4.0 is here.", "We're
/// happy to announce Sazanami 4.0"): the rest of its section is the
/// release's notes.
pub fn announces_a_release(text: &str) -> bool {
    // Read by hand, and only in the paragraph's first 200 bytes: bounded
    // openings in a pattern were slow on every paragraph.
    let text = text.trim_start();
    let head = &text[..crate::text::floor_char_boundary(text, 200)];
    let Some(first) = crate::text::sentences(head).into_iter().next() else {
        return false;
    };
    let sentence = &head[first];
    let opening = sentence.trim_end_matches(['。', '！', '!', '.', '?', '？']);
    // 「Heronix Linux 42 をリリースしました。」: a short, closed opening sentence.
    if sentence.ends_with(['。', '！', '!'])
        && opening.chars().count() <= 45
        && !opening.contains('、')
        && [
            "をリリースしました",
            "をリリースいたしました",
            "を正式にリリースしました",
        ]
        .iter()
        .any(|verb| opening.ends_with(verb))
    {
        return true;
    }
    // "Sazanami 4.0 is here.": a short English opening.
    if opening.len() <= 60
        && !opening.contains([',', '\n'])
        && [
            " is out",
            " is out today",
            " is out now",
            " is here",
            " are out",
            " are here",
            " is now available",
            " are now available",
        ]
        .iter()
        .any(|ending| opening.ends_with(ending))
    {
        return true;
    }
    // "We're happy to announce Sazanami 4.0", "…the release of": not "…Issue
    // 197 of the Weekly News".
    static ANNOUNCING: OnceLock<Regex> = OnceLock::new();
    if !sentence.starts_with("We") && !sentence.starts_with("Today") {
        return false;
    }
    let Some(found) = regex(
        &ANNOUNCING,
        r"^(?:Today,? )?We(?:'re| are) (?:happy|pleased|excited|proud|thrilled) to (?:announce|release) ",
    )
    .find(sentence) else {
        return false;
    };
    let rest = &sentence[found.end()..];
    let rest = &rest[..crate::text::floor_char_boundary(rest, 60)];
    rest.as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'.' && w[2].is_ascii_digit())
        || rest
            .split(|ch: char| !ch.is_ascii_alphabetic())
            .any(|word| word == "release")
}

/// Whether a block tells of the writer's purchase or expense, in the first
/// person, in a blog's polite form, or as a list's lead-in.
pub fn tells_of_a_purchase(text: &str) -> bool {
    static POLITE: OnceLock<Regex> = OnceLock::new();
    // 「今回買ったもの：」 leads in to a list of the writer's purchases.
    let lead_in = text.trim_end().ends_with([':', '：']);
    purchase().is_match(text)
        && (lead_in
            || first_person().is_match(text)
            || regex(&POLITE, POLITE_ENDING).is_match(text))
}

/// Whether `figure`, a price in `sentence`, is what the writer paid: the
/// section told of a purchase, and the sentence names no one else's price.
pub fn is_a_price_paid(
    figure: &str,
    sentence: &str,
    offset: usize,
    post: Post,
    words: BlockWords,
    listed: bool,
    names: &FirstPartyNames,
) -> bool {
    is_a_price(figure)
        && (post.bought || words.bought)
        && (words.personal || words.polite || listed)
        && !names_a_list_price(sentence, offset)
        && !business_money().is_match(sentence)
        && !names.another_party_in(&without_quotations(sentence))
}

pattern! {
    /// A company's money, which nobody paid at a till: "has raised $180
    /// million", a valuation, revenue, a deal.
    business_money = r"調達|評価額|買収|売上|市場|(?i:(?-u:\b)(?:market|raised|raises|raising|valued|values|valuation|revenue|funding round|Series [A-F]|acquired|acquisition|IPO)(?-u:\b))"
}

/// Why the figure in `sentence` is not a claim, or `None` when it is one.
#[cfg(test)]
pub fn not_a_claim(
    sentence: &str,
    names: &FirstPartyNames,
    post: Post,
    place: Place,
) -> Option<NotAClaim> {
    let block = BlockWords::of(sentence, names, post);
    for_figure(
        sentence,
        place,
        SentenceFacts::of(sentence, "", names, post, block),
    )
}

/// The reasons that hold for every figure of a sentence, worked out once
/// per sentence: in one pass of a regex set over it.
fn sentence_reason(
    sentence: &str,
    previous: &str,
    names: &FirstPartyNames,
    post: Post,
    block: BlockWords,
) -> Option<SentenceReason> {
    let any = block.sentence_words && any_sentence_word().is_match(sentence);
    // The site's own names; "we" in a block that names them; and in a post
    // about the site, "we", or a sentence that names nobody else.
    let we = block.personal && first_person().is_match(sentence);
    // Whom else this sentence and the one before name is asked in several
    // branches below: each is read for it once, when first asked.
    let another_here = std::cell::OnceCell::new();
    let names_another = || *another_here.get_or_init(|| names.another_party_in(sentence));
    let only_another_before = std::cell::OnceCell::new();
    let follows_only_another =
        || *only_another_before.get_or_init(|| names.only_another_party_in(previous));
    // On the site's own pages, a sentence that speaks to the reader and
    // names nobody else tells them of the site's own things ("You have
    // thousands of packages available to you"), whatever came before it.
    let to_the_reader =
        post.about_first_party && second_person().is_match(sentence) && !names_another();
    let named = block.thanks
        || to_the_reader
        || post.in_own_list
        || (block.named && (we || names.named_in(sentence)))
        || (post.about_first_party
            && (we
                || (!names_another()
                    && !follows_only_another()
                    && !speaks_of_the_world_at_large(sentence)
                    && (block.named || !block.names_another_party))));
    let instruction = instructs(sentence);
    let credits = post.is_release && we && release_credits().is_match(sentence);
    if !any
        && !post.is_survey_report
        && !named
        && !instruction
        && !block.offer
        && !block.hiring
        && !credits
    {
        return None;
    }
    let words = sentence_words();
    let has = |word: Words| any && words[word as usize].is_match(sentence);
    let own = block.publisher || block.named;
    Some(SentenceReason(if has(Words::Rhetorical) {
        NotAClaim::Rhetorical
    } else if named {
        NotAClaim::FirstParty
    } else if has(Words::Hypothetical) {
        NotAClaim::Hypothetical
    } else if (has(Words::Offer)
        && !reduction().is_match(sentence)
        && !market_rate().is_match(sentence)
        && !retail_price().is_match(sentence))
        || (own && has(Words::Price))
        || (block.hiring && salary().is_match(sentence))
    {
        NotAClaim::Offer
    } else if has(Words::HowTo) || instruction {
        NotAClaim::HowTo
    } else if post.is_survey_report
        || (has(Words::OwnSurvey) && (block.named || we || block.own_survey))
    {
        NotAClaim::OwnSurvey
    } else if has(Words::ThisRelease)
        || (post.is_release && has(Words::Performance))
        || (post.is_release
            && post.speaks_for_a_project
            && has(Words::ReleaseContents)
            && !names_another())
        || (credits && !names_another())
    {
        NotAClaim::ReleaseNotes
    } else if (post.is_incident && has(Words::Incident))
        || (block.own_incident && has(Words::Incident) && !names_another())
        || (block.own_measurement && has(Words::Performance))
    {
        NotAClaim::FirstPerson
    } else if has(Words::Funding)
        && block.personal
        && first_person().is_match(&without_quotations(sentence))
        && !the_wider_world().is_match(sentence)
    {
        // "Total income was $736,000, … and our three largest sponsors gave
        // 41%": the writer's own organisation's money; not "Across the
        // wider ecosystem, nearly 60% of maintainers …, which is why we".
        NotAClaim::FirstParty
    } else if post.speaks_for_a_project
        && (has(Words::Performance) || (has(Words::Funding) && !names_another()))
    {
        // A project's blog measures its own tools, whatever it names, and
        // spends its own budget, unless someone else's is named ("invested
        // 1.2 million euros in KDE Plasma"); a quotation of someone else
        // stays theirs (see `for_figure`).
        NotAClaim::FirstParty
    } else if (post.speaks_for_a_project
        && (has(Words::Audience) || (has(Words::ReleaseContents) && !opens_on_a_name(sentence)))
        && !names_another()
        && !follows_only_another())
        || (we && has(Words::Audience) && !names.another_party_in(&without_quotations(sentence)))
    {
        // A project's site counts its own audience and packages, in any
        // post ("The tracker counted 12596 complete downloads", "succeeded
        // for more than 95 percent of packages"), unless the sentence names
        // someone else's; on any site, so does a writer who calls the
        // audience theirs ("The conference welcomed 1,150 attendees, and
        // all 62 talks are up on our video channel"). A CamelCase name
        // ("WrenConf") still reads as someone else's.
        NotAClaim::FirstParty
    } else if has(Words::Vote)
        && (post.speaks_for_a_project
            || own_vote().is_match(sentence)
            || own_vote().is_match(previous))
        && !public_election().is_match(sentence)
    {
        // A project's site reports its own votes, with the candidates' names.
        NotAClaim::OwnSurvey
    } else {
        return None;
    }))
}

/// A reason that holds for a whole sentence, from [`sentence_reason`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceReason(NotAClaim);

/// What holds for every figure of one sentence, worked out once.
#[derive(Debug, Clone, Copy)]
pub struct SentenceFacts {
    whole: Option<SentenceReason>,
    /// A first person stands somewhere in it, outside quotations.
    pub personal: bool,
    /// It is about the writer's or the publisher's own thing: 「弊社の…は」,
    /// "Our Pro plan costs".
    own_topic: bool,
    /// The writer works a figure out: 外挿すると, 換算すると.
    calculated: bool,
    /// The writer bought something: its price and count are theirs.
    purchased: bool,
    /// A polite Japanese sentence of a block where the writer reports their
    /// own work, with no hearsay, no source and nobody else named in it:
    /// 「移行を終えて半年。インフラ費用は約38%下がりました。」
    own_work: bool,
    question: bool,
}

impl SentenceFacts {
    pub fn of(
        sentence: &str,
        previous: &str,
        names: &FirstPartyNames,
        post: Post,
        block: BlockWords,
    ) -> SentenceFacts {
        let polite = polite_ending().is_match(sentence);
        SentenceFacts {
            whole: sentence_reason(sentence, previous, names, post, block),
            personal: block.personal && first_person().is_match(&without_quotations(sentence)),
            own_topic: block.personal && own_topic().is_match(sentence),
            calculated: block.personal && calculation().is_match(sentence),
            purchased: (block.personal || block.polite) && purchase().is_match(sentence),
            own_work: ((block.own_work && polite && !about_the_world().is_match(sentence))
                || (block.own_work_in_english
                    && !the_wider_world().is_match(sentence)
                    && !names_nobody_in_english().is_match(sentence)))
                && !names.another_party_in(&without_quotations(sentence)),
            question: is_question(sentence),
        }
    }
}

/// Which words stand anywhere in a block, found in one scan of it: most
/// blocks hold none, and their sentences need no scan of their own.
#[derive(Debug, Clone, Copy)]
pub struct BlockWords {
    sentence_words: bool,
    named: bool,
    /// A first person stands somewhere in the block: its small counts are
    /// the writer's own (「私は…。パンクは4回。」).
    pub personal: bool,
    /// A staged rollout or rollback: its percentages are steps.
    pub rollout: bool,
    /// The publisher speaks of itself: 当ブログ, 弊社, "our plans".
    pub publisher: bool,
    /// Someone besides the site is named, and the site is not: in a post
    /// about the site, a paragraph about them ("The Docker project was
    /// released in March. … more than 450 people contributed").
    names_another_party: bool,
    /// The publisher's offer (賞金, "tickets"): its small counts are part of
    /// it (「各部門から2件を選びます」).
    pub offer: bool,
    /// The publisher thanks its readers (おかげさまで, "Thank you!"): the
    /// milestone it reports is its own.
    thanks: bool,
    /// The writer ran the survey (「回答してくれました」, "our community
    /// survey"): its respondents are the site's.
    own_survey: bool,
    /// The writer measured it (「手元で計測したところ」, "I benchmarked"):
    /// its speed-ups are the writer's own.
    own_measurement: bool,
    /// An event: a conference, a meetup, a booth.
    pub event: bool,
    /// The writer reports work of their own in Japanese, whose subject
    /// goes unsaid: 今回, そこで, 移行を終え, 公開から, ご参加いただき.
    own_work: bool,
    /// A sentence of the block ends in the polite form a blog's writer
    /// speaks in.
    pub polite: bool,
    /// The writer tells of a purchase or an expense.
    pub bought: bool,
    /// The writer tells, in English, of a change they made ("we started
    /// paying", "I replaced the old server"): what follows in the paragraph,
    /// naming nobody else, is its result.
    own_work_in_english: bool,
    /// The block sells admission to an event: tickets, 参加費.
    admission: bool,
    /// The publisher is hiring: the salary it offers is its own.
    hiring: bool,
    /// The block tells of an outage in its operator's voice: お客様,
    /// お詫び, "the root cause was".
    own_incident: bool,
}

impl BlockWords {
    pub fn of(text: &str, names: &FirstPartyNames, post: Post) -> BlockWords {
        // One pass of a set over the block for the words that hold for all
        // of it, not one pass each.
        static SET: OnceLock<regex::RegexSet> = OnceLock::new();
        let set = SET.get_or_init(|| {
            regex::RegexSetBuilder::new([
                FIRST_PERSON,
                ROLLOUT,
                PUBLISHER,
                OFFER,
                THANKS_WORDS,
                OWN_SURVEY_WORDS,
                OWN_MEASUREMENT_WORDS,
                EVENT_WORDS,
                OWN_WORK_WORDS,
                POLITE_ENDING,
                PURCHASE,
                OWN_WORK_IN_ENGLISH,
                ADMISSION,
                HIRING,
                OWN_INCIDENT,
            ])
            .dfa_size_limit(2 << 20)
            .build()
            .expect("the block words are valid")
        });
        let found = set.matches(text);
        BlockWords {
            sentence_words: any_sentence_word().is_match(text),
            named: names.named_in(text),
            personal: found.matched(0),
            rollout: found.matched(1) || post.rollout,
            publisher: found.matched(2),
            names_another_party: post.about_first_party && names.another_party_in(text),
            offer: found.matched(3),
            thanks: found.matched(4),
            own_survey: found.matched(5),
            own_measurement: found.matched(6),
            event: found.matched(7),
            own_work: found.matched(4) || found.matched(8) || post.told_own_work,
            polite: found.matched(9),
            bought: found.matched(10) && (found.matched(0) || found.matched(9)),
            own_work_in_english: found.matched(11),
            admission: found.matched(12),
            hiring: found.matched(13),
            own_incident: found.matched(14),
        }
    }
}

/// An English instruction: a sentence that starts with the verb it tells
/// the reader to do ("Set a budget alert at 80%", "On small instances,
/// keep `shared_buffers` at 25% of RAM", "Page the on-call engineer when").
fn is_instruction(sentence: &str) -> bool {
    static CELL: OnceLock<Regex> = OnceLock::new();
    regex(
        &CELL,
        concat!(
            r"^[\s*_>-]*(?:(?:On|For|If|When|In|With|After|Before|Once|Then)(?-u:\b)[^,.]*, )?(?:[Pp]lease )?",
            r"(?:(?i:let|set|put|use|bump|keep|cap|page|roll|configure|limit|raise|lower|increase|decrease|allocate|give|restart|change|enable|alert|schedule|scale|reserve|aim|target|ramp|wait|retry|rotate|throttle|allow|budget|add|start|begin|leave|reduce|plan|send|submit|register|bring|book|fill|provide|prepare|ensure|make sure)(?-u:\b)|",
            // Directions and steps, capitalised, so that 「install 数」 is none.
            r"(?:Walk|Take|Turn|Head|Drive|Press|Type|Install|Click|Select|Choose|Copy|Enter|Follow|Visit) [A-Za-z*_`])",
        ),
    )
    .is_match(sentence)
        && !opens_on_a_noun().is_match(sentence)
}

/// An instruction, or a sentence whose list of instructions follows a
/// colon: "The rules we live by: keep three to six months of expenses in
/// cash, put 15% of gross pay into retirement".
fn instructs(sentence: &str) -> bool {
    is_instruction(sentence)
        // "Expect the loss to flatten out near 1.9": what the reader will
        // see when they follow the steps.
        || sentence.trim_start().starts_with("Expect the ")
        || sentence
            .split_once(": ")
            .is_some_and(|(_, rest)| is_instruction(rest))
}

pattern! {
    /// "Budget models made up a quarter", "Page views rose 20%": the verb
    /// an instruction opens on is a noun here, its subject's first word.
    opens_on_a_noun = r"^[\s*_>-]*[A-Z][a-z]+ [a-z-]+s (?:rose|fell|grew|made|make|makes|were|are|was|is|have|had|has|hit|doubled|tripled|account|accounted|remain|remained|reached|topped|jumped|climbed|dropped|declined|increased|decreased|rise|fall|grow)(?-u:\b)"
}

/// Why one figure of a sentence is not a claim, given what holds for the
/// whole sentence: an idiom first, then what depends on where the figure
/// stands (a question's clause, a first person's clause), then the rest.
pub fn for_figure(sentence: &str, place: Place, facts: SentenceFacts) -> Option<NotAClaim> {
    let mut whole = facts.whole.map(|reason| reason.0);
    if whole == Some(NotAClaim::Rhetorical) {
        return whole;
    }
    // A block quote is someone else speaking, even of the site's own names.
    if place.quoted && whole == Some(NotAClaim::FirstParty) {
        whole = None;
    }
    // 「国内のユーザーは数万人規模とも言われますが、…ありがとうございました」:
    // what is said is not the publisher's, whatever its paragraph.
    let own_clause = clause_bounds(sentence, place.offset);
    let from_its_clause = sentence.get(own_clause.start..).unwrap_or_default();
    if is_passed_on(from_its_clause)
        && matches!(
            whole,
            Some(
                NotAClaim::FirstParty
                    | NotAClaim::Offer
                    | NotAClaim::OwnSurvey
                    | NotAClaim::FirstPerson
            )
        )
    {
        whole = None;
    }
    if place.worked_out || (facts.calculated && !place.quoted) {
        return Some(NotAClaim::FirstPerson);
    }
    // "100%." as the whole of an answer, alone or after a speaker's name
    // ("**Jan David Nose**: 100%.", whose bold the prose text drops), is
    // agreement; "Coverage: 100%" is a value.
    let (label, answer) = match sentence.rsplit_once([':', '：']) {
        Some((label, answer)) => (Some(label), answer),
        None => (None, sentence),
    };
    let whole_answer = answer.trim_matches(|ch: char| !ch.is_alphanumeric() && ch != '%') == "100%";
    let a_name = |label: &str| {
        let words: Vec<&str> = label.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words
                .iter()
                .all(|word| word.trim_matches('*').starts_with(char::is_uppercase))
    };
    if whole_answer && label.is_none_or(a_name) {
        return Some(NotAClaim::Rhetorical);
    }
    // "例: …" opening the sentence, "(例: $50 USD)", "(例: ERRORは100%、
    // INFOは1%)", "e.g. 30%": the figure is an example.
    let opening = sentence.trim_start_matches([' ', '\n', '*', '-', '>']);
    if opening.starts_with("例:") || opening.starts_with("例：") {
        return Some(NotAClaim::Hypothetical);
    }
    let before = sentence.get(..place.offset).unwrap_or_default();
    let bracket = before.rfind(['(', '（']).map_or("", |at| &before[at..]);
    let example = |text: &str| {
        // 「(例 顧客向け実装 60% 以上 / admin 40% 以下)」: a space may stand
        // for the colon.
        ["例:", "例：", "例 ", "e.g."]
            .iter()
            .any(|marker| text.contains(marker))
    };
    if (!bracket.contains([')', '）']) && example(bracket))
        || ["例:", "例：", "e.g.", "e.g.,", "for example,"]
            .iter()
            .any(|marker| before.trim_end().ends_with(marker))
    {
        return Some(NotAClaim::Hypothetical);
    }
    if place.how_to {
        return Some(NotAClaim::HowTo);
    }
    if place.at_an_event || place.offered {
        return Some(NotAClaim::Offer);
    }
    if facts.question && in_last_clause(sentence, place.offset) {
        return Some(NotAClaim::Question);
    }
    // The writer's own facts: a small count in a block where the writer
    // speaks, a sentence about the writer's own thing, or a first person in
    // the figure's own clause ("I have used it for 5 years, and it has 20
    // million users" states a fact about the world in its second clause)
    // that is not an opinion ("I'd guess"). Inside quotation marks, 私 and
    // "we" are the speaker's.
    let quoted = place.quoted || in_quotation(sentence, place.offset);
    // "The power bank we reviewed is said to manage 100 W": what is said of
    // it in the figure's own clause is not the writer's finding.
    let said_of_it = || said_to_be().is_match(&sentence[own_clause.clone()]);
    // 「セールで購入しましたが、量販店での実売価格は3万円前後です」: the
    // shop's price, in its own clause, is not what the writer paid.
    let bought_here = || facts.purchased && !list_price().is_match(&sentence[own_clause.clone()]);
    if !quoted
        && (place.small || place.paid || ((facts.own_topic || bought_here()) && !said_of_it()))
    {
        return Some(NotAClaim::FirstPerson);
    }
    if facts.personal && !quoted && !said_of_it() {
        let clause = without_quotations(clause_after_a_colon(sentence, place.offset));
        let clause = without_dashed_asides(&clause);
        let clause = opinion().replace_all(&clause, "");
        let clause = cross_reference().replace_all(&clause, "");
        if first_person().is_match(&clause)
            || opens_on_the_writer().is_match(sentence)
            || writer_topic_before(sentence, place.offset)
        {
            return Some(NotAClaim::FirstPerson);
        }
    }
    // 「ワットチェッカーで実測したところ、推論中でも52Wほどでした」: the
    // result of a trial the writer ran, told in the polite form.
    if !quoted && own_trial_before(sentence, place.offset) {
        return Some(NotAClaim::FirstPerson);
    }
    // A polite sentence of the writer's own work, when nothing more
    // specific holds: 「移行を終えて半年。費用は約38%下がりました。」
    whole.or((facts.own_work && !quoted).then_some(NotAClaim::FirstPerson))
}

/// Whether a Japanese topic that is the writer stands before the figure at
/// `offset` with no other topic between: the comma after 「私たちは」 does not
/// end its reach (「他社は…が一般的ですが、私たちは…、プランを月額 1,480 円に据え
/// 置きます」), as a new topic does (「私も使っていますが、国内の利用者は約300万人」).
fn writer_topic_before(sentence: &str, offset: usize) -> bool {
    static TOPIC: OnceLock<Regex> = OnceLock::new();
    let topic = regex(
        &TOPIC,
        r"(?:私たち|わたしたち|我々|当社|弊社|当店|僕ら|筆者|私|僕)(?:は|では|でも|も)、?|(?:手元|自宅|うち)(?:の|で)[^、。はが]{0,20}?(?:は|では)、?",
    );
    let before = &sentence[..offset];
    let Some(last) = topic.find_iter(before).last() else {
        return false;
    };
    let between = &before[last.end()..];
    // A conjunction's が (ですが, ましたが) is no subject's.
    let subjects = between
        .match_indices(['は', 'が'])
        .filter(|&(at, mark)| {
            !(mark == "が" && (between[..at].ends_with('す') || between[..at].ends_with('た')))
        })
        .count();
    subjects == 0 && !between.contains('。')
}

/// Whether the figure at `offset` follows 「…で測ったところ、」 with no
/// one else as its subject (not 「同社が測定したところ」), in a sentence
/// that ends in the polite form a blog's writer speaks in.
fn own_trial_before(sentence: &str, offset: usize) -> bool {
    static TRIAL: OnceLock<Regex> = OnceLock::new();
    let before = sentence.get(..offset).unwrap_or_default();
    // Most figures follow no trial: a plain search rules them out first.
    if !before.contains("たところ") {
        return false;
    }
    let Some(found) = regex(
        &TRIAL,
        r"(?:測っ|計測し|測定し|実測し|回し|試し|走らせ|動かし|比べ|取っ|使ってみ|検証し|実行し)たところ[、,]?",
    )
    .find_iter(before)
    .last() else {
        return false;
    };
    !before[..found.start()].contains('が')
        && polite_ending().is_match(sentence)
        && !is_passed_on(&sentence[found.end()..])
}

/// The kinds of words [`sentence_words`] looks for, by their index in it.
#[derive(Clone, Copy)]
enum Words {
    Rhetorical,
    Hypothetical,
    Offer,
    HowTo,
    OwnSurvey,
    Performance,
    Price,
    ThisRelease,
    Incident,
    Funding,
    Vote,
    Audience,
    ReleaseContents,
}

const SENTENCE_WORDS: [&str; 13] = [
    RHETORICAL,
    HYPOTHETICAL,
    OFFER,
    HOW_TO,
    OWN_SURVEY,
    PERFORMANCE,
    PRICE,
    THIS_RELEASE,
    INCIDENT,
    FUNDING,
    VOTE,
    AUDIENCE,
    RELEASE_CONTENTS,
];

/// Each kind of words, by [`Words`].
fn sentence_words() -> &'static [Regex] {
    static EACH: OnceLock<Vec<Regex>> = OnceLock::new();
    EACH.get_or_init(|| {
        SENTENCE_WORDS
            .iter()
            .map(|pattern| super::compiled(pattern))
            .collect()
    })
}

/// Any of [`sentence_words`], in one pattern.
fn any_sentence_word() -> &'static Regex {
    static ANY: OnceLock<Regex> = OnceLock::new();
    ANY.get_or_init(|| {
        super::compiled_large(
            &SENTENCE_WORDS
                .map(|pattern| format!("(?:{pattern})"))
                .join("|"),
        )
    })
}

/// A sentence that asks: `？`, `?`, or a Japanese one ending in `か`.
fn is_question(sentence: &str) -> bool {
    let end = sentence.trim_end_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, '*' | '_' | ')' | '）' | '」')
    });
    // 「…2倍になったとか。」 passes on hearsay; it asks nothing.
    let hearsay = end.ends_with("とか") || end.ends_with("とか。");
    end.ends_with(['?', '？']) || (!hearsay && (end.ends_with("か") || end.ends_with("か。")))
}

/// A count of 100 or less with no scale, or 100%: small enough to be the
/// writer's own when the sentence is in the first person.
pub fn is_small_figure(figure: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let lower = figure.to_lowercase();
    let proportion = ['%', '％', '割', '倍', 'x', '×', '半']
        .iter()
        .any(|unit| lower.contains(*unit))
        || lower.contains("percent")
        // "1 in 8", 「4人に1人」: a proportion, whose digits are no count.
        || lower.contains(" in ")
        || lower.contains("人に");
    if proportion && !matches!(lower.trim_end_matches(['%', '％']), "100" | "１００") {
        return false;
    }
    // A price is no count of one's own: "They retail for around $80".
    if figure.contains(['$', '€', '£', '¥', '円']) || figure.contains("ドル") {
        return false;
    }
    // A weight or a distance is no count of one's own: "weighs 1.2 kg".
    let after_the_number = figure.trim_end_matches(|ch: char| !ch.is_ascii_digit());
    let unit = figure[after_the_number.len()..].trim().to_ascii_lowercase();
    if ["kg", "lb", "lbs", "km", "mi", "キロ", "トン", "mah", "db"].contains(&unit.as_str()) {
        return false;
    }
    let has_scale = figure.contains(['万', '億', '兆'])
        || ["million", "billion", "trillion"]
            .iter()
            .any(|scale| lower.contains(scale));
    let digits: String = figure
        .nfkc()
        .filter(|ch| ch.is_ascii_digit() || *ch == '.')
        .collect();
    let small = digits
        .parse::<f64>()
        // 「数人」「十数社」 are few; 「数百」「数千社」 are not.
        .map_or(
            figure.contains('数') && !figure.contains(['百', '千']),
            |value| value <= 100.0,
        );
    small && !has_scale
}

/// The clause that holds `offset`, with the clause before it when a colon
/// joins them and that clause is about the writer's own thing: what follows
/// spells it out ("my cluster was wasting capacity: requests added up to
/// 92%"). "That keeps me on Obsidian: there are 1,500 plugins" gives a
/// reason from the world.
fn clause_after_a_colon(sentence: &str, offset: usize) -> &str {
    static POSSESSIVE: OnceLock<Regex> = OnceLock::new();
    let possessive = regex(
        &POSSESSIVE,
        r"(?-u:\b)(?:[Mm]y|[Oo]ur)(?-u:\b)|(?:私|僕|筆者|当社|弊社)の",
    );
    let bounds = clause_bounds(sentence, offset);
    let before = sentence[..bounds.start].trim_end();
    match before
        .strip_suffix(':')
        .or_else(|| before.strip_suffix('：'))
    {
        Some(head) if !head.is_empty() => {
            let start = clause_bounds(sentence, head.len().saturating_sub(1)).start;
            if possessive.is_match(&sentence[start..head.len()]) {
                &sentence[start..bounds.end]
            } else {
                &sentence[bounds]
            }
        }
        _ => &sentence[bounds],
    }
}

/// `clause` without an aside set off by dashes that holds no figure: in
/// "Across the wider ecosystem — including the private codebases we never
/// see — around 12% of projects", the writer's aside does not make the
/// figure theirs.
fn without_dashed_asides(clause: &str) -> std::borrow::Cow<'_, str> {
    let mut dashes = clause.match_indices(['—', '―']).map(|(at, _)| at);
    let (Some(open), Some(close)) = (dashes.next(), dashes.next()) else {
        return std::borrow::Cow::Borrowed(clause);
    };
    let aside = &clause[open..close];
    if aside.contains(|ch: char| ch.is_ascii_digit()) {
        return std::borrow::Cow::Borrowed(clause);
    }
    std::borrow::Cow::Owned(format!(
        "{}{}",
        &clause[..open],
        &clause[close + '—'.len_utf8()..]
    ))
}

/// Where the clause of `sentence` that holds `offset` starts and ends.
fn clause_bounds(sentence: &str, offset: usize) -> std::ops::Range<usize> {
    static BREAKS: OnceLock<Regex> = OnceLock::new();
    let breaks = regex(&BREAKS, "、|,|，|;|；|: |：| but | yet | while | when ");
    let (mut start, mut end) = (0, sentence.len());
    let bytes = sentence.as_bytes();
    for found in breaks.find_iter(sentence) {
        // "12,480": a figure's comma parts no clauses.
        if found.as_str() == ","
            && found.start() > 0
            && bytes[found.start() - 1].is_ascii_digit()
            && bytes.get(found.end()).is_some_and(u8::is_ascii_digit)
        {
            continue;
        }
        if found.end() <= offset {
            start = found.end();
        } else if found.start() >= offset {
            end = found.start();
            break;
        }
    }
    start..end.max(start)
}

/// Whether `offset` is in the sentence's last clause: in "75%以上の企業が
/// 動く中で、課題は何か？" the figure is a premise, stated, and only the
/// last clause asks.
fn in_last_clause(sentence: &str, offset: usize) -> bool {
    !sentence
        .get(offset..)
        .is_some_and(|rest| rest.contains(['、', ',', '，', ';', '；']))
}

/// Each character of `sentence` with its byte offset, and whether it is a
/// quotation mark of “…”, "…" or 「…」 or stands between them.
fn quotation_marked(sentence: &str) -> impl Iterator<Item = (usize, char, bool)> + '_ {
    let mut closing: Option<char> = None;
    sentence.char_indices().map(move |(at, ch)| {
        let quoted = match closing {
            Some(close) => {
                if ch == close {
                    closing = None;
                }
                true
            }
            None => {
                closing = match ch {
                    '“' => Some('”'),
                    '"' => Some('"'),
                    '「' => Some('」'),
                    _ => None,
                };
                closing.is_some()
            }
        };
        (at, ch, quoted)
    })
}

/// Whether `offset` stands inside “…”, "…" or 「…」: the quoted speaker's
/// figure, whoever reports it.
fn in_quotation(sentence: &str, offset: usize) -> bool {
    quotation_marked(sentence)
        .find(|(at, _, _)| *at >= offset)
        .is_some_and(|(_, _, quoted)| quoted)
}

/// The sentence with what stands inside “…”, "…" and 「…」 blanked.
fn without_quotations(sentence: &str) -> std::borrow::Cow<'_, str> {
    if !sentence.contains(['“', '"', '「']) {
        return std::borrow::Cow::Borrowed(sentence);
    }
    std::borrow::Cow::Owned(
        quotation_marked(sentence)
            .filter(|(_, _, quoted)| !quoted)
            .map(|(_, ch, _)| ch)
            .collect(),
    )
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| super::compiled(pattern))
}

pattern! {
    /// "Our steering council election closed on Friday": the writer's own
    /// organisation votes.
    own_vote = r"(?i:(?-u:\b)(?:our|my) (?:[a-z-]+ ){0,3}(?:elections?|votes?|polls?|ballots?)(?-u:\b))"
}

pattern! {
    /// "It normally retails for £349, so the discount made it easy": the
    /// seller's usual price, beside a discount the writer got.
    retail_price = r"(?i:(?-u:\b)(?:retails? (?:for|at)|normally (?:costs?|sells? for|retails?)|list price|MSRP|RRP)(?-u:\b))"
}

pattern! {
    /// A country's vote, which no project holds.
    public_election = r"国政|総選挙|衆議院|参議院|大統領|(?i:(?-u:\b)(?:national|presidential|parliament(?:ary)?|general election|referendum|senate|congress|midterms?|Bundestag)(?-u:\b))"
}

pattern! {
    /// The writer or the publisher speaking of itself. English pronouns are
    /// ASCII words; "I" only as a capital, so a list item "i." is not one.
    first_person = FIRST_PERSON
}

const FIRST_PERSON: &str = concat!(
    r"当社|弊社|当ブログ|当サイト|本ブログ|本サイト|当店|弊誌|本誌|当研究室|本研究室|当研究所|当協会|当法人|当団体|当館|当院|当クラブ|本紙|我々|我が社|わが社|私たち|わたしたち|僕ら|僕たち|筆者|私|僕|俺|わたし|手元|自宅|拙著|拙作|うちの(?:サービス|会社|チーム|サイト|ブログ|製品|使い方|環境|場合)|うちでは|うちは|",
    r"本(?:カンファレンス|イベント|大会|セミナー|勉強会|講座|サービス|製品|プログラム|コンテスト|ハッカソン)|",
    calculation_words!(),
    "|",
    // Not the I of a road or a grade: "the I-5 corridor".
    r"(?-u:\b)(?:I'm|I've|I'd|I'll|I)(?:[\s,.;:!?)\]'’\x22”]|$)|",
    r"(?-u:\b)(?:us|me)(?-u:\b)|",
    r"(?i:(?-u:\b)(?:we|we're|we've|we'll|we'd|our|ours|my)(?-u:\b))"
);

pattern! {
    calculation = calculation_words!()
}

pattern! {
    /// "(see our batteries hub)", 「（詳しくは前回の記事）」: a pointer to the
    /// site's own page says nothing of the figure beside it.
    cross_reference = r"[(（]\s*\[?(?:[Ss]ee|cf\.|詳しくは|参照)[^)）]*[)）]"
}

pattern! {
    /// 「私たちは、…」「当社では、…」「私の使い方だと、…」「当店でも…感じて
    /// いて、…」: a Japanese sentence whose topic is the writer speaks of
    /// them in every clause after the comma, as an English one with a new
    /// subject does not.
    opens_on_the_writer = r"^[\s*_>-]*(?:当社|弊社|当店|当ブログ|当サイト|本誌|弊誌|当研究室|本研究室|当研究所|当協会|当法人|当団体|当館|当院|当クラブ|本紙|私たち|わたしたち|我々|僕ら|僕たち|筆者|私|僕|うち)(?:の[^、。「」]{1,10}(?:「[^」]{1,20}」)?)?(?:は|では|でも|としては|だと|なら|の場合)(?:[^、。「」]{1,25}(?:て|ていて|ており|ので|し))?、"
}

const PUBLISHER: &str = concat!(
    r"当社|弊社|当ブログ|当サイト|本ブログ|本サイト|当店|弊誌|本誌|当研究室|本研究室|当研究所|当協会|当法人|当団体|当館|当院|当クラブ|本紙|",
    r"本(?:カンファレンス|イベント|大会|セミナー|勉強会|講座|サービス|製品|プログラム|コンテスト|ハッカソン)|",
    r"お得|お申し込み|お申込み|ご購入|ご利用いただけ|お(?:買い)?求めいただけ|拙著|拙作|宣伝|発売中|",
    // A provider's keigo to its own customers: 「3プランをご用意しています」,
    // 「1案件30万円から承っています」, 「初月無料でお試しいただけます」.
    r"ご用意して(?:い|お)|ご用意しました|承って|承ります|お試しいただけ|を(?:ご)?提供しています|",
    r"(?i:(?-u:\b)(?:our|my) (?:[a-z-]+ ){0,4}?(?:plans?|pricing|store|shop|membership|subscription|conference|event|meetup|course|product|service|app|newsletter|contest|book|ebook|tier|edition|workshop|training)(?-u:\b)|(?-u:\b)we offer(?-u:\b)|(?-u:\b)(?:existing|current) customers keep(?-u:\b)|(?-u:\b)(?:email|contact) us(?-u:\b)|the (?:Association|Foundation|Project|Society)(?:'s|’s) (?:online )?(?:shop|store))"
);

pattern! {
    /// "shave 30% off", "knocked 10% off": a cut, not a discount.
    reduction = r"(?i:(?-u:\b)(?:shave|shaves|shaved|shaving|knock|knocks|knocked|slash|slashed)(?-u:\b)[^.]*(?-u:\b)off(?-u:\b))"
}

pattern! {
    /// The reader addressed: "you", "your".
    second_person = r"(?-u:\b)(?:[Yy]ou|[Yy]our|[Yy]ours)(?-u:\b)"
}

pattern! {
    /// What such things go for in general, not what the publisher offers:
    /// 「同規模のカンファレンスでは参加費5,000円前後が相場」, "the going rate".
    market_rate = r"相場|(?i:(?-u:\b)(?:going rate|market rate)(?-u:\b))"
}

pattern! {
    /// Words of opinion and hearsay: "I'd guess", "I heard from", "my claim
    /// that", 「と聞く」. The writer gives a view of the world, not a fact of
    /// their own, so a first person among them does not make the figure theirs.
    opinion = r"(?i:(?-u:\b)(?:I'd guess|I guess|I think|I believe|I suspect|I'd say|I bet|I heard|I've heard|I have heard|I've seen|I have seen|I've read|I have read|I read somewhere|I read that|I've noticed|I wrote|as I wrote|as we covered|as I covered|I covered|I've spoken to|I have spoken to|I've talked to|we've talked to|I'm told|we're told|we (?:often )?hear|told me|told us|my (?:claim|guess|estimate|hunch|sense|impression)|in my (?:experience|view|opinion))(?-u:\b))"
}

pattern! {
    /// A sentence whose topic is the writer's or the publisher's own thing.
    own_topic = concat!(
        r"^[\s*_#>-]*(?:(?:当社|弊社|当ブログ|当サイト|本ブログ|本サイト|当店|我々|私たち|わたしたち|僕ら|僕たち|筆者|私|僕)の[^、。「]*(?:は|では|が)|",
        r"(?:Our|My) [A-Za-z-]+ [A-Za-z])"
    )
}

/// The publisher advertises its own job.
const HIRING: &str = r"募集しています|募集中です|採用しています|(?i:(?-u:\b)(?:we're hiring|we are hiring|join our team)(?-u:\b))";

pattern! {
    salary = r"年収|月給|時給|(?i:(?-u:\b)(?:salary|salaries|pay range)(?-u:\b))"
}

/// The publisher's own offer: prices cut, prizes, fees of its events.
const OFFER: &str = concat!(
    r"支給します|補助します|助成します|承って(?:い|お)|承ります|チケット|定員(?:[^割]|$)|先着|応募|審査員|選考を経|お得|割引|割り引|払い戻|クーポン|賞金|副賞|賞品|景品|贈呈|相当の|相当）|参加費|特典|キャンペーン|入場料|受講料|会費|早割|懸賞|奨学金|懇親会|抽選で|最優秀|",
    r"(?i:(?-u:\b)(?:travel (?:support|grants?|funding)|pre-?orders?|(?:will be|are|is) matched|matching (?:gifts?|donations?|campaign)|grants? cover|venue (?:holds|seats|fits)|discounts?|discounted|coupons?|prizes?|promo(?:tion)? code|early[- ]bird|tickets?|admission|registration fees?|stipends?|scholarships?|reimburse[ds]?|reimbursements?|runners?-up|winners? (?:receives?|gets?|will receive|takes? home)|funded with|per event|seating for|with a limit of|(?:1st|2nd|3rd|first|second|third) place|honou?rable mention|internships?)(?-u:\b)|[0-9] ?(?:%|percent) off(?-u:\b)|(?-u:\b)off (?:the|your|all|every|any|list|retail)(?-u:\b)|(?-u:\b)(?:annual|yearly) (?:billing|plans?|subscriptions?|payment) saves?(?-u:\b))|[0-9０-９] ?[%％] ?オフ"
);

/// Prices and plans: the publisher's own when the block speaks in the first
/// person or names the site's own names (「当ブログでは…。料金は月額980円」).
const PRICE: &str = concat!(
    r"料金|月額|年額|年払い|月払い|価格|定価|税込|税別|プラン|定員|で販売し|チケット|懇親会|抽選|プレゼント|ご用意|ご利用いただ|ご提供|半額|初年度|実施中|受付中|",
    r"(?i:(?-u:\b)(?:plans?|pricing|prices?|costs?|per seat|subscription|free trial|seats|membership)(?-u:\b))"
);

/// The release itself speaking: "this release", 今回のリリース.
const THIS_RELEASE: &str = concat!(
    r"今回のリリース|本リリース|このリリース|新バージョン|リリースノート|",
    // A release's diffstat: 「1,239個のファイルが更新され、98,343行が追加され」.
    r"ファイルが(?:更新|修正|変更)され|(?i:(?-u:\b)(?:files changed|insertions\(\+\)))|",
    r"(?i:(?-u:\b)(?:this release|this version|the new release|this update|in this version)(?-u:\b))"
);

/// A how-to's quantities: settings, thresholds, targets and steps the reader
/// is told to use (§2).
const HOW_TO: &str = concat!(
    r"を超えたら(?:[^し]|$)|を下回ったら(?:[^し]|$)|を超えた場合|を下回った場合|に達したら(?:[^し]|$)|になったら(?:[^し]|$)|を切ったら(?:[^し]|$)|",
    r"を目安|目安は|目安として|目安に|を目標に|目標値|可用性目標|しきい値|閾値|続いたら|",
    r"に設定|を設定|設定する|設定値|設定し|割り当て|を上限|上限を|以内に収め|に抑え(?:る|ます|まし|て|たい|よう)|",
    r"段階的|ロールアウト|カナリア|[%％] ?→ ?[0-9０-９.]+ ?[%％] ?→|エラーバジェット|(?-u:\b)SL[OA]s?(?-u:\b)|",
    // "go to 1% of traffic, then 10%, then 50%": a rollout's steps.
    r"[0-9] ?%,? then [0-9.]+ ?%|(?-u:\b)(?:go|goes|roll|rolls|ramp|ramps|promote|promoted|expand|expands) (?:out )?to [0-9.]+ ?% of (?:traffic|users|requests|hosts|nodes|the fleet)(?-u:\b)|",
    r"してください|しましょう|推奨|チェックリスト|デフォルトでは|既定では|に制限|に引き上げます|に引き下げます|にしておき|にしておく|にしておけ|にしてあり|のままで(?:問題|大丈夫|構いません|よい|良い)|",
    // A tool's defaults and hard limits, a criterion fixed in advance, an
    // alert on reaching a share: 「既定 1000 AIC = $10」「ハードリミット」
    // 「採用基準は…+50% 以内」「予算 80% 到達通知」.
    r"既定|デフォルト|リミット|採用基準|合格基準|判定基準|",
    r"(?i:(?-u:\b)(?:thresholds?|set (?:\w+ ){1,3}to (?:about |around |roughly |at least |at most |~)?[0-9$€£¥`'\x22]|set to [0-9]|configure[ds]?|alerts? (?:when|if)|(?:gets?|be|is) paged|(?:if|when|once) [^.]*(?:exceeds|drops below|falls below|goes above|goes over)|aim for|roll ?out|canary|ramp up|error budget|at most|no more than|batch size|timeout ?=|should|by default|defaults to|is limited to|(?:we|I) (?:strongly |would |still )?recommend|recommend(?:s|ed)? [a-z]+ing(?-u:\b)|(?:is|are) (?:highly |strongly )?recommended|recommended (?:settings?|values?|sizes?|minimum|maximum|limits?|defaults?)|make sure|keep (?:it |them )?(?:under|below)|(?:that|which|this) gives you|you (?:still )?(?:have to|must|need to) (?:pay|use|set|spend|keep|bring|register|submit|book|buy|provide|cover|reserve|allow|budget)|(?:waiting|wait) until)(?-u:\b))"
);

/// A survey's own respondents: the site reporting the survey it ran.
const OWN_SURVEY: &str = r"回答者|回答した|回答して|回答(?:を)?いただ|(?i:(?-u:\b)(?:respondents?|responses|those surveyed|survey takers|of (?:them|those) (?:said|say|told|answered|reported))(?-u:\b))";

/// The writer ran the survey: it thanks those who answered, or calls it
/// its own.
const OWN_SURVEY_WORDS: &str = r"回答してくれ|回答(?:を)?いただ|(?:当店|当社|弊社|私たち|当ブログ|本誌|本紙)(?:で|が)[^。]{0,20}(?:アンケート|調査)|ご回答|ご協力いただ|(?i:(?-u:\b)(?:our|my) (?:[a-z0-9-]+ ){0,2}survey|(?-u:\b)(?:we|I) (?:surveyed|interviewed|asked|spoke to|spoke with|talked to|talked with)(?-u:\b))";

/// A staged rollout or rollback.
const ROLLOUT: &str = r"段階的|ロールアウト|ロールバック|カナリア|ブルーグリーン|に展開し|へ展開し|(?i:(?-u:\b)(?:roll ?out|rolling out|rollback|canary|blue[- ]green|staged release|feature flag|roll (?:[a-z]+ ){1,3}out)(?-u:\b))";

/// The publisher thanks its readers for a milestone.
const THANKS_WORDS: &str = r"おかげさまで|ありがとうございま|感謝いたします|感謝申し上げ|(?-u:\b)(?:Thank you|thank you|Thanks, everyone|Thanks to all|thanks to all)(?-u:\b)";

/// The writer measured it on their own machine.
const OWN_MEASUREMENT_WORDS: &str = r"手元で計測|手元で測|手元の環境で|計測したところ|測ってみ|ベンチマークを取っ|(?:比べ|試し|測っ|走らせ|計測し)たところ|(?i:(?-u:\b)(?:I|we) (?:measured|benchmarked|timed|ran)|(?-u:\b)on my (?:machine|laptop|desktop))(?-u:\b)";

/// A Japanese sentence's polite ending, anywhere in a block.
const POLITE_ENDING: &str = r"(?:ました|ます|でした|です|ません)[。！!）)」]";

/// The writer tells of a change they made, in English.
const OWN_WORK_IN_ENGLISH: &str = r"(?-u:\b)(?:[Ww]e|I) (?:(?:finally|recently|then|also|just) )?(?:started (?:paying|using|running|shipping|publishing)|moved|migrated|replaced|switched|rewrote|rebuilt|plugged|deployed|rolled out|introduced|trimmed|upgraded|swapped|consolidated)(?-u:\b)";

/// The writer reports their own work, in Japanese whose subject goes
/// unsaid: what they did this time, since they moved or launched, what the
/// participants of their own event did for them.
const OWN_WORK_WORDS: &str = concat!(
    r"今回[はも、]|そこで|今月|今期|今年は|移行を終え|移行後|移行して|導入して|導入し[、た]|刷新し|切り替え|リリースから|公開から|個人開発|振り返り|自作|",
    r"採用を予定|募集して|一緒に働|(?:設計|計測|検証|比較|開催)(?:に|を)?しました|させていただ|(?:下げ|上げ|減らし|増やし)ました|(?:試験|テスト|実験|計測|測定)を[^。]{0,20}ました|(?:スキャン|集計|分析)(?:を)?しました|",
    // 「A/B テストしました」「約38%削減できました」: the writer's own trial and its result.
    r"(?:テスト|実験)(?:を)?(?:実施)?しました|(?:改善|削減|短縮)(?:し|でき)(?:ました|、)|移行した|(?:個人|自分)で(?:作っ|開発し)た|",
    r"いただいたご寄付|(?:改定|変更|値上げ|値下げ)(?:します|いたします|させていただきます)|(?:ご参加|ご登壇|ご協力|ご支援|ご協賛|ご寄付|お集まり|集まって|参加して|立ち寄って|お越し|ご来場|ご応募|応募して)いただ|のおかげ|おかげさまで|",
    // 「選挙の結果をお知らせします」: the publisher reports its own news.
    r"(?:お知らせ|ご報告|ご案内)(?:します|いたします)"
);

pattern! {
    /// What is said or thought by nobody in particular: "apparently",
    /// "reportedly", "people say", "is said to".
    names_nobody_in_english = r"(?i:(?-u:\b)(?:apparently|reportedly|people say|is said|are said|rumou?red|supposedly|allegedly)(?-u:\b))"
}

pattern! {
    /// An English sentence about the world beyond the writer: an industry,
    /// a market, what is typical.
    the_wider_world = r"(?i:(?-u:\b)(?:ecosystem|industry|market|worldwide|globally|nationwide|across the|in general|on average|typical(?:ly)?|most (?:people|projects|maintainers|developers|companies|teams|users))(?-u:\b))"
}

/// A sentence about the world at large, not the site's own things, though
/// it names nobody: a market, an industry, a country, what is typical, the
/// rivals ("E-bikes now make up about 40% of new bikes sold nationally",
/// 「日本の森林面積は国土の約3分の2」).
fn speaks_of_the_world_at_large(sentence: &str) -> bool {
    the_wider_world().is_match(sentence) || beyond_the_site().is_match(sentence)
}

pattern! {
    /// What [`the_wider_world`] does not say of the world at large: its
    /// Japanese words, a country, the average, the rivals, a share.
    beyond_the_site = concat!(
        r"市場|業界|国内|国土|世界|海外|全国|各国|日本の|一般に|一般的|平均的|他社|競合|",
        r"(?i:(?-u:\b)(?:nationally|the average|rivals?|competitors?|(?:desktop|browser|market) share)(?-u:\b))"
    )
}

pattern! {
    /// A Japanese sentence that ends in the polite form the writer of a
    /// blog speaks in: ました, です, ています.
    polite_ending = r"(?:ました|ます|でした|です|ません)[。！!）)」\s]*$"
}

pattern! {
    /// What a polite sentence says of the world, not of the writer's work:
    /// hearsay, a source, a market, an industry.
    about_the_world = concat!(
        r"と言われ|といわれ|とされ|らしい|そうで|だとか|とか[。、]|と聞|によると|によれば|調査|報道|報じ|発表|という結果|という話|",
        r"予測|見込み|見通し|推計|市場|業界|国内|世界|海外|一般に|一般的|平均的|株式会社|総研|研究所|協会|財団|大学|政府|他社|各社|大手|企業|中小|人口|全国|各国|韓国|中国|米国|アメリカ|欧州|ようです|ようだ"
    )
}

/// An event's own words: its attendance is part of it.
const EVENT_WORDS: &str = r"カンファレンス|イベント|勉強会|ハッカソン|セミナー|懇親会|ミーティング|例会|定例会|練習会|(?i:(?-u:\b)(?:conference|summit|meetup|meeting|workshop|hackathon|booth|(?:the|an|this|our) event|(?:bug|hack|translation|packaging|testing) ?(?:days?|weeks?)|release part(?:y|ies)|sprints?)(?-u:\b))";

/// A vote a project holds: its board election, a naming poll.
const VOTE: &str =
    r"投票|得票|(?i:(?-u:\b)(?:votes?|voters|voting|voted|ballots?|elections?|polls?)(?-u:\b))";

/// What a release holds: on a project's site, a release post counts its
/// own ("about 7,200 packages in the Beta").
const RELEASE_CONTENTS: &str = r"(?i:(?-u:\b)packages(?-u:\b))";

pattern! {
    /// What the writers of a release thank and count: "We also closed 412
    /// issues this cycle, thanks to 137 contributors".
    release_credits = r"(?i:(?-u:\b)(?:contributors|commits|pull requests|closed (?:[0-9,]+ )?issues)(?-u:\b))"
}

/// Who came, signed up or downloaded: on a project's site, its own count.
const AUDIENCE: &str = r"ダウンロード数|来場者|参加者数|登録者数|(?i:(?-u:\b)(?:downloads|downloaded|seeders|leechers|visitors|attendees|attendance|signed up|sign-?ups|registrations|page views|subscribers|followers)(?-u:\b))";

/// A project's own money: its budget, funds and grants.
const FUNDING: &str = r"予算|資金|助成|寄付|収入|(?i:(?-u:\b)(?:budgets?|funds|funding|grants?|allocated|allocation|reserved|unreserved|spent|income|donations?|donors|sponsorships?|sponsors)(?-u:\b))";

/// An outage told by the one who runs the service: to its customers
/// (お客様, お詫び), or as its own postmortem ("The root cause was").
const OWN_INCIDENT: &str = r"お客様|お客さま|ご迷惑|お詫び|根本原因|再発防止|(?i:(?-u:\b)(?:the root cause|post-?mortem|we apologi[sz]e)(?-u:\b))";

/// An outage's own measures: requests that failed, errors, latency.
const INCIDENT: &str = concat!(
    r"リクエスト|エラー|レイテンシ|応答時間|タイムアウト|ダウンタイム|加盟店|決済|影響を受け|",
    r"(?i:(?-u:\b)(?:requests?|errors?|error rate|latency|downtime|uptime|timeouts?|availability|were affected|were impacted|were queued|were delayed|were lost|deliveries|saw (?:errors|failures|delays))(?-u:\b))"
);

pattern! {
    /// A heading that announces a release: narrower than [`release_title`], as
    /// a section of any post may be about performance.
    release_heading = r"リリースしました|をリリース|リリースのお知らせ|リリースノート|主な変更点|(?i:(?-u:\b)(?:released|is out|is here|now available|announcing|release notes|what's new|changelog)(?-u:\b)|^[\s#]*(?:[A-Za-z0-9.]+ )?release\s*$)"
}

pattern! {
    /// A heading in the publisher's own voice.
    publisher_heading = r"当社|弊社|私たち|我々|当ブログ|本ブログ|会計報告|収支報告|活動報告|開催レポート|開催報告|募集中|(?i:(?-u:\b)(?:our|we|we're|we are|us|announcing|this blog|this site|year in review)(?-u:\b))"
}

pattern! {
    /// A heading of a rollout's steps: 「カナリアリリースの手順」, "Canary
    /// rollout plan"; not a paper's 「ロールアウト単位で見ると」.
    rollout_steps = r"(?:カナリア|段階的|ロールアウト|ブルーグリーン|(?i:canary|rollout|roll-out|blue[- ]green))[^。]{0,20}?(?:手順|進め方|やり方|計画|戦略|(?i:steps?|plan|strategy|procedure))|(?:手順|(?i:steps?|plan))[^。]{0,20}?(?:カナリア|ロールアウト|(?i:canary|rollout))"
}

pattern! {
    /// A heading that is only the targets a team sets: "## SLO", 「アラートの
    /// 閾値」, "Alerting thresholds"; not 「SLA が守る範囲」 nor 「スコア閾値運用」,
    /// which discuss someone else's.
    targets_heading = r"^[\s#]*(?:SL[OA]s?|SLI ?/ ?SLO|SLO ?/ ?SLI|SLO ?(?:と|and) ?SLI|サービスレベル目標|(?:アラートの?)?(?:しきい値|閾値)(?:の?設定)?|アラート(?:設定|条件|ルール)|(?i:service level objectives?|alert(?:ing)? (?:rules|thresholds|conditions)|thresholds))\s*$"
}

pattern! {
    /// A newsroom's "we" in a heading: what it knows of someone else.
    newsroom_heading = r"(?i:(?-u:\b)what we (?:know|don't know|do not know|expect|learned|heard)(?-u:\b))"
}

pattern! {
    /// A post or section about the site's own outage.
    incident_heading = r"障害|インシデント|ポストモーテム|遅延|不具合|発生した[^。]*について|(?i:(?-u:\b)(?:incident|outage|post-?mortem|downtime|status report|uptime report)(?-u:\b))"
}

pattern! {
    /// The writer's purchase or expense: 買いました, 購入した, 交通費,
    /// 会場費, "I bought", "paid".
    purchase = PURCHASE
}

const PURCHASE: &str = concat!(
    r"買い(?:まし|ました)|買った|買って|購入し(?:た|て|まし)|支払(?:った|って|いまし)|",
    r"買ったもの|購入したもの|買い物|",
    r"交通費|宿泊費|旅費|会場費|飲食費|(?:円|ドル)(?:近く|ほど|くらい|程度)?を?使(?:っ|いまし)|手に入れ|",
    r"(?i:(?-u:\b)(?:bought|purchased|paid|ordered)(?-u:\b))"
);

pattern! {
    /// What a seller asks, not what the writer paid (定価, 一律, "retails
    /// for", "Northbeam charges"), or a comparison that brings in another's
    /// price (他社, 比べ, なお, "compared with").
    list_price = r"定価|通常価格|希望小売|市場価格|実売|店頭価格|入館料|入場料|運賃|相場|一律|他社|競合|同等品|比べ|比較|一方|なお|に対し|(?i:(?-u:\b)(?:retails?|retailing|normally|usually|list price|lists (?:at|for)|listed at|MSRP|RRP|street price|charges?|sells? for|priced at|compared|versus|vs|whereas|competitors?|rivals?)(?-u:\b))"
}

pattern! {
    survey_title = r"アンケート結果|調査結果|(?i:(?-u:\b)community survey(?-u:\b)|(?-u:\b)survey(?:-| )?(?:\d{4} )?results?(?-u:\b)|(?-u:\b)survey \d{4}$|(?-u:\b)results? of the (?:\d{4} )?(?:state of \w+ )?survey(?-u:\b))"
}

pattern! {
    release_title = r"リリース|公開|(?i:(?-u:\b)(?:released?|releases|announcing|announcement|is out|now available|improvements?|speed(?:ing)? up|faster|performance)(?-u:\b))"
}

/// What release notes measure about their own product.
const PERFORMANCE: &str = concat!(
    r"高速|速く|遅く|速度|スループット|レイテンシ|応答時間|オーバーヘッド|改善|短縮|削減|向上|性能|ベンチマーク|メモリ|計算時間|実行時間|処理時間|ビルド時間|コンパイル時間|起動時間|",
    r"(?i:(?-u:\b)(?:faster|slower|as fast|as slow|speed ?ups?|speed|start-?up times?|startup|boot times?|performance|benchmarks?|regress(?:ed|es|ions?)?|slowdowns?|build times?|codegen|disk size|binary size|cache misses|improv(?:e[ds]?|ing)|improvements?|reduc(?:ed|es|ing|tion)|overhead|memory|smaller|larger|compile times?|coverage|documented|documentation|test suites?|tests|wins|times (?:higher|lower))(?-u:\b))"
);

/// An illustration, not a statement: 例えば, 仮に, 想定, "for example".
const HYPOTHETICAL: &str = concat!(
    r"例えば|たとえば|仮に|仮定|想定|もし|シナリオ|とすると|とした場合|(?:以下|次|下)の例|この例では|",
    r"(?i:(?-u:\b)(?:for example|for instance|(?:the )?following example|this example|the example below|e\.g\.|suppose|imagine|let's assume|let us assume|if we assume|assuming that|let's say|hypothetical(?:ly)?|best[- ]case|worst[- ]case|scenario)(?-u:\b))"
);

/// Idioms with a number in them.
const RHETORICAL: &str = concat!(
    r"百聞は|一石二鳥|十人十色|千載一遇|百も承知|[0-9０-９]+ ?[%％]の(?:自信|力|確信|本気|努力|満足|力で)|[0-9０-９]+人いれば[0-9０-９]+通り|",
    r"(?i:100 ?(?:%|percent) (?:sure|certain|confident|committed|agree|correct|precise|honest|would)|give (?:it )?(?:100|110) ?(?:%|percent)|(?-u:\b)(?:[0-9]+|nine|ninety-nine) times out of (?:[0-9]+|ten|a hundred)|(?-u:\b)(?:80|90|95|99) ?(?:%|percent) of (?:the )?(?:cases|time|problems|use cases|issues)(?-u:\b)|(?-u:\b)(?:90|95|99) ?(?:%|percent) (?:working|done|complete|finished|there|ready)(?-u:\b))"
);

#[cfg(test)]
mod tests {
    use super::*;

    /// Why the sentence's first figure is not a claim.
    fn reason(sentence: &str) -> Option<NotAClaim> {
        let offset = sentence.find(|ch: char| ch.is_ascii_digit()).unwrap_or(0);
        let figure: String = sentence[offset..]
            .chars()
            .take_while(|ch| !ch.is_whitespace())
            .collect();
        reason_at(sentence, &figure)
    }

    /// Why `figure`, in `sentence`, is not a claim.
    fn reason_at(sentence: &str, figure: &str) -> Option<NotAClaim> {
        let place = Place {
            quoted: false,
            offset: sentence.find(figure).unwrap(),
            small: is_small_figure(figure) && first_person().is_match(sentence),
            how_to: false,
            at_an_event: false,
            paid: false,
            worked_out: false,
            offered: false,
        };
        not_a_claim(
            sentence,
            &FirstPartyNames::default(),
            Post::default(),
            place,
        )
    }

    #[test]
    fn a_paragraph_that_announces_a_release() {
        use super::announces_a_release;
        for opening in [
            "Heronix Linux 42 をリリースしました。新しいインストーラーは…",
            "Sazanami 4.0 is here. With the new JIT enabled, …",
            "Rust 1.80 is now available!",
            "We're happy to announce Sazanami 4.0, with a new JIT.",
            "We are pleased to announce the release of Quillon 2.",
        ] {
            assert!(announces_a_release(opening), "{opening}");
        }
        for opening in [
            "We are pleased to announce Issue 197 from openSUSE Weekly News. Version 2.0 of …",
            "Samsung's new phone, the S30, is out.",
            "新機能の検証結果を踏まえ、来月に正式版をリリースしました。",
            "The roadmap is out of date.",
        ] {
            assert!(!announces_a_release(opening), "{opening}");
        }
    }

    #[test]
    fn each_reason_from_the_sentence_words() {
        assert_eq!(
            reason("当ブログの有料プランは月額980円です。"),
            Some(NotAClaim::FirstPerson)
        );
        assert_eq!(
            reason("Our Pro plan costs $12 per month."),
            Some(NotAClaim::FirstPerson)
        );
        assert_eq!(
            reason("早割チケットは30%割引になる。"),
            Some(NotAClaim::Offer)
        );
        assert_eq!(reason("Get 20% off with the code."), Some(NotAClaim::Offer));
        assert_eq!(
            reason("CPU使用率が80％を超えたらアラートを出す。"),
            Some(NotAClaim::HowTo)
        );
        assert_eq!(reason("Set the batch size to 64."), Some(NotAClaim::HowTo));
        assert_eq!(reason("1%→10%→100%と広げる。"), Some(NotAClaim::HowTo));
        assert_eq!(
            reason_at(
                "We asked 2,000 readers: 45% of respondents use it daily.",
                "45%"
            ),
            Some(NotAClaim::OwnSurvey)
        );
        // Someone else's survey's respondents are a claim.
        assert_eq!(reason("45% of respondents use it daily."), None);
        assert_eq!(reason("I'm 100% sure."), Some(NotAClaim::Rhetorical));
        // A quoted speaker's "we" is not the writer's.
        assert_eq!(reason("He said: “we saw a 9x speed-up”."), None);
        assert_eq!(
            reason("「私たちの売上は3倍になった」と同社は述べた。"),
            None
        );
        assert_eq!(
            reason("例えば月額1万円のプランなら"),
            Some(NotAClaim::Hypothetical)
        );
        assert_eq!(
            reason("Lead Timeが前週比+20%超でないか"),
            Some(NotAClaim::Question)
        );
        // A figure stated as the premise of a question is still stated.
        assert_eq!(
            reason("75%以上の企業がAI導入に動く中で、課題は何か？"),
            None
        );
        // A quoted speaker's "we", in a block quote, is not the writer's.
        assert_eq!(
            not_a_claim(
                "we got close to 9x wins",
                &FirstPartyNames::default(),
                Post::default(),
                Place {
                    quoted: true,
                    offset: 0,
                    small: false,
                    how_to: false,
                    at_an_event: false,
                    paid: false,
                    worked_out: false,
                    offered: false,
                }
            ),
            None
        );
        // A first person in another clause does not make the figure the writer's.
        let sentence = "I've written every day for 3 years, yet only 10% of bloggers keep going.";
        assert_eq!(reason_at(sentence, "10%"), None);
        let sentence = "私は3年間書いてきたが、続ける人は1割程度しかいないらしい。";
        assert_eq!(reason_at(sentence, "1割程度"), None);
        // A small count in a sentence in the first person is the writer's own.
        assert_eq!(
            reason_at("私は、4人家族で暮らしている。", "4人"),
            Some(NotAClaim::FirstPerson)
        );
        assert_eq!(reason("すでに国内のユーザーは10万人を超えたらしい。"), None);
        // A third party's figure stays a claim.
        assert_eq!(reason("国内のSaaS市場は1兆円を超えた。"), None);
        assert_eq!(reason("NVIDIA sold 3 million H100s."), None);
        // "off" and "us" are words, not parts of words.
        assert_eq!(reason("Offices in the US grew 40%."), None);
    }

    /// Reasons read from the block around the sentence: the publisher's
    /// own prices, a rollout, small counts of a writer who said "私".
    #[test]
    fn what_the_block_says_about_its_sentences() {
        let names = FirstPartyNames::default();
        let reason_in = |block: &str, sentence: &str, figure: &str| {
            let words = BlockWords::of(block, &names, Post::default());
            let place = Place {
                quoted: false,
                offset: sentence.find(figure).unwrap(),
                small: words.personal && is_small_figure(figure),
                how_to: false,
                at_an_event: false,
                paid: false,
                worked_out: false,
                offered: false,
            };
            for_figure(
                sentence,
                place,
                SentenceFacts::of(sentence, "", &names, Post::default(), words),
            )
        };
        let block = "当ブログでは今月から有料プランを始めました。料金は月額980円です。";
        assert_eq!(
            reason_in(block, "料金は月額980円です。", "980円"),
            Some(NotAClaim::Offer)
        );
        let block = "私は北海道を一周した。パンクは4回だった。";
        assert_eq!(
            reason_in(block, "パンクは4回だった。", "4回"),
            Some(NotAClaim::FirstPerson)
        );
        // Someone else's price stays a claim in a block without the publisher.
        let block = "As we covered last month, rental prices rose about 80% in a year.";
        assert_eq!(reason_in(block, block, "about 80%"), None);
    }

    #[test]
    fn instructions_examples_opinions_and_quotations() {
        assert_eq!(
            reason("Set a budget alert at 80% of your monthly spend."),
            Some(NotAClaim::HowTo)
        );
        assert_eq!(
            reason("On small instances, keep shared_buffers at 25% of RAM."),
            Some(NotAClaim::HowTo)
        );
        assert_eq!(
            reason("- *Ensure that API doc coverage is at least 90%*"),
            Some(NotAClaim::HowTo)
        );
        assert_eq!(
            reason("Walk to north for about 500 meters."),
            Some(NotAClaim::HowTo)
        );
        // A Japanese line that opens on a lower-case English word.
        assert_eq!(reason("- install 数では、重複が約 46.3% ある。"), None);
        assert_eq!(
            reason("It is premature to be 100% precise in all areas."),
            Some(NotAClaim::Rhetorical)
        );
        assert_eq!(
            reason_at("Our Pro plan costs $12 per month, or $120 a year.", "$120"),
            Some(NotAClaim::FirstPerson)
        );
        assert_eq!(
            reason_at("補充条件は (例: $50 USD) にする。", "$50"),
            Some(NotAClaim::Hypothetical)
        );
        assert_eq!(
            reason("This release makes cold starts about 2x faster."),
            Some(NotAClaim::ReleaseNotes)
        );
        assert_eq!(
            reason_at(
                "この単価を890件に外挿すると、コストは約$1,400です。",
                "$1,400"
            ),
            Some(NotAClaim::FirstPerson)
        );
        // An opinion or hearsay of the writer's is about the world.
        assert_eq!(
            reason_at("I'd guess nearly 30% of engineers work abroad.", "30%"),
            None
        );
        assert_eq!(
            reason_at(
                "私の周りでも「副業で月5万円は稼げる」という声を聞く。",
                "5万円"
            ),
            None
        );
        // A bare 100% after a speaker's name is agreement; after a label, a value.
        assert_eq!(
            reason("**Jan David Nose**: 100%."),
            Some(NotAClaim::Rhetorical)
        );
        assert_eq!(reason("Coverage: 100%"), None);
        // "shave 30% off" is a cut, not a discount.
        assert_eq!(reason("AI tooling will shave 30% off that growth."), None);
    }

    #[test]
    fn a_post_about_the_sites_own_names() {
        let names = FirstPartyNames::new(&["openSUSE".into()]);
        let post = Post::of("The openSUSE Forums Reach 40,000 Users", &names);
        let reason_of = |sentence: &str| {
            let words = BlockWords::of(sentence, &names, post);
            for_figure(
                sentence,
                Place::default(),
                SentenceFacts::of(sentence, "", &names, post, words),
            )
        };
        assert_eq!(
            reason_of("The forums are currently at 40,445 users."),
            Some(NotAClaim::FirstParty)
        );
        // A sentence that names someone else is about them.
        assert_eq!(reason_of("LinuxTag attracts nearly 12,000 visitors."), None);
    }

    #[test]
    fn measures_and_formats_name_nobody() {
        let names = FirstPartyNames::default();
        assert!(!names.another_party_in("結果、TTFBは中央値で約6割短縮しました。"));
        assert!(!names.another_party_in("The JSON output shrank by 30%."));
        assert!(names.another_party_in("結果、LinuxTagの来場者は約6割増えました。"));
    }

    #[test]
    fn first_party_names_and_release_notes() {
        let names = FirstPartyNames::new(&["RubyKaigi".into(), "ルビー会議".into()]);
        assert_eq!(
            not_a_claim(
                "RubyKaigi had 1,200 attendees",
                &names,
                Post::default(),
                Place::default()
            ),
            Some(NotAClaim::FirstParty)
        );
        assert_eq!(
            not_a_claim(
                "ルビー会議の来場者は800人",
                &names,
                Post::default(),
                Place::default()
            ),
            Some(NotAClaim::FirstParty)
        );
        assert_eq!(
            not_a_claim(
                "Rubyists are 2 million",
                &names,
                Post::default(),
                Place::default()
            ),
            None
        );
        let survey = Post::of("Rust Survey 2023 Results", &names);
        assert!(survey.is_survey_report);
        assert_eq!(
            not_a_claim("Over 70% use it", &names, survey, Place::default()),
            Some(NotAClaim::OwnSurvey)
        );
        assert!(Post::of("2024 State of Rust Survey Results", &names).is_survey_report);
        assert!(!Post::of("Launching the 2024 State of Rust Survey", &names).is_survey_report);
        let release = Post::of("Ruby 3.3.0 Released", &FirstPartyNames::default());
        for speed_up in [
            "ERB now generates code from a template twice as fast as Ruby 2.4.",
            "ERB は Ruby 2.4 に比べて 2 倍の速度でコードを生成するようになりました。",
        ] {
            assert_eq!(
                not_a_claim(speed_up, &names, release, Place::default()),
                Some(NotAClaim::ReleaseNotes),
                "{speed_up}"
            );
        }
        assert_eq!(
            not_a_claim(
                "YJIT is 13% faster than before",
                &names,
                release,
                Place::default()
            ),
            Some(NotAClaim::ReleaseNotes)
        );
        assert_eq!(
            not_a_claim(
                "YJIT is 13% faster than before",
                &names,
                Post::default(),
                Place::default()
            ),
            None
        );
    }
}
