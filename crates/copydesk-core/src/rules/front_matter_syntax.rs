use crate::diagnostic::Violation;
use crate::document::Document;
use crate::front_matter::ProblemKind;
use crate::messages::Language;
use crate::rules::Rule;
use crate::tr;

/// Reports front matter that is missing, unterminated, collapsed onto one
/// line, not a mapping, unparsable, or that repeats a key. Docs: `rules/front-matter-syntax.md`.
pub struct FrontMatterSyntax;

impl Rule for FrontMatterSyntax {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        for problem in &document.front_matter.problems {
            let help = match problem.kind {
                ProblemKind::Missing => tr!(language, "front-matter-missing-help"),
                ProblemKind::Unterminated => tr!(language, "front-matter-unterminated-help"),
                ProblemKind::OneLine => tr!(language, "front-matter-one-line-help"),
                ProblemKind::NotMapping => tr!(language, "front-matter-not-mapping-help"),
                ProblemKind::Unparsable => tr!(language, "front-matter-unparsable-help"),
                ProblemKind::DuplicateKey => tr!(language, "front-matter-duplicate-key-help"),
            };
            violations.push(
                Violation::new(problem.range, problem.message.render(language)).with_help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::assert_snapshot_of;

    #[test]
    fn missing() {
        assert_snapshot_of(
            "front-matter-syntax",
            "missing.md",
            "# Just a heading\n\nText.\n",
        );
    }

    #[test]
    fn unterminated() {
        assert_snapshot_of(
            "front-matter-syntax",
            "unterminated.md",
            "---\ntitle: Open\n\nBody never closes it.\n",
        );
    }

    #[test]
    fn one_line() {
        assert_snapshot_of(
            "front-matter-syntax",
            "one-line.md",
            "--- layout: post title: Squashed ---\n\nBody.\n",
        );
    }

    #[test]
    fn duplicate_key_crlf_japanese() {
        assert_snapshot_of(
            "front-matter-syntax",
            "duplicate-key.md",
            "---\r\ntitle: \"最初の題\"\r\ntags: [a]\r\ntitle: \"二番目の題\"\r\n---\r\n本文。\r\n",
        );
    }

    #[test]
    fn tab_after_key_is_unparsable_at_the_right_place() {
        assert_snapshot_of(
            "front-matter-syntax",
            "tab.md",
            "---\ntitle: Fine\ntags:\n\t- tabbed\n---\nBody\n",
        );
    }

    #[test]
    fn not_a_mapping() {
        assert_snapshot_of(
            "front-matter-syntax",
            "list.md",
            "---\n- one\n- two\n---\nBody\n",
        );
    }

    #[test]
    fn toml_duplicate_and_error() {
        assert_snapshot_of(
            "front-matter-syntax",
            "toml.md",
            "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\nBody\n",
        );
        assert_snapshot_of(
            "front-matter-syntax",
            "toml-error.md",
            "+++\ntitle = \"A\ndate = 2024-01-01\n+++\nBody\n",
        );
    }

    #[test]
    fn valid_front_matter_is_quiet() {
        assert_snapshot_of(
            "front-matter-syntax",
            "valid.md",
            "---\ntitle: Fine\n---\nBody\n",
        );
    }
}
