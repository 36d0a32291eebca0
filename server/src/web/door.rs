//! The one door of the plain routes, as `require(permission)` is the server functions': every
//! route in `plain_routes` stands behind a permission that the router checks before its
//! handler runs, and every refusal has one shape.

use super::WebState;
use axum::{
    body::Body,
    extract::{FromRequestParts, Request, State},
    handler::Handler,
    http::{Method, StatusCode, request::Parts},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
    routing::{MethodRouter, get, post},
};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use mamori_app::{
    api::{
        AppState, ClientAddress, PUBLIC_SERVER_FUNCTIONS, accepts_html, actor_of, authorize,
        refusal_response, shown_error, status_of,
    },
    error::AppError,
    i18n::Locale,
};
use mamori_domain::{Actor, AuditAction, Permission};
use mamori_store::StoreError;

/// How a plain route answers someone without a live session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stranger {
    /// Sent to the login page: a form people post, or a file they download from a page.
    ToLogin,
    /// 401: a file a page plays or shows inline (a login page there would be mistaken for
    /// the file), and the staff export, which has always answered so.
    Unauthorized,
}

/// One plain route: where it is, the permission it needs, and its handler.
pub struct PlainRoute {
    pub method: Method,
    pub path: &'static str,
    pub permission: Permission,
    pub stranger: Stranger,
    /// Recorded in the audit log when it answers 200: a download of personal data or results.
    pub audited: Option<AuditAction>,
    handler: MethodRouter<WebState>,
}

impl PlainRoute {
    pub(super) fn get<H, T>(
        path: &'static str,
        permission: Permission,
        stranger: Stranger,
        handler: H,
    ) -> Self
    where
        H: Handler<T, WebState>,
        T: 'static,
    {
        Self::new(Method::GET, path, permission, stranger, get(handler))
    }

    pub(super) fn post<H, T>(
        path: &'static str,
        permission: Permission,
        stranger: Stranger,
        handler: H,
    ) -> Self
    where
        H: Handler<T, WebState>,
        T: 'static,
    {
        Self::new(Method::POST, path, permission, stranger, post(handler))
    }

    fn new(
        method: Method,
        path: &'static str,
        permission: Permission,
        stranger: Stranger,
        handler: MethodRouter<WebState>,
    ) -> Self {
        Self {
            method,
            path,
            permission,
            stranger,
            audited: None,
            handler,
        }
    }

    /// Records each download in the audit log as `action`, with the address asked for (its
    /// query names the scope: year, division).
    pub(super) fn audited(mut self, action: AuditAction) -> Self {
        self.audited = Some(action);
        self
    }

    /// Takes request bodies up to `bytes` (an upload).
    pub(super) fn limit(mut self, bytes: usize) -> Self {
        self.handler = self
            .handler
            .layer(axum::extract::DefaultBodyLimit::max(bytes));
        self
    }

    /// The route's handler behind its door.
    pub(super) fn behind_door(self, state: &AppState) -> MethodRouter<WebState> {
        let door = Door {
            state: state.clone(),
            permission: self.permission,
            stranger: self.stranger,
            audited: self.audited,
        };
        self.handler
            .route_layer(axum::middleware::from_fn_with_state(door, pass))
    }
}

/// What a route's door checks and records.
#[derive(Clone)]
struct Door {
    state: AppState,
    permission: Permission,
    stranger: Stranger,
    audited: Option<AuditAction>,
}

/// Records in the audit log what `actor` did through a plain route, and from where.
pub(super) async fn record(
    state: &AppState,
    actor: &Actor,
    ClientAddress(address): &ClientAddress,
    action: AuditAction,
    detail: &str,
) -> Result<(), Rejection> {
    let now = chrono::Utc::now();
    state
        .store
        .record_audit(now, actor.employee_id.as_str(), action, detail, address)
        .await
        .map_err(Rejection::from)
}

/// Lets the request through when its session is live and allows the route's permission,
/// with the person for the handler's `Authorized`; else refuses it. Either way a refusal is
/// worded in the request's language.
async fn pass(State(door): State<Door>, mut request: Request, next: Next) -> Response {
    let locale = Locale::of_request(request.headers());
    let response = match authorize(&door.state, request.headers(), door.permission).await {
        Ok(actor) => {
            let asked = request.uri().to_string();
            let address = ClientAddress::of(request.extensions());
            request.extensions_mut().insert(actor.clone());
            let response = next.run(request).await;
            match door.audited {
                Some(action) if response.status() == StatusCode::OK => {
                    // Nothing leaves unrecorded: a failed record fails the download.
                    match record(&door.state, &actor, &address, action, &asked).await {
                        Ok(()) => response,
                        Err(rejection) => rejection.into_response(),
                    }
                }
                _ => response,
            }
        }
        Err(AppError::Unauthenticated) if door.stranger == Stranger::ToLogin => {
            Rejection::ToLogin(returning_to(&request)).into_response()
        }
        Err(error) => Rejection::from(error).into_response(),
    };
    worded(response, locale)
}

/// The pages that need a session, by their route patterns (`/modules/{slug}`), less the plain
/// routes, which the router prefers where both match (`/admin/staff/export.csv`) and which
/// have their own door.
#[derive(Clone)]
pub(super) struct PrivatePages {
    pages: Patterns,
    plain: Patterns,
}

impl PrivatePages {
    pub(super) fn new<'a>(
        pages: impl Iterator<Item = &'a str>,
        plain: impl Iterator<Item = &'a str>,
    ) -> Self {
        Self {
            pages: Patterns::new(pages),
            plain: Patterns::new(plain),
        }
    }

    fn contains(&self, path: &str) -> bool {
        self.pages.matches(path) && !self.plain.matches(path)
    }
}

#[derive(Clone)]
struct Patterns(std::sync::Arc<[Vec<String>]>);

impl Patterns {
    fn new<'a>(patterns: impl Iterator<Item = &'a str>) -> Self {
        Self(
            patterns
                .map(|pattern| pattern.split('/').map(str::to_string).collect())
                .collect(),
        )
    }

    /// Whether `path` fits one of the patterns: each `{name}` stands for any one segment.
    fn matches(&self, path: &str) -> bool {
        let segments: Vec<&str> = path.split('/').collect();
        self.0.iter().any(|pattern| {
            pattern.len() == segments.len()
                && pattern
                    .iter()
                    .zip(&segments)
                    .all(|(want, got)| want == got || (want.starts_with('{') && !got.is_empty()))
        })
    }
}

/// The door of the private pages: a stranger asking for one is sent to log in (303) and comes
/// back to it afterwards. What a page shows is checked again by each of its server functions.
pub(super) async fn pages_need_login(
    State((state, pages)): State<(AppState, PrivatePages)>,
    mut request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::GET || !pages.contains(request.uri().path()) {
        return next.run(request).await;
    }
    match actor_of(&state, request.headers()).await {
        Ok(Some(actor)) => {
            // The page's server functions, called on the server while it renders, take the
            // person from here rather than asking again.
            request.extensions_mut().insert(actor);
            next.run(request).await
        }
        Ok(None) => Rejection::ToLogin(returning_to(&request)).into_response(),
        Err(error) => worded(
            Rejection::from(error).into_response(),
            Locale::of_request(request.headers()),
        ),
    }
}

/// Server functions take bodies up to this size (axum's default limit); a larger one is
/// refused with 413 before it is read.
const SERVER_FUNCTION_BODY_LIMIT: u64 = 2 * 1024 * 1024;

/// The door of the server functions: a body too large is refused (413), and a stranger calling
/// one that is not public is refused (401, or the login page for a plain form post) before its
/// arguments are read. The person found is handed on, so the function asks nobody again.
pub(super) async fn server_functions_need_login(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(name) = request.uri().path().strip_prefix("/api/") else {
        return next.run(request).await;
    };
    let public = PUBLIC_SERVER_FUNCTIONS.contains(&name);
    let declared_length = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared_length.is_some_and(|length| length > SERVER_FUNCTION_BODY_LIMIT) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    match actor_of(&state, request.headers()).await {
        Ok(Some(actor)) => {
            request.extensions_mut().insert(actor);
        }
        Ok(None) if public => {}
        Ok(None) if accepts_html(request.headers()) => {
            return Rejection::ToLogin(None).into_response();
        }
        Ok(None) => return refusal_response(&AppError::Unauthenticated),
        Err(error) => {
            let locale = Locale::of_request(request.headers());
            return worded(Rejection::from(error).into_response(), locale);
        }
    }
    // A body sent in chunks says its size only as it arrives: read it here, up to the limit,
    // so that one too large is refused the same way (and a stranger's is never read).
    if declared_length.is_none() {
        request = match within_limit(request).await {
            Ok(read) => read,
            Err(refusal) => return refusal,
        };
    }
    next.run(request).await
}

/// The request with its body read, when the body is no larger than a server function takes;
/// else 413 (or 400 when the client broke off).
async fn within_limit(request: Request) -> Result<Request, Response> {
    let (parts, body) = request.into_parts();
    match Limited::new(body, SERVER_FUNCTION_BODY_LIMIT as usize)
        .collect()
        .await
    {
        Ok(read) => Ok(Request::from_parts(parts, Body::from(read.to_bytes()))),
        Err(error) if error.is::<LengthLimitError>() => {
            Err(StatusCode::PAYLOAD_TOO_LARGE.into_response())
        }
        Err(_) => Err(StatusCode::BAD_REQUEST.into_response()),
    }
}

/// The page to come back to after logging in: the one asked for, unless it was a form post.
fn returning_to(request: &Request) -> Option<String> {
    (request.method() == Method::GET)
        .then(|| {
            request
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
        })
        .flatten()
}

/// Replaces a refusal's text with its wording in `locale` (a handler cannot know the
/// language; its `Rejection` leaves the error in the response for this).
fn worded(mut response: Response, locale: Locale) -> Response {
    match response.extensions_mut().remove::<AppError>() {
        Some(error) => (response.status(), locale.texts().error(&error)).into_response(),
        None => response,
    }
}

/// The person who passed the route's door.
pub(super) struct Authorized(pub Actor);

impl<S: Send + Sync> FromRequestParts<S> for Authorized {
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Rejection> {
        parts
            .extensions
            .remove::<Actor>()
            .map(Authorized)
            .ok_or_else(|| {
                tracing::error!("a handler asked for the person on a route without a door");
                Rejection::from(AppError::Internal)
            })
    }
}

/// Every refusal of a plain route, as it is answered: the login page for a stranger who came
/// in a browser, else the error's status (401, 403, 404, 422, 500) and its text, as server
/// functions answer, in the request's language (see `worded`). (The reasons themselves are `mamori_domain::Refusal`, inside `AppError`.)
#[derive(Debug)]
pub(super) enum Rejection {
    /// To the login page, coming back to the path given.
    ToLogin(Option<String>),
    Status(AppError),
}

impl From<AppError> for Rejection {
    fn from(error: AppError) -> Self {
        Rejection::Status(error)
    }
}

impl From<StoreError> for Rejection {
    fn from(error: StoreError) -> Self {
        Rejection::Status(shown_error(error))
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        match self {
            Rejection::ToLogin(next) => Redirect::to(&mamori_domain::url::login_returning_to(
                next.as_deref().unwrap_or("/"),
            ))
            .into_response(),
            Rejection::Status(error) => {
                let mut response = (status_of(&error), error.to_string()).into_response();
                response.extensions_mut().insert(error);
                response
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::PrivatePages;

    #[test]
    fn private_pages_match_their_patterns_segment_by_segment() {
        let pages = PrivatePages::new(
            ["/", "/modules/{slug}", "/modules/{slug}/quiz"].into_iter(),
            ["/modules/export.csv"].into_iter(),
        );
        for private in ["/", "/modules/media", "/modules/media/quiz"] {
            assert!(pages.contains(private), "{private}");
        }
        for other in [
            "/login",
            "/modules",
            "/modules/",
            "/modules/media/quiz/x",
            "/pkg/app.js",
            "/modules/export.csv",
        ] {
            assert!(!pages.contains(other), "{other}");
        }
    }
}
