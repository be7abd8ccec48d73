//! One whole brief page in the saved-page format: header (title, byline, date, author bios,
//! kind, standfirst), body, and tail (tagline, recommended briefs, topic and region tags),
//! sized to its kind's range, styled, and named by the hash of its text.

use chrono::{Datelike, Duration, NaiveDate};

use super::body::{body, Block, Section};
use super::ctx::Ctx;
use super::data::templates as tpl;
use super::english::slugify;
use super::FILES_PER_FOLDER;
use crate::text::date::MONTHS_SHORT;
use crate::text::rng::Rng;

/// The kinds of piece, with their share of the archive and their size range in bytes.
const KINDS: &[(&str, u64, usize, usize)] = &[
    ("Brief Analysis", 36, 5_800, 11_000),
    ("PolicyWatch", 20, 6_200, 11_500),
    ("Articles & Op-Eds", 14, 5_500, 8_500),
    ("Research Notes", 9, 5_800, 9_500),
    ("Policy Notes", 9, 9_000, 13_800),
    ("In-Depth Reports", 6, 11_000, 14_000),
    ("Testimony", 6, 8_000, 12_500),
];

/// The page date line: "Mar 3, 2023".
fn date_line(d: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        MONTHS_SHORT[d.month0() as usize],
        d.day(),
        d.year()
    )
}

/// What the generator meant a brief to say, kept beside the text so tests can check that the
/// parser reads back exactly this.
#[derive(Debug, Clone)]
#[cfg_attr(not(test), allow(dead_code))]
pub(super) struct Draft {
    pub(super) file: String,
    pub(super) text: String,
    pub(super) title: String,
    pub(super) authors: Vec<(String, String)>,
    pub(super) date: NaiveDate,
    pub(super) kind: &'static str,
    pub(super) summary: String,
    pub(super) headings: Vec<String>,
    pub(super) timeline: Vec<NaiveDate>,
    pub(super) topics: Vec<String>,
    pub(super) regions: Vec<String>,
    pub(super) broken_paragraph: bool,
}

/// Builds brief `n` of `seed` with everything the tests need to check it.
pub(super) fn compose(seed: u64, n: usize) -> Draft {
    let mut ctx = Ctx::new(seed, n);
    let w = ctx.w;
    ctx.date = ctx.pub_date();
    ctx.ap_months = ctx.rng.chance(12);
    ctx.links_left = ctx.rng.range(1, 4);
    let curly = ctx.rng.chance(35);
    let kind_weights: Vec<u64> = KINDS.iter().map(|k| k.1).collect();
    let (kind, _, lo, hi) = KINDS[ctx.rng.weighted(&kind_weights)];
    let authors = ctx.choose_authors();
    ctx.choose_setting(authors[0]);
    ctx.choose_cast();

    let title = ctx.title();
    let standfirst = if kind == "Testimony" {
        let frame = *ctx.rng.pick(tpl::STANDFIRSTS_TESTIMONY);
        ctx.sentence(frame)
    } else {
        let frame = ctx.fresh(tpl::STANDFIRSTS, 7);
        ctx.sentence(frame)
    };

    // Header: title, byline, date, bios, kind, standfirst.
    let link = |e: usize| {
        let ex = &w.experts[e];
        format!("[{} \\({}\\)]({})", ex.def.name, ex.url, ex.url)
    };
    let byline = match authors.len() {
        1 => link(authors[0]),
        2 => format!("{} and {}", link(authors[0]), link(authors[1])),
        _ => {
            let mut parts: Vec<String> = authors.iter().map(|&a| link(a)).collect();
            let last = parts.pop().unwrap_or_default();
            format!("{}, and {last}", parts.join(", "))
        }
    };
    let mut header = format!(
        "\n\n{title}\n\nby {byline}\n\n{}\n\nABOUT THE AUTHORS\n\n\n\n",
        date_line(ctx.date)
    );
    for &a in &authors {
        let ex = w.experts[a].def;
        header.push_str(&format!(
            "{}\n\n{} is {} at the Larkspur Institute, where {}.\n\n\n\n",
            link(a),
            ex.name,
            ex.title,
            ex.focus
        ));
    }
    header.push_str(&format!("{kind}\n\n{standfirst}\n\n"));

    // Tail: tagline, recommended briefs, tags.
    let tagline = {
        let said: Vec<String> = authors
            .iter()
            .map(|&a| format!("{} is {}", w.experts[a].def.short, w.experts[a].def.title))
            .collect();
        match said.len() {
            1 => format!("{} at the Larkspur Institute.", said[0]),
            2 => format!(
                "{} at the Larkspur Institute, and {} there.",
                said[0], said[1]
            ),
            _ => format!(
                "{}, {}, and {} at the Larkspur Institute.",
                said[0], said[1], said[2]
            ),
        }
    };
    let mut tail = format!("{tagline} ❖\n\nRECOMMENDED\n\n\n\n");
    let mut seen_titles = vec![title.clone()];
    for _ in 0..ctx.rng.range(2, 3) {
        let mut other = ctx.title();
        for _ in 0..20 {
            if !seen_titles.contains(&other) {
                break;
            }
            other = ctx.title();
        }
        seen_titles.push(other.clone());
        let other_kind = KINDS[ctx.rng.weighted(&kind_weights)].0.to_uppercase();
        let when = date_line(ctx.date - Duration::days(ctx.rng.below(7) as i64));
        let mut names: Vec<&str> = vec![w.experts[ctx.rng.zipf(w.experts.len())].def.name];
        if ctx.rng.chance(30) {
            let second = w.experts[ctx.rng.zipf(w.experts.len())].def.name;
            if !names.contains(&second) {
                names.push(second);
            }
        }
        let shown = match other.split_once(": ") {
            Some((a, b)) if ctx.rng.chance(50) => format!("{a}:\n\n{b}"),
            _ => other.clone(),
        };
        tail.push_str(&format!(
            "{other_kind}\n\n{shown}\n\n{when}\n\n◆\n{}\n\n(/policy-analysis/{})\n\n\n\n",
            names.join(",\n"),
            slugify(&other)
        ));
    }
    let topics: Vec<String> = ctx
        .topics
        .iter()
        .map(|&t| w.topics[t].def.name.to_string())
        .collect();
    let mut regions: Vec<String> = ctx
        .regions
        .iter()
        .map(|&r| w.regions[r].def.tag.to_string())
        .collect();
    if let Some(supra) = w.regions[ctx.regions[0]].def.supra {
        if regions.len() < 4 && ctx.rng.chance(35) {
            regions.push(supra.to_string());
        }
    }
    let tag_line = |name: &String| format!("{name} (/policy-analysis/{})", slugify(name));
    tail.push_str("TOPICS\n\n");
    tail.push_str(&topics.iter().map(tag_line).collect::<Vec<_>>().join("\n\n"));
    tail.push_str("\n\nREGIONS & COUNTRIES\n\n");
    tail.push_str(
        &regions
            .iter()
            .map(tag_line)
            .collect::<Vec<_>>()
            .join("\n\n"),
    );
    tail.push('\n');

    // Body, sized to land the whole page inside the kind's range.
    let target = ctx.rng.range(lo, hi);
    let budget = target.saturating_sub(header.len() + tail.len()).max(2_500);
    let (mut sections, timeline) = body(&mut ctx, kind, budget);
    let size = |s: &[Section]| -> usize {
        s.iter()
            .map(|sec| {
                sec.heading.as_ref().map_or(0, |h| h.len() + 2)
                    + sec.blocks.iter().map(Block::len).sum::<usize>()
            })
            .sum()
    };
    let fixed = header.len() + tail.len();
    while fixed + size(&sections) < 5_300 {
        let p = ctx.paragraph(3, false);
        if let Some(last) = sections.last_mut() {
            let at = last
                .blocks
                .len()
                .saturating_sub(usize::from(kind == "Articles & Op-Eds"));
            last.blocks.insert(at, Block::Para(p));
        }
    }
    while fixed + size(&sections) > 14_700 {
        // Only a closing paragraph that neither stands alone nor introduces a list may go.
        let Some(last) = sections.last_mut() else {
            break;
        };
        let keep_end = usize::from(kind == "Articles & Op-Eds");
        let Some(at) = last.blocks.len().checked_sub(1 + keep_end) else {
            break;
        };
        let removable = at > 0
            && matches!(last.blocks[at], Block::Para(_))
            && !matches!(last.blocks.get(at + 1), Some(Block::List(..)));
        if !removable {
            break;
        }
        last.blocks.remove(at);
    }

    // Occasionally a paragraph is broken mid-sentence across a blank line, as page breaks do.
    let paras: Vec<(usize, usize)> = sections
        .iter()
        .enumerate()
        .flat_map(|(s, sec)| {
            sec.blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b, Block::Para(p) if p.len() > 300))
                .map(move |(b, _)| (s, b))
        })
        .collect();
    let mut broken_paragraph = false;
    if !paras.is_empty() && ctx.rng.chance(22) {
        let (s, b) = paras[ctx.rng.below(paras.len())];
        if let Block::Para(p) = &sections[s].blocks[b] {
            if let Some(at) = break_point(p, &mut ctx.rng) {
                let mut q = p.clone();
                q.replace_range(at..at + 1, "\n\n");
                sections[s].blocks[b] = Block::Para(q);
                broken_paragraph = true;
            }
        }
    }

    let mut text = header;
    for sec in &sections {
        if let Some(h) = &sec.heading {
            text.push_str(h);
            text.push_str("\n\n");
        }
        for block in &sec.blocks {
            match block {
                Block::Para(p) => text.push_str(p),
                Block::List(items, gap) => {
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            text.push('\n');
                            if *gap == Some(i) {
                                text.push('\n');
                            }
                        }
                        text.push_str(item);
                    }
                }
            }
            text.push_str("\n\n");
        }
    }
    text.push_str(&tail);

    let style = |s: &str| {
        if curly {
            s.replace('\'', "’")
        } else {
            s.to_string()
        }
    };
    let text = style(&text);
    let file = format!(
        "{:03}/{:06}_{:016x}.txt",
        n / FILES_PER_FOLDER,
        n,
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    );
    Draft {
        file,
        text,
        title: style(&title),
        authors: authors
            .iter()
            .map(|&a| (w.experts[a].def.name.to_string(), w.experts[a].url.clone()))
            .collect(),
        date: ctx.date,
        kind,
        summary: style(&standfirst),
        headings: sections
            .iter()
            .filter_map(|s| s.heading.as_deref().map(style))
            .collect(),
        timeline,
        topics,
        regions,
        broken_paragraph,
    }
}

/// A space in `p` where breaking leaves a first part ending in a letter and a second part
/// starting with a lower-case letter, outside any link or emphasis.
fn break_point(p: &str, rng: &mut Rng) -> Option<usize> {
    let bytes = p.as_bytes();
    let mut depth = 0i32;
    let mut stars = 0usize;
    let mut candidates = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' | b'(' | b'<' => depth += 1,
            b']' | b')' | b'>' => depth -= 1,
            b'*' => stars += 1,
            b' ' if depth == 0
                && stars.is_multiple_of(2)
                && i > p.len() / 4
                && i < p.len() * 3 / 4
                && bytes[i - 1].is_ascii_alphabetic()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) =>
            {
                candidates.push(i)
            }
            _ => {}
        }
    }
    (!candidates.is_empty()).then(|| candidates[rng.below(candidates.len())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_bytes, Format};
    use crate::synth::render;
    use std::collections::{BTreeMap, BTreeSet};

    /// Parses one saved page and enriches it as ingest does.
    fn parse(text: &str) -> crate::Brief {
        let mut file = parse_bytes(text.as_bytes(), "x.txt", Format::Saved).expect("parses");
        assert_eq!(file.briefs.len(), 1);
        let mut brief = file.briefs.remove(0);
        crate::extract::enrich(&mut brief);
        brief
    }

    #[test]
    fn briefs_are_5_to_15_kb() {
        for n in 0..200 {
            let (_, text) = render(11, n);
            assert!(
                (5_120..=15_000).contains(&text.len()),
                "brief {n} has {} bytes",
                text.len()
            );
        }
    }

    /// Briefs the round-trip test checks; `SYNTH_CHECK_N` raises it for a deeper run.
    fn check_count() -> usize {
        std::env::var("SYNTH_CHECK_N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(150)
    }

    #[test]
    fn parser_reads_back_what_was_written() {
        let mut broken = 0;
        let seed = std::env::var("SYNTH_CHECK_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3);
        for n in 0..check_count() {
            let d = compose(seed, n);
            let b = parse(&d.text);
            assert!(b.warnings.is_empty(), "brief {n}: {:?}", b.warnings);
            assert_eq!(b.title, d.title, "brief {n}");
            let authors: Vec<(String, String)> = b
                .authors
                .iter()
                .map(|a| (a.name.clone(), a.url.clone().unwrap_or_default()))
                .collect();
            assert_eq!(authors, d.authors, "brief {n}");
            assert_eq!(b.date, Some(d.date), "brief {n}");
            assert_eq!(b.kind.as_deref(), Some(d.kind), "brief {n}");
            assert_eq!(b.summary.as_deref(), Some(d.summary.as_str()), "brief {n}");
            assert_eq!(b.topics, d.topics, "brief {n}");
            assert_eq!(b.regions, d.regions, "brief {n}");

            let mut headings: Vec<String> = Vec::new();
            for p in &b.passages {
                if let Some(h) = &p.heading {
                    if headings.last() != Some(h) {
                        headings.push(h.clone());
                    }
                }
            }
            assert_eq!(headings, d.headings, "brief {n}");
            assert!((2..=5).contains(&headings.len()), "brief {n}: {headings:?}");
            assert!(b.passages.len() >= 6, "brief {n}");
            for p in &b.passages {
                assert!(
                    !p.text.starts_with(|c: char| c.is_lowercase()),
                    "brief {n}: passage {} starts lower case: {}",
                    p.index,
                    p.text
                );
                for furniture in ["❖", "◆", "RECOMMENDED", "ABOUT THE AUTHORS", "\\$", "**"] {
                    assert!(!p.text.contains(furniture), "brief {n}: {}", p.text);
                }
            }

            let timeline: Vec<NaiveDate> = b
                .events
                .iter()
                .filter(|e| {
                    e.passage.is_some_and(|i| {
                        let first = b.passages[i].text.split_whitespace().next().unwrap_or("");
                        crate::text::date::month_number(first).is_some()
                    })
                })
                .map(|e| e.date)
                .collect();
            assert_eq!(timeline, d.timeline, "brief {n}");
            broken += usize::from(d.broken_paragraph);
        }
        assert!(broken >= 10, "only {broken} briefs with a broken paragraph");
    }

    #[test]
    fn archive_has_variety_and_skew() {
        let mut kinds = BTreeSet::new();
        let mut topics = BTreeSet::new();
        let mut regions = BTreeSet::new();
        let mut years = BTreeSet::new();
        let mut authors: BTreeMap<String, usize> = BTreeMap::new();
        let mut coauthored = 0;
        let mut carried = 0;
        let mut shapes = (0, 0, 0);
        let mut words: BTreeSet<String> = BTreeSet::new();
        let n = 400;
        for i in 0..n {
            let d = compose(5, i);
            kinds.insert(d.kind);
            topics.extend(d.topics.iter().cloned());
            regions.extend(d.regions.iter().cloned());
            years.insert(d.date.year());
            for (a, _) in &d.authors {
                *authors.entry(a.clone()).or_default() += 1;
            }
            coauthored += usize::from(d.authors.len() > 1);
            carried += usize::from(d.text.contains(":** ") && d.text.contains("\n- **"));
            shapes.0 += usize::from(d.text.contains("\\(https://"));
            shapes.1 += usize::from(d.text.contains("** (<https://"));
            shapes.2 += usize::from(d.text.contains("\\$"));
            words.extend(
                d.text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() > 2)
                    .map(str::to_lowercase),
            );
        }
        assert!(kinds.len() >= 5, "{kinds:?}");
        assert!(topics.len() >= 12, "{topics:?}");
        assert!(regions.len() >= 20, "{regions:?}");
        assert_eq!(years, (2015..=2025).collect(), "{years:?}");
        assert!(authors.len() >= 15, "{authors:?}");
        assert!(
            (n / 4..n * 3 / 4).contains(&coauthored),
            "{coauthored} co-authored"
        );
        assert!(carried > n / 2, "{carried} with timelines");
        assert!(
            shapes.0 > 20 && shapes.1 > 10 && shapes.2 > 40,
            "{shapes:?}"
        );
        assert!(words.len() > 3_000, "{} distinct words", words.len());
        let mut counts: Vec<usize> = authors.values().copied().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        assert!(counts[0] > 4 * counts[counts.len() / 2], "{counts:?}");
    }
}
