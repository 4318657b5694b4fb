//! `copydesk report`: the HTML report about a whole site.

use super::{note, report_failures};
use copydesk_core::message;

use crate::args::ReportArgs;
use crate::discover;
use crate::error::{Error, Outcome};
use crate::site_report;

pub fn run(args: &ReportArgs, languages: discover::Languages) -> Outcome {
    let mut resolver =
        discover::ConfigResolver::new(args.config.as_deref(), languages).map_err(Error::config)?;
    let paths = if args.paths.is_empty() {
        vec![std::path::PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (targets, mut failures) =
        discover::targets(&paths, &mut resolver).map_err(Error::config)?;
    let (posts, site_findings, unreadable) = site_report::summarize(&targets);
    failures.extend(unreadable);
    let site: Vec<String> = paths
        .iter()
        .map(|path| discover::slash_path(path))
        .collect();
    let language = resolver.run_language();
    let html = site_report::render(&site.join(", "), &posts, &site_findings, language);
    std::fs::write(&args.output, html)
        .map_err(|error| Error::write(args.output.display(), error))?;
    let message = message!(
        "cli-wrote-report",
        path = args.output.display().to_string(),
        count = posts.len()
    );
    note(language, &message);
    Ok(report_failures(language, &failures))
}
