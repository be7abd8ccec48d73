//! Errors as the HTTP API reports them: a status and a message that says what to fix.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::Error;

/// An error answer: `{"error": {"status": N, "message": "..."}}` with that HTTP status.
///
/// Messages are written for the person calling the API (the parameter at fault and the
/// accepted values); internal details such as panics or stack traces never reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// What went wrong and how to fix it.
    pub message: String,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    status: u16,
    message: &'a str,
}

impl ApiError {
    /// 400: a parameter is missing, malformed or out of range.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// 404: no such brief or route.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// 503: no index yet, or the request ran over its time budget.
    pub fn unavailable(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: message.into(),
        }
    }

    /// 500: something failed inside the server; the message names the part, not the trace.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: message.into(),
        }
    }
}

/// Rewrites the CLI's flag names in library messages (`--since`) as parameter names (`since`).
fn http_wording(message: &str) -> String {
    let mut out = message.to_string();
    for flag in [
        "since", "until", "limit", "offset", "author", "topic", "region", "kind", "entity",
    ] {
        out = out.replace(&format!("--{flag}"), flag);
    }
    out
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        match e {
            Error::Usage(m) => ApiError::bad_request(http_wording(&m)),
            Error::NotFound(id) => ApiError::not_found(format!(
                "no brief with id {id:?}: ids are the 16 hex digits in search hits' brief_id"
            )),
            Error::NoIndex { path } => ApiError::unavailable(format!(
                "no index at {}: run `briefs ingest --index {}`; the server picks it up without a restart",
                path.display(),
                path.display()
            )),
            e @ (Error::SchemaVersion { .. } | Error::Locked { .. }) => {
                ApiError::unavailable(e.to_string())
            }
            e => ApiError::internal(format!("the index could not be read: {e}")),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&Body {
            error: Inner {
                status: self.status.as_u16(),
                message: &self.message,
            },
        })
        .unwrap_or_default();
        let mut resp = (self.status, body).into_response();
        resp.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_errors_map_to_statuses() {
        let e: ApiError = Error::Usage("--since \"x\" is not a date".into()).into();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert_eq!(e.message, "since \"x\" is not a date");
        let e: ApiError = Error::NotFound("abc".into()).into();
        assert_eq!(e.status, StatusCode::NOT_FOUND);
        let e: ApiError = Error::NoIndex { path: "idx".into() }.into();
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            e.message.contains("briefs ingest --index idx"),
            "{}",
            e.message
        );
    }
}
