//! The evaluation for people (an overall line, then a table of the worst or of every query)
//! and as a TREC run file for other tools.

use std::fmt::Write;

use super::{EvalReport, QueryResult};
use crate::present::Style;

fn paint(style: Style, code: &str, s: &str) -> String {
    if style.color {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

/// `n` and the noun, singular for 1.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `text` cut to `max` characters, with an ellipsis when cut.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        text.chars().take(max - 1).collect::<String>() + "…"
    }
}

/// The report as `briefs eval` prints it: the overall line, what was skipped, then the
/// `worst` lowest-nDCG queries (every query, in file order, when `worst` is `None`).
pub fn table(r: &EvalReport, worst: Option<usize>, style: Style) -> String {
    let o_ = &r.overall;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        paint(
            style,
            "1",
            &format!(
                "nDCG@{k} {:.4} · MRR@{k} {:.4} · recall@{d} {:.4} · MAP {:.4} · {} queries",
                o_.ndcg,
                o_.mrr,
                o_.recall,
                o_.map,
                o_.queries,
                k = r.k,
                d = r.depth
            )
        )
    );
    let _ = writeln!(
        o,
        "{}",
        paint(
            style,
            "2",
            &format!(
                "top {} briefs a query (per brief {}){}{} · search p50 {:.1} ms, p95 {:.1} ms",
                r.depth,
                r.per_brief,
                if r.words { " · queries as words" } else { "" },
                if r.binary { " · binary grades" } else { "" },
                o_.p50_ms,
                o_.p95_ms
            )
        )
    );
    let mut notes = Vec::new();
    if o_.unjudged > 0 {
        notes.push(format!(
            "{} without a relevant judgment skipped",
            count(o_.unjudged, "query", "queries")
        ));
    }
    if o_.missing > 0 {
        notes.push(format!(
            "{} judged but not in the query file skipped",
            count(o_.missing, "query", "queries")
        ));
    }
    if o_.failed > 0 {
        notes.push(format!(
            "{} failed and scored 0 (errors below)",
            count(o_.failed, "search", "searches")
        ));
    }
    if o_.not_indexed > 0 {
        let relevant: usize = r.per_query.iter().map(|q| q.relevant).sum();
        let hint = if o_.not_indexed * 2 > relevant {
            " (a JSON Lines record's \"id\" is its brief id: do the archive's ids match the judgments'?)"
        } else {
            ""
        };
        notes.push(format!(
            "{} of {relevant} judged relevant documents {} not in the index{hint}",
            o_.not_indexed,
            if o_.not_indexed == 1 { "is" } else { "are" }
        ));
    }
    for n in notes {
        let _ = writeln!(o, "{}", paint(style, "33", &format!("note: {n}")));
    }
    let mut rows: Vec<&QueryResult> = r.per_query.iter().collect();
    match worst {
        Some(n) => {
            rows.sort_by(|a, b| a.ndcg.total_cmp(&b.ndcg).then_with(|| a.id.cmp(&b.id)));
            rows.truncate(n);
            let _ = writeln!(
                o,
                "\nworst {} queries by nDCG@{} (--per-query lists every query):",
                rows.len(),
                r.k
            );
        }
        None => {
            let _ = writeln!(o);
        }
    }
    let id_width = rows.iter().map(|q| q.id.chars().count()).max().unwrap_or(2);
    let _ = writeln!(
        o,
        "{}",
        paint(
            style,
            "2",
            &format!(
                "{:<id_width$}  {:>7}  {:>6}  {:>6}  {:>6}  {:>4}  {:>5}  text",
                "id",
                format!("nDCG@{}", r.k),
                format!("RR@{}", r.k),
                format!("R@{}", r.depth),
                "AP",
                "rel",
                "found"
            )
        )
    );
    for q in rows {
        let _ = writeln!(
            o,
            "{:<id_width$}  {:>7.4}  {:>6.4}  {:>6.4}  {:>6.4}  {:>4}  {:>5}  {}",
            q.id,
            q.ndcg,
            q.mrr,
            q.recall,
            q.ap,
            q.relevant,
            q.relevant_retrieved,
            clip(&q.text, 60)
        );
        if let Some(e) = &q.error {
            let _ = writeln!(o, "{}", paint(style, "33", &format!("  error: {e}")));
        }
    }
    o
}

/// The rankings as a TREC run file (`qid Q0 docid rank score briefs`), one line a retrieved
/// brief. The score column is `depth + 1 - rank`, not the BM25 score: trec_eval re-sorts by
/// score, and a brief from the all-words tier may score below one from the some-words tier
/// that it precedes.
pub fn run_file(r: &EvalReport) -> String {
    let mut o = String::new();
    for q in &r.per_query {
        for (i, doc) in q.ranked.iter().enumerate() {
            let _ = writeln!(
                o,
                "{} Q0 {doc} {} {} briefs",
                q.id,
                i + 1,
                r.depth.saturating_sub(i)
            );
        }
    }
    o
}
