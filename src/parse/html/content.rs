//! An HTML page's main text: the article's paragraphs, list items and table rows as passages
//! under their `<h2>`–`<h4>` headings, with the page's furniture left out.
//!
//! The root is the element marked as the article body (`itemprop=articleBody`), else the
//! `<article>` with the most text, else `<main>` (or `role=main`), else `<body>`. Left out,
//! with everything inside them, are: scripts, styles, forms and embedded media; `<nav>`,
//! `<aside>`, `<header>` and `<footer>` (an `<article>`'s own header, which holds the title
//! and byline already read from the metadata, included); `<h1>`, the title; elements whose ARIA role is
//! navigation, banner, contentinfo or complementary, or that are hidden; elements whose class
//! or id names furniture (`related`, `share`, `newsletter`, `sidebar`, `comments`, …); and
//! link-dense containers (lists, `div`s and sections whose text is mostly link text: menus,
//! tag clouds and "more from us" lists).
//!
//! Every walk over the tree uses an explicit stack, so a page nested 100,000 levels deep
//! costs memory, not the call stack.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::model::{Link, Passage};
use crate::text::space::collapse_spaces;

/// Elements never read, with their content.
const SKIPPED_TAGS: [&str; 17] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "video",
    "audio", "canvas", "form", "button", "select", "nav", "aside",
];

/// ARIA roles of page furniture.
const SKIPPED_ROLES: [&str; 6] = [
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
];

/// Words in a class or id that name page furniture, matched against its `-`/`_`-separated
/// parts ("related-posts", "share_bar", "site-footer").
const FURNITURE_WORDS: [&str; 30] = [
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "comment",
    "sidebar",
    "footer",
    "header",
    "masthead",
    "nav",
    "navbar",
    "menu",
    "popup",
    "hidden",
    "skip",
    "sr",
];

/// Elements that start and end a passage.
const BLOCK_TAGS: [&str; 24] = [
    "p",
    "li",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "tr",
    "figcaption",
    "caption",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Passages and links of a page's main text.
#[derive(Debug, Default)]
pub struct Content {
    /// Passages in reading order, numbered from 0.
    pub passages: Vec<Passage>,
    /// Links in the passages, with their visible text.
    pub links: Vec<Link>,
}

/// Reads the main text of `doc`.
pub fn read(doc: &Html) -> Content {
    let counts = text_counts(doc);
    let root = main_root(doc, &counts);
    let root_text = counts.get(&root.id()).map_or(0, |c| c.0);
    let mut reader = Reader {
        counts: &counts,
        root_text,
        content: Content::default(),
        heading: None,
        buffer: String::new(),
        in_heading: false,
        links: Vec::new(),
    };
    reader.walk(root);
    reader.content
}

/// Characters of text and of link text under each element.
type Counts = HashMap<NodeId, (usize, usize)>;

/// Counts text and link text under every node, bottom-up, without recursion.
fn text_counts(doc: &Html) -> Counts {
    let mut counts: Counts = HashMap::new();
    let mut order: Vec<NodeRef<'_, Node>> = Vec::new();
    let mut stack = vec![doc.tree.root()];
    while let Some(n) = stack.pop() {
        order.push(n);
        stack.extend(n.children());
    }
    for n in order.into_iter().rev() {
        let (mut text, mut link) = match n.value() {
            Node::Text(t) => (t.trim().chars().count(), 0),
            _ => (0, 0),
        };
        for c in n.children() {
            if let Some(&(t, l)) = counts.get(&c.id()) {
                text += t;
                link += l;
            }
        }
        if n.value().as_element().is_some_and(|e| e.name() == "a") {
            link = text;
        }
        counts.insert(n.id(), (text, link));
    }
    counts
}

/// The element the main text is read from.
fn main_root<'a>(doc: &'a Html, counts: &Counts) -> NodeRef<'a, Node> {
    let text = |n: &NodeRef<'_, Node>| counts.get(&n.id()).map_or(0, |c| c.0);
    let mut body = None;
    let mut marked = None;
    let mut best_article: Option<NodeRef<'a, Node>> = None;
    let mut main = None;
    for n in doc.tree.root().descendants() {
        let Some(e) = n.value().as_element() else {
            continue;
        };
        match e.name() {
            "body" if body.is_none() => body = Some(n),
            "article" if best_article.is_none_or(|b| text(&n) > text(&b)) => best_article = Some(n),
            "main" if main.is_none() => main = Some(n),
            _ => {}
        }
        if marked.is_none() && e.attr("itemprop") == Some("articleBody") {
            marked = Some(n);
        }
        if main.is_none() && e.attr("role") == Some("main") {
            main = Some(n);
        }
    }
    marked
        .or(best_article)
        .or(main)
        .or(body)
        .unwrap_or_else(|| doc.tree.root())
}

/// True when an element and its content are page furniture.
fn is_furniture(n: &NodeRef<'_, Node>, counts: &Counts, root_text: usize) -> bool {
    let Some(e) = n.value().as_element() else {
        return false;
    };
    let name = e.name();
    if SKIPPED_TAGS.contains(&name) || matches!(name, "header" | "footer" | "h1") {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("role").is_some_and(|r| SKIPPED_ROLES.contains(&r)) {
        return true;
    }
    let named = e.classes().chain(e.id()).any(|token| {
        token
            .split(['-', '_'])
            .any(|part| FURNITURE_WORDS.contains(&part.to_ascii_lowercase().as_str()))
    });
    let (text, link) = counts.get(&n.id()).copied().unwrap_or((0, 0));
    if named && text * 2 < root_text.max(1) {
        return true;
    }
    matches!(name, "ul" | "ol" | "div" | "section" | "table" | "dl") && text > 0 && link * 2 > text
}

/// The state of one walk over the main text.
struct Reader<'c> {
    counts: &'c Counts,
    /// Characters of text under the root: a block named like furniture is only dropped when
    /// it holds less than half of them (a "has-sidebar" wrapper around the article is not).
    root_text: usize,
    content: Content,
    heading: Option<String>,
    buffer: String,
    in_heading: bool,
    /// Open links: their URL and where their text starts in the buffer.
    links: Vec<(String, usize)>,
}

/// A step of the walk: enter a node, or leave an element.
enum Step<'a> {
    Enter(NodeRef<'a, Node>),
    Leave(NodeRef<'a, Node>),
}

impl Reader<'_> {
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(n) => {
                    match n.value() {
                        Node::Text(t) => {
                            self.text(t);
                            continue;
                        }
                        Node::Element(_) => {}
                        Node::Document | Node::Fragment => {}
                        _ => continue,
                    }
                    if n.id() != root.id() && is_furniture(&n, self.counts, self.root_text) {
                        continue;
                    }
                    self.enter(&n);
                    stack.push(Step::Leave(n));
                    let children: Vec<_> = n.children().collect();
                    stack.extend(children.into_iter().rev().map(Step::Enter));
                }
                Step::Leave(n) => self.leave(&n),
            }
        }
        self.flush();
    }

    fn text(&mut self, t: &str) {
        if t.starts_with(char::is_whitespace) && !self.buffer.ends_with(' ') {
            self.buffer.push(' ');
        }
        let mut words = t.split_whitespace().peekable();
        while let Some(w) = words.next() {
            self.buffer.push_str(w);
            if words.peek().is_some() {
                self.buffer.push(' ');
            }
        }
        if t.ends_with(char::is_whitespace) && !t.trim().is_empty() {
            self.buffer.push(' ');
        }
    }

    fn enter(&mut self, n: &NodeRef<'_, Node>) {
        let Some(e) = n.value().as_element() else {
            return;
        };
        let name = e.name();
        if BLOCK_TAGS.contains(&name) {
            self.flush();
            self.in_heading = matches!(name, "h2" | "h3" | "h4");
        }
        match name {
            "br" => self.buffer.push(' '),
            "td" | "th" if !self.buffer.is_empty() && !self.buffer.ends_with(' ') => {
                self.buffer.push(' ');
            }
            "a" => {
                if let Some(href) = e.attr("href").map(str::trim) {
                    let local = href.is_empty()
                        || href.starts_with('#')
                        || href.to_ascii_lowercase().starts_with("javascript:");
                    if !local {
                        self.links.push((href.to_string(), self.buffer.len()));
                    }
                }
            }
            _ => {}
        }
    }

    fn leave(&mut self, n: &NodeRef<'_, Node>) {
        let Some(e) = n.value().as_element() else {
            return;
        };
        let name = e.name();
        if name == "a" && e.attr("href").is_some() {
            // Only links this element opened (an unusable href opened none).
            let opened = self
                .links
                .last()
                .is_some_and(|(url, _)| Some(url.as_str()) == e.attr("href").map(str::trim));
            if opened {
                if let Some((url, start)) = self.links.pop() {
                    let text = collapse_spaces(self.buffer.get(start..).unwrap_or(""));
                    if !text.is_empty() && !self.in_heading {
                        self.content.links.push(Link { text, url });
                    }
                }
            }
        }
        if BLOCK_TAGS.contains(&name) {
            self.flush();
            self.in_heading = false;
        }
    }

    /// Ends the current passage (or heading).
    fn flush(&mut self) {
        let text = collapse_spaces(&self.buffer);
        self.buffer.clear();
        for link in &mut self.links {
            link.1 = 0;
        }
        if text.is_empty() {
            return;
        }
        if self.in_heading {
            self.heading = Some(text);
            return;
        }
        self.content.passages.push(Passage {
            index: self.content.passages.len(),
            heading: self.heading.clone(),
            text,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passages(page: &str) -> Vec<(Option<String>, String)> {
        read(&Html::parse_document(page))
            .passages
            .into_iter()
            .map(|p| (p.heading, p.text))
            .collect()
    }

    #[test]
    fn article_text_without_furniture() {
        let page = r##"<body><nav><a href="/">Home</a></nav>
          <article><header><h1>Title</h1><p class="byline">By Ann Lee</p></header>
          <p>First <a href="https://ex.org/a">linked</a> paragraph.</p>
          <div class="share-bar"><a href="#">Share</a></div>
          <h2>Next Steps</h2><ul><li>One item</li><li>Two item</li></ul>
          <aside>Pull quote</aside></article>
          <footer>Copyright</footer></body>"##;
        let got = passages(page);
        assert_eq!(
            got,
            vec![
                (None, "First linked paragraph.".to_string()),
                (Some("Next Steps".to_string()), "One item".to_string()),
                (Some("Next Steps".to_string()), "Two item".to_string()),
            ]
        );
        let links = read(&Html::parse_document(page)).links;
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].text, "linked");
    }

    #[test]
    fn link_dense_lists_are_dropped() {
        let page = r#"<main><p>Body text that is long enough to count.</p>
          <ul><li><a href="/a">Other brief one</a></li><li><a href="/b">Other brief two</a></li></ul></main>"#;
        assert_eq!(passages(page).len(), 1);
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 50_000;
        let page = format!(
            "<body>{}<p>deep text</p>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let got = passages(&page);
        assert_eq!(got.last().map(|p| p.1.as_str()), Some("deep text"));
    }
}
