//! The store's integration tests against real databases, in one test binary: each binary links
//! the whole stack, and one link instead of eight makes a rebuild quicker (numbers in the
//! README).

mod inspection;
mod logins;
mod outbox;
mod quiz;
mod reminders;
mod reports;
mod staff_import;
mod store;
mod training;
