//! The self-inspection against real databases: items and answers imported all or nothing,
//! answers derived from training, and the figures they make.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use mamori_domain::{
    EmployeeId, FiscalYear, InspectionGroup,
    inspection::files::{parse_answers, parse_items},
    percent::Share,
    training::{AssignmentTarget, DueRule},
};
use mamori_store::{StoreError, staff_import::ImportError};
use mamori_test_support::{fresh_databases, publish_media_module, read_media_page};

const LEARNER: &str = "E0210"; // plain staff: the staff group only

fn jst(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap() - Duration::hours(9)
}

fn year() -> FiscalYear {
    FiscalYear::new(2026)
}

fn lines(error: ImportError) -> Vec<String> {
    match error {
        ImportError::Rows(rows) => rows.iter().map(ToString::to_string).collect(),
        ImportError::Store(error) => panic!("expected bad rows, got {error}"),
    }
}

#[tokio::test]
async fn items_answers_and_figures() {
    for database in fresh_databases().await {
        let store = database.store().await;
        store.load_demo().await.unwrap();
        let now = jst(11, 2, 9);
        publish_media_module(&store, now).await;
        store
            .assign_module(
                "media",
                year(),
                &AssignmentTarget::Everyone,
                DueRule::On(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
                "E0020",
                now,
            )
            .await
            .unwrap();
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
            Err(ImportError::Store(StoreError::Invalid(_)))
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
            Err(ImportError::Store(StoreError::Conflict(_)))
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
    }
}
