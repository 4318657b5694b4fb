//! `invalid-encoding`: a file that is not UTF-8 text. Nothing else can be
//! checked in it; the engine reports it before parsing. Docs: `rules/invalid-encoding.md`.

use crate::diagnostic::Violation;
use crate::messages::Language;
use crate::source::{DecodeError, TextRange, TextSize};
use crate::tr;

/// The finding for bytes that could not be decoded, at the offending byte.
pub fn violation(error: &DecodeError, language: Language) -> Violation {
    let offset = match error {
        DecodeError::InvalidUtf8 { offset } | DecodeError::Binary { offset } => *offset,
        DecodeError::Utf16 { .. } => 0,
    };
    let start = TextSize::from(offset as u32);
    Violation::new(
        TextRange::new(start, start + TextSize::from(1)),
        error.message().render(language),
    )
    .with_help(tr!(language, "encoding-help"))
}

#[cfg(test)]
mod tests {
    use crate::test_support::assert_named_snapshot;
    use crate::{check_bytes, Config};

    #[test]
    fn each_kind_of_bad_bytes() {
        let rule_set = Config::default().rule_set_for("a.md").unwrap();
        let mut rendered = String::new();
        for (name, bytes) in [
            ("latin-1", b"---\ntitle: caf\xe9\n---\n".to_vec()),
            ("utf-16", vec![0xFF, 0xFE, b'-', 0, b'-', 0]),
            ("binary", b"PNG\0\x01".to_vec()),
        ] {
            for diagnostic in check_bytes(name, bytes, &rule_set).diagnostics {
                rendered.push_str(&format!(
                    "{name}: bytes {}..{} {}[{}] {}\n",
                    u32::from(diagnostic.range.start()),
                    u32::from(diagnostic.range.end()),
                    diagnostic.severity.as_str(),
                    diagnostic.rule,
                    diagnostic.message
                ));
            }
        }
        assert_named_snapshot("invalid-encoding__kinds", &rendered);
    }
}
