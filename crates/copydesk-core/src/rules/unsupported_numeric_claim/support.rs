//! What counts as a source (§3 of the convention): a link to an absolute
//! URL (in Markdown, bare, or in the HTML or template tag around the
//! sentence), a defined footnote, or an attribution that names who said it.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::body::ProseBlock;
use crate::document::Document;

/// Whether the sentence at `sentence` of `block` names a source.
/// `from` is where the previous sentence ended: what lies between, in the
/// file (an HTML link opening, a shortcode), belongs to this sentence.
/// `joined_if_it_may_name` is the block's text with its lines joined, when
/// the block may name a source at all.
pub fn sentence_has_source(
    document: &Document,
    block: &ProseBlock,
    from: usize,
    sentence: &Range<usize>,
    extra_cues: &[String],
    joined_if_it_may_name: Option<&str>,
) -> bool {
    // A link or footnote right after the sentence's closing mark belongs to it.
    let reach = sentence.start..extend_over_closing(&block.text, sentence.end);
    let linked = block.links.iter().any(|link| {
        is_external(&link.destination)
            && link.text.start < reach.end
            && reach.start <= link.text.end.max(link.text.start)
    });
    if linked {
        return true;
    }
    let footnoted = block
        .footnote_refs
        .iter()
        // A reference right at a sentence's start closes the sentence before.
        .filter(|reference| {
            (reach.contains(&reference.at) && (reference.at > reach.start || reach.start == 0))
                || reference.at == reach.end
        })
        .any(|reference| document.body.has_footnote_definition(&reference.label));
    if footnoted {
        return true;
    }
    // The first sentence reaches back to the block's start: an HTML link or
    // a shortcode opening before its first word is around it.
    let written_range = block.source_range(from..reach.end);
    // What was left out of the prose right after the sentence before (a
    // shortcode straight after 「。」) lies between the two: reach back to
    // where that sentence ends in the file.
    let written_range = if from > 0 {
        let previous_end = block.source_range(0..from).end();
        crate::source::TextRange::new(previous_end.min(written_range.start()), written_range.end())
    } else {
        written_range
    };
    // The last sentence owns a template tag after it, to the block's end
    // (`{{< linkcard "https://…" >}}`); not an image after it.
    if block.text[reach.end..].trim().is_empty() {
        let trailing = document.source.slice(crate::source::TextRange::new(
            written_range.end(),
            block.range.end().max(written_range.end()),
        ));
        if (trailing.contains("{{") || trailing.contains("{%")) && contains_absolute_url(trailing) {
            return true;
        }
    }
    let written_range = if from == 0 {
        crate::source::TextRange::new(
            block.range.start(),
            written_range.end().max(block.range.start()),
        )
    } else {
        written_range
    };
    let written = document.source.slice(written_range);
    if contains_absolute_url(written) || has_an_html_footnote(written, document.source.text()) {
        return true;
    }
    joined_if_it_may_name
        .is_some_and(|joined| names_a_source(&joined[sentence.clone()], extra_cues))
}

/// Whether `written` holds an HTML footnote marker (`<sup>1</sup>`) whose
/// definition opens a line of the post (`<sup>1</sup> These numbers …`):
/// a footnote written in HTML, defined as §3 asks. `O(n<sup>2</sup>)` has
/// no definition.
fn has_an_html_footnote(written: &str, post: &str) -> bool {
    if !written.contains("<sup>") {
        return false;
    }
    static MARKER: OnceLock<Regex> = OnceLock::new();
    let marker = MARKER.get_or_init(|| super::compiled(r"<sup>\[?([0-9]{1,3})\]?</sup>"));
    marker.captures_iter(written).any(|found| {
        let label = &found[1];
        post.lines().any(|line| {
            let line = line.trim_start();
            [
                format!("<sup>{label}</sup>"),
                format!("<sup>[{label}]</sup>"),
            ]
            .iter()
            .any(|definition| line.starts_with(definition.as_str()))
        })
    })
}

/// Whether anything in a block could name a source: one scan of the block,
/// so that its sentences are read one by one only when it may.
pub fn may_name_a_source(text: &str, extra_cues: &[String]) -> bool {
    !extra_cues.is_empty()
        || source_cue().is_match(text)
        || tells_where_the_figures_are_from(text)
        || named_speaker_apart_may_be_in(text)
        || names_a_report(text)
        || speech_verb().is_match(text)
        || cites_an_author_and_year(text)
        || text.contains("自己申告")
        || text.contains("が示")
}

/// A bare URL, or one in an HTML link, a Hugo shortcode or a Liquid tag.
fn contains_absolute_url(written: &str) -> bool {
    memchr::memmem::find(written.as_bytes(), b"://").is_some() && absolute_url().is_match(written)
}

fn absolute_url() -> &'static Regex {
    static URL: OnceLock<Regex> = OnceLock::new();
    URL.get_or_init(|| super::compiled(r"(?i)https?://[^\s/]"))
}

/// An attribution that names who said it, and no anonymous one.
pub fn names_a_source(sentence: &str, extra_cues: &[String]) -> bool {
    if !extra_cues.is_empty() {
        let lower = sentence.to_lowercase();
        if extra_cues.iter().any(|cue| lower.contains(cue.as_str())) {
            return true;
        }
    }
    (source_cue().is_match(sentence)
        || tells_where_the_figures_are_from(sentence)
        || named_speaker_apart(sentence)
        || names_a_report(sentence)
        || speaker_is_named(sentence)
        || cites_an_author_and_year(sentence)
        || self_reported_by_a_name(sentence)
        || shown_by_a_name(sentence))
        && !(anonymous().is_match(sentence)
            && !(only_said_to_be(sentence) && names_its_document(sentence)))
}

/// Whether a sentence's only anonymous words are 「とされる」「と言われる」
/// 「との見方」「と報告されている」: they name nobody, but speak for no one
/// unnamed either, so a named document before them stays the source
/// (「カワセミ証券のレポートでは、…2,500万口座を超えたとされる」).
fn only_said_to_be(sentence: &str) -> bool {
    static SAID: OnceLock<Regex> = OnceLock::new();
    let said = SAID.get_or_init(|| {
        super::compiled(
            r"とされ(?:る|て)|と言われ|といわれ|との見方|[とも](?:報告|発表|公表)されて",
        )
    });
    !anonymous().is_match(&said.replace_all(sentence, ""))
}

/// A document named by its maker, a proper name: 「カワセミ証券のレポートでは」,
/// 「Hopperの公式ブログでは」, 「dbt Labs の自社ベンチ (…) では」, 「arXiv:2506.05690
/// 系の分析では」; not 「海外の調査では」.
fn names_its_document(sentence: &str) -> bool {
    static DOCUMENT: OnceLock<Regex> = OnceLock::new();
    DOCUMENT
        .get_or_init(|| {
            super::compiled(concat!(
                r"(?:[ァ-ヴー]{3,}|[A-Za-z][A-Za-z0-9&.:/-]+|[一-龥ァ-ヴー]{1,8}(?:社|省|庁|研究所|大学|機構|協会|総研|銀行|証券|新聞|財団|センター)) ?(?:系)?",
                r"の(?:最新の|年次|公式|自社)?(?:調査|レポート|報告書|白書|統計|推計|試算|予測|発表|分析|論文|研究|データ|資料|ブログ|ベンチ|ベンチマーク|実験|検証)",
                r"(?: ?[（(][^）)]{0,80}[）)] ?)?(?:では|によると|によれば)",
            ))
        })
        .is_match(sentence)
}

/// 「Cursor 自己申告」, 「Alibaba の自己申告」: the vendor that reported the
/// figure, named; not 「ベンダー自己申告」 nor 「効果数値は自己申告」. Read only
/// where the word stands.
fn self_reported_by_a_name(sentence: &str) -> bool {
    static NAMED: OnceLock<Regex> = OnceLock::new();
    sentence.contains("自己申告")
        && NAMED
            .get_or_init(|| super::compiled(r"[A-Za-z][A-Za-z0-9.&-]* ?の?自己申告"))
            .is_match(sentence)
}

/// 「OpenAI が示す普及指標は次のとおり」, 「ミナトデータが示した数字では」: a
/// named maker of the figures shows them; not 「表が示すとおり」. Read only
/// where the words stand.
fn shown_by_a_name(sentence: &str) -> bool {
    static NAMED: OnceLock<Regex> = OnceLock::new();
    sentence.contains("が示")
        && NAMED
            .get_or_init(|| {
                super::compiled(
                    r"(?:[A-Za-z][A-Za-z0-9.&-]*|[ァ-ヴー]{3,}) ?が示(?:す|した|している)",
                )
            })
            .is_match(sentence)
}

/// A citation in brackets: "(Shakudo, 2025)", 「（Peter Naur, 1985）」, and
/// a paper's two authors and year, "(Parasuraman & Manzey 2010)". A date is
/// not one: "(Nov, 2020)", "(May 30, 2023)".
fn cites_an_author_and_year(sentence: &str) -> bool {
    static CITATION: OnceLock<Regex> = OnceLock::new();
    let citation = CITATION.get_or_init(|| {
        super::compiled(concat!(
            r"[(（](?:[A-Z][a-z]+ (?:&|and) [A-Z][a-z]+,? (?:19|20)[0-9]{2}[a-z]?|",
            r"([A-Z][A-Za-z0-9 .&/-]{1,40}), (?:19|20)[0-9]{2}(?:-[0-9]{2})?[a-z]?)[)）]",
        ))
    });
    citation.captures_iter(sentence).any(|found| {
        // Two authors' names are no date.
        let Some(name) = found.get(1) else {
            return true;
        };
        let name = name.as_str().trim_end_matches('.');
        let last = name
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let day = last.ends_with(|ch: char| ch.is_ascii_digit())
            || ["st", "nd", "rd", "th"].iter().any(|ordinal| {
                last.strip_suffix(ordinal)
                    .is_some_and(|day| !day.is_empty() && day.chars().all(|ch| ch.is_ascii_digit()))
            });
        // "Nov", "Sept", "June"; not "Mayer".
        !day && !super::lexicon::names_a_month(&last)
    })
}

/// A sentence about all the figures around it: 「本記事の数値はすべて論文記載の
/// 引用です」, "The numbers are from the vendor's report".
pub fn says_where_the_figures_come_from(text: &str) -> bool {
    static FIGURES: OnceLock<Regex> = OnceLock::new();
    FIGURES
        .get_or_init(|| {
            super::compiled(
                r"(?:数値|数字|データ)[^。]*(?:引用|出典|出所|による|にもとづ|に基づ)|(?i:(?-u:\b)(?:figures|numbers|data)(?-u:\b)[^.]*(?-u:\b)(?:come|comes|are|is) (?:from|quoted from|taken from))",
            )
        })
        .is_match(text)
}

/// A sentence whose subject is the post's figures, telling where they are
/// from (§4): 「数字はいずれも緑川県の「住宅・土地統計 2023」による。」,
/// 「以下の数字は、…白書による。」; not 「収集データは、…鍵による暗号化」.
fn tells_where_the_figures_are_from(text: &str) -> bool {
    static FROM: OnceLock<Regex> = OnceLock::new();
    FROM.get_or_init(|| {
        super::compiled(
            r"(?:^|[。\n])[\s*_>-]*(?:以下の|上記の|本記事の|この記事の|記事中の|表の|これらの|文中の)?(?:数値|数字|統計)(?:は|も)(?:いずれも|すべて|全て)?[、,]?[^。]{0,60}(?:による|によります|に基づ|にもとづ|から引用|を引用|の引用|から取)",
        )
    })
    .is_match(text)
}

/// A sentence that says its figure came from someone unnamed: 関係者によると,
/// "reportedly", "people familiar with". "It is said" (とされる) is not
/// such a claim of origin: a source beside it may still be the one.
pub fn names_nobody(sentence: &str) -> bool {
    static UNNAMED: OnceLock<Regex> = OnceLock::new();
    UNNAMED
        .get_or_init(|| {
            super::compiled(concat!(
                r"関係者|事情に詳しい|一部報道|他社の(?:報告|調査|発表|事例|データ)|聞くところ|噂|という話|との話|",
                r"(?i:(?-u:\b)(?:reportedly|read somewhere|heard somewhere|(?:I'm|I am|we're|we are) told|(?:we|I) (?:often |keep |sometimes )?hear(?:ing)? that|by some (?:estimates|accounts)|by one estimate|people familiar|people with knowledge|sources close|insiders|told (?:us|me)|according to (?:sources|insiders|people|early testers|(?:a|an|one|two|three|several) (?:people|persons?|sources?|insiders?)))(?-u:\b))"
            ))
        })
        .is_match(sentence)
}

/// A sentence whose source is for what it says itself, not for the figures
/// beside it: a named party's statement of its own plans ("Arclight said
/// on Tuesday it would absorb part of the cost", 「…する方針だと明らかに
/// した」; a plan is content, §2), or numbers of its own that are no
/// figures to the scanner ("the incident report says 14 of its 96 points of
/// presence were affected").
pub fn keeps_its_source(sentence: &str) -> bool {
    static PLAN: OnceLock<Regex> = OnceLock::new();
    let plan = PLAN.get_or_init(|| {
        super::compiled(concat!(
            r"(?:方針|計画|予定|意向|考え)(?:だ|である)?と(?:発表|説明|述べ|語っ|明らかにし|表明)|",
            r"(?i:(?-u:\b)(?:says|said|told [a-z]+|announced|confirmed)(?: [A-Za-z]+){0,5}?,? (?:that )?(?:it|they|he|she|the company|the firm|(?-i:[A-Z][A-Za-z&.-]*(?: [A-Z][A-Za-z&.-]*){0,3})|(?-i:the [a-z]+(?: [a-z]+)?)) (?:will|would|plans|planned|intends|intended|expects|expected|aims|is going|was going)(?-u:\b))|",
            // "“We'll use the money to triple our team,” its chief executive
            // said": a quoted plan of the speaker's own.
            r"^[\s*_>-]*[“\x22](?:We|I)(?:'ll|’ll| will| plan| intend| aim| are going| am going)(?-u:\b)"
        ))
    });
    plan.is_match(sentence) || super::scanner::has_bare_counts(sentence)
}

/// The figure's own clause passes it on as hearsay: 「10件ほどあるらしい」,
/// 「月に数十件開かれているそうですが」.
pub fn hearsay_follows(after: &str) -> bool {
    static HEARSAY: OnceLock<Regex> = OnceLock::new();
    let clause = after
        .find(['、', '。', ',', '.', '\n'])
        .map_or(after, |end| &after[..end]);
    HEARSAY
        .get_or_init(|| super::compiled(r"らしい|そうで|ようで|とか$|という話|と聞"))
        .is_match(clause)
}

/// A lead-in to a quotation that names its speaker: "Amara Osei put it this
/// way:", 「森下彩氏は記者会見でこう述べた:」. "One utility executive was
/// blunt:" names nobody.
pub fn introduces_a_quote(lead_in: &str) -> bool {
    static VERB: OnceLock<Regex> = OnceLock::new();
    static SPEAKER: OnceLock<Regex> = OnceLock::new();
    let verb = VERB.get_or_init(|| {
        super::compiled(
            r"述べ|語っ|語る|話し|書い|記し|コメントし|説明し|答え|(?-u:\b)(?:put it|says|said|wrote|writes|explained|told|noted|argued|added|commented|recalled|summed it up)(?-u:\b)",
        )
    });
    let speaker = SPEAKER.get_or_init(|| {
        super::compiled(
            r"氏|社長|会長|教授|代表|所長|研究員|CEO|CTO|さん|(?-u:\b)(?:the company|the authors?)(?-u:\b)|[^.!?]\s[A-Z][a-z]+ [A-Z][a-z]+",
        )
    });
    verb.is_match(lead_in) && speaker.is_match(lead_in) && !anonymous().is_match(lead_in)
}

/// "Northwind says", "Omar Haddad, Tailspin's chief executive, told
/// reporters", "the company said": a speech verb whose speaker is named or
/// uniquely identified. "people familiar with the matter said", "one
/// engineer told me" and "43% said" name nobody.
fn speaker_is_named(sentence: &str) -> bool {
    speech_verb().find_iter(sentence).any(|verb| {
        let before = &sentence[..verb.start()];
        // "Quarry's reported 10 million downloads": an adjective, no speaker.
        if before.ends_with("'s ") || before.ends_with("’s ") {
            return false;
        }
        // "Valve hasn't confirmed either number": a denial names no source.
        let last_word = before.trim_end().rsplit(' ').next().unwrap_or_default();
        if last_word.ends_with("n't")
            || last_word.ends_with("n’t")
            || ["not", "never"].contains(&last_word)
        {
            return false;
        }
        // "The company, which has 1,300 employees, said": a figure's comma
        // parts no clauses.
        let before = without_digit_commas(before);
        let mut segments = before.rsplit([',', ';', ':', '(', ')', '—', '–', '“', '”', '"']);
        let mut speaker = segments.next().unwrap_or_default().trim();
        // An apposition: "Omar Haddad, Tailspin Air's chief executive, told".
        let apposition = speaker.is_empty();
        if apposition {
            speaker = segments.next().unwrap_or_default().trim();
        }
        // Inverted: "…, says Northwind", "…,” says the company's head of
        // sales".
        if speaker.is_empty() {
            let after = sentence[verb.end()..].trim_start();
            let subject = after.split([',', '.', ';', ':']).next().unwrap_or_default();
            return after.starts_with(|ch: char| ch.is_uppercase())
                || is_named_speaker(subject, false);
        }
        // "the founder told me": hearsay, unless a name is given.
        let hearsay =
            sentence[verb.end()..].starts_with(" me") || sentence[verb.end()..].starts_with(" us");
        // "Smaller studios say", "Recruiters often say", "ISPs in the region
        // say": a plural verb after a group named by its trade.
        if is_plural_verb(verb.as_str()) && names_a_group(speaker) {
            return false;
        }
        is_named_speaker(speaker, hearsay)
            // "Northbeam Cloud, one of the project's sponsors, announced":
            // the name stands before an apposition that names nobody.
            || (apposition
                && speaker.starts_with(char::is_lowercase)
                && segments
                    .next()
                    .is_some_and(|name| is_named_speaker(name.trim(), hearsay)))
    })
}

fn is_plural_verb(verb: &str) -> bool {
    matches!(
        verb.split_whitespace().next(),
        Some(
            "say"
                | "estimate"
                | "predict"
                | "conclude"
                | "report"
                | "find"
                | "show"
                | "note"
                | "argue"
        )
    )
}

/// A speaker that is a kind of people or firms, not one of them: its head
/// is a plural, and no name stands after its first word ("Smaller studios",
/// "Recruiters often", "ISPs in the region"); not "Google engineers", nor
/// "Researchers at MIT", nor "the authors".
fn names_a_group(speaker: &str) -> bool {
    const ADVERBS: [&str; 10] = [
        "often",
        "also",
        "now",
        "still",
        "increasingly",
        "generally",
        "usually",
        "sometimes",
        "widely",
        "privately",
    ];
    let mut words: Vec<&str> = speaker.split_whitespace().collect();
    if words.first().is_some_and(|word| {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "and" | "but" | "so" | "yet"
        )
    }) {
        words.remove(0);
    }
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    // "the authors", "its developers", "both firms": ones already named.
    let determiner = matches!(
        first.to_ascii_lowercase().as_str(),
        "the" | "its" | "their" | "his" | "her" | "these" | "those" | "both"
    );
    if determiner || rest.iter().any(|word| word.starts_with(char::is_uppercase)) {
        return false;
    }
    let phrase: Vec<&str> = words
        .iter()
        .copied()
        .take_while(|word| {
            !matches!(
                *word,
                "in" | "at" | "from" | "of" | "across" | "around" | "on" | "with"
            )
        })
        .filter(|word| !ADVERBS.contains(word))
        .collect();
    let Some(head) = phrase.last() else {
        return false;
    };
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("'s")
        && !head.ends_with("’s");
    let modifier = phrase.len() > 1;
    plural
        && (first.starts_with(char::is_lowercase)
            || !modifier
            || ["er", "ed", "al", "ive", "ing"]
                .iter()
                .any(|ending| first.ends_with(ending))
            || matches!(
                *first,
                "Many" | "Most" | "Some" | "Several" | "Local" | "Independent" | "Rival" | "Other"
            ))
}

/// `text` with the commas inside figures ("1,300") made spaces.
fn without_digit_commas(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let inside = |at: usize| {
        bytes[at] == b','
            && at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    };
    if !(0..bytes.len()).any(inside) {
        return std::borrow::Cow::Borrowed(text);
    }
    let masked: Vec<u8> = (0..bytes.len())
        .map(|at| if inside(at) { b' ' } else { bytes[at] })
        .collect();
    std::borrow::Cow::Owned(String::from_utf8(masked).expect("only ASCII commas are replaced"))
}

fn is_named_speaker(speaker: &str, hearsay: bool) -> bool {
    static NOBODY: OnceLock<Regex> = OnceLock::new();
    static SOMEBODY: OnceLock<Regex> = OnceLock::new();
    let nobody = NOBODY.get_or_init(|| {
        super::compiled(concat!(
            r"(?i)^(?:and |but |so |yet )?(?:a|an|one|some|several|many|most|few|other|people|sources?|someone|somebody|analysts?|experts?|they|it|others|users|developers|researchers|engineers|employees|staff)(?-u:\b)|",
            r"(?:^|[^.0-9])[0-9][0-9,]*(?:[^.0-9]|$)|(?i:(?-u:\b)(?:percent|half|thirds?|quarters?|majority|minority|respondents|dozens|hundreds|thousands|millions|insiders|people familiar|sources close|observers|critics|watchers|supporters|opponents|proponents|skeptics|residents|officials|economists|scientists|unions|chatter|rumou?rs?|gossip|workers|teachers|parents|doctors|nurses|drivers|customers|consumers|investors|traders|dealers|installers|retailers|merchants|owners|landlords|tenants|farmers|fans|players|gamers)(?-u:\b))|",
            // The writer and the reader are not sources: "As I wrote", "we found".
            r"(?-u:\b)(?:I|we|We|you|You)(?-u:\b)|",
            // "an estimated 3.7 million", "is reported": not a speaker's verb.
            r"(?i:(?-u:\b)(?:a|an|the|is|was|are|were|been|be|being|widely|commonly)$)"
        ))
    });
    let somebody = SOMEBODY.get_or_init(|| {
        super::compiled(concat!(
            r"(?i:(?-u:\b)(?:the|its|their|his|her) (?:(?:two|three|both) )?(?:company|companies|firms|index|firm|agency|ministry|government|regulator|bank|report|study|survey|paper|authors?|ceo|cfo|cto|chief executive|founder|spokes(?:person|man|woman)|maker|operator|airline|carrier|department|bureau|council|commission|university|institute|foundation|project|startup|group|team|vendor|non-?profit|charity|association|consortium|studio|organi[sz]ations?|(?:[a-z]+ )?authority|administration|police|court|organi[sz]ers|developers|maintainers)(?-u:\b))|",
            r"^(?i:he|she)$|",
            r"(?-u:\b)[A-Z][A-Za-z0-9&.'’-]*"
        ))
    });
    // The subject stands right before its verb: its last few words.
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let speaker = words[words.len().saturating_sub(6)..].join(" ");
    // "A Stratusfold spokesperson": one person, of a named organisation.
    static SPOKESPERSON: OnceLock<Regex> = OnceLock::new();
    let spokesperson = SPOKESPERSON.get_or_init(|| {
        super::compiled(
            r"^(?:[Aa]n? )?[A-Z][A-Za-z0-9&.'’-]*(?: [A-Z][A-Za-z0-9&.'’-]*)* (?:spokes(?:person|man|woman)|representative|filing|statement|press release)$|^(?:[Aa]n? |[Tt]he )?(?:spokes(?:person|man|woman)|representative) (?:for|of|at) [A-Z]",
        )
    });
    if spokesperson.is_match(&speaker) {
        return true;
    }
    if nobody.is_match(&speaker) {
        return false;
    }
    somebody.find_iter(&speaker).any(|found| {
        let word = found.as_str();
        // A role ("the founder") is enough to identify a speaker, but not
        // for hearsay: that needs a name.
        if hearsay && (word.contains(' ') || !word.starts_with(char::is_uppercase)) {
            return false;
        }
        // A capital that only starts a phrase is not a name: "The report".
        ![
            "The",
            "A",
            "An",
            "In",
            "At",
            "On",
            "It",
            "This",
            "That",
            "These",
            "Those",
            "Its",
            "Their",
            "His",
            "Her",
            "Today",
            "Yesterday",
            "Last",
            "Independent",
            "Then",
            "Meanwhile",
            "Still",
            "Now",
            "And",
            "But",
            "When",
            "While",
            "If",
            "As",
            "Our",
            "My",
            "Industry",
            // A group named by its field: "Security researchers estimate".
            "Security",
            "Trade",
            "Academic",
            "Market",
            "Financial",
            "Tech",
            "Technology",
            "Policy",
            "Health",
            "Privacy",
            "Energy",
            "Government",
            "Federal",
            "Local",
            "Foreign",
            "Outside",
            "Other",
            "Several",
            "Both",
            "Few",
            "Early",
            "Senior",
            "Some",
            "Most",
            "Many",
        ]
        .contains(&word)
    })
}

/// English speech and finding verbs (§3): "X says", "X estimates", "X
/// found that"; the speaker is read by [`speaker_is_named`].
fn speech_verb() -> &'static Regex {
    static VERB: OnceLock<Regex> = OnceLock::new();
    VERB.get_or_init(|| {
        super::compiled(
            concat!(
                r"(?-u:\b)(?:says|said|saying|estimated|estimates|forecasts|predicts|predicted|announced|announces|reported|told|tells|wrote|writes|concluded|found|showed|noted|stated|claimed|confirmed|confirms|disclosed|discloses|revealed|reveals|attributed|put the|puts (?:its|their|the))(?-u:\b)|",
                // Verbs that are also nouns ("bug reports rose") only before "that".
                r"(?-u:\b)(?:estimates|forecasts|projects|projected|reports|finds|shows|notes|states|claims) that(?-u:\b)|",
                // The plural speaker: "The authors report that", "Analysts estimate".
                r"(?-u:\b)(?:say|estimate|predict|conclude|report)(?-u:\b)|(?-u:\b)(?:find|show|note|argue) that(?-u:\b)"
            ),
        )
    })
}

/// A report named by what it found (「〜の研究は…を示した」), or in brackets
/// (`（IPA「DX 動向 2025」）`, `(arXiv:2506.02456)`, `（架空総研調べ）`). Read
/// by hand: bounded repeats would make the cue pattern's automaton large.
fn names_a_report(sentence: &str) -> bool {
    const REPORTS: [&str; 5] = ["研究", "調査", "レポート", "報告書", "白書"];
    const FINDINGS: [&str; 4] = ["示し", "報告し", "明らかにし", "結論づけ"];
    if FINDINGS.iter().any(|verb| sentence.contains(verb))
        && REPORTS.iter().any(|report| sentence.contains(report))
    {
        return true;
    }
    if !sentence.contains(['(', '（', '[']) {
        return false;
    }
    let mut rest = sentence;
    while let Some(open) = rest.find(['(', '（', '[']) {
        let inner = &rest[open + rest[open..].chars().next().map_or(1, char::len_utf8)..];
        let close = inner.find([')', '）', ']']).unwrap_or(inner.len());
        // A footnote's label, `[^survey]`, names no report: its definition
        // is the source, when there is one.
        if !inner.starts_with('^') && bracketed_report().is_match(&inner[..close]) {
            return true;
        }
        rest = &inner[close..];
    }
    false
}

fn bracketed_report() -> &'static Regex {
    static REPORT: OnceLock<Regex> = OnceLock::new();
    REPORT.get_or_init(|| {
        super::compiled(concat!(
            r"arXiv|doi|調査|調べ|レポート|白書|報告書|論文|研究|プレスリリース|WP ?\d|",
            // (ZOZO TECH BLOG 本文記載), (Endor Labs ブログ), (原典Gartner), (同上): where it was
            // read, or the source just named.
            r"記載|原典|同上|集計|集約|公表|[A-Za-z0-9] ?ブログ|(?i:blog)|",
            // （運営のアンケート結果より）: what the figure was taken from.
            r"アンケート|[^\s（(]より\s*$|",
            // A named report and its year: (Cognizant Japan GenAI Adoption 2024).
            r"^\s*[A-Z][A-Za-z0-9&.-]*(?: [A-Z0-9][A-Za-z0-9&.-]*)* (?:19|20)\d\d(?:[^0-9]|$)|",
            r"(?i:report|survey|study|research|press release|paper)|",
            r"「[^」]+」.*(?:19|20)\d\d|(?:19|20)\d\d.*「[^」]+」"
        ))
    })
}

/// `http(s)://…` and protocol-relative `//host/…` leave the site; `/2025/…` does not.
pub fn is_external(destination: &str) -> bool {
    let lower = destination.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

fn extend_over_closing(text: &str, end: usize) -> usize {
    end + text[end..].len()
        - text[end..]
            .trim_start_matches(['」', '』', '）', ')', '"', '”'])
            .len()
}

/// Cues that name a source (§3): 〜によると, 〜調べ, 〜の予測では, Xは〜と
///発表した, "according to", "X says", "in our benchmarks".
fn source_cue() -> &'static Regex {
    static CUE: OnceLock<Regex> = OnceLock::new();
    // ASCII word boundaries: Unicode ones keep the regex off its fast DFA on
    // Japanese text, and every English cue is ASCII.
    CUE.get_or_init(|| {
        super::compiled_large(concat!(
            r"によると|によれば|による(?:と|調査|推計|試算|予測|集計|統計|データ)|",
            r"の[^、。\s]{0,10}?(?:調査|調べ|推計|試算|予測|発表|報告|報告書|統計|集計|分析|レポート|論文|研究|データ|白書|資料|評価|検証|実測|計測|測定|実験|ベンチマーク|まとめ|公式ブログ|公式サイト)[」』]?(?: ?[（(][^）)]{0,60}[）)] ?)?(?:では|で[はも]?|によ|から)|",
            r"(?:統計|調査|データ|資料|報告書?|発表|推計|試算|集計|白書|レポート|論文|公開情報)(?:による|に基づ|にもとづ|をもとに)|",
            r"(?-u:\b)(?:tests?|benchmarks?|measurements?|experiments?) (?:performed |conducted |done |run )?by [A-Z]|",
            r"見通しを示し|との見方を示し|",
            // 「実測値は NVIDIA Developer Blog に由来します」: where it was taken from.
            r"に由来(?:する|します|し)|",
            // "researchers from Armorize … estimated": a body named by its people.
            r"(?-u:\b)(?:[Rr]esearchers|[Aa]nalysts|[Ss]cientists|[Ee]conomists) (?:from|at) (?:the )?[A-Z]|",
            r"[）)](?:では|によると|によれば)|[A-Za-z][A-Za-z0-9 .&-]* ?[（(](?:19|20)\d\d[）)][:：]|",
            r"調べ[）)、。，,]|調べで|出典|ソース[:：]|引用元|",
            // (一次: dbt docs blog), [二次情報・Resilient Cyber], [二次情報] Unit42:
            // the primary or secondary source, named; not (二次情報・小サンプル).
            r"(?:一次|二次)(?:情報|ソース|資料)?(?:[:：] ?[^\s、。）)\]］要]|[・、][A-Za-z])|[\[［](?:一次|二次)情報[\]］] ?[A-Za-z0-9]|",
            // Plain and polite forms alike: 発表した, 発表しました, 発表しています.
            r"(?:と|を|が|も|まで)(?:発表|公表|報告|報道|公開)(?:し[たてま]|され|する)|",
            // A headline's 「…を募集すると発表」.
            r"と発表(?:[。）)]|\s*$)|",
            r"と(?:評|主張|警告|指摘|説明|強調|予測|予想|推計|推定|試算|分析|紹介)(?:する|し[たてま])|",
            r"と(?:明らかにし|語(?:る|っ|り)|述べ|話(?:す|し)|報じ(?:た|て|る|ま)|明かし|見積も|見込(?:む|ん)|結論づけ)|を明らかにし|",
            // 「…」と、さくらば電機の中村悟社長は述べた: the quotation before its speaker.
            r"」と[、,]?[^。]*(?:述べ|語っ|語り|話し|明かし|説明し|強調し)|",
            // 「…」。X社長はこう話す: the quotation before its named speaker.
            r"(?:氏|社長|会長|代表|教授|CEO|CTO|さん)は[^。]{0,20}?[こそ]う(?:話|語|述べ|説明|明か|振り返|胸を張)|",
            r"主催者(?:発表|によると|によれば)|運営(?:発表|によると|によれば)|同調査|が[^。]{0,40}?実施した(?:調査|アンケート)(?:では|によると|によれば|で)|と(?:書いて|書く|記して|記す)|",
            r"(?:我々|私たち|筆者|当社|弊社)の(?:実験|計測|検証|調査|測定|ベンチマーク|試算)|",
            r"氏「|氏の「|氏は「|[A-Za-z][A-Za-z0-9&.]* ?の「|",
            r"論文|著者(?:は|ら|によ)|",
            r"(?i:according to|(?-u:\b)sources?:|(?-u:\b)(?:survey|study|report|analysis|estimates?|research|poll|data|figures|counts|tallies|statistics|records|findings?) (?:by|from)(?-u:\b)|(?-u:\b)(?:survey|study|poll) of (?:[^,.;]|[,.][0-9]){1,60} by [A-Z]|(?-u:\b)cited by(?-u:\b)|(?-u:\b)arxiv:|(?-u:\b)doi:|(?-u:\b)et al\.|",
            r"(?-u:\b)(?:numbers|figures?|data|estimates?|statistics|stats) (?:below |above |here |in this (?:post|article|piece) )?(?:are|is|come|comes|came) (?:from|based on)(?-u:\b)|",
            r"(?-u:\b)(?:[Rr]eported|[Pp]ublished) by (?:[Tt]he )?[A-Z]|",
            r"(?-u:\b)[A-Z][A-Za-z0-9&.-]*(?:'s|’s|s'|s’) (?:[A-Za-z0-9-]+ ){0,3}(?:report|survey|study|analysis|research|paper|data|index|poll|filing|statement|documentation|docs|datasheet|spec sheet|website|count|tally|census|figures|numbers)s? (?:found|finds|shows|showed|says|said|claims|states|lists|puts)(?-u:\b)|",
            r"(?-u:\b)[A-Z][A-Za-z0-9&.-]* (?:[A-Z][A-Za-z0-9&.-]* )*(?:published|released|issued) (?:a|an|its|the) (?:new |latest |annual )?(?:report|survey|study|paper|analysis|white paper|index)(?-u:\b)|",
            r"(?-u:\b)in (?:our|my) (?:own |ecosystem |internal |nightly |weekly |annual |community |load |stress )?(?:benchmarks?|tests?|test runs?|experiments?|measurements?|survey|study|analysis|scan|crawl)(?-u:\b))|",
            // "Lumio claims its tablet …", "Ferrum MQ claims 1.2 million": a
            // name claims; not "Insurance claims rose", nor "the vendor's
            // landing page claims".
            r"(?-u:\b)[A-Z][A-Za-z0-9&.-]*[A-Za-z0-9] claims (?:its|their|that|about|around|roughly|nearly|over|more than|up to|[$€£¥]?[0-9])(?-u:\b)|",
            // "…, the survey shows.", "The Vapor Hardware Survey for March shows Linux at 2.9%".
            r", (?:the|its) (?:survey|report|study|index|data|poll) (?:shows|showed|finds|found|says|said)[.;]|",
            r"(?-u:\b)[A-Z][A-Za-z0-9&.-]* (?:[A-Z][A-Za-z0-9&.-]* )*(?:Survey|Report|Index|Study|Census|Poll)(?: for [A-Z][a-z]+)? (?:shows|showed|finds|found|puts)(?-u:\b)|",
            // "Benchwright published its Ferrox 7.2 numbers": the figures' maker, named.
            r"(?-u:\b)[A-Z][A-Za-z0-9&.-]* (?:has |have )?(?:published|released|posted) (?:its|their|the) (?:[A-Za-z0-9.-]+ ){0,3}(?:numbers|figures|results|data|benchmarks|measurements|findings|statistics)(?-u:\b)|",
            // "In the project's own soak test", "In Haruto's proof of concept":
            // the measurement or the document is named.
            r"(?-u:\b)[Ii]n (?:the project's|the team's|our|its) own (?:[a-z-]+ ){0,2}(?:tests?|benchmarks?|measurements?|runs?|telemetry)(?-u:\b)|",
            r"(?-u:\b)[Ii]n [A-Z][A-Za-z]+(?:'s|’s) (?:proof of concept|report|analysis|tests?|benchmarks?|paper|study|survey|write-?up)(?-u:\b)|",
            r"(?-u:\b)[Ii]n (?:his|her|their|its) (?:[a-z-]+ ){0,2}(?:announcement|statement|post|email|keynote|talk|report)(?-u:\b)|",
            // "By our rough count", "That's our own data": the writer's own
            // count, named as theirs.
            r"(?-u:\b)[Bb]y (?:our|my) (?:own )?(?:rough |best |latest |quick )?(?:count|tally|reckoning|calculations?)(?-u:\b)|(?-u:\b)(?:our|my) own (?:data|numbers|figures|records)(?-u:\b)|自社(?:調べ|データ|集計)|",
            // "Per Northwind, …": a name, capitalised.
            r"(?-u:\b)[Pp]er (?:the )?[A-Z][A-Za-z]*[a-z]"
        ))
    })
}

/// Whether a block holds a verb of [`named_speaker_apart`], so that its
/// sentences are worth reading one by one.
fn named_speaker_apart_may_be_in(text: &str) -> bool {
    static VERBS: OnceLock<Regex> = OnceLock::new();
    VERBS
        .get_or_init(|| {
            super::compiled(
                "発表した|公表した|として|とした|としました|と見て|推計|予測|試算|指摘|分析|報じ|呼びかけ",
            )
        })
        .is_match(text)
}

/// Japanese attributions whose speaker stands away from the verb, read only
/// in a sentence that holds one of their verbs: their bounded repeats over
/// Japanese text would make [`source_cue`]'s automaton large and slow.
fn named_speaker_apart(sentence: &str) -> bool {
    if !named_speaker_apart_may_be_in(sentence) {
        return false;
    }
    static APART: OnceLock<Regex> = OnceLock::new();
    APART
        .get_or_init(|| {
            super::compiled_large(concat!(
                // 「千草HDが14日発表した決算は」.
                r"が[^、。]{0,10}?(?:発表|公表)した|",
                // 「ミナトデータは、…に達するとしている」: a named topic says so.
                r"^[^、。]{0,3}(?:[ァ-ヴー]{3,}|[A-Z][A-Za-z]+|同(?:社|氏|省|庁|行|大学|協会|団体)|[一-龥]{2,}(?:社|会|省|庁|所|大学|機構|協会|総研|銀行|証券|新聞|局|財団|センター))[^、。]{0,12}は、[^。]*[^う]と(?:(?:して|見て)(?:いる|います)|した。?$|しました。?$|して[^。]{0,12}(?:呼びかけ|警告|注意を促))|",
                // 「…にとどまる、とゲーム産業研究会は推計している」: a named body
                // between the quotation and its verb.
                r"と[、,]?[^、。「」]{0,25}?(?:会|社|省|庁|所|大学|機構|協会|総研|銀行|証券|新聞|局|財団|センター|氏|教授|社長|[A-Z][A-Za-z]+)(?:は|が)[^。]{0,6}?(?:(?:推計|予測|予想|推定|試算|分析|発表|公表|報告|指摘|説明|強調|主張)(?:する|し[たてま])|報じ(?:た|て|る|ま))",
            ))
        })
        .is_match(sentence)
}

/// Attributions that name nobody (§3): 関係者によると, ある試算では,
/// 一部のアナリストは, 〜とされる, "analysts say", "reportedly".
fn anonymous() -> &'static Regex {
    static ANONYMOUS: OnceLock<Regex> = OnceLock::new();
    ANONYMOUS.get_or_init(|| {
        super::compiled(concat!(
            r"関係者|業界筋|消息筋|他社の(?:報告|調査|発表|事例|データ)|(?:[米英中韓独仏露欧]|海外|現地|地元|複数の)メディア|(?:近隣|周辺|地元|各地)の[^、。]{0,10}によると|出典(?:は|が)(?:見つけられ|見つから|不明|わから)|出典不明|(?:^|[、。\s（(])業界団体|(?:公表|発表|開示|公開)して(?:い)?(?:ない|ません|おらず)|明らかにして(?:い)?(?:ない|ません|おらず)|聞くところ|一部(?:の)?メディア|海外メディア|ある[^、。]{0,6}?(?:調査|調べ|試算|推計)|(?:海外|国内|ある|某)の?調査会社|との(?:試算|予測|推計|見方|指摘)も|一部のベンチマーク|幹部(?:によ|は)|最近の(?:研究|調査)|(?:利用者|ユーザー)の(?:報告|声)|別の(?:利用者|ユーザー)|ある(?:試算|調査|推計|専門家|研究|報告|レポート|データ)|ある[^、。]{0,10}?(?:幹部|関係者|担当者|専門家|アナリスト|研究者|社員|役員|職員)|(?:^|[、。\s「])(?:専門家|アナリスト|研究者|エコノミスト)(?:によると|によれば)|一部の(?:アナリスト|専門家|報道|調査)|一部報道|業界では|との指摘も|[とも](?:報告|報道|発表|公表)されて|複数の(?:関係者|報道)|とされ(?:る|て)|と言われ|といわれ|との見方|との声|報道によると|噂|",
            r"(?i:(?-u:\b)(?:analysts|experts|sources|insiders|observers|officials|people familiar|some estimates|some reports|early testers|industry watchers|critics|many|some|it is) (?:say|said|says|estimate|believe|think|claim|suggest)(?-u:\b)|(?-u:\b)reportedly(?-u:\b)|by some (?:estimates|accounts)|according to (?:sources|insiders|reports|analysts|some|early testers|people|industry|developers|users|experts|someone|several|many|those|(?:a|an|one) (?:former |ex-|senior |current |longtime )?(?:person|source|engineer|employee|recruiter|friend|insider|analyst|expert|executive|manager|official|developer|user)|(?:two|three|four|several|multiple) (?:people|persons|sources|insiders)|internal documents)|according to (?:a|an|one) (?:recent |new |internal |industry )?(?:report|study|survey|analysis|estimate|poll|paper)[,.;]|read somewhere|(?-u:\b)documents reviewed by|source: (?:a|an|some|one) |it is (?:said|estimated|believed)|(?:would|will|did|does|do) not (?:say|disclose|confirm|comment)|according to (?:every|all|most|many|various) |according to (?:a|an|one) (?:[a-z-]+ ){1,3}(?:researcher|analyst|engineer|consultant|investor|banker|expert|executive|source|insider)s?(?-u:\b)|(?-u:\b)(?:I'm|I am|we're|we are) told(?-u:\b)|declined to (?:say|disclose|confirm|comment|give)|(?:has|have) not (?:disclosed|confirmed|published|said))"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::{keeps_its_source, names_a_source};

    #[test]
    fn sources_that_keep_to_their_own_sentence() {
        for own in [
            "Arclight Semiconductor said on Tuesday it would absorb part of the cost.",
            "Arclight, for its part, says it will tape out its first server chip next year.",
            "The incident report says 14 of its 96 points of presence were affected.",
            "Bytewire ran 24 server-side tests.",
            "同社はコストの一部を吸収する方針だと明らかにした。",
        ] {
            assert!(keeps_its_source(own), "{own}");
        }
        for provenance in [
            "The estimate comes from a report published in 2024.",
            "The figures are from the vendor's Q3 2025 report.",
            "The company said the numbers were preliminary.",
            "Source: Tansy 3.0 release notes, page 12.",
            "数字は総務省の2023年版白書による。",
            "The forecast was published in about 6 weeks of work.",
        ] {
            assert!(!keeps_its_source(provenance), "{provenance}");
        }
    }

    #[test]
    fn named_and_anonymous_attribution() {
        for named in [
            "架空総研の調査によると、利用率は45%だった。",
            "架空総研の予測では、市場は3兆円に達する。",
            "市場は3兆円（架空リサーチ調べ）。",
            "架空電機は売上が2割増えたと発表した。",
            "同社のCEOは記者会見で、利用者は500万人を超えたと語った。",
            "我々の実験では、応答は3倍速くなった。",
            "精度 96% という実測値は NVIDIA Developer Blog に由来します。",
            "According to Northwind Research, 45% of teams use it.",
            "Northwind says 45% of teams use it.",
            "The company estimates that revenue grew 20%.",
            "In our benchmarks, builds were 3x faster.",
            "Source: Northwind Research.",
            "Faros AI の計測（ベンダー実測）では、速度は2倍だった。",
            "架空社（ベンダー）の評価では、欠陥は1.7倍だった。",
            "MIT NANDA（2025）: 95%の試行が失敗した。",
            "Teams need over 100 labels (Shakudo, 2025).",
            "100万超のリポジトリに影響した（Endor Labs ブログ, CVE 番号は未確認）。",
            "開発時間の 60〜80% が消える事例がある (Shakudo, 2025)。",
            "プログラミングは理論の構築である（Peter Naur, 1985）。",
            "Bias makes 40% of reviewers approve (Parasuraman & Manzey 2010).",
            "LayerX の公開実験 (2026-06-03、二次情報) では 4,552 件のファイルを調べた。",
            "When researchers from Armorize spotted it, they estimated it hit about 91,000 pages.",
            "Analysts at Perrow & Vance estimate the restructuring will cost up to $2 billion.",
            "According to a report by Gartner, 70% of hospitals still run it.",
            "Lumio claims its new tablet uses one-tenth the power.",
            "Halcyon agreed to buy Voltmere for $4.7 billion, the companies announced on Monday.",
            "A spokesperson for Tallowmere Bank said about 1,200 customers were affected.",
            "The Mossdb 6.1 release notes say the planner is 40% faster.",
            "A quarter of respondents use Linux as their main OS, the survey shows.",
            "The Vapor Hardware Survey for March shows Linux at 2.9% of users.",
            "Wren entered the top 20; the index puts its rating at 0.9%.",
            "千草ホールディングスが14日発表した連結決算は、売上高が2兆1,300億円だった。",
            "日向電機が国内で約1,000人の希望退職を募集すると発表",
            "ミナトデータは、国内のEC化率が2030年に15%に達するとしている。",
            "採用コストが当初見込みの2倍になる例が挙げられます（二次情報、LASSIC）。",
            "Almost half of the respondents in Slate Insights' developer poll said they use it.",
            "Benchwright published its Ferrox 7.2 numbers on Monday.",
            "国内の市場は数十億円規模にとどまる、とゲーム産業研究会は推計している。",
            "ミナト大学の大森玲子教授が「採用企業は200社を超えた」と紹介しました。",
        ] {
            assert!(names_a_source(named, &[]), "{named}");
        }
        for anonymous in [
            "関係者によると、契約額は380億ドルにのぼる。",
            "ある試算では、損失は1兆円とされる。",
            "一部のアナリストは、シェアが3割に達すると見ている。",
            "市場は3兆円規模と言われている。",
            "Analysts say 45% of teams use it.",
            "The deal is reportedly worth $3 billion.",
            "By some estimates, 40% of code is generated.",
            "The company plans to hire 500 people.",
            "Sales grew 20% (May 30, 2023).",
            "Sales grew 20% (Nov, 2020).",
            "Northbeam has since published a remediation plan.",
            "According to a recent report, nearly 70% of hospitals still run it.",
            "The vendor's landing page claims their engine is 3 times faster.",
            "Insurance claims rose 30% last year.",
            "About 1,200 engineers said they use it.",
            "専門家は、国内のEC化率が2030年に15%に達するとしている。",
            "市場は数十億円規模にとどまる、と専門家は指摘している。",
        ] {
            assert!(!names_a_source(anonymous, &[]), "{anonymous}");
        }
    }

    /// English speech verbs count only with a named or identified speaker.
    #[test]
    fn the_speaker_of_a_speech_verb_must_be_named() {
        for named in [
            "Northwind Research estimates the market at 18-20 million units a year.",
            "Fabrikam's robots can pick 600 items an hour, the company says.",
            "Omar Haddad, Tailspin Air's chief executive, told reporters the airline would order 60 jets.",
            "As reported by The Example Ledger, the deal values the startup at $4 billion.",
            "The Verge reported that Threads passed 200 million users.",
            "The transit authority reported that 120,000 people rode the line.",
            "Google's transparency report found the same trend.",
            "The numbers are from the Northwind Housing Survey.",
            "Simon Willison が「95% 検知」と評する。",
            "The figures below come from Brightline Research's 2025 survey.",
            "Per the Riverton Transit Authority, fares will rise to $2.75.",
            "The authors report that their router cuts compute by 38%.",
            "ハンビット化学は、設備投資を約3兆ウォンとする計画を明らかにした。",
            "A survey of 2,400 backend developers by Pellmark Insights found that 31% use it.",
            "The company, which has 1,300 employees, said the hub will open in May.",
            "Arclight Semiconductor confirmed the chip: 24 cores and a 120 W power limit.",
            "She attributed the dip to a one-time charge of $38 million.",
            "The non-profit behind the app says its hosting bill rose to $180,000.",
            "参加者の約半数が学生でした（運営のアンケート結果より）。",
            "「今期は200万台を出荷する」と、さくらば電機の中村悟社長は述べた。",
        ] {
            assert!(names_a_source(named, &[]), "{named}");
        }
        for nobody in [
            "The company will cut 1,500 jobs, people familiar with the matter said.",
            "Internally, one engineer told me attrition was 3x the usual rate.",
            "\"Half our users churn,\" the founder told me over coffee.",
            "The founder told me half their users churn.",
            "Only around 43% said they trust the output.",
            "The Steam Deck has sold an estimated 3.7 million units.",
            "Bug reports rose 30% this year.",
            "As I wrote in my last post, SnapStart cuts latency by 3x.",
            "Industry insiders put the cost at around $300 million.",
            "Security researchers estimate that attacks grew roughly threefold.",
            "It has 1,200 packages, according to developers who've counted.",
            "Each plan costs $0.008 per GB per month.",
            "3,000% のスパイクを無効化したと報告されています。",
            "Quarry's reported 10 million monthly downloads make it popular.",
            "Other users on the forum reported that thousands of builds failed.",
            "Nearly two-thirds of remote workers say they would take a pay cut.",
            "Supporters say $1.4 billion is a fair price.",
            "同社の幹部によると、海外売上高の比率は5割を超える。",
            "最近の研究では、バグの見逃しが約25%減ったそうです。",
            "Valve hasn't confirmed the 3.7 million figure.",
            "The company has not confirmed that 1,000 jobs will go.",
            "The pay rose 10% (compared with last year).",
        ] {
            assert!(!names_a_source(nobody, &[]), "{nobody}");
        }
    }
}
