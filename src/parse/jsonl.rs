//! JSON Lines archives: one brief per line with the keys of `briefs parse --json`, so an
//! archive scraped into JSON is indexed without conversion. `.json` files may also hold one
//! brief object or an array of them.
//!
//! Every key but a title or some text may be missing; authors may be plain strings; passages
//! may be `{heading, text}` objects or strings; a `body` (or `text`) string is read like a
//! Markdown body. A given `id` is kept. A bad line is reported with its number and skipped;
//! the other lines still count.

use serde::Deserialize;

use super::frontmatter::{AuthorSpec, OneOrMany};
use super::{body, inline};
use crate::error::Error;
use crate::model::{Author, Brief, Link, Passage};
use crate::text::date::parse_date;

/// A passage as a record may give it.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum PassageSpec {
    Text(String),
    Full {
        #[serde(default)]
        heading: Option<String>,
        text: String,
    },
}

/// One JSON record, lenient in every key.
#[derive(Debug, Deserialize, Default)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default, alias = "author")]
    authors: Option<OneOrMany<AuthorSpec>>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default, alias = "type")]
    kind: Option<String>,
    #[serde(default, alias = "standfirst", alias = "description")]
    summary: Option<String>,
    #[serde(default)]
    passages: Option<Vec<PassageSpec>>,
    #[serde(default, alias = "text", alias = "content")]
    body: Option<String>,
    #[serde(default, alias = "tags")]
    topics: Option<OneOrMany<String>>,
    #[serde(default)]
    regions: Option<OneOrMany<String>>,
    #[serde(default)]
    links: Option<Vec<Link>>,
}

/// Parses every line (or the single JSON document of a `.json` file).
pub fn parse(text: &str, source: &str) -> super::ParsedFile {
    let mut out = super::ParsedFile::default();
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<serde_json::Value>>(trimmed) {
            Ok(values) => {
                for (i, v) in values.into_iter().enumerate() {
                    push_record(
                        &mut out,
                        serde_json::from_value(v).map_err(|e| e.to_string()),
                        source,
                        i + 1,
                    );
                }
            }
            Err(e) => out.errors.push(Error::Json {
                path: source.into(),
                line: e.line(),
                message: e.to_string(),
            }),
        }
        return out;
    }
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str::<Record>(line).map_err(|e| e.to_string());
        push_record(&mut out, record, source, i + 1);
    }
    if out.briefs.is_empty() && out.errors.is_empty() {
        out.errors.push(Error::Empty {
            path: source.into(),
        });
    }
    out
}

fn push_record(
    out: &mut super::ParsedFile,
    record: Result<Record, String>,
    source: &str,
    line: usize,
) {
    let record = match record {
        Ok(r) => r,
        Err(message) => {
            out.errors.push(Error::Json {
                path: source.into(),
                line,
                message,
            });
            return;
        }
    };
    let here = format!("{source}:{line}");
    let mut brief = to_brief(record);
    match super::finish(&mut brief, &here) {
        Ok(()) => out.briefs.push(brief),
        Err(e) => out.errors.push(e),
    }
}

fn to_brief(r: Record) -> Brief {
    let mut b = Brief {
        id: match r.id {
            Some(serde_json::Value::String(s)) => s.trim().to_string(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => String::new(),
        },
        title: r.title.map(|t| inline::reduce(&t).text).unwrap_or_default(),
        authors: r
            .authors
            .map(|a| a.into_vec().into_iter().map(Author::from).collect())
            .unwrap_or_default(),
        kind: r.kind.filter(|k| !k.trim().is_empty()),
        topics: r.topics.map(OneOrMany::into_vec).unwrap_or_default(),
        regions: r.regions.map(OneOrMany::into_vec).unwrap_or_default(),
        links: r.links.unwrap_or_default(),
        ..Brief::default()
    };
    if let Some(d) = r.date.filter(|d| !d.trim().is_empty()) {
        b.date = parse_date(&d);
        if b.date.is_none() {
            b.warnings
                .push(format!("date {d:?} does not parse; date left empty"));
        }
    }
    if let Some(s) = r.summary {
        let reduced = inline::reduce(&s);
        b.summary = Some(reduced.text).filter(|t| !t.is_empty());
    }
    for p in r.passages.unwrap_or_default() {
        let (heading, text) = match p {
            PassageSpec::Text(t) => (None, t),
            PassageSpec::Full { heading, text } => (heading, text),
        };
        let reduced = inline::reduce(&text);
        if !reduced.text.is_empty() {
            b.passages.push(Passage {
                index: b.passages.len(),
                heading: heading.filter(|h| !h.is_empty()),
                text: reduced.text,
            });
        }
    }
    if let Some(text) = r.body {
        let parsed = body::parse_body(&body::split_blocks(&text));
        for mut p in parsed.passages {
            p.index = b.passages.len();
            b.passages.push(p);
        }
        b.links.extend(parsed.links);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_records() {
        let text = r#"{"title":"A","authors":["Ann Lee"],"date":"Mar 3, 2023","passages":["One.",{"heading":"H","text":"Two."}]}
not json
{"id":"keep-me","body":"Para one.\n\nPara two."}
{"authors":[]}
"#;
        let out = parse(text, "a.jsonl");
        assert_eq!(out.briefs.len(), 2);
        assert_eq!(out.briefs[0].authors[0].name, "Ann Lee");
        assert_eq!(out.briefs[0].date.unwrap().to_string(), "2023-03-03");
        assert_eq!(out.briefs[0].source, "a.jsonl:1");
        assert_eq!(out.briefs[1].id, "keep-me");
        assert_eq!(out.briefs[1].passages.len(), 2);
        assert_eq!(out.errors.len(), 2);
        assert!(
            out.errors[0].to_string().starts_with("a.jsonl:2:"),
            "{}",
            out.errors[0]
        );
    }
}
