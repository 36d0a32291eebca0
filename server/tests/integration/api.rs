//! The real application on a random port, against a fresh database per test (SQLite, and
//! PostgreSQL when the test script provides a server), driven over HTTP as a browser would.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::Value;

/// Expected status per caller: anonymous, learner, trainer, manager, admin, with the arguments
/// of the matrix test. A public function answers everyone. Add every new server function here.
const ACCESS: &[(&str, [u16; 5])] = &[
    ("/api/current_user", [200, 200, 200, 200, 200]),
    ("/api/demo_logins", [200, 200, 200, 200, 200]),
    ("/api/logout", [200, 200, 200, 200, 200]),
    ("/api/my_sessions", [401, 200, 200, 200, 200]),
    ("/api/log_out_everywhere", [401, 200, 200, 200, 200]),
    ("/api/managed_staff", [401, 403, 403, 200, 403]),
    ("/api/search_staff", [401, 403, 403, 403, 200]),
    ("/api/staff_member", [401, 403, 403, 403, 200]),
    ("/api/division_list", [401, 403, 403, 403, 200]),
    // No upload 1 exists: the admin passes the permission check and finds nothing.
    ("/api/preview_import", [401, 403, 403, 403, 404]),
    ("/api/confirm_import", [401, 403, 403, 403, 404]),
    // Public: the link is the credential; this one is unknown to everybody.
    ("/api/password_link_holder", [404, 404, 404, 404, 404]),
    ("/api/set_password_with_link", [404, 404, 404, 404, 404]),
    ("/api/send_password_link", [401, 403, 403, 403, 200]),
    ("/api/send_password_links", [401, 403, 403, 403, 200]),
    ("/api/edit_staff", [401, 403, 403, 403, 200]),
    ("/api/training_modules", [401, 403, 200, 403, 200]),
    // The trainer creates module `matrix`; the admin's try finds the slug taken.
    ("/api/create_module", [401, 403, 200, 403, 422]),
    ("/api/edit_module", [401, 403, 200, 403, 200]),
    ("/api/add_page", [401, 403, 200, 403, 200]),
    ("/api/publish_module", [401, 403, 200, 403, 200]),
    ("/api/edit_module_details", [401, 403, 200, 403, 200]),
    ("/api/edit_material", [401, 403, 200, 403, 200]),
    ("/api/move_material", [401, 403, 200, 403, 200]),
    ("/api/assignment_choices", [401, 403, 200, 403, 200]),
    // The same assignment twice is refused: the admin's try finds it made.
    ("/api/assign_module", [401, 403, 200, 403, 422]),
    // Assignment 1 is `matrix`'s: carried over once.
    ("/api/carry_over_assignment", [401, 403, 200, 403, 422]),
    // Assigned to everyone (no division): every learner takes it.
    ("/api/my_home", [401, 200, 200, 200, 200]),
    ("/api/take_module", [401, 200, 200, 200, 200]),
    ("/api/material_heartbeat", [401, 200, 200, 200, 200]),
    ("/api/save_quiz_settings", [401, 403, 200, 403, 200]),
    ("/api/import_question_pool", [401, 403, 200, 403, 200]),
    ("/api/my_quiz", [401, 200, 200, 200, 200]),
    ("/api/start_quiz_attempt", [401, 200, 200, 200, 200]),
    // Attempt 1 is the learner's: anyone else's try finds nothing.
    ("/api/submit_quiz_attempt", [401, 200, 404, 404, 404]),
    // Submitted, so there is no time left to extend.
    ("/api/extend_quiz_attempt", [401, 422, 404, 404, 404]),
    ("/api/quiz_report", [401, 403, 200, 200, 200]),
    ("/api/completion_dashboard", [401, 403, 200, 200, 200]),
    ("/api/report_people", [401, 403, 200, 200, 200]),
    ("/api/material_views", [401, 403, 200, 200, 200]),
    // E0300 is outside the manager's division: not found for them.
    ("/api/staff_transcript", [401, 403, 200, 404, 200]),
    ("/api/training_grid", [401, 403, 200, 200, 200]),
    // Nobody has completed `matrix`: no certificate, whoever asks.
    ("/api/my_certificate", [401, 404, 404, 404, 404]),
    ("/api/verify_certificate", [401, 403, 403, 403, 200]),
    // E0300 is outside the manager's division: not found, as if they did not exist.
    ("/api/staff_training", [401, 403, 200, 404, 200]),
    // Two pages: the trainer removes the second, which the admin then cannot find.
    ("/api/remove_material", [401, 403, 200, 403, 404]),
    ("/api/archive_module", [401, 403, 200, 403, 200]),
    ("/api/outbox_mail", [401, 403, 403, 403, 200]),
    ("/api/save_assignment_reminders", [401, 403, 200, 403, 200]),
    ("/api/my_mail", [401, 200, 200, 200, 200]),
    ("/api/mail_settings", [401, 403, 403, 403, 200]),
    ("/api/save_reminder_policy", [401, 403, 403, 403, 200]),
    ("/api/save_mail_template", [401, 403, 403, 403, 200]),
    // The matrix's text is no holiday list: refused with its line.
    ("/api/save_holidays", [401, 403, 403, 403, 422]),
    ("/api/inspection_campaigns", [401, 403, 403, 403, 200]),
    // Creates fiscal year 2026's campaign (no items, no answering period) for the rows
    // below.
    ("/api/save_inspection_campaign", [401, 403, 403, 403, 200]),
    ("/api/inspection_campaign", [401, 403, 403, 403, 200]),
    ("/api/add_inspection_item", [401, 403, 403, 403, 200]),
    ("/api/edit_inspection_item", [401, 403, 403, 403, 200]),
    ("/api/remove_inspection_item", [401, 403, 403, 403, 200]),
    ("/api/my_inspections", [401, 200, 200, 200, 200]),
    ("/api/my_inspection_sheet", [401, 200, 200, 200, 200]),
    // Not open for answers.
    ("/api/save_my_inspection", [401, 422, 422, 422, 422]),
    ("/api/load_inspection_results", [401, 403, 403, 200, 200]),
    ("/api/lift_login_hold", [401, 403, 403, 403, 200]),
    ("/api/audit_log", [401, 403, 403, 403, 200]),
    // Last: the admin's call changes the directory.
    ("/api/deactivate_staff", [401, 403, 403, 403, 200]),
];

#[tokio::test]
async fn every_server_function_enforces_its_access_rule_for_every_role() {
    let registered: Vec<&str> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|path| *path != "/api/login") // public by nature; tested below
        .collect();
    for path in &registered {
        assert!(
            ACCESS.iter().any(|(known, _)| known == path),
            "server function {path} has no row in the access matrix"
        );
    }
    for app in TestApp::spawn_each(true).await {
        for (path, expected) in ACCESS {
            for (caller, want) in ["", LEARNER, TRAINER, MANAGER, ADMIN].iter().zip(expected) {
                let session = app.session_of(caller).await;
                let endpoint = path.trim_start_matches("/api/");
                // Every function's arguments; each takes the ones it needs.
                let arguments = [
                    ("query", ""),
                    ("page", "1"),
                    ("employee_id", "E0300"),
                    ("upload_id", "1"),
                    ("token", "not-a-link"),
                    ("password", "long-enough-1"),
                    ("password_again", "long-enough-1"),
                    ("name", "試験 太郎"),
                    ("email", "test.e0300@agency.example"),
                    (
                        "division",
                        if endpoint == "edit_staff" {
                            "総務課"
                        } else {
                            ""
                        },
                    ),
                    ("slug", "matrix"),
                    ("title", "行列"),
                    ("summary", ""),
                    ("estimated_minutes", "5"),
                    ("markdown", "本文"),
                    ("min_active_seconds", "0"),
                    ("due_on", "2099-03-31"),
                    ("target", "everyone"),
                    ("due_kind", "on"),
                    ("assignment_id", "1"),
                    (
                        "position",
                        if endpoint == "remove_material" {
                            "2"
                        } else {
                            "1"
                        },
                    ),
                    ("direction", "down"),
                    (
                        "text",
                        if endpoint == "import_question_pool" {
                            "持出しには許可が要る {T}"
                        } else {
                            "本文"
                        },
                    ),
                    ("format", "gift"),
                    ("attempt_id", "1"),
                    ("answers[0]", "0:0"),
                    ("settings[draw_count]", "0"),
                    ("settings[pass_mark]", "80"),
                    ("settings[max_attempts]", "0"),
                    ("settings[wait_minutes]", "0"),
                    ("settings[time_limit_minutes]", "0"),
                    ("settings[multiple_scoring]", "partial"),
                    ("material_id", "1"),
                    ("beat", "opened"),
                    ("code", "ABCDEF123456"),
                    ("kind", "notice"),
                    ("subject", "受講のお願い：{module}"),
                    ("body", "{name} 様 {link}"),
                    ("policy[days_before]", "7, 1"),
                    ("policy[overdue_every_days]", "7"),
                    ("fiscal_year", "2026"),
                    ("item_id", "X01"),
                    ("group", "staff"),
                ];
                let response = session.call(endpoint, &arguments).await;
                let status = response.status();
                let body = response.text().await.unwrap();
                assert_eq!(
                    status.as_u16(),
                    *want,
                    "{}: {path} as {caller:?}: {body}",
                    app.backend
                );
            }
        }
    }
}

#[tokio::test]
async fn every_server_function_refuses_a_caller_before_reading_the_arguments() {
    // Numbers that are not numbers, and every other argument missing: a caller the matrix
    // refuses is refused so whatever they send (before: 400, the arguments read first).
    let malformed = [
        ("page", "x"),
        ("upload_id", "x"),
        ("estimated_minutes", "x"),
        ("assignment_id", "x"),
        ("position", "x"),
        ("attempt_id", "x"),
        ("material_id", "x"),
        ("fiscal_year", "x"),
    ];
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let mut refusals = 0;
    for (path, expected) in ACCESS {
        for (caller, want) in ["", LEARNER, TRAINER, MANAGER, ADMIN].iter().zip(expected) {
            if ![401, 403].contains(want) {
                continue;
            }
            let session = app.session_of(caller).await;
            let endpoint = path.trim_start_matches("/api/");
            let response = session.call(endpoint, &malformed).await;
            assert_eq!(
                response.status().as_u16(),
                *want,
                "{path} as {caller:?}: {}",
                response.text().await.unwrap()
            );
            refusals += 1;
        }
    }
    assert!(refusals > 150, "{refusals} refusals checked");
    // The same arguments are refused as malformed to a caller who may call the function.
    let admin = app.session_of(ADMIN).await;
    assert_eq!(
        admin.call("search_staff", &malformed).await.status(),
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_learner_sees_only_themselves() {
    for app in TestApp::spawn_each(true).await {
        let learner = app.session_of(LEARNER).await;
        let me: Value = learner
            .call("current_user", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(me["actor"]["employee_id"], LEARNER, "{}", app.backend);
        assert_eq!(
            me["actor"]["roles"],
            serde_json::json!(["Learner"]),
            "{}",
            app.backend
        );
        let refused = learner
            .call("search_staff", &[("query", "E0013"), ("page", "1")])
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{}", app.backend);
        let body = refused.text().await.unwrap();
        assert!(
            !body.contains("E0013"),
            "{}: a refusal leaks no data: {body}",
            app.backend
        );
    }
}

#[tokio::test]
async fn a_manager_sees_only_their_own_division() {
    for app in TestApp::spawn_each(true).await {
        let manager = app.session_of(MANAGER).await;
        let found: Value = manager
            .call("managed_staff", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            found["divisions"],
            serde_json::json!(["消費者安全課"]),
            "{}",
            app.backend
        );
        let staff = found["staff"].as_array().unwrap();
        assert_eq!(staff.len(), 45, "{}", app.backend);
        assert!(
            staff.iter().all(|p| p["division"] == "消費者安全課"),
            "{}",
            app.backend
        );
    }
}

#[tokio::test]
async fn an_admin_searches_and_pages_the_directory() {
    for app in TestApp::spawn_each(true).await {
        let admin = app.session_of(ADMIN).await;
        let page: Value = admin
            .call("search_staff", &[("query", ""), ("page", "2")])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(page["total"], 361, "{}", app.backend);
        assert_eq!(page["rows"][0]["employee_id"], "E0051", "{}", app.backend);
        let found: Value = admin
            .call("search_staff", &[("query", "食品表示課"), ("page", "1")])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(found["total"], 36, "{}", app.backend);
    }
}

#[tokio::test]
async fn an_admin_reads_a_persons_history() {
    for app in TestApp::spawn_each(true).await {
        let admin = app.session_of(ADMIN).await;
        let person: Value = admin
            .call("staff_member", &[("employee_id", MANAGER)])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            person["summary"]["division"], "消費者安全課",
            "{}",
            app.backend
        );
        assert_eq!(
            person["divisions"].as_array().unwrap().len(),
            1,
            "{}",
            app.backend
        );
        let roles: Vec<&str> = person["security_roles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["value"].as_str().unwrap())
            .collect();
        assert_eq!(
            roles,
            vec!["DivisionSecurityOfficer", "SecurityOfficer"],
            "{}",
            app.backend
        );
        let missing = admin
            .call("staff_member", &[("employee_id", "E9999")])
            .await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND, "{}", app.backend);

        // Recording a leaver: kept, dated today, audited; they may still log in on their last day.
        let left = admin
            .call("deactivate_staff", &[("employee_id", LEARNER)])
            .await;
        assert_eq!(left.status(), StatusCode::OK, "{}", app.backend);
        let person: Value = admin
            .call("staff_member", &[("employee_id", LEARNER)])
            .await
            .json()
            .await
            .unwrap();
        let today = mamori_domain::agency_date(chrono::Utc::now()).to_string();
        assert_eq!(
            person["summary"]["active_until"],
            today.as_str(),
            "{}",
            app.backend
        );
        assert_eq!(person["changes"][0]["actor"], ADMIN, "{}", app.backend);
        assert_eq!(
            person["changes"][0]["action"], "StaffLeft",
            "{}",
            app.backend
        );
    }
}

#[tokio::test]
async fn admins_download_the_directory_as_staff_csv() {
    for app in TestApp::spawn_each(true).await {
        let download = |session: TestApp, query: &'static str| async move {
            let response = session
                .client
                .get(format!("{}/admin/staff/export.csv{query}", session.address))
                .send()
                .await
                .unwrap();
            (response.status(), response.text().await.unwrap())
        };
        let (status, csv) = download(app.session_of(ADMIN).await, "").await;
        assert_eq!(status, StatusCode::OK, "{}", app.backend);
        assert!(
            csv.starts_with(
                "\u{feff}employee_id,name,email,division,roles,active_from,active_until\r\n"
            ),
            "{}",
            app.backend
        );
        assert_eq!(
            csv.lines().count(),
            362,
            "{}: header and 361 staff",
            app.backend
        );
        let rows = mamori_domain::staff_file::parse(csv.as_bytes()).unwrap();
        assert_eq!(
            rows.iter().filter(|r| r.division == "消費者安全課").count(),
            45,
            "{}",
            app.backend
        );

        let (status, past) = download(app.session_of(ADMIN).await, "?as_of=2012-03-31").await;
        assert_eq!(status, StatusCode::OK, "{}", app.backend);
        assert!(
            past.lines().count() < 362,
            "{}: fewer people had joined by 2012",
            app.backend
        );
        assert_eq!(
            download(app.session_of(ADMIN).await, "?as_of=31/03/2012")
                .await
                .0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            download(app.session_of(LEARNER).await, "").await.0,
            StatusCode::FORBIDDEN,
            "{}",
            app.backend
        );
        assert_eq!(
            download(app.session_of(MANAGER).await, "").await.0,
            StatusCode::FORBIDDEN,
            "{}",
            app.backend
        );
        assert_eq!(
            download(app.session_of("").await, "").await.0,
            StatusCode::UNAUTHORIZED,
            "{}",
            app.backend
        );
    }
}

#[tokio::test]
async fn wrong_passwords_are_refused_and_logout_ends_the_session() {
    for app in TestApp::spawn_each(true).await {
        let refused = app
            .call("login", &[("login", ADMIN), ("password", "guess")])
            .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            app.backend
        );
        assert!(
            refused.headers().get("set-cookie").is_none(),
            "{}",
            app.backend
        );

        let accepted = app.login(ADMIN).await;
        let cookie = accepted
            .headers()
            .get("set-cookie")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{}: {cookie}",
            app.backend
        );
        assert_eq!(
            app.call("search_staff", &[("query", ""), ("page", "1")])
                .await
                .status(),
            StatusCode::OK
        );

        app.call("logout", &[]).await;
        let me: Value = app.call("current_user", &[]).await.json().await.unwrap();
        assert_eq!(me, Value::Null, "{}", app.backend);
        // The old cookie no longer works either.
        let replay = reqwest::Client::new()
            .post(format!("{}/api/search_staff", app.address))
            .header("cookie", cookie.split(';').next().unwrap())
            .form(&[("query", ""), ("page", "1")])
            .send()
            .await
            .unwrap();
        assert_eq!(replay.status(), StatusCode::UNAUTHORIZED, "{}", app.backend);
    }
}

#[tokio::test]
async fn pages_need_a_login_and_land_each_role_on_its_home() {
    for app in TestApp::spawn_each(true).await {
        let (status, location, _) = app.page("/admin/staff").await;
        assert_eq!(
            (status, location.as_deref()),
            (StatusCode::SEE_OTHER, Some("/login?next=%2Fadmin%2Fstaff")),
            "{}",
            app.backend
        );

        for (who, home) in [
            (LEARNER, "/"),
            (TRAINER, "/"),
            (MANAGER, "/manager"),
            (ADMIN, "/admin/staff"),
        ] {
            let session = app.session_of("").await;
            let response = session
                .client
                .post(format!("{}/api/login", app.address))
                .header("accept", "text/html")
                .header("referer", format!("{}/login", app.address))
                .form(&[("login", who), ("password", PASSWORD)])
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FOUND,
                "{}: {who}",
                app.backend
            );
            assert_eq!(
                response.headers()["location"],
                home,
                "{}: {who}",
                app.backend
            );
            let (status, _, html) = session.page(home).await;
            assert_eq!(status, StatusCode::OK, "{}: {who}", app.backend);
            assert!(
                html.contains("<html lang=\"ja\""),
                "{}: Japanese by default",
                app.backend
            );
        }

        let learner = app.session_of(LEARNER).await;
        let (_, _, html) = learner.page("/admin/staff").await;
        assert!(
            html.contains("このページを表示する権限がありません"),
            "{}",
            app.backend
        );
        assert!(
            !html.contains("E0013"),
            "{}: no directory data on a refused page",
            app.backend
        );
    }
}

#[tokio::test]
async fn the_login_page_lists_demo_accounts_only_in_demo_mode() {
    let demo = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let (_, _, html) = demo.page("/login").await;
    assert!(
        html.contains("デモ用アカウント") && html.contains(ADMIN),
        "demo database"
    );

    let real = TestApp::spawn(mamori_test_support::fresh_sqlite(), false).await;
    let (status, _, html) = real.page("/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("ログイン"));
    assert!(
        !html.contains("デモ用アカウント") && !html.contains(PASSWORD),
        "real database"
    );
}

#[tokio::test]
async fn the_language_switch_remembers_english() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let response = app
        .client
        .post(format!("{}/language", app.address))
        .form(&[("lang", "en"), ("back", "/login")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/login");
    let (_, _, html) = app.page("/login").await;
    assert!(html.contains("<html lang=\"en\"") && html.contains("Employee ID or e-mail address"));

    let offsite = app
        .client
        .post(format!("{}/language", app.address))
        .form(&[("lang", "ja"), ("back", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        offsite.headers()["location"],
        "/",
        "never redirects off the site"
    );
}

#[tokio::test]
async fn unknown_pages_answer_404() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let (status, _, html) = app.page("/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains("お探しのページは見つかりませんでした"));
}

#[tokio::test]
async fn a_module_address_that_cannot_be_one_is_refused_and_an_unknown_one_not_found() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let trainer = app.session_of(TRAINER).await;
    for (slug, status) in [("Not-A-Slug", 422), ("no-such-module", 404)] {
        let call = trainer.call("edit_module", &[("slug", slug)]).await;
        assert_eq!(call.status().as_u16(), status, "{slug}: server function");
        if status == 422 {
            assert!(call.text().await.unwrap().contains("SlugInvalid"), "{slug}");
        }
        let download = trainer
            .get(&format!("/trainer/modules/{slug}/questions"))
            .await;
        assert_eq!(download.status().as_u16(), status, "{slug}: plain route");
    }
}

#[tokio::test]
async fn every_plain_route_enforces_its_access_rule_for_every_role() {
    // Expected status per caller: anonymous, learner, trainer, manager, admin. A stranger's
    // 303 is to the login page; anyone else's is back to the form. Every route of
    // `plain_routes` needs a row: add every new one here.
    let matrix: &[(&str, &str, [u16; 5])] = &[
        // No file: back to the form, which says so.
        ("POST", "/admin/staff/import", [303, 403, 403, 403, 303]),
        ("GET", "/admin/staff/export.csv", [401, 403, 403, 403, 200]),
        ("GET", "/admin/audit.csv", [303, 403, 403, 403, 200]),
        // No title: back to the editor.
        (
            "POST",
            "/trainer/modules/matrix/materials",
            [303, 403, 303, 403, 303],
        ),
        // Module `matrix` has no material 1: not found for whoever passes the door.
        ("GET", "/materials/1/file", [401, 404, 404, 404, 404]),
        (
            "GET",
            "/trainer/modules/matrix/questions",
            [303, 403, 200, 403, 200],
        ),
        (
            "POST",
            "/trainer/modules/matrix/questions",
            [303, 403, 303, 403, 303],
        ),
        (
            "GET",
            "/results/quizzes/matrix/attempts.csv",
            [303, 403, 200, 200, 200],
        ),
        ("GET", "/reports/people.csv", [303, 403, 200, 200, 200]),
        // E0300 is outside the manager's division: not found for them.
        (
            "GET",
            "/reports/staff/E0300/transcript.csv",
            [303, 403, 200, 404, 200],
        ),
        (
            "POST",
            "/admin/inspection/2026/items",
            [303, 403, 403, 403, 303],
        ),
        (
            "GET",
            "/inspection/2026/divisions.csv",
            [303, 403, 403, 200, 200],
        ),
        // Table 1 is the admins' alone.
        (
            "GET",
            "/inspection/2026/table1.csv",
            [303, 403, 403, 403, 200],
        ),
    ];
    let matches = |pattern: &str, path: &str| {
        let (pattern, path): (Vec<&str>, Vec<&str>) =
            (pattern.split('/').collect(), path.split('/').collect());
        pattern.len() == path.len()
            && pattern
                .iter()
                .zip(&path)
                .all(|(p, s)| p == s || p.starts_with('{'))
    };
    for route in mamori_server::web::plain_routes() {
        assert!(
            matrix.iter().any(|(method, path, _)| {
                *method == route.method.as_str() && matches(route.path, path)
            }),
            "plain route {} {} has no row in the access matrix",
            route.method,
            route.path
        );
    }
    for app in TestApp::spawn_each(true).await {
        let trainer = app.session_of(TRAINER).await;
        let created = trainer
            .call(
                "create_module",
                &[
                    ("slug", "matrix"),
                    ("title", "行列"),
                    ("summary", ""),
                    ("estimated_minutes", "5"),
                ],
            )
            .await;
        assert_eq!(created.status(), StatusCode::OK, "{}", app.backend);
        let admin = app.session_of(ADMIN).await;
        let campaign = admin
            .call("save_inspection_campaign", &[("fiscal_year", "2026")])
            .await;
        assert_eq!(campaign.status(), StatusCode::OK, "{}", app.backend);
        for (method, path, expected) in matrix {
            for (caller, want) in ["", LEARNER, TRAINER, MANAGER, ADMIN].iter().zip(expected) {
                let session = app.session_of(caller).await;
                let url = format!("{}{path}", app.address);
                let request = match *method {
                    "GET" => session.client.get(url),
                    _ => session
                        .client
                        .post(url)
                        .multipart(reqwest::multipart::Form::new().text("kind", "document")),
                };
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                let location = response
                    .headers()
                    .get("location")
                    .map(|v| v.to_str().unwrap().to_string());
                let body = response.text().await.unwrap();
                assert_eq!(
                    status, *want,
                    "{}: {method} {path} as {caller:?}: {body}",
                    app.backend
                );
                if status == 303 {
                    assert_eq!(
                        location.as_ref().is_some_and(|to| to.starts_with("/login")),
                        caller.is_empty(),
                        "{}: {method} {path} as {caller:?} went to {location:?}",
                        app.backend
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn plain_routes_refuse_in_the_requests_language() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let learner = app.session_of(LEARNER).await;
    let refusal = |path: &'static str| {
        let learner = &learner;
        async move {
            let response = learner.get(path).await;
            (response.status().as_u16(), response.text().await.unwrap())
        }
    };
    // Refused at the door (the permission), and by the handler (no such material).
    let door = "/admin/staff/export.csv";
    let handler = "/materials/1/file";
    assert_eq!(
        refusal(door).await,
        (403, "このページを表示する権限がありません。".to_string())
    );
    assert_eq!(
        refusal(handler).await,
        (404, "お探しのページは見つかりませんでした。".to_string())
    );
    learner.choose_language("en").await;
    assert_eq!(
        refusal(door).await,
        (403, "You are not allowed to see this page.".to_string())
    );
    assert_eq!(
        refusal(handler).await,
        (
            404,
            "The page you are looking for was not found.".to_string()
        )
    );
}
