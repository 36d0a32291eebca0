//! Headers every answer carries unless its route set its own: no framing by other sites
//! (clickjacking), no content-type guessing, no full addresses sent to other sites, nothing
//! about a logged-in person kept in a shared office PC's cache, and HSTS when served over
//! https. Static files under `/pkg` set their own (long) cache lifetime first.

use axum::{
    extract::State,
    http::{HeaderName, HeaderValue, header},
    response::Response,
};

pub(super) async fn add(State(https): State<bool>, mut response: Response) -> Response {
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    };
    set(
        header::CONTENT_SECURITY_POLICY,
        "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'",
    );
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "same-origin");
    set(header::CACHE_CONTROL, "no-store");
    if https {
        set(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn https_adds_hsts_and_a_routes_own_cache_lifetime_stays() {
        let mut own = Response::new(axum::body::Body::empty());
        own.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        let answered = add(State(true), own).await;
        assert_eq!(
            answered.headers()[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000"
        );
        assert_eq!(
            answered.headers()[header::CACHE_CONTROL],
            "public, max-age=31536000, immutable"
        );
    }
}
