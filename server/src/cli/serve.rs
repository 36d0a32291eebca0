//! `mamori serve`: the web application, with the mail delivery and reminder passes running
//! beside it.

use super::{CliError, open_store};
use crate::{mail_delivery::deliver_due_mail, settings::Settings};
use std::process::ExitCode;

pub async fn run(settings: &Settings) -> Result<ExitCode, CliError> {
    let store = open_store(settings).await?;
    let sender = settings.mail_sender()?;
    tracing::info!(mail = %sender.describe(), "mail delivery");
    let sender = std::sync::Arc::new(sender);
    let every = std::time::Duration::from_secs;
    crate::mail_delivery::spawn_every(every(settings.mail_poll_seconds), "mail delivery", {
        let store = store.clone();
        move || {
            let (store, sender) = (store.clone(), sender.clone());
            async move { deliver_due_mail(&store, &sender, chrono::Utc::now()).await }
        }
    });
    crate::mail_delivery::spawn_every(every(settings.reminder_poll_seconds), "reminder", {
        let (store, base_url) = (store.clone(), settings.base_url.clone());
        move || {
            let (store, base_url) = (store.clone(), base_url.clone());
            async move { store.run_reminder_pass(chrono::Utc::now(), &base_url).await }
        }
    });
    crate::web::serve(settings, store).await?;
    Ok(ExitCode::SUCCESS)
}
