//! `mamori staff …`: the staff directory imported from and exported to staff.csv.

use super::{CliError, import_outcome, note_dry_run, open_store, read_file, today};
use crate::settings::Settings;
use chrono::NaiveDate;
use clap::Subcommand;
use mamori_domain::staff_file::StaffField;
use mamori_store::staff_import::{ImportError, ImportOptions, ImportReport};
use std::{io::Write, path::PathBuf, process::ExitCode};

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Import staff.csv: create and update people by employee_id. All or nothing: any bad row
    /// changes nothing and is printed as `LINE: reason`.
    Import {
        file: PathBuf,
        /// Check and report what would change, without writing.
        #[arg(long)]
        dry_run: bool,
        /// Also mark people missing from the file as having left on the import date.
        #[arg(long)]
        sync: bool,
        /// The date the file describes (transfers and role changes take effect on it);
        /// default today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
    /// Export the directory as staff.csv (UTF-8 with a byte-order mark, for Excel).
    Export {
        /// The directory as it was on this date; default today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

pub async fn run(command: StaffCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    match command {
        StaffCommand::Import {
            file,
            dry_run,
            sync,
            date,
        } => {
            let changed_by = format!(
                "cli:{}",
                std::env::var("USER").unwrap_or_else(|_| "unknown".into())
            );
            let options = ImportOptions {
                effective: date.unwrap_or_else(today),
                sync,
                dry_run,
                changed_by: &changed_by,
                now: chrono::Utc::now(),
            };
            import_staff(settings, &file, options).await
        }
        StaffCommand::Export { as_of, output } => {
            let store = open_store(settings).await?;
            let rows = store.staff_rows_as_of(as_of.unwrap_or_else(today)).await?;
            let text = mamori_domain::staff_file::write(&rows);
            match output {
                Some(path) => std::fs::write(path, text)?,
                None => std::io::stdout().lock().write_all(text.as_bytes())?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn import_staff(
    settings: &Settings,
    file: &std::path::Path,
    options: ImportOptions<'_>,
) -> Result<ExitCode, CliError> {
    let bytes = read_file(file)?;
    let outcome = match mamori_domain::staff_file::parse(&bytes) {
        Ok(rows) => {
            open_store(settings)
                .await?
                .import_staff(&rows, options)
                .await
        }
        Err(errors) => Err(ImportError::Rows(errors)),
    };
    import_outcome(outcome, file, |report| {
        print_report(&file.display().to_string(), options, &report)
    })
}

fn print_report(file: &str, options: ImportOptions<'_>, report: &ImportReport) {
    println!(
        "{file} as of {}: {} created, {} updated, {} unchanged, {} left.",
        options.effective,
        report.created.len(),
        report.updated.len(),
        report.unchanged,
        report.left.len()
    );
    if !report.created.is_empty() {
        println!("  created: {}", report.created.join(" "));
    }
    for (employee_id, fields) in &report.updated {
        println!("  updated: {employee_id} ({})", StaffField::columns(fields));
    }
    if !report.left.is_empty() {
        println!("  left: {}", report.left.join(" "));
    }
    if !report.new_divisions.is_empty() {
        println!("  new divisions: {}", report.new_divisions.join(" "));
    }
    note_dry_run(options.dry_run);
}
