//! The engine: an open index and a reader, and the search itself (tiers, paging, totals).

use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::collect::merge_capped;
use super::crop;
use super::highlight::HighlightTerms;
use super::names::NamesCache;
use super::newest::NewestFirst;
use super::ordinals::{count_up_to, BriefCounter, BriefLayouts, BriefMatches, Layout};
use super::query;
use super::request::{SearchRequest, Sort};
use super::response::{Hit, SearchResponse};
use super::stats::PassageStats;
use crate::error::{Error, Result};
use crate::index::stored::first_text;
use crate::index::BriefIndex;

/// A reusable searcher over one index; cheap to query many times.
pub struct Engine {
    pub(super) bi: BriefIndex,
    pub(super) reader: tantivy::IndexReader,
    /// The archive's entity names, read once per searcher generation.
    pub(super) names: NamesCache,
    /// Where each segment's briefs lie, for counting and faceting on brief ordinals.
    pub(super) layouts: BriefLayouts,
}

impl Engine {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &std::path::Path) -> Result<Engine> {
        Engine::with_reader(BriefIndex::open(dir)?)
    }

    /// Like [`Engine::open`], but each search spreads its segments over `threads` threads.
    pub fn open_with_threads(dir: &std::path::Path, threads: usize) -> Result<Engine> {
        let mut bi = BriefIndex::open(dir)?;
        bi.index.set_multithread_executor(threads.max(1))?;
        Engine::with_reader(bi)
    }

    /// An engine over `bi` whose reader follows every commit.
    fn with_reader(bi: BriefIndex) -> Result<Engine> {
        let reader = bi
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Engine {
            bi,
            reader,
            names: NamesCache::default(),
            layouts: BriefLayouts::default(),
        })
    }

    /// The index this engine reads.
    pub fn index(&self) -> &BriefIndex {
        &self.bi
    }

    /// A searcher over the latest committed state.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Runs a search.
    ///
    /// Errors: those of [`SearchRequest::validate`] (a date that does not parse, a limit,
    /// offset or per-brief cap out of range, an over-long query), and index errors.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse> {
        let started = std::time::Instant::now();
        req.validate()?;
        let mut parsed = query::parse(&req.query).map_err(Error::Query)?;
        parsed.prefix = req.prefix && ends_with_word(&req.query, &parsed);
        let searcher = self.searcher();
        let filters = self.build_filters(req, &parsed)?;
        let mut resp = SearchResponse {
            query: req.query.clone(),
            notes: parsed.notes.clone(),
            ..SearchResponse::default()
        };
        let per_brief = req.per_brief;
        let want = req.offset + req.limit;

        // Browsing with an entity filter lists the passages that mention it, newest first.
        // Each run of a query collects its top hits and counts its briefs in the same pass.
        let layout = self.layouts.get(&searcher)?;
        let counter = BriefCounter {
            layout: layout.clone(),
        };
        let plan =
            (!parsed.is_browse()).then(|| self.plan(&searcher, &parsed, &mut resp.corrections));
        // A lone word's top hits come from a pass of their own (block-max WAND by relevance; by
        // date, a collector with no counter beside it) and its counts from an unscored one,
        // exact up to `track_total_hits` passages, or exact for facets, which need every
        // matching brief. Other queries score every match anyway, and count in the same pass:
        // a second pass over an intersection or a phrase costs more than it saves.
        let tracking = |prunable: bool| match (prunable && filters.is_empty(), req.facets, req.sort)
        {
            (false, _, _) => None,
            (true, false, _) => Some(req.track_total_hits as u64),
            (true, true, Sort::Relevance) => Some(u64::MAX),
            // Newest first visits every match anyway: counting everything there is free.
            (true, true, Sort::Date) => None,
        };
        let track = tracking(plan.as_ref().is_some_and(|p| p.prunable()));
        let (hits, counted) = match &plan {
            None => {
                resp.matching = "browse".into();
                let q = self.compose_browse(&filters, None);
                match &filters.mentions {
                    Some(m) => {
                        let l = self.compose(
                            vec![m.box_clone()],
                            &filters,
                            None,
                            vec![],
                            vec![],
                            false,
                        );
                        let (hits, listed) =
                            self.top(&searcher, &*l, Sort::Date, want, per_brief, &counter, None)?;
                        let counted = searcher.search(&*q, &counter)?;
                        resp.total_passages = listed.passages;
                        (hits, counted)
                    }
                    None => {
                        let (hits, counted) =
                            self.top(&searcher, &*q, Sort::Date, want, per_brief, &counter, None)?;
                        resp.total_passages = counted.briefs();
                        (hits, counted)
                    }
                }
            }
            Some(plan) => {
                let strict = self.compose_strict(plan, &filters, None);
                let (mut hits, mut counted) = self.top(
                    &searcher, &*strict, req.sort, want, per_brief, &counter, track,
                )?;
                resp.matching = "all".into();
                if hits.len() < want && plan.tiered() {
                    let relaxed = self.compose_relaxed(plan, &filters, None);
                    // Some of several plain words is one union of terms: pruned and counted
                    // as a lone word is.
                    let track = tracking(plan.relaxed_prunable());
                    let (extra, relaxed_counted) = self.top(
                        &searcher, &*relaxed, req.sort, want, per_brief, &counter, track,
                    )?;
                    let before = hits.len();
                    merge_capped(&mut hits, extra, want, per_brief, &searcher);
                    if hits.len() > before {
                        resp.matching = "some".into();
                        counted = relaxed_counted;
                    }
                }
                resp.total_passages = counted.passages;
                (hits, counted)
            }
        };
        resp.total_briefs = counted.briefs();
        resp.total_relation = if counted.lower_bound { "gte" } else { "eq" }.into();

        if req.facets {
            let relaxed = resp.matching == "some";
            resp.facets = Some(self.facets(
                &searcher,
                plan.as_ref(),
                &filters,
                relaxed,
                &layout,
                &counted,
            )?);
        }

        let mut terms = HighlightTerms::from_query(&parsed, &resp.corrections);
        terms.add_exact(plan.map(|p| p.expansions).unwrap_or_default());
        resp.hits = hits
            .into_iter()
            .skip(req.offset)
            .take(req.limit)
            .map(|(score, addr)| self.hit(&searcher, addr, score, &mut terms, req.crop))
            .collect::<Result<Vec<_>>>()?;
        resp.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(resp)
    }

    /// Top hits with at most `per_brief` passages per brief, and what `counter` collects over
    /// every match in the same pass; the fetch grows (without counting again) until the page is
    /// full or the matches run out.
    ///
    /// With `track`, the search counts exactly only up to that many passages ([`count_up_to`])
    /// and takes its top hits from a pass with no counter beside it: by relevance, tantivy's
    /// pruning top-k (block-max WAND over a one-word query's terms), which need not visit every
    /// match; newest first, the date collector alone.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn top(
        &self,
        searcher: &Searcher,
        q: &dyn Query,
        sort: Sort,
        want: usize,
        per_brief: usize,
        counter: &BriefCounter,
        track: Option<u64>,
    ) -> Result<(Vec<(f32, DocAddress)>, BriefMatches)> {
        if want == 0 {
            return Ok((
                Vec::new(),
                match track {
                    Some(limit) => count_up_to(searcher, q, counter, limit)?,
                    None => searcher.search(q, counter)?,
                },
            ));
        }
        let mut fetch = (want * 3).max(32);
        let stats = PassageStats::new(searcher, &self.bi.fields);
        let (mut raw, fruit) = fetch_top(
            searcher,
            q,
            sort,
            fetch,
            &stats,
            &counter.layout,
            track.is_none().then(|| counter.clone()),
        )?;
        let fruit = match track {
            Some(limit) => count_up_to(searcher, q, counter, limit)?,
            None => fruit.unwrap_or_default(),
        };
        loop {
            let exhausted = raw.len() < fetch;
            let mut out = Vec::new();
            merge_capped(&mut out, raw, want, per_brief, searcher);
            if out.len() >= want || exhausted {
                return Ok((out, fruit));
            }
            fetch *= 4;
            raw = fetch_top(searcher, q, sort, fetch, &stats, &counter.layout, None)?.0;
        }
    }

    pub(super) fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        score: f32,
        terms: &mut HighlightTerms,
        crop_words: usize,
    ) -> Result<Hit> {
        let f = &self.bi.fields;
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text_of = |field| first_text(&doc, field);
        let text = text_of(f.text).unwrap_or_default();
        let matches = terms.matches(&text);
        let mut highlights: Vec<[usize; 2]> = matches.iter().map(|m| m.range).collect();
        highlights.dedup();
        let crop = crop::crop(&text, &matches, crop_words);
        let title = text_of(f.title).unwrap_or_default();
        let heading = text_of(f.heading);
        Ok(Hit {
            brief_id: text_of(f.brief_id).unwrap_or_default(),
            title_highlights: terms.ranges(&title),
            heading_highlights: heading
                .as_deref()
                .map(|h| terms.ranges(h))
                .unwrap_or_default(),
            title,
            date: text_of(f.date),
            authors: doc
                .get_all(f.author)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            kind: text_of(f.kind),
            heading,
            passage: doc
                .get_first(f.passage_index)
                .and_then(|v| v.as_u64())
                .map(|n| n as usize),
            text,
            highlights,
            crop: crop.text,
            crop_highlights: crop.highlights,
            score,
            source: text_of(f.source).unwrap_or_default(),
        })
    }
}

/// Scored hits, best first (or newest first, scored 0).
type Hits = Vec<(f32, DocAddress)>;

/// The first `fetch` matches of `q` in `sort` order (date-ordered hits carry no score), and what
/// `counter`, when given, collects over every match in the same pass.
fn fetch_top(
    searcher: &Searcher,
    q: &dyn Query,
    sort: Sort,
    fetch: usize,
    stats: &PassageStats,
    layout: &Layout,
    counter: Option<BriefCounter>,
) -> Result<(Hits, Option<BriefMatches>)> {
    Ok(match sort {
        // Alone, the top-k collector prunes (tantivy's `for_each_pruning`); beside a counter
        // it must see every match.
        Sort::Relevance if counter.is_none() => (
            searcher.search_with_statistics_provider(
                q,
                &TopDocs::with_limit(fetch).order_by_score(),
                stats,
            )?,
            None,
        ),
        Sort::Relevance => searcher.search_with_statistics_provider(
            q,
            &(TopDocs::with_limit(fetch).order_by_score(), counter),
            stats,
        )?,
        Sort::Date => {
            let newest = NewestFirst {
                layout: layout.clone(),
                limit: fetch,
            };
            let (top, fruit) = match counter {
                Some(counter) => {
                    let (top, fruit) = searcher.search(q, &(newest, counter))?;
                    (top, Some(fruit))
                }
                None => (searcher.search(q, &newest)?, None),
            };
            (top.into_iter().map(|(_, a)| (0.0, a)).collect(), fruit)
        }
    })
}

/// Whether the query text ends with its last clause's plain word (no space, quote or exclusion
/// after it): the word a prefix search expands.
fn ends_with_word(text: &str, parsed: &query::ParsedQuery) -> bool {
    match parsed.clauses.last().and_then(|c| c.any_of.last()) {
        Some(query::Term::Word(w)) => !w.is_empty() && text.ends_with(w.as_str()),
        _ => false,
    }
}
