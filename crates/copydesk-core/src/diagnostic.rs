//! What rules report, and the fixes they offer.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::source::TextRange;

/// How serious a finding is. `Off` turns a rule off.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Off,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Off => "off",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix can be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning: applied by `--fix`.
    Safe,
    /// May change the meaning: applied only with `--unsafe-fixes`.
    Unsafe,
}

/// Replace the bytes of `range` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub range: TextRange,
    pub replacement: String,
}

impl Edit {
    pub fn delete(range: TextRange) -> Edit {
        Edit {
            range,
            replacement: String::new(),
        }
    }

    pub fn replace(range: TextRange, replacement: impl Into<String>) -> Edit {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }
}

/// A fix: non-overlapping edits, sorted by position, and how safe they are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(title, Applicability::Safe, edits)
    }

    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(title, Applicability::Unsafe, edits)
    }

    fn new(title: impl Into<String>, applicability: Applicability, mut edits: Vec<Edit>) -> Fix {
        edits.sort_by_key(|edit| (edit.range.start(), edit.range.end()));
        Fix {
            title: title.into(),
            applicability,
            edits,
        }
    }
}

/// What a rule finds, before config gives it a severity.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub range: TextRange,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// Some findings of a rule are milder than the rule: never above this.
    pub max_severity: Option<Severity>,
    /// Other places of the same problem: a figure's later mentions.
    pub related: Vec<TextRange>,
}

impl Violation {
    pub fn new(range: TextRange, message: impl Into<String>) -> Violation {
        Violation {
            range,
            message: message.into(),
            help: None,
            fix: None,
            max_severity: None,
            related: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Violation {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Violation {
        self.fix = Some(fix);
        self
    }

    pub fn at_most(mut self, severity: Severity) -> Violation {
        self.max_severity = Some(severity);
        self
    }
}

/// A finding with its rule and severity: what every report format prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// A built-in rule's name, or `pack/rule` for a pack rule.
    pub rule: Cow<'static, str>,
    pub severity: Severity,
    pub range: TextRange,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Fix>,
    /// Other places of the same problem, reported with it and not apart.
    pub related: Vec<TextRange>,
}

/// Whether a rule's findings come with a fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "no",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "yes",
        }
    }
}
