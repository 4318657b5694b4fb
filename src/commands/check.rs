//! `copydesk check`: lint files and folders (or standard input), apply
//! fixes or print them as a diff, hold findings back with a baseline, and
//! write one of the reports.

use std::io::{self, BufWriter, IsTerminal, Read, Write};

use copydesk_core::{message, Language};

use super::note;
use crate::args::{CheckArgs, ColorChoice, OutputFormat};
use crate::check::{CheckOptions, FileOutcome, FixMode, Summary};
use crate::error::{Error, ExitStatus, Outcome};
use crate::report::{self, Report};
use crate::{baseline, cache, check, discover, progress};

pub fn run(args: &CheckArgs, languages: discover::Languages) -> Outcome {
    if args.statistics && matches!(args.format, OutputFormat::Sarif | OutputFormat::Github) {
        return Err(Error::new(message!("cli-statistics-format")));
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
    let mut resolver =
        discover::ConfigResolver::new(args.config.as_deref(), languages).map_err(Error::config)?;
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
    let (targets, walk_failures) = found?;
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
            let message = message!(
                "cli-cannot-write-cache",
                folder = folder.display().to_string(),
                error = error.to_string()
            );
            note(options.language, &message);
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
    let held_back = apply_baseline(args, options.language, &targets, &mut outcomes)?;
    let code = report_outcomes(args, options, &outcomes, held_back);
    if for_people && !args.quiet && targets.iter().all(|target| target.config.files.is_empty()) {
        hint_first_party(options.language, &outcomes);
    }
    // The process ends here: freeing tens of thousands of allocations, and
    // handing the pages back one by one, would only delay the exit.
    std::mem::forget((outcomes, targets, cached));
    code
}

/// With no config, on a site where a third of the titles name one project
/// and its figures are reported as claims, says how to make them the
/// site's own: the first run on a project's news site should not end in a
/// page of its own release figures with no way out in sight.
fn hint_first_party(language: Language, outcomes: &[FileOutcome]) {
    let rule = copydesk_core::rules::RuleId::UnsupportedNumericClaim.name();
    let claims = outcomes
        .iter()
        .flat_map(|outcome| &outcome.diagnostics)
        .filter(|located| located.diagnostic.rule == rule)
        .count();
    if claims < 10 {
        return;
    }
    let titles: Vec<String> = outcomes
        .iter()
        .filter_map(|outcome| Some(outcome.site.as_ref()?.facts.title.as_ref()?.text.clone()))
        .collect();
    if let Some((name, count)) = crate::init::most_named(&titles) {
        let message = message!(
            "cli-check-first-party-hint",
            name = name,
            count = count,
            read = titles.len(),
            claims = claims
        );
        note(language, &message);
    }
}

/// The files to check, and what could not be walked.
fn find_targets(
    args: &CheckArgs,
    resolver: &mut discover::ConfigResolver,
) -> Result<(Vec<discover::Target>, Vec<discover::WalkFailure>), Error> {
    let found = match &args.changed_since {
        Some(reference) => match discover::changed_files(reference) {
            Ok(files) => discover::included(&files, &args.paths, resolver)
                .map(|targets| (targets, Vec::new())),
            Err(message) => return Err(Error::text(message)),
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
    found.map_err(Error::config)
}

/// Writes, prunes or applies the findings baseline. Returns the findings it
/// held back and its entries that matched nothing.
fn apply_baseline(
    args: &CheckArgs,
    language: Language,
    targets: &[discover::Target],
    outcomes: &mut [FileOutcome],
) -> Result<(usize, usize), Error> {
    let write = |baseline: &baseline::Baseline, path: &std::path::Path| {
        baseline
            .write(path)
            .map_err(|error| Error::write(path.display(), error))
    };
    if let Some(path) = &args.write_baseline {
        let recorded = baseline::Baseline::of(outcomes);
        write(&recorded, path)?;
        let total: usize = recorded.findings.iter().map(|entry| entry.count).sum();
        let message = message!(
            "cli-wrote-baseline",
            count = total,
            path = path.display().to_string()
        );
        note(language, &message);
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
    let recorded = baseline::Baseline::load(&path).map_err(Error::text)?;
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
        let message = message!(
            "cli-pruned-baseline",
            count = applied.stale,
            path = path.display().to_string()
        );
        note(language, &message);
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
) -> Outcome {
    let Some(path) = args.stdin_filename.clone() else {
        return Err(Error::new(message!("cli-stdin-needs-filename")));
    };
    let mut bytes = Vec::new();
    io::stdin().read_to_end(&mut bytes).map_err(|error| {
        Error::new(message!("cli-cannot-read-stdin", error = error.to_string()))
    })?;
    let config = resolver.for_file(&path).map_err(Error::config)?;
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
            return Ok(ExitStatus::Incomplete);
        }
        let mut summary = Summary::of(std::slice::from_ref(&outcome));
        summary.language = options.language;
        let mut report = make_report(args, false, options.language);
        let mut err = io::stderr().lock();
        let _ = report
            .file(&mut err, &outcome)
            .and_then(|()| report.finish(&mut err, &summary));
        return Ok(exit_status(&summary, args.max_warnings));
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
) -> Outcome {
    let mut summary = Summary::of(outcomes);
    summary.language = options.language;
    summary.dry_run = options.fix == FixMode::Diff;
    summary.baselined = baselined;
    summary.stale_baseline = stale_baseline;
    for outcome in outcomes
        .iter()
        .filter(|outcome| !outcome.unsettled.is_empty())
    {
        let message = message!(
            "cli-unsettled",
            path = &outcome.path,
            rounds = copydesk_core::fix::MAX_FIX_ROUNDS,
            rules = outcome.unsettled.join(", ")
        );
        note(options.language, &message);
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
        Some(path) => Box::new(
            std::fs::File::create(path).map_err(|error| Error::write(path.display(), error))?,
        ),
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
            return Err(Error::write(
                message!("cli-the-report").render(options.language),
                error,
            ));
        }
    }
    if options.fix == FixMode::Diff {
        return Ok(if summary.failures > 0 {
            ExitStatus::Incomplete
        } else if outcomes.iter().any(|outcome| outcome.diff.is_some()) {
            ExitStatus::Findings
        } else {
            ExitStatus::Clean
        });
    }
    Ok(exit_status(&summary, args.max_warnings))
}

fn exit_status(summary: &Summary, max_warnings: Option<usize>) -> ExitStatus {
    if summary.failures > 0 {
        ExitStatus::Incomplete
    } else if summary.errors > 0 || max_warnings.is_some_and(|max| summary.warnings > max) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}
