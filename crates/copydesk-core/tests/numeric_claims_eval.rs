//! Precision, recall and span exactness of `unsupported-numeric-claim`, all
//! labelled by the editorial convention (`shared/conventions/numeric-claims.md`):
//! - the written sets in `tests/eval/`: the development set and the old
//!   holdout (both relabelled to the convention), the first eight blind
//!   sets, the tenth and eleventh, and the second development set, all tuned
//!   on now; and the ninth, twelfth and thirteenth blind sets, written from
//!   the convention alone by someone who never saw the rule, never tuned on.
//!   From the tenth on, each excerpt says where it is published; those sets
//!   are scored alone and with the config its site's editors would write;
//! - real posts: `tests/eval/real-posts/<corpus>.yaml` labels places in
//!   `../shared/corpora` (beside the checkout; CI has it) by path, line and
//!   column, with no post text. Without the folder, these fail under `CI`.
//!
//! Run with `--nocapture` to see the figures, and every disagreement but
//! the never-tuned sets'.
// Printing the figures is this test's purpose.
#![allow(clippy::print_stdout)]

use std::ops::Range;
use std::path::{Path, PathBuf};

use copydesk_core::{check, ColumnEncoding, Config, Diagnostic, Document, Position, Source};
use serde::Deserialize;

mod common;

const RULE: &str = "unsupported-numeric-claim";

/// Precision, recall and span exactness a set must reach.
#[derive(Clone, Copy)]
struct Floor {
    precision: f64,
    recall: f64,
    span: f64,
}

/// The goal the rule is held to (issue 15): met on the development set.
const GOAL: Floor = Floor {
    precision: 0.90,
    recall: 0.85,
    span: 0.95,
};

/// Where the rule stands on the sets it does not meet the goal on yet,
/// measured at the commit that set them, a little below: a regression guard,
/// not the goal. Raise them as the rule improves.
const THIRD_BLIND_FLOOR: Floor = Floor {
    precision: 0.92,
    recall: 0.84,
    span: 0.95,
};
const FOURTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.86,
    recall: 0.85,
    span: 0.95,
};
const FIFTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.89,
    recall: 0.92,
    span: 0.95,
};
const SIXTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.84,
    recall: 0.86,
    span: 0.95,
};
const SEVENTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.83,
    recall: 0.89,
    span: 0.95,
};
const EIGHTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.86,
    recall: 0.92,
    span: 0.95,
};
const BLIND_FLOOR: Floor = Floor {
    precision: 0.72,
    recall: 0.86,
    span: 0.95,
};
const TENTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.65,
    recall: 0.92,
    span: 0.98,
};
const TENTH_BLIND_WITH_CONFIG_FLOOR: Floor = Floor {
    precision: 0.89,
    recall: 0.89,
    span: 0.98,
};
const ELEVENTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.54,
    recall: 0.88,
    span: 0.96,
};
const ELEVENTH_BLIND_WITH_CONFIG_FLOOR: Floor = Floor {
    precision: 0.74,
    recall: 0.80,
    span: 0.96,
};
const TWELFTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.54,
    recall: 0.84,
    span: 0.98,
};
const TWELFTH_BLIND_WITH_CONFIG_FLOOR: Floor = Floor {
    precision: 0.75,
    recall: 0.70,
    span: 0.98,
};
const THIRTEENTH_BLIND_FLOOR: Floor = Floor {
    precision: 0.52,
    recall: 0.87,
    span: 0.98,
};
const THIRTEENTH_BLIND_WITH_CONFIG_FLOOR: Floor = Floor {
    precision: 0.70,
    recall: 0.77,
    span: 0.98,
};
const SECOND_DEVELOPMENT_FLOOR: Floor = Floor {
    precision: 0.87,
    recall: 0.78,
    span: 0.95,
};
const REAL_POSTS_FLOOR: Floor = Floor {
    precision: 0.85,
    recall: 0.75,
    span: 0.90,
};

#[derive(Default, Clone, Copy)]
struct Score {
    true_positives: usize,
    false_positives: usize,
    false_negatives: usize,
    exact_spans: usize,
}

impl Score {
    fn precision(self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_positives).max(1) as f64
    }

    fn recall(self) -> f64 {
        self.true_positives as f64 / (self.true_positives + self.false_negatives).max(1) as f64
    }

    fn span_exactness(self) -> f64 {
        self.exact_spans as f64 / self.true_positives.max(1) as f64
    }

    fn add(&mut self, other: Score) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.exact_spans += other.exact_spans;
    }

    fn line(self, name: &str) -> String {
        format!(
            "{RULE} on {name}: precision {:.3}, recall {:.3}, span exactness {:.3} (TP {}, FP {}, FN {}, exact spans {})",
            self.precision(),
            self.recall(),
            self.span_exactness(),
            self.true_positives,
            self.false_positives,
            self.false_negatives,
            self.exact_spans
        )
    }

    /// What falls below a floor, as failures to report.
    fn shortfalls(self, name: &str, floor: Floor) -> Vec<String> {
        let mut shortfalls = Vec::new();
        for (what, value, least) in [
            ("precision", self.precision(), floor.precision),
            ("recall", self.recall(), floor.recall),
            ("span exactness", self.span_exactness(), floor.span),
        ] {
            if value < least {
                shortfalls.push(format!("{name}: {what} {value:.3} < {least}"));
            }
        }
        shortfalls
    }

    /// Prints whether the goal is met, beside the floor that is asserted.
    fn report_goal(self, name: &str) {
        let missed = self.shortfalls(name, GOAL);
        if missed.is_empty() {
            println!("{name}: the goal is met");
        } else {
            println!("{name}: the goal is not met yet: {}", missed.join("; "));
        }
    }
}

fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/eval")
}

/// The rule's findings (first mentions; later ones are related locations).
fn findings(document: &Document, config: &Config) -> Vec<Diagnostic> {
    let rule_set = config.rule_set_for(&document.path).unwrap();
    check(document, &rule_set)
        .into_iter()
        .filter(|d| d.rule == RULE)
        .collect()
}

/// Scores predicted byte ranges against gold ones: a prediction that
/// overlaps an unmatched gold span is a true positive, exact when equal.
fn score(predicted: &[Range<usize>], gold: &[Range<usize>]) -> (Score, Vec<usize>, Vec<usize>) {
    let mut matched = vec![false; gold.len()];
    let mut score = Score::default();
    let mut false_positives = Vec::new();
    for (index, span) in predicted.iter().enumerate() {
        let hit = (0..gold.len())
            .find(|&at| !matched[at] && gold[at].start < span.end && span.start < gold[at].end);
        match hit {
            Some(at) => {
                matched[at] = true;
                score.true_positives += 1;
                if gold[at] == *span {
                    score.exact_spans += 1;
                }
            }
            None => {
                score.false_positives += 1;
                false_positives.push(index);
            }
        }
    }
    let false_negatives: Vec<usize> = (0..gold.len()).filter(|&at| !matched[at]).collect();
    score.false_negatives = false_negatives.len();
    (score, false_positives, false_negatives)
}

#[derive(Deserialize)]
struct Item {
    id: String,
    lang: String,
    /// Where the excerpt is published, as its editors would say it in a
    /// config (the tenth blind set on): it changes no label.
    site: Option<Site>,
    text: String,
    claims: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Site {
    own_names: Vec<String>,
    speaks_for_itself: bool,
}

impl Site {
    /// The config the site's editors would write: its own names as
    /// `first-party`, and `first-party-site` when the site speaks for itself.
    fn config(&self) -> Config {
        let names = serde_json::to_string(&self.own_names).unwrap();
        Config::from_yaml(&format!(
            "rules:\n  {RULE}:\n    first-party: {names}\n    first-party-site: {}\n",
            self.speaks_for_itself
        ))
        .unwrap()
    }
}

/// Whether each excerpt is read alone, as a post on an unknown site, or
/// with the config its site's editors would write.
#[derive(Clone, Copy, PartialEq)]
enum Context {
    Alone,
    SiteConfig,
}

/// Each labelled claim, found in order after the previous one.
fn gold_spans(item: &Item) -> Vec<Range<usize>> {
    let mut from = 0;
    item.claims
        .iter()
        .map(|claim| {
            let found = item.text[from..].find(claim.as_str());
            let at = from + found.unwrap_or_else(|| panic!("{}: {claim} not in text", item.id));
            from = at + claim.len();
            at..from
        })
        .collect()
}

/// Scores on one written set, printed with every disagreement unless the
/// set is blind: what is not seen cannot be tuned on.
fn evaluate_written_set(set: &str, show_disagreements: bool) -> Score {
    evaluate_in_context(set, show_disagreements, Context::Alone)
}

fn evaluate_in_context(set: &str, show_disagreements: bool, context: Context) -> Score {
    let path = eval_dir().join(set);
    let items: Vec<Item> =
        copydesk_core::yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(items.len() >= 150, "{set}: too few paragraphs to measure");
    let no_config = Config::default();
    let header = "---\ntitle: Evaluation item\n---\n";
    let (mut total, mut japanese, mut english) =
        (Score::default(), Score::default(), Score::default());
    // By the site's voice, where the set says it: its own, or anyone's.
    let (mut own_voice, mut other_voice) = (Score::default(), Score::default());
    for item in &items {
        let document = Document::parse("eval.md", Source::new(format!("{header}{}", item.text)));
        let site_config = match (&item.site, context) {
            (Some(site), Context::SiteConfig) => Some(site.config()),
            (None, Context::SiteConfig) => panic!("{set}: {} says nothing of its site", item.id),
            (_, Context::Alone) => None,
        };
        let config = site_config.as_ref().unwrap_or(&no_config);
        let predicted: Vec<Range<usize>> = findings(&document, config)
            .iter()
            .map(|d| {
                usize::from(d.range.start()) - header.len()
                    ..usize::from(d.range.end()) - header.len()
            })
            .collect();
        let gold = gold_spans(item);
        let (score, false_positives, false_negatives) = score(&predicted, &gold);
        total.add(score);
        if item.lang == "ja" {
            japanese.add(score);
        } else {
            english.add(score);
        }
        match &item.site {
            Some(site) if site.speaks_for_itself => own_voice.add(score),
            Some(_) => other_voice.add(score),
            None => {}
        }
        if !show_disagreements {
            continue;
        }
        let set = match context {
            Context::Alone => set.to_string(),
            Context::SiteConfig => format!("{set} (config)"),
        };
        for at in false_positives {
            println!(
                "{set}: {} FP `{}`",
                item.id,
                &item.text[predicted[at].clone()]
            );
        }
        for at in false_negatives {
            println!("{set}: {} FN `{}`", item.id, &item.text[gold[at].clone()]);
        }
        let inexact = score.true_positives - score.exact_spans;
        if inexact > 0 {
            println!(
                "{set}: {} {inexact} inexact span(s) among {:?}",
                item.id, item.claims
            );
        }
    }
    let name = match context {
        Context::Alone => set.to_string(),
        Context::SiteConfig => format!("{set} with each site's config"),
    };
    println!("{}", japanese.line(&format!("{name}, ja")));
    println!("{}", english.line(&format!("{name}, en")));
    if items.iter().any(|item| item.site.is_some()) {
        println!(
            "{}",
            own_voice.line(&format!("{name}, sites that speak for themselves"))
        );
        println!("{}", other_voice.line(&format!("{name}, other sites")));
    }
    println!("{}", total.line(&name));
    total
}

/// A set the rule is tuned on is held to the goal, and prints every
/// disagreement.
fn meets_the_goal(set: &str) {
    let score = evaluate_written_set(set, true);
    assert_eq!(score.shortfalls(set, GOAL), Vec::<String>::new());
}

/// Scores a set held to a floor under today's figure, and says how far it
/// is from the goal; a blind set prints only its totals.
fn stays_above(set: &str, floor: Floor, show_disagreements: bool) {
    let score = evaluate_written_set(set, show_disagreements);
    score.report_goal(set);
    assert_eq!(score.shortfalls(set, floor), Vec::<String>::new());
}

#[test]
fn the_development_set() {
    meets_the_goal("numeric-claims.yaml");
}

/// The old holdout, relabelled to the convention. Once blind; its
/// disagreements were read and tuned on in the stop that wrote the second
/// blind set, so it is a tuning set now.
#[test]
fn the_old_holdout_relabelled() {
    meets_the_goal("numeric-claims-holdout.yaml");
}

/// The first blind set, written from the convention alone. Its
/// disagreements were read and tuned on when the second blind set was
/// written, so it is a tuning set now.
#[test]
fn the_first_blind_set() {
    meets_the_goal("numeric-claims-blind.yaml");
}

/// The second blind set, written from the convention alone. Its
/// disagreements were read and tuned on when the third blind set was
/// written, so it is a tuning set now.
#[test]
fn the_second_blind_set() {
    meets_the_goal("numeric-claims-blind-2.yaml");
}

/// Written from the convention alone by two helpers who saw neither the rule
/// nor the other sets, to be tuned on from the start: its first measure,
/// before any tuning, is in `numeric-claims-dev-2.md`.
#[test]
fn the_second_development_set() {
    stays_above("numeric-claims-dev-2.yaml", SECOND_DEVELOPMENT_FLOOR, true);
}

/// Written from the convention alone by someone who saw neither the rule
/// nor the other sets. Its totals were read between changes of the rule in
/// the stop that wrote the fourth set, and it is tuned on since the stop
/// that wrote the fifth: its disagreements are printed.
#[test]
fn the_third_blind_set() {
    stays_above("numeric-claims-blind-3.yaml", THIRD_BLIND_FLOOR, true);
}

/// Written from the convention alone by someone who saw neither the rule
/// nor the other sets. Blind until the stop that wrote the fifth set, which
/// tuned on it: a tuning set now, held to a floor, its disagreements printed.
#[test]
fn the_fourth_blind_set() {
    stays_above("numeric-claims-blind-4.yaml", FOURTH_BLIND_FLOOR, true);
}

/// Written from the convention alone by someone who saw neither the rule
/// nor the other sets. Blind until the stop that wrote the sixth set, which
/// tuned on it: a tuning set now, held to a floor, its disagreements printed.
#[test]
fn the_fifth_blind_set() {
    stays_above("numeric-claims-blind-5.yaml", FIFTH_BLIND_FLOOR, true);
}

/// Written from the convention alone by someone who saw neither the rule
/// nor the other sets. Blind until the stop that wrote the seventh set,
/// which tuned on it: a tuning set now, held to a floor, its disagreements
/// printed.
#[test]
fn the_sixth_blind_set() {
    stays_above("numeric-claims-blind-6.yaml", SIXTH_BLIND_FLOOR, true);
}

/// Written from the convention alone by someone who saw neither the rule
/// nor the other sets. Blind until the stop that wrote the eighth set,
/// which tuned on it: a tuning set now, held to a floor, its disagreements
/// printed.
#[test]
fn the_seventh_blind_set() {
    stays_above("numeric-claims-blind-7.yaml", SEVENTH_BLIND_FLOOR, true);
}

/// Written from the convention alone by someone who saw neither the rule
/// nor the other sets. Blind until the stop that wrote the ninth set,
/// which tuned on it: a tuning set now, held to a floor, its disagreements
/// printed.
#[test]
fn the_eighth_blind_set() {
    stays_above("numeric-claims-blind-8.yaml", EIGHTH_BLIND_FLOOR, true);
}

/// Written from the convention alone by someone who saw neither the rule
/// nor the other sets; never tuned on, so only its totals are printed. The
/// honest figure.
#[test]
fn the_blind_set() {
    stays_above("numeric-claims-blind-9.yaml", BLIND_FLOOR, false);
}

/// Scores a set whose excerpts say where they are published twice: alone,
/// as a post on an unknown site, and with the config its site's editors
/// would write (its own names; whether the site speaks for itself), as the
/// real posts are scored.
fn stays_above_alone_and_with_config(
    set: &str,
    show_disagreements: bool,
    alone_floor: Floor,
    with_config_floor: Floor,
) {
    let alone = evaluate_in_context(set, show_disagreements, Context::Alone);
    alone.report_goal(set);
    let with_config = evaluate_in_context(set, show_disagreements, Context::SiteConfig);
    let name = format!("{set} with each site's config");
    with_config.report_goal(&name);
    let mut shortfalls = alone.shortfalls(set, alone_floor);
    shortfalls.extend(with_config.shortfalls(&name, with_config_floor));
    assert_eq!(shortfalls, Vec::<String>::new());
}

/// Written as the ninth, with where each excerpt is published; tuned on
/// (the config's reading of a site's own voice) since the stop that wrote
/// the eleventh.
#[test]
fn the_tenth_blind_set() {
    stays_above_alone_and_with_config(
        "numeric-claims-blind-10.yaml",
        true,
        TENTH_BLIND_FLOOR,
        TENTH_BLIND_WITH_CONFIG_FLOOR,
    );
}

/// Written as the tenth; tuned on (what a site that speaks for itself
/// still passes on from nobody named) since the stop that wrote the twelfth
/// and thirteenth.
#[test]
fn the_eleventh_blind_set() {
    stays_above_alone_and_with_config(
        "numeric-claims-blind-11.yaml",
        true,
        ELEVENTH_BLIND_FLOOR,
        ELEVENTH_BLIND_WITH_CONFIG_FLOOR,
    );
}

/// Written as the tenth by a twelfth helper, never tuned on: totals only.
#[test]
fn the_twelfth_blind_set() {
    stays_above_alone_and_with_config(
        "numeric-claims-blind-12.yaml",
        false,
        TWELFTH_BLIND_FLOOR,
        TWELFTH_BLIND_WITH_CONFIG_FLOOR,
    );
}

/// Written as the tenth by a thirteenth helper, on kinds of site in
/// proportion to copydesk's users, never tuned on: totals only.
#[test]
fn the_thirteenth_blind_set() {
    stays_above_alone_and_with_config(
        "numeric-claims-blind-13.yaml",
        false,
        THIRTEENTH_BLIND_FLOOR,
        THIRTEENTH_BLIND_WITH_CONFIG_FLOOR,
    );
}

/// A labelled place in a real post: a finding of the rule as it was before
/// the convention (with its verdict), or a paragraph with digits it left alone.
#[derive(Deserialize)]
struct RealLabel {
    path: String,
    line: u32,
    column: Option<u32>,
    figure: Option<String>,
    verdict: Option<String>,
    span: Option<String>,
    span_line: Option<u32>,
    span_column: Option<u32>,
    lines: Option<u32>,
    #[serde(default)]
    claims: Vec<RealClaim>,
}

#[derive(Deserialize)]
struct RealClaim {
    line: u32,
    column: u32,
    span: String,
}

const CORPORA: [&str; 4] = [
    "blog.rust-lang.org",
    "news-o-o",
    "www.ruby-lang.org",
    "zenn-contents.suwa-sh",
];

/// The byte range of `text` written at a 1-based line and character column.
fn range_at(source: &Source, line: u32, column: u32, text: &str, label: &str) -> Range<usize> {
    let position = Position {
        line: line - 1,
        column: column - 1,
    };
    let start = usize::from(
        source
            .offset(position, ColumnEncoding::Chars)
            .unwrap_or_else(|| panic!("{label}: no line {line}")),
    );
    assert!(
        source.text()[start..].starts_with(text),
        "{label}: `{text}` is not at {line}:{column}"
    );
    start..start + text.len()
}

/// Scores on one corpus's real-post labels.
fn evaluate_corpus(root: &Path, corpus: &str) -> Score {
    let labels: Vec<RealLabel> = copydesk_core::yaml::from_str(
        &std::fs::read_to_string(eval_dir().join(format!("real-posts/{corpus}.yaml"))).unwrap(),
    )
    .unwrap();
    assert!(labels.len() >= 100, "{corpus}: too few labels to measure");
    // The config the site's editors would write: its own first-party names.
    let config_path = eval_dir().join(format!("real-posts/{corpus}.copydesk.yml"));
    let config = match std::fs::read_to_string(&config_path) {
        Ok(text) => Config::from_yaml(&text).unwrap(),
        Err(_) => Config::default(),
    };
    let mut total = Score::default();
    let mut paths: Vec<&str> = labels.iter().map(|label| label.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    for path in paths {
        let bytes = std::fs::read(root.join(path)).unwrap_or_else(|_| panic!("{path} is missing"));
        let source = Source::from_bytes(bytes).unwrap();
        let document = Document::parse(path, source);
        let source = &document.source;
        let predicted: Vec<Range<usize>> = findings(&document, &config)
            .iter()
            .map(|d| usize::from(d.range.start())..usize::from(d.range.end()))
            .collect();
        // Gold claims, and the places that must not be reported.
        let mut gold = Vec::new();
        let mut quiet = Vec::new();
        for label in labels.iter().filter(|label| label.path == path) {
            let name = format!("{path}:{}", label.line);
            if let Some(lines) = label.lines {
                for claim in &label.claims {
                    gold.push(range_at(
                        source,
                        claim.line,
                        claim.column,
                        &claim.span,
                        &name,
                    ));
                }
                let start = source.line_range(label.line - 1).unwrap().start();
                let end = source.line_range(label.line - 2 + lines).unwrap().end();
                quiet.push(usize::from(start)..usize::from(end));
                continue;
            }
            let (column, figure) = (label.column.unwrap(), label.figure.as_deref().unwrap());
            let reported = range_at(source, label.line, column, figure, &name);
            if label.verdict.as_deref() == Some("claim") {
                let span = label.span.as_deref().unwrap();
                let line = label.span_line.unwrap_or(label.line);
                let column = label.span_column.unwrap_or(column);
                gold.push(range_at(source, line, column, span, &name));
            } else {
                quiet.push(reported);
            }
        }
        // Only predictions at labelled places count: the rest of the post
        // was not labelled.
        let relevant: Vec<Range<usize>> = predicted
            .into_iter()
            .filter(|span| {
                gold.iter()
                    .chain(&quiet)
                    .any(|place| place.start < span.end && span.start < place.end)
            })
            .collect();
        let (score, false_positives, false_negatives) = score(&relevant, &gold);
        let line_of = |at: usize| {
            source
                .position(
                    copydesk_core::TextSize::from(at as u32),
                    ColumnEncoding::Chars,
                )
                .line
                + 1
        };
        for at in false_positives {
            let span = relevant[at].clone();
            println!(
                "{corpus}: FP {path}:{} `{}`",
                line_of(span.start),
                &source.text()[span]
            );
        }
        for at in false_negatives {
            let span = gold[at].clone();
            println!(
                "{corpus}: FN {path}:{} `{}`",
                line_of(span.start),
                &source.text()[span]
            );
        }
        if score.true_positives > score.exact_spans {
            println!(
                "{corpus}: {path}: {} inexact span(s)",
                score.true_positives - score.exact_spans
            );
        }
        total.add(score);
    }
    println!("{}", total.line(&format!("real posts of {corpus}")));
    total
}

#[test]
fn real_posts_of_each_corpus() {
    let Some(root) = common::shared_folder("corpora") else {
        return;
    };
    let mut all = Score::default();
    for corpus in CORPORA {
        let score = evaluate_corpus(&root, corpus);
        score.report_goal(corpus);
        all.add(score);
    }
    println!("{}", all.line("real posts, all corpora"));
    all.report_goal("real posts, all corpora");
    assert_eq!(
        all.shortfalls("real posts, all corpora", REAL_POSTS_FLOOR),
        Vec::<String>::new()
    );
}
