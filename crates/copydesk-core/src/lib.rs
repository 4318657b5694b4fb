//! copydesk's checking library. No IO and no printing: bytes and config text
//! in, diagnostics with exact byte ranges out.

pub mod body;
pub mod config;
pub mod dates;
pub mod diagnostic;
pub mod document;
pub mod editor;
pub mod fix;
pub mod front_matter;
pub mod lint;
pub mod messages;
pub mod packs;
mod prefilter;
pub mod reading_time;
pub mod rules;
pub mod session;
pub mod site;
pub mod source;
pub mod suggest;
mod suppression;
pub mod text;
pub mod typing;
pub mod vocabulary;
pub mod yaml;

#[cfg(test)]
mod test_support;

pub use config::{Config, ConfigError, Preset};
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity, Violation};
pub use document::Document;
pub use lint::{check, check_bytes, FileResult};
pub use messages::Language;
pub use source::{ColumnEncoding, DecodeError, Position, Source, TextRange, TextSize};
