//! A findings baseline: today's findings, recorded so that later runs report
//! only new ones. Each is keyed by rule, path and the flagged text, not by
//! line, so edits elsewhere in a file do not bring its findings back.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::FileOutcome;

pub const DEFAULT_FILE: &str = ".copydesk-baseline.json";

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub snippet: String,
    /// How many findings share this fingerprint.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub count: usize,
}

fn one() -> usize {
    1
}

fn is_one(count: &usize) -> bool {
    *count == 1
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

type Fingerprint = (String, String, String);

impl Baseline {
    /// Every finding of a run, counted by fingerprint and sorted, so the
    /// file's diffs review well.
    pub fn of(outcomes: &[FileOutcome]) -> Baseline {
        let mut counts: BTreeMap<Fingerprint, usize> = BTreeMap::new();
        for outcome in outcomes {
            for located in &outcome.diagnostics {
                let key = (
                    outcome.path.clone(),
                    located.diagnostic.rule.to_string(),
                    located.snippet.clone(),
                );
                *counts.entry(key).or_default() += 1;
            }
        }
        Baseline::from_counts(counts)
    }

    fn from_counts(counts: BTreeMap<Fingerprint, usize>) -> Baseline {
        let findings = counts
            .into_iter()
            .filter(|(_, count)| *count > 0)
            .map(|((path, rule, snippet), count)| Entry {
                path,
                rule,
                snippet,
                count,
            })
            .collect();
        Baseline {
            version: 1,
            findings,
        }
    }

    pub fn load(path: &Path) -> Result<Baseline, String> {
        let bytes = std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))?;
        serde_json::from_slice(&bytes)
            .map_err(|error| format!("{}: not a copydesk baseline: {error}", path.display()))
    }

    /// Writes the baseline atomically, one finding per line.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        crate::write::replace_atomically(path, |out| {
            writeln!(
                out,
                "{{\n  \"version\": {},\n  \"findings\": [",
                self.version
            )?;
            for (at, entry) in self.findings.iter().enumerate() {
                let separator = if at + 1 < self.findings.len() {
                    ","
                } else {
                    ""
                };
                writeln!(out, "    {}{separator}", serde_json::to_string(entry)?)?;
            }
            writeln!(out, "  ]\n}}")
        })
    }
}

/// What applying a baseline did.
#[derive(Debug, Default)]
pub struct Applied {
    /// Findings the baseline held back.
    pub baselined: usize,
    /// Entries of checked files that matched nothing: fixed since.
    pub stale: usize,
    /// The baseline with stale entries dropped, for `--prune-baseline`.
    pub pruned: Baseline,
}

/// Removes findings the baseline knows from `outcomes`. An entry counts as
/// stale only for a file checked in this run, and not when its rule is off.
pub fn apply(
    baseline: &Baseline,
    outcomes: &mut [FileOutcome],
    rule_is_off: impl Fn(&str, &str) -> bool,
) -> Applied {
    let mut remaining: HashMap<Fingerprint, usize> = HashMap::new();
    for entry in &baseline.findings {
        *remaining
            .entry((
                entry.path.clone(),
                entry.rule.clone(),
                entry.snippet.clone(),
            ))
            .or_default() += entry.count;
    }
    let checked: HashSet<String> = outcomes
        .iter()
        .map(|outcome| outcome.path.clone())
        .collect();
    let mut applied = Applied::default();
    let mut matched: BTreeMap<Fingerprint, usize> = BTreeMap::new();
    for outcome in outcomes.iter_mut() {
        let path = outcome.path.clone();
        outcome.diagnostics.retain(|located| {
            let key = (
                path.clone(),
                located.diagnostic.rule.to_string(),
                located.snippet.clone(),
            );
            match remaining.get_mut(&key) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    *matched.entry(key).or_default() += 1;
                    applied.baselined += 1;
                    false
                }
                _ => true,
            }
        });
    }
    let mut kept = matched;
    for ((path, rule, snippet), count) in remaining {
        if count == 0 {
            continue;
        }
        let unchecked = !checked.contains(&path);
        if unchecked || rule_is_off(&path, &rule) {
            *kept.entry((path, rule, snippet)).or_default() += count;
        } else {
            applied.stale += count;
        }
    }
    applied.pruned = Baseline::from_counts(kept);
    applied
}
