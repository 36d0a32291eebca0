//! One span per request, closed by one log line: method, path (credentials masked), the
//! caller's employee ID once their session is read, the status and its outcome.

use axum::{extract::Request, http::StatusCode, middleware::Next, response::Response};
use std::borrow::Cow;
use tracing::{Instrument, field::Empty};

/// Paths whose next segment is a credential: a set-password link's token lets whoever reads
/// it choose the password, so it never reaches a log.
const SECRET_AFTER: &[&str] = &["set-password"];

/// The path as logged, with any credential in it replaced by `***`.
fn loggable_path(path: &str) -> Cow<'_, str> {
    let mut previous = "";
    let mut masked = false;
    let segments: Vec<&str> = path
        .split('/')
        .map(|segment| {
            let secret = SECRET_AFTER.contains(&previous);
            masked |= secret;
            previous = segment;
            if secret { "***" } else { segment }
        })
        .collect();
    if masked {
        Cow::Owned(segments.join("/"))
    } else {
        Cow::Borrowed(path)
    }
}

/// What became of a request, for filtering the log.
fn outcome(status: StatusCode) -> &'static str {
    match status.as_u16() {
        0..300 => "ok",
        300..400 => "redirected",
        400..500 => "refused",
        _ => "failed",
    }
}

pub(super) async fn log_request(request: Request, next: Next) -> Response {
    let span = tracing::info_span!(
        "request",
        method = %request.method(),
        path = %loggable_path(request.uri().path()),
        employee_id = Empty,
        status = Empty,
        outcome = Empty,
    );
    let started = std::time::Instant::now();
    let response = next.run(request).instrument(span.clone()).await;
    let status = response.status();
    span.record("status", status.as_u16());
    span.record("outcome", tracing::field::display(outcome(status)));
    span.in_scope(|| {
        tracing::info!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            "answered"
        )
    });
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_password_token_is_masked() {
        assert_eq!(loggable_path("/set-password/abc123"), "/set-password/***");
        assert_eq!(loggable_path("/set-password/abc123/"), "/set-password/***/");
        assert_eq!(loggable_path("//set-password/abc123"), "//set-password/***");
        assert_eq!(loggable_path("/set-password/"), "/set-password/***");
        assert_eq!(
            loggable_path("/reports/staff/E0013/transcript.csv"),
            "/reports/staff/E0013/transcript.csv"
        );
        assert!(matches!(loggable_path("/admin/staff"), Cow::Borrowed(_)));
    }

    #[test]
    fn outcomes_follow_the_status() {
        assert_eq!(outcome(StatusCode::OK), "ok");
        assert_eq!(outcome(StatusCode::SEE_OTHER), "redirected");
        assert_eq!(outcome(StatusCode::FORBIDDEN), "refused");
        assert_eq!(outcome(StatusCode::INTERNAL_SERVER_ERROR), "failed");
    }
}
