//! `mamori holidays …`: the days the agency is closed, imported from and exported to CSV.

use super::{CliError, open_store, read_file};
use crate::settings::Settings;
use clap::Subcommand;
use std::{io::Write, path::PathBuf, process::ExitCode};

#[derive(Debug, Subcommand)]
pub enum HolidaysCommand {
    /// Replace the holiday list with a CSV file (`date,name`, one day per line). All or
    /// nothing: bad lines are printed as `LINE: reason`.
    Import { file: PathBuf },
    /// Write the list in force (imported, or the built-in default) as CSV.
    Export,
}

pub async fn run(command: HolidaysCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    match command {
        HolidaysCommand::Import { file } => {
            let bytes = read_file(&file)?;
            match mamori_domain::business_calendar::parse_holidays(&bytes) {
                Ok(holidays) => {
                    open_store(settings)
                        .await?
                        .replace_holidays(&holidays)
                        .await?;
                    println!(
                        "{} holidays imported from {}.",
                        holidays.len(),
                        file.display()
                    );
                }
                Err(errors) => {
                    for error in &errors {
                        eprintln!("{error}");
                    }
                    eprintln!("Nothing was imported.");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        HolidaysCommand::Export => {
            let holidays = open_store(settings).await?.holidays().await?;
            let text = mamori_domain::business_calendar::write_holidays(&holidays);
            std::io::stdout().lock().write_all(text.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
