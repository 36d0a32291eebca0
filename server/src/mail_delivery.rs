//! Sends what the outbox holds: a pass claims the due mail, sends each, and records the result;
//! a failure waits for a later pass (with back-off), so nothing is lost while SMTP is down.
//! The server runs these passes, and the reminder passes that fill the outbox, on its own.

use futures_util::StreamExt;
use mamori_mail::{OutgoingMail, Sender};
use mamori_store::{Store, outbox::DueMail};
use std::time::Duration;
use tracing::Instrument;

/// Mail sent per pass at most; the rest waits for the next pass.
const BATCH: u64 = 200;

/// Mail on its way at once: each SMTP connection of the sender's pool kept busy, while a
/// slow reply holds up only its own mail.
const SENDING_AT_ONCE: usize = 8;

/// Mail sent between two records of what was sent: a crash between sending and recording
/// sends at most these again (with the same Message-ID), and one statement records them all.
const RECORDED_TOGETHER: usize = 4 * SENDING_AT_ONCE;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// One delivery pass as of `now`: the mail due then is claimed, sent dated `now`, and each
/// send is recorded as made at `now` (sent, or failed with its retry counted from `now`). The
/// pass reads no clock of its own, so a pass run as of any moment behaves the same, whatever
/// the date.
pub async fn deliver_due_mail(
    store: &Store,
    sender: &Sender,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Delivery, mamori_store::StoreError> {
    let mut delivery = Delivery::default();
    let claimed = store.claim_due_mail(now, BATCH).await?;
    for group in claimed.chunks(RECORDED_TOGETHER) {
        // Owned, so that the pass's future stays `Send` for the server's timer.
        let outcomes: Vec<_> = futures_util::stream::iter(group.iter().cloned())
            .map(|mail| async move {
                let outcome = sender.send(&outgoing(&mail, now), &mail.key).await;
                (mail, outcome)
            })
            .buffer_unordered(SENDING_AT_ONCE)
            .collect()
            .await;
        let mut sent = Vec::new();
        for (mail, outcome) in outcomes {
            match outcome {
                Ok(()) => sent.push(mail),
                Err(error) => {
                    tracing::warn!(%error, key = %mail.key, "mail not sent; will retry");
                    store
                        .mark_mail_failed(&mail, &error.to_string(), now)
                        .await?;
                    delivery.failed += 1;
                }
            }
        }
        store.mark_mail_sent(&sent, now).await?;
        delivery.sent += sent.len();
    }
    Ok(delivery)
}

/// A claimed mail as it is sent, dated `now`.
fn outgoing(mail: &DueMail, now: chrono::DateTime<chrono::Utc>) -> OutgoingMail {
    OutgoingMail {
        to: mail.to_address.clone(),
        to_name: Some(mail.to_name.clone()).filter(|n| !n.is_empty()),
        subject: mail.subject.clone(),
        body: mail.body.clone(),
        date: now.into(),
    }
}

/// A pass's result as its log line reports it: at info when it did something, else at debug
/// (the mail pass runs every few seconds).
pub trait PassOutcome {
    fn log(&self);
}

impl PassOutcome for Delivery {
    fn log(&self) {
        let Delivery { sent, failed } = *self;
        if sent + failed > 0 {
            tracing::info!(sent, failed, "pass done");
        } else {
            tracing::debug!(sent, failed, "pass done");
        }
    }
}

impl PassOutcome for mamori_store::reminders::PassReport {
    fn log(&self) {
        let (open_assignments, queued) = (self.open_assignments, self.total());
        if self.sending_time {
            tracing::info!(open_assignments, queued, by_kind = ?self.queued, "pass done");
        } else {
            tracing::debug!(sending_time = false, "pass done");
        }
    }
}

/// Runs `pass` every `every`, each in its own span, for as long as the server runs; a failed
/// pass is logged and the next one tries again.
pub fn spawn_every<F, Fut, T, E>(every: Duration, what: &'static str, pass: F)
where
    F: Fn() -> Fut + Send + 'static,
    Fut: std::future::Future<Output = Result<T, E>> + Send,
    T: PassOutcome,
    E: std::fmt::Display,
{
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let span = tracing::info_span!("background_pass", pass = what);
            let result = pass().instrument(span.clone()).await;
            span.in_scope(|| match result {
                Ok(result) => result.log(),
                Err(error) => tracing::error!(%error, "pass failed"),
            });
        }
    });
}
