//! `copydesk vocab`: a starter vocabulary from the tags a site already uses.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use copydesk_core::front_matter::Value;
use copydesk_core::vocabulary::{starter_terms, starter_yaml};
use copydesk_core::Document;
use rayon::prelude::*;

use crate::args::VocabArgs;
use crate::discover::{self, ConfigResolver, WalkFailure};

/// The YAML, how many posts were read, and the paths that could not be.
pub fn starter_vocabulary(args: &VocabArgs) -> Result<(String, usize, Vec<WalkFailure>), String> {
    let paths = if args.paths.is_empty() {
        vec![".".into()]
    } else {
        args.paths.clone()
    };
    starter_vocabulary_of(&paths, &args.field, args.config.as_deref())
}

/// The same, for `copydesk init --vocab`.
pub fn starter_vocabulary_of(
    paths: &[PathBuf],
    field: &str,
    config: Option<&Path>,
) -> Result<(String, usize, Vec<WalkFailure>), String> {
    let mut resolver =
        ConfigResolver::new(config, Default::default()).map_err(|failure| failure.to_string())?;
    let (targets, mut failures) =
        discover::targets(paths, &mut resolver).map_err(|failure| failure.to_string())?;
    let read: Vec<Result<HashSet<String>, WalkFailure>> = targets
        .par_iter()
        .map(|target| {
            let path = discover::slash_path(&target.path);
            let document = copydesk_core::session::parse_bytes(&path, target.read()?)
                .map_err(|error| target.failure(error.to_string()))?;
            Ok(field_items(&document, field))
        })
        .collect();
    let mut per_post = Vec::new();
    for post in read {
        match post {
            Ok(items) => per_post.push(items),
            Err(failure) => failures.push(failure),
        }
    }
    let terms = starter_terms(&per_post);
    Ok((
        starter_yaml(field, &terms, per_post.len()),
        per_post.len(),
        failures,
    ))
}

/// The distinct items of a list field; a string is split on spaces, as Jekyll does.
fn field_items(document: &Document, field: &str) -> HashSet<String> {
    let Some(entry) = document.front_matter.get(field) else {
        return HashSet::new();
    };
    match &entry.value {
        Value::List(items) => items
            .iter()
            .filter_map(|item| item.value.as_str())
            .map(str::to_string)
            .collect(),
        Value::String(text) => text.split_whitespace().map(str::to_string).collect(),
        _ => HashSet::new(),
    }
}
