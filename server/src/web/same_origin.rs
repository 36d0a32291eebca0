//! Cross-site request forgery: a request that changes something (any method but GET, HEAD and
//! OPTIONS) is refused with 403, before anything reads it, unless the browser says it comes
//! from this site. Browsers send `Origin` with every cross-origin POST; without it, `Referer`
//! is checked. A request with neither (a script, `curl`) carries no one's cookie by accident
//! and goes on. `SameSite=Lax` cookies alone are not enough: sibling sites of the same domain
//! still send them.

use axum::{
    extract::{Request, State},
    http::{HeaderMap, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use mamori_app::i18n::Locale;
use std::sync::Arc;

/// The site's own origins besides the `Host` asked for: the configured `MAMORI_BASE_URL`'s
/// (a proxy may pass on another `Host`).
#[derive(Clone)]
pub(super) struct OwnOrigin(Arc<str>);

impl OwnOrigin {
    pub(super) fn of(base_url: &str) -> Self {
        Self(origin_of(base_url).unwrap_or_default().into())
    }
}

pub(super) async fn refuse_cross_site(
    State(own): State<OwnOrigin>,
    request: Request,
    next: Next,
) -> Response {
    let reads_only = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if reads_only || from_this_site(request.headers(), &own) {
        return next.run(request).await;
    }
    tracing::warn!(
        method = %request.method(),
        path = request.uri().path(),
        origin = ?request.headers().get(header::ORIGIN),
        referer = ?request.headers().get(header::REFERER),
        "refused a request from another site"
    );
    let locale = Locale::of_request(request.headers());
    (StatusCode::FORBIDDEN, locale.texts().cross_site_refused).into_response()
}

fn from_this_site(headers: &HeaderMap, own: &OwnOrigin) -> bool {
    let said = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER));
    let Some(said) = said else {
        return true;
    };
    let Some(origin) = said.to_str().ok().and_then(origin_of) else {
        return false; // `Origin: null` (a sandboxed frame, a redirect across sites) or garbage
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    host.is_some_and(|host| authority(origin) == Some(host)) || origin == &*own.0
}

/// `scheme://authority` of an absolute http(s) URL.
fn origin_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (end > 0).then(|| &url[..url.len() - rest.len() + end])
}

fn authority(origin: &str) -> Option<&str> {
    origin.split_once("://").map(|(_, authority)| authority)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| (name.clone(), value.parse().unwrap()))
            .collect()
    }

    #[test]
    fn only_this_sites_origin_or_referer_passes() {
        let own = OwnOrigin::of("https://mamori.agency.example");
        let host = (header::HOST, "127.0.0.1:3000");
        let cases = [
            (vec![host.clone()], true),
            (
                vec![host.clone(), (header::ORIGIN, "http://127.0.0.1:3000")],
                true,
            ),
            (
                vec![
                    host.clone(),
                    (header::ORIGIN, "https://mamori.agency.example"),
                ],
                true,
            ),
            (
                vec![
                    host.clone(),
                    (header::REFERER, "http://127.0.0.1:3000/admin?x=1"),
                ],
                true,
            ),
            (
                vec![host.clone(), (header::ORIGIN, "http://evil.example")],
                false,
            ),
            (
                vec![
                    host.clone(),
                    (header::ORIGIN, "http://127.0.0.1:3000.evil.example"),
                ],
                false,
            ),
            (vec![host.clone(), (header::ORIGIN, "null")], false),
            (
                vec![
                    host.clone(),
                    (header::REFERER, "http://evil.example/127.0.0.1:3000"),
                ],
                false,
            ),
            (vec![(header::ORIGIN, "http://127.0.0.1:3000")], false),
        ];
        for (pairs, expected) in cases {
            assert_eq!(
                from_this_site(&headers(&pairs), &own),
                expected,
                "{pairs:?}"
            );
        }
    }
}
