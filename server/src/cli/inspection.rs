//! `mamori inspection …`: the self-inspection's items and answers from files, and its figures
//! (self-inspection.md).

use super::{CliError, import_outcome, note_dry_run, open_store, read_file};
use crate::settings::Settings;
use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use mamori_domain::{FiscalYear, inspection::files};
use mamori_store::staff_import::ImportError;
use std::{io::Write, path::PathBuf, process::ExitCode};

#[derive(Debug, Subcommand)]
pub enum InspectionCommand {
    /// A campaign's compliance items (items.csv).
    Items {
        #[command(subcommand)]
        command: ItemsCommand,
    },
    /// Typed answers (answers.csv).
    Answers {
        #[command(subcommand)]
        command: AnswersCommand,
    },
    /// The campaign's figures: 把握率, 対策実施率 and 到達率 per group.
    Figures {
        /// The fiscal year (2011 runs from April 2011 to March 2012).
        #[arg(long)]
        year: i32,
        #[arg(long, value_enum, default_value = "json")]
        format: FiguresFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum ItemsCommand {
    /// Import items.csv, creating the campaign if needed. All or nothing; refused once anyone
    /// has answered.
    Import {
        file: PathBuf,
        #[arg(long)]
        year: i32,
        /// The campaign's reference date (基準日); default the fiscal year's last day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<NaiveDate>,
        /// Check and report without writing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AnswersCommand {
    /// Import answers.csv (for earlier years, or answers collected on paper). All or nothing.
    Import {
        file: PathBuf,
        #[arg(long)]
        year: i32,
        /// Check and report without writing.
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FiguresFormat {
    Json,
    Table,
    Csv,
}

pub async fn run(command: InspectionCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    let now = chrono::Utc::now();
    match command {
        InspectionCommand::Items {
            command:
                ItemsCommand::Import {
                    file,
                    year,
                    reference_date,
                    dry_run,
                },
        } => {
            let year = FiscalYear::new(year);
            let outcome = match files::parse_items(&read_file(&file)?) {
                Ok(rows) => {
                    open_store(settings)
                        .await?
                        .import_inspection_items(year, &rows, reference_date, dry_run, now)
                        .await
                }
                Err(errors) => Err(ImportError::Rows(errors)),
            };
            import_outcome(outcome, &file, |report| {
                println!(
                    "{}: {} items for fiscal year {} (reference date {}){}.",
                    file.display(),
                    report.items,
                    year.start_year(),
                    report.reference_date,
                    if report.campaign_created {
                        ", a new campaign"
                    } else {
                        ""
                    }
                );
                note_dry_run(dry_run);
            })
        }
        InspectionCommand::Answers {
            command:
                AnswersCommand::Import {
                    file,
                    year,
                    dry_run,
                },
        } => {
            let outcome = match files::parse_answers(&read_file(&file)?) {
                Ok(rows) => {
                    open_store(settings)
                        .await?
                        .import_inspection_answers(FiscalYear::new(year), &rows, dry_run, now)
                        .await
                }
                Err(errors) => Err(ImportError::Rows(errors)),
            };
            import_outcome(outcome, &file, |count| {
                println!(
                    "{}: {count} answers for fiscal year {year}.",
                    file.display()
                );
                note_dry_run(dry_run);
            })
        }
        InspectionCommand::Figures { year, format } => {
            let figures = open_store(settings)
                .await?
                .inspection_figures(FiscalYear::new(year))
                .await?;
            let text = match format {
                FiguresFormat::Json => figures.to_json() + "\n",
                FiguresFormat::Table => figures.to_table(),
                FiguresFormat::Csv => figures.to_csv(),
            };
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
