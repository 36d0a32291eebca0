//! Server functions, grouped by area. Each is a thin shell: its `Needs` checks the caller's
//! permission before the arguments are read (the public ones ask `current_actor` who is
//! calling), then it calls the store.

pub mod audit;
pub mod directory;
pub mod inspection;
pub mod mail;
pub mod password;
pub mod quiz;
pub mod reports;
pub mod session;
pub mod staff_import;
pub mod training;

#[cfg(feature = "ssr")]
mod server;
#[cfg(feature = "ssr")]
pub(crate) use server::refuse;
#[cfg(feature = "ssr")]
pub use server::{
    AppState, ClientAddress, PUBLIC_SERVER_FUNCTIONS, SESSION_COOKIE, accepts_html, actor_of,
    authorize, cookie_value, refusal_response, requested_employee_id, requested_slug, shown_error,
    status_of,
};
