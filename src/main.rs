//! The `copydesk` binary: a thin layer over `copydesk-core` that owns
//! arguments, config discovery, file walking and reporting.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Parser;
use copydesk_core::rules::REGISTRY;
use copydesk_core::Language;

/// Linting allocates many small blocks on every thread: glibc's allocator
/// took 15% of a run. jemalloc, as in ruff, is faster and can give every
/// thread's freed pages back at once, which the language server needs.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod args;
mod baseline;
mod cache;
mod check;
mod discover;
mod init;
mod lsp;
mod progress;
mod report;
mod site_report;
mod vocab;
mod write;

use args::{CheckArgs, Cli, ColorChoice, Command, OutputFormat};
use check::{CheckOptions, FileOutcome, FixMode, Summary};
use report::Report;

/// Exit codes, as in ruff and ESLint.
const EXIT_CLEAN: u8 = 0;
const EXIT_FINDINGS: u8 = 1;
const EXIT_TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let languages = discover::Languages::from_command_line(cli.lang);
    let code = match cli.command {
        Command::Check(args) => run_check(&args, languages),
        Command::Rules => list_rules(run_language(languages)),
        Command::Vocab(args) => write_vocabulary(&args),
        Command::Init { vocab } => init_config(vocab),
        Command::Report(args) => write_report(&args, languages),
        Command::Lsp => lsp::run(),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "copydesk",
                &mut script,
            );
            print_out(&script);
            EXIT_CLEAN
        }
        Command::Man => match clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
            .render(&mut io::stdout())
        {
            Ok(()) => EXIT_CLEAN,
            Err(_) => EXIT_TROUBLE,
        },
        Command::Schema => {
            print_out(copydesk_core::config::json_schema().as_bytes());
            EXIT_CLEAN
        }
        Command::Explain { rule } => explain(&rule, run_language(languages)),
    };
    ExitCode::from(code)
}

/// Writes to standard output; a reader that has gone (`copydesk rules | head`)
/// ends the output quietly, where `print!` would panic.
fn print_out(bytes: &[u8]) {
    let _ = io::stdout().lock().write_all(bytes);
}

/// The language of a command that lints no file: `--lang`, else the
/// current folder's config, else the locale.
fn run_language(languages: discover::Languages) -> Language {
    discover::ConfigResolver::new(None, languages).map_or(
        languages.flag.or(languages.fallback).unwrap_or_default(),
        |mut resolver| resolver.run_language(),
    )
}

fn run_check(args: &CheckArgs, languages: discover::Languages) -> u8 {
    if args.statistics && matches!(args.format, OutputFormat::Sarif | OutputFormat::Github) {
        eprintln!(
            "copydesk: --statistics prints a table: use it with --format human, concise or json"
        );
        return EXIT_TROUBLE;
    }
    if let Some(threads) = args.threads {
        // Only fails when a pool exists already, which keeps its size.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build_global();
    }
    let options = CheckOptions {
        quiet: args.quiet,
        keep_text: args.format == OutputFormat::Human && !args.statistics,
        fix: if args.fix {
            FixMode::Write
        } else if args.diff {
            FixMode::Diff
        } else {
            FixMode::Report
        },
        unsafe_fixes: args.unsafe_fixes,
        language: Language::En,
    };
    let mut resolver = match discover::ConfigResolver::new(args.config.as_deref(), languages) {
        Ok(resolver) => resolver,
        Err(failure) => {
            eprintln!("copydesk: config error: {failure}");
            return EXIT_TROUBLE;
        }
    };
    let options = CheckOptions {
        language: resolver.run_language(),
        ..options
    };
    let reads_stdin = args.paths.iter().any(|path| path.as_os_str() == "-");
    if reads_stdin {
        return check_stdin(args, options, &mut resolver);
    }
    let cache_dir = args
        .cache_dir
        .clone()
        .or_else(|| args.cache.then(|| ".copydesk-cache".into()));
    // The cache is read while the tree is walked: both are mostly waiting.
    let (found, cached) = std::thread::scope(|scope| {
        let cached = scope.spawn(|| {
            cache_dir
                .as_deref()
                .filter(|_| options.fix == FixMode::Report)
                .map(cache::load)
        });
        let found = find_targets(args, &mut resolver);
        (found, cached.join().unwrap_or_default())
    });
    let (targets, walk_failures) = match found {
        Ok(found) => found,
        Err(code) => return code,
    };
    let for_people = matches!(args.format, OutputFormat::Human | OutputFormat::Concise)
        && args.output_file.is_none();
    let progress = progress::Progress::new(targets.len(), for_people);
    let mut outcomes = check::check_targets(&targets, options, cached.as_ref(), progress.as_ref());
    // Rewrite the cache only when something in it changed.
    let all_hits = cached.as_ref().is_some_and(|cached| {
        let settled = outcomes
            .iter()
            .filter(|outcome| outcome.cache.unchanged().is_some());
        cached.len() == outcomes.len()
            && cached.unchanged_len() == settled.count()
            && outcomes.iter().all(|outcome| {
                matches!(
                    outcome.cache,
                    cache::CacheState::HitUnread { .. }
                        | cache::CacheState::Hit {
                            unchanged: None,
                            ..
                        }
                )
            })
    });
    if let (Some(folder), Some(cached), false) = (&cache_dir, &cached, all_hits) {
        let written = cache::write_back(folder, cached, &outcomes, |outcome| {
            Some(cache::Stored {
                key: outcome.cache.key().filter(|_| outcome.failure.is_none())?,
                unchanged_key: outcome.cache.unchanged(),
                from_cache: outcome.cache.is_hit(),
            })
        });
        if let Err(error) = written {
            eprintln!(
                "copydesk: cannot write the cache in {}: {error}",
                folder.display()
            );
        }
    }
    outcomes.extend(walk_failures.into_iter().map(|failure| FileOutcome {
        path: failure.path,
        failure: Some(failure.message),
        ..FileOutcome::default()
    }));
    outcomes.sort_by(|a, b| a.path.cmp(&b.path));
    if options.fix != FixMode::Diff {
        check::add_site_findings(&mut outcomes, options);
    }
    let held_back = match apply_baseline(args, &targets, &mut outcomes) {
        Ok(held_back) => held_back,
        Err(code) => return code,
    };
    let code = report_outcomes(args, options, &outcomes, held_back);
    // The process ends here: freeing tens of thousands of allocations, and
    // handing the pages back one by one, would only delay the exit.
    std::mem::forget((outcomes, targets, cached));
    code
}

/// The files to check and what could not be walked, or the exit code.
fn find_targets(
    args: &CheckArgs,
    resolver: &mut discover::ConfigResolver,
) -> Result<(Vec<discover::Target>, Vec<discover::WalkFailure>), u8> {
    let found = match &args.changed_since {
        Some(reference) => match discover::changed_files(reference) {
            Ok(files) => discover::included(&files, &args.paths, resolver)
                .map(|targets| (targets, Vec::new())),
            Err(message) => {
                eprintln!("copydesk: {message}");
                return Err(EXIT_TROUBLE);
            }
        },
        None => {
            let paths = if args.paths.is_empty() {
                vec![std::path::PathBuf::from(".")]
            } else {
                args.paths.clone()
            };
            discover::targets(&paths, resolver)
        }
    };
    found.map_err(|failure| {
        eprintln!("copydesk: config error: {failure}");
        EXIT_TROUBLE
    })
}

/// Writes, prunes or applies the findings baseline. Returns the findings it
/// held back and its entries that matched nothing.
fn apply_baseline(
    args: &CheckArgs,
    targets: &[discover::Target],
    outcomes: &mut [FileOutcome],
) -> Result<(usize, usize), u8> {
    let write = |baseline: &baseline::Baseline, path: &std::path::Path| {
        baseline.write(path).map_err(|error| {
            eprintln!("copydesk: cannot write {}: {error}", path.display());
            EXIT_TROUBLE
        })
    };
    if let Some(path) = &args.write_baseline {
        let recorded = baseline::Baseline::of(outcomes);
        write(&recorded, path)?;
        let total: usize = recorded.findings.iter().map(|entry| entry.count).sum();
        eprintln!("copydesk: wrote {total} findings to {}", path.display());
        let applied = baseline::apply(&recorded, outcomes, |_, _| false);
        return Ok((applied.baselined, 0));
    }
    if args.no_baseline {
        return Ok((0, 0));
    }
    let path = args
        .baseline
        .clone()
        .unwrap_or_else(|| baseline::DEFAULT_FILE.into());
    if args.baseline.is_none() && !path.exists() {
        return Ok((0, 0));
    }
    let recorded = baseline::Baseline::load(&path).map_err(|message| {
        eprintln!("copydesk: {message}");
        EXIT_TROUBLE
    })?;
    let configs: std::collections::HashMap<String, &discover::Target> = targets
        .iter()
        .map(|target| (discover::slash_path(&target.path), target))
        .collect();
    // An entry for a rule that is now off is kept, not called stale.
    let rule_is_off = |path: &str, rule: &str| {
        configs.get(path).is_some_and(|target| {
            let config = &target.config;
            config
                .config
                .rule_set_for(&target.relative)
                .is_ok_and(|rules| rules.severity(rule) == copydesk_core::Severity::Off)
        })
    };
    let applied = baseline::apply(&recorded, outcomes, rule_is_off);
    if args.prune_baseline {
        write(&applied.pruned, &path)?;
        eprintln!(
            "copydesk: removed {} stale entries from {}",
            applied.stale,
            path.display()
        );
        return Ok((applied.baselined, 0));
    }
    Ok((applied.baselined, applied.stale))
}

/// `copydesk check --stdin-filename PATH -`: with --fix, the fixed text goes
/// to standard output and the report to standard error, as ruff does.
fn check_stdin(
    args: &CheckArgs,
    options: CheckOptions,
    resolver: &mut discover::ConfigResolver,
) -> u8 {
    let Some(path) = args.stdin_filename.clone() else {
        eprintln!("copydesk: reading standard input needs --stdin-filename PATH, for the config and the report");
        return EXIT_TROUBLE;
    };
    let mut bytes = Vec::new();
    if let Err(error) = io::stdin().read_to_end(&mut bytes) {
        eprintln!("copydesk: cannot read standard input: {error}");
        return EXIT_TROUBLE;
    }
    let config = match resolver.for_file(&path) {
        Ok(config) => config,
        Err(failure) => {
            eprintln!("copydesk: config error: {failure}");
            return EXIT_TROUBLE;
        }
    };
    let display = discover::slash_path(&path);
    let (outcome, fixed) = check::check_text(
        &display,
        &bytes,
        &config,
        &config.relative_path(&path),
        options,
    );
    if options.fix == FixMode::Write {
        let text = fixed.unwrap_or_else(|| String::from_utf8_lossy(&bytes).into_owned());
        if io::stdout().lock().write_all(text.as_bytes()).is_err() {
            return EXIT_TROUBLE;
        }
        let mut summary = Summary::of(std::slice::from_ref(&outcome));
        summary.language = options.language;
        let mut report = make_report(args, false, options.language);
        let mut err = io::stderr().lock();
        let _ = report
            .file(&mut err, &outcome)
            .and_then(|()| report.finish(&mut err, &summary));
        return exit_code(&summary, args.max_warnings);
    }
    report_outcomes(args, options, std::slice::from_ref(&outcome), (0, 0))
}

fn make_report(args: &CheckArgs, color: bool, language: Language) -> Box<dyn Report> {
    if args.statistics {
        return Box::new(report::Statistics::new(args.format == OutputFormat::Json));
    }
    match args.format {
        OutputFormat::Human => Box::new(report::Human::new(color, language)),
        OutputFormat::Concise => Box::new(report::Concise),
        OutputFormat::Json => Box::new(report::Json::default()),
        OutputFormat::Sarif => Box::new(report::Sarif::default()),
        OutputFormat::Github => Box::new(report::Github),
    }
}

const REPORT_BUFFER: usize = 256 * 1024;

fn report_outcomes(
    args: &CheckArgs,
    options: CheckOptions,
    outcomes: &[FileOutcome],
    (baselined, stale_baseline): (usize, usize),
) -> u8 {
    let mut summary = Summary::of(outcomes);
    summary.language = options.language;
    summary.dry_run = options.fix == FixMode::Diff;
    summary.baselined = baselined;
    summary.stale_baseline = stale_baseline;
    for outcome in outcomes
        .iter()
        .filter(|outcome| !outcome.unsettled.is_empty())
    {
        eprintln!(
            "copydesk: {}: fixes did not settle after {} rounds for: {}",
            outcome.path,
            copydesk_core::fix::MAX_FIX_ROUNDS,
            outcome.unsettled.join(", ")
        );
    }
    let to_terminal = args.output_file.is_none() && io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && to_terminal
        }
    };
    let sink: Box<dyn Write> = match &args.output_file {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(error) => {
                eprintln!("copydesk: cannot write {}: {error}", path.display());
                return EXIT_TROUBLE;
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    // Big reports (12 MB of JSON for 10,000 posts) in few system calls.
    let mut out = BufWriter::with_capacity(REPORT_BUFFER, sink);
    let written = if options.fix == FixMode::Diff {
        outcomes
            .iter()
            .filter_map(|outcome| outcome.diff.as_ref())
            .try_for_each(|diff| out.write_all(diff.as_bytes()))
            .and_then(|()| writeln!(out, "{}", report::summary_line(&summary)))
    } else {
        let mut report = make_report(args, color, options.language);
        report
            .files(&mut out, outcomes)
            .and_then(|()| report.finish(&mut out, &summary))
    };
    if let Err(error) = written.and_then(|()| out.flush()) {
        if error.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: cannot write the report: {error}");
            return EXIT_TROUBLE;
        }
    }
    if options.fix == FixMode::Diff {
        return if summary.failures > 0 {
            EXIT_TROUBLE
        } else if outcomes.iter().any(|outcome| outcome.diff.is_some()) {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        };
    }
    exit_code(&summary, args.max_warnings)
}

fn exit_code(summary: &Summary, max_warnings: Option<usize>) -> u8 {
    if summary.failures > 0 {
        EXIT_TROUBLE
    } else if summary.errors > 0 || max_warnings.is_some_and(|max| summary.warnings > max) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn write_vocabulary(args: &args::VocabArgs) -> u8 {
    let (yaml, posts, failures) = match vocab::starter_vocabulary(args) {
        Ok(found) => found,
        Err(message) => {
            eprintln!("copydesk: {message}");
            return EXIT_TROUBLE;
        }
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, &yaml),
        None => io::stdout().lock().write_all(yaml.as_bytes()),
    };
    if let Err(error) = written {
        eprintln!("copydesk: cannot write the vocabulary: {error}");
        return EXIT_TROUBLE;
    }
    if args.output.is_some() {
        eprintln!(
            "copydesk: wrote a `{}` vocabulary from {posts} posts",
            args.field
        );
    }
    report_failures(&failures)
}

/// Names each path that could not be walked or read, as `check` does; the
/// run still did what it could, but its exit code says it was incomplete.
fn report_failures(failures: &[discover::WalkFailure]) -> u8 {
    for failure in failures {
        eprintln!("copydesk: {}: error: {}", failure.path, failure.message);
    }
    if failures.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_TROUBLE
    }
}

fn write_report(args: &args::ReportArgs, languages: discover::Languages) -> u8 {
    let mut resolver = match discover::ConfigResolver::new(args.config.as_deref(), languages) {
        Ok(resolver) => resolver,
        Err(failure) => {
            eprintln!("copydesk: config error: {failure}");
            return EXIT_TROUBLE;
        }
    };
    let paths = if args.paths.is_empty() {
        vec![std::path::PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (targets, mut failures) = match discover::targets(&paths, &mut resolver) {
        Ok(found) => found,
        Err(failure) => {
            eprintln!("copydesk: config error: {failure}");
            return EXIT_TROUBLE;
        }
    };
    let (posts, site_findings, unreadable) = site_report::summarize(&targets);
    failures.extend(unreadable);
    let site: Vec<String> = paths
        .iter()
        .map(|path| discover::slash_path(path))
        .collect();
    let html = site_report::render(&site.join(", "), &posts, &site_findings);
    if let Err(error) = std::fs::write(&args.output, html) {
        eprintln!("copydesk: cannot write {}: {error}", args.output.display());
        return EXIT_TROUBLE;
    }
    eprintln!(
        "copydesk: wrote {} about {} posts",
        args.output.display(),
        posts.len()
    );
    report_failures(&failures)
}

fn init_config(with_vocabulary: bool) -> u8 {
    let root = std::path::PathBuf::from(".");
    if let Some(existing) = init::existing_config(&root) {
        eprintln!(
            "copydesk: {} exists already; copydesk init does not overwrite it",
            existing.display()
        );
        return EXIT_TROUBLE;
    }
    let (preset, reason) = init::detect_preset(&root);
    let field = init::tag_field(preset);
    let vocabulary_file = format!("{field}.vocab.yml");
    if with_vocabulary {
        if root.join(&vocabulary_file).exists() {
            eprintln!(
                "copydesk: {vocabulary_file} exists already; copydesk init does not overwrite it"
            );
            return EXIT_TROUBLE;
        }
        match vocab::starter_vocabulary_of(std::slice::from_ref(&root), field, None) {
            Ok((yaml, posts, failures)) => {
                if report_failures(&failures) != EXIT_CLEAN {
                    return EXIT_TROUBLE;
                }
                if let Err(error) = std::fs::write(root.join(&vocabulary_file), yaml) {
                    eprintln!("copydesk: cannot write {vocabulary_file}: {error}");
                    return EXIT_TROUBLE;
                }
                eprintln!("copydesk: wrote {vocabulary_file} from the `{field}` of {posts} posts");
            }
            Err(message) => {
                eprintln!("copydesk: {message}");
                return EXIT_TROUBLE;
            }
        }
    }
    let text = init::config_text(
        preset,
        reason,
        with_vocabulary.then_some((field, vocabulary_file.as_str())),
    );
    if let Err(error) = std::fs::write(root.join(".copydesk.yml"), text) {
        eprintln!("copydesk: cannot write .copydesk.yml: {error}");
        return EXIT_TROUBLE;
    }
    eprintln!(
        "copydesk: wrote .copydesk.yml for {reason} (preset: {})",
        preset.name()
    );
    EXIT_CLEAN
}

fn list_rules(language: Language) -> u8 {
    let pack_rules = shipped_pack_rules();
    let width = REGISTRY
        .iter()
        .map(|info| info.name.len())
        .chain(
            pack_rules
                .iter()
                .map(|(pack, rule)| pack.rule_name(rule).len()),
        )
        .max()
        .unwrap_or(0);
    use std::fmt::Write as _;
    let mut listing = String::new();
    let _ = writeln!(
        listing,
        "{:width$}  {:8}  {:9}  summary",
        "rule", "default", "fix"
    );
    for info in REGISTRY {
        let _ = writeln!(
            listing,
            "{:width$}  {:8}  {:9}  {}",
            info.name,
            info.default_severity.as_str(),
            info.fix.as_str(),
            info.summary(language)
        );
    }
    for (pack, rule) in pack_rules {
        let fix = if rule.kind == copydesk_core::packs::Kind::Substitution {
            "yes"
        } else {
            "no"
        };
        let _ = writeln!(
            listing,
            "{:width$}  {:8}  {:9}  {}",
            pack.rule_name(&rule),
            rule.level.as_str(),
            fix,
            rule.description
                .as_ref()
                .unwrap_or(&rule.message)
                .get(language)
        );
    }
    print_out(listing.as_bytes());
    EXIT_CLEAN
}

fn shipped_pack_rules() -> Vec<(
    std::sync::Arc<copydesk_core::packs::Pack>,
    copydesk_core::packs::PackRule,
)> {
    copydesk_core::packs::SHIPPED
        .iter()
        .filter_map(|(name, _)| copydesk_core::packs::shipped(name))
        .flat_map(|pack| {
            pack.rules
                .clone()
                .into_iter()
                .map(move |rule| (std::sync::Arc::clone(&pack), rule))
        })
        .collect()
}

fn explain(rule: &str, language: Language) -> u8 {
    if let Some(info) = copydesk_core::rules::find(rule) {
        let page = match language {
            Language::En => info.doc,
            Language::Ja => info.doc_ja,
        };
        print_out(page.as_bytes());
        return EXIT_CLEAN;
    }
    if let Some((pack, found)) = shipped_pack_rules()
        .into_iter()
        .find(|(pack, found)| pack.rule_name(found) == rule)
    {
        use std::fmt::Write as _;
        let mut page = String::new();
        let _ = writeln!(page, "# {rule}\n");
        let _ = writeln!(
            page,
            "A rule of the `{}` pack (rules/packs/{}.yml).\n",
            pack.name, pack.name
        );
        let _ = writeln!(
            page,
            "{}\n",
            found
                .description
                .as_ref()
                .unwrap_or(&found.message)
                .get(language)
        );
        let _ = writeln!(page, "Default level: {}.", found.level.as_str());
        print_out(page.as_bytes());
        return EXIT_CLEAN;
    }
    let closest = REGISTRY
        .iter()
        .map(|info| {
            (
                copydesk_core::suggest::edit_distance(rule, info.name),
                info.name,
            )
        })
        .min();
    match closest {
        Some((distance, name)) if distance <= 3 => {
            eprintln!("copydesk: unknown rule `{rule}`; did you mean `{name}`?")
        }
        _ => eprintln!("copydesk: unknown rule `{rule}`; `copydesk rules` lists them"),
    }
    EXIT_TROUBLE
}
