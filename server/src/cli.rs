//! The `mamori` command line: serving and the admin subcommands.

use crate::settings::Settings;
use clap::{Parser, Subcommand};
use mamori_domain::{EmailAddress, EmployeeId, StaffName};
use mamori_store::{
    Store,
    accounts::{NewAdmin, NewPassword},
};
use std::{io::BufRead, process::ExitCode};

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
    /// Load the demo agency (消費者庁, 361 staff, demo accounts) into an empty database.
    Demo,
    /// Administrator accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// User accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator (a staff member with the admin role) with a password.
    Create {
        #[arg(long)]
        employee_id: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// Division to place the administrator in (created if missing).
        #[arg(long, default_value = "総務課")]
        division: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Set a person's password and end their sessions.
    SetPassword {
        employee_id: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
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
}

async fn open_store(settings: &Settings) -> Result<Store, CliError> {
    let store = Store::connect(settings.database_url.expose()).await?;
    store.migrate().await?;
    Ok(store)
}

fn read_password(from_stdin: bool) -> Result<NewPassword, CliError> {
    let raw = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        let first = rpassword::prompt_password("New password: ")?;
        let again = rpassword::prompt_password("Repeat it: ")?;
        if first != again {
            return Err(CliError::Invalid("the two passwords differ".into()));
        }
        first
    };
    Ok(NewPassword::parse(&raw)?)
}

fn invalid(error: impl std::fmt::Display) -> CliError {
    CliError::Invalid(error.to_string())
}

pub async fn run(cli: Cli, settings: Settings) -> Result<ExitCode, CliError> {
    tracing::debug!(?settings, "configuration");
    match cli.command {
        Command::Serve => {
            let store = open_store(&settings).await?;
            crate::web::serve(&settings, store).await?;
        }
        Command::Migrate => {
            open_store(&settings).await?;
            println!("The database schema is up to date.");
        }
        Command::Demo => {
            let store = open_store(&settings).await?;
            if store.is_demo().await? {
                println!("The demo agency is already loaded.");
            } else {
                let count = store.load_demo().await?;
                println!(
                    "Loaded the demo agency: 9 divisions, {count} staff, and the demo accounts."
                );
            }
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    employee_id,
                    name,
                    email,
                    division,
                    password_stdin,
                },
        } => {
            let admin = NewAdmin {
                employee_id: EmployeeId::parse(&employee_id).map_err(invalid)?,
                name: StaffName::parse(&name).map_err(invalid)?,
                email: EmailAddress::parse(&email).map_err(invalid)?,
                division,
                password: read_password(password_stdin)?,
            };
            let store = open_store(&settings).await?;
            let today = mamori_domain::agency_date(chrono::Utc::now());
            store.create_admin(admin, today).await?;
            println!("Created administrator {employee_id}.");
        }
        Command::User {
            command:
                UserCommand::SetPassword {
                    employee_id,
                    password_stdin,
                },
        } => {
            let employee_id = EmployeeId::parse(&employee_id).map_err(invalid)?;
            let password = read_password(password_stdin)?;
            let store = open_store(&settings).await?;
            store.set_password(&employee_id, &password).await?;
            println!("Password set for {employee_id}; their open sessions have ended.");
        }
    }
    Ok(ExitCode::SUCCESS)
}
