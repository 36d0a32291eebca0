//! The self-inspection against real databases: items and answers imported all or nothing,
//! answers derived from training, and the figures they make.

use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    EmployeeId, InspectionGroup, Refusal,
    inspection::{
        InspectionRefusal, ItemChange,
        files::{parse_answers, parse_items},
    },
    percent::Share,
    training::{AssignmentTarget, DueRule},
};
use mamori_store::{Store, StoreError, staff_import::ImportError};
use mamori_test_support::{
    LEARNER,
    calendar::{jst, year},
    demo_staff_id, employee, fresh_databases, publish_media_module, read_media_page, slug,
};

fn lines(error: ImportError) -> Vec<String> {
    match error {
        ImportError::Rows(rows) => rows.iter().map(ToString::to_string).collect(),
        ImportError::Store(error) => panic!("expected bad rows, got {error}"),
    }
}

/// The demo agency with the media module assigned to everyone this year, due 1 December.
async fn demo_with_media_assigned(store: &Store, now: DateTime<Utc>) {
    store.load_demo().await.unwrap();
    publish_media_module(store, now).await;
    store
        .assign_module(
            &slug("media"),
            year(),
            &AssignmentTarget::Everyone,
            DueRule::on(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
            "E0020",
            now,
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn items_answers_and_figures() {
    for database in fresh_databases().await {
        let store = database.store().await;
        let now = jst(11, 2, 9);
        demo_with_media_assigned(&store, now).await;
        read_media_page(&store, LEARNER, jst(11, 10, 10), 60, true).await;
        let officer = store
            .staff_rows_as_of(now.date_naive())
            .await
            .unwrap()
            .into_iter()
            .find(|row| InspectionGroup::of(&row.roles).contains(&InspectionGroup::Officers))
            .unwrap()
            .employee_id;

        // A module that does not exist is refused on its line; so is a reference date
        // outside the fiscal year.
        let unknown_module =
            parse_items("item_id,group,text,module\nS01,staff,t,nowhere\n".as_bytes()).unwrap();
        let refused = store
            .import_inspection_items(year(), &unknown_module, None, false, now)
            .await
            .unwrap_err();
        assert_eq!(lines(refused), ["2: module nowhere does not exist"]);
        let outside = store
            .import_inspection_items(
                year(),
                &unknown_module,
                NaiveDate::from_ymd_opt(2027, 4, 1),
                false,
                now,
            )
            .await;
        assert!(matches!(
            outside,
            Err(ImportError::Store(StoreError::Refused(
                Refusal::Inspection(InspectionRefusal::ReferenceOutsideYear { .. })
            )))
        ));

        let items = parse_items(
            "item_id,group,text,module\nO01,officers,責任者の確認,\nS01,staff,スクリーンロック,\nS02,staff,教育を受講した,media\n"
                .as_bytes(),
        )
        .unwrap();
        let dry = store
            .import_inspection_items(year(), &items, None, true, now)
            .await
            .unwrap();
        assert!(dry.campaign_created);
        assert!(
            matches!(
                store.inspection_figures(year()).await,
                Err(StoreError::NotFound(_))
            ),
            "a dry run writes nothing"
        );
        let imported = store
            .import_inspection_items(year(), &items, None, false, now)
            .await
            .unwrap();
        assert_eq!(
            (imported.items, imported.reference_date),
            (3, NaiveDate::from_ymd_opt(2027, 3, 31).unwrap())
        );

        // Every bad answer is reported, and none is kept.
        let bad = parse_answers(
            format!(
                "employee_id,item_id,answer\n{LEARNER},S01,yes\n{LEARNER},X99,yes\n{LEARNER},S02,yes\n{LEARNER},O01,yes\nZ9999,S01,no\n"
            )
            .as_bytes(),
        )
        .unwrap();
        let refused = lines(
            store
                .import_inspection_answers(year(), &bad, false, now)
                .await
                .unwrap_err(),
        );
        assert_eq!(refused.len(), 4, "{refused:?}");
        assert_eq!(refused[0], "3: unknown item X99");
        assert_eq!(
            refused[1],
            "4: item S02 is answered by the training module media"
        );
        assert_eq!(
            refused[2],
            "5: E0210 is not in the group officers of item O01"
        );
        assert!(refused[3].starts_with("6: Z9999 is not on staff"));
        let before = store.inspection_figures(year()).await.unwrap();
        assert_eq!(before.figures.submitted_staff, 0);

        // The learner answers S01 and has completed the module (S02): submitted. The
        // officer answers S01 only: O01 is missing, so not submitted yet.
        let answers = parse_answers(
            format!("employee_id,item_id,answer\n{LEARNER},S01,yes\n{officer},S01,no\n").as_bytes(),
        )
        .unwrap();
        assert_eq!(
            store
                .import_inspection_answers(year(), &answers, false, now)
                .await
                .unwrap(),
            2
        );
        let figures = store.inspection_figures(year()).await.unwrap();
        assert_eq!(figures.figures.target_staff, 361);
        assert_eq!(figures.figures.submitted_staff, 1);
        let staff = figures.figures.group(InspectionGroup::Staff);
        assert_eq!(staff.implementation_rate, Some(Share::new(2, 2)));
        assert_eq!(
            staff.item_shares[1],
            ("S02".to_string(), Some(Share::new(1, 361)))
        );

        // The officer completes their set: their `no` to S01 and the module they did not
        // take (S02 derived `no`) now count.
        let rest =
            parse_answers(format!("employee_id,item_id,answer\n{officer},O01,na\n").as_bytes())
                .unwrap();
        store
            .import_inspection_answers(year(), &rest, false, now)
            .await
            .unwrap();
        let figures = store.inspection_figures(year()).await.unwrap();
        assert_eq!(figures.figures.submitted_staff, 2);
        let staff = figures.figures.group(InspectionGroup::Staff);
        assert_eq!(staff.implementation_rate, Some(Share::new(2, 4)));
        let officers = figures.figures.group(InspectionGroup::Officers);
        assert_eq!(
            (officers.submitted, officers.implementation_rate),
            (1, None)
        );
        assert!(figures.to_json().contains("\"submitted_staff\": 2"));

        // Items can no longer be replaced; someone who left before the reference date is no
        // longer a target.
        let again = store
            .import_inspection_items(year(), &items, None, false, now)
            .await;
        assert!(matches!(
            again,
            Err(ImportError::Store(StoreError::Refused(
                Refusal::Inspection(InspectionRefusal::ItemsFixed {
                    change: ItemChange::Replaced,
                    ..
                })
            )))
        ));
        let leaver = EmployeeId::parse("E0300").unwrap();
        store
            .mark_left(
                &leaver,
                NaiveDate::from_ymd_opt(2027, 1, 31).unwrap(),
                "E0013",
                now,
            )
            .await
            .unwrap();
        let figures = store.inspection_figures(year()).await.unwrap();
        assert_eq!(figures.figures.target_staff, 360);
        // Whose last day is the reference date is still a target.
        let last_day = EmployeeId::parse("E0301").unwrap();
        store
            .mark_left(&last_day, imported.reference_date, "E0013", now)
            .await
            .unwrap();
        let figures = store.inspection_figures(year()).await.unwrap();
        assert_eq!(figures.figures.target_staff, 360);
    }
}

#[tokio::test]
async fn a_learner_drafts_submits_and_changes_answers_while_the_campaign_is_open() {
    use mamori_domain::{
        ResultsScope,
        inspection::{
            Answer,
            campaign::{CampaignState, ChangeSource, Schedule},
        },
    };
    for database in fresh_databases().await {
        let store = database.store().await;
        let now = jst(11, 2, 9);
        demo_with_media_assigned(&store, now).await;
        let items = parse_items(
            "item_id,group,text,module\nS01,staff,スクリーンロック,\nS02,staff,教育を受講した,media\nS03,staff,パスワード管理,\nO01,officers,責任者の確認,\n"
                .as_bytes(),
        )
        .unwrap();
        store
            .import_inspection_items(year(), &items, None, false, now)
            .await
            .unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        let reference = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        let schedule = Schedule::new(day(11, 10), day(11, 30)).unwrap();
        let created = store
            .save_inspection_campaign(year(), reference, schedule, now)
            .await
            .unwrap();
        assert!(!created, "the items import created it");
        let learner = demo_staff_id(&store, LEARNER).await;

        // Before it opens: not listed for the learner, and answers are refused.
        assert!(
            store
                .learner_campaigns(learner, now.date_naive())
                .await
                .unwrap()
                .is_empty()
        );
        let yes = |code: &str| (code.to_string(), Answer::Yes);
        let refused = store
            .save_learner_answers(year(), learner, &[yes("S01")], false, now)
            .await;
        assert!(matches!(
            refused,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::NotOpen { fiscal_year: 2026 }
            )))
        ));

        let open = jst(11, 12, 10);
        let listed = store
            .learner_campaigns(learner, open.date_naive())
            .await
            .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(
            (listed[0].state, listed[0].submitted),
            (CampaignState::Open, false)
        );

        // The sheet: the staff items only; S02 comes from training (not completed: no).
        let sheet = store.learner_sheet(year(), learner, open).await.unwrap();
        let codes: Vec<&str> = sheet.items.iter().map(|i| i.item.code.as_str()).collect();
        assert_eq!(codes, ["S01", "S02", "S03"]);
        assert!(sheet.items[1].derived());
        assert_eq!(sheet.items[1].answer, Some(Answer::No));

        // Typing the derived item is refused; a draft changes no figure.
        let typed_derived = store
            .save_learner_answers(year(), learner, &[yes("S02")], false, open)
            .await;
        assert!(matches!(
            typed_derived,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::NotYourItem { code }
            ))) if code == "S02"
        ));
        store
            .save_learner_answers(year(), learner, &[yes("S01")], false, open)
            .await
            .unwrap();
        let sheet = store.learner_sheet(year(), learner, open).await.unwrap();
        assert!(sheet.has_draft && !sheet.submitted);
        assert_eq!(sheet.items[0].answer, Some(Answer::Yes));
        let figures = store.inspection_figures(year()).await.unwrap().figures;
        assert_eq!(figures.submitted_staff, 0);

        // Submitting needs every typed item.
        let partial = store
            .save_learner_answers(year(), learner, &[yes("S01")], true, open)
            .await;
        assert!(
            matches!(&partial, Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::Unanswered { codes }
            ))) if codes == &["S03"]),
            "{partial:?}"
        );
        let na = ("S03".to_string(), Answer::NotApplicable);
        store
            .save_learner_answers(year(), learner, &[yes("S01"), na.clone()], true, open)
            .await
            .unwrap();
        let figures = store.inspection_figures(year()).await.unwrap().figures;
        assert_eq!(figures.submitted_staff, 1);
        let staff = figures.group(InspectionGroup::Staff);
        // S01 yes, S02 no (training), S03 na.
        assert_eq!(staff.implementation_rate, Some(Share::new(1, 2)));

        // Completing the module answers S02; a later change is kept beside the first.
        read_media_page(&store, LEARNER, jst(11, 13, 10), 60, true).await;
        let later = jst(11, 14, 10);
        let no = ("S01".to_string(), Answer::No);
        store
            .save_learner_answers(year(), learner, &[no, na], true, later)
            .await
            .unwrap();
        let sheet = store.learner_sheet(year(), learner, later).await.unwrap();
        assert!(sheet.submitted && !sheet.has_draft);
        assert_eq!(sheet.items[1].answer, Some(Answer::Yes));
        assert_eq!(sheet.submitted_at, Some(later));
        let history = sheet.history;
        assert_eq!(history.len(), 2);
        assert_eq!(
            history[0].answers,
            [yes("S01"), ("S03".to_string(), Answer::NotApplicable)]
        );
        assert_eq!(history[1].answers[0], ("S01".to_string(), Answer::No));
        assert_eq!(
            (history[1].at, history[1].source),
            (later, ChangeSource::Form)
        );

        // Division status: the learner's division counts one submission; a manager of
        // another division sees only theirs.
        let results = store
            .inspection_results(year(), &ResultsScope::Everyone, true, later.date_naive())
            .await
            .unwrap();
        let figures = results.figures.unwrap();
        assert_eq!(figures.figures.submitted_staff, 1);
        let by_year = store.inspection_figures_by_year(&figures).await.unwrap();
        assert_eq!(by_year.len(), 1);
        let status = results.status;
        assert_eq!(
            status.divisions.iter().map(|d| d.target).sum::<usize>(),
            361
        );
        assert_eq!(status.non_submitters.len(), 360);
        assert!(
            !status
                .non_submitters
                .iter()
                .any(|n| n.employee_id.as_str() == LEARNER)
        );
        let other = store
            .inspection_results(
                year(),
                &ResultsScope::Divisions(vec![-1]),
                false,
                later.date_naive(),
            )
            .await
            .unwrap();
        assert!(other.figures.is_none() && other.by_year.is_empty());
        assert!(other.status.divisions.is_empty() && other.status.non_submitters.is_empty());

        // After the last day, answers are refused.
        let closed = store
            .save_learner_answers(year(), learner, &[yes("S01")], false, jst(12, 1, 9))
            .await;
        assert!(matches!(
            closed,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::NotOpen { fiscal_year: 2026 }
            )))
        ));
    }
}

#[tokio::test]
async fn opening_notifies_the_target_staff_and_reminders_stop_at_submission_and_closing() {
    use mamori_domain::{
        inspection::{Answer, campaign::Schedule},
        mail::MailKind,
        reminder::ReminderKind,
    };
    const BASE_URL: &str = "https://mamori.example";
    for database in fresh_databases().await {
        let store = database.store().await;
        store.load_demo().await.unwrap();
        let now = jst(11, 2, 9);
        let items =
            parse_items("item_id,group,text,module\nS01,staff,スクリーンロック,\n".as_bytes())
                .unwrap();
        store
            .import_inspection_items(year(), &items, None, false, now)
            .await
            .unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d);
        let schedule = Schedule::new(day(11, 10), day(11, 30)).unwrap();
        let reference = NaiveDate::from_ymd_opt(2027, 3, 31).unwrap();
        store
            .save_inspection_campaign(year(), reference, schedule, now)
            .await
            .unwrap();
        let queued = |report: &mamori_store::reminders::PassReport, kind| {
            report.queued.get(&kind).copied().unwrap_or_default()
        };

        let before = store
            .run_reminder_pass(jst(11, 9, 10), BASE_URL)
            .await
            .unwrap();
        assert_eq!(queued(&before, ReminderKind::InspectionNotice), 0);
        let opening = store
            .run_reminder_pass(jst(11, 10, 10), BASE_URL)
            .await
            .unwrap();
        assert_eq!(queued(&opening, ReminderKind::InspectionNotice), 361);
        let again = store
            .run_reminder_pass(jst(11, 10, 11), BASE_URL)
            .await
            .unwrap();
        assert_eq!(again.total(), 0, "each mail is queued once");
        let notice = store.mail_of(&employee(LEARNER)).await.unwrap().remove(0);
        assert_eq!(
            notice.kind,
            MailKind::Reminder(ReminderKind::InspectionNotice)
        );
        assert!(notice.subject.contains("自己点検"), "{}", notice.subject);

        // The learner submits: their waiting notice is cancelled, and no reminder follows.
        let learner = demo_staff_id(&store, LEARNER).await;
        let answers = [("S01".to_string(), Answer::Yes)];
        store
            .save_learner_answers(year(), learner, &answers, true, jst(11, 12, 9))
            .await
            .unwrap();
        assert!(
            store.mail_of(&employee(LEARNER)).await.unwrap()[0]
                .cancelled_at
                .is_some()
        );
        // 23 November is a holiday: the reminder of seven days before goes out the next
        // business day.
        let reminders = store
            .run_reminder_pass(jst(11, 24, 10), BASE_URL)
            .await
            .unwrap();
        assert_eq!(queued(&reminders, ReminderKind::InspectionReminder), 360);
        assert_eq!(store.mail_of(&employee(LEARNER)).await.unwrap().len(), 1);
        let closed = store
            .run_reminder_pass(jst(12, 1, 10), BASE_URL)
            .await
            .unwrap();
        assert_eq!(closed.total(), 0, "after the last day, nothing");
    }
}

#[tokio::test]
async fn items_are_added_changed_and_removed_in_the_ui_until_someone_answers() {
    use mamori_domain::{inspection::files::parse_answers, training::Slug};
    use mamori_store::inspection::ItemEdit;
    for database in fresh_databases().await {
        let store = database.store().await;
        store.load_demo().await.unwrap();
        let now = jst(11, 2, 9);
        publish_media_module(&store, now).await;
        let items =
            parse_items("item_id,group,text,module\nS01,staff,スクリーンロック,\n".as_bytes())
                .unwrap();
        store
            .import_inspection_items(year(), &items, None, false, now)
            .await
            .unwrap();
        let media = Slug::parse("media").unwrap();
        let edit = |code, text, module| ItemEdit { code, text, module };
        store
            .add_inspection_item(
                year(),
                InspectionGroup::Staff,
                edit("S02", "教育を受講した", Some(&media)),
            )
            .await
            .unwrap();
        let again = store
            .add_inspection_item(year(), InspectionGroup::Staff, edit("S02", "重複", None))
            .await;
        assert!(matches!(
            again,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::ItemExists { code }
            ))) if code == "S02"
        ));
        let nowhere = Slug::parse("nowhere").unwrap();
        let unknown = store
            .add_inspection_item(
                year(),
                InspectionGroup::Officers,
                edit("O01", "確認", Some(&nowhere)),
            )
            .await;
        assert!(matches!(
            unknown,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::UnknownModule { .. }
            )))
        ));
        store
            .add_inspection_item(year(), InspectionGroup::Officers, edit("O01", "確認", None))
            .await
            .unwrap();
        store.remove_inspection_item(year(), "O01").await.unwrap();
        store
            .edit_inspection_item(year(), edit("S01", "離席時のスクリーンロック", None))
            .await
            .unwrap();
        let detail = store
            .inspection_campaign(year(), now.date_naive())
            .await
            .unwrap();
        let listed: Vec<(&str, &str, Option<&str>)> = detail
            .items
            .iter()
            .map(|i| {
                (
                    i.code.as_str(),
                    i.text.as_str(),
                    i.module.as_ref().map(|m| m.slug.as_str()),
                )
            })
            .collect();
        assert_eq!(
            listed,
            [
                ("S01", "離席時のスクリーンロック", None),
                ("S02", "教育を受講した", Some("media"))
            ]
        );
        assert!(detail.modules.iter().any(|m| m.slug == "media"));

        // Once someone has answered, only the wording may change.
        let answers =
            parse_answers(format!("employee_id,item_id,answer\n{LEARNER},S01,yes\n").as_bytes())
                .unwrap();
        store
            .import_inspection_answers(year(), &answers, false, now)
            .await
            .unwrap();
        store
            .edit_inspection_item(year(), edit("S01", "スクリーンロックを行う", None))
            .await
            .unwrap();
        let relinked = store
            .edit_inspection_item(year(), edit("S01", "スクリーンロックを行う", Some(&media)))
            .await;
        assert!(matches!(
            relinked,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::ItemsFixed {
                    change: ItemChange::Relinked,
                    ..
                }
            )))
        ));
        let removed = store.remove_inspection_item(year(), "S02").await;
        assert!(matches!(
            removed,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::ItemsFixed {
                    change: ItemChange::Removed,
                    ..
                }
            )))
        ));
        let added = store
            .add_inspection_item(year(), InspectionGroup::Staff, edit("S03", "追加", None))
            .await;
        assert!(matches!(
            added,
            Err(StoreError::Refused(Refusal::Inspection(
                InspectionRefusal::ItemsFixed {
                    change: ItemChange::Added,
                    ..
                }
            )))
        ));
    }
}
