//! Post dates in the forms Jekyll, Hugo and Zola accept.

use crate::message;
use crate::messages::{Language, Message};
use std::sync::OnceLock;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use jiff::Timestamp;
use regex::Regex;

/// A parsed post date; the time and offset are optional, as in Jekyll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostDate {
    pub date: Date,
    pub time: Option<Time>,
    /// `None` means the site's time zone; copydesk assumes UTC for it.
    pub offset: Option<Offset>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not a date form Jekyll reads.
    Format,
    /// A form Jekyll reads, but a day, month or time that does not exist.
    Invalid(Message),
    /// A time-zone offset no place on Earth uses.
    Offset(Message),
}

impl DateError {
    pub fn message(&self) -> Message {
        match self {
            DateError::Format => message!("date-format"),
            DateError::Invalid(message) | DateError::Offset(message) => message.clone(),
        }
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Language::En))
    }
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?$",
        )
        .expect("the date pattern is valid")
    })
}

impl PostDate {
    pub fn parse(text: &str) -> Result<PostDate, DateError> {
        let captures = pattern().captures(text.trim()).ok_or(DateError::Format)?;
        let number = |at: usize| {
            captures
                .get(at)
                .map(|m| m.as_str().parse::<i32>().unwrap_or(-1))
        };
        let (year, month, day) = (
            number(1).unwrap_or(0),
            number(2).unwrap_or(0),
            number(3).unwrap_or(0),
        );
        let date = Date::new(year as i16, month as i8, day as i8).map_err(|_| {
            DateError::Invalid(message!(
                "date-not-a-day",
                date = format!("{year:04}-{month:02}-{day:02}")
            ))
        })?;
        let time = match (number(4), number(5)) {
            (Some(hour), Some(minute)) => {
                let second = number(6).unwrap_or(0);
                Some(
                    Time::new(hour as i8, minute as i8, second.min(59) as i8, 0).map_err(|_| {
                        DateError::Invalid(message!(
                            "date-not-a-time",
                            time = format!("{hour:02}:{minute:02}:{second:02}")
                        ))
                    })?,
                )
            }
            _ => None,
        };
        let offset = captures
            .get(8)
            .map(|m| parse_offset(m.as_str()))
            .transpose()?;
        Ok(PostDate { date, time, offset })
    }

    /// The instant, taking a missing time as midnight and a missing offset as UTC.
    pub fn timestamp(&self) -> Option<Timestamp> {
        let datetime = DateTime::from_parts(self.date, self.time.unwrap_or(Time::midnight()));
        datetime
            .to_zoned(self.offset.unwrap_or(Offset::UTC).to_time_zone())
            .ok()
            .map(|z| z.timestamp())
    }
}

/// Real offsets run from -12:00 to +14:00, in whole quarter hours or so;
/// anything past that is a typo that shifts the post by a day.
fn parse_offset(text: &str) -> Result<Offset, DateError> {
    if text.eq_ignore_ascii_case("z") {
        return Ok(Offset::UTC);
    }
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits: String = text[1..].chars().filter(char::is_ascii_digit).collect();
    let (hours, minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().unwrap_or(99), 0),
        3 | 4 => {
            let split = digits.len() - 2;
            (
                digits[..split].parse::<i32>().unwrap_or(99),
                digits[split..].parse::<i32>().unwrap_or(99),
            )
        }
        _ => return Err(DateError::Format),
    };
    let seconds = sign * (hours * 3600 + minutes * 60);
    if minutes > 59 || !(-12 * 3600..=14 * 3600).contains(&seconds) {
        return Err(DateError::Offset(message!(
            "date-impossible-offset",
            offset = text
        )));
    }
    Offset::from_seconds(seconds).map_err(|_| DateError::Format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_forms() {
        for text in [
            "2025-11-20",
            "2025-11-20 08:43:29 +0000",
            "2025-11-20 8:43:29 +0900",
            "2025-11-20 08:43:29+02:00",
            "2025-11-20T08:43:29Z",
            "2025-11-20T08:43:29.123-05:00",
            "2025-11-20 08:43",
        ] {
            assert!(PostDate::parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn impossible_dates_and_offsets() {
        assert!(matches!(
            PostDate::parse("2025-02-30"),
            Err(DateError::Invalid(_))
        ));
        assert!(matches!(
            PostDate::parse("2025-11-20 25:00:00"),
            Err(DateError::Invalid(_))
        ));
        assert!(matches!(
            PostDate::parse("2025-11-20 08:00:00 +16:30"),
            Err(DateError::Offset(_))
        ));
        assert!(matches!(
            PostDate::parse("2025-11-20 08:00:00 -1300"),
            Err(DateError::Offset(_))
        ));
        assert!(matches!(
            PostDate::parse("2025-11-20 08:00:00 +0575"),
            Err(DateError::Offset(_))
        ));
        assert_eq!(PostDate::parse("20 Nov 2025"), Err(DateError::Format));
        assert_eq!(
            PostDate::parse("2023-08-23 13:00-:00+02:00"),
            Err(DateError::Format)
        );
    }

    #[test]
    fn timestamps_respect_offsets() {
        let tokyo = PostDate::parse("2025-11-20 09:00:00 +0900")
            .unwrap()
            .timestamp()
            .unwrap();
        let utc = PostDate::parse("2025-11-20T00:00:00Z")
            .unwrap()
            .timestamp()
            .unwrap();
        assert_eq!(tokyo, utc);
    }
}
