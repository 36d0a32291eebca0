//! How many pages and server functions are worked on at once. Each one being rendered holds
//! its reactive tree, its resources and its HTML until it is sent; with 361 people opening a
//! page at the same moment that was 200 MB. Two cores render no faster for being handed 361
//! pages at a time, so the rest wait their turn in arrival order, holding only their request.

use axum::{extract::Request, middleware::Next, response::Response};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// The requests let in at once: a few per core, so that a page waiting on the database does
/// not leave a core idle.
#[derive(Clone)]
pub(super) struct Admission(Arc<Semaphore>);

impl Admission {
    pub(super) fn new(at_once: usize) -> Self {
        Self(Arc::new(Semaphore::new(at_once.max(1))))
    }

    /// Four requests per core.
    pub(super) fn for_this_machine() -> Self {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Self::new(4 * cores)
    }
}

/// Waits for a turn, then answers; the turn is given back once the answer is ready.
pub(super) async fn take_turns(
    axum::extract::State(admission): axum::extract::State<Admission>,
    request: Request,
    next: Next,
) -> Response {
    // The semaphore is never closed, so a permit always comes.
    let _turn = admission.0.acquire().await;
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::{Router, body::Body, routing::get};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    use tower::ServiceExt;

    #[tokio::test]
    async fn no_more_requests_than_allowed_are_worked_on_at_once_and_all_are_answered() {
        let working = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let route = {
            let (working, most) = (working.clone(), most.clone());
            Router::new()
                .route(
                    "/",
                    get(move || {
                        let (working, most) = (working.clone(), most.clone());
                        async move {
                            let now = working.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(20)).await;
                            working.fetch_sub(1, Ordering::SeqCst);
                            "page"
                        }
                    }),
                )
                .layer(axum::middleware::from_fn_with_state(
                    Admission::new(3),
                    take_turns,
                ))
        };
        let requests = (0..12).map(|_| {
            let route = route.clone();
            tokio::spawn(async move {
                route
                    .oneshot(Request::get("/").body(Body::empty()).unwrap())
                    .await
                    .unwrap()
                    .status()
            })
        });
        for answered in futures_util::future::join_all(requests).await {
            assert_eq!(answered.unwrap(), axum::http::StatusCode::OK);
        }
        assert_eq!(most.load(Ordering::SeqCst), 3, "three at once, never more");
    }
}
