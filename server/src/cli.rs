//! The `mamori` command line: serving and the admin subcommands. Each subcommand has a file
//! under cli/ with its arguments and what it does (`mamori admin` and `mamori user` share
//! accounts.rs); this file has the list of them and the helpers they share.

mod accounts;
mod demo;
mod holidays;
mod inspection;
mod mail;
mod quiz;
mod reminders;
mod serve;
mod staff;

use crate::settings::Settings;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use mamori_store::{Store, staff_import::ImportError};
use std::process::ExitCode;

/// Mamori (守り): security-awareness training and the yearly self-inspection.
///
/// Configuration comes from MAMORI_* environment variables (see the README).
#[derive(Debug, Parser)]
#[command(name = "mamori", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (runs pending migrations first).
    Serve,
    /// Bring the database schema up to date.
    Migrate,
    /// Load the demo agency (消費者庁, 361 staff, demo accounts) into an empty database, with
    /// its training and self-inspections as of a moment (default now).
    Demo {
        /// The moment to load as of, e.g. 2026-12-01T10:00:00+09:00.
        #[arg(long, value_name = "RFC3339")]
        at: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
    /// Administrator accounts.
    Admin {
        #[command(subcommand)]
        command: accounts::AdminCommand,
    },
    /// User accounts.
    User {
        #[command(subcommand)]
        command: accounts::UserCommand,
    },
    /// The staff directory (staff.csv).
    Staff {
        #[command(subcommand)]
        command: staff::StaffCommand,
    },
    /// Outgoing mail.
    Mail {
        #[command(subcommand)]
        command: mail::MailCommand,
    },
    /// A module's quiz questions.
    Quiz {
        #[command(subcommand)]
        command: quiz::QuizCommand,
    },
    /// Reminder mail (the server also runs passes on its own, every
    /// MAMORI_REMINDER_POLL_SECONDS).
    Reminders {
        #[command(subcommand)]
        command: reminders::RemindersCommand,
    },
    /// The days the agency is closed: no reminder goes out on them.
    Holidays {
        #[command(subcommand)]
        command: holidays::HolidaysCommand,
    },
    /// The yearly self-inspection (自己点検): items, answers and figures.
    Inspection {
        #[command(subcommand)]
        command: inspection::InspectionCommand,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] mamori_store::StoreError),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Mail(#[from] mamori_mail::MailError),
}

pub async fn run(cli: Cli, settings: Settings) -> Result<ExitCode, CliError> {
    tracing::debug!(?settings, "configuration");
    match cli.command {
        Command::Serve => serve::run(&settings).await,
        Command::Migrate => {
            open_store(&settings).await?;
            println!("The database schema is up to date.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { at } => demo::run(at, &settings).await,
        Command::Admin { command } => accounts::admin(command, &settings).await,
        Command::User { command } => accounts::user(command, &settings).await,
        Command::Staff { command } => staff::run(command, &settings).await,
        Command::Mail { command } => mail::run(command, &settings).await,
        Command::Quiz { command } => quiz::run(command, &settings).await,
        Command::Reminders { command } => reminders::run(command, &settings).await,
        Command::Holidays { command } => holidays::run(command, &settings).await,
        Command::Inspection { command } => inspection::run(command, &settings).await,
    }
}

async fn open_store(settings: &Settings) -> Result<Store, CliError> {
    let store = Store::connect(settings.database_url.expose()).await?;
    store.migrate().await?;
    Ok(store)
}

/// The moment a command runs as of: its `--at`, else now (the command line is an edge: the
/// code it calls takes the moment it is given).
fn moment(at: Option<chrono::DateTime<chrono::FixedOffset>>) -> chrono::DateTime<chrono::Utc> {
    at.map_or_else(chrono::Utc::now, |at| at.with_timezone(&chrono::Utc))
}

fn today() -> NaiveDate {
    mamori_domain::agency_date(chrono::Utc::now())
}

/// How an all-or-nothing import ends: its report printed, or its bad rows (nothing imported,
/// exit status 1), or an error.
fn import_outcome<T>(
    outcome: Result<T, ImportError>,
    file: &std::path::Path,
    report: impl FnOnce(T),
) -> Result<ExitCode, CliError> {
    match outcome {
        Ok(done) => {
            report(done);
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Rows(errors)) => Ok(refuse_rows(&errors, file)),
        Err(ImportError::Store(error)) => Err(error.into()),
    }
}

fn read_file(file: &std::path::Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(file)
        .map_err(|e| CliError::Invalid(format!("cannot read {}: {e}", file.display())))
}

/// Prints an import file's bad rows as `LINE: reason`: nothing was imported.
fn refuse_rows(errors: &[mamori_domain::csv::LineError], file: &std::path::Path) -> ExitCode {
    for error in errors {
        eprintln!("{error}");
    }
    eprintln!(
        "Nothing was imported: {} bad row(s) in {}.",
        errors.len(),
        file.display()
    );
    ExitCode::FAILURE
}

/// The last line of an import's report when it only checked.
fn note_dry_run(dry_run: bool) {
    if dry_run {
        println!("Dry run: nothing was written.");
    }
}
