//! Errors as the HTTP API reports them: a status and a message that says what to fix.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::{Error, ErrorKind};

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

impl From<Error> for ApiError {
    /// The status comes from who must act ([`ErrorKind`]); the text is the library's, unchanged,
    /// so the API and the CLI say the same thing about the same mistake.
    fn from(e: Error) -> ApiError {
        let status = match e.kind() {
            ErrorKind::Request => StatusCode::BAD_REQUEST,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ErrorKind::Input | ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            message: e.to_string(),
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
    fn library_errors_map_to_statuses_with_their_own_text() {
        let lib = Error::param("since", "x", "a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let text = lib.to_string();
        let e: ApiError = lib.into();
        assert_eq!(e.status, StatusCode::BAD_REQUEST);
        assert_eq!(e.message, text);
        assert!(e.message.starts_with("since \"x\""), "{}", e.message);
        let e: ApiError = Error::NotFound("abc".into()).into();
        assert_eq!(e.status, StatusCode::NOT_FOUND);
        let e: ApiError = Error::NoIndex { path: "idx".into() }.into();
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(e.message.contains("briefs ingest"), "{}", e.message);
        let e: ApiError = Error::Internal {
            context: "starting threads".into(),
            message: "no".into(),
        }
        .into();
        assert_eq!(e.status, StatusCode::INTERNAL_SERVER_ERROR);
    }
}
