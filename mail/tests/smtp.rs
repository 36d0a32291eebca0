//! The SMTP transport against a real (local) SMTP server.

use std::time::Duration;

use mamori_mail::{MailError, OutgoingMail, Sender};
use mamori_test_support::smtp::SmtpSink;

const SUBJECT: &str = "【要対応】情報セキュリティ研修のお知らせ";
const BODY: &str = "山田 太郎 様\n\n情報セキュリティ研修（令和8年度）が未受講です。\n4月30日までに受講してください。\n\n.行頭のドットも届くこと\n";

fn mail() -> OutgoingMail {
    OutgoingMail {
        to: "e0210@example.go.jp".into(),
        to_name: Some("山田 太郎".into()),
        subject: SUBJECT.into(),
        body: BODY.into(),
        date: std::time::SystemTime::now(),
    }
}

fn sender(sink: &SmtpSink) -> Sender {
    let unused = std::env::temp_dir().join("mamori-mail-unused");
    Sender::new(
        "守り 事務局 <mamori@example.go.jp>",
        Some(&sink.url()),
        &unused,
    )
    .unwrap()
}

#[tokio::test]
async fn a_japanese_mail_arrives_over_smtp() {
    let sink = SmtpSink::start().await;
    let sender = sender(&sink);
    assert_eq!(
        sender.describe(),
        format!("SMTP {}", sink.url()),
        "the URL is shown as given, with its port"
    );

    sender.send(&mail(), "reminder-2026-E0210").await.unwrap();

    let received = sink.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(received.len(), 1, "{received:#?}");
    let got = &received[0];
    assert_eq!(got.from, "mamori@example.go.jp");
    assert_eq!(got.to, vec!["e0210@example.go.jp".to_owned()]);
    assert_eq!(got.decoded_subject().as_deref(), Some(SUBJECT));
    assert!(
        got.header("Subject").unwrap().starts_with("=?utf-8?"),
        "{:?}",
        got.header("Subject")
    );
    assert_eq!(
        got.header("Content-Type").as_deref(),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(
        got.header("Message-ID").as_deref(),
        Some("<reminder-2026-E0210@example.go.jp>")
    );
    let to = got.header("To").unwrap();
    assert!(
        to.starts_with("=?utf-8?") && to.ends_with("<e0210@example.go.jp>"),
        "{to}"
    );
    assert!(got.header("Date").is_some());
    assert_eq!(got.text_body(), BODY);
}

#[tokio::test]
async fn a_refusing_server_is_an_error_and_nothing_arrives() {
    let sink = SmtpSink::start().await;
    sink.set_refusing(true);
    let result = sender(&sink).send(&mail(), "reminder-2026-E0210").await;
    assert!(matches!(result, Err(MailError::Send(_))), "{result:?}");
    assert!(sink.received().is_empty());

    // Back up: the retry of the same key goes through.
    sink.set_refusing(false);
    sender(&sink)
        .send(&mail(), "reminder-2026-E0210")
        .await
        .unwrap();
    assert_eq!(sink.wait_for(1, Duration::from_secs(10)).await.len(), 1);
}

#[tokio::test]
async fn an_ascii_body_keeps_its_leading_dots() {
    // 7bit on the wire, so lettre dot-stuffs and the server unstuffs.
    let sink = SmtpSink::start().await;
    let mut ascii = mail();
    ascii.body = "line one\n.\n..two dots\n.one dot\n".into();
    sender(&sink).send(&ascii, "dots").await.unwrap();
    let received = sink.wait_for(1, Duration::from_secs(10)).await;
    assert_eq!(
        received[0].header("Content-Transfer-Encoding").as_deref(),
        Some("7bit")
    );
    assert_eq!(received[0].text_body().trim_end(), ascii.body.trim_end());
}
