//! The body of a brief: an untitled opening and two to five headed sections of paragraphs,
//! one of which may carry a timeline, sized to a byte budget.

use chrono::NaiveDate;

use super::ctx::Ctx;
use super::data::{self, templates as tpl};

/// A body block: a paragraph or a bullet list (with an optional blank line inside it).
pub(super) enum Block {
    Para(String),
    List(Vec<String>, Option<usize>),
}

impl Block {
    /// About the bytes the block takes on the page, trailing blank line included; the body
    /// is sized with it.
    pub(super) fn len(&self) -> usize {
        match self {
            Block::Para(p) => p.len() + 2,
            Block::List(items, _) => items.iter().map(|i| i.len() + 1).sum::<usize>() + 2,
        }
    }
}

/// A body section: an optional heading (the opening has none) and its blocks.
pub(super) struct Section {
    pub(super) heading: Option<String>,
    pub(super) blocks: Vec<Block>,
}

/// Writes the body: an untitled opening, then 2–5 headed sections, one of which may hold the
/// timeline; the last section argues what to do.
pub(super) fn body(ctx: &mut Ctx, kind: &str, budget: usize) -> (Vec<Section>, Vec<NaiveDate>) {
    let n_headed = match budget {
        0..=3_999 => 2,
        4_000..=6_499 => ctx.rng.range(2, 3),
        6_500..=8_999 => ctx.rng.range(3, 4),
        _ => ctx.rng.range(3, 5),
    };
    let mut headings: Vec<String> = Vec::new();
    for i in 0..n_headed {
        let h = if i == 0 && ctx.rng.chance(60) {
            ctx.heading(tpl::HEADINGS_OPEN, 10, &headings)
        } else if i + 1 == n_headed && ctx.rng.chance(75) {
            ctx.heading(tpl::HEADINGS_CLOSE, 12, &headings)
        } else {
            ctx.heading(tpl::HEADINGS_MID, 11, &headings)
        };
        headings.push(h);
    }
    let timeline_at = ctx
        .rng
        .chance(82)
        .then(|| ctx.rng.weighted(&[3, 5, 3, 1, 1][..n_headed.min(4)]));
    let mut timeline_dates = Vec::new();
    let mut sections: Vec<Section> = Vec::with_capacity(n_headed + 1);
    let mut used = 0usize;
    for s in 0..=n_headed {
        let heading = s.checked_sub(1).map(|i| headings[i].clone());
        used += heading.as_ref().map_or(0, |h| h.len() + 2);
        let left = n_headed + 1 - s;
        let share = budget.saturating_sub(used) / left;
        let closing = s == n_headed && s > 0;
        let share = match s {
            0 => share.min(1_500),
            _ if closing => share.min(2_200),
            _ => share,
        };
        let mut blocks: Vec<Block> = Vec::new();
        let mut here = 0usize;
        if s == 0 && kind == "Testimony" {
            let frame = ctx.rng.pick(tpl::TESTIMONY_OPENERS);
            let mut p = ctx.sentence(frame);
            p.push(' ');
            p.push_str(&ctx.paragraph(2, false));
            here += p.len() + 2;
            blocks.push(Block::Para(p));
        }
        loop {
            let sentences = if s == 0 {
                ctx.rng.range(2, 4)
            } else {
                ctx.rng.range(3, 6)
            };
            let mut p = ctx.paragraph(sentences, closing);
            let wants_timeline = timeline_at == Some(s) && timeline_dates.is_empty();
            if wants_timeline {
                let room = budget.saturating_sub(used + here + p.len()) / 230;
                let k = ctx.rng.range(3, 10).min(room.max(3));
                let intro = ctx.rng.pick(tpl::TIMELINE_INTROS);
                p.push(' ');
                p.push_str(intro);
                here += p.len() + 2;
                blocks.push(Block::Para(p));
                let (items, dates) = ctx.timeline(k);
                let gap = (items.len() > 4 && ctx.rng.chance(12))
                    .then(|| ctx.rng.range(2, items.len() - 1));
                let list = Block::List(items, gap);
                here += list.len();
                blocks.push(list);
                timeline_dates = dates;
                if ctx.rng.chance(50) {
                    continue;
                }
            } else {
                here += p.len() + 2;
                blocks.push(Block::Para(p));
            }
            if here + 350 >= share {
                break;
            }
        }
        used += here;
        if closing && kind == "Articles & Op-Eds" {
            let outlet = ctx.rng.pick(data::OUTLETS);
            blocks.push(Block::Para(format!(
                "This article was originally published in {outlet}."
            )));
        }
        sections.push(Section { heading, blocks });
    }
    (sections, timeline_dates)
}
