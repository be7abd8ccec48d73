//! The JSON endpoints: query-string parsing, limits, blocking-pool dispatch and the time
//! budget.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderValue, Method, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{ApiError, AppState};
use crate::search::{EntitiesRequest, SearchRequest, Sort, TimelineRequest};
use crate::EntityKind;

/// The most hits one HTTP search may ask for (the CLI allows more).
pub const HTTP_MAX_LIMIT: usize = 100;
/// The deepest `offset` over HTTP: deep pages cost a fetch of `offset + limit` hits.
pub const HTTP_MAX_OFFSET: usize = 10_000;
/// The most passages per brief over HTTP.
pub const HTTP_MAX_PER_BRIEF: usize = 100;
/// The most entities one `/api/entities` request may ask for (`top`).
pub const HTTP_MAX_TOP: usize = 500;
/// The most events one `/api/timeline` request may ask for (`limit`).
pub const HTTP_MAX_EVENTS: usize = 1_000;

/// Parameters `/api/search` takes; repeatable ones are the filters.
const SEARCH_PARAMS: &[&str] = &[
    "q",
    "author",
    "topic",
    "region",
    "kind",
    "entity",
    "since",
    "until",
    "limit",
    "offset",
    "sort",
    "per_brief",
    "facets",
];

/// Parameters that may be given more than once (OR within the parameter).
const REPEATABLE: &[&str] = &[
    "author", "topic", "region", "kind", "entity", "since", "until",
];

/// A decoded query string, checked against the parameters an endpoint takes.
pub(crate) struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Decodes `raw` and refuses parameters not in `allowed` and repeats of single-valued ones.
    pub(crate) fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Params, ApiError> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        for (i, (k, _)) in pairs.iter().enumerate() {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {k:?}; this endpoint takes {}",
                    allowed.join(", ")
                )));
            }
            if !REPEATABLE.contains(&k.as_str()) && pairs[..i].iter().any(|(p, _)| p == k) {
                return Err(ApiError::bad_request(format!(
                    "parameter {k:?} is given more than once; give it once"
                )));
            }
        }
        Ok(Params { pairs })
    }

    /// The single value of `key`, if given.
    fn one(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every non-blank value of a repeatable `key`, trimmed.
    fn all(&self, key: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    /// A whole number in `0..=max`, `default` when absent or blank.
    fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(raw) = self.one(key).map(str::trim).filter(|v| !v.is_empty()) else {
            return Ok(default);
        };
        let n: usize = raw.parse().map_err(|_| {
            ApiError::bad_request(format!(
                "{key} must be a whole number from 0 to {max}, got {raw:?}"
            ))
        })?;
        if n > max {
            return Err(ApiError::bad_request(format!(
                "{key} {n} is over the maximum of {max}; page with offset instead"
            )));
        }
        Ok(n)
    }

    /// A flag: absent, `false` or `0` is off; present without a value, `true` or `1` is on.
    fn flag(&self, key: &str) -> Result<bool, ApiError> {
        match self.one(key).map(str::trim) {
            None | Some("false" | "0") => Ok(false),
            Some("" | "true" | "1") => Ok(true),
            Some(other) => Err(ApiError::bad_request(format!(
                "{key} must be true or false, got {other:?}"
            ))),
        }
    }

    /// The search part of a request: query, filters, paging, sort, facets.
    pub(crate) fn search_request(&self) -> Result<SearchRequest, ApiError> {
        let defaults = SearchRequest::default();
        let sort = match self.one("sort").map(str::trim) {
            None | Some("" | "relevance") => Sort::Relevance,
            Some("date") => Sort::Date,
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "sort must be relevance or date, got {other:?}"
                )))
            }
        };
        let per_brief = self.number("per_brief", defaults.per_brief, HTTP_MAX_PER_BRIEF)?;
        if per_brief == 0 {
            return Err(ApiError::bad_request(
                "per_brief must be at least 1 (passages shown per brief)",
            ));
        }
        Ok(SearchRequest {
            limit: self.number("limit", defaults.limit, HTTP_MAX_LIMIT)?,
            offset: self.number("offset", defaults.offset, HTTP_MAX_OFFSET)?,
            sort,
            per_brief,
            facets: self.flag("facets")?,
            ..self.filters()
        })
    }

    /// The query and filters alone, as `/api/entities` and `/api/timeline` take them.
    pub(crate) fn filters(&self) -> SearchRequest {
        SearchRequest {
            query: self.one("q").unwrap_or("").to_string(),
            authors: self.all("author"),
            topics: self.all("topic"),
            regions: self.all("region"),
            kinds: self.all("kind"),
            entities: self.all("entity"),
            since: self.all("since"),
            until: self.all("until"),
            ..SearchRequest::default()
        }
    }
}

/// Serialises `value` as a JSON response.
fn json<T: Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => {
            let mut resp = body.into_response();
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            resp
        }
        Err(e) => {
            ApiError::internal(format!("the answer could not be encoded: {e}")).into_response()
        }
    }
}

/// Runs `work` against the shared engine on the blocking pool, holding one of the permits.
async fn blocking<T, F>(state: &Arc<AppState>, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&AppState) -> crate::Result<T> + Send + 'static,
{
    let _permit = state
        .permits
        .acquire()
        .await
        .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
    let st = state.clone();
    match tokio::task::spawn_blocking(move || work(&st)).await {
        Ok(r) => r.map_err(ApiError::from),
        Err(_) => Err(ApiError::internal(
            "the search failed inside the server; the error was logged",
        )),
    }
}

/// `GET /api/search`: the JSON of `briefs search --json`.
pub(crate) async fn search(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), SEARCH_PARAMS)?;
    let req = params.search_request()?;
    let resp = blocking(&state, move |st| st.engine()?.search(&req)).await?;
    Ok(json(&resp))
}

/// `GET /api/briefs/{id}`: one whole brief, the JSON of `briefs show --json`.
pub(crate) async fn brief(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let brief = blocking(&state, move |st| {
        crate::search::get_brief(&*st.engine()?, &id)
    })
    .await?;
    Ok(json(&brief))
}

/// Parameters `/api/entities` takes: the search's query and filters, the kind, how many.
const ENTITIES_PARAMS: &[&str] = &[
    "q",
    "author",
    "topic",
    "region",
    "kind",
    "entity",
    "since",
    "until",
    "entity_kind",
    "top",
];

/// Parameters `/api/timeline` takes: the search's query and filters, and how many events.
const TIMELINE_PARAMS: &[&str] = &[
    "q", "author", "topic", "region", "kind", "entity", "since", "until", "limit",
];

/// `GET /api/entities`: the most-mentioned entities of the briefs a search matches.
///
/// `entity_kind` (`person`, `organization`, `place`) keeps one kind; `kind` stays the brief
/// kind filter, as in `/api/search`.
pub(crate) async fn entities(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), ENTITIES_PARAMS)?;
    let kind = match params.one("entity_kind").map(str::trim) {
        None | Some("") => None,
        Some("person") => Some(EntityKind::Person),
        Some("organization") => Some(EntityKind::Organization),
        Some("place") => Some(EntityKind::Place),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "entity_kind must be person, organization or place, got {other:?}"
            )))
        }
    };
    let req = EntitiesRequest {
        search: params.filters(),
        kind,
        top: params.number("top", 20, HTTP_MAX_TOP)?.max(1),
    };
    let resp = blocking(&state, move |st| st.engine()?.entities(&req)).await?;
    Ok(json(&resp))
}

/// `GET /api/timeline`: the dated events of the briefs a search matches, oldest first.
///
/// As with `briefs timeline --entity`, `entity` keeps the events whose passage mentions one
/// of the names, and `since`/`until` bound the events' own dates.
pub(crate) async fn timeline(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let params = Params::parse(raw.as_deref(), TIMELINE_PARAMS)?;
    let mut search = params.filters();
    let entities = std::mem::take(&mut search.entities);
    let req = TimelineRequest {
        search,
        entities,
        limit: params.number("limit", 200, HTTP_MAX_EVENTS)?.max(1),
    };
    let resp = blocking(&state, move |st| st.engine()?.timeline(&req)).await?;
    Ok(json(&resp))
}

/// `GET /api/stats`: the JSON of `briefs stats --json`.
pub(crate) async fn stats(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    Params::parse(raw.as_deref(), &[])?;
    let stats = blocking(&state, |st| crate::index::stats(st.engine()?.index())).await?;
    Ok(json(&stats))
}

/// What `/healthz` answers.
#[derive(Serialize)]
struct Health {
    status: &'static str,
    index: bool,
}

/// `GET /healthz`: 200 while the process serves; `index` says whether an index is there.
pub(crate) async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    json(&Health {
        status: "ok",
        index: state.has_index(),
    })
}

/// Middleware: answers 503 when a request runs over the time budget.
pub(crate) async fn budget(
    State(state): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    match tokio::time::timeout(state.budget, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::unavailable(format!(
            "the request took longer than {} ms; narrow the query or filters and retry",
            state.budget.as_millis()
        ))
        .into_response(),
    }
}

/// Fallback: 404 for a route that does not exist, listing the ones that do.
pub(crate) async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!(
        "no route {}: the API has /api/search, /api/briefs/ID, /api/entities, /api/timeline, /api/stats and /healthz",
        uri.path()
    ))
}

/// Fallback: 405 for a method other than GET or HEAD; nothing here writes.
pub(crate) async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError {
        status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
        message: format!(
            "{method} {} is not served: the API is read-only, use GET",
            uri.path()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(q: &str) -> Result<SearchRequest, ApiError> {
        Params::parse(Some(q), SEARCH_PARAMS)?.search_request()
    }

    #[test]
    fn repeated_filters_mean_or() {
        let r = req("q=water+treaty&region=Iran&region=Iraq&since=2020&since=2021&facets").unwrap();
        assert_eq!(r.query, "water treaty");
        assert_eq!(r.regions, ["Iran", "Iraq"]);
        assert_eq!(r.since, ["2020", "2021"]);
        assert!(r.facets);
        assert_eq!(r.limit, 10);
        let r = req("entity=Muttaqi&entity=ISKP").unwrap();
        assert_eq!(r.entities, ["Muttaqi", "ISKP"]);
    }

    #[test]
    fn blank_values_are_ignored() {
        let r = req("q=&author=&limit=&sort=").unwrap();
        assert!(r.authors.is_empty());
        assert_eq!(r.limit, 10);
        assert_eq!(r.sort, Sort::Relevance);
    }

    #[test]
    fn bad_values_say_what_to_fix() {
        for (q, needle) in [
            ("limit=101", "maximum of 100"),
            ("limit=ten", "whole number"),
            ("offset=10001", "maximum of 10000"),
            ("sort=newest", "relevance or date"),
            ("facets=maybe", "true or false"),
            ("per_brief=0", "at least 1"),
            ("limit=1&limit=2", "more than once"),
            ("colour=red", "unknown parameter"),
        ] {
            let e = req(q).unwrap_err();
            assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST, "{q}");
            assert!(e.message.contains(needle), "{q}: {}", e.message);
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn requests_over_the_budget_answer_503() {
        use std::io::{Read, Write};
        use std::time::Duration;

        let state = Arc::new(AppState::new(
            std::path::Path::new("nowhere"),
            Duration::from_millis(50),
        ));
        let app = axum::Router::new()
            .route(
                "/slow",
                axum::routing::get(|| async {
                    tokio::time::sleep(Duration::from_secs(5)).await;
                    "late"
                }),
            )
            .layer(axum::middleware::from_fn_with_state(state.clone(), budget))
            .with_state(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        let started = std::time::Instant::now();
        let raw = tokio::task::spawn_blocking(move || {
            let mut s = std::net::TcpStream::connect(addr).unwrap();
            s.write_all(b"GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).unwrap();
            out
        })
        .await
        .unwrap();
        assert!(started.elapsed() < Duration::from_secs(4), "answered late");
        assert!(raw.starts_with("HTTP/1.1 503"), "{raw}");
        assert!(
            raw.ends_with(r#"{"error":{"status":503,"message":"the request took longer than 50 ms; narrow the query or filters and retry"}}"#),
            "{raw}"
        );
    }
}
