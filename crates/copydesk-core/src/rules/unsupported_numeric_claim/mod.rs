//! `unsupported-numeric-claim`: figures a reader would want a source for,
//! given with none. It follows the editorial convention for figures and
//! sources (`shared/conventions/numeric-claims.md`); `rules/unsupported-
//! numeric-claim.md` says what it does, section by section, and where it
//! differs.
//!
//! - `scanner`: the figures in a prose text, with their spans (§1, §6);
//! - `lexicon`: units, counters, hedges and counted nouns;
//! - `context`: whether a figure is a claim in its sentence (§2);
//! - `support`: what counts as a source (§3);
//! - this file: where a source applies (§4), one finding per figure (§5).

mod context;
mod lexicon;
mod scanner;
mod support;

use std::collections::HashSet;

use serde::Deserialize;

use crate::body::BlockKind;
use crate::diagnostic::Violation;
use crate::document::Document;
use crate::messages::Language;
use crate::rules::Rule;
use crate::source::TextRange;
use crate::tr;

pub use context::NotAClaim;

/// A pattern of the rule, compiled with a small lazy-DFA cache: the rule
/// reads sentences, and a long-running language server keeps one cache per
/// pattern and thread, which the default size would make tens of megabytes.
fn compiled(pattern: &str) -> regex::Regex {
    compiled_with_cache(pattern, 256 << 10)
}

/// A pattern every block or sentence is read with, large enough that a
/// small cache would be cleared over and over on Japanese text and the
/// search would fall back to the slow engine: the default cache, for it
/// alone.
fn compiled_large(pattern: &str) -> regex::Regex {
    compiled_with_cache(pattern, 2 << 20)
}

fn compiled_with_cache(pattern: &str, bytes: usize) -> regex::Regex {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(bytes)
        .build()
        .expect("the rule's patterns are valid")
}
pub use crate::text::sentences;
pub use scanner::{find_figures, Figure};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "ClaimScope")]
pub enum Scope {
    /// A source supports its own sentence, and a sentence that holds a source
    /// and no figure of its own supports its paragraph (the convention).
    Sentence,
    /// Any source in a paragraph supports every figure in it.
    Paragraph,
}

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "UnsupportedNumericClaimOptions")]
pub struct Options {
    pub scope: Scope,
    /// More phrases that name a source, besides the built-in ones.
    pub source_cues: Vec<String>,
    /// Check headings too (off: a heading's source is in its section).
    pub headings: bool,
    /// The site's own names (its project, product, events): figures in a
    /// sentence that names one are first-party facts, not claims.
    pub first_party: Vec<String>,
    /// The site speaks for its project (a project's blog, an official news
    /// site): every post is about the site's own work, so a figure is a
    /// claim only in a sentence that names someone other than the
    /// `first-party` names, speaks of the world at large (a market, a
    /// country, the rivals), or passes on what nobody named says.
    pub first_party_site: bool,
    /// More units and counters that belong to a figure (`万ウォン`, `拠点`).
    pub units: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            scope: Scope::Sentence,
            source_cues: Vec::new(),
            headings: false,
            first_party: Vec::new(),
            first_party_site: false,
            units: Vec::new(),
        }
    }
}

/// Reports the first unsourced mention of each figure a reader would want a
/// source for, with its later mentions as related locations.
/// Docs: `rules/unsupported-numeric-claim.md`.
pub struct UnsupportedNumericClaim {
    options: Options,
    extra_cues: Vec<String>,
    first_party: context::FirstPartyNames,
    units: scanner::ExtraUnits,
}

impl UnsupportedNumericClaim {
    pub fn new(options: Options) -> UnsupportedNumericClaim {
        let extra_cues = options
            .source_cues
            .iter()
            .map(|cue| cue.to_lowercase())
            .collect();
        UnsupportedNumericClaim {
            first_party: context::FirstPartyNames::new(&options.first_party),
            units: scanner::ExtraUnits::new(&options.units),
            options,
            extra_cues,
        }
    }
}

/// One mention of a figure that is a claim.
struct Mention {
    range: TextRange,
    quoted: String,
    key: String,
    sourced: bool,
}

impl Rule for UnsupportedNumericClaim {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        let mentions = self.claims(document);
        if mentions.is_empty() {
            return;
        }
        // §4: a figure sourced once is sourced wherever it comes back.
        let sourced: HashSet<&str> = mentions
            .iter()
            .filter(|mention| mention.sourced)
            .map(|mention| mention.key.as_str())
            .collect();
        let tabled = self.first_given_in_tables(document);
        // §5: one finding per figure, at its first mention.
        let mut reported: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for mention in mentions
            .iter()
            .filter(|mention| !sourced.contains(mention.key.as_str()))
        {
            if let Some(&at) = reported.get(mention.key.as_str()) {
                violations[at].related.push(mention.range);
                continue;
            }
            // A figure a table gave first is the table's; prose repeats it.
            let tabled_before = tabled
                .get(mention.key.as_str())
                .is_some_and(|&at| at < mention.range.start());
            if tabled_before {
                continue;
            }
            reported.insert(&mention.key, violations.len());
            violations.push(
                Violation::new(
                    mention.range,
                    tr!(language, "numeric-claim", figure = &mention.quoted),
                )
                .with_help(tr!(language, "numeric-claim-help")),
            );
        }
    }
}

/// A prose block's figures that are claims, each with its sentence.
struct BlockClaims {
    sentences: Vec<std::ops::Range<usize>>,
    /// Whether each sentence with a claim passes it on from someone unnamed
    /// ("reportedly", 関係者によると), by the sentence's index.
    told_by_nobody: Vec<bool>,
    claims: Vec<(Figure, usize)>,
}

impl UnsupportedNumericClaim {
    /// Every mention of a figure that is a claim, in order, with whether a
    /// source supports it.
    fn claims(&self, document: &Document) -> Vec<Mention> {
        // A post signed by a project's team ("The Rust Release Team", or a
        // `team` field) speaks for the project, as a `first-party-site`
        // does, and the project's name in the team's is one of the site's own.
        let signers = signing_team(document);
        let with_signers;
        let names = match &signers {
            Some(team_names) if !team_names.is_empty() => {
                with_signers = context::FirstPartyNames::new(
                    &self
                        .options
                        .first_party
                        .iter()
                        .chain(team_names)
                        .cloned()
                        .collect::<Vec<_>>(),
                );
                &with_signers
            }
            _ => &self.first_party,
        };
        let for_a_project = self.options.first_party_site || signers.is_some();
        let mut post = context::Post::of(document.title().unwrap_or(""), names);
        post.about_first_party |= for_a_project;
        post.speaks_for_a_project = for_a_project;
        let blocks = &document.body.blocks;
        let layout = Layout::of(blocks);
        // The headings a block stands under, by level: a section under "Larkspur
        // 4.2 is out" is a release's.
        let mut open_headings: Vec<(u8, context::Post)> = Vec::new();
        let mut prize_lists: std::collections::HashMap<usize, bool> =
            std::collections::HashMap::new();
        let found: Vec<Option<BlockClaims>> = blocks
            .iter()
            .enumerate()
            .map(|(at, block)| {
                if let BlockKind::Heading(level) = block.kind {
                    open_headings.retain(|(open, _)| *open < level);
                    let outer = open_headings.last().map_or(post, |(_, section)| *section);
                    open_headings.push((level, outer.under_heading(&block.text)));
                }
                let mut section = open_headings.last().map_or(post, |(_, section)| *section);
                if let Some(lead_in) = layout.list[at].and_then(|(first, _)| layout.lead_in[first])
                {
                    section = section.under_lead_in(&blocks[lead_in].text);
                }
                // "1st place (€2,000)", "Best use of the audio API (€500)": a
                // list of prizes, whichever item says so.
                if let Some((first, last)) = layout.list[at] {
                    section.in_prize_list = *prize_lists.entry(first).or_insert_with(|| {
                        blocks[first..=last]
                            .iter()
                            .any(|item| context::names_a_prize(&item.text))
                    });
                }
                // A paragraph right under a program's output tells what the
                // output shows: the writer's own run. Asked only of a block
                // with claims, most have none.
                let numbered_step = block.kind == BlockKind::ListItem && {
                    let before = document
                        .source
                        .slice(TextRange::new(0.into(), block.range.start()));
                    let marker = before.rsplit('\n').next().unwrap_or_default().trim();
                    marker.len() > 1
                        && marker.ends_with(['.', ')'])
                        && marker[..marker.len() - 1]
                            .bytes()
                            .all(|byte| byte.is_ascii_digit())
                };
                let heading = matches!(block.kind, BlockKind::Heading(_))
                    || is_a_bold_heading(document.source.slice(block.range), &block.text);
                // A paragraph that announces the writer's release makes the
                // rest of its section the release's notes.
                if !section.is_release
                    && block.kind == BlockKind::Paragraph
                    && context::announces_a_release(&block.text)
                {
                    section.is_release = true;
                    match open_headings.last_mut() {
                        Some((_, open)) => open.is_release = true,
                        None => post.is_release = true,
                    }
                }
                let found = self.block_claims(block, names, section, heading, numbered_step);
                // A purchase told of holds for the prices in the rest of its
                // section, and the writer's own work for the results told
                // after it (only a Japanese paragraph in the polite form reads
                // that).
                let bought = !section.bought && context::tells_of_a_purchase(&block.text);
                let told_own_work = !section.told_own_work
                    && !block.text.is_ascii()
                    && context::tells_of_own_work(&block.text);
                if bought || told_own_work {
                    let open = match open_headings.last_mut() {
                        Some((_, open)) => open,
                        None => &mut post,
                    };
                    open.bought |= bought;
                    open.told_own_work |= told_own_work;
                }
                found.filter(|_| {
                    let from = at
                        .checked_sub(1)
                        .map_or(0.into(), |previous| blocks[previous].range.end());
                    let gap = document.source.slice(crate::source::TextRange::new(
                        from,
                        block.range.start().max(from),
                    ));
                    !shows_output(gap)
                })
            })
            .collect();
        if found.iter().all(Option::is_none) {
            return Vec::new();
        }
        let mut sources = Sources {
            document,
            found: &found,
            extra_cues: &self.extra_cues,
            scope: self.options.scope,
            cache: vec![None; blocks.len()],
            list_supported: std::collections::HashMap::new(),
        };
        let mut mentions = Vec::new();
        for (at, block_claims) in found.iter().enumerate() {
            let Some(block_claims) = block_claims else {
                continue;
            };
            let block = &blocks[at];
            let supported = sources.source_only(at)
                || list_is_supported(&layout, at, &mut sources)
                || quote_is_attributed(blocks, &layout, at)
                || quote_is_introduced(blocks, &layout, at, &mut sources)
                || quote_names_its_speaker(blocks, at)
                || is_a_named_answer(document, block);
            for (figure, sentence) in &block_claims.claims {
                // A sentence that says it rests on hearsay is not covered by
                // a source beside it.
                let hearsay = block_claims
                    .told_by_nobody
                    .get(*sentence)
                    .copied()
                    .unwrap_or(false);
                let sourced = (supported && !hearsay)
                    || sources.of(at).get(*sentence).copied().unwrap_or(false);
                mentions.push(Mention {
                    range: block.source_range(figure.span.clone()),
                    quoted: block.text[figure.span.clone()].to_string(),
                    key: figure.key.clone(),
                    sourced,
                });
            }
        }
        mentions
    }

    /// Where each figure of the post's tables is first given. The rule
    /// does not read tables (their figures are data, most often the results
    /// of what the post summarises); a later mention in prose repeats the
    /// table and is not a finding of its own.
    fn first_given_in_tables(
        &self,
        document: &Document,
    ) -> std::collections::HashMap<String, crate::source::TextSize> {
        let mut first = std::collections::HashMap::new();
        for cell in &document.body.table_cells {
            for figure in scanner::find_figures_with(&cell.text, &self.units) {
                first
                    .entry(figure.key)
                    .or_insert_with(|| cell.source_range(figure.span).start());
            }
        }
        first
    }

    /// The figures of a block that are claims where they stand.
    fn block_claims(
        &self,
        block: &crate::body::ProseBlock,
        names: &context::FirstPartyNames,
        post: context::Post,
        heading: bool,
        numbered_step: bool,
    ) -> Option<BlockClaims> {
        // A heading's counts are mostly structure ("3つの理由", "Rust 1.80");
        // a share in one is the post's headline claim ("Why 70% of cloud
        // migrations fail"). `headings: true` reads every figure.
        let shares_only = heading && !self.options.headings;
        if shares_only && !is_a_share(&block.text) {
            return None;
        }
        let mut figures = scanner::find_figures_with(&block.text, &self.units);
        if shares_only {
            figures.retain(|figure| is_a_share(&block.text[figure.span.clone()]));
        }
        // "Reading installed packages [100%]": a program's progress meter.
        figures.retain(|figure| {
            !(block.text[..figure.span.start].trim_end().ends_with('[')
                && block.text[figure.span.end..].trim_start().starts_with(']')
                && block.text[figure.span.clone()].ends_with('%'))
        });
        // 「4億7,000万ドル（約700億円）」, "$38 billion (€35 billion)": the
        // bracket converts the figure before it, and is the same claim.
        let mut previous_end = None;
        figures.retain(|figure| {
            let converts = previous_end.is_some_and(|end: usize| {
                block
                    .text
                    .get(end..figure.span.start)
                    .is_some_and(|between| {
                        matches!(between.trim(), "(" | "（")
                            && block.text[figure.span.end..].starts_with([')', '）'])
                    })
            });
            previous_end = Some(figure.span.end);
            !converts
        });
        if figures.is_empty() {
            return None;
        }
        let sentences = sentences(&block.text);
        // The words are read with the lines of a wrapped paragraph joined
        // ("the project reports\nthat"); offsets stay those of the text.
        let flat = crate::text::joined_lines(&block.text);
        let sentence_of = |at: usize| {
            sentences
                .partition_point(|sentence| sentence.end <= at)
                .min(sentences.len().saturating_sub(1))
        };
        // What holds for a whole sentence is worked out once for its figures.
        let words = context::BlockWords::of(&flat, names, post);
        let mut facts: Vec<Option<context::SentenceFacts>> = vec![None; sentences.len()];
        let mut told_by_nobody: Vec<Option<bool>> = vec![None; sentences.len()];
        let claims: Vec<(Figure, usize)> = figures
            .into_iter()
            .map(|figure| {
                let at = sentence_of(figure.span.start);
                (figure, at)
            })
            .filter(|(figure, at)| {
                let range = sentences.get(*at).cloned().unwrap_or(0..flat.len());
                let sentence = &flat[range.clone()];
                let previous = at
                    .checked_sub(1)
                    .and_then(|before| sentences.get(before))
                    .map_or("", |before| &flat[before.clone()]);
                let of_sentence =
                    || context::SentenceFacts::of(sentence, previous, names, post, words);
                let facts = match facts.get_mut(*at) {
                    Some(slot) => *slot.get_or_insert_with(of_sentence),
                    None => of_sentence(),
                };
                let text = &flat[figure.span.clone()];
                // Hearsay (「〜らしい」, "reportedly") is nobody's own count.
                let unnamed = match told_by_nobody.get_mut(*at) {
                    Some(slot) => *slot.get_or_insert_with(|| support::names_nobody(sentence)),
                    None => support::names_nobody(sentence),
                };
                let hearsay = unnamed || support::hearsay_follows(&flat[figure.span.end..]);
                let small = context::is_small_figure(text) && !hearsay;
                let place = context::Place {
                    quoted: block.in_block_quote,
                    offset: figure.span.start.saturating_sub(range.start),
                    small: (words.personal || words.offer) && small,
                    how_to: (text.starts_with("最大")
                        && block.text[figure.span.end..].starts_with("まで"))
                        || (numbered_step && small)
                        // A staged rollout's percentages are its steps; its
                        // savings, head counts and "a third of staff" are not.
                        || (words.rollout && is_a_percentage(text))
                        || post.sets_targets
                        || is_compared_to(&flat[..figure.span.start])
                        || defines_a_threshold(
                            &flat[range.start..figure.span.start],
                            text,
                            &flat[figure.span.end..],
                        )
                        || is_a_condition(
                            &flat[range.start..figure.span.start],
                            &flat[figure.span.end..],
                        )
                        // 「数千人規模では」: a size of organisation, a case.
                        || (text.ends_with("規模") && flat[figure.span.end..].starts_with("では")),
                    worked_out: is_worked_out(
                        sentence,
                        &flat[range.start..figure.span.start],
                        text,
                        &flat[figure.span.end..],
                    ),
                    // A price in a list of prizes, in the writer's own
                    // sentence of a block that sells the publisher's own
                    // ("my own book … is $29 for the ebook"), or a ticket's
                    // or a sponsorship's.
                    offered: context::is_a_price(text)
                        && (post.in_prize_list
                            || (words.publisher && facts.personal)
                            || (!hearsay
                                && context::is_an_admission_or_sponsorship(
                                    sentence, words, names,
                                ))),
                    paid: !hearsay
                        && context::is_a_price_paid(
                            text,
                            sentence,
                            figure.span.start.saturating_sub(range.start),
                            post,
                            words,
                            block.kind == BlockKind::ListItem,
                            names,
                        ),
                    // A project's site speaks for its own events, whatever
                    // their size, unless the sentence names another's, or
                    // goes on about the one the sentence before opens on.
                    at_an_event: words.event
                        && !hearsay
                        && !text.contains(['%', '％'])
                        && (small
                            || (post.speaks_for_a_project
                                && !names.another_party_in(sentence)
                                && !names.another_party_leads(previous))),
                };
                context::for_figure(sentence, place, facts).is_none()
            })
            .collect();
        (!claims.is_empty()).then_some(BlockClaims {
            sentences,
            told_by_nobody: told_by_nobody
                .into_iter()
                .map(|unnamed| unnamed.unwrap_or(false))
                .collect(),
            claims,
        })
    }
}

/// A figure in a condition is a threshold: 「4万個以上のISEQを持つ場合、」.
fn is_a_condition(before: &str, after: &str) -> bool {
    let clause = after.find(['、', '。']).map_or(after, |end| &after[..end]);
    // "… is raised from 30 to 120 when the application has more than 40,000
    // ISEQs": a condition in the present opens the figure's clause ("when
    // sales hit $2 billion in 2021" tells what happened).
    static CONDITION: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let condition = CONDITION.get_or_init(|| {
        compiled(
            r"(?i)(?:^|\s)(?:when|if|once|unless)\s[^,.;:]*(?-u:\b)(?:has|have|is|are|exceeds?|reaches|gets)(?-u:\b)[^,.;:]*$",
        )
    });
    // "everyone who gives $25 or more will be thanked": whom an offer is for.
    static WHO: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let who = WHO.get_or_init(|| {
        compiled(r"(?i)(?-u:\b)(?:who|whoever|anyone|everyone|those)(?-u:\b)[^,.;:]*$")
    });
    let or_more = [" or more", " or above", " or higher", " and up"]
        .iter()
        .any(|bound| after.starts_with(bound));
    if or_more && who.is_match(before) {
        return true;
    }
    // 「1割負担なら保険給付…」, 「3件以上ある場合の」, 「従業員 300 人の企業
    // では」: the condition or the case may
    // close mid-clause; 「ならない」 is no condition. 「2回実行しても、」,
    // 「80% 越えれば」 and 「25% に近づいたら」 suppose the figure, too, when
    // they follow it closely (「…という過去記事を読み返したら」 tells when;
    // 「あったらしい」 is hearsay).
    static JAPANESE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let japanese = JAPANESE
        .get_or_init(|| {
            compiled(
                r"場合|^の(?:組織|企業|会社|チーム|プロジェクト|現場|環境)(?:では|なら)|^(?:を|に|が)?(?:超え|越え|上回っ|下回っ|達し|切っ|割っ)た時点で|ならば?(?:[^\p{Hiragana}]|$)|とき(?:は|に|、|$)|ても$|^.{0,12}?(?:れば|たら)(?:[^\p{Hiragana}]|$)",
            )
        });
    japanese.is_match(clause) || condition.is_match(before)
}

/// A figure in a worked sum is an operand or a result, not a fact:
/// 「1 ユーザー × 4 h × 20 日 = 80 h/月」, "SFP = 4.6 × EP + 7.0 × LF".
fn is_worked_out(sentence: &str, before: &str, figure: &str, after: &str) -> bool {
    const TIMES: [char; 4] = ['×', '*', '÷', '✕'];
    const EQUALS: [char; 3] = ['=', '＝', '≈'];
    if !sentence.contains(EQUALS) || !sentence.contains(TIMES) {
        return false;
    }
    let before = before.trim_end();
    let after = after.trim_start();
    figure.ends_with(TIMES)
        || after.starts_with(TIMES)
        || after.starts_with(EQUALS)
        || before.ends_with(TIMES)
        || before.ends_with(EQUALS)
}

/// A bound that says what reaching it means is a threshold: "A hit rate
/// above 95% means you're done", "anything over 2 s indicates a problem".
fn defines_a_threshold(before: &str, figure: &str, after: &str) -> bool {
    const BOUNDS: [&str; 8] = [
        "above",
        "below",
        "over",
        "under",
        "beyond",
        "more than",
        "less than",
        "at least",
    ];
    const MEANINGS: [&str; 4] = [" means", " indicates", " signals", " is a sign"];
    let before = before.trim_end().to_ascii_lowercase();
    let figure = figure.to_ascii_lowercase();
    MEANINGS.iter().any(|meaning| after.starts_with(meaning))
        && BOUNDS
            .iter()
            .any(|bound| before.ends_with(bound) || figure.starts_with(bound))
}

/// A figure after a comparison sign is a threshold: "override 率 > 30%",
/// "< 5%", "≥ 99.9%".
fn is_compared_to(before: &str) -> bool {
    before
        .trim_end_matches(' ')
        .ends_with(['<', '>', '≤', '≥', '＜', '＞', '≦', '≧'])
}

/// A short line all in bold, with no sentence in it, is a heading written
/// as emphasis: "**成長中のデータチーム (5〜15名)**", "**Step 2:**".
fn is_a_bold_heading(written: &str, text: &str) -> bool {
    let written = written.trim();
    let Some(inner) = written
        .strip_prefix("**")
        .and_then(|rest| rest.strip_suffix("**"))
    else {
        return false;
    };
    let text = text.trim();
    !inner.contains("**")
        && text.chars().count() <= 60
        && !text.ends_with(['.', '。', '!', '?', '！', '？'])
        && !text.contains("。")
        && !text.contains(". ")
}

/// A percentage or a share in tenths: `25%`, `５％`, "40 percent", `3割`.
fn is_a_percentage(figure: &str) -> bool {
    figure.contains(['%', '％', '割']) || figure.contains("percent")
}

/// A share of a whole: `70%`, `7割`, `4分の1`, `半数`, "a quarter", "1 in 5".
fn is_a_share(figure: &str) -> bool {
    const FRACTIONS: [&str; 9] = [
        "half", "third", "quarter", "fifth", "tenth", " in ", "percent", "per cent", "majority",
    ];
    if is_a_percentage(figure) || figure.contains("分の") || figure.contains("半数") {
        return true;
    }
    let lower = figure.to_ascii_lowercase();
    FRACTIONS.iter().any(|fraction| lower.contains(fraction))
}

/// The names of the team that signs the post, if a team does: a `team`
/// field ("the compiler team" names no project, but the field says a
/// project's team wrote it), or an author that is a team, a council or a
/// committee of a named project ("The Rust Release Team" gives `Rust`).
fn signing_team(document: &Document) -> Option<Vec<String>> {
    static GROUP: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let group = GROUP.get_or_init(|| {
        compiled(r"(?i)(?-u:\b)(?:team|council|committee|working group|steering group|core developers)(?-u:\b)")
    });
    // The words of a team's name that tell its role, not its project.
    const ROLES: [&str; 38] = [
        "The",
        "Team",
        "Core",
        "Release",
        "Survey",
        "Council",
        "Leadership",
        "News",
        "Committee",
        "Working",
        "Group",
        "Steering",
        "Developers",
        "Infrastructure",
        "Security",
        "Response",
        "Compiler",
        "Language",
        "Library",
        "Documentation",
        "Community",
        "Moderation",
        "Marketing",
        "Events",
        "Editorial",
        "Editors",
        "Content",
        "Staff",
        "Blog",
        "Web",
        "Website",
        "Support",
        "Engineering",
        "Research",
        "Product",
        "Design",
        "Communications",
        "Press",
    ];
    // Zola keeps a site's own fields under `[extra]`.
    let extra = document.front_matter.get("extra").map(|field| &field.value);
    let field = |key: &str| {
        document
            .front_matter
            .get(key)
            .map(|field| &field.value)
            .or_else(|| match extra {
                Some(crate::front_matter::Value::Map(entries)) => entries
                    .iter()
                    .find(|(name, _)| name == key)
                    .map(|(_, value)| value),
                _ => None,
            })
    };
    let mut signers: Vec<&str> = Vec::new();
    for key in ["team", "author", "authors"] {
        match field(key) {
            Some(crate::front_matter::Value::String(name)) => signers.push(name),
            Some(crate::front_matter::Value::List(items)) => {
                signers.extend(items.iter().filter_map(|item| item.value.as_str()))
            }
            _ => {}
        }
    }
    let team_field = field("team").is_some_and(|value| !value.is_empty());
    let teams: Vec<&str> = signers
        .into_iter()
        .filter(|name| group.is_match(name))
        .collect();
    let names: Vec<String> = teams
        .iter()
        .flat_map(|team| team.split_whitespace())
        .filter(|word| {
            (word.starts_with(|ch: char| ch.is_uppercase()) || word.contains('.'))
                && !ROLES.contains(word)
        })
        .map(str::to_string)
        .collect();
    // An author that is a team speaks for a project only when the team
    // names it: "Editorial team" or "News Team" may write about anyone.
    (team_field || !names.is_empty()).then_some(names)
}

/// Whether the text between two prose blocks holds a code block of a
/// program's output: a fence with no language or a shell's, or lines that
/// start with a prompt. A fence of Rust or TOML is source code, and what is
/// said under it may be a claim ("Enabling LTO typically shrinks binaries by
/// 10-15%").
fn shows_output(gap: &str) -> bool {
    const OUTPUT: [&str; 11] = [
        "", "text", "txt", "console", "shell", "sh", "bash", "zsh", "output", "log", "plain",
    ];
    let mut fences = gap
        .lines()
        .map(str::trim_start)
        .filter(|line| line.starts_with("```") || line.starts_with("~~~"));
    let Some(opening) = fences.next() else {
        return false;
    };
    let language = opening.trim_start_matches(['`', '~']).trim();
    OUTPUT.contains(&language) || gap.lines().any(|line| line.starts_with("$ "))
}

/// Whether each sentence of a block names a source, worked out once and only
/// for the blocks that need it.
struct Sources<'a> {
    document: &'a Document,
    found: &'a [Option<BlockClaims>],
    extra_cues: &'a [String],
    scope: Scope,
    cache: Vec<Option<Vec<bool>>>,
    /// Whether each list, by its first item, has a source for all its items.
    list_supported: std::collections::HashMap<usize, bool>,
}

impl Sources<'_> {
    fn of(&mut self, at: usize) -> &[bool] {
        let (document, found, cues) = (self.document, self.found, self.extra_cues);
        self.cache[at].get_or_insert_with(|| {
            let block = &document.body.blocks[at];
            // The block's words with its lines joined, once for all its
            // sentences.
            let joined = crate::text::joined_lines(&block.text);
            let may_name = support::may_name_a_source(&joined, cues);
            // A block with claims has its sentences already; only a block
            // read for its sources alone is split here.
            let sentences: std::borrow::Cow<[std::ops::Range<usize>]> = match &found[at] {
                Some(found) => std::borrow::Cow::Borrowed(&found.sentences),
                None => std::borrow::Cow::Owned(sentences(&block.text)),
            };
            sentences
                .iter()
                .enumerate()
                .map(|(index, sentence)| {
                    let from = index
                        .checked_sub(1)
                        .map_or(0, |previous| sentences[previous].end);
                    support::sentence_has_source(
                        document,
                        block,
                        from,
                        sentence,
                        cues,
                        may_name.then_some(&*joined),
                    )
                })
                .collect()
        })
    }

    /// §4: a sentence with a source and no claim of its own supports its
    /// paragraph; with `scope: paragraph`, any source does.
    fn source_only(&mut self, at: usize) -> bool {
        let (scope, found) = (self.scope, self.found);
        let claims = found[at].as_ref().map(|found| found.claims.as_slice());
        let has_a_claim =
            |index: usize| claims.is_some_and(|claims| claims.iter().any(|(_, at)| *at == index));
        let candidates: Vec<usize> = self
            .of(at)
            .iter()
            .enumerate()
            .filter(|&(index, &source)| {
                source && (scope == Scope::Paragraph || !has_a_claim(index))
            })
            .map(|(index, _)| index)
            .collect();
        if scope == Scope::Paragraph || candidates.is_empty() {
            return !candidates.is_empty();
        }
        // A source-only sentence about something else keeps its source.
        let text = &self.document.body.blocks[at].text;
        let own_sentences: std::borrow::Cow<[std::ops::Range<usize>]> = match &found[at] {
            Some(found) => std::borrow::Cow::Borrowed(&found.sentences),
            None => std::borrow::Cow::Owned(sentences(text)),
        };
        candidates.iter().any(|&index| {
            own_sentences.get(index).is_none_or(|sentence| {
                !support::keeps_its_source(&crate::text::joined_lines(&text[sentence.clone()]))
            })
        })
    }
}

/// Where each block stands among its neighbours, worked out in one pass.
struct Layout {
    /// For a list item, the first and last item of its list.
    list: Vec<Option<(usize, usize)>>,
    /// The paragraph right before each list, by its first item.
    lead_in: Vec<Option<usize>>,
    /// The last block before each block that is not in a block quote.
    outside_quote: Vec<Option<usize>>,
    /// The last heading before each block, or the last line that is all a
    /// link: a digest's item title ("[KDE.news/Boudewijn Rempt: First
    /// Calligra Sprint](//news.kde.org/…)") heads the excerpt under it.
    heading: Vec<Option<usize>>,
}

impl Layout {
    fn of(blocks: &[crate::body::ProseBlock]) -> Layout {
        let count = blocks.len();
        let mut layout = Layout {
            list: vec![None; count],
            lead_in: vec![None; count],
            outside_quote: vec![None; count],
            heading: vec![None; count],
        };
        let (mut outside_quote, mut heading) = (None, None);
        let mut at = 0;
        while at < count {
            layout.outside_quote[at] = outside_quote;
            layout.heading[at] = heading;
            if !blocks[at].in_block_quote {
                outside_quote = Some(at);
            }
            if matches!(blocks[at].kind, BlockKind::Heading(_)) || is_a_link_title(&blocks[at]) {
                heading = Some(at);
            }
            at += 1;
        }
        let mut first = 0;
        while first < count {
            if blocks[first].kind != BlockKind::ListItem {
                first += 1;
                continue;
            }
            let mut last = first;
            while last + 1 < count && blocks[last + 1].kind == BlockKind::ListItem {
                last += 1;
            }
            for item in first..=last {
                layout.list[item] = Some((first, last));
            }
            layout.lead_in[first] = first
                .checked_sub(1)
                .filter(|&before| blocks[before].kind == BlockKind::Paragraph);
            first = last + 1;
        }
        layout
    }
}

/// A paragraph that is all one link out, but for a stray character.
fn is_a_link_title(block: &crate::body::ProseBlock) -> bool {
    let length = block.text.trim().len();
    block.kind == BlockKind::Paragraph
        && length > 0
        && block.links.iter().any(|link| {
            support::is_external(&link.destination) && link.text.len() * 10 >= length * 9
        })
}

/// A list is one paragraph for §4: an item, or the paragraph that leads
/// into the list, that names a source and has no figure of its own supports
/// every item ("論文の評価結果は次の通り。" before the list).
fn list_is_supported(layout: &Layout, at: usize, sources: &mut Sources) -> bool {
    let Some((first, last)) = layout.list[at] else {
        return false;
    };
    // Each list is asked once; its answer is kept for the other items.
    if let Some(known) = sources.list_supported.get(&first) {
        return *known;
    }
    // A caption right under the list, or an item of it, that says where the
    // figures come from names the source too: 「出典：…」, "Source: …". Any
    // other item is a sentence of its own.
    let blocks = &sources.document.body.blocks;
    let says_source = |block: &crate::body::ProseBlock| {
        ["出典", "出所", "ソース", "Source", "Data:"]
            .iter()
            .any(|label| block.text.trim_start().starts_with(label))
            || support::says_where_the_figures_come_from(&block.text)
    };
    let caption = Some(last + 1).filter(|&after| {
        blocks
            .get(after)
            .is_some_and(|block| block.kind == BlockKind::Paragraph && says_source(block))
    });
    let source_items = (first..=last).filter(|&item| says_source(&blocks[item]));
    let supported = layout.lead_in[first]
        .into_iter()
        .chain(caption)
        .chain(source_items)
        .any(|index| sources.source_only(index));
    sources.list_supported.insert(first, supported);
    supported
}

/// A block quote under a lead-in that ends in a colon and names who says
/// it ("Gridwatch Institute director Amara Osei put it this way:",
/// 「森下彩氏は記者会見でこう述べた:」) is attributed to them.
fn quote_is_introduced(
    blocks: &[crate::body::ProseBlock],
    layout: &Layout,
    at: usize,
    sources: &mut Sources,
) -> bool {
    let Some(lead_in) = layout.outside_quote[at].filter(|_| blocks[at].in_block_quote) else {
        return false;
    };
    let text = blocks[lead_in].text.trim_end();
    if !text.ends_with([':', '：']) {
        return false;
    }
    let last_sentence = sentences(text)
        .last()
        .map_or(text, |range| &text[range.clone()]);
    support::introduces_a_quote(last_sentence)
        || sources.of(lead_in).last().copied().unwrap_or(false)
}

/// A block quote signed with its speaker's name ("… three times faster
/// than Ruby 2.0. -- Matz") is theirs; one signed with a role ("--
/// Distinguished engineer working on cloud infrastructure") names nobody.
fn quote_names_its_speaker(blocks: &[crate::body::ProseBlock], at: usize) -> bool {
    let block = &blocks[at];
    if !block.in_block_quote {
        return false;
    }
    // The signature ends the quote's paragraph, or is a paragraph of its own
    // after it ("> …\n>\n> — Idris Balogun, staff engineer").
    let signed_below = blocks.get(at + 1).is_some_and(|next| {
        next.in_block_quote
            && next.text.trim_start().starts_with(['—', '―', '-'])
            && signature_names_a_speaker(&next.text)
    });
    signed_below || signature_names_a_speaker(&block.text)
}

/// An interview's answer under its speaker's name in bold ("**Rafael
/// Quintero:** We have about 2,100 people", 「**葉山誠氏：**」) is theirs.
fn is_a_named_answer(document: &Document, block: &crate::body::ProseBlock) -> bool {
    if block.kind != BlockKind::Paragraph || !document.source.slice(block.range).starts_with("**") {
        return false;
    }
    let Some((label, _)) = block.text.split_once([':', '：']) else {
        return false;
    };
    let label = label.trim();
    if !label.is_ascii() {
        return label.chars().count() <= 20 && (label.ends_with('氏') || label.ends_with("さん"));
    }
    // A person's name, not a label: "**Key Takeaways:**", "**Bottom line:**".
    const LABELS: [&str; 12] = [
        "Key", "Note", "Update", "Bottom", "Next", "Pain", "Summary", "Source", "Why", "What",
        "How", "The",
    ];
    let words: Vec<&str> = label.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && !LABELS.contains(&words[0])
        && words.iter().all(|word| {
            word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic)
        })
}

/// "— Matz", "― 実行委員長 小野寺千秋さん": a name, or a Japanese name with
/// its honorific. "— Distinguished engineer working on …" names nobody.
fn signature_names_a_speaker(text: &str) -> bool {
    let text = text.trim_end();
    let Some((_, signature)) = text
        .rsplit_once(['—', '―'])
        .or_else(|| text.rsplit_once("--"))
    else {
        return false;
    };
    let name = signature
        .split([',', '、'])
        .next()
        .unwrap_or_default()
        .trim();
    if !name.is_ascii() {
        return name.chars().count() <= 40
            && (name.ends_with("さん") || name.ends_with('氏') || name.ends_with('様'));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|word| {
            word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic)
        })
}

/// A quotation under a line that links where it comes from is attributed:
/// a block quote, or a paragraph in quotation marks, right under it, or the
/// section under a heading that links its source (a digest's
/// "Publication: [Title](https://…)").
fn quote_is_attributed(blocks: &[crate::body::ProseBlock], layout: &Layout, at: usize) -> bool {
    let links_out = |index: usize| {
        blocks[index]
            .links
            .iter()
            .any(|link| support::is_external(&link.destination))
    };
    let block = &blocks[at];
    let in_quotes = block.text.trim_start().starts_with(['"', '“', '「']);
    if (block.in_block_quote || in_quotes) && layout.outside_quote[at].is_some_and(links_out) {
        return true;
    }
    layout.heading[at].is_some_and(links_out)
}

#[cfg(test)]
mod tests;
