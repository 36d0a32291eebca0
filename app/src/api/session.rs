//! Logging in and out, and who is logged in.

use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use mamori_domain::{Actor, AppRole, session::OpenSession};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::server::{
    AppState, Needs, client_address, current_actor, internal, redirect_form_post, refuse, require,
    session_cookie, session_token, set_cookie,
};
#[cfg(feature = "ssr")]
use mamori_domain::Permission;
#[cfg(feature = "ssr")]
use mamori_store::{
    accounts::SessionClient,
    logins::{LoginAttempt, LoginOutcome},
};

/// A demo account as the login page lists it (in demo mode only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DemoLogin {
    pub employee_id: String,
    pub name: String,
    pub title: String,
    pub app_roles: Vec<AppRole>,
    pub password: String,
}

/// Logs in with an employee ID or e-mail and a password. Answers the page to go to: `next`
/// when it is a path of this site (the page that sent a stranger to log in), else the
/// person's home page.
#[server(endpoint = "login")]
pub async fn login(
    login: String,
    password: String,
    #[server(default)] next: Option<String>,
) -> Result<String, AppError> {
    let state = AppState::from_context()?;
    let now = chrono::Utc::now();
    let address = client_address();
    let attempt = LoginAttempt {
        login: &login,
        password: &password,
        address: &address,
        at: now,
    };
    let staff_id = match state.store.log_in(attempt).await.map_err(internal)? {
        LoginOutcome::Admitted { staff_id } => staff_id,
        LoginOutcome::Refused => {
            tracing::info!(%address, "login refused");
            return Err(refuse(AppError::InvalidLogin));
        }
        LoginOutcome::MustWait { until } => {
            tracing::warn!(%address, "login held back after repeated failures");
            let minutes = mamori_domain::login_throttle::minutes_left(until, now);
            return Err(refuse(AppError::LoginHeldBack { minutes }));
        }
    };
    let user_agent = use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        })
        .unwrap_or_default();
    let client = SessionClient {
        address: &address,
        user_agent: &user_agent,
    };
    let token = state
        .store
        .start_session(staff_id, client, now)
        .await
        .map_err(internal)?;
    let actor = state
        .store
        .session_actor(&token, now)
        .await
        .map_err(internal)?
        .ok_or(AppError::Internal)?;
    tracing::info!(employee_id = %actor.employee_id, "logged in");
    set_cookie(session_cookie(
        &state,
        token.expose(),
        state.store.session_policy().lifetime.num_seconds(),
    ));
    let destination = next
        .as_deref()
        .and_then(mamori_domain::url::own_path)
        .unwrap_or(actor.home_path());
    redirect_form_post(destination);
    Ok(destination.to_string())
}

/// Ends the session. Answers the login page's path.
#[server(endpoint = "logout")]
pub async fn logout() -> Result<String, AppError> {
    let state = AppState::from_context()?;
    if let Some(actor) = current_actor(&state).await? {
        state
            .store
            .record_logout(&actor.employee_id, &client_address(), 1, chrono::Utc::now())
            .await
            .map_err(internal)?;
    }
    if let Some(token) = session_token() {
        state.store.end_session(&token).await.map_err(internal)?;
    }
    leave_for_login(&state)
}

/// Ends every session of the person calling, on every PC and phone ("log out everywhere").
/// Answers the login page's path.
#[server(endpoint = "log_out_everywhere")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn log_out_everywhere() -> Result<String, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let ended = state
        .store
        .end_sessions_of(actor.staff_id)
        .await
        .map_err(internal)?;
    state
        .store
        .record_logout(
            &actor.employee_id,
            &client_address(),
            ended,
            chrono::Utc::now(),
        )
        .await
        .map_err(internal)?;
    leave_for_login(&state)
}

/// Clears the session cookie and sends the browser to the login page.
#[cfg(feature = "ssr")]
fn leave_for_login(state: &AppState) -> Result<String, AppError> {
    set_cookie(session_cookie(state, "", 0));
    redirect_form_post("/login");
    Ok("/login".to_string())
}

/// The caller's open sessions, the most recently used first.
#[server(endpoint = "my_sessions")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn my_sessions() -> Result<Vec<OpenSession>, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    state
        .store
        .open_sessions(actor.staff_id, session_token().as_ref(), chrono::Utc::now())
        .await
        .map_err(internal)
}

/// After a scripted login or logout, loads the answered page in full: a new session starts
/// with fresh state everywhere on the page. (Without JavaScript the server redirects.)
pub fn reload_on_success<S>(action: ServerAction<S>)
where
    S: leptos::server_fn::ServerFn<Output = String, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    Effect::new(move |_| {
        if let Some(Ok(path)) = action.value().get() {
            #[cfg(feature = "hydrate")]
            let _ = window().location().assign(&path);
            #[cfg(not(feature = "hydrate"))]
            let _ = path;
        }
    });
}

/// The person logged in, and the agency's date, which the browser takes from the server so that
/// both render the same fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub actor: Actor,
    pub today: NaiveDate,
}

/// The person logged in, or `None`. Public: the layout asks it on every page.
#[server(endpoint = "current_user")]
pub async fn current_user() -> Result<Option<Viewer>, AppError> {
    let state = AppState::from_context()?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    Ok(current_actor(&state)
        .await?
        .map(|actor| Viewer { actor, today }))
}

/// The demo accounts, listed only when the database holds the demo agency.
#[server(endpoint = "demo_logins")]
pub async fn demo_logins() -> Result<Vec<DemoLogin>, AppError> {
    let state = AppState::from_context()?;
    Ok(state
        .store
        .demo_logins()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| DemoLogin {
            employee_id: d.employee_id,
            name: d.name,
            title: d.title,
            app_roles: d.app_roles,
            password: mamori_domain::demo::DEMO_PASSWORD.to_string(),
        })
        .collect())
}
