//! `copydesk vocab`: a starter tag vocabulary from the posts.

use std::io::{self, Write};

use super::{note, report_failures};
use crate::args::VocabArgs;
use crate::error::{Error, Outcome};
use crate::vocab;

pub fn run(args: &VocabArgs) -> Outcome {
    let (yaml, posts, failures) = vocab::starter_vocabulary(args).map_err(Error::new)?;
    let written = match &args.output {
        Some(path) => std::fs::write(path, &yaml),
        None => io::stdout().lock().write_all(yaml.as_bytes()),
    };
    written.map_err(|error| Error::write("the vocabulary", error))?;
    if args.output.is_some() {
        note(format_args!(
            "wrote a `{}` vocabulary from {posts} posts",
            args.field
        ));
    }
    Ok(report_failures(&failures))
}
