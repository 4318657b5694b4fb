//! A post, parsed once: source, front matter and body, shared by every rule.

use crate::body::Body;
use crate::front_matter::FrontMatter;
use crate::source::Source;

#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user sees it, with `/` separators; rules may read it
    /// (a `_posts/` file name carries a date).
    pub path: String,
    pub source: Source,
    pub front_matter: FrontMatter,
    pub body: Body,
}

impl Document {
    pub fn parse(path: impl Into<String>, source: Source) -> Document {
        let front_matter = FrontMatter::parse(&source);
        let body = if front_matter
            .problems
            .iter()
            .any(|p| p.kind == crate::front_matter::ProblemKind::Unterminated)
        {
            // An unclosed block swallows the file; its text is not prose.
            Body::parse(source.text(), source.len())
        } else {
            Body::parse(source.text(), front_matter.body_start)
        };
        Document {
            path: path.into(),
            source,
            front_matter,
            body,
        }
    }

    /// The front-matter title, if it is a string.
    pub fn title(&self) -> Option<&str> {
        self.front_matter.get("title")?.value.as_str()
    }
}
