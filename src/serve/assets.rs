//! The search page, compiled into the binary: one HTML shell, one stylesheet, one script.
//!
//! No build step and no CDN: the files under `src/serve/assets/` are plain HTML, CSS and
//! JavaScript embedded with `include_str!`, so `briefs serve` works offline from a single
//! binary. The page routes on the client (`/`, `/brief/ID`, `/entity/NAME`, `/timeline`), so
//! every one of those paths answers with the same shell.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::ApiError;

/// The HTML shell of the page.
pub const INDEX_HTML: &str = include_str!("assets/index.html");
/// The page's stylesheet.
pub const STYLE_CSS: &str = include_str!("assets/style.css");
/// The page's script: routing, fetching the API, rendering with DOM calls only.
pub const APP_JS: &str = include_str!("assets/app.js");

/// Only same-origin scripts, styles, images and API calls; no inline script, no framing.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn with_type(body: &'static str, content_type: &'static str) -> Response {
    let mut resp = (StatusCode::OK, body).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    resp
}

/// `GET /` and the page's other routes: the HTML shell.
pub async fn page() -> Response {
    let mut resp = with_type(INDEX_HTML, "text/html; charset=utf-8");
    resp.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    resp
}

/// `GET /assets/{file}`: the stylesheet and the script.
pub async fn asset(Path(file): Path<String>) -> Result<Response, ApiError> {
    match file.as_str() {
        "style.css" => Ok(with_type(STYLE_CSS, "text/css; charset=utf-8")),
        "app.js" => Ok(with_type(APP_JS, "text/javascript; charset=utf-8")),
        _ => Err(ApiError::not_found(format!(
            "no asset {file:?}: the page has /assets/style.css and /assets/app.js"
        ))),
    }
}
