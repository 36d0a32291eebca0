//! Sends what the outbox holds: a pass claims the due mail, sends each, and records the result;
//! a failure waits for a later pass (with back-off), so nothing is lost while SMTP is down.

use mamori_mail::{OutgoingMail, Sender};
use mamori_store::Store;
use std::time::Duration;

/// Mail sent per pass at most; the rest waits for the next pass.
const BATCH: u64 = 200;

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub failed: usize,
}

/// One delivery pass as of `now`.
pub async fn deliver_due_mail(
    store: &Store,
    sender: &Sender,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Delivery, mamori_store::StoreError> {
    let mut delivery = Delivery::default();
    for mail in store.claim_due_mail(now, BATCH).await? {
        let outgoing = OutgoingMail {
            to: mail.to_address.clone(),
            to_name: Some(mail.to_name.clone()).filter(|n| !n.is_empty()),
            subject: mail.subject.clone(),
            body: mail.body.clone(),
        };
        match sender.send(&outgoing, &mail.key).await {
            Ok(()) => {
                store.mark_mail_sent(&mail, chrono::Utc::now()).await?;
                delivery.sent += 1;
            }
            Err(error) => {
                tracing::warn!(%error, key = %mail.key, "mail not sent; will retry");
                store
                    .mark_mail_failed(&mail, &error.to_string(), chrono::Utc::now())
                    .await?;
                delivery.failed += 1;
            }
        }
    }
    Ok(delivery)
}

/// Runs a delivery pass every `every`, for as long as the server runs.
pub fn spawn_delivery(store: Store, sender: Sender, every: Duration) {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(error) = deliver_due_mail(&store, &sender, chrono::Utc::now()).await {
                tracing::error!(%error, "mail delivery pass failed");
            }
        }
    });
}
