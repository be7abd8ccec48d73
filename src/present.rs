//! Stage 6 of the pipeline: results rendered for people. Machines get the same types as JSON
//! (serde), so the two outputs can never disagree.
//!
//! Colour and bold are used only when asked (`Style::color`), which the CLI decides from
//! `--color` and whether stdout is a terminal.

use std::fmt::Write;

use crate::index::IngestReport;
use crate::model::Brief;
use crate::search::{Counts, SearchResponse};

/// How to decorate text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Emit ANSI bold/dim/colour sequences.
    pub color: bool,
}

impl Style {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn accent(&self, s: &str) -> String {
        self.wrap("1;36", s)
    }
    fn warn(&self, s: &str) -> String {
        self.wrap("33", s)
    }
}

/// Marks the byte ranges of `text` (bold on a colour terminal, `[…]`-free plain otherwise).
pub fn highlight(text: &str, ranges: &[[usize; 2]], style: Style) -> String {
    highlight_in(text, ranges, style, None)
}

/// Like [`highlight`], with the unmarked text drawn in `base` (an SGR code such as "1" for a
/// bold title), so marks inside a title or heading show without ending its style.
fn highlight_in(text: &str, ranges: &[[usize; 2]], style: Style, base: Option<&str>) -> String {
    let plain = |s: &str| match base {
        Some(code) if !s.is_empty() => style.wrap(code, s),
        _ => s.to_string(),
    };
    if !style.color {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut at = 0;
    for &[s, e] in ranges {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&plain(&text[at..s]));
        out.push_str(&style.wrap("1;33", &text[s..e]));
        at = e;
    }
    out.push_str(&plain(&text[at..]));
    out
}

/// A brief as `briefs parse` and `briefs show` print it.
pub fn brief(b: &Brief, style: Style) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{}", style.bold(&b.title));
    let authors: Vec<String> = b
        .authors
        .iter()
        .map(|a| match &a.url {
            Some(u) => format!("{} <{u}>", a.name),
            None => a.name.clone(),
        })
        .collect();
    let date = b.date.map_or("(no date)".to_string(), |d| d.to_string());
    let kind = b.kind.clone().unwrap_or_else(|| "(no kind)".into());
    let _ = writeln!(
        o,
        "{}",
        style.dim(&format!(
            "{date} · {kind} · {}",
            if authors.is_empty() {
                "(no authors)".into()
            } else {
                authors.join(", ")
            }
        ))
    );
    let _ = writeln!(o, "{}", style.dim(&format!("id {} · {}", b.id, b.source)));
    if !b.topics.is_empty() || !b.regions.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            style.dim(&format!(
                "topics: {} · regions: {}",
                b.topics.join(", "),
                b.regions.join(", ")
            ))
        );
    }
    if let Some(s) = &b.summary {
        let _ = writeln!(o, "\n{}", style.accent(s));
    }
    let mut heading: Option<&str> = None;
    for p in &b.passages {
        if p.heading.as_deref() != heading {
            heading = p.heading.as_deref();
            if let Some(h) = heading {
                let _ = writeln!(o, "\n{}", style.bold(&format!("## {h}")));
            }
        }
        let _ = writeln!(o, "\n{} {}", style.dim(&format!("[{}]", p.index)), p.text);
    }
    if !b.events.is_empty() {
        let _ = writeln!(o, "\n{}", style.bold("Timeline"));
        for e in &b.events {
            let _ = writeln!(o, "  {}  {}", style.accent(&e.date.to_string()), e.text);
        }
    }
    if !b.entities.is_empty() {
        let _ = writeln!(o, "\n{}", style.bold("Entities"));
        for e in &b.entities {
            let _ = writeln!(
                o,
                "  {:<14} {} ({})",
                format!("{:?}", e.kind).to_lowercase(),
                e.name,
                e.mentions
            );
        }
    }
    if !b.links.is_empty() {
        let _ = writeln!(o, "\n{}", style.bold("Links"));
        for l in &b.links {
            let _ = writeln!(o, "  {} {}", l.text, style.dim(&format!("<{}>", l.url)));
        }
    }
    for w in &b.warnings {
        let _ = writeln!(o, "{}", style.warn(&format!("warning: {}: {w}", b.source)));
    }
    o
}

fn facet_line(name: &str, counts: &Counts, style: Style, top: usize) -> Option<String> {
    if counts.0.is_empty() {
        return None;
    }
    let shown: Vec<String> = counts
        .0
        .iter()
        .take(top)
        .map(|(k, v)| format!("{k} ({v})"))
        .collect();
    let more = if counts.0.len() > top {
        format!(" … +{}", counts.0.len() - top)
    } else {
        String::new()
    };
    Some(format!(
        "{} {}{more}",
        style.bold(&format!("{name:>8}:")),
        shown.join(", ")
    ))
}

/// Search results as `briefs search` prints them.
pub fn search(r: &SearchResponse, offset: usize, style: Style) -> String {
    let mut o = String::new();
    for c in &r.corrections {
        let _ = writeln!(
            o,
            "{}",
            style.warn(&format!("no results for {}; showing {}", c.from, c.to))
        );
    }
    for n in &r.notes {
        let _ = writeln!(o, "{}", style.warn(&format!("note: {n}")));
    }
    let what = match r.matching.as_str() {
        "some" => " (not all words matched: passages with most of the words follow)",
        _ => "",
    };
    // Lower bounds read "10000+" (the search stopped counting: `track_total_hits`).
    let more = if r.total_relation == "gte" { "+" } else { "" };
    let _ = writeln!(
        o,
        "{}",
        style.dim(&format!(
            "{}{more} passages in {}{more} briefs{what} · {:.1} ms",
            r.total_passages, r.total_briefs, r.took_ms
        ))
    );
    for (i, h) in r.hits.iter().enumerate() {
        let date = h.date.clone().unwrap_or_else(|| "no date".into());
        let mut meta = vec![date];
        if !h.authors.is_empty() {
            meta.push(h.authors.join(", "));
        }
        if let Some(k) = &h.kind {
            meta.push(k.clone());
        }
        let _ = writeln!(
            o,
            "\n{} {}",
            style.accent(&format!("{:>2}.", offset + i + 1)),
            highlight_in(&h.title, &h.title_highlights, style, Some("1"))
        );
        let _ = writeln!(o, "    {}", style.dim(&meta.join(" · ")));
        let place = match (&h.heading, h.passage) {
            (Some(hd), _) => format!(
                "{} {}",
                style.dim("§"),
                highlight_in(hd, &h.heading_highlights, style, Some("2"))
            ),
            (None, None) => style.dim("summary"),
            (None, Some(_)) => style.dim("§ (opening)"),
        };
        let _ = writeln!(
            o,
            "    {place}{}",
            style.dim(&format!(
                " · {} · {} · score {:.2}",
                h.brief_id, h.source, h.score
            ))
        );
        // The crop, or the whole passage for a response read back without one.
        let (text, ranges) = if h.crop.is_empty() {
            (&h.text, &h.highlights)
        } else {
            (&h.crop, &h.crop_highlights)
        };
        let _ = writeln!(o, "    {}", highlight(text, ranges, style));
    }
    if let Some(f) = &r.facets {
        let _ = writeln!(o);
        for (name, counts) in [
            ("topics", &f.topics),
            ("regions", &f.regions),
            ("authors", &f.authors),
            ("kinds", &f.kinds),
            ("years", &f.years),
        ] {
            if let Some(line) = facet_line(name, counts, style, 8) {
                let _ = writeln!(o, "{line}");
            }
        }
    }
    o
}

/// The closing summary of `briefs ingest`.
pub fn ingest(r: &IngestReport, style: Style) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} {} files seen: {} read, {} unchanged, {} removed; {} skipped (not briefs), {} failed",
        style.bold("ingest"),
        r.files_seen,
        r.files_read,
        r.files_unchanged,
        r.files_removed,
        r.skipped.len(),
        r.failed.len()
    );
    let _ = writeln!(
        o,
        "       {} briefs and {} passages indexed, {} briefs removed; index holds {} briefs, {} passages",
        r.briefs_indexed, r.passages_indexed, r.briefs_removed, r.briefs_total, r.passages_total
    );
    let _ = writeln!(
        o,
        "       {:.2} s wall, {:.0} briefs/s, {:.1} MB/s · discover {:.3} s, read+parse {:.3} s, index {:.3} s, commit/merge {:.3} s",
        r.elapsed_secs, r.briefs_per_sec, r.mb_per_sec, r.stages.discover, r.stages.read_parse, r.stages.index, r.stages.commit_merge
    );
    const SHOW: usize = 5;
    for (label, rows) in [("failed", &r.failed), ("warning", &r.warnings)] {
        for row in rows.iter().take(SHOW) {
            let _ = writeln!(
                o,
                "{}",
                style.warn(&format!("{label}: {}: {}", row.path, row.reason))
            );
        }
        if rows.len() > SHOW {
            let _ = writeln!(
                o,
                "{}",
                style.dim(&format!(
                    "… and {} more {label} rows (all in --json)",
                    rows.len() - SHOW
                ))
            );
        }
    }
    o
}

fn kind_name(k: crate::model::EntityKind) -> &'static str {
    match k {
        crate::model::EntityKind::Person => "person",
        crate::model::EntityKind::Organization => "organization",
        crate::model::EntityKind::Place => "place",
    }
}

/// `briefs entities` output: one entity a line with brief and mention counts.
pub fn entities(r: &crate::search::EntitiesResponse, style: Style) -> String {
    let mut o = String::new();
    for c in &r.corrections {
        let _ = writeln!(
            o,
            "{}",
            style.warn(&format!("no results for {}; showing {}", c.from, c.to))
        );
    }
    let _ = writeln!(
        o,
        "{}",
        style.dim(&format!("{} briefs · {:.1} ms", r.total_briefs, r.took_ms))
    );
    let _ = writeln!(o, "{:>6} {:>8}  {:<13} name", "briefs", "mentions", "kind");
    for e in &r.entities {
        let _ = writeln!(
            o,
            "{:>6} {:>8}  {:<13} {}",
            e.briefs,
            e.mentions,
            kind_name(e.kind),
            style.bold(&e.name)
        );
    }
    o
}

/// `briefs timeline` output: date, event, and the brief it comes from.
pub fn timeline(r: &crate::search::TimelineResponse, style: Style) -> String {
    let mut o = String::new();
    for c in &r.corrections {
        let _ = writeln!(
            o,
            "{}",
            style.warn(&format!("no results for {}; showing {}", c.from, c.to))
        );
    }
    let _ = writeln!(
        o,
        "{}",
        style.dim(&format!(
            "{} events (showing {}) · {:.1} ms",
            r.total_events,
            r.events.len(),
            r.took_ms
        ))
    );
    for e in &r.events {
        let _ = writeln!(o, "{}  {}", style.accent(&e.date), e.text);
        let _ = writeln!(
            o,
            "            {}",
            style.dim(&format!("{} · {}", e.title, e.brief_id))
        );
    }
    o
}

/// `briefs extract` output: each mention with its kind, canonical name and byte offsets.
pub fn mentions(ms: &[crate::extract::entities::Mention], style: Style) -> String {
    let mut o = String::new();
    for m in ms {
        let canon = if m.canonical != m.text {
            format!(" → {}", m.canonical)
        } else {
            String::new()
        };
        let _ = writeln!(
            o,
            "{:>7}..{:<7} {:<13} {}{}",
            m.start,
            m.end,
            kind_name(m.kind),
            style.bold(&m.text),
            canon
        );
    }
    o
}

/// The "Cites" and "Cited by" lists under `briefs show`: one brief a line, newest first.
pub fn citations(s: &crate::search::ShownBrief, style: Style) -> String {
    let mut o = String::new();
    for (name, list) in [("Cites", &s.cites), ("Cited by", &s.cited_by)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(o, "\n{}", style.bold(name));
        for r in list {
            let date = r.date.as_deref().unwrap_or("          ");
            let _ = writeln!(o, "  {}  {}  {}", style.dim(&r.id), date, r.title);
        }
    }
    o
}

/// `briefs related` output: the closest briefs, each with what it shares.
pub fn related(r: &crate::search::RelatedResponse, style: Style) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Related to {}", style.bold(&r.title));
    if r.related.is_empty() {
        let _ = writeln!(o, "{}", style.dim("no related briefs in this index"));
    }
    for (i, b) in r.related.iter().enumerate() {
        let meta: Vec<&str> = [b.date.as_deref(), b.kind.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let _ = writeln!(
            o,
            "\n{:>2}. {}  {}",
            i + 1,
            style.bold(&b.title),
            style.dim(&format!("{} · {:.2}", meta.join(" · "), b.score))
        );
        let _ = writeln!(o, "    {}", style.dim(&b.id));
        if !b.why.entities.is_empty() {
            let _ = writeln!(o, "    shares {}", b.why.entities.join(", "));
        }
        if !b.why.terms.is_empty() {
            let _ = writeln!(o, "    words {}", b.why.terms.join(", "));
        }
    }
    o
}
