//! Importing and exporting the staff directory, on SQLite and PostgreSQL.

use chrono::NaiveDate;
use mamori_domain::{
    SecurityRole,
    csv::LineError,
    staff_file::{self, StaffField, StaffRowProblem},
};
use mamori_store::{
    Store,
    staff_import::{ImportError, ImportOptions, ImportReport},
};
use mamori_test_support::{employee, fresh_databases};

const HEADER: &str = "employee_id,name,email,division,roles,active_from,active_until\n";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn options(effective: NaiveDate) -> ImportOptions<'static> {
    ImportOptions {
        effective,
        sync: false,
        dry_run: false,
        changed_by: "cli:test",
        now: chrono::Utc::now(),
    }
}

async fn import(
    store: &Store,
    rows: &str,
    options: ImportOptions<'_>,
) -> Result<ImportReport, ImportError> {
    let parsed = staff_file::parse(format!("{HEADER}{rows}").as_bytes()).expect("a valid file");
    store.import_staff(&parsed, options).await
}

async fn export(store: &Store, as_of: NaiveDate) -> String {
    staff_file::write(&store.staff_rows_as_of(as_of).await.unwrap())
}

const TWO: &str = "\
E1,山田 太郎,taro@agency.example,総務課,chief_security_officer;security_officer,2009-09-01,
E2,鈴木 花子,hanako@agency.example,食品表示課,,2011-04-01,
";

#[tokio::test]
async fn importing_again_updates_by_employee_id() {
    for database in fresh_databases().await {
        let store = database.store().await;
        let backend = database.backend;
        let first = import(&store, TWO, options(date(2011, 4, 1)))
            .await
            .unwrap();
        assert_eq!(first.created, vec!["E1", "E2"], "{backend}");
        assert_eq!(
            first.new_divisions,
            vec!["総務課", "食品表示課"],
            "{backend}"
        );

        let renamed = TWO
            .replace("鈴木 花子", "佐藤 花子")
            .replace("hanako@", "hanako.sato@");
        let second = import(&store, &renamed, options(date(2011, 5, 1)))
            .await
            .unwrap();
        assert_eq!(
            second.updated,
            vec![("E2".to_string(), vec![StaffField::Name, StaffField::Email])],
            "{backend}"
        );
        assert_eq!(second.unchanged, 1, "{backend}");

        let third = import(&store, &renamed, options(date(2011, 5, 1)))
            .await
            .unwrap();
        assert_eq!(
            (third.unchanged, third.updated.len(), third.created.len()),
            (2, 0, 0),
            "{backend}"
        );
        let audit = store.audit_of(&employee("E2")).await.unwrap();
        let audit: Vec<(&str, &str)> = audit
            .iter()
            .map(|c| (c.actor.as_str(), c.detail.as_str()))
            .collect();
        assert_eq!(
            audit,
            vec![
                ("cli:test", "changed name, email (import as of 2011-05-01)"),
                ("cli:test", "created (import as of 2011-04-01)"),
            ],
            "{backend}: every change is audited, unchanged rows are not"
        );
        let rows = store.staff_rows_as_of(date(2011, 5, 1)).await.unwrap();
        assert_eq!(rows[1].name.as_str(), "佐藤 花子", "{backend}");
        assert_eq!(
            rows[0].roles,
            vec![
                SecurityRole::ChiefSecurityOfficer,
                SecurityRole::SecurityOfficer
            ],
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_mid_year_transfer_changes_the_division_from_its_date_on() {
    for database in fresh_databases().await {
        let store = database.store().await;
        let backend = database.backend;
        import(&store, TWO, options(date(2011, 4, 1)))
            .await
            .unwrap();
        let moved = TWO.replace(
            "E2,鈴木 花子,hanako@agency.example,食品表示課,,",
            "E2,鈴木 花子,hanako@agency.example,総務課,system_security_administrator,",
        );
        let report = import(&store, &moved, options(date(2011, 10, 1)))
            .await
            .unwrap();
        assert_eq!(
            report.updated,
            vec![(
                "E2".to_string(),
                vec![StaffField::Division, StaffField::Roles]
            )],
            "{backend}"
        );

        let division_of = |rows: Vec<staff_file::StaffRow>| {
            rows.into_iter()
                .find(|r| r.employee_id.as_str() == "E2")
                .unwrap()
        };
        let before = division_of(store.staff_rows_as_of(date(2011, 9, 30)).await.unwrap());
        let after = division_of(store.staff_rows_as_of(date(2011, 10, 1)).await.unwrap());
        assert_eq!(
            (before.division.as_str(), before.roles.len()),
            ("食品表示課", 0),
            "{backend}"
        );
        assert_eq!(after.division, "総務課", "{backend}");
        assert_eq!(
            after.roles,
            vec![SecurityRole::SystemSecurityAdministrator],
            "{backend}"
        );

        // History may not be rewritten behind the transfer.
        let refused = import(&store, TWO, options(date(2011, 9, 1)))
            .await
            .unwrap_err();
        let ImportError::Rows(errors) = refused else {
            panic!("{backend}: expected row errors")
        };
        assert_eq!(errors.len(), 1, "{backend}");
        assert!(
            errors[0]
                .to_string()
                .starts_with("3: E2 has directory history from 2011-10-01"),
            "{backend}: {}",
            errors[0]
        );
    }
}

#[tokio::test]
async fn sync_marks_people_missing_from_the_file_as_left_and_deletes_nobody() {
    for database in fresh_databases().await {
        let store = database.store().await;
        let backend = database.backend;
        import(&store, TWO, options(date(2011, 4, 1)))
            .await
            .unwrap();
        let only_e1 = TWO.lines().next().unwrap().to_string() + "\n";
        let report = import(
            &store,
            &only_e1,
            ImportOptions {
                effective: date(2012, 3, 31),
                sync: true,
                dry_run: false,
                ..options(date(2012, 3, 31))
            },
        )
        .await
        .unwrap();
        assert_eq!(report.left, vec!["E2"], "{backend}");
        assert_eq!(
            store
                .staff_rows_as_of(date(2012, 3, 31))
                .await
                .unwrap()
                .len(),
            2,
            "{backend}: on staff on their last day"
        );
        assert_eq!(
            store
                .staff_rows_as_of(date(2012, 4, 1))
                .await
                .unwrap()
                .len(),
            1,
            "{backend}"
        );
        assert_eq!(
            store
                .search_staff("E2", 1, 50, date(2012, 4, 1))
                .await
                .unwrap()
                .total,
            1,
            "{backend}: kept"
        );
    }
}

#[tokio::test]
async fn bad_rows_and_dry_runs_leave_the_directory_untouched() {
    for database in fresh_databases().await {
        let store = database.store().await;
        let backend = database.backend;
        import(&store, TWO, options(date(2011, 4, 1)))
            .await
            .unwrap();
        let before = export(&store, date(2011, 4, 1)).await;

        // E3 takes E2's address: refused, and E4 on the same file is not created either.
        let clash = "E3,田中 一郎,hanako@agency.example,総務課,,2011-04-01,\nE4,伊藤 誠,makoto@agency.example,監査室,,2011-04-01,\n";
        let ImportError::Rows(errors) = import(&store, clash, options(date(2011, 4, 1)))
            .await
            .unwrap_err()
        else {
            panic!("{backend}: expected row errors")
        };
        assert_eq!(
            errors,
            vec![LineError::new(
                2,
                StaffRowProblem::EmailTaken {
                    email: "hanako@agency.example".into(),
                    owner: "E2".into(),
                }
            )],
            "{backend}"
        );
        assert_eq!(
            errors[0].to_string(),
            "2: email hanako@agency.example belongs to E2 in the directory",
            "the CLI's line"
        );
        assert_eq!(export(&store, date(2011, 4, 1)).await, before, "{backend}");

        let dry = "E4,伊藤 誠,makoto@agency.example,監査室,,2011-04-01,\n";
        let report = import(
            &store,
            dry,
            ImportOptions {
                effective: date(2011, 4, 1),
                sync: true,
                dry_run: true,
                ..options(date(2011, 4, 1))
            },
        )
        .await
        .unwrap();
        assert_eq!(
            (
                report.created.len(),
                report.left.len(),
                report.new_divisions.len()
            ),
            (1, 2, 1),
            "{backend}: the report says what would happen"
        );
        assert_eq!(
            export(&store, date(2011, 4, 1)).await,
            before,
            "{backend}: but nothing happened"
        );
    }
}

#[tokio::test]
async fn an_export_imports_back_without_changes_today_and_as_of_a_past_date() {
    for database in fresh_databases().await {
        let store = database.store().await;
        let backend = database.backend;
        store.load_demo().await.unwrap();
        for as_of in [date(2026, 11, 26), date(2012, 3, 31)] {
            let exported = store.staff_rows_as_of(as_of).await.unwrap();
            let file = staff_file::write(&exported);
            let rows = staff_file::parse(file.as_bytes()).unwrap();
            let report = store
                .import_staff(
                    &rows,
                    ImportOptions {
                        effective: as_of,
                        sync: true,
                        dry_run: false,
                        ..options(as_of)
                    },
                )
                .await
                .unwrap();
            assert_eq!(
                (
                    report.created.len(),
                    report.updated.len(),
                    report.left.len(),
                    report.unchanged
                ),
                (0, 0, 0, exported.len()),
                "{backend}: as of {as_of}"
            );
        }
        assert_eq!(
            store
                .staff_rows_as_of(date(2026, 11, 26))
                .await
                .unwrap()
                .len(),
            361,
            "{backend}"
        );
    }
}
