//! The `mamori` server: configuration, the web application's wiring and the admin commands.
//! A library as well as a binary so that integration tests can start the real application.

pub mod cli;
pub mod mail_delivery;
pub mod material_files;
pub mod settings;
pub mod web;
