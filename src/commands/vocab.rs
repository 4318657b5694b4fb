//! `copydesk vocab`: a starter tag vocabulary from the posts.

use std::io::{self, Write};

use super::{note, report_failures};
use copydesk_core::{message, Language};

use crate::args::VocabArgs;
use crate::error::{Error, Outcome};
use crate::vocab;

pub fn run(args: &VocabArgs, language: Language) -> Outcome {
    let (yaml, posts, failures) = vocab::starter_vocabulary(args).map_err(Error::text)?;
    let written = match &args.output {
        Some(path) => std::fs::write(path, &yaml),
        None => io::stdout().lock().write_all(yaml.as_bytes()),
    };
    written
        .map_err(|error| Error::write(message!("cli-the-vocabulary").render(language), error))?;
    if args.output.is_some() {
        let message = message!("cli-wrote-vocabulary", field = &args.field, count = posts);
        note(language, &message);
    }
    Ok(report_failures(language, &failures))
}
