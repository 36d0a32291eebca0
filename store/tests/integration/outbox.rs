//! The mail outbox against real databases: each mail is queued once per key and claimed by one
//! sender at a time.

use chrono::{Duration, Utc};
use mamori_domain::EmployeeId;
use mamori_store::Store;
use mamori_test_support::{TestDatabase, demo_stores, employee};

/// The demo agency in each fresh database, with one set-password mail queued at `now`.
async fn one_queued_mail(now: chrono::DateTime<Utc>) -> Vec<(TestDatabase, Store)> {
    let stores = demo_stores().await;
    for (_, store) in &stores {
        store
            .send_password_link(
                &EmployeeId::parse("E0300").unwrap(),
                "http://mamori.test/set-password/",
                "E0013",
                now,
            )
            .await
            .unwrap();
    }
    stores
}

#[tokio::test]
async fn a_due_mail_is_claimed_by_one_sender_and_sent_once() {
    let now = Utc::now();
    for (database, store) in one_queued_mail(now).await {
        let backend = database.backend;

        // Two passes at the same moment (two servers on one database): one gets the mail.
        let (first, second) =
            tokio::join!(store.claim_due_mail(now, 10), store.claim_due_mail(now, 10));
        let (first, second) = (first.unwrap(), second.unwrap());
        assert_eq!(first.len() + second.len(), 1, "{backend}");
        let mail = first.into_iter().chain(second).next().unwrap();
        assert!(mail.key.starts_with("password-link:"), "{backend}");

        // While claimed, nobody else gets it; after sending, never again.
        assert!(
            store.claim_due_mail(now, 10).await.unwrap().is_empty(),
            "{backend}"
        );
        store
            .mark_mail_sent(std::slice::from_ref(&mail), now)
            .await
            .unwrap();
        let much_later = now + Duration::days(1);
        assert!(
            store
                .claim_due_mail(much_later, 10)
                .await
                .unwrap()
                .is_empty(),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_claim_left_by_a_crashed_sender_is_taken_up_later() {
    let now = Utc::now();
    for (database, store) in one_queued_mail(now).await {
        let backend = database.backend;
        let claimed = store.claim_due_mail(now, 10).await.unwrap();
        assert_eq!(claimed.len(), 1, "{backend}");
        // The sender never reports back; after the claim runs out, another pass retries it.
        let retried = store
            .claim_due_mail(now + Duration::minutes(6), 10)
            .await
            .unwrap();
        assert_eq!(retried.len(), 1, "{backend}");
        assert_eq!(retried[0].key, claimed[0].key, "{backend}");
        // The stale claim can no longer record a result over the new one.
        store
            .mark_mail_failed(&claimed[0], "late", now)
            .await
            .unwrap();
        store
            .mark_mail_sent(&retried, now + Duration::minutes(6))
            .await
            .unwrap();
        let record = &store.mail_of(&employee("E0300")).await.unwrap()[0];
        assert!(
            record.sent_at.is_some() && record.last_error.is_none(),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn the_outbox_tells_when_reminders_resume_and_a_test_mail_goes_out_at_once() {
    // 09:00 in Tokyo is 00:00 UTC. Saturday 28 November 2026, 10:00 in Tokyo.
    let saturday = chrono::NaiveDate::from_ymd_opt(2026, 11, 28)
        .unwrap()
        .and_hms_opt(1, 0, 0)
        .unwrap()
        .and_utc();
    let monday_morning = saturday + Duration::days(2) - Duration::hours(1);
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let outbox = store.outbox(None, 10, saturday).await.unwrap();
        assert_eq!(
            outbox.reminders_resume_at,
            Some(monday_morning),
            "{backend}"
        );
        let during_hours = store.outbox(None, 10, monday_morning).await.unwrap();
        assert_eq!(during_hours.reminders_resume_at, None, "{backend}");

        // On the Saturday, the admin's test mail is queued for them, due at once.
        let admin = employee("E0013");
        let text = mamori_domain::mail::MailText {
            subject: "件名".into(),
            body: "本文".into(),
        };
        let kind = mamori_domain::reminder::ReminderKind::Notice;
        let to = store
            .send_test_mail(&admin, kind, text, saturday)
            .await
            .unwrap();
        let due = store.claim_due_mail(saturday, 10).await.unwrap();
        assert_eq!(due.len(), 1, "{backend}");
        assert_eq!(due[0].to_address, to, "{backend}");
        assert_eq!(due[0].subject, "【テスト送信】件名", "{backend}");
    }
}
