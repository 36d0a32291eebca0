//! Reminder passes against real databases: mail queued once per key however often passes
//! run (and when two run at once), never outside business days and hours, and never to
//! people who completed or left; completing cancels what was not yet sent.

use chrono::{DateTime, Utc};
use mamori_domain::{
    FiscalYear, Refusal,
    mail::MailRefusal,
    reminder::{MailTemplate, ReminderKind, ReminderPolicy},
    training::{AssignmentTarget, DueRule, Heartbeat},
};
use mamori_store::{Store, StoreError, training::ViewReport};
use mamori_test_support::{
    LEARNER, MANAGER, TRAINER, TestDatabase,
    calendar::{date, jst},
    demo_actor, demo_staff_id, demo_stores, employee, publish_media_module, slug,
};

const BASE_URL: &str = "https://mamori.example";

/// The demo agency with module `media` (one page) assigned on Thursday 26 November to
/// 消費者安全課, due Thursday 10 December.
async fn with_assignment() -> Vec<(TestDatabase, Store)> {
    let stores = demo_stores().await;
    for (_, store) in &stores {
        let assigned_at = jst(11, 26, 8);
        publish_media_module(store, assigned_at).await;
        store
            .assign_module(
                &slug("media"),
                FiscalYear::containing(date(11, 26)),
                &AssignmentTarget::Divisions(vec!["消費者安全課".into()]),
                DueRule::on(date(12, 10)),
                TRAINER,
                assigned_at,
            )
            .await
            .unwrap();
    }
    stores
}

async fn division_size(store: &Store) -> usize {
    let manager = demo_actor(store, MANAGER).await;
    store
        .division_staff(&manager.managed_division_ids, date(11, 26))
        .await
        .unwrap()
        .len()
}

/// The learner reads the module's page, which completes it.
async fn complete(store: &Store, employee_id: &str, now: DateTime<Utc>) {
    let learner = demo_staff_id(store, employee_id).await;
    let today = mamori_domain::agency_date(now);
    let player = store
        .module_player(learner, &slug("media"), today, now)
        .await
        .unwrap();
    let page = player.materials[0].material.id;
    let read = ViewReport {
        beat: Some(Heartbeat::Opened),
        reached_end: true,
        ..Default::default()
    };
    store
        .material_heartbeat(learner, page, read, now)
        .await
        .unwrap();
}

/// Kinds of the unsent, uncancelled mail about a person.
async fn waiting(store: &Store, employee_id: &str) -> Vec<String> {
    store
        .mail_of(&employee(employee_id))
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.sent_at.is_none() && m.cancelled_at.is_none())
        .map(|m| m.kind.code().to_string())
        .collect()
}

#[tokio::test]
async fn each_mail_is_queued_once_only_on_business_days_and_never_after_completion_or_leaving() {
    for (database, store) in with_assignment().await {
        let backend = database.backend;
        let division = division_size(&store).await;
        assert!(division > 40, "{backend}: {division}");

        // Early on Thursday: nothing yet. At ten: a notice to each of the division.
        let early = store
            .run_reminder_pass(jst(11, 26, 7), BASE_URL)
            .await
            .unwrap();
        assert!(!early.sending_time && early.total() == 0, "{backend}");
        let first = store
            .run_reminder_pass(jst(11, 26, 10), BASE_URL)
            .await
            .unwrap();
        assert_eq!(first.queued[&ReminderKind::Notice], division, "{backend}");
        let again = store
            .run_reminder_pass(jst(11, 26, 11), BASE_URL)
            .await
            .unwrap();
        assert_eq!(again.total(), 0, "{backend}: {again:?}");
        let notice = store.mail_of(&employee(LEARNER)).await.unwrap().remove(0);
        assert!(notice.subject.contains("可搬記憶媒体"), "{backend}");

        // Completing cancels the notice not yet sent; a sender no longer sees it.
        complete(&store, LEARNER, jst(11, 26, 12)).await;
        assert_eq!(
            waiting(&store, LEARNER).await,
            Vec::<String>::new(),
            "{backend}"
        );
        let due = store.claim_due_mail(jst(11, 26, 12), 1000).await.unwrap();
        assert_eq!(due.len(), division - 1, "{backend}");
        let learners_key = format!("reminder:{}:", demo_staff_id(&store, LEARNER).await);
        assert!(
            due.iter().all(|m| !m.key.starts_with(&learners_key)),
            "{backend}"
        );

        // Someone leaves: their reminders stop too.
        let leaver = store
            .division_staff(
                &demo_actor(&store, MANAGER).await.managed_division_ids,
                date(11, 26),
            )
            .await
            .unwrap()
            .into_iter()
            .map(|p| p.employee_id)
            .find(|id| id.as_str() != LEARNER && id.as_str() != MANAGER)
            .unwrap();
        store
            .mark_left(&leaver, date(11, 30), "test", jst(11, 26, 13))
            .await
            .unwrap();
        assert_eq!(
            waiting(&store, leaver.as_str()).await,
            Vec::<String>::new(),
            "{backend}"
        );

        // 3 December, 7 days before: a reminder to everyone but the two.
        let week_before = store
            .run_reminder_pass(jst(12, 3, 9), BASE_URL)
            .await
            .unwrap();
        assert_eq!(
            week_before.queued.get(&ReminderKind::BeforeDue),
            Some(&(division - 2))
        );
        assert_eq!(
            week_before.total(),
            division - 2,
            "{backend}: {week_before:?}"
        );

        // Saturday 12 December, two days overdue: no mail at weekends. On Monday the
        // 10 December "due today" has already gone, so only the managers' digest is new.
        let saturday = store
            .run_reminder_pass(jst(12, 12, 10), BASE_URL)
            .await
            .unwrap();
        assert!(!saturday.sending_time, "{backend}");
        store
            .run_reminder_pass(jst(12, 10, 9), BASE_URL)
            .await
            .unwrap();
        let monday = store
            .run_reminder_pass(jst(12, 14, 9), BASE_URL)
            .await
            .unwrap();
        assert_eq!(
            monday.queued.into_iter().collect::<Vec<_>>(),
            [(ReminderKind::ManagerDigest, 1)],
            "{backend}"
        );
        let digest = store.mail_of(&employee(MANAGER)).await.unwrap().remove(0);
        assert!(
            digest.subject.contains(&format!("（{} 人）", division - 2)),
            "{backend}: {}",
            digest.subject
        );
        // The manager is in the division too: they get their own reminders as well.
        assert!(
            waiting(&store, MANAGER)
                .await
                .contains(&"due_today".to_string())
        );

        // A week after the due date: the first "overdue" reminder.
        let overdue = store
            .run_reminder_pass(jst(12, 17, 9), BASE_URL)
            .await
            .unwrap();
        assert_eq!(
            overdue.queued.get(&ReminderKind::Overdue),
            Some(&(division - 2))
        );
    }
}

#[tokio::test]
async fn no_mail_on_a_public_holiday_and_admins_may_change_the_list() {
    for (database, store) in with_assignment().await {
        let backend = database.backend;
        // 23 November is 勤労感謝の日 in the default list.
        let holiday = store
            .run_reminder_pass(jst(11, 23, 10), BASE_URL)
            .await
            .unwrap();
        assert!(!holiday.sending_time, "{backend}");
        // An agency closed on 26 November sends nothing that day.
        let closed = mamori_domain::business_calendar::Holiday {
            date: date(11, 26),
            name: "創立記念日".into(),
        };
        store.replace_holidays(&[closed]).await.unwrap();
        let pass = store
            .run_reminder_pass(jst(11, 26, 10), BASE_URL)
            .await
            .unwrap();
        assert!(!pass.sending_time && pass.total() == 0, "{backend}");
        // The next business morning, the notices go out.
        let next = store
            .run_reminder_pass(jst(11, 27, 9), BASE_URL)
            .await
            .unwrap();
        assert!(next.queued[&ReminderKind::Notice] > 40, "{backend}");
    }
}

#[tokio::test]
async fn two_passes_at_once_queue_each_mail_once() {
    for (database, store) in with_assignment().await {
        let backend = database.backend;
        let division = division_size(&store).await;
        let (a, b) = tokio::join!(
            store.run_reminder_pass(jst(11, 26, 10), BASE_URL),
            store.run_reminder_pass(jst(11, 26, 10), BASE_URL),
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.total() + b.total(), division, "{backend}: {a:?} {b:?}");
        let due = store.claim_due_mail(jst(11, 26, 10), 1000).await.unwrap();
        assert_eq!(due.len(), division, "{backend}");
    }
}

#[tokio::test]
async fn archiving_a_module_cancels_its_reminders_and_stops_new_ones() {
    for (database, store) in with_assignment().await {
        let backend = database.backend;
        let first = store
            .run_reminder_pass(jst(11, 26, 10), BASE_URL)
            .await
            .unwrap();
        assert!(first.total() > 40, "{backend}");
        store
            .archive_module(&slug("media"), jst(11, 26, 11))
            .await
            .unwrap();
        let due = store.claim_due_mail(jst(11, 26, 11), 1000).await.unwrap();
        assert!(due.is_empty(), "{backend}: {} still due", due.len());
        assert_eq!(
            waiting(&store, LEARNER).await,
            Vec::<String>::new(),
            "{backend}"
        );
        let later = store
            .run_reminder_pass(jst(12, 3, 10), BASE_URL)
            .await
            .unwrap();
        assert_eq!(later.total(), 0, "{backend}: {later:?}");
    }
}

#[tokio::test]
async fn an_assignment_may_keep_its_own_policy_and_return_to_the_default() {
    for (database, store) in with_assignment().await {
        let backend = database.backend;
        let assignment = store
            .module_draft(&slug("media"))
            .await
            .unwrap()
            .assignments[0]
            .id;
        let quiet = ReminderPolicy {
            notice: false,
            ..ReminderPolicy::default()
        };
        store
            .set_assignment_reminder_policy(assignment, Some(&quiet))
            .await
            .unwrap();
        let draft = store.module_draft(&slug("media")).await.unwrap();
        assert_eq!(
            draft.assignments[0].reminder_policy,
            Some(quiet),
            "{backend}"
        );
        let pass = store
            .run_reminder_pass(jst(11, 26, 10), BASE_URL)
            .await
            .unwrap();
        assert_eq!(pass.total(), 0, "{backend}: no notice under its own policy");
        store
            .set_assignment_reminder_policy(assignment, None)
            .await
            .unwrap();
        let pass = store
            .run_reminder_pass(jst(11, 26, 11), BASE_URL)
            .await
            .unwrap();
        assert!(pass.queued[&ReminderKind::Notice] > 40, "{backend}");
    }
}

#[tokio::test]
async fn templates_are_checked_before_they_are_kept_and_then_used() {
    for (database, store) in with_assignment().await {
        let backend = database.backend;
        let typo = MailTemplate {
            subject: "{modul}".into(),
            body: "x".into(),
        };
        assert!(matches!(
            store.save_mail_template(ReminderKind::Notice, &typo).await,
            Err(StoreError::Refused(Refusal::Mail(
                MailRefusal::UnknownPlaceholder { .. }
            )))
        ));
        let short = MailTemplate {
            subject: "受講のお願い：{module}".into(),
            body: "{name} 様 {link}".into(),
        };
        store
            .save_mail_template(ReminderKind::Notice, &short)
            .await
            .unwrap();
        store
            .run_reminder_pass(jst(11, 26, 10), BASE_URL)
            .await
            .unwrap();
        let notice = store.mail_of(&employee(LEARNER)).await.unwrap().remove(0);
        assert_eq!(notice.subject, "受講のお願い：可搬記憶媒体", "{backend}");
    }
}
