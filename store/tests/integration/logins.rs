//! Login throttling and the login audit (issue 19): after five failures in fifteen minutes an
//! account waits, whether or not it exists; one address trying many names waits too; an admin
//! can lift the hold; every login, failure, hold and logout is in the audit log.

use chrono::{DateTime, Duration, Utc};
use mamori_domain::AuditAction;
use mamori_store::{
    Store,
    logins::{LoginAttempt, LoginOutcome},
};
use mamori_test_support::{ADMIN, LEARNER, calendar::jst, demo_stores, employee};

const PASSWORD: &str = mamori_domain::demo::DEMO_PASSWORD;

async fn try_login(
    store: &Store,
    login: &str,
    password: &str,
    address: &str,
    at: DateTime<Utc>,
) -> LoginOutcome {
    let attempt = LoginAttempt {
        login,
        password,
        address,
        at,
    };
    store.log_in(attempt).await.unwrap()
}

#[tokio::test]
async fn five_failures_hold_an_account_back_known_or_not_until_the_window_passes() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let start = jst(12, 1, 9);
        for name in [LEARNER, "E9999"] {
            for i in 0..5 {
                let at = start + Duration::minutes(i);
                assert_eq!(
                    try_login(&store, name, "wrong", "192.0.2.1", at).await,
                    LoginOutcome::Refused,
                    "{backend}: {name} try {i}"
                );
            }
            // Before the fix: the right password logged in at once after any number of failures.
            let held = try_login(
                &store,
                name,
                PASSWORD,
                "192.0.2.1",
                start + Duration::minutes(5),
            )
            .await;
            assert_eq!(
                held,
                LoginOutcome::MustWait {
                    until: start + Duration::minutes(15)
                },
                "{backend}: {name} waits, whether the account exists or not"
            );
        }
        // By e-mail it is the same account.
        let learner = store
            .staff_summary(&employee(LEARNER), start.date_naive())
            .await
            .unwrap()
            .email;
        assert!(
            matches!(
                try_login(
                    &store,
                    &learner.to_uppercase(),
                    PASSWORD,
                    "192.0.2.2",
                    start + Duration::minutes(6)
                )
                .await,
                LoginOutcome::MustWait { .. }
            ),
            "{backend}: the e-mail address names the held account"
        );
        // Once the window has passed, the right password works and clears the count.
        let later = start + Duration::minutes(15);
        assert!(
            matches!(
                try_login(&store, LEARNER, PASSWORD, "192.0.2.1", later).await,
                LoginOutcome::Admitted { .. }
            ),
            "{backend}"
        );
        assert_eq!(
            store
                .staff_detail(&employee(LEARNER), later)
                .await
                .unwrap()
                .login_held_until,
            None,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn an_address_trying_many_names_is_held_back_and_an_admin_can_lift_an_accounts_hold() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let start = jst(12, 1, 9);
        for i in 0..20 {
            let name = format!("E9{i:03}");
            try_login(&store, &name, "guess", "198.51.100.7", start).await;
        }
        assert!(
            matches!(
                try_login(&store, ADMIN, PASSWORD, "198.51.100.7", start).await,
                LoginOutcome::MustWait { .. }
            ),
            "{backend}: the guessing address waits, even for a right password"
        );
        assert!(
            matches!(
                try_login(&store, ADMIN, PASSWORD, "192.0.2.1", start).await,
                LoginOutcome::Admitted { .. }
            ),
            "{backend}: other addresses do not"
        );

        for _ in 0..5 {
            try_login(&store, LEARNER, "wrong", "192.0.2.1", start).await;
        }
        assert_eq!(
            store
                .staff_detail(&employee(LEARNER), start)
                .await
                .unwrap()
                .login_held_until,
            Some(start + Duration::minutes(15)),
            "{backend}"
        );
        store
            .lift_login_hold(&employee(LEARNER), ADMIN, start)
            .await
            .unwrap();
        assert!(
            matches!(
                try_login(&store, LEARNER, PASSWORD, "192.0.2.1", start).await,
                LoginOutcome::Admitted { .. }
            ),
            "{backend}: lifted"
        );
    }
}

#[tokio::test]
async fn logins_failures_holds_and_logouts_are_audited_with_name_and_address() {
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        let start = jst(12, 1, 9);
        try_login(&store, LEARNER, "wrong", "192.0.2.1", start).await;
        try_login(&store, LEARNER, PASSWORD, "192.0.2.1", start).await;
        store
            .record_logout(&employee(LEARNER), "192.0.2.1", 1, start)
            .await
            .unwrap();
        for _ in 0..6 {
            try_login(&store, LEARNER, "wrong", "192.0.2.3", start).await;
        }
        store
            .lift_login_hold(&employee(LEARNER), ADMIN, start)
            .await
            .unwrap();
        let log = store.audit_of(&employee(LEARNER)).await.unwrap();
        let actions: Vec<_> = log.iter().rev().map(|c| c.action).collect();
        use AuditAction::*;
        assert_eq!(
            actions,
            [
                LoginFailed,
                Login,
                Logout,
                LoginFailed,
                LoginFailed,
                LoginFailed,
                LoginFailed,
                LoginFailed,
                LoginThrottled,
                LoginUnlocked
            ],
            "{backend}"
        );
        let failed = log.iter().rev().nth(3).unwrap();
        assert_eq!(
            (failed.actor.as_str(), failed.detail.as_str(), failed.at),
            (LEARNER, "from 192.0.2.3", start),
            "{backend}"
        );
        assert_eq!(log[0].actor, ADMIN, "{backend}: who lifted it");
    }
}

#[tokio::test]
async fn the_database_refuses_to_change_or_empty_the_audit_log() {
    use sea_orm::ConnectionTrait;
    for (database, store) in demo_stores().await {
        let backend = database.backend;
        try_login(&store, LEARNER, "wrong", "192.0.2.1", jst(12, 1, 9)).await;
        let db = sea_orm::Database::connect(&database.url).await.unwrap();
        // Before: both went through, and an intruder in the application could cover their tracks.
        for statement in ["UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"] {
            assert!(
                db.execute_unprepared(statement).await.is_err(),
                "{backend}: {statement} is refused"
            );
        }
        assert_eq!(
            store.audit_of(&employee(LEARNER)).await.unwrap().len(),
            1,
            "{backend}: the entry is still there"
        );
    }
}
