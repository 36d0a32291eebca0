//! Reminder mail end to end: a pass over the demo agency's training, delivered through a real
//! SMTP server started by the test, read back and decoded; each mail once, nothing lost while
//! SMTP is down, nothing after completion. The `mamori reminders run` command too.

mod support;

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use mamori_domain::business_calendar::{BusinessCalendar, DEFAULT_HOLIDAYS, parse_holidays};
use mamori_server::mail_delivery::deliver_due_mail;
use mamori_test_support::smtp::{ReceivedMail, SmtpSink};
use support::*;

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

#[test]
fn the_command_runs_a_pass_as_of_a_given_moment() {
    let folder = tempfile::tempdir().unwrap();
    let mamori = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_mamori"))
            .args(args)
            .env("MAMORI_DATA_DIR", folder.path())
            .env("MAMORI_BASE_URL", BASE_URL)
            .env_remove("MAMORI_DATABASE_URL")
            .env_remove("MAMORI_SMTP_URL")
            .output()
            .unwrap()
    };
    assert!(mamori(&["demo"]).status.success());
    // Moments after today, as the demo's training is this fiscal year's: next Saturday, then
    // the business morning after it, then the business day after that.
    let calendar = BusinessCalendar::new(
        parse_holidays(DEFAULT_HOLIDAYS.as_bytes())
            .unwrap()
            .into_iter()
            .map(|h| h.date),
    );
    let mut day = mamori_domain::agency_date(Utc::now()) + Duration::days(1);
    while day.weekday() != chrono::Weekday::Sat {
        day += Duration::days(1);
    }
    let jst = |date: chrono::NaiveDate, hour: u32| format!("{date}T{hour:02}:30:00+09:00");
    let morning =
        calendar.next_sending_time(Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).unwrap()));
    let business_day = mamori_domain::agency_date(morning);
    let mut closed_day = business_day + Duration::days(1);
    while !calendar.is_business_day(closed_day) {
        closed_day += Duration::days(1);
    }

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
