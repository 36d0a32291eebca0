//! The admin's work on the directory over HTTP: importing a file through the preview, editing
//! a person, and set-password links that travel through a real SMTP server.

use crate::support::*;
use chrono::{Duration, Utc};
use mamori_domain::staff_file::{self, StaffRow};
use mamori_server::mail_delivery::deliver_due_mail;
use mamori_test_support::smtp::SmtpSink;
use reqwest::StatusCode;
use serde_json::Value;

fn today() -> chrono::NaiveDate {
    mamori_domain::agency_date(Utc::now())
}

async fn rows_today(app: &TestApp) -> Vec<StaffRow> {
    app.store.staff_rows_as_of(today()).await.unwrap()
}

fn row_of(rows: &[StaffRow], employee_id: &str) -> StaffRow {
    rows.iter()
        .find(|r| r.employee_id.as_str() == employee_id)
        .cloned()
        .unwrap()
}

/// Uploads a file as the browser's form does; returns the status and the redirect target.
async fn upload(app: &TestApp, content: Vec<u8>, effective: &str) -> (StatusCode, String) {
    let mut form = reqwest::multipart::Form::new()
        .text("effective", effective.to_string())
        .text("sync", "false");
    if !content.is_empty() {
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(content).file_name("staff.csv"),
        );
    }
    let response = app
        .client
        .post(format!("{}/admin/staff/import", app.address))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let location = response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    (response.status(), location)
}

fn upload_id(location: &str) -> String {
    location
        .strip_prefix("/admin/staff/import/")
        .unwrap_or_else(|| panic!("not a preview page: {location}"))
        .to_string()
}

#[tokio::test]
async fn an_admin_imports_a_file_through_the_preview_and_confirms_once() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let admin = app.session_of(ADMIN).await;
        let before = rows_today(&app).await;

        // A bad file: stored for the preview, which lists the bad row; nothing changes.
        let bad = "employee_id,name,email,division,roles,active_from,active_until\r\n\
                   E9001,新人 一郎,ichiro@agency.example,総務課,wizard,2011-04-01,\r\n";
        let (status, location) = upload(&admin, bad.as_bytes().to_vec(), "").await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{backend}");
        let preview: Value = admin
            .call("preview_import", &[("upload_id", &upload_id(&location))])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            preview["outcome"]["Err"][0],
            serde_json::json!({"line": 2, "reason": {"Staff": {"UnknownRole": {"code": "wizard"}}}}),
            "{backend}: {preview}"
        );
        assert_eq!(rows_today(&app).await, before, "{backend}");
        // The page words the reason in the viewer's language: Japanese by default, English
        // once chosen.
        let (_, _, html) = admin.page(&location).await;
        assert!(
            html.contains("役割コード「wizard」は不明です。"),
            "{backend}: {html}"
        );
        let english = app.session_of(ADMIN).await;
        english.choose_language("en").await;
        let (_, _, html) = english.page(&location).await;
        assert!(
            html.contains("Unknown role code") && html.contains("wizard"),
            "{backend}: {html}"
        );

        // A good file: one renamed, one new. The preview is a dry run.
        let mut renamed = row_of(&before, "E0001");
        renamed.name = mamori_domain::StaffName::parse("改名 太郎").unwrap();
        let mut newcomer = renamed.clone();
        newcomer.employee_id = mamori_domain::EmployeeId::parse("E9001").unwrap();
        newcomer.email = mamori_domain::EmailAddress::parse("e9001@agency.example").unwrap();
        newcomer.division = "新設課".to_string();
        let file = staff_file::write(&[renamed, newcomer]);
        let (status, location) = upload(&admin, file.into_bytes(), &today().to_string()).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{backend}");
        let id = upload_id(&location);
        let preview: Value = admin
            .call("preview_import", &[("upload_id", &id)])
            .await
            .json()
            .await
            .unwrap();
        let report = &preview["outcome"]["Ok"];
        assert_eq!(report["created"], serde_json::json!(["E9001"]), "{backend}");
        assert_eq!(
            report["updated"],
            serde_json::json!([["E0001", ["name"]]]),
            "{backend}"
        );
        assert_eq!(report["new_divisions"], serde_json::json!(["新設課"]));
        assert_eq!(report["names"]["E0001"], "改名 太郎");
        assert_eq!(preview["applied"], Value::Null);
        assert_eq!(
            rows_today(&app).await,
            before,
            "{backend}: a preview writes nothing"
        );

        // The preview page itself shows the plan in Japanese.
        let (status, _, html) = admin.page(&location).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains("この内容で取り込む") && html.contains("改名 太郎"),
            "{backend}"
        );

        // Confirming applies it; a second confirmation is refused.
        let applied = admin.call("confirm_import", &[("upload_id", &id)]).await;
        assert_eq!(applied.status(), StatusCode::OK, "{backend}");
        let again = admin.call("confirm_import", &[("upload_id", &id)]).await;
        assert_eq!(
            again.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
        let after = rows_today(&app).await;
        assert_eq!(after.len(), before.len() + 1, "{backend}");
        assert_eq!(row_of(&after, "E0001").name.as_str(), "改名 太郎");
        let preview: Value = admin
            .call("preview_import", &[("upload_id", &id)])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(preview["applied"]["by"], ADMIN, "{backend}");
        assert_eq!(
            preview["outcome"]["Ok"]["created"],
            serde_json::json!(["E9001"])
        );

        // No file: back to the form with a message. Others may not upload at all.
        let (status, location) = upload(&admin, Vec::new(), "").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(location.contains("import_error=no_file"), "{location}");
        let (status, _) = upload(&app.session_of(LEARNER).await, b"x".to_vec(), "").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{backend}");
        let (status, location) = upload(&app.session_of("").await, b"x".to_vec(), "").await;
        assert_eq!(
            (status, location.as_str()),
            (StatusCode::SEE_OTHER, "/login")
        );
    }
}

#[tokio::test]
async fn an_admin_edit_transfers_a_person_from_its_date_and_is_audited() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let admin = app.session_of(ADMIN).await;
        let person = row_of(&rows_today(&app).await, "E0300");
        let new_division = if person.division == "食品表示課" {
            "総務課"
        } else {
            "食品表示課"
        };
        let transfer = today() + Duration::days(10);
        let edit = |email: &str, division: &str| {
            vec![
                ("employee_id", "E0300".to_string()),
                ("name", person.name.to_string()),
                ("email", email.to_string()),
                ("division", division.to_string()),
                ("roles[4]", "security_officer".to_string()),
                ("effective", transfer.to_string()),
            ]
        };
        let call = |fields: Vec<(&'static str, String)>| {
            let admin = &admin;
            async move {
                let form: Vec<(&str, &str)> =
                    fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
                admin.call("edit_staff", &form).await
            }
        };

        // A bad e-mail: refused with the reason, and nothing changes.
        let refused = call(edit("not-an-address", new_division)).await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
        let reason = refused.text().await.unwrap();
        assert!(reason.contains("not-an-address"), "{backend}: {reason}");
        assert_eq!(
            row_of(&rows_today(&app).await, "E0300"),
            person,
            "{backend}"
        );

        let changed: Value = call(edit(person.email.as_str(), new_division))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            changed,
            serde_json::json!(["division", "roles"]),
            "{backend}"
        );

        let on = |date| {
            let store = app.store.clone();
            async move { row_of(&store.staff_rows_as_of(date).await.unwrap(), "E0300") }
        };
        let day_before = on(transfer - Duration::days(1)).await;
        assert_eq!(day_before.division, person.division, "{backend}");
        assert!(day_before.roles.is_empty(), "{backend}");
        let from_then = on(transfer).await;
        assert_eq!(from_then.division, new_division, "{backend}");
        assert_eq!(
            from_then.roles,
            vec![mamori_domain::SecurityRole::SecurityOfficer],
            "{backend}"
        );

        let detail: Value = admin
            .call("staff_member", &[("employee_id", "E0300")])
            .await
            .json()
            .await
            .unwrap();
        let change = &detail["changes"][0];
        assert_eq!(change["action"], "StaffEdit", "{backend}");
        assert_eq!(change["actor"], ADMIN, "{backend}");
        assert!(
            change["detail"].as_str().unwrap().contains("division"),
            "{backend}"
        );
    }
}

/// Queues a set-password link for `employee_id` as if an admin had sent it at `at`.
async fn queue_link(app: &TestApp, employee_id: &str, at: chrono::DateTime<Utc>) {
    app.store
        .send_password_link(
            &mamori_domain::EmployeeId::parse(employee_id).unwrap(),
            "http://mamori.test/set-password/",
            ADMIN,
            at,
        )
        .await
        .unwrap();
}

/// Reads the set-password link out of a mail body.
fn link_in(body: &str) -> String {
    body.lines()
        .map(str::trim)
        .find(|line| line.contains("/set-password/"))
        .unwrap_or_else(|| panic!("no link in {body}"))
        .to_string()
}

#[tokio::test]
async fn a_set_password_link_arrives_over_smtp_and_works_once() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let sink = SmtpSink::start().await;
        let folder = tempfile::tempdir().unwrap();
        let sender = sender_to(&sink, &folder);
        let person = row_of(&rows_today(&app).await, "E0300");

        let admin = app.session_of(ADMIN).await;
        let sent = admin
            .call("send_password_link", &[("employee_id", "E0300")])
            .await;
        assert_eq!(sent.status(), StatusCode::OK, "{backend}");
        let delivery = deliver_due_mail(&app.store, &sender, Utc::now())
            .await
            .unwrap();
        assert_eq!((delivery.sent, delivery.failed), (1, 0), "{backend}");
        let mail = sink
            .wait_for(1, std::time::Duration::from_secs(10))
            .await
            .remove(0);
        assert_eq!(mail.to, vec![person.email.to_string()], "{backend}");
        assert_eq!(
            mail.decoded_subject().as_deref(),
            Some("【守り】パスワード設定のご案内"),
            "{backend}"
        );
        let body = mail.text_body();
        assert!(
            body.starts_with(&format!("{} 様", person.name)),
            "{backend}: {body}"
        );
        let link = link_in(&body);
        let path = link.split_once("://").unwrap().1;
        let path = &path[path.find('/').unwrap()..];
        let token = path.trim_start_matches("/set-password/");

        // Sent once: another pass finds nothing to send.
        let again = deliver_due_mail(&app.store, &sender, Utc::now())
            .await
            .unwrap();
        assert_eq!(again.sent, 0, "{backend}");

        // The page greets the person; the form checks both fields, then sets the password.
        let visitor = app.session_of("").await;
        let (status, _, html) = visitor.page(path).await;
        assert_eq!(status, StatusCode::OK, "{backend}");
        assert!(html.contains(person.name.as_str()), "{backend}");
        let set = |password: &'static str, again: &'static str| {
            let visitor = &visitor;
            let token = token.to_string();
            async move {
                visitor
                    .call(
                        "set_password_with_link",
                        &[
                            ("token", &token),
                            ("password", password),
                            ("password_again", again),
                        ],
                    )
                    .await
                    .status()
            }
        };
        assert_eq!(
            set("long-enough-1", "long-enough-2").await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            set("short", "short").await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // Twelve characters, but on the list of common passwords (before: 8 characters were
        // enough, whatever they were).
        assert_eq!(
            set("Password1234", "Password1234").await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            set("long-enough-1", "long-enough-1").await,
            StatusCode::OK,
            "{backend}"
        );
        assert_eq!(
            set("long-enough-2", "long-enough-2").await,
            StatusCode::NOT_FOUND,
            "{backend}: used once"
        );

        let login = visitor
            .call(
                "login",
                &[("login", "E0300"), ("password", "long-enough-1")],
            )
            .await;
        assert_eq!(login.status(), StatusCode::OK, "{backend}");

        // The person's page lists the mail as sent.
        let detail: Value = admin
            .call("staff_member", &[("employee_id", "E0300")])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(detail["has_password"], true, "{backend}");
        assert_eq!(detail["mail"][0]["kind"], "password_link", "{backend}");
        assert!(detail["mail"][0]["sent_at"].is_string(), "{backend}");
    }
}

#[tokio::test]
async fn mail_waits_while_smtp_is_down_and_is_sent_when_it_is_back() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let sink = SmtpSink::start().await;
        let folder = tempfile::tempdir().unwrap();
        let sender = sender_to(&sink, &folder);
        let now = Utc::now();
        queue_link(&app, "E0300", now).await;

        sink.set_refusing(true);
        let down = deliver_due_mail(&app.store, &sender, now).await.unwrap();
        assert_eq!((down.sent, down.failed), (0, 1), "{backend}");
        sink.set_refusing(false);
        let too_soon = deliver_due_mail(&app.store, &sender, now + Duration::seconds(30))
            .await
            .unwrap();
        assert_eq!(too_soon.sent, 0, "{backend}: waits for its retry time");
        let back = deliver_due_mail(&app.store, &sender, now + Duration::minutes(2))
            .await
            .unwrap();
        assert_eq!(back.sent, 1, "{backend}");
        assert_eq!(sink.received().len(), 1, "{backend}");
        let record = &app.store.mail_of(&employee("E0300")).await.unwrap()[0];
        assert_eq!(record.attempts, 2, "{backend}");
        assert!(
            record.sent_at.is_some() && record.last_error.is_none(),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn links_expire_and_leavers_cannot_use_theirs() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let sink = SmtpSink::start().await;
        let folder = tempfile::tempdir().unwrap();
        let sender = sender_to(&sink, &folder);
        let sent_at = Utc::now() - Duration::hours(73);
        queue_link(&app, "E0300", sent_at).await;
        deliver_due_mail(&app.store, &sender, Utc::now())
            .await
            .unwrap();
        let mail = sink
            .wait_for(1, std::time::Duration::from_secs(10))
            .await
            .remove(0);
        let link = link_in(&mail.text_body());
        let token = link.rsplit('/').next().unwrap();
        let holder = app.call("password_link_holder", &[("token", token)]).await;
        assert_eq!(
            holder.status(),
            StatusCode::NOT_FOUND,
            "{backend}: expired after 72 hours"
        );

        // A link for someone recorded as having left stops working.
        let now = Utc::now();
        queue_link(&app, "E0301", now).await;
        deliver_due_mail(&app.store, &sender, now).await.unwrap();
        let mail = sink
            .wait_for(2, std::time::Duration::from_secs(10))
            .await
            .remove(1);
        let link = link_in(&mail.text_body());
        let token = link.rsplit('/').next().unwrap().to_string();
        assert_eq!(
            app.call("password_link_holder", &[("token", &token)])
                .await
                .status(),
            StatusCode::OK,
            "{backend}"
        );
        app.store
            .mark_left(
                &mamori_domain::EmployeeId::parse("E0301").unwrap(),
                today() - Duration::days(1),
                ADMIN,
                now,
            )
            .await
            .unwrap();
        assert_eq!(
            app.call("password_link_holder", &[("token", &token)])
                .await
                .status(),
            StatusCode::NOT_FOUND,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn links_go_to_everyone_without_a_password_once() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let admin = app.session_of(ADMIN).await;
        // E0300 already holds a working link; the demo accounts have passwords.
        queue_link(&app, "E0300", Utc::now()).await;
        let on_staff = rows_today(&app).await.len();
        let with_password = mamori_domain::demo::agency().accounts.len();
        let sent: Value = admin
            .call("send_password_links", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            sent,
            serde_json::json!(on_staff - with_password - 1),
            "{backend}"
        );
        let again: Value = admin
            .call("send_password_links", &[])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(
            again,
            serde_json::json!(0),
            "{backend}: nobody gets a second mail"
        );
        assert_eq!(
            app.store.mail_of(&employee("E0300")).await.unwrap().len(),
            1,
            "{backend}"
        );
        assert_eq!(
            app.store.mail_of(&employee("E0301")).await.unwrap().len(),
            1,
            "{backend}"
        );
        assert!(
            app.store
                .mail_of(&employee(ADMIN))
                .await
                .unwrap()
                .is_empty(),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn managers_see_their_divisions_training_and_no_one_else() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        app.store.load_demo_training(Utc::now()).await.unwrap();
        let manager = app.session_of(MANAGER).await;
        let grid: Value = manager
            .call("training_grid", &[])
            .await
            .json()
            .await
            .unwrap();
        let modules = grid["modules"].as_array().unwrap();
        assert_eq!(modules.len(), 3, "{backend}");
        assert_eq!(
            grid["divisions"],
            serde_json::json!(["消費者安全課"]),
            "{backend}"
        );
        let rows = grid["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 45, "{backend}");
        assert!(
            rows.iter().all(|r| r["division"] == "消費者安全課"),
            "{backend}"
        );
        let completed = rows
            .iter()
            .filter(|r| r["cells"][0]["status"] == "Completed")
            .count();
        assert!(
            (20..45).contains(&completed),
            "{backend}: {completed} completed"
        );
        // The column's counts are the cells' counts.
        assert_eq!(modules[0]["tally"]["completed"], completed, "{backend}");
        // Only those past a due date: exactly the rows of the whole grid with a late cell.
        let late = |row: &Value| {
            row["cells"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["status"] == "Overdue")
        };
        let expected: Vec<&Value> = rows
            .iter()
            .filter(|r| late(r))
            .map(|r| &r["employee_id"])
            .collect();
        let overdue: Value = manager
            .call("training_grid", &[("view[show]", "overdue")])
            .await
            .json()
            .await
            .unwrap();
        let listed: Vec<&Value> = overdue["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["employee_id"])
            .collect();
        assert!(
            !listed.is_empty() && listed.len() < 45,
            "{backend}: {}",
            listed.len()
        );
        assert_eq!(listed, expected, "{backend}");
        assert_eq!(overdue["people"], 45, "{backend}");

        let person: Value = manager
            .call("staff_training", &[("employee_id", LEARNER)])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(person["employee_id"], LEARNER, "{backend}");
        assert_eq!(
            person["modules"][0]["materials"].as_array().unwrap().len(),
            3
        );
        let outside = manager
            .call("staff_training", &[("employee_id", "E0013")])
            .await;
        assert_eq!(outside.status(), StatusCode::NOT_FOUND, "{backend}");
        // A division outside theirs gives them nothing, not that division's people.
        let elsewhere: Value = manager
            .call("training_grid", &[("view[division]", "総務課")])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(elsewhere["rows"].as_array().unwrap().len(), 0, "{backend}");
        let learner = app.session_of(LEARNER).await;
        let refused = learner.call("training_grid", &[]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{backend}");
    }
}

#[tokio::test]
async fn an_admin_sees_any_division_in_the_training_grid() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        app.store.load_demo_training(Utc::now()).await.unwrap();
        let admin = app.session_of(ADMIN).await;
        let grid: Value = admin
            .call("training_grid", &[("view[division]", "消費者安全課")])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(grid["rows"].as_array().unwrap().len(), 45, "{backend}");
        assert!(
            grid["divisions"].as_array().unwrap().len() > 1,
            "{backend}: every division is offered"
        );
        let person = admin
            .call("staff_training", &[("employee_id", "E0013")])
            .await;
        assert_eq!(person.status(), StatusCode::OK, "{backend}");
    }
}
