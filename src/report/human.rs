use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use crate::check::{FileOutcome, Located, Summary};
use crate::report::{summary_line, Report};

/// miette's graphical report with the source snippet.
pub struct Human {
    handler: GraphicalReportHandler,
}

impl Human {
    pub fn new(color: bool) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                .with_width(100),
        }
    }
}

/// One diagnostic as miette sees it.
struct Shown<'a> {
    located: &'a Located,
    source: Option<NamedSource<Arc<String>>>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.located.diagnostic.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.located.diagnostic.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.located.diagnostic.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.located.diagnostic.severity {
            copydesk_core::Severity::Error => miette::Severity::Error,
            copydesk_core::Severity::Warning => miette::Severity::Warning,
            _ => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        /// A figure repeated on hundreds of lines is named by its first few.
        const MAX_RELATED_LINES: usize = 10;
        let diagnostic = &self.located.diagnostic;
        let mut lines: Vec<String> = diagnostic.help.iter().cloned().collect();
        if let Some(fix) = &diagnostic.fix {
            lines.push(format!("fix available: {}", fix.title));
        }
        if !self.located.related.is_empty() {
            let mut at: Vec<u32> = self
                .located
                .related
                .iter()
                .map(|(start, _)| start.line)
                .collect();
            at.dedup();
            let word = if at.len() == 1 { "line" } else { "lines" };
            let shown: Vec<String> = at
                .iter()
                .take(MAX_RELATED_LINES)
                .map(u32::to_string)
                .collect();
            let more = at.len().saturating_sub(MAX_RELATED_LINES);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            lines.push(format!("also at {word} {}{more}", shown.join(", ")));
        }
        (!lines.is_empty()).then(|| Box::new(lines.join("\n")) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source
            .as_ref()
            .map(|source| source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let range = self.located.diagnostic.range;
        let span = SourceSpan::new(usize::from(range.start()).into(), usize::from(range.len()));
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            None, span,
        ))))
    }
}

impl Report for Human {
    fn file(&mut self, out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        if let Some(failure) = &outcome.failure {
            writeln!(out, "error: {}: {failure}\n", outcome.path)?;
        }
        for located in &outcome.diagnostics {
            let shown = Shown {
                located,
                source: outcome
                    .text
                    .as_ref()
                    .map(|text| NamedSource::new(&outcome.path, Arc::clone(text))),
            };
            let mut rendered = String::new();
            if self.handler.render_report(&mut rendered, &shown).is_err() {
                rendered = format!(
                    "{}: {}\n",
                    located.diagnostic.rule, located.diagnostic.message
                );
            }
            writeln!(out, "{rendered}")?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary_line(summary))
    }
}
