//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "Editorial QA for Markdown posts with front matter"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of messages [default: the config's `language:`, else
    /// LC_ALL, LC_MESSAGES or LANG, else English]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Language>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and folders (default: the current folder).
    Check(CheckArgs),
    /// List every rule with its default severity and whether it can fix.
    Rules,
    /// Write a starter tag vocabulary from the posts in PATHS.
    Vocab(VocabArgs),
    /// Write an HTML report about a whole site, for editors.
    Report(ReportArgs),
    /// Write a commented `.copydesk.yml` for the site in the current folder.
    Init {
        /// Also write a starter tag vocabulary from the existing posts.
        #[arg(long)]
        vocab: bool,
    },
    /// Run the language server over standard input and output.
    Lsp,
    /// Print shell completions.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Print the JSON Schema of `.copydesk.yml`.
    Schema,
    /// Print a rule's documentation.
    Explain {
        /// The rule's name, as printed in diagnostics.
        rule: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Diagnostics with source snippets.
    Human,
    /// `path:line:col: severity[rule] message`, one per line.
    Concise,
    /// One JSON object with `diagnostics` and `summary`.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations (`::error file=…::message`).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Language {
    En,
    Ja,
}

impl From<Language> for copydesk_core::Language {
    fn from(language: Language) -> copydesk_core::Language {
        match language {
            Language::En => copydesk_core::Language::En,
            Language::Ja => copydesk_core::Language::Ja,
        }
    }
}

/// The language of the locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG`,
/// as POSIX orders them; `None` when none is set.
pub fn locale_language() -> Option<copydesk_core::Language> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find_map(|value| copydesk_core::Language::from_locale(&value))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and folders to lint. Files named here are always linted.
    /// `-` reads standard input (with --stdin-filename).
    pub paths: Vec<PathBuf>,
    /// Apply safe fixes to the files.
    #[arg(long)]
    pub fix: bool,
    /// Also apply unsafe fixes (with --fix or --diff).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print what --fix would change as a unified diff, write nothing; exit 1 if anything would change.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Lint standard input as if it were this file: its config applies.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Print how many findings each rule has, most first, instead of the findings
    /// (with --format human, concise or json).
    #[arg(long, conflicts_with = "diff")]
    pub statistics: bool,
    /// Use this config for every file instead of the nearest `.copydesk.yml`.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Exit 1 when there are more warnings than this.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Show only errors.
    #[arg(long, short)]
    pub quiet: bool,
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Record today's findings (in `--write-baseline=FILE`, default `.copydesk-baseline.json`);
    /// later runs report only findings that are not in it.
    #[arg(long, value_name = "FILE", num_args = 0..=1, require_equals = true, default_missing_value = ".copydesk-baseline.json")]
    pub write_baseline: Option<PathBuf>,
    /// The baseline to hold findings back with (default: `.copydesk-baseline.json` when it exists).
    #[arg(long, value_name = "FILE", conflicts_with = "no_baseline")]
    pub baseline: Option<PathBuf>,
    /// Report every finding, whatever the baseline holds.
    #[arg(long)]
    pub no_baseline: bool,
    /// Drop baseline entries that no longer match a finding (fixed since).
    #[arg(long, conflicts_with = "no_baseline")]
    pub prune_baseline: bool,
    /// Lint only the files git says differ from REF, and untracked ones.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Keep findings of unchanged files between runs (in `.copydesk-cache`).
    #[arg(long)]
    pub cache: bool,
    /// Where `--cache` keeps them; implies `--cache`.
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, clap::Args)]
pub struct VocabArgs {
    /// Files and folders to read (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// The list field to collect: tags, categories, topics…
    #[arg(long, default_value = "tags")]
    pub field: String,
    /// Use this config to choose files instead of the nearest `.copydesk.yml`.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Write the vocabulary here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Files and folders to report on (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// The HTML file to write.
    #[arg(long, short, default_value = "copydesk-report.html")]
    pub output: PathBuf,
    /// Use this config instead of the nearest `.copydesk.yml`.
    #[arg(long)]
    pub config: Option<PathBuf>,
}
