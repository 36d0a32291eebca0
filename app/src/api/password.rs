//! Setting a password through an e-mailed one-use link. Public: the link is the credential.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::server::{AppState, internal, redirect_form_post, refuse, refused};

/// The name of the person a link is for, or `NotFound` when the link is unknown, used or
/// expired (one answer for all three).
#[server(endpoint = "password_link_holder")]
pub async fn password_link_holder(token: String) -> Result<String, AppError> {
    let state = AppState::from_context()?;
    state
        .store
        .password_link_holder(&token, chrono::Utc::now())
        .await
        .map_err(link_error)
}

/// Sets the password and spends the link. The person then logs in with it.
#[server(endpoint = "set_password_with_link")]
pub async fn set_password_with_link(
    token: String,
    password: String,
    password_again: String,
) -> Result<(), AppError> {
    let state = AppState::from_context()?;
    if password != password_again {
        return Err(refuse(AppError::PasswordsDiffer));
    }
    let password = mamori_domain::NewPassword::parse(&password).map_err(refused)?;
    state
        .store
        .use_password_link(&token, &password, chrono::Utc::now())
        .await
        .map_err(link_error)?;
    redirect_form_post("/login?password_set=1");
    Ok(())
}

#[cfg(feature = "ssr")]
fn link_error(error: mamori_store::StoreError) -> AppError {
    match error {
        mamori_store::StoreError::NotFound(_) => refuse(AppError::LinkUnusable),
        other => internal(other),
    }
}
