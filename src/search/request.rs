//! What a search, an entities request and a timeline request ask, and the one place their
//! parameters are defined.
//!
//! [`PARAMS`] names every parameter once: its HTTP name (also the name errors use), the CLI
//! flag, the query-language prefix and the facet key where it has them, whether it repeats,
//! its help text. The CLI builds its flags from this table and the HTTP API reads query
//! strings with it; both hand the raw values to [`RequestParams`], and the library parses,
//! defaults and validates them here, so both surfaces accept and refuse exactly the same
//! values with the same message. Adding a filter is a row here, a field on
//! [`SearchRequest`], and the index field it filters on.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::EntityKind;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// A search as the CLI and the HTTP API receive it, once [`RequestParams`] are read into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text (may be empty to browse).
    pub query: String,
    /// Filter values by parameter ([`FILTERS`]): OR within a parameter, AND across them.
    /// Date bounds (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) are inclusive.
    pub filters: BTreeMap<Param, Vec<String>>,
    /// Hits per page.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Order of hits.
    pub sort: Sort,
    /// At most this many passages from one brief.
    pub per_brief: usize,
    /// Compute facet counts.
    pub facets: bool,
    /// Words of each hit's crop (`Hit::crop`); 0 keeps the whole passage.
    pub crop: usize,
    /// The query's last word also matches the indexed words it begins (search as you type).
    pub prefix: bool,
    /// A one-word search's totals (and a fallback to some of several words') are exact up to
    /// this many matching passages; past it they are lower bounds (`total_relation` "gte"),
    /// which spares it a count of every match when it asks no facets (Elasticsearch's
    /// `track_total_hits`).
    pub track_total_hits: usize,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            filters: BTreeMap::new(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            per_brief: 2,
            facets: false,
            crop: DEFAULT_CROP,
            prefix: false,
            track_total_hits: DEFAULT_TRACK_TOTAL_HITS,
        }
    }
}

/// The most hits one request may ask for (`limit`).
pub const MAX_LIMIT: usize = 1_000;
/// The deepest `offset`: a deep page costs a fetch of `offset + limit` hits.
pub const MAX_OFFSET: usize = 10_000;
/// The most passages one brief may contribute to a page (`per_brief`).
pub const MAX_PER_BRIEF: usize = 100;
/// Words of a hit's crop when `crop` is not given: about two lines of a result page.
pub const DEFAULT_CROP: usize = 40;
/// Matching passages counted exactly before totals become lower bounds (as Elasticsearch).
pub const DEFAULT_TRACK_TOTAL_HITS: usize = 10_000;
/// The largest `track_total_hits`: larger than any archive's passage count, so "always exact".
pub const MAX_TRACK_TOTAL_HITS: usize = 1_000_000_000;
/// The longest crop one may ask for, in words (`crop`); 0 asks for the whole passage.
pub const MAX_CROP: usize = 1_000;
/// The most entities one entities request may list (`top`).
pub const MAX_TOP: usize = 500;
/// The most events one timeline request may list (`limit` there).
pub const MAX_EVENTS: usize = 1_000;

/// What `briefs entities` asks: the most-mentioned entities among the briefs a search matches.
#[derive(Debug, Clone, Default)]
pub struct EntitiesRequest {
    /// Query and filters choosing the briefs (limit, offset and sort are ignored).
    pub search: SearchRequest,
    /// Only entities of this kind.
    pub kind: Option<crate::model::EntityKind>,
    /// How many entities to return.
    pub top: usize,
}

/// What `briefs timeline` asks: the dated events of the briefs a search matches.
#[derive(Debug, Clone, Default)]
pub struct TimelineRequest {
    /// Query and filters choosing the briefs; its `since`/`until` bound the *event* dates.
    pub search: SearchRequest,
    /// Only events whose passage mentions one of these entities (names or aliases).
    pub entities: Vec<String>,
    /// How many events to return at most.
    pub limit: usize,
}

/// Every parameter a request may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Param {
    /// The query text (the CLI's positional words, HTTP `q`).
    Query,
    /// Author filter.
    Author,
    /// Topic filter.
    Topic,
    /// Region filter.
    Region,
    /// Brief kind filter ("Brief Analysis").
    Kind,
    /// Entity filter (name, surname or alias).
    Entity,
    /// Lower date bound.
    Since,
    /// Upper date bound.
    Until,
    /// Hits per page.
    Limit,
    /// Hits skipped.
    Offset,
    /// Order of hits.
    Sort,
    /// Passages per brief.
    PerBrief,
    /// Facet counts on or off.
    Facets,
    /// Words of each hit's crop.
    Crop,
    /// The last query word matches the words it begins.
    Prefix,
    /// Passages counted exactly before totals become lower bounds.
    TrackTotalHits,
    /// Entity kind (person, organization, place) for the entities view.
    EntityKind,
    /// How many entities the entities view lists.
    Top,
    /// How many events the timeline lists.
    EventLimit,
}

/// How a parameter's value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// Free text.
    Text,
    /// A filter value; repeat for OR.
    Filter,
    /// A date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; repeat for OR.
    Date,
    /// A whole number in `min..=max`, `default` when absent.
    Number {
        /// Smallest accepted.
        min: usize,
        /// Largest accepted.
        max: usize,
        /// Value when absent or blank.
        default: usize,
    },
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// On or off: absent, `false` or `0` is off; present, `true` or `1` is on.
    Switch,
}

/// One parameter, named once for every surface.
#[derive(Debug, Clone, Copy)]
pub struct ParamSpec {
    /// Which parameter.
    pub param: Param,
    /// The HTTP query-string name, also the name every error message uses.
    pub name: &'static str,
    /// Other names the HTTP API accepts for it (alternative or older spellings).
    pub aliases: &'static [&'static str],
    /// The CLI's long flag without dashes; `None` for the positional query.
    pub flag: Option<&'static str>,
    /// Other CLI flags accepted for it.
    pub flag_aliases: &'static [&'static str],
    /// The query-language prefix (`author:`) for filters that have one.
    pub prefix: Option<&'static str>,
    /// The key of its counts under `facets` in search JSON, for counted filters.
    pub facet: Option<&'static str>,
    /// How the value is read.
    pub value: ValueKind,
    /// The placeholder in help (`A`, `D`, `N`).
    pub value_name: &'static str,
    /// One line of help, shared by `--help` and the API docs.
    pub help: &'static str,
}

impl ParamSpec {
    /// True for parameters that may be given more than once (OR within the parameter).
    pub fn repeatable(&self) -> bool {
        matches!(self.value, ValueKind::Filter | ValueKind::Date)
    }
}

const fn spec(param: Param, name: &'static str, value: ValueKind) -> ParamSpec {
    ParamSpec {
        param,
        name,
        aliases: &[],
        flag: Some(name),
        flag_aliases: &[],
        prefix: None,
        facet: None,
        value,
        value_name: "N",
        help: "",
    }
}

/// Every parameter, in the order help lists them.
pub const PARAMS: &[ParamSpec] = &[
    ParamSpec {
        flag: None,
        value_name: "QUERY",
        help: "The query (empty: every brief matching the filters, newest first).",
        ..spec(Param::Query, "q", ValueKind::Text)
    },
    ParamSpec {
        prefix: Some("author"),
        facet: Some("authors"),
        value_name: "A",
        help: "Only briefs by this author (a full name the archive knows selects that author; other words select every author whose name holds them all: \"zelin\"). Repeat for OR.",
        ..spec(Param::Author, "author", ValueKind::Filter)
    },
    ParamSpec {
        prefix: Some("topic"),
        facet: Some("topics"),
        value_name: "T",
        help: "Only briefs tagged with this topic (case-insensitive, whole name). Repeat for OR.",
        ..spec(Param::Topic, "topic", ValueKind::Filter)
    },
    ParamSpec {
        prefix: Some("region"),
        facet: Some("regions"),
        value_name: "R",
        help: "Only briefs tagged with this region or country. Repeat for OR.",
        ..spec(Param::Region, "region", ValueKind::Filter)
    },
    ParamSpec {
        aliases: &["brief_kind"],
        flag_aliases: &["brief-kind"],
        prefix: Some("kind"),
        facet: Some("kinds"),
        value_name: "K",
        help: "Only briefs of this kind (\"Brief Analysis\"). Repeat for OR.",
        ..spec(Param::Kind, "kind", ValueKind::Filter)
    },
    ParamSpec {
        prefix: Some("entity"),
        value_name: "NAME",
        help: "Only briefs that mention this entity (full name, surname or alias such as an acronym); their passages that name it rank higher. Repeat for OR.",
        ..spec(Param::Entity, "entity", ValueKind::Filter)
    },
    ParamSpec {
        value_name: "D",
        help: "Only briefs dated on or after D (YYYY, YYYY-MM or YYYY-MM-DD; inclusive).",
        ..spec(Param::Since, "since", ValueKind::Date)
    },
    ParamSpec {
        value_name: "D",
        help: "Only briefs dated on or before D (YYYY, YYYY-MM or YYYY-MM-DD; inclusive: 2022-05 means through May 31).",
        ..spec(Param::Until, "until", ValueKind::Date)
    },
    ParamSpec {
        help: "Hits per page (0 to 1000; 0 counts without listing).",
        ..spec(
            Param::Limit,
            "limit",
            ValueKind::Number {
                min: 0,
                max: MAX_LIMIT,
                default: 10,
            },
        )
    },
    ParamSpec {
        help: "Hits to skip, for paging (at most 10000).",
        ..spec(
            Param::Offset,
            "offset",
            ValueKind::Number {
                min: 0,
                max: MAX_OFFSET,
                default: 0,
            },
        )
    },
    ParamSpec {
        value_name: "ORDER",
        help: "Order of hits: relevance (best first) or date (newest first).",
        ..spec(Param::Sort, "sort", ValueKind::Choice(&["relevance", "date"]))
    },
    ParamSpec {
        flag: Some("per-brief"),
        help: "At most N passages from one brief (1 to 100).",
        ..spec(
            Param::PerBrief,
            "per_brief",
            ValueKind::Number {
                min: 1,
                max: MAX_PER_BRIEF,
                default: 2,
            },
        )
    },
    ParamSpec {
        help: "Count matching briefs per topic, region, author, kind, year and entity.",
        ..spec(Param::Facets, "facets", ValueKind::Switch)
    },
    ParamSpec {
        help: "Show about N words of each passage around its matched words (0: the whole passage).",
        ..spec(
            Param::Crop,
            "crop",
            ValueKind::Number {
                min: 0,
                max: MAX_CROP,
                default: DEFAULT_CROP,
            },
        )
    },
    ParamSpec {
        help: "Search as you type: the query's last word also matches the words it begins (\"sanct\" finds \"sanctions\"), ranked below exact matches; a space after it ends the word.",
        ..spec(Param::Prefix, "prefix", ValueKind::Switch)
    },
    ParamSpec {
        flag: Some("track-total-hits"),
        help: "Count a one-word search's matching passages and briefs exactly up to N (and those of several words when it falls back to passages with some of them); past it the totals are lower bounds (shown as 10000+), so its best hits are found without visiting every match. Other searches and facets count exactly; 1000000000 counts everything.",
        ..spec(
            Param::TrackTotalHits,
            "track_total_hits",
            ValueKind::Number {
                min: 0,
                max: MAX_TRACK_TOTAL_HITS,
                default: DEFAULT_TRACK_TOTAL_HITS,
            },
        )
    },
    ParamSpec {
        flag: Some("entity-kind"),
        value_name: "KIND",
        help: "Only this kind of entity: person, organization or place.",
        ..spec(
            Param::EntityKind,
            "entity_kind",
            ValueKind::Choice(&["person", "organization", "place"]),
        )
    },
    ParamSpec {
        help: "How many entities to list (1 to 500).",
        ..spec(
            Param::Top,
            "top",
            ValueKind::Number {
                min: 1,
                max: MAX_TOP,
                default: 20,
            },
        )
    },
    ParamSpec {
        help: "At most N events (1 to 1000).",
        ..spec(
            Param::EventLimit,
            "limit",
            ValueKind::Number {
                min: 1,
                max: MAX_EVENTS,
                default: 200,
            },
        )
    },
];

/// The filters shared by every request that chooses briefs, in help order.
pub const FILTERS: &[Param] = &[
    Param::Author,
    Param::Topic,
    Param::Region,
    Param::Kind,
    Param::Entity,
    Param::Since,
    Param::Until,
];

impl Param {
    /// This parameter's row of [`PARAMS`].
    pub fn spec(self) -> &'static ParamSpec {
        PARAMS
            .iter()
            .find(|s| s.param == self)
            .expect("every Param has a row in PARAMS")
    }

    /// The filter a query-language prefix (`author`, `region`, …) stands for.
    pub fn from_prefix(prefix: &str) -> Option<Param> {
        PARAMS
            .iter()
            .find(|s| s.prefix.is_some_and(|p| p.eq_ignore_ascii_case(prefix)))
            .map(|s| s.param)
    }
}

/// The requests the library answers, each with the parameters it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    /// `briefs search`, `GET /api/search`.
    Search,
    /// `briefs entities`, `GET /api/entities`.
    Entities,
    /// `briefs timeline`, `GET /api/timeline`.
    Timeline,
}

impl Endpoint {
    /// The parameters this request takes, in help order.
    pub fn params(self) -> Vec<Param> {
        let mut v = vec![Param::Query];
        v.extend_from_slice(FILTERS);
        v.extend_from_slice(match self {
            Endpoint::Search => &[
                Param::Limit,
                Param::Offset,
                Param::Sort,
                Param::PerBrief,
                Param::Facets,
                Param::Crop,
                Param::Prefix,
                Param::TrackTotalHits,
            ][..],
            Endpoint::Entities => &[Param::EntityKind, Param::Top][..],
            Endpoint::Timeline => &[Param::EventLimit][..],
        });
        v
    }
}

impl Endpoint {
    /// The help line of `p` for this request: the table's, except where the parameter means
    /// something narrower here (in a timeline, `entity`, `since` and `until` select events).
    pub fn help(self, p: Param) -> &'static str {
        match (self, p) {
            (Endpoint::Timeline, Param::Entity) => {
                "Only events whose passage mentions this entity (name, surname or alias). Repeat for OR."
            }
            (Endpoint::Timeline, Param::Since) => "Only events on or after D (YYYY, YYYY-MM or YYYY-MM-DD).",
            (Endpoint::Timeline, Param::Until) => "Only events on or before D (inclusive).",
            (Endpoint::Entities, Param::Kind) => {
                "Only briefs of this kind (\"Brief Analysis\"). Repeat for OR."
            }
            (Endpoint::Entities, Param::Query) | (Endpoint::Timeline, Param::Query) => {
                "Query choosing the briefs (empty: all briefs matching the filters)."
            }
            _ => p.spec().help,
        }
    }
}

/// Raw parameter values as a surface received them: every value a string, nothing checked
/// yet. The CLI fills it from its flags, the HTTP API from the query string.
#[derive(Debug, Clone, Default)]
pub struct RequestParams {
    values: HashMap<Param, Vec<String>>,
}

impl RequestParams {
    /// No parameters: every default.
    pub fn new() -> RequestParams {
        RequestParams::default()
    }

    /// Adds one value of `param` (a repeat of a repeatable parameter means OR).
    pub fn push(&mut self, param: Param, value: impl Into<String>) {
        self.values.entry(param).or_default().push(value.into());
    }

    /// Reads `name=value` pairs as the HTTP API receives them: a name not taken by `endpoint`
    /// is refused, listing the ones it takes; a single-valued parameter given twice is refused.
    pub fn from_pairs<'a>(
        endpoint: Endpoint,
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<RequestParams> {
        let takes = endpoint.params();
        let mut out = RequestParams::new();
        for (name, value) in pairs {
            let spec = takes
                .iter()
                .map(|p| p.spec())
                .find(|s| s.name == name || s.aliases.contains(&name))
                .ok_or_else(|| Error::UnknownParam {
                    name: name.to_string(),
                    accepted: takes
                        .iter()
                        .map(|p| p.spec().name)
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
            if !spec.repeatable() && out.values.contains_key(&spec.param) {
                return Err(Error::RepeatedParam(spec.name.to_string()));
            }
            out.push(spec.param, value);
        }
        Ok(out)
    }

    /// The single value of `p`, trimmed; `None` when absent or blank.
    fn one(&self, p: Param) -> Option<&str> {
        self.values
            .get(&p)
            .and_then(|v| v.last())
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// Every non-blank value of a repeatable `p`, trimmed.
    fn all(&self, p: Param) -> Vec<String> {
        self.values
            .get(&p)
            .map(|v| {
                v.iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A whole number within the parameter's range, its default when absent.
    fn number(&self, p: Param) -> Result<usize> {
        let spec = p.spec();
        let ValueKind::Number { min, max, default } = spec.value else {
            unreachable!("{} is not a number parameter", spec.name)
        };
        let Some(raw) = self.one(p) else {
            return Ok(default);
        };
        let n: usize = raw.parse().map_err(|_| {
            Error::param(
                spec.name,
                raw,
                format!("a whole number from {min} to {max}"),
            )
        })?;
        check_range(spec.name, n, min, max)?;
        Ok(n)
    }

    /// One of the parameter's choices; `None` when absent.
    fn choice(&self, p: Param) -> Result<Option<&'static str>> {
        let spec = p.spec();
        let ValueKind::Choice(choices) = spec.value else {
            unreachable!("{} is not a choice parameter", spec.name)
        };
        let Some(raw) = self.one(p) else {
            return Ok(None);
        };
        choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(raw))
            .map(|c| Some(*c))
            .ok_or_else(|| Error::param(spec.name, raw, or_list(choices)))
    }

    /// A switch: off when absent.
    fn switch(&self, p: Param) -> Result<bool> {
        match self.values.get(&p).and_then(|v| v.last()).map(|s| s.trim()) {
            None | Some("false" | "0") => Ok(false),
            Some("" | "true" | "1") => Ok(true),
            Some(other) => Err(Error::param(p.spec().name, other, "true or false")),
        }
    }

    /// The query and filters alone: what chooses the briefs of every endpoint.
    fn briefs(&self) -> SearchRequest {
        SearchRequest {
            query: self
                .values
                .get(&Param::Query)
                .map(|v| v.join(" "))
                .unwrap_or_default(),
            filters: FILTERS
                .iter()
                .map(|p| (*p, self.all(*p)))
                .filter(|(_, v)| !v.is_empty())
                .collect(),
            ..SearchRequest::default()
        }
    }

    /// A search request: values parsed, defaults filled, everything validated.
    pub fn search(&self) -> Result<SearchRequest> {
        let req = SearchRequest {
            limit: self.number(Param::Limit)?,
            offset: self.number(Param::Offset)?,
            sort: match self.choice(Param::Sort)? {
                Some("date") => Sort::Date,
                _ => Sort::Relevance,
            },
            per_brief: self.number(Param::PerBrief)?,
            facets: self.switch(Param::Facets)?,
            crop: self.number(Param::Crop)?,
            prefix: self.switch(Param::Prefix)?,
            track_total_hits: self.number(Param::TrackTotalHits)?,
            ..self.briefs()
        };
        req.validate()?;
        Ok(req)
    }

    /// An entities request: the briefs' query and filters, the entity kind, how many.
    pub fn entities(&self) -> Result<EntitiesRequest> {
        let search = self.briefs();
        search.validate()?;
        Ok(EntitiesRequest {
            search,
            kind: self.choice(Param::EntityKind)?.map(entity_kind),
            top: self.number(Param::Top)?,
        })
    }

    /// A timeline request: `entity` keeps events whose passage mentions one of the names
    /// (instead of choosing briefs), and `since`/`until` bound the events' own dates.
    pub fn timeline(&self) -> Result<TimelineRequest> {
        let mut search = self.briefs();
        search.validate()?;
        let entities = search.filters.remove(&Param::Entity).unwrap_or_default();
        Ok(TimelineRequest {
            search,
            entities,
            limit: self.number(Param::EventLimit)?,
        })
    }
}

/// "a, b or c".
fn or_list(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn entity_kind(word: &str) -> EntityKind {
    match word {
        "person" => EntityKind::Person,
        "organization" => EntityKind::Organization,
        _ => EntityKind::Place,
    }
}

fn check_range(name: &'static str, n: usize, min: usize, max: usize) -> Result<()> {
    if n < min || n > max {
        return Err(Error::param(
            name,
            n.to_string(),
            format!("a whole number from {min} to {max}"),
        ));
    }
    Ok(())
}

/// A date bound's first day (`lower`) or last day, as `YYYYMMDD`; repeated bounds mean OR, so
/// the earliest lower and the latest upper bound win.
pub(crate) fn date_bound(param: Param, values: &[String], lower: bool) -> Result<Option<u64>> {
    let mut out: Option<u64> = None;
    for v in values {
        let (first, last) = crate::text::date::parse_bound(v).ok_or_else(|| {
            Error::param(
                param.spec().name,
                v.as_str(),
                "a date (YYYY, YYYY-MM or YYYY-MM-DD)",
            )
        })?;
        let d = if lower { first } else { last };
        let n = crate::text::date::yyyymmdd(d);
        out = Some(match out {
            None => n,
            Some(o) if lower => o.min(n),
            Some(o) => o.max(n),
        });
    }
    Ok(out)
}

impl SearchRequest {
    /// The values of a filter parameter (empty when it is not given).
    pub fn filter(&self, p: Param) -> &[String] {
        self.filters.get(&p).map_or(&[], Vec::as_slice)
    }

    /// This request with one more value for filter `p` (OR with the values it has).
    pub fn with(mut self, p: Param, value: impl Into<String>) -> SearchRequest {
        self.filters.entry(p).or_default().push(value.into());
        self
    }

    /// Checks every value against [`PARAMS`]: ranges, dates, the query's length, and that
    /// `since` is not after `until`. [`crate::search::Engine::search`] runs it too, so a
    /// request built in code is held to the same rules as one read from a surface.
    pub fn validate(&self) -> Result<()> {
        for (p, n) in [
            (Param::Limit, self.limit),
            (Param::Offset, self.offset),
            (Param::PerBrief, self.per_brief),
            (Param::Crop, self.crop),
            (Param::TrackTotalHits, self.track_total_hits),
        ] {
            if let ValueKind::Number { min, max, .. } = p.spec().value {
                check_range(p.spec().name, n, min, max)?;
            }
        }
        super::query::parse(&self.query).map_err(Error::Query)?;
        let since = date_bound(Param::Since, self.filter(Param::Since), true)?;
        let until = date_bound(Param::Until, self.filter(Param::Until), false)?;
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                return Err(Error::Conflict(format!(
                    "since is after until: no date can match ({s} > {u})"
                )));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use proptest::prelude::*;

    #[test]
    fn every_param_has_one_row_and_names_are_unique_per_endpoint() {
        for endpoint in [Endpoint::Search, Endpoint::Entities, Endpoint::Timeline] {
            let mut names: Vec<&str> = Vec::new();
            for p in endpoint.params() {
                let spec = p.spec();
                assert_eq!(PARAMS.iter().filter(|s| s.param == p).count(), 1, "{p:?}");
                for n in std::iter::once(spec.name).chain(spec.aliases.iter().copied()) {
                    assert!(!names.contains(&n), "{endpoint:?}: {n} twice");
                    names.push(n);
                }
                assert!(!endpoint.help(p).is_empty(), "{p:?} has no help");
            }
        }
    }

    #[test]
    fn facet_keys_are_keys_of_the_facets_json() {
        let json = serde_json::to_value(crate::search::Facets::default()).unwrap();
        for spec in PARAMS {
            if let Some(key) = spec.facet {
                assert!(json.get(key).is_some(), "{key} is not a facets key");
            }
        }
    }

    #[test]
    fn prefixes_name_their_filters() {
        for p in FILTERS {
            if let Some(prefix) = p.spec().prefix {
                assert_eq!(Param::from_prefix(prefix), Some(*p));
                assert_eq!(Param::from_prefix(&prefix.to_uppercase()), Some(*p));
            }
        }
        assert_eq!(Param::from_prefix("title"), None);
    }

    fn search(pairs: &[(&str, &str)]) -> Result<SearchRequest> {
        RequestParams::from_pairs(Endpoint::Search, pairs.iter().copied())?.search()
    }

    #[test]
    fn values_are_parsed_with_defaults_and_aliases() {
        let r = search(&[
            ("q", "water"),
            ("region", "Iran"),
            ("region", " Iraq "),
            ("brief_kind", "Testimony"),
            ("limit", "0"),
            ("sort", "DATE"),
            ("facets", ""),
        ])
        .unwrap();
        assert_eq!(r.query, "water");
        assert_eq!(r.filter(Param::Region), ["Iran", "Iraq"]);
        assert_eq!(r.filter(Param::Kind), ["Testimony"]);
        assert_eq!((r.limit, r.offset, r.per_brief), (0, 0, 2));
        assert_eq!(r.sort, Sort::Date);
        assert!(r.facets);
        let e = RequestParams::from_pairs(Endpoint::Entities, [("entity_kind", "person")])
            .unwrap()
            .entities()
            .unwrap();
        assert_eq!(e.kind, Some(EntityKind::Person));
        assert_eq!(e.top, 20);
        let t = RequestParams::from_pairs(Endpoint::Timeline, [("entity", "ISKP")])
            .unwrap()
            .timeline()
            .unwrap();
        assert_eq!(t.entities, ["ISKP"]);
        assert!(t.search.filter(Param::Entity).is_empty());
        assert_eq!(t.limit, 200);
    }

    #[test]
    fn refusals_name_the_parameter_and_what_is_accepted() {
        for (pairs, text) in [
            (vec![("limit", "1001")], "limit \"1001\" is not accepted: expected a whole number from 0 to 1000"),
            (vec![("per_brief", "0")], "per_brief \"0\" is not accepted: expected a whole number from 1 to 100"),
            (vec![("sort", "up")], "sort \"up\" is not accepted: expected relevance or date"),
            (vec![("facets", "maybe")], "facets \"maybe\" is not accepted: expected true or false"),
            (vec![("since", "May")], "since \"May\" is not accepted: expected a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            (vec![("since", "2024"), ("until", "2023")], "since is after until: no date can match (20240101 > 20231231)"),
            (vec![("top", "3")], "unknown parameter \"top\"; this request takes q, author, topic, region, kind, entity, since, until, limit, offset, sort, per_brief, facets, crop, prefix, track_total_hits"),
            (vec![("q", "a"), ("q", "b")], "parameter \"q\" is given more than once; give it once"),
        ] {
            let e = search(&pairs).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Request, "{pairs:?}");
            assert_eq!(e.to_string(), text);
        }
    }

    #[test]
    fn requests_built_in_code_are_held_to_the_same_rules() {
        let r = SearchRequest {
            per_brief: 0,
            ..SearchRequest::default()
        };
        assert!(r.validate().is_err());
        let r = SearchRequest::default().with(Param::Until, "2023-02-30");
        assert!(r.validate().is_err());
        assert!(SearchRequest::default().validate().is_ok());
    }

    proptest! {
        /// Whatever a query string holds, reading it gives a request or a request error.
        #[test]
        fn arbitrary_pairs_give_a_request_or_a_request_error(
            pairs in proptest::collection::vec(
                (
                    prop_oneof![
                        Just("q".to_string()), Just("limit".to_string()), Just("offset".to_string()),
                        Just("per_brief".to_string()), Just("sort".to_string()), Just("facets".to_string()),
                        Just("since".to_string()), Just("until".to_string()), Just("region".to_string()),
                        Just("entity_kind".to_string()), Just("top".to_string()), "\\PC{0,8}",
                    ],
                    "\\PC{0,12}",
                ),
                0..8,
            )
        ) {
            for endpoint in [Endpoint::Search, Endpoint::Entities, Endpoint::Timeline] {
                let read = RequestParams::from_pairs(
                    endpoint,
                    pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                )
                .and_then(|p| match endpoint {
                    Endpoint::Search => p.search().map(|_| ()),
                    Endpoint::Entities => p.entities().map(|_| ()),
                    Endpoint::Timeline => p.timeline().map(|_| ()),
                });
                if let Err(e) = read {
                    prop_assert_eq!(e.kind(), ErrorKind::Request, "{}", e);
                }
            }
        }
    }
}
