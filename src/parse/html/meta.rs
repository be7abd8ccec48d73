//! What a publisher's page says about itself: `<meta>` tags (Highwire `citation_*`, Open
//! Graph, Dublin Core, plain `author`/`description`/`keywords`) and JSON-LD (`Article`,
//! `NewsArticle`, `Report`, … with `headline`, `author`, `datePublished`, `genre`,
//! `keywords`).

use std::collections::HashMap;

use scraper::{Html, Selector};
use serde_json::Value;

/// Meta tags by lower-cased `name`, `property` or `itemprop`, each with every value in order.
#[derive(Debug, Default)]
pub struct Meta {
    tags: HashMap<String, Vec<String>>,
}

impl Meta {
    /// Collects every `<meta>` tag that has a key and a non-empty `content`.
    pub fn read(doc: &Html) -> Meta {
        let selector = Selector::parse("meta").expect("a valid selector");
        let mut tags: HashMap<String, Vec<String>> = HashMap::new();
        for el in doc.select(&selector) {
            let e = el.value();
            let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            for key in ["name", "property", "itemprop"] {
                if let Some(k) = e.attr(key) {
                    tags.entry(k.trim().to_ascii_lowercase())
                        .or_default()
                        .push(content.to_string());
                }
            }
        }
        Meta { tags }
    }

    /// The first value of the first of `keys` present.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter()
            .find_map(|k| self.tags.get(*k).and_then(|v| v.first()))
            .map(String::as_str)
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> &[String] {
        self.tags.get(key).map_or(&[], Vec::as_slice)
    }
}

/// The schema.org types that describe the page's own piece of writing.
const ARTICLE_TYPES: [&str; 12] = [
    "Article",
    "NewsArticle",
    "Report",
    "BlogPosting",
    "ScholarlyArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "BackgroundNewsArticle",
    "TechArticle",
    "SocialMediaPosting",
    "Legislation",
];

/// An author as JSON-LD gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LdAuthor {
    /// The name.
    pub name: String,
    /// The profile URL, when given.
    pub url: Option<String>,
}

/// The fields read from the page's JSON-LD article object.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct JsonLd {
    /// `headline` (or `name`).
    pub headline: Option<String>,
    /// `author`: a string, an object or an array of either.
    pub authors: Vec<LdAuthor>,
    /// `datePublished` (or `dateCreated`).
    pub date: Option<String>,
    /// `@type`, the first article type named.
    pub kind: Option<String>,
    /// `genre`.
    pub genre: Option<String>,
    /// `keywords`: a comma-separated string or an array.
    pub keywords: Vec<String>,
    /// `description`.
    pub description: Option<String>,
}

/// Reads the first article object from the page's JSON-LD scripts (top level, arrays and
/// `@graph`); returns it with a warning for each script that is not valid JSON.
pub fn json_ld(doc: &Html) -> (Option<JsonLd>, Vec<String>) {
    let selector =
        Selector::parse(r#"script[type="application/ld+json"]"#).expect("a valid selector");
    let mut warnings = Vec::new();
    for script in doc.select(&selector) {
        let raw: String = script.text().collect();
        let value: Value = match serde_json::from_str(raw.trim()) {
            Ok(v) => v,
            Err(e) => {
                warnings.push(format!("JSON-LD script ignored: not valid JSON ({e})"));
                continue;
            }
        };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(kind) = article_type(map.get("@type")) {
                        return (Some(read_article(map, kind)), warnings);
                    }
                    if let Some(graph) = map.get("@graph") {
                        stack.push(graph);
                    }
                    if let Some(main) = map.get("mainEntity") {
                        stack.push(main);
                    }
                }
                _ => {}
            }
        }
    }
    (None, warnings)
}

/// The article type `@type` names, if it names one (a string or an array of strings).
fn article_type(t: Option<&Value>) -> Option<String> {
    let names: Vec<&str> = match t? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    names
        .into_iter()
        .find(|n| ARTICLE_TYPES.contains(n))
        .map(str::to_string)
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| string(Some(x))),
        Value::Object(o) => string(o.get("name")),
        _ => None,
    }
}

fn read_article(map: &serde_json::Map<String, Value>, kind: String) -> JsonLd {
    let mut ld = JsonLd {
        headline: string(map.get("headline")).or_else(|| string(map.get("name"))),
        date: string(map.get("datePublished")).or_else(|| string(map.get("dateCreated"))),
        kind: Some(kind),
        genre: string(map.get("genre")),
        description: string(map.get("description")),
        ..JsonLd::default()
    };
    let mut authors = Vec::new();
    match map.get("author") {
        Some(Value::Array(a)) => authors.extend(a.iter()),
        Some(v) => authors.push(v),
        None => {}
    }
    for a in authors {
        match a {
            Value::String(s) if !s.trim().is_empty() => ld.authors.push(LdAuthor {
                name: s.trim().to_string(),
                url: None,
            }),
            Value::Object(o) => {
                if let Some(name) = string(o.get("name")) {
                    ld.authors.push(LdAuthor {
                        name,
                        url: string(o.get("url")),
                    });
                }
            }
            _ => {}
        }
    }
    match map.get("keywords") {
        Some(Value::String(s)) => ld.keywords = split_list(s),
        Some(Value::Array(a)) => {
            ld.keywords = a.iter().filter_map(|v| string(Some(v))).collect::<Vec<_>>()
        }
        _ => {}
    }
    ld
}

/// Splits a comma- or semicolon-separated list, trimming and dropping empty items.
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_in_a_graph_with_author_objects_and_keyword_string() {
        let page = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example"},
          {"@type":["Article","Report"],"headline":"Water Talks","datePublished":"2023-03-03T08:00:00Z",
           "author":[{"@type":"Person","name":"Ann Lee","url":"/experts/ann-lee"},"Ben Ode"],
           "keywords":"Water, Diplomacy"}]}
        </script></head><body></body></html>"#;
        let (ld, warnings) = json_ld(&Html::parse_document(page));
        let ld = ld.expect("found");
        assert!(warnings.is_empty());
        assert_eq!(ld.headline.as_deref(), Some("Water Talks"));
        assert_eq!(ld.kind.as_deref(), Some("Article"));
        assert_eq!(ld.authors.len(), 2);
        assert_eq!(ld.authors[0].url.as_deref(), Some("/experts/ann-lee"));
        assert_eq!(ld.keywords, vec!["Water", "Diplomacy"]);
    }

    #[test]
    fn bad_json_ld_is_a_warning() {
        let page = r#"<script type="application/ld+json">{"@type": "Article",</script>"#;
        let (ld, warnings) = json_ld(&Html::parse_document(page));
        assert!(ld.is_none());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn meta_tags_by_name_and_property() {
        let page = r#"<meta name="citation_author" content="Lee, Ann"><meta name="citation_author" content="Ode, Ben"><meta property="og:title" content=" T ">"#;
        let m = Meta::read(&Html::parse_document(page));
        assert_eq!(m.all("citation_author").len(), 2);
        assert_eq!(m.first(&["citation_title", "og:title"]), Some("T"));
    }
}
