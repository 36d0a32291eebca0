//! `mamori reminders run`: one reminder pass, queuing the notices, reminders and digests due.

use super::{CliError, moment, open_store};
use crate::settings::Settings;
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// Queue the notices, reminders and digests due as of a moment (default now); `mamori mail
    /// send` or the server then sends them. Running it again queues nothing twice.
    Run {
        /// The moment to run as of, e.g. 2026-12-01T09:00:00+09:00.
        #[arg(long, value_name = "RFC3339")]
        at: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
}

pub async fn run(command: RemindersCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    let RemindersCommand::Run { at } = command;
    let store = open_store(settings).await?;
    let at = moment(at);
    let report = store.run_reminder_pass(at, &settings.base_url).await?;
    if let Some(last_day) = report.holidays_running_out {
        eprintln!(
            "warning: the built-in holiday list ends on {last_day}; after it, business days are guessed (weekdays are taken as open). Import the coming year's holidays with `mamori holidays import FILE`."
        );
    }
    if !report.sending_time {
        println!(
            "{} is outside business days and hours (09:00-18:00 Japan time): nothing was queued.",
            mamori_domain::mail::japanese_date_time(at)
        );
    } else {
        let kinds: Vec<String> = report
            .queued
            .iter()
            .map(|(kind, n)| format!("{n} {}", kind.code()))
            .collect();
        println!(
            "{} open assignments checked; {} mail queued{}.",
            report.open_assignments,
            report.total(),
            if kinds.is_empty() {
                String::new()
            } else {
                format!(" ({})", kinds.join(", "))
            }
        );
    }
    Ok(ExitCode::SUCCESS)
}
