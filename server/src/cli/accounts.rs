//! `mamori admin …` and `mamori user …`: creating an administrator and setting a person's
//! password, both read at a prompt or from standard input.

use super::{CliError, open_store, today};
use crate::settings::Settings;
use clap::Subcommand;
use mamori_domain::NewPassword;
use mamori_domain::{EmailAddress, EmployeeId, StaffName};
use mamori_store::{StoreError, accounts::NewAdmin};
use std::{io::BufRead, process::ExitCode};

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

pub async fn admin(command: AdminCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    let AdminCommand::Create {
        employee_id,
        name,
        email,
        division,
        password_stdin,
    } = command;
    let admin = NewAdmin {
        employee_id: EmployeeId::parse(&employee_id).map_err(invalid)?,
        name: StaffName::parse(&name).map_err(invalid)?,
        email: EmailAddress::parse(&email).map_err(invalid)?,
        division,
        password: read_password(password_stdin)?,
    };
    let store = open_store(settings).await?;
    store.create_admin(admin, today()).await?;
    println!("Created administrator {employee_id}.");
    Ok(ExitCode::SUCCESS)
}

pub async fn user(command: UserCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    let UserCommand::SetPassword {
        employee_id,
        password_stdin,
    } = command;
    let employee_id = EmployeeId::parse(&employee_id).map_err(invalid)?;
    let password = read_password(password_stdin)?;
    let store = open_store(settings).await?;
    store.set_password(&employee_id, &password).await?;
    println!("Password set for {employee_id}; their open sessions have ended.");
    Ok(ExitCode::SUCCESS)
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
    NewPassword::parse(&raw).map_err(|reason| StoreError::from(reason).into())
}

fn invalid(error: impl std::fmt::Display) -> CliError {
    CliError::Invalid(error.to_string())
}
