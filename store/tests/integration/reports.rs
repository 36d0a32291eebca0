//! Completion reports against real databases: standings as of the date viewed, a manager's
//! scope, who opened which material for how long, and a person's transcript.

use mamori_domain::{
    ResultsScope, SecurityRole,
    report::{Dimension, ReportEntry, Tally, breakdown},
    training::{AssignmentTarget, DueRule, ProgressStatus},
};
use mamori_store::StoreError;
use mamori_test_support::{
    LEARNER, MANAGER, TRAINER,
    calendar::{date, jst, year},
    demo_actor, employee, fresh_databases, publish_media_module, read_media_page, slug,
};

const READER: &str = "E0009"; // 消費者安全課長, the manager
const DIVISION: &str = "消費者安全課";

fn media_only(
    entries: Vec<mamori_domain::report::ReportEntry>,
) -> Vec<mamori_domain::report::ReportEntry> {
    entries
        .into_iter()
        .filter(|e| e.module_slug == "media")
        .collect()
}

#[tokio::test]
async fn standings_scope_views_and_transcripts() {
    for database in fresh_databases().await {
        let store = database.store().await;
        store.load_demo().await.unwrap();
        let assigned_at = jst(11, 2, 9);
        publish_media_module(&store, assigned_at).await;
        store
            .assign_module(
                &slug("media"),
                year(),
                &AssignmentTarget::Everyone,
                DueRule::on(date(11, 20)),
                TRAINER,
                assigned_at,
            )
            .await
            .unwrap();
        read_media_page(&store, LEARNER, jst(11, 10, 10), 120, true).await;
        read_media_page(&store, READER, jst(11, 24, 10), 30, false).await;

        let everyone = media_only(
            store
                .report_entries(year(), date(11, 26), &ResultsScope::Everyone)
                .await
                .unwrap(),
        );
        assert!(everyone.len() > 300, "the whole agency: {}", everyone.len());
        let learner = everyone
            .iter()
            .find(|e| e.employee_id.as_str() == LEARNER)
            .unwrap();
        assert_eq!(learner.completed_on, Some(date(11, 10)));
        assert_eq!(learner.division, DIVISION);
        assert_eq!(learner.status(date(11, 9)), ProgressStatus::NotStarted);
        assert_eq!(learner.status(date(11, 26)), ProgressStatus::Completed);
        let tally = Tally::of(&everyone, date(11, 26));
        assert_eq!(tally.completed, 1);
        assert_eq!(
            tally.overdue,
            everyone.len() - 1,
            "the reader is overdue too"
        );
        let before_due = Tally::of(&everyone, date(11, 15));
        assert_eq!((before_due.completed, before_due.in_progress), (1, 0));

        let manager = demo_actor(&store, MANAGER).await;
        let scope = manager.results_scope().unwrap();
        let theirs = media_only(
            store
                .report_entries(year(), date(11, 26), &scope)
                .await
                .unwrap(),
        );
        assert!(!theirs.is_empty() && theirs.len() < everyone.len());
        assert!(theirs.iter().all(|e| e.division == DIVISION));
        let by_division = breakdown(&theirs, Dimension::Division, date(11, 26));
        assert_eq!(by_division.len(), 1);
        assert_eq!(by_division[0].tally.completed, 1);

        let views = store
            .material_report(&slug("media"), year(), date(11, 26), &scope)
            .await
            .unwrap();
        assert_eq!(views.learners, theirs.len());
        let page = &views.materials[0];
        assert_eq!(page.opened(), 2);
        assert_eq!(page.not_opened.len(), theirs.len() - 2);
        assert!(page.not_opened.iter().all(|l| l.division == DIVISION));
        let mut seconds = page.active_seconds.clone();
        seconds.sort();
        assert_eq!(seconds, [30, 120]);
        assert_eq!(page.median_seconds(), Some(75));

        let transcript = store
            .transcript(&employee(LEARNER), date(11, 26), &scope)
            .await
            .unwrap();
        let media = transcript
            .modules
            .iter()
            .find(|m| m.module_slug == "media")
            .unwrap();
        assert_eq!(media.status, ProgressStatus::Completed);
        assert_eq!(media.version, Some(1));
        assert!(media.certificate_code.is_some());
        assert_eq!(media.fiscal_year, 2026);

        let outsider = store
            .report_entries(year(), date(11, 26), &ResultsScope::Everyone)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.division != DIVISION)
            .unwrap();
        assert!(matches!(
            store
                .transcript(&outsider.employee_id, date(11, 26), &scope)
                .await,
            Err(StoreError::NotFound(_))
        ));
        assert!(
            store
                .transcript(&outsider.employee_id, date(11, 26), &ResultsScope::Everyone)
                .await
                .is_ok()
        );
        assert!(store.report_years().await.unwrap().contains(&2026));

        // The learner moves to 総務課 and becomes a division security officer on 11-25: each
        // date viewed shows the division and roles of that day, and the manager's scope follows.
        let mut moved = store
            .staff_rows_as_of(date(11, 24))
            .await
            .unwrap()
            .into_iter()
            .find(|row| row.employee_id.as_str() == LEARNER)
            .unwrap();
        moved.division = "総務課".into();
        moved.roles = vec![SecurityRole::DivisionSecurityOfficer];
        store
            .edit_staff(&moved, date(11, 25), "E0013", jst(11, 24, 18))
            .await
            .unwrap();
        let learner_on = |entries: Vec<ReportEntry>| {
            entries
                .into_iter()
                .find(|e| e.employee_id.as_str() == LEARNER && e.module_slug == "media")
        };
        let before = learner_on(
            store
                .report_entries(year(), date(11, 24), &ResultsScope::Everyone)
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(
            (before.division.as_str(), before.roles.len()),
            (DIVISION, 0)
        );
        let after = learner_on(
            store
                .report_entries(year(), date(11, 26), &ResultsScope::Everyone)
                .await
                .unwrap(),
        )
        .unwrap();
        assert_eq!(after.division, "総務課");
        assert_eq!(after.roles, [SecurityRole::DivisionSecurityOfficer]);
        assert_eq!(
            after.completed_on,
            Some(date(11, 10)),
            "progress moves with them"
        );
        let theirs_before = store
            .report_entries(year(), date(11, 24), &scope)
            .await
            .unwrap();
        assert!(learner_on(theirs_before).is_some());
        let theirs_after = store
            .report_entries(year(), date(11, 26), &scope)
            .await
            .unwrap();
        assert!(learner_on(theirs_after).is_none());
    }
}
