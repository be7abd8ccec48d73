//! The JSON endpoints: query-string parsing, limits, blocking-pool dispatch and the time
//! budget.

use std::sync::Arc;

use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{header, HeaderValue, Method, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{ApiError, AppState};
use crate::search::request::{Endpoint, RequestParams};

/// Decodes a query string into `(name, value)` pairs.
fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Reads a query string for `endpoint` through the library's one parameter table, so the
/// API accepts and refuses exactly what the CLI does, with the same message.
pub(crate) fn params(raw: Option<&str>, endpoint: Endpoint) -> Result<RequestParams, ApiError> {
    let pairs = pairs(raw);
    Ok(RequestParams::from_pairs(
        endpoint,
        pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
    )?)
}

/// Refuses any parameter on a route that takes none.
fn no_params(raw: Option<&str>) -> Result<(), ApiError> {
    match pairs(raw).into_iter().next() {
        None => Ok(()),
        Some((name, _)) => Err(ApiError::bad_request(format!(
            "unknown parameter {name:?}; this endpoint takes no parameters"
        ))),
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
    let req = params(raw.as_deref(), Endpoint::Search)?.search()?;
    let resp = blocking(&state, move |st| st.engine()?.search(&req)).await?;
    Ok(json(&resp))
}

/// `GET /api/briefs/{id}`: one whole brief, the JSON of `briefs show --json`.
pub(crate) async fn brief(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    no_params(raw.as_deref())?;
    let brief = blocking(&state, move |st| {
        crate::search::show_brief(&*st.engine()?, &id)
    })
    .await?;
    Ok(json(&brief))
}

/// `GET /api/briefs/{id}/related?limit=N`: the JSON of `briefs related ID --json`.
pub(crate) async fn related(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let limit = related_limit(raw.as_deref())?;
    let resp = blocking(&state, move |st| {
        crate::search::related(&*st.engine()?, &id, limit)
    })
    .await?;
    Ok(json(&resp))
}

/// Reads `limit` (1 to [`crate::search::related::MAX_LIMIT`]), the one parameter of the
/// related route, with the CLI's bounds.
fn related_limit(raw: Option<&str>) -> Result<usize, ApiError> {
    use crate::search::related::{DEFAULT_LIMIT, MAX_LIMIT};
    let mut limit = DEFAULT_LIMIT;
    for (k, v) in pairs(raw) {
        if k != "limit" {
            return Err(ApiError::bad_request(format!(
                "unknown parameter {k:?}; /api/briefs/ID/related takes only limit"
            )));
        }
        limit = match v.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => {
                return Err(ApiError::bad_request(format!(
                    "limit {v:?} is not a number from 1 to {MAX_LIMIT}"
                )))
            }
        };
    }
    Ok(limit)
}

/// `GET /api/entities`: the most-mentioned entities of the briefs a search matches.
///
/// `entity_kind` (`person`, `organization`, `place`) keeps one kind; `kind` stays the brief
/// kind filter, as in `/api/search`.
pub(crate) async fn entities(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let req = params(raw.as_deref(), Endpoint::Entities)?.entities()?;
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
    let req = params(raw.as_deref(), Endpoint::Timeline)?.timeline()?;
    let resp = blocking(&state, move |st| st.engine()?.timeline(&req)).await?;
    Ok(json(&resp))
}

/// `GET /api/stats`: the JSON of `briefs stats --json`.
pub(crate) async fn stats(
    State(state): State<Arc<AppState>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    no_params(raw.as_deref())?;
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
        "no route {}: the API has /api/search, /api/briefs/ID, /api/briefs/ID/related, /api/entities, /api/timeline, /api/stats and /healthz",
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

    use crate::search::request::Param;
    use crate::search::{SearchRequest, Sort};

    fn req(q: &str) -> Result<SearchRequest, ApiError> {
        Ok(params(Some(q), Endpoint::Search)?.search()?)
    }

    #[test]
    fn repeated_filters_mean_or() {
        let r = req("q=water+treaty&region=Iran&region=Iraq&since=2020&since=2021&facets").unwrap();
        assert_eq!(r.query, "water treaty");
        assert_eq!(r.filter(Param::Region), ["Iran", "Iraq"]);
        assert_eq!(r.filter(Param::Since), ["2020", "2021"]);
        assert!(r.facets);
        assert_eq!(r.limit, 10);
        let r = req("entity=Muttaqi&entity=ISKP&brief_kind=Testimony").unwrap();
        assert_eq!(r.filter(Param::Entity), ["Muttaqi", "ISKP"]);
        assert_eq!(r.filter(Param::Kind), ["Testimony"]);
    }

    #[test]
    fn blank_values_are_ignored() {
        let r = req("q=&author=&limit=&sort=").unwrap();
        assert!(r.filter(Param::Author).is_empty());
        assert_eq!(r.limit, 10);
        assert_eq!(r.sort, Sort::Relevance);
    }

    #[test]
    fn bad_values_say_what_to_fix() {
        for (q, needle) in [
            ("limit=1001", "from 0 to 1000"),
            ("limit=ten", "whole number"),
            ("offset=10001", "from 0 to 10000"),
            ("sort=newest", "relevance or date"),
            ("facets=maybe", "true or false"),
            ("per_brief=0", "from 1 to 100"),
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
