//! The store against real databases: a fresh SQLite file, and a fresh PostgreSQL database when
//! the test script provides a server. Every test runs on each.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use mamori_domain::{
    AppRole, EmailAddress, NewPassword, PasswordRefusal, Refusal, StaffName,
    staff::DirectoryRefusal,
};
use mamori_store::{
    Store, StoreError,
    accounts::{NewAdmin, SessionClient, SessionToken},
    logins::{LoginAttempt, LoginOutcome},
};
use mamori_test_support::{demo_stores, employee, fresh_databases};

const PASSWORD: &str = mamori_domain::demo::DEMO_PASSWORD;

/// Where the tests' sessions are opened from.
const OFFICE_PC: SessionClient = SessionClient {
    address: "192.0.2.10",
    user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
};

fn at(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, 3, 0, 0).unwrap()
}

/// The person a login admits, if it does (from one address of the office's).
async fn authenticate(
    store: &Store,
    login: &str,
    password: &str,
    now: chrono::DateTime<Utc>,
) -> Option<i32> {
    let attempt = LoginAttempt {
        login,
        password,
        address: "192.0.2.10",
        at: now,
    };
    match store.log_in(attempt).await.unwrap() {
        LoginOutcome::Admitted { staff_id } => Some(staff_id),
        LoginOutcome::Refused => None,
        held => panic!("not held back: {held:?}"),
    }
}

/// Logs a demo account in and opens a 12-hour session.
async fn log_in(store: &Store, employee_id: &str, now: chrono::DateTime<Utc>) -> SessionToken {
    let staff_id = authenticate(store, employee_id, PASSWORD, now)
        .await
        .expect("demo account logs in");
    store.start_session(staff_id, OFFICE_PC, now).await.unwrap()
}

#[tokio::test]
async fn logs_in_by_employee_id_or_email_with_the_right_password_only() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let now = at(2026, 11, 26);
        let admin = authenticate(&store, "E0013", PASSWORD, now).await;
        assert!(admin.is_some(), "{backend}: employee ID");
        let by_email = authenticate(&store, "  Ryo.Nakamura@CAA.example ", PASSWORD, now).await;
        assert_eq!(by_email, admin, "{backend}: e-mail, any case");
        assert_eq!(
            authenticate(&store, "E0013", "wrong-password", now).await,
            None,
            "{backend}"
        );
        assert_eq!(
            authenticate(&store, "E9999", PASSWORD, now).await,
            None,
            "{backend}: unknown"
        );
        assert_eq!(
            authenticate(&store, "E0100", PASSWORD, now).await,
            None,
            "{backend}: no password set"
        );
    }
}

#[tokio::test]
async fn people_who_have_left_cannot_log_in_or_keep_a_session() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        // Recorded ahead of time: on staff, logging in and keeping a session until the last day
        // is over (23:50 on it, then 00:01 the next day, agency time).
        let now = at(2026, 11, 26);
        let last_day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        store
            .mark_left(&employee("E0210"), last_day, "E0013", now)
            .await
            .unwrap();
        let late_on_last_day = Utc.with_ymd_and_hms(2026, 11, 30, 14, 50, 0).unwrap();
        let token = log_in(&store, "E0210", late_on_last_day).await;
        assert!(
            store
                .session_actor(&token, late_on_last_day)
                .await
                .unwrap()
                .is_some(),
            "{backend}: still on staff on their last day"
        );
        let after = Utc.with_ymd_and_hms(2026, 11, 30, 15, 1, 0).unwrap();
        assert_eq!(
            authenticate(&store, "E0210", PASSWORD, after).await,
            None,
            "{backend}"
        );
        assert_eq!(
            store.session_actor(&token, after).await.unwrap(),
            None,
            "{backend}"
        );

        // Recorded on the last day itself: the session ends and the password is revoked at once,
        // not at midnight (before, both worked until the day was over).
        let token = log_in(&store, "E0009", now).await;
        store
            .mark_left(&employee("E0009"), now.date_naive(), "E0013", now)
            .await
            .unwrap();
        assert_eq!(
            store.session_actor(&token, now).await.unwrap(),
            None,
            "{backend}"
        );
        assert_eq!(
            authenticate(&store, "E0009", PASSWORD, now).await,
            None,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn sessions_carry_roles_expire_and_end() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let now = at(2026, 11, 26);
        let token = log_in(&store, "E0009", now).await;
        let actor = store
            .session_actor(&token, now)
            .await
            .unwrap()
            .expect("live session");
        assert_eq!(actor.employee_id, employee("E0009"), "{backend}");
        assert_eq!(
            actor.roles,
            vec![AppRole::Learner, AppRole::Manager],
            "{backend}"
        );
        assert_eq!(actor.managed_division_ids.len(), 1, "{backend}");

        let forged = SessionToken::from_cookie("00");
        assert_eq!(
            store.session_actor(&forged, now).await.unwrap(),
            None,
            "{backend}: unknown token"
        );
        assert_eq!(
            store
                .session_actor(&token, now + Duration::hours(12))
                .await
                .unwrap(),
            None,
            "{backend}: expired"
        );

        let token = log_in(&store, "E0009", now).await;
        store.end_session(&token).await.unwrap();
        assert_eq!(
            store.session_actor(&token, now).await.unwrap(),
            None,
            "{backend}: logged out"
        );

        // Left alone for the idle timeout (30 minutes), a session ends; each use (counted to
        // the minute) starts the wait again. Before, only the 12 hours counted.
        let token = log_in(&store, "E0009", now).await;
        for minutes in [29, 58, 87] {
            assert!(
                store
                    .session_actor(&token, now + Duration::minutes(minutes))
                    .await
                    .unwrap()
                    .is_some(),
                "{backend}: used after {minutes} minutes"
            );
        }
        assert_eq!(
            store
                .session_actor(&token, now + Duration::minutes(87 + 30))
                .await
                .unwrap(),
            None,
            "{backend}: idle for 30 minutes"
        );
    }
}

#[tokio::test]
async fn people_see_their_open_sessions_and_end_them_all_at_once() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let now = at(2026, 11, 26);
        let first = log_in(&store, "E0009", now).await;
        let second = log_in(&store, "E0009", now + Duration::minutes(5)).await;
        log_in(&store, "E0210", now).await;
        let staff_id = mamori_test_support::demo_staff_id(&store, "E0009").await;
        let later = now + Duration::minutes(10);
        let open = store
            .open_sessions(staff_id, Some(&second), later)
            .await
            .unwrap();
        assert_eq!(open.len(), 2, "{backend}: another person's is not listed");
        assert!(open[0].current && !open[1].current, "{backend}: {open:?}");
        assert_eq!(open[1].started_at, now, "{backend}");
        assert_eq!(
            (open[1].address.as_str(), open[1].browser.as_str()),
            ("192.0.2.10", "Edge / Windows"),
            "{backend}"
        );

        assert_eq!(
            store.end_sessions_of(staff_id).await.unwrap(),
            2,
            "{backend}"
        );
        for token in [first, second] {
            assert_eq!(
                store.session_actor(&token, later).await.unwrap(),
                None,
                "{backend}: logged out everywhere"
            );
        }
    }
}

#[tokio::test]
async fn setting_a_password_ends_open_sessions() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let now = at(2026, 11, 26);
        let token = log_in(&store, "E0210", now).await;
        store
            .set_password(
                &employee("E0210"),
                &NewPassword::parse("a-new-passphrase").unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(
            store.session_actor(&token, now).await.unwrap(),
            None,
            "{backend}"
        );
        assert_eq!(
            authenticate(&store, "E0210", PASSWORD, now).await,
            None,
            "{backend}"
        );
        assert!(
            authenticate(&store, "E0210", "a-new-passphrase", now)
                .await
                .is_some(),
            "{backend}"
        );
        assert!(matches!(
            NewPassword::parse("short"),
            Err(PasswordRefusal::TooShort { min: 12 })
        ));
    }
}

#[tokio::test]
async fn the_demo_loads_once_and_only_into_an_empty_database() {
    for database in fresh_databases().await {
        let store = database.store().await;
        assert!(!store.is_demo().await.unwrap());
        assert!(
            store.demo_logins().await.unwrap().is_empty(),
            "{}: not a demo",
            database.backend
        );
        assert_eq!(store.load_demo().await.unwrap(), 361);
        assert!(store.is_demo().await.unwrap());
        assert_eq!(
            store.demo_logins().await.unwrap().len(),
            4,
            "{}",
            database.backend
        );
        assert!(
            matches!(
                store.load_demo().await,
                Err(StoreError::Refused(Refusal::Directory(
                    DirectoryRefusal::NotEmptyForDemo
                )))
            ),
            "{}",
            database.backend
        );
    }
}

#[tokio::test]
async fn an_admin_can_be_created_in_an_empty_database_but_not_twice() {
    for database in fresh_databases().await {
        let store = database.store().await;
        let admin = || NewAdmin {
            employee_id: employee("A0001"),
            name: StaffName::parse("管理 太郎").unwrap(),
            email: EmailAddress::parse("admin@agency.example").unwrap(),
            division: "総務課".into(),
            password: NewPassword::parse("correct horse battery").unwrap(),
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        store.create_admin(admin(), today).await.unwrap();
        let staff_id = authenticate(&store, "A0001", "correct horse battery", at(2026, 11, 26))
            .await
            .expect("the new admin logs in");
        let token = store
            .start_session(staff_id, OFFICE_PC, at(2026, 11, 26))
            .await
            .unwrap();
        let actor = store
            .session_actor(&token, at(2026, 11, 26))
            .await
            .unwrap()
            .unwrap();
        assert!(actor.has_role(AppRole::Admin), "{}", database.backend);
        assert!(matches!(
            store.create_admin(admin(), today).await,
            Err(StoreError::Refused(Refusal::Directory(DirectoryRefusal::Taken { employee_id, email })))
                if employee_id == "A0001" && email == "admin@agency.example"
        ));
        assert!(
            store.demo_logins().await.unwrap().is_empty(),
            "a real database lists no demo accounts"
        );
    }
}

#[tokio::test]
async fn the_directory_searches_pages_and_scopes_by_division() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let first = store.search_staff("", 1, 50, today).await.unwrap();
        assert_eq!(
            (first.total, first.rows.len(), first.page_count()),
            (361, 50, 8),
            "{backend}"
        );
        assert_eq!(first.rows[0].employee_id.as_str(), "E0001", "{backend}");
        let last = store.search_staff("", 8, 50, today).await.unwrap();
        assert_eq!(last.rows.len(), 11, "{backend}");
        // A page past the end (or absurdly far: it overflowed before) is the last page.
        for beyond in [9, u64::MAX] {
            let shown = store.search_staff("", beyond, 50, today).await.unwrap();
            assert_eq!(
                (shown.page, shown.rows),
                (8, last.rows.clone()),
                "{backend}"
            );
        }

        let division = store
            .search_staff("消費者安全課", 1, 50, today)
            .await
            .unwrap();
        assert_eq!(division.total, 45, "{backend}");
        assert!(
            division.rows.iter().all(|p| p.division == "消費者安全課"),
            "{backend}"
        );
        assert_eq!(
            store
                .search_staff("E0210", 1, 50, today)
                .await
                .unwrap()
                .total,
            1,
            "{backend}"
        );
        assert_eq!(
            store
                .search_staff("no such person", 1, 50, today)
                .await
                .unwrap()
                .total,
            0,
            "{backend}"
        );

        let token = log_in(&store, "E0009", at(2026, 11, 26)).await;
        let actor = store
            .session_actor(&token, at(2026, 11, 26))
            .await
            .unwrap()
            .unwrap();
        let staff = store
            .division_staff(&actor.managed_division_ids, today)
            .await
            .unwrap();
        assert_eq!(staff.len(), 45, "{backend}");
        store
            .mark_left(
                &employee("E0210"),
                NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
                "E0013",
                Utc::now(),
            )
            .await
            .unwrap();
        let staff = store
            .division_staff(&actor.managed_division_ids, today)
            .await
            .unwrap();
        assert_eq!(
            staff.len(),
            44,
            "{backend}: leavers drop off the manager's list"
        );
        let before = store
            .division_staff(
                &actor.managed_division_ids,
                NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(
            before.len(),
            45,
            "{backend}: but are there on their last day"
        );
    }
}
