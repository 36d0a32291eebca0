//! Reminder mail end to end: a pass over the demo agency's training, delivered through a real
//! SMTP server started by the test, read back and decoded; each mail once, nothing lost while
//! SMTP is down, nothing after completion. The `mamori reminders run` command too.

use crate::support::*;
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use mamori_server::mail_delivery::deliver_due_mail;
use mamori_test_support::smtp::{ReceivedMail, SmtpSink};
use serde_json::Value;

const BASE_URL: &str = "https://mamori.agency.example";

/// Tuesday 1 December 2026, 10:00 in Japan.
fn tuesday_morning() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap()
}

/// Sends everything due, pass after pass, as the server would.
async fn deliver_all(
    app: &TestApp,
    sender: &mamori_mail::Sender,
    now: DateTime<Utc>,
) -> (usize, usize) {
    let (mut sent, mut failed) = (0, 0);
    loop {
        let pass = deliver_due_mail(&app.store, sender, now).await.unwrap();
        sent += pass.sent;
        failed += pass.failed;
        if pass.sent + pass.failed == 0 {
            return (sent, failed);
        }
    }
}

fn to(mail: &ReceivedMail) -> &str {
    mail.to[0].as_str()
}

#[tokio::test]
async fn reminders_arrive_over_smtp_once_each_in_japanese_with_their_link() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let now = tuesday_morning();
        app.store.load_demo_training(now).await.unwrap();
        let sink = SmtpSink::start().await;
        let folder = tempfile::tempdir().unwrap();
        let sender = sender_to(&sink, &folder);

        let report = app.store.run_reminder_pass(now, BASE_URL).await.unwrap();
        assert!(report.total() > 300, "{backend}: {report:?}");
        // SMTP is down at first: nothing is lost, and everything goes once it is back.
        sink.set_refusing(true);
        let (sent, failed) = deliver_all(&app, &sender, now).await;
        assert_eq!((sent, failed), (0, report.total()), "{backend}");
        sink.set_refusing(false);
        let later = now + Duration::minutes(2);
        let (sent, failed) = deliver_all(&app, &sender, later).await;
        assert_eq!((sent, failed), (report.total(), 0), "{backend}");
        let received = sink.received();
        assert_eq!(received.len(), report.total(), "{backend}");

        // A second pass the same day, and its delivery, send nothing more.
        let again = app.store.run_reminder_pass(later, BASE_URL).await.unwrap();
        assert_eq!(again.total(), 0, "{backend}: {again:?}");
        assert_eq!(deliver_all(&app, &sender, later).await, (0, 0), "{backend}");

        // The learner's mail: to them, in Japanese, with the era date and a direct link.
        let learner = app
            .store
            .staff_summary(
                &mamori_domain::EmployeeId::parse(LEARNER).unwrap(),
                now.date_naive(),
            )
            .await
            .unwrap();
        let theirs: Vec<&ReceivedMail> =
            received.iter().filter(|m| to(m) == learner.email).collect();
        assert!(!theirs.is_empty(), "{backend}");
        for mail in &theirs {
            let date = DateTime::parse_from_rfc2822(&mail.header("Date").unwrap()).unwrap();
            assert_eq!(date, later, "{backend}: dated as of the delivery pass");
            let subject = mail.decoded_subject().unwrap();
            assert!(subject.starts_with("【守り】"), "{backend}: {subject}");
            assert!(
                mail.header("Subject").unwrap().starts_with("=?utf-8?"),
                "{backend}: the subject is RFC 2047 encoded"
            );
            let body = mail.text_body();
            assert!(
                body.starts_with(&format!("{} 様", learner.name)),
                "{backend}"
            );
            assert!(body.contains("令和"), "{backend}: {body}");
            assert!(
                body.contains(&format!("{BASE_URL}/modules/")),
                "{backend}: {body}"
            );
        }
        // Their manager's digest lists overdue staff of their division.
        let manager = app
            .store
            .staff_summary(
                &mamori_domain::EmployeeId::parse(MANAGER).unwrap(),
                now.date_naive(),
            )
            .await
            .unwrap();
        let digest = received
            .iter()
            .find(|m| {
                to(m) == manager.email
                    && m.decoded_subject()
                        .unwrap()
                        .contains("期限を過ぎている職員")
            })
            .expect("a digest for the manager");
        assert!(digest.text_body().contains("・消費者安全課"), "{backend}");
    }
}

/// Runs the `mamori` binary on the data folder `folder`, without SMTP.
fn mamori_in(folder: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mamori"))
        .args(args)
        .env("MAMORI_DATA_DIR", folder)
        .env("MAMORI_BASE_URL", BASE_URL)
        .env_remove("MAMORI_DATABASE_URL")
        .env_remove("MAMORI_SMTP_URL")
        .output()
        .unwrap()
}

#[test]
fn the_command_warns_when_the_built_in_holidays_end_within_a_year() {
    let folder = tempfile::tempdir().unwrap();
    let mamori = |args: &[&str]| mamori_in(folder.path(), args);
    let warning = "warning: the built-in holiday list ends on 2028-03-31";
    let run = |at: &str| {
        let output = mamori(&["reminders", "run", "--at", at]);
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stderr).to_string()
    };
    assert!(!run("2027-03-31T10:00:00+09:00").contains("warning"));
    assert!(run("2027-04-01T10:00:00+09:00").contains(warning));
    assert!(run("2028-04-03T10:00:00+09:00").contains(warning));
    // An imported list is the admins' own: no warning, whatever it covers.
    let list = folder.path().join("holidays.csv");
    std::fs::write(&list, "date,name\n2028-04-29,昭和の日\n").unwrap();
    assert!(
        mamori(&["holidays", "import", list.to_str().unwrap()])
            .status
            .success()
    );
    assert!(!run("2028-04-03T10:00:00+09:00").contains("warning"));
}

#[test]
fn the_command_runs_a_pass_as_of_a_given_moment() {
    let folder = tempfile::tempdir().unwrap();
    let mamori = |args: &[&str]| mamori_in(folder.path(), args);
    // The demo as of Tuesday 1 December 2026, then passes on the Saturday after it, on the
    // business morning after that (Monday 7 December) and on the day after it.
    assert!(
        mamori(&["demo", "--at", "2026-12-01T10:00:00+09:00"])
            .status
            .success()
    );
    let day = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let business_day = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let closed_day = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
    let jst = |date: NaiveDate, hour: u32| format!("{date}T{hour:02}:30:00+09:00");

    let saturday = mamori(&["reminders", "run", "--at", &jst(day, 10)]);
    let said = String::from_utf8_lossy(&saturday.stdout).to_string();
    assert!(
        saturday.status.success() && said.contains("nothing was queued"),
        "{said}"
    );
    let first = mamori(&["reminders", "run", "--at", &jst(business_day, 9)]);
    let said = String::from_utf8_lossy(&first.stdout).to_string();
    assert!(
        first.status.success() && said.contains("mail queued ("),
        "{said}"
    );
    let again = mamori(&["reminders", "run", "--at", &jst(business_day, 11)]);
    let said = String::from_utf8_lossy(&again.stdout).to_string();
    assert!(said.contains("; 0 mail queued."), "{said}");
    // Without SMTP, `mail send` writes every due mail as an .eml file to the outbox folder.
    assert!(
        mamori(&["mail", "send", "--at", &jst(business_day, 11)])
            .status
            .success()
    );
    let files = std::fs::read_dir(folder.path().join("outbox"))
        .unwrap()
        .count();
    assert!(files > 300, "{files} files");
    // An admin's holiday list replaces the default; bad lines change nothing.
    let list = folder.path().join("holidays.csv");
    std::fs::write(&list, format!("date,name\n{closed_day},臨時休業日\n")).unwrap();
    assert!(
        mamori(&["holidays", "import", list.to_str().unwrap()])
            .status
            .success()
    );
    std::fs::write(&list, "date,name\n2026-12-32,誤り\n").unwrap();
    let refused = mamori(&["holidays", "import", list.to_str().unwrap()]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).starts_with("2: "));
    let exported = mamori(&["holidays", "export"]);
    assert_eq!(
        String::from_utf8_lossy(&exported.stdout),
        format!("\u{feff}date,name\r\n{closed_day},臨時休業日\r\n")
    );
    let closed = mamori(&["reminders", "run", "--at", &jst(closed_day, 10)]);
    assert!(String::from_utf8_lossy(&closed.stdout).contains("nothing was queued"));
}

#[tokio::test]
async fn the_mail_page_warns_admins_while_the_built_in_holidays_end_within_a_year() {
    let warning = "組み込みの休日一覧は";
    for app in TestApp::spawn_each(true).await {
        let admin = app.session_of(ADMIN).await;
        // The page's clock is the wall clock (an edge): `scripts/test` also runs this test at
        // a date past the list's end, where the warning must show.
        let running_out = mamori_domain::business_calendar::default_holidays_running_out(
            false,
            mamori_domain::agency_date(Utc::now()),
        );
        let (_, _, page) = admin.page("/admin/mail").await;
        assert!(
            page.contains("休日の一覧（CSV）"),
            "{}: {page}",
            app.backend
        );
        assert_eq!(
            page.contains(warning),
            running_out.is_some(),
            "{}",
            app.backend
        );
        if running_out.is_some() {
            assert!(page.contains("令和10年3月31日までです"), "{}", app.backend);
        }
        let saved = admin
            .call(
                "save_holidays",
                &[("text", "date,name\n2028-04-29,昭和の日\n")],
            )
            .await;
        assert_eq!(saved.status(), reqwest::StatusCode::OK, "{}", app.backend);
        let (_, _, page) = admin.page("/admin/mail").await;
        assert!(!page.contains(warning), "{}: an imported list", app.backend);
    }
}

#[tokio::test]
async fn an_admin_mails_themselves_a_template_as_typed_without_saving_it() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let admin = app.session_of(ADMIN).await;
        let form = [
            ("kind", "overdue"),
            (
                "subject",
                "至急: {module} の期限を {days_overdue} 日過ぎました",
            ),
            ("body", "{name} 様\n{link}"),
            ("send_test", "true"),
        ];
        let sent: Value = admin
            .call("save_mail_template", &form)
            .await
            .json()
            .await
            .unwrap();
        let address = app
            .store
            .staff_summary(&employee(ADMIN), Utc::now().date_naive())
            .await
            .unwrap()
            .email;
        assert_eq!(
            sent,
            serde_json::json!({"TestSent": {"to": address}}),
            "{backend}"
        );

        // It goes out over SMTP at once, whatever the hour, filled with the sample's values.
        let sink = SmtpSink::start().await;
        let folder = tempfile::tempdir().unwrap();
        let (delivered, _) = deliver_all(&app, &sender_to(&sink, &folder), Utc::now()).await;
        assert_eq!(delivered, 1, "{backend}");
        let mail = &sink.received()[0];
        assert_eq!(to(mail), address, "{backend}");
        assert_eq!(
            mail.decoded_subject().unwrap(),
            "【テスト送信】至急: 情報の格付けと取扱制限（見本） の期限を 5 日過ぎました",
            "{backend}"
        );
        assert!(mail.text_body().contains("/modules/sample"), "{backend}");
        // Nothing was saved: the template is still Mamori's.
        let saved = app
            .store
            .mail_template(mamori_domain::reminder::ReminderKind::Overdue)
            .await
            .unwrap();
        assert!(!saved.subject.starts_with("至急"), "{backend}");

        // A typo is refused before anything is sent.
        let typo = [
            ("kind", "overdue"),
            ("subject", "{modul}"),
            ("body", ""),
            ("send_test", "true"),
        ];
        let refused = admin.call("save_mail_template", &typo).await;
        assert_eq!(
            refused.status(),
            reqwest::StatusCode::UNPROCESSABLE_ENTITY,
            "{backend}"
        );
        assert_eq!(
            deliver_all(&app, &sender_to(&sink, &folder), Utc::now()).await,
            (0, 0),
            "{backend}"
        );
    }
}
