//! Inline markup of saved briefs reduced to the text a reader saw.
//!
//! Saved pages carry three link shapes: `[text \(url\)](url)` (the anchor text was saved with its
//! URL in escaped parentheses), plain `[text](url)`, and `**text** (<url>)` (an emphasised
//! phrase followed by its target as an autolink). All become their visible text, with the target
//! recorded as a [`Link`]. Emphasis markers and backslash escapes are removed. Unbalanced markup
//! is kept as literal text, so nothing a writer typed is ever lost.

use crate::model::Link;
use crate::text::space::collapse_spaces;

/// Result of reducing one piece of inline markup.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Inline {
    /// Visible text.
    pub text: String,
    /// Links in order of appearance.
    pub links: Vec<Link>,
}

/// Reduces inline Markdown to plain visible text and the links it carried.
pub fn reduce(input: &str) -> Inline {
    let mut out = Inline::default();
    let mut last_emphasis: Option<(usize, usize)> = None;
    reduce_into(input, &mut out, &mut last_emphasis);
    out.text = collapse_spaces(&out.text);
    out
}

/// The longest link label, link target or emphasised span looked for, in bytes. Bounding the
/// search keeps reduction linear on hostile input (100,000 nested brackets).
const MAX_SPAN: usize = 4096;

/// Punctuation a backslash may escape in Markdown.
fn is_escapable(c: char) -> bool {
    c.is_ascii_punctuation()
}

fn reduce_into(input: &str, out: &mut Inline, last_emphasis: &mut Option<(usize, usize)>) {
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < input.len() {
        let c = input[i..].chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                let next = input[i + 1..].chars().next();
                match next {
                    Some(n) if is_escapable(n) => {
                        out.text.push(n);
                        i += 1 + n.len_utf8();
                    }
                    _ => {
                        out.text.push('\\');
                        i += 1;
                    }
                }
            }
            '[' => {
                if let Some((label_end, url, after)) = link_at(input, i) {
                    let label = &input[i + 1..label_end];
                    let mut inner = Inline::default();
                    let mut inner_emph = None;
                    reduce_into(label, &mut inner, &mut inner_emph);
                    let visible = strip_saved_url(inner.text.trim(), &url);
                    out.text.push_str(&visible);
                    out.links.push(Link { text: visible, url });
                    out.links.extend(inner.links);
                    *last_emphasis = None;
                    i = after;
                } else {
                    out.text.push('[');
                    i += 1;
                }
            }
            '<' => {
                if let Some((url, after)) = autolink_at(input, i) {
                    out.text.push_str(&url);
                    out.links.push(Link {
                        text: url.clone(),
                        url,
                    });
                    i = after;
                } else {
                    out.text.push('<');
                    i += 1;
                }
            }
            '(' if input[i..].starts_with("(<") => {
                // `**text** (<url>)`: the autolink belongs to the emphasised phrase just before it.
                if let Some((url, after)) = autolink_at(input, i + 1) {
                    if input[after..].starts_with(')') {
                        // The recorded span may be stale when nested markup shortened the text.
                        let emph_text = last_emphasis
                            .filter(|&(_, end)| {
                                out.text
                                    .get(end..)
                                    .is_some_and(|rest| rest.trim().is_empty())
                            })
                            .and_then(|(start, end)| out.text.get(start..end).map(str::to_string));
                        match emph_text {
                            Some(t) => {
                                let trimmed = out.text.trim_end().len();
                                out.text.truncate(trimmed);
                                out.links.push(Link { text: t, url });
                            }
                            None => {
                                out.text.push('(');
                                out.text.push_str(&url);
                                out.text.push(')');
                                out.links.push(Link {
                                    text: url.clone(),
                                    url,
                                });
                            }
                        }
                        *last_emphasis = None;
                        i = after + 1;
                        continue;
                    }
                }
                out.text.push('(');
                i += 1;
            }
            '*' | '_' => {
                let run = input[i..].bytes().take_while(|&b| b == bytes[i]).count();
                if run == 4 && c == '*' && glued(input, i, run) {
                    // "**Note****s**": one bold span closed and reopened inside a word.
                    i += run;
                    continue;
                }
                if let Some(close) = emphasis_close(input, i, run) {
                    let start = out.text.len();
                    reduce_into(&input[i + run..close], out, last_emphasis);
                    *last_emphasis = Some((start, out.text.len()));
                    i = close + run;
                } else {
                    out.text.push_str(&input[i..i + run]);
                    i += run;
                }
            }
            _ => {
                out.text.push(c);
                i += c.len_utf8();
            }
        }
    }
}

/// If a well-formed `[label](url)` starts at `open`, returns (label end, url, index after).
fn link_at(s: &str, open: usize) -> Option<(usize, String, usize)> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut j = open;
    let label_end = loop {
        if j >= bytes.len() || j - open > MAX_SPAN {
            return None;
        }
        match bytes[j] {
            b'\\' => j += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            b'\n' if j > open && bytes.get(j + 1) == Some(&b'\n') => return None,
            _ => {}
        }
        j += 1;
    };
    if bytes.get(label_end + 1) != Some(&b'(') {
        return None;
    }
    let url_start = label_end + 2;
    let mut k = url_start;
    let mut paren = 0usize;
    while k < bytes.len() && k - url_start <= MAX_SPAN {
        match bytes[k] {
            b'\\' => k += 1,
            b'(' => paren += 1,
            b')' if paren == 0 => {
                let url = s[url_start..k].trim();
                if url.contains(char::is_whitespace) && !url.contains(" \"") {
                    return None;
                }
                let url = url
                    .split(" \"")
                    .next()
                    .unwrap_or(url)
                    .trim_matches(['<', '>']);
                return Some((label_end, url.to_string(), k + 1));
            }
            b')' => paren -= 1,
            b' ' | b'\n' if k == url_start => return None,
            _ => {}
        }
        k += 1;
    }
    None
}

/// If `<scheme://...>` or `<mailto:...>` starts at `open`, returns (url, index after `>`).
fn autolink_at(s: &str, open: usize) -> Option<(String, usize)> {
    let rest = &s[open + 1..];
    let end = rest.bytes().take(MAX_SPAN).position(|b| b == b'>')?;
    let url = &rest[..end];
    let looks_like_url =
        (url.starts_with("http://") || url.starts_with("https://") || url.starts_with("mailto:"))
            && !url.contains(char::is_whitespace);
    looks_like_url.then(|| (url.to_string(), open + 1 + end + 1))
}

/// Finds the closing run for an emphasis opener of `run` markers at `open`.
///
/// Follows CommonMark's flanking idea closely enough for briefs: the opener must be followed by
/// a non-space, the closer preceded by one, and `_` never closes inside a word (`snake_case`).
fn emphasis_close(s: &str, open: usize, run: usize) -> Option<usize> {
    if run > 3 {
        return None;
    }
    let marker = s.as_bytes()[open];
    let after = s[open + run..].chars().next()?;
    if after.is_whitespace() {
        return None;
    }
    if marker == b'_' {
        if let Some(before) = s[..open].chars().next_back() {
            if before.is_alphanumeric() {
                return None;
            }
        }
    }
    let needle = &s[open..open + run];
    let mut from = open + run;
    while let Some(pos) = s[from..].find(needle) {
        let close = from + pos;
        if close - open > MAX_SPAN {
            return None;
        }
        let before = s[..close].chars().next_back()?;
        let next_is_marker = s.as_bytes().get(close + run) == Some(&marker);
        let after_ok = marker != b'_'
            || !s[close + run..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric());
        if close > open + run && !before.is_whitespace() && !next_is_marker && after_ok {
            if s[open + run..close].contains("\n\n") {
                return None;
            }
            return Some(close);
        }
        from = close + run.max(1);
        while s.as_bytes().get(from) == Some(&marker) {
            from += 1;
        }
    }
    lenient_close(s, open, run)
}

/// True when the marker run at `at` sits between two non-space characters.
fn glued(s: &str, at: usize, run: usize) -> bool {
    let before = s[..at].chars().next_back();
    let after = s[at + run..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && after.is_some_and(|c| !c.is_whitespace())
}

/// Pages converted from HTML often keep the space inside the bold span ("**Source: **CRS",
/// "**Oversight. **Any agreement"): when no regular closer exists, the next `**` run that
/// follows a space and runs straight into a word closes the span.
fn lenient_close(s: &str, open: usize, run: usize) -> Option<usize> {
    let marker = s.as_bytes()[open];
    if marker != b'*' {
        return None;
    }
    let from = open + run;
    let close = from + s[from..].find(&s[open..open + run])?;
    let before = s[..close].chars().next_back()?;
    let after = s[close + run..].chars().next()?;
    let inner = &s[from..close];
    let ok = close - open <= MAX_SPAN
        && before.is_whitespace()
        && after.is_alphanumeric()
        && !inner.trim().is_empty()
        && !inner.contains("\n\n");
    ok.then_some(close)
}

/// Removes the saved-page artefact ` (url)` from the end of an anchor's text.
fn strip_saved_url(visible: &str, url: &str) -> String {
    if let Some(open) = visible.rfind(" (") {
        if visible.ends_with(')') {
            let inner = &visible[open + 2..visible.len() - 1];
            let looks_like_url = inner == url
                || inner.starts_with('/')
                || inner.starts_with("http://")
                || inner.starts_with("https://");
            if looks_like_url && open > 0 {
                return visible[..open].trim_end().to_string();
            }
        }
    }
    visible.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(text: &str, url: &str) -> Link {
        Link {
            text: text.into(),
            url: url.into(),
        }
    }

    #[test]
    fn saved_link_keeps_visible_text() {
        let r =
            reduce("push for [legitimacy \\(https://ex.org/a-b\\)](https://ex.org/a-b) and more");
        assert_eq!(r.text, "push for legitimacy and more");
        assert_eq!(r.links, vec![link("legitimacy", "https://ex.org/a-b")]);
    }

    #[test]
    fn relative_link_kept_as_written() {
        let r = reduce("[Dana Whitfield \\(/experts/dana-whitfield\\)](/experts/dana-whitfield)");
        assert_eq!(r.text, "Dana Whitfield");
        assert_eq!(
            r.links,
            vec![link("Dana Whitfield", "/experts/dana-whitfield")]
        );
    }

    #[test]
    fn emphasis_then_autolink_becomes_one_link() {
        let r = reduce("suffered a **deadly attack** (<https://ex.org/x>) in Shiraz");
        assert_eq!(r.text, "suffered a deadly attack in Shiraz");
        assert_eq!(r.links, vec![link("deadly attack", "https://ex.org/x")]);
    }

    #[test]
    fn escapes_and_emphasis_removed() {
        let r = reduce("pledging \\$100 million, *not* __all__ of it; snake_case stays");
        assert_eq!(
            r.text,
            "pledging $100 million, not all of it; snake_case stays"
        );
    }

    #[test]
    fn unbalanced_markup_is_literal() {
        assert_eq!(
            reduce("see [the report \\(https://x.org").text,
            "see [the report (https://x.org"
        );
        assert_eq!(reduce("a [b](c d e").text, "a [b](c d e");
        assert_eq!(reduce("2 * 3 = 6 and **open").text, "2 * 3 = 6 and **open");
        assert_eq!(reduce("a <not a link> b").text, "a <not a link> b");
        assert_eq!(reduce("trailing \\").text, "trailing \\");
    }

    /// Found by `scripts/fuzz.sh`: an autolink inside emphasis shortened the text under a
    /// recorded emphasis span, and slicing it panicked.
    #[test]
    fn regression_nested_autolink_in_emphasis() {
        let r = reduce("- **May 3, 2022:** **(<https://x.org/a>)**(<https://x.org/a>)");
        assert!(r.text.starts_with("- May 3, 2022:"), "{}", r.text);
        assert_eq!(r.links.len(), 2);
    }

    /// Saved congress.gov pages (issue 13) keep the space inside bold labels and split one
    /// bold word into several spans.
    #[test]
    fn bold_labels_from_converted_html() {
        assert_eq!(
            reduce("**Source: **CRS analysis.").text,
            "Source: CRS analysis."
        );
        assert_eq!(
            reduce("**Oversight. **Any agreement and **bold** here").text,
            "Oversight. Any agreement and bold here"
        );
        assert_eq!(reduce("**Note****s****:** Counts").text, "Notes: Counts");
        assert_eq!(reduce("a ** b").text, "a ** b");
        assert_eq!(reduce("**open and **").text, "**open and **");
    }

    #[test]
    fn bare_autolink_keeps_url_as_text() {
        let r = reduce("see <https://ex.org/p> now");
        assert_eq!(r.text, "see https://ex.org/p now");
        assert_eq!(r.links, vec![link("https://ex.org/p", "https://ex.org/p")]);
    }
}
