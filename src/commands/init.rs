//! `copydesk init`: a commented `.copydesk.yml` (and a vocabulary) for the
//! site in the current folder.

use super::{note, report_failures};
use crate::error::{Error, ExitStatus, Outcome};
use crate::{init, vocab};

pub fn run(with_vocabulary: bool) -> Outcome {
    let root = std::path::PathBuf::from(".");
    if let Some(existing) = init::existing_config(&root) {
        return Err(Error::new(format!(
            "{} exists already; copydesk init does not overwrite it",
            existing.display()
        )));
    }
    let (preset, reason) = init::detect_preset(&root);
    let field = init::tag_field(preset);
    let vocabulary_file = format!("{field}.vocab.yml");
    if with_vocabulary {
        if root.join(&vocabulary_file).exists() {
            return Err(Error::new(format!(
                "{vocabulary_file} exists already; copydesk init does not overwrite it"
            )));
        }
        let (yaml, posts, failures) =
            vocab::starter_vocabulary_of(std::slice::from_ref(&root), field, None)
                .map_err(Error::new)?;
        if report_failures(&failures) != ExitStatus::Clean {
            return Ok(ExitStatus::Incomplete);
        }
        std::fs::write(root.join(&vocabulary_file), yaml)
            .map_err(|error| Error::write(&vocabulary_file, error))?;
        note(format_args!(
            "wrote {vocabulary_file} from the `{field}` of {posts} posts"
        ));
    }
    let text = init::config_text(
        preset,
        reason,
        with_vocabulary.then_some((field, vocabulary_file.as_str())),
    );
    std::fs::write(root.join(".copydesk.yml"), text)
        .map_err(|error| Error::write(".copydesk.yml", error))?;
    note(format_args!(
        "wrote .copydesk.yml for {reason} (preset: {})",
        preset.name()
    ));
    Ok(ExitStatus::Clean)
}
