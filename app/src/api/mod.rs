//! Server functions, grouped by area. Each is a thin shell: it asks `require` (or
//! `current_actor`) who is calling and whether they may, then calls the store.

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
    authorize, cookie_value, requested_employee_id, requested_slug, shown_error, status_of,
};
