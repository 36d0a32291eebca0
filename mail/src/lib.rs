//! Mamori's outgoing mail: plain UTF-8 text, sent over SMTP, or — where no server is configured
//! (development, demos, tests) — written as `.eml` files into a folder that a person or a test can
//! open.
//!
//! Every mail carries a caller-chosen key. It becomes the Message-ID and the file name, so that a
//! retry after a failure is recognisably the same mail, not a second one.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use lettre::message::{Mailbox, Message, SinglePart};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

/// One plain-text mail, UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutgoingMail {
    /// The recipient's address, e.g. `e0210@example.go.jp`.
    pub to: String,
    /// The recipient's display name (Japanese is fine: it is RFC 2047 encoded).
    pub to_name: Option<String>,
    pub subject: String,
    pub body: String,
    /// The moment the mail is sent as (its `Date` header): the sender's, never the clock's.
    pub date: std::time::SystemTime,
}

/// Sends mail from one sender address through one transport.
#[derive(Clone)]
pub struct Sender {
    from: Mailbox,
    transport: Transport,
    description: String,
}

/// Where the mail goes.
#[derive(Clone)]
pub enum Transport {
    /// A real SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in this folder, for when there is no server.
    Folder(PathBuf),
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid mail address {0}")]
    InvalidAddress(String),
    #[error("invalid SMTP URL: {0}")]
    InvalidUrl(String),
    /// The key cannot name a mail: empty, or too long for a file name.
    #[error("invalid mail key {0:?}")]
    InvalidKey(String),
    #[error("sending mail failed: {0}")]
    Send(#[from] lettre::transport::smtp::Error),
    #[error("{}: {}", .0.display(), .1)]
    Io(PathBuf, #[source] std::io::Error),
}

/// Longest sanitized key, so that `.<key>.eml.<pid>.<n>.tmp` stays within 255 bytes.
const MAX_KEY_LEN: usize = 200;

impl Sender {
    /// `from`: the sender mailbox, e.g. `"Mamori <mamori@example.go.jp>"`.
    ///
    /// `smtp_url`: `Some("smtp://user:pass@host:port")` (plain), `"smtps://…"` (TLS from the
    /// start, port 465 by default), `"smtp://host:587?tls=required"` (STARTTLS) or
    /// `"…?tls=opportunistic"`; a path (`smtp://host/mamori.example.go.jp`) sets the EHLO name.
    /// User and password are percent-decoded. `None` writes `.eml` files into `folder` instead
    /// (created if missing); with a URL, `folder` is not used.
    ///
    /// SMTP connections are pooled and reused from mail to mail; with a URL this must be called
    /// inside a Tokio runtime, where the pool closes idle connections.
    pub fn new(from: &str, smtp_url: Option<&str>, folder: &Path) -> Result<Self, MailError> {
        let from: Mailbox = from
            .parse()
            .map_err(|error| MailError::InvalidAddress(format!("{from:?}: {error}")))?;
        let (transport, description) = match smtp_url {
            Some(url) => {
                let description = describe_url(url)?;
                let smtp = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|error| MailError::InvalidUrl(error.to_string()))?
                    .build();
                (Transport::Smtp(smtp), description)
            }
            None => {
                std::fs::create_dir_all(folder)
                    .map_err(|error| MailError::Io(folder.to_path_buf(), error))?;
                (
                    Transport::Folder(folder.to_path_buf()),
                    format!("folder {}", folder.display()),
                )
            }
        };
        Ok(Self {
            from,
            transport,
            description,
        })
    }

    /// Sends (or writes) one mail. `key` is a stable unique key of this mail: it becomes the
    /// Message-ID's local part and the `.eml` file name (both sanitized), so a retry produces the
    /// same Message-ID and overwrites the same file.
    pub async fn send(&self, mail: &OutgoingMail, key: &str) -> Result<(), MailError> {
        let name = sanitize_key(key)?;
        let message = self.message(mail, &name)?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(message).await?;
                Ok(())
            }
            Transport::Folder(folder) => {
                let folder = folder.clone();
                let bytes = message.formatted();
                let file = format!("{name}.eml");
                let path = folder.join(&file);
                tokio::task::spawn_blocking(move || write_atomically(&folder, &file, &bytes))
                    .await
                    .unwrap_or_else(|join| Err(std::io::Error::other(join)))
                    .map_err(|error| MailError::Io(path, error))
            }
        }
    }

    /// Where mail goes, for logs and the admin page: `SMTP smtp://host:587?tls=required` (no
    /// password) or `folder /path`.
    pub fn describe(&self) -> String {
        self.description.clone()
    }

    /// The transport, for callers that need to know whether mail really leaves the machine.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    fn message(&self, mail: &OutgoingMail, name: &str) -> Result<Message, MailError> {
        let address: Address = mail
            .to
            .parse()
            .map_err(|error| MailError::InvalidAddress(format!("{:?}: {error}", mail.to)))?;
        let to_name = mail.to_name.clone().filter(|n| !n.trim().is_empty());
        let message_id = format!("<{name}@{}>", self.from.email.domain());
        Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(to_name, address))
            .subject(mail.subject.as_str())
            .message_id(Some(message_id))
            .date(mail.date)
            // `singlepart` (rather than `body`) also writes `MIME-Version: 1.0`; `plain` is
            // `text/plain; charset=utf-8`, base64 or quoted-printable as is shorter.
            .singlepart(SinglePart::plain(mail.body.clone()))
            .map_err(|error| MailError::InvalidAddress(format!("{:?}: {error}", mail.to)))
    }
}

impl fmt::Debug for Sender {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("from", &self.from.to_string())
            .field("transport", &self.description)
            .finish()
    }
}

/// The URL as it can be shown: scheme, user, host, effective port and `tls` mode, no password.
fn describe_url(raw: &str) -> Result<String, MailError> {
    let url = url::Url::parse(raw).map_err(|error| MailError::InvalidUrl(error.to_string()))?;
    let host = url
        .host_str()
        .ok_or_else(|| MailError::InvalidUrl("no host".into()))?;
    let tls = url
        .query_pairs()
        .find(|(k, _)| k == "tls")
        .map(|(_, v)| v.into_owned());
    // lettre's defaults: 465 for smtps, 587 for STARTTLS, 25 for plain SMTP.
    let port = url.port().unwrap_or(match (url.scheme(), &tls) {
        ("smtps", _) => 465,
        (_, Some(_)) => 587,
        _ => 25,
    });
    let user = match url.username() {
        "" => String::new(),
        user => format!("{user}@"),
    };
    let tls = tls.map(|mode| format!("?tls={mode}")).unwrap_or_default();
    Ok(format!("SMTP {}://{user}{host}:{port}{tls}", url.scheme()))
}

/// Makes a key safe for a file name and a Message-ID local part, without two keys meeting:
/// ASCII letters, digits, `-` and `_` stay; every other byte becomes `=XX` (hex).
fn sanitize_key(key: &str) -> Result<String, MailError> {
    let mut out = String::with_capacity(key.len());
    for byte in key.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("={byte:02X}"));
        }
    }
    if out.is_empty() || out.len() > MAX_KEY_LEN {
        return Err(MailError::InvalidKey(key.to_owned()));
    }
    Ok(out)
}

/// Writes `folder/file` so that a reader sees either the old file or the whole new one: a
/// hidden temporary file in the same folder, flushed to disk, then renamed over the target.
fn write_atomically(folder: &Path, file: &str, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    std::fs::create_dir_all(folder)?;
    let temporary = folder.join(format!(
        ".{file}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        out.write_all(bytes)?;
        out.sync_all()?;
        std::fs::rename(&temporary, folder.join(file))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    const SUBJECT: &str = "【要対応】情報セキュリティ研修のお知らせ";
    const BODY: &str = "山田 太郎 様\n\n情報セキュリティ研修（令和8年度）が未受講です。\n4月30日までに受講してください。\n\n.行頭のドット\n";

    fn mail() -> OutgoingMail {
        OutgoingMail {
            to: "e0210@example.go.jp".into(),
            to_name: Some("山田 太郎".into()),
            subject: SUBJECT.into(),
            body: BODY.into(),
            // 2026-12-01 01:00 UTC.
            date: std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_796_086_800),
        }
    }

    fn folder_sender(folder: &Path) -> Sender {
        Sender::new("守り 事務局 <mamori@example.go.jp>", None, folder).unwrap()
    }

    fn header_block(eml: &str) -> &str {
        eml.split("\r\n\r\n").next().unwrap()
    }

    #[tokio::test]
    async fn folder_transport_writes_a_mime_correct_japanese_mail() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("outbox");
        let sender = folder_sender(&folder);
        assert!(folder.is_dir(), "the folder is created by new");
        assert_eq!(sender.describe(), format!("folder {}", folder.display()));

        sender.send(&mail(), "reminder-2026-E0210").await.unwrap();

        let raw = std::fs::read(folder.join("reminder-2026-E0210.eml")).unwrap();
        let eml = String::from_utf8(raw.clone()).unwrap();
        assert!(eml.is_ascii(), "headers and body are 7-bit encoded:\n{eml}");
        let headers = header_block(&eml);
        assert!(headers.contains("MIME-Version: 1.0"), "{headers}");
        assert!(
            headers.contains("Content-Type: text/plain; charset=utf-8"),
            "{headers}"
        );
        assert!(
            headers.contains("\r\nDate: Tue, 01 Dec 2026 01:00:00 +0000\r\n"),
            "the mail's own moment: {headers}"
        );
        assert!(headers.contains("Subject: =?utf-8?"), "{headers}");
        assert!(
            headers.contains("Message-ID: <reminder-2026-E0210@example.go.jp>"),
            "{headers}"
        );

        let parsed = MessageParser::default().parse(&raw[..]).unwrap();
        assert_eq!(parsed.subject(), Some(SUBJECT));
        let from = parsed.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("守り 事務局"));
        assert_eq!(from.address(), Some("mamori@example.go.jp"));
        let to = parsed.to().unwrap().first().unwrap();
        assert_eq!(to.name(), Some("山田 太郎"));
        assert_eq!(to.address(), Some("e0210@example.go.jp"));
        assert!(parsed.date().is_some());
        assert_eq!(
            parsed.body_text(0).unwrap().replace("\r\n", "\n"),
            BODY,
            "the body decodes back to the text"
        );
    }

    #[tokio::test]
    async fn the_same_key_overwrites_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let sender = folder_sender(dir.path());
        let mut second = mail();
        second.body = "二通目".into();
        sender.send(&mail(), "k/1").await.unwrap();
        sender.send(&second, "k/1").await.unwrap();

        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["k=2F1.eml".to_owned()]);
        let raw = std::fs::read(dir.path().join("k=2F1.eml")).unwrap();
        let parsed = MessageParser::default().parse(&raw[..]).unwrap();
        assert_eq!(parsed.body_text(0).unwrap(), "二通目");
        assert_eq!(parsed.message_id(), Some("k=2F1@example.go.jp"));
    }

    #[tokio::test]
    async fn a_missing_display_name_gives_a_bare_address() {
        let dir = tempfile::tempdir().unwrap();
        let sender = folder_sender(dir.path());
        let mut plain = mail();
        plain.to_name = None;
        sender.send(&plain, "bare").await.unwrap();
        let eml = std::fs::read_to_string(dir.path().join("bare.eml")).unwrap();
        assert!(
            header_block(&eml).contains("\r\nTo: e0210@example.go.jp"),
            "{eml}"
        );
    }

    #[tokio::test]
    async fn bad_input_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let sender = folder_sender(dir.path());
        let mut bad = mail();
        bad.to = "not an address".into();
        assert!(matches!(
            sender.send(&bad, "x").await,
            Err(MailError::InvalidAddress(_))
        ));
        assert!(matches!(
            sender.send(&mail(), "").await,
            Err(MailError::InvalidKey(_))
        ));
        assert!(matches!(
            sender.send(&mail(), &"長".repeat(100)).await,
            Err(MailError::InvalidKey(_))
        ));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(matches!(
            Sender::new("no address", None, dir.path()),
            Err(MailError::InvalidAddress(_))
        ));
    }

    #[test]
    fn keys_are_sanitized_without_collisions() {
        assert_eq!(
            sanitize_key("reminder-2026_E0210").unwrap(),
            "reminder-2026_E0210"
        );
        assert_eq!(sanitize_key("a/b").unwrap(), "a=2Fb");
        assert_eq!(sanitize_key("a=2Fb").unwrap(), "a=3D2Fb");
        assert_eq!(sanitize_key("../x").unwrap(), "=2E=2E=2Fx");
        assert_eq!(sanitize_key("研").unwrap(), "=E7=A0=94");
    }

    // A pooled SMTP transport is made inside a Tokio runtime, as the server and CLI make it.
    #[tokio::test]
    async fn smtp_urls_are_described_without_the_password() {
        let folder = Path::new("/nonexistent/unused");
        let describe = |url: &str| {
            Sender::new("mamori@example.go.jp", Some(url), folder)
                .unwrap()
                .describe()
        };
        assert_eq!(
            describe("smtp://mamori:s3cret@mail.example.go.jp:2525"),
            "SMTP smtp://mamori@mail.example.go.jp:2525"
        );
        assert_eq!(
            describe("smtps://mamori:s3cret@mail.example.go.jp"),
            "SMTP smtps://mamori@mail.example.go.jp:465"
        );
        assert_eq!(
            describe("smtp://mail.example.go.jp?tls=required"),
            "SMTP smtp://mail.example.go.jp:587?tls=required"
        );
        assert!(!folder.exists(), "an SMTP sender does not make the folder");
        for bad in [
            "not a url",
            "http://mail.example.go.jp",
            "smtp://host?tls=bogus",
        ] {
            assert!(
                matches!(
                    Sender::new("mamori@example.go.jp", Some(bad), folder),
                    Err(MailError::InvalidUrl(_))
                ),
                "{bad}"
            );
        }
    }
}
