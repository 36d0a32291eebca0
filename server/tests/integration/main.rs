//! The application's integration tests (over HTTP, and the `mamori` binary), in one test
//! binary: each binary links the whole stack, and one link instead of seven makes a rebuild
//! quicker (numbers in the README).

mod api;
mod cli;
mod directory_admin;
mod materials;
mod page_cost;
mod quiz;
mod reminders;
mod reports;
mod security;
mod support;
