//! HTML input (`.html`, `.htm`): a page as a browser saves it, parsed with `scraper`
//! (html5ever, the HTML5 parsing algorithm browsers use, so unclosed tags, stray end tags and
//! misnested elements are repaired the way a browser repairs them).
//!
//! Each field comes from the first source that has it:
//! - **title**: `citation_title`, JSON-LD `headline`, `og:title`, `dc.title`, the first
//!   `<h1>`, `<title>` (a trailing "| Site" or the site's name removed);
//! - **authors**: `citation_author` (one per tag, "Last, First" turned round), JSON-LD
//!   `author` (a string, an object with `name` and `url`, or an array), `article:author` and
//!   `author` meta tags that hold names (not URLs), then the byline: `rel=author` links (with
//!   their URL) or an element whose class names a byline ("By A and B");
//! - **date**: `citation_publication_date`, `citation_date`, JSON-LD `datePublished`,
//!   `article:published_time`, `dc.date`, `date`, then the first `<time datetime>`;
//! - **kind**: JSON-LD `genre`, a specific JSON-LD `@type` (`Report`, not the generic
//!   `Article`), then a kicker element (class `kicker`, `eyebrow`, `content-type` or
//!   `publication-type`);
//! - **summary**: JSON-LD `description`, `og:description`, `description`;
//! - **topics**: `article:tag`, `citation_keywords`, JSON-LD `keywords`, `keywords`;
//! - **passages and links**: see [`content`]; passages that only repeat the title or the
//!   kind, or only state a date, are dropped.

pub mod content;
pub mod meta;

use scraper::{ElementRef, Html, Selector};

use crate::model::{Author, Brief};
use crate::parse::saved::split_names;
use crate::text::date::parse_date;
use crate::text::space::collapse_spaces;
use meta::{JsonLd, Meta};

/// JSON-LD types too general to be a brief's kind.
const GENERIC_TYPES: [&str; 3] = ["Article", "NewsArticle", "SocialMediaPosting"];

/// Parses an HTML page into one brief without `id` or `source` (see [`super::finish`]).
pub fn parse(text: &str) -> Brief {
    let doc = Html::parse_document(text);
    let meta = Meta::read(&doc);
    let (ld, warnings) = meta::json_ld(&doc);
    let ld = ld.unwrap_or_default();
    let content = content::read(&doc);
    let mut brief = Brief {
        title: title(&doc, &meta, &ld).unwrap_or_default(),
        authors: authors(&doc, &meta, &ld),
        date: date(&doc, &meta, &ld),
        kind: kind(&doc, &ld),
        summary: ld
            .description
            .clone()
            .or_else(|| {
                meta.first(&["og:description", "description"])
                    .map(str::to_string)
            })
            .map(|s| collapse_spaces(&s))
            .filter(|s| !s.is_empty()),
        topics: topics(&meta, &ld),
        passages: content.passages,
        links: content.links,
        warnings,
        ..Brief::default()
    };
    drop_repeats(&mut brief);
    if brief.date.is_none() {
        if let Some(raw) = meta.first(&["citation_publication_date", "citation_date"]) {
            brief
                .warnings
                .push(format!("date {raw:?} does not parse; left empty"));
        }
    }
    brief
}

/// Drops passages that only repeat the title or the kind, or only state a date (a dateline
/// or kicker printed inside the article body), and numbers the rest again.
fn drop_repeats(brief: &mut Brief) {
    let title = brief.title.to_lowercase();
    let kind = brief.kind.as_deref().map(str::to_lowercase);
    brief.passages.retain(|p| {
        let t = p.text.to_lowercase();
        t != title && Some(&t) != kind.as_ref() && parse_date(&p.text).is_none()
    });
    for (i, p) in brief.passages.iter_mut().enumerate() {
        p.index = i;
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// An element's visible text, white space collapsed.
fn text_of(e: ElementRef<'_>) -> String {
    collapse_spaces(&e.text().collect::<String>())
}

fn title(doc: &Html, meta: &Meta, ld: &JsonLd) -> Option<String> {
    let from_meta = meta
        .first(&["citation_title"])
        .map(str::to_string)
        .or_else(|| ld.headline.clone())
        .or_else(|| meta.first(&["og:title", "dc.title"]).map(str::to_string));
    if let Some(t) = from_meta
        .map(|t| collapse_spaces(&t))
        .filter(|t| !t.is_empty())
    {
        return Some(t);
    }
    if let Some(h1) = doc
        .select(&selector("h1"))
        .map(text_of)
        .find(|t| !t.is_empty())
    {
        return Some(h1);
    }
    let raw = doc.select(&selector("title")).map(text_of).next()?;
    let site = meta.first(&["og:site_name", "application-name"]);
    Some(strip_site_name(&raw, site)).filter(|t| !t.is_empty())
}

/// "Water Talks | Example Institute" → "Water Talks"; a " - Site" or " — Site" suffix goes
/// only when it is the site's name.
fn strip_site_name(title: &str, site: Option<&str>) -> String {
    if let Some((head, _)) = title.rsplit_once(" | ") {
        return head.trim().to_string();
    }
    if let Some(site) = site {
        for sep in [" - ", " – ", " — ", " :: "] {
            if let Some(head) = title.strip_suffix(&format!("{sep}{site}")) {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// "Lee, Ann" → "Ann Lee"; other names unchanged.
fn turn_round(name: &str) -> String {
    let name = collapse_spaces(name);
    match name.split_once(", ") {
        Some((last, first)) if !last.contains(' ') && !first.contains(',') && !first.is_empty() => {
            format!("{first} {last}")
        }
        _ => name,
    }
}

fn authors(doc: &Html, meta: &Meta, ld: &JsonLd) -> Vec<Author> {
    let plain = |name: String| Author { name, url: None };
    let cited: Vec<Author> = meta
        .all("citation_author")
        .iter()
        .map(|a| plain(turn_round(a)))
        .filter(|a| !a.name.is_empty())
        .collect();
    if !cited.is_empty() {
        return cited;
    }
    if !ld.authors.is_empty() {
        return ld
            .authors
            .iter()
            .map(|a| Author {
                name: collapse_spaces(&a.name),
                url: a.url.clone(),
            })
            .collect();
    }
    for key in ["article:author", "author", "dc.creator"] {
        let names: Vec<Author> = meta
            .all(key)
            .iter()
            .filter(|v| !v.contains("://") && !v.starts_with('/'))
            .flat_map(|v| split_names(v))
            .map(plain)
            .collect();
        if !names.is_empty() {
            return names;
        }
    }
    let linked: Vec<Author> = doc
        .select(&selector(r#"a[rel~="author"]"#))
        .map(|a| Author {
            name: text_of(a),
            url: a.value().attr("href").map(str::to_string),
        })
        .filter(|a| !a.name.is_empty())
        .collect();
    if !linked.is_empty() {
        return linked;
    }
    let byline = doc
        .select(&selector(r#"[class*="byline"], [class*="author"]"#))
        .map(text_of)
        .find(|t| !t.is_empty() && t.split_whitespace().count() <= 20);
    byline
        .map(|t| {
            let t = t
                .strip_prefix("By ")
                .or(t.strip_prefix("by "))
                .unwrap_or(&t);
            split_names(t).into_iter().map(plain).collect()
        })
        .unwrap_or_default()
}

fn date(doc: &Html, meta: &Meta, ld: &JsonLd) -> Option<chrono::NaiveDate> {
    let time = selector("time[datetime]");
    let candidates = meta
        .first(&["citation_publication_date", "citation_date"])
        .map(str::to_string)
        .into_iter()
        .chain(ld.date.clone())
        .chain(
            meta.first(&[
                "article:published_time",
                "dc.date",
                "dc.date.issued",
                "date",
            ])
            .map(str::to_string),
        )
        .chain(
            doc.select(&time)
                .filter_map(|t| t.value().attr("datetime").map(str::to_string))
                .take(1),
        );
    for c in candidates {
        if let Some(d) = parse_date(&c) {
            return Some(d);
        }
    }
    None
}

/// CamelCase type names as words: "BlogPosting" → "Blog Posting".
fn words_of_type(t: &str) -> String {
    let mut out = String::new();
    for (i, c) in t.chars().enumerate() {
        if i > 0 && c.is_uppercase() {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

fn kind(doc: &Html, ld: &JsonLd) -> Option<String> {
    if let Some(g) = &ld.genre {
        return Some(collapse_spaces(g));
    }
    if let Some(t) = ld.kind.as_deref().filter(|t| !GENERIC_TYPES.contains(t)) {
        return Some(words_of_type(t));
    }
    doc.select(&selector(
        r#"[class*="kicker"], [class*="eyebrow"], [class*="content-type"], [class*="publication-type"]"#,
    ))
    .map(text_of)
    .find(|t| (1..=4).contains(&t.split_whitespace().count()))
}

fn topics(meta: &Meta, ld: &JsonLd) -> Vec<String> {
    let mut topics: Vec<String> = meta.all("article:tag").to_vec();
    if topics.is_empty() {
        topics = meta
            .all("citation_keywords")
            .iter()
            .flat_map(|k| meta::split_list(k))
            .collect();
    }
    if topics.is_empty() {
        topics = ld.keywords.clone();
    }
    if topics.is_empty() {
        topics = meta
            .first(&["keywords", "news_keywords"])
            .map(meta::split_list)
            .unwrap_or_default();
    }
    let mut seen = std::collections::HashSet::new();
    topics
        .into_iter()
        .map(|t| collapse_spaces(&t))
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_come_off_titles() {
        assert_eq!(
            strip_site_name("Water Talks | Example", None),
            "Water Talks"
        );
        assert_eq!(
            strip_site_name("Iran - An Overview", Some("Example")),
            "Iran - An Overview"
        );
        assert_eq!(
            strip_site_name("Water Talks - Example", Some("Example")),
            "Water Talks"
        );
    }

    #[test]
    fn surname_first_names_turn_round() {
        assert_eq!(turn_round("Lee, Ann"), "Ann Lee");
        assert_eq!(turn_round("Kerr, Paul K."), "Paul K. Kerr");
        assert_eq!(turn_round("Ann Lee"), "Ann Lee");
    }

    #[test]
    fn plain_page_falls_back_to_title_and_time() {
        let b = parse(
            "<html><head><title>Grain Talks Resume | Example Institute</title></head><body>\
             <p>Posted <time datetime=\"2023-03-03\">March 3</time></p><p>The talks resumed.</p></body></html>",
        );
        assert_eq!(b.title, "Grain Talks Resume");
        assert_eq!(b.date, chrono::NaiveDate::from_ymd_opt(2023, 3, 3));
    }
}
