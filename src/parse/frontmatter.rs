//! Markdown briefs with YAML front matter, the format of static-site and note-taking archives:
//!
//! ```text
//! ---
//! title: Water Talks on the Helmand
//! authors: [Dana Whitfield, {name: Omar Haddad, url: /experts/omar-haddad}]
//! date: 2023-03-03
//! kind: Policy Note
//! topics: [Energy & Water]
//! regions: [Iran, Afghanistan]
//! summary: One paragraph standfirst.
//! ---
//! ## Background
//! Body paragraphs and bullets…
//! ```

use serde::Deserialize;

use super::{body, inline};
use crate::error::{Error, Result};
use crate::model::{Author, Brief};
use crate::text::date::parse_date;

/// An author as front matter may give one: a plain name or `{name, url}`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum AuthorSpec {
    /// Just the name.
    Name(String),
    /// Name with an optional profile URL.
    Full {
        /// Display name.
        name: String,
        /// Profile URL.
        #[serde(default)]
        url: Option<String>,
    },
}

impl From<AuthorSpec> for Author {
    fn from(a: AuthorSpec) -> Author {
        match a {
            AuthorSpec::Name(name) => Author { name, url: None },
            AuthorSpec::Full { name, url } => Author { name, url },
        }
    }
}

/// One value or a list of them (`topics: Iran` or `topics: [Iran, Iraq]`).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    /// A single value.
    One(T),
    /// A list.
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values as a list.
    pub fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

/// The front matter keys `briefs` reads; others are ignored.
#[derive(Debug, Deserialize, Default)]
struct Front {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, alias = "author")]
    authors: Option<OneOrMany<AuthorSpec>>,
    #[serde(default)]
    date: Option<serde_yaml_ng::Value>,
    #[serde(default, alias = "type")]
    kind: Option<String>,
    #[serde(default, alias = "description", alias = "standfirst")]
    summary: Option<String>,
    #[serde(default, alias = "tags")]
    topics: Option<OneOrMany<String>>,
    #[serde(default, alias = "countries")]
    regions: Option<OneOrMany<String>>,
}

/// Splits `---\nYAML\n---\nbody` into its YAML and body, or `None` without front matter.
pub fn split(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// Parses front matter and body into a brief (no id or source yet unless `id` was given).
///
/// Errors: [`Error::FrontMatter`] when the YAML does not parse or a key has the wrong type.
pub fn parse(yaml: &str, body_text: &str, source: &str) -> Result<Brief> {
    let front: Front = if yaml.trim().is_empty() {
        Front::default()
    } else {
        serde_yaml_ng::from_str(yaml).map_err(|e| Error::FrontMatter {
            path: source.into(),
            message: e.to_string(),
        })?
    };
    let mut brief = Brief {
        id: front.id.unwrap_or_default(),
        ..Brief::default()
    };
    brief.title = front
        .title
        .map(|t| inline::reduce(&t).text)
        .unwrap_or_default();
    brief.authors = front
        .authors
        .map(|a| a.into_vec().into_iter().map(Author::from).collect())
        .unwrap_or_default();
    if let Some(value) = front.date {
        let raw = match &value {
            serde_yaml_ng::Value::String(s) => s.clone(),
            other => serde_yaml_ng::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        brief.date = parse_date(&raw);
        if brief.date.is_none() {
            brief
                .warnings
                .push(format!("date {raw:?} does not parse; date left empty"));
        }
    }
    brief.kind = front.kind.filter(|k| !k.trim().is_empty());
    if let Some(s) = front.summary {
        let reduced = inline::reduce(&s);
        brief.links.extend(reduced.links);
        brief.summary = Some(reduced.text).filter(|t| !t.is_empty());
    }
    brief.topics = front.topics.map(OneOrMany::into_vec).unwrap_or_default();
    brief.regions = front.regions.map(OneOrMany::into_vec).unwrap_or_default();

    let mut blocks = body::split_blocks(body_text);
    // A leading "# Title" repeats the title (or supplies it).
    if let Some(first) = blocks.first() {
        let line = first.lines[0].trim_start();
        if first.is_single_line() && line.starts_with("# ") {
            let heading = inline::reduce(line.trim_start_matches('#').trim()).text;
            if brief.title.is_empty() {
                brief.title = heading;
            }
            blocks.remove(0);
        }
    }
    let parsed = body::parse_body(&blocks);
    brief.passages = parsed.passages;
    brief.links.extend(parsed.links);
    Ok(brief)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        assert_eq!(split("---\na: 1\n---\nbody\n"), Some(("a: 1\n", "body\n")));
        assert_eq!(split("no front matter"), None);
        assert_eq!(split("---\nunterminated"), None);
    }

    #[test]
    fn reads_keys_and_body() {
        let b = parse(
            "title: T\nauthors: [Ann Lee, {name: Bo Park, url: /experts/bo}]\ndate: 2021-05-04\nkind: Policy Note\ntopics: Energy\nregions: [Iran, Iraq]\n",
            "## Background\n\nFirst paragraph.\n",
            "x.md",
        )
        .unwrap();
        assert_eq!(b.title, "T");
        assert_eq!(b.authors[1].url.as_deref(), Some("/experts/bo"));
        assert_eq!(b.date.unwrap().to_string(), "2021-05-04");
        assert_eq!(b.topics, ["Energy"]);
        assert_eq!(b.regions, ["Iran", "Iraq"]);
        assert_eq!(b.passages[0].heading.as_deref(), Some("Background"));
    }

    #[test]
    fn bad_yaml_is_an_error() {
        let e = parse("title: [unclosed", "", "bad.md").unwrap_err();
        assert!(e.to_string().contains("bad.md"), "{e}");
    }
}
