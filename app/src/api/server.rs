//! The server side of every server function: application state, the acting user, and the
//! one door for permissions (`Needs` before the arguments are read, `require` in the body).

use crate::error::AppError;
use chrono::Utc;
use http::{HeaderMap, StatusCode, header};
use leptos::prelude::*;
use leptos::server_fn::{
    Bytes,
    error::{FromServerFnError, ServerFnErrorErr},
    middleware::{BoxedService, Layer, Service},
};
use leptos_axum::ResponseOptions;
use mamori_domain::{Actor, EmployeeId, Permission, training::Slug};
use mamori_store::{Store, StoreError, accounts::SessionToken};
use std::{future::Future, pin::Pin};

/// The cookie that carries the session token.
pub const SESSION_COOKIE: &str = "mamori_session";

/// What the server functions need, provided once per request by the server.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Sessions last as its `session_policy` says.
    pub store: Store,
    /// Mark cookies `Secure` (when served over TLS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// The address people use (no trailing slash), for links in mail.
    pub base_url: String,
}

impl AppState {
    pub fn from_context() -> Result<Self, AppError> {
        use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the server function context");
            AppError::Internal
        })
    }
}

/// The value of a cookie in a request's headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

fn token_in(headers: &HeaderMap) -> Option<SessionToken> {
    cookie_value(headers, SESSION_COOKIE).map(|v| SessionToken::from_cookie(&v))
}

pub(crate) fn session_token() -> Option<SessionToken> {
    token_in(&use_context::<http::request::Parts>()?.headers)
}

/// The caller's network address, as the server worked it out (behind a trusted proxy, the
/// address it forwarded); put in each request's extensions for the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientAddress(pub String);

impl ClientAddress {
    /// The address the server put in a request's extensions, or `unknown` when it did not.
    pub fn of(extensions: &http::Extensions) -> ClientAddress {
        extensions
            .get::<ClientAddress>()
            .cloned()
            .unwrap_or_else(|| ClientAddress("unknown".to_string()))
    }
}

/// The calling client's address, or `unknown` when the server did not say.
pub(crate) fn client_address() -> String {
    use_context::<http::request::Parts>().map_or_else(
        || "unknown".to_string(),
        |parts| ClientAddress::of(&parts.extensions).0,
    )
}

/// Who is calling, if anyone: the person the server's door already found for this request,
/// else the session's.
pub(crate) async fn current_actor(state: &AppState) -> Result<Option<Actor>, AppError> {
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Ok(None);
    };
    if let Some(actor) = parts.extensions.get::<Actor>() {
        return Ok(Some(actor.clone()));
    }
    actor_of(state, &parts.headers).await
}

/// The person whose session cookie is in `headers`, if the session is live.
pub async fn actor_of(state: &AppState, headers: &HeaderMap) -> Result<Option<Actor>, AppError> {
    let Some(token) = token_in(headers) else {
        return Ok(None);
    };
    let actor = state
        .store
        .session_actor(&token, Utc::now())
        .await
        .map_err(internal)?;
    if let Some(actor) = &actor {
        // Names the caller in the request's log (the server's request span has this field).
        tracing::Span::current().record(
            "employee_id",
            tracing::field::display(actor.employee_id.as_str()),
        );
    }
    Ok(actor)
}

/// The permission check for plain routes (downloads), the same as server functions make.
pub async fn authorize(
    state: &AppState,
    headers: &HeaderMap,
    permission: Permission,
) -> Result<Actor, AppError> {
    let actor = actor_of(state, headers)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    permitted(actor, permission)
}

fn permitted(actor: Actor, permission: Permission) -> Result<Actor, AppError> {
    if actor.can(permission) {
        Ok(actor)
    } else {
        tracing::warn!(employee_id = %actor.employee_id, ?permission, "permission refused");
        Err(AppError::Forbidden)
    }
}

/// The server functions anyone may call, logged in or not; every other one is refused to a
/// stranger at the server's door, before its arguments are even read.
pub const PUBLIC_SERVER_FUNCTIONS: [&str; 6] = [
    "login",
    "logout",
    "current_user",
    "demo_logins",
    "password_link_holder",
    "set_password_with_link",
];

/// The one permission check: every server function that shows or changes data calls this
/// first. Fails with 401 without a session and 403 without the permission.
pub(crate) async fn require(permission: Permission) -> Result<(AppState, Actor), AppError> {
    let state = AppState::from_context()?;
    let actor = current_actor(&state)
        .await?
        .ok_or_else(|| refuse(AppError::Unauthenticated))?;
    let actor = permitted(actor, permission).map_err(refuse)?;
    Ok((state, actor))
}

/// The permission a server function needs, checked before its arguments are even read:
/// `#[middleware(Needs(Permission::…))]` under its `#[server]`, naming the permission its body
/// `require`s. A caller over HTTP who lacks it is answered 403 (401 without a session) whatever
/// they sent. The body's `require` stays the rule: it is the only check when a page calls the
/// function while it renders on the server, where no middleware runs.
#[derive(Debug, Clone, Copy)]
pub struct Needs(pub Permission);

type ServerFnRequest = http::Request<axum::body::Body>;
type ServerFnResponse = http::Response<axum::body::Body>;

impl Layer<ServerFnRequest, ServerFnResponse> for Needs {
    fn layer(
        &self,
        inner: BoxedService<ServerFnRequest, ServerFnResponse>,
    ) -> BoxedService<ServerFnRequest, ServerFnResponse> {
        BoxedService::new(
            inner.ser,
            Gate {
                permission: self.0,
                inner,
            },
        )
    }
}

/// A server function behind its `Needs`.
struct Gate {
    permission: Permission,
    inner: BoxedService<ServerFnRequest, ServerFnResponse>,
}

impl Service<ServerFnRequest, ServerFnResponse> for Gate {
    fn run(
        &mut self,
        request: ServerFnRequest,
        _: fn(ServerFnErrorErr) -> Bytes,
    ) -> Pin<Box<dyn Future<Output = ServerFnResponse> + Send>> {
        // The server's door put the person of a live session in the request.
        let caller = request.extensions().get::<Actor>().cloned();
        match caller
            .ok_or(AppError::Unauthenticated)
            .and_then(|actor| permitted(actor, self.permission))
        {
            Ok(_) => self.inner.run(request),
            Err(error) => {
                let refusal = refusal_response(&error);
                Box::pin(async move { refusal })
            }
        }
    }
}

/// A refusal as server functions answer it: the error's status, and the error as JSON for
/// the page to word.
pub fn refusal_response(error: &AppError) -> ServerFnResponse {
    let mut response = http::Response::new(axum::body::Body::from(error.ser()));
    *response.status_mut() = status_of(error);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    response
}

/// Records in the audit log, once a change has succeeded, who made it, from where and what it
/// was.
pub(crate) async fn audit(
    state: &AppState,
    actor: &Actor,
    action: mamori_domain::AuditAction,
    detail: String,
) -> Result<(), AppError> {
    state
        .store
        .record_audit(
            chrono::Utc::now(),
            actor.employee_id.as_str(),
            action,
            &detail,
            &client_address(),
        )
        .await
        .map_err(internal)
}

/// Refuses a request for a reason of the rules (HTTP 422), which the page words in the viewer's
/// language.
pub(crate) fn refused(reason: impl Into<mamori_domain::Refusal>) -> AppError {
    refuse(AppError::Refused(reason.into()))
}

/// A module's address as a request names it; one that cannot be any module's is refused with
/// its reason. Server functions and plain routes alike parse theirs here.
pub fn requested_slug(raw: &str) -> Result<Slug, AppError> {
    Slug::parse(raw).map_err(refused)
}

/// An employee ID as a request names it; one that cannot be anyone's is not found, as an
/// unknown one is.
pub fn requested_employee_id(raw: &str) -> Result<EmployeeId, AppError> {
    EmployeeId::parse(raw).map_err(|_| refuse(AppError::NotFound))
}

/// Sets the HTTP status that matches an error, so that API clients (and tests) see 401/403/422.
/// A plain HTML form post keeps leptos's redirect back to the form, which shows the message.
pub(crate) fn refuse(error: AppError) -> AppError {
    if !is_form_post()
        && let Some(response) = use_context::<ResponseOptions>()
    {
        response.set_status(status_of(&error));
    }
    error
}

/// The HTTP status that matches an error.
pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::LoginHeldBack { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::NotFound | AppError::LinkUnusable => StatusCode::NOT_FOUND,
        AppError::InvalidLogin
        | AppError::Invalid(_)
        | AppError::Refused(_)
        | AppError::PasswordsDiffer => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::BadArguments(_) => StatusCode::BAD_REQUEST,
        AppError::Internal | AppError::Request(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// Whether the request is a plain HTML form post (no JavaScript), which wants a redirect back
/// rather than data.
pub(crate) fn is_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| accepts_html(&parts.headers))
}

/// Whether a request asks for a page (`Accept: text/html`): a browser's plain form post.
pub fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"))
}

/// Sends a plain form post on to `path`. Scripted calls get the path back instead and load it
/// in full (see `reload_on_success`), so that a new session starts with fresh page state.
pub(crate) fn redirect_form_post(path: &str) {
    if is_form_post() {
        leptos_axum::redirect(path);
    }
}

/// The answer for a store error a caller can act on: not found (404), or a refusal with its
/// reason (422); anything else is internal.
pub(crate) fn store_error(error: StoreError) -> AppError {
    refuse(shown_error(error))
}

/// What a caller is told of a store error (see `store_error`); plain routes answer the same.
pub fn shown_error(error: StoreError) -> AppError {
    match error {
        StoreError::NotFound(_) => AppError::NotFound,
        StoreError::Refused(reason) => AppError::Refused(reason),
        other => {
            tracing::error!(error = %other, "store error");
            AppError::Internal
        }
    }
}

/// Logs a store failure and hides its detail from the caller.
pub(crate) fn internal(error: StoreError) -> AppError {
    tracing::error!(%error, "store error in a server function");
    refuse(AppError::Internal)
}

pub(crate) fn set_cookie(cookie: String) {
    if let Some(response) = use_context::<ResponseOptions>()
        && let Ok(value) = header::HeaderValue::from_str(&cookie)
    {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// A session cookie: HttpOnly (no script reads it), SameSite=Lax (no cross-site posts carry it).
pub(crate) fn session_cookie(state: &AppState, value: &str, max_age_seconds: i64) -> String {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_cookie_among_several() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, "a=1; mamori_session=abc".parse().unwrap());
        headers.append(header::COOKIE, "mamori_lang=en".parse().unwrap());
        assert_eq!(
            cookie_value(&headers, SESSION_COOKIE).as_deref(),
            Some("abc")
        );
        assert_eq!(cookie_value(&headers, "mamori_lang").as_deref(), Some("en"));
        assert_eq!(cookie_value(&headers, "missing"), None);
    }
}
