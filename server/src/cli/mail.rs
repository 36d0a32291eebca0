//! `mamori mail send`: the mail that is due, sent pass after pass until none is left.

use super::{CliError, moment, open_store};
use crate::{mail_delivery::deliver_due_mail, settings::Settings};
use clap::Subcommand;
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Send the mail that is due now (the server also does this on its own, every
    /// MAMORI_MAIL_POLL_SECONDS).
    Send {
        /// Send what is due as of this moment instead, e.g. after `reminders run --at`.
        #[arg(long, value_name = "RFC3339")]
        at: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
}

pub async fn run(command: MailCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    let MailCommand::Send { at } = command;
    let at = moment(at);
    let store = open_store(settings).await?;
    let sender = settings.mail_sender()?;
    // Pass after pass until nothing is left that is due now.
    let mut delivery = crate::mail_delivery::Delivery::default();
    loop {
        let pass = deliver_due_mail(&store, &sender, at).await?;
        delivery.sent += pass.sent;
        delivery.failed += pass.failed;
        if pass.sent == 0 {
            break;
        }
    }
    println!(
        "{} sent, {} failed (will be retried) via {}.",
        delivery.sent,
        delivery.failed,
        sender.describe()
    );
    if delivery.failed > 0 {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
