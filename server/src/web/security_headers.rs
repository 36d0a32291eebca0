//! Headers every answer carries unless its route set its own: scripts only from this site or
//! with this answer's nonce (so injected markup cannot run), no framing by other sites
//! (clickjacking), no content-type guessing, no full addresses sent to other sites, nothing
//! about a logged-in person kept in a shared office PC's cache, and HSTS when served over
//! https. Static files under `/pkg` set their own (long) cache lifetime first.

use axum::{
    extract::{Request, State},
    http::{HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};
use leptos::{
    nonce::Nonce,
    prelude::{provide_context, use_context},
};

/// Gives the request a fresh nonce, which the page's own scripts carry (see `page_nonce`),
/// and adds the headers to its answer.
pub(super) async fn add(State(https): State<bool>, mut request: Request, next: Next) -> Response {
    let nonce = Nonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Ok(policy) = HeaderValue::from_str(&content_security_policy(&nonce)) {
        headers
            .entry(header::CONTENT_SECURITY_POLICY)
            .or_insert(policy);
    }
    let mut set = |name: HeaderName, value: &'static str| {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    };
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "same-origin");
    set(header::CACHE_CONTROL, "no-store");
    if https {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    response
}

/// Hands the request's nonce to the page being rendered, so that leptos writes it on the
/// hydration scripts. Called in the context of every page and server function.
pub(super) fn page_nonce() {
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Nonce>().cloned())
    {
        provide_context(nonce);
    }
}

/// Scripts from this site (the hydration bundle) and inline ones with the nonce; WebAssembly
/// compiled from that bundle (`'wasm-unsafe-eval'`); no plugins, `<base>`, framing or form
/// posts to other sites.
fn content_security_policy(nonce: &Nonce) -> String {
    format!(
        "script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; object-src 'none'; \
         base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{Router, body::Body, routing::get};
    use tower::ServiceExt;

    async fn answer(https: bool, route: Router) -> Response {
        route
            .layer(axum::middleware::from_fn_with_state(https, add))
            .oneshot(Request::get("/").body(Body::empty()).unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn https_adds_hsts_and_a_routes_own_cache_lifetime_stays() {
        let own = Router::new().route(
            "/",
            get(|| async {
                (
                    [(header::CACHE_CONTROL, "public, max-age=31536000, immutable")],
                    "",
                )
            }),
        );
        let answered = answer(true, own).await;
        assert_eq!(
            answered.headers()[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000"
        );
        assert_eq!(
            answered.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
    }

    #[tokio::test]
    async fn each_answer_has_a_nonce_of_its_own() {
        let policy = |response: Response| {
            response.headers()[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap()
                .to_string()
        };
        let route = || Router::new().route("/", get(|| async { "" }));
        let (first, second) = (
            policy(answer(false, route()).await),
            policy(answer(false, route()).await),
        );
        assert!(first.contains("script-src 'self' 'nonce-"), "{first}");
        assert_ne!(first, second, "a nonce is used once");
    }
}
