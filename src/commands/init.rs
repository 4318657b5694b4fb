//! `copydesk init`: a commented `.copydesk.yml` (and a vocabulary) for the
//! site in the current folder.

use super::{note, report_failures};
use copydesk_core::{message, Language};

use crate::error::{Error, ExitStatus, Outcome};
use crate::{init, vocab};

pub fn run(with_vocabulary: bool, language: Language) -> Outcome {
    let root = std::path::PathBuf::from(".");
    if let Some(existing) = init::existing_config(&root) {
        return Err(Error::new(message!(
            "cli-init-exists",
            path = existing.display().to_string()
        )));
    }
    let (preset, reason) = init::detect_preset(&root);
    let field = init::tag_field(preset);
    let vocabulary_file = format!("{field}.vocab.yml");
    let mut status = ExitStatus::Clean;
    if with_vocabulary {
        if root.join(&vocabulary_file).exists() {
            return Err(Error::new(message!(
                "cli-init-exists",
                path = &vocabulary_file
            )));
        }
        let (yaml, posts, failures) =
            vocab::starter_vocabulary_of(std::slice::from_ref(&root), field, None)
                .map_err(Error::text)?;
        // Posts that could not be read are named; the others make the vocabulary.
        status = report_failures(language, &failures);
        std::fs::write(root.join(&vocabulary_file), yaml)
            .map_err(|error| Error::write(&vocabulary_file, error))?;
        let message = message!(
            "cli-init-wrote-vocabulary",
            path = &vocabulary_file,
            field = field,
            count = posts
        );
        note(language, &message);
    }
    let japanese = init::mostly_japanese(&root);
    let first_party = init::name_in_most_titles(&root);
    let text = init::config_text(
        preset,
        reason,
        with_vocabulary.then_some((field, vocabulary_file.as_str())),
        japanese,
        first_party
            .as_ref()
            .map(|(name, count, read)| (name.as_str(), *count, *read)),
    );
    std::fs::write(root.join(".copydesk.yml"), text)
        .map_err(|error| Error::write(".copydesk.yml", error))?;
    let message = message!(
        "cli-init-wrote-config",
        reason = reason.to_string(),
        preset = preset.name()
    );
    note(language, &message);
    if let Some((japanese, read)) = japanese {
        let message = message!("cli-init-japanese-pack", count = japanese, read = read);
        note(language, &message);
    }
    if let Some((name, count, read)) = first_party {
        let message = message!(
            "cli-init-first-party",
            name = name,
            count = count,
            read = read
        );
        note(language, &message);
    }
    Ok(status)
}
