//! The domain types every pipeline stage hands to the next: a [`Brief`] and its parts.
//!
//! These types are also the machine interface: `briefs parse --json` prints a [`Brief`] with
//! serde, and JSON Lines archives are read back into the same type, so renaming a field here
//! is a breaking change documented in `docs/formats.md`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One policy brief with its page furniture removed: the unit users save, cite and filter on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Brief {
    /// Stable identifier: 16 hex digits derived from the content, never from the path
    /// (see [`crate::parse::brief_id`]), or the `id` a JSON Lines record carried.
    pub id: String,
    /// Where the brief was read from, as given to the parser (`path`, or `path:LINE` for JSON Lines).
    pub source: String,
    /// The headline.
    pub title: String,
    /// Authors in byline order, with their profile URL when the byline linked one.
    pub authors: Vec<Author>,
    /// Publication date; `None` when the brief states none or it does not parse.
    #[serde(with = "opt_date")]
    pub date: Option<NaiveDate>,
    /// The label the publisher files the piece under, such as "Brief Analysis".
    pub kind: Option<String>,
    /// The standfirst: the one-paragraph summary printed above the body.
    pub summary: Option<String>,
    /// Body paragraphs and bullets in reading order, each with the heading it sits under.
    pub passages: Vec<Passage>,
    /// Topic tags, as display names.
    pub topics: Vec<String>,
    /// Region and country tags, as display names.
    pub regions: Vec<String>,
    /// Hyperlinks found in the summary and body, in order of appearance.
    pub links: Vec<Link>,
    /// Dated events: timeline bullets and sentences that state a full date.
    pub events: Vec<Event>,
    /// Named entities mentioned in the brief, most mentioned first.
    pub entities: Vec<Entity>,
    /// Problems the parser worked around; each says what was kept.
    pub warnings: Vec<String>,
    /// Canonical names of the entities each text of the brief mentions, filled by the extract
    /// stage for the index (not part of the JSON interface).
    #[serde(skip)]
    pub mentions: TextMentions,
}

/// Which entities each text of a brief mentions, by canonical name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextMentions {
    /// Entities named in the title (they belong to every passage, as the title does).
    pub title: Vec<String>,
    /// Entities named in the standfirst.
    pub summary: Vec<String>,
    /// Entities named in each passage, aligned with [`Brief::passages`].
    pub passages: Vec<Vec<String>>,
}

/// A byline author.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Author {
    /// Display name, e.g. "Aaron Y. Zelin".
    pub name: String,
    /// Profile URL as written in the byline (often relative, e.g. `/experts/aaron-y-zelin`).
    pub url: Option<String>,
}

/// One searchable unit of a brief's body: a paragraph or a bullet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Passage {
    /// Position in the body, from 0.
    pub index: usize,
    /// The heading the passage sits under; `None` before the first heading.
    pub heading: Option<String>,
    /// Plain text: link markup reduced to its visible text, emphasis and escapes removed.
    pub text: String,
}

/// A hyperlink with the text a reader saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Link {
    /// Visible anchor text.
    pub text: String,
    /// Target, kept as written (relative links stay relative).
    pub url: String,
}

/// Something that happened on a stated day, as the brief tells it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The day, with the year carried forward from earlier items when an item omits it.
    #[serde(with = "date_ymd")]
    pub date: NaiveDate,
    /// What happened: the bullet text after its date, or the sentence that states the date.
    pub text: String,
    /// Index of the passage the event was read from.
    #[serde(default)]
    pub passage: Option<usize>,
}

/// The three kinds of named entity `briefs` recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named individual.
    Person,
    /// A government body, party, company, militia or other organisation.
    Organization,
    /// A country, region, city or other location.
    Place,
}

/// A named entity with its mentions in one brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical (longest, most complete) name.
    pub name: String,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// How many times the brief mentions it, under any alias.
    pub mentions: usize,
    /// Other names the brief uses for it (short forms, acronyms).
    pub aliases: Vec<String>,
}

/// Serde helpers for `Option<NaiveDate>` as `"YYYY-MM-DD"` or `null`, lenient on input.
mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.format("%Y-%m-%d").to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let raw: Option<String> = Option::deserialize(d)?;
        Ok(raw.and_then(|s| crate::text::date::parse_date(&s)))
    }
}

/// Serde helpers for a required `NaiveDate` as `"YYYY-MM-DD"`.
mod date_ymd {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&d.format("%Y-%m-%d").to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let raw = String::deserialize(d)?;
        crate::text::date::parse_date(&raw)
            .ok_or_else(|| D::Error::custom(format!("not a date: {raw:?}")))
    }
}

/// The input formats `briefs` reads, told apart by extension: discovery keeps the files that
/// have one, parsing picks its reader by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A saved web page as text (`.txt`), read by `parse::saved`.
    Saved,
    /// Markdown, with or without YAML front matter (`.md`, `.markdown`).
    Markdown,
    /// JSON Lines, one brief per line (`.jsonl`, `.ndjson`), or one JSON brief or array (`.json`).
    Json,
    /// A PDF document (`.pdf`), read by `parse::pdf`.
    Pdf,
    /// An HTML page as a browser saves it (`.html`, `.htm`), read by `parse::html`.
    Html,
}

impl Format {
    /// The format a path's extension names, if `briefs` reads it.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Saved),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" | "json" => Some(Format::Json),
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}
