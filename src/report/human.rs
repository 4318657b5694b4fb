use copydesk_core::{tr, Language};
use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::check::{FileOutcome, Located, Summary};
use crate::report::window::{excerpt, fit_path, Excerpt};
use crate::report::{summary_line, Report};

/// The terminal width a report is drawn for.
const WIDTH: usize = 100;
/// Columns of a snippet line left for text: the line number, the gutter and
/// a multi-line label's bar take the rest.
const TEXT_WIDTH: usize = WIDTH - 16;
/// The widest a snippet's header (`╭─[path:line:column]`) may be.
const HEADER_WIDTH: usize = 120;

/// miette's graphical report with the source snippet.
pub struct Human {
    handler: GraphicalReportHandler,
    language: Language,
}

impl Human {
    pub fn new(color: bool, language: Language) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                .with_width(WIDTH),
            language,
        }
    }
}

/// One diagnostic as miette sees it.
struct Shown<'a> {
    located: &'a Located,
    source: Option<Window>,
    language: Language,
}

/// The lines around one finding, cut to the terminal (see [`excerpt`]), as
/// miette reads source code: line numbers are the file's, and the position
/// in the header is the finding's, in characters, as in every other format.
struct Window {
    path: String,
    excerpt: Excerpt,
    /// 0-based line and character column of the finding's start.
    line: usize,
    column: usize,
}

impl Window {
    fn span(&self) -> SourceSpan {
        let span = &self.excerpt.span;
        SourceSpan::new(span.start.into(), span.end - span.start)
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .excerpt
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette reads the finding's own span with no context for the header.
        let header = context_lines_before == 0 && context_lines_after == 0;
        let (line, column) = if header && *span == self.span() {
            (self.line, self.column)
        } else {
            (inner.line() + self.excerpt.first_line, inner.column())
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.path.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
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
            lines.push(tr!(self.language, "human-fix-available", fix = &fix.title));
        }
        if !self.located.related.is_empty() {
            let mut at: Vec<u32> = self
                .located
                .related
                .iter()
                .map(|(start, _)| start.line)
                .collect();
            at.dedup();
            let shown: Vec<String> = at
                .iter()
                .take(MAX_RELATED_LINES)
                .map(u32::to_string)
                .collect();
            lines.push(tr!(
                self.language,
                "human-also-at",
                count = at.len(),
                lines = shown.join(", "),
                more = at.len().saturating_sub(MAX_RELATED_LINES)
            ));
        }
        (!lines.is_empty()).then(|| Box::new(lines.join("\n")) as Box<dyn fmt::Display + 'a>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source
            .as_ref()
            .map(|source| source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.source.as_ref()?.span();
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
        // One line index for all of the file's findings, the core's own.
        let source = outcome
            .text
            .as_ref()
            .filter(|_| !outcome.diagnostics.is_empty())
            .map(|text| copydesk_core::Source::new(text.to_string()));
        for located in &outcome.diagnostics {
            let range = located.diagnostic.range;
            let shown = Shown {
                located,
                language: self.language,
                source: source.as_ref().map(|source| Window {
                    path: fit_path(
                        &outcome.path,
                        // The indent, `╭─[`, `:line:column]`, and room for a line number of 7 digits.
                        HEADER_WIDTH
                            - 12
                            - format!(":{}:{}]", located.start.line, located.start.column).len(),
                    ),
                    excerpt: excerpt(
                        source,
                        usize::from(range.start())..usize::from(range.end()),
                        TEXT_WIDTH,
                    ),
                    line: located.start.line.saturating_sub(1) as usize,
                    column: located.start.column.saturating_sub(1) as usize,
                }),
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
