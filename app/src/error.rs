//! The one error type of the server functions. It travels to the browser, so it carries no
//! internal detail: the server logs that, the user reads a message in their language.

use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No valid session: log in first (HTTP 401).
    #[error("not logged in")]
    Unauthenticated,
    /// Logged in, but not allowed (HTTP 403).
    #[error("forbidden")]
    Forbidden,
    /// No such thing (HTTP 404).
    #[error("not found")]
    NotFound,
    /// Wrong login name or password, or the person has left.
    #[error("invalid login")]
    InvalidLogin,
    /// Too many failed logins of late, for this name or from this address: try again in
    /// `minutes` (HTTP 429). Said alike for names that exist and names that do not.
    #[error("too many failed logins: wait {minutes} minutes")]
    LoginHeldBack { minutes: i64 },
    /// Bad input, with a message for the user (HTTP 422).
    #[error("{0}")]
    Invalid(String),
    /// A rule refuses the change, for a reason the page words in the viewer's language (HTTP
    /// 422).
    #[error("{0}")]
    Refused(mamori_domain::Refusal),
    /// The two new passwords differ (HTTP 422).
    #[error("passwords differ")]
    PasswordsDiffer,
    /// A set-password link that is unknown, used or expired (HTTP 404).
    #[error("link unusable")]
    LinkUnusable,
    /// Something failed on the server; details are in its log (HTTP 500).
    #[error("internal error")]
    Internal,
    /// The call itself failed (network, encoding).
    #[error("request failed: {0}")]
    Request(String),
    /// The call's arguments are missing or malformed: a client's mistake, never a page's
    /// (HTTP 400).
    #[error("bad arguments: {0}")]
    BadArguments(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // On the server: the request's arguments did not decode.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Args(message) | ServerFnErrorErr::MissingArg(message) => {
                crate::api::refuse(AppError::BadArguments(message))
            }
            other => AppError::Request(other.to_string()),
        }
    }
}
