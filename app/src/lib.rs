//! Mamori's web UI: the Leptos application shared by the server (SSR) and the browser
//! (hydration). Pages live in `pages/`, reusable pieces in `components/`, server functions
//! grouped by area in `api/`, and the UI's Japanese and English texts in `i18n.rs`.

pub mod api;
mod app;
mod components;
pub mod error;
pub mod i18n;
mod pages;
mod raw_text;

pub use app::{App, shell};

/// The browser entry point: hydrates the server-rendered page, once the code of a page that is
/// loaded when first visited has arrived.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_lazy(App);
}
