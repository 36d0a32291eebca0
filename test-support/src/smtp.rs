//! A real SMTP server for tests: it listens on 127.0.0.1, speaks enough plain SMTP for lettre's
//! client (no STARTTLS, no AUTH), and keeps every mail it receives so that a test can read it back.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

/// One mail as the server received it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    /// The envelope sender (`MAIL FROM`).
    pub from: String,
    /// The envelope recipients (`RCPT TO`).
    pub to: Vec<String>,
    /// The raw message, dot-unstuffed, with its CRLF line ends.
    pub data: String,
}

/// A running SMTP sink; it stops when dropped.
pub struct SmtpSink {
    address: SocketAddr,
    state: Arc<State>,
    accept: JoinHandle<()>,
}

#[derive(Default)]
struct State {
    received: Mutex<Vec<ReceivedMail>>,
    arrived: Notify,
    refusing: AtomicBool,
}

const NAME: &str = "mamori-test-smtp";

impl SmtpSink {
    /// Binds 127.0.0.1 on a free port and serves each connection on its own task.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the test SMTP server");
        let address = listener.local_addr().expect("test SMTP server address");
        let state = Arc::new(State::default());
        let accept = tokio::spawn({
            let state = Arc::clone(&state);
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    tokio::spawn(serve(stream, Arc::clone(&state)));
                }
            }
        });
        Self {
            address,
            state,
            accept,
        }
    }

    pub fn url(&self) -> String {
        format!("smtp://{}", self.address)
    }

    pub fn received(&self) -> Vec<ReceivedMail> {
        self.state.received.lock().unwrap().clone()
    }

    /// Waits until at least `count` mails have arrived and returns them all; panics after
    /// `timeout` with what did arrive.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<ReceivedMail> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            // Register for the next arrival before looking, so that none slips in between.
            let arrived = self.state.arrived.notified();
            tokio::pin!(arrived);
            arrived.as_mut().enable();
            let received = self.received();
            if received.len() >= count {
                return received;
            }
            if tokio::time::timeout_at(deadline, arrived).await.is_err() {
                panic!(
                    "expected {count} mails within {timeout:?}, got {}: {received:#?}",
                    received.len()
                );
            }
        }
    }

    /// While `refuse` is true, `MAIL FROM` is answered with 421 and the connection closed, as a
    /// server that is going down would.
    pub fn set_refusing(&self, refuse: bool) {
        self.state.refusing.store(refuse, Ordering::SeqCst);
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

async fn serve(stream: TcpStream, state: Arc<State>) {
    // A broken connection ends only this conversation; the sender sees the error.
    let _ = converse(stream, &state).await;
}

async fn converse(stream: TcpStream, state: &State) -> std::io::Result<()> {
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    writer
        .write_all(format!("220 {NAME} ESMTP ready\r\n").as_bytes())
        .await?;
    let mut from: Option<String> = None;
    let mut to: Vec<String> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        let command = text.trim_matches(['\r', '\n', ' ', '\t']);
        let verb = command
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply = match verb.as_str() {
            "EHLO" => format!(
                "250-{NAME} greets {}\r\n250-8BITMIME\r\n250 HELP\r\n",
                command[4..].trim()
            ),
            "HELO" => format!("250 {NAME}\r\n"),
            "MAIL" if state.refusing.load(Ordering::SeqCst) => {
                writer
                    .write_all(b"421 4.3.2 Service not available, closing transmission channel\r\n")
                    .await?;
                return Ok(());
            }
            "MAIL" => match path_after(command, "FROM:") {
                Some(path) => {
                    from = Some(path);
                    to.clear();
                    "250 2.1.0 OK\r\n".to_owned()
                }
                None => "501 5.5.4 Syntax: MAIL FROM:<address>\r\n".to_owned(),
            },
            "RCPT" if from.is_none() => "503 5.5.1 Need MAIL first\r\n".to_owned(),
            "RCPT" => match path_after(command, "TO:") {
                Some(path) => {
                    to.push(path);
                    "250 2.1.5 OK\r\n".to_owned()
                }
                None => "501 5.5.4 Syntax: RCPT TO:<address>\r\n".to_owned(),
            },
            "DATA" if to.is_empty() => "503 5.5.1 Need RCPT first\r\n".to_owned(),
            "DATA" => {
                writer
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let Some(data) = read_data(&mut reader).await? else {
                    return Ok(());
                };
                let mail = ReceivedMail {
                    from: from.take().unwrap_or_default(),
                    to: std::mem::take(&mut to),
                    data,
                };
                state.received.lock().unwrap().push(mail);
                state.arrived.notify_waiters();
                "250 2.0.0 OK queued\r\n".to_owned()
            }
            "RSET" => {
                from = None;
                to.clear();
                "250 2.0.0 OK\r\n".to_owned()
            }
            "NOOP" => "250 2.0.0 OK\r\n".to_owned(),
            "QUIT" => {
                writer.write_all(b"221 2.0.0 Bye\r\n").await?;
                return Ok(());
            }
            _ => "502 5.5.2 Command not recognized\r\n".to_owned(),
        };
        writer.write_all(reply.as_bytes()).await?;
    }
}

/// The address of `MAIL FROM:<a@b> SIZE=…` or `RCPT TO:<a@b>`, without its angle brackets.
fn path_after(command: &str, keyword: &str) -> Option<String> {
    let rest = command.get(5..)?.trim_start();
    if !rest.get(..keyword.len())?.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = rest[keyword.len()..].trim_start();
    let path = rest.strip_prefix('<')?;
    Some(path[..path.find('>')?].to_owned())
}

/// Reads the message after `354` up to the lone `.` line, undoing the dot-stuffing. `None` if the
/// connection ends first.
async fn read_data<R: AsyncBufReadExt + Unpin>(reader: &mut R) -> std::io::Result<Option<String>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(Some(String::from_utf8_lossy(&data).into_owned()));
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        data.extend_from_slice(unstuffed);
    }
}

impl ReceivedMail {
    /// The first header of this name (case-insensitive), unfolded, trimmed, still encoded.
    pub fn header(&self, name: &str) -> Option<String> {
        let (headers, _) = split_message(&self.data);
        let mut found: Option<String> = None;
        for line in headers.split('\n').map(|l| l.trim_end_matches('\r')) {
            if line.starts_with([' ', '\t']) {
                if let Some(value) = found.as_mut() {
                    value.push_str(line);
                }
                continue;
            }
            if found.is_some() {
                break;
            }
            if let Some((field, value)) = line.split_once(':')
                && field.trim().eq_ignore_ascii_case(name)
            {
                found = Some(value.to_owned());
            }
        }
        found.map(|value| value.trim().to_owned())
    }

    /// The Subject with its RFC 2047 encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded.
    pub fn decoded_subject(&self) -> Option<String> {
        self.header("Subject").map(|subject| decode_words(&subject))
    }

    /// The body, decoded per its Content-Transfer-Encoding (base64, quoted-printable, or 7bit/8bit
    /// as is), as UTF-8 with CRLF turned into LF.
    pub fn text_body(&self) -> String {
        let (_, body) = split_message(&self.data);
        let encoding = self
            .header("Content-Transfer-Encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "base64" => decode_base64(body),
            "quoted-printable" => decode_quoted_printable(body, false),
            _ => body.as_bytes().to_vec(),
        };
        String::from_utf8_lossy(&bytes).replace("\r\n", "\n")
    }
}

/// Headers and body, split at the first empty line.
fn split_message(data: &str) -> (&str, &str) {
    for separator in ["\r\n\r\n", "\n\n"] {
        if let Some(at) = data.find(separator) {
            return (&data[..at], &data[at + separator.len()..]);
        }
    }
    (data, "")
}

/// Decodes RFC 2047 encoded words; whitespace between two adjacent encoded words is dropped, and
/// their bytes are joined before UTF-8 decoding (some encoders split a character across words).
fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut pending: Vec<u8> = Vec::new();
    let mut gap = String::new();
    let mut rest = value;
    while !rest.is_empty() {
        if let Some((bytes, after)) = encoded_word(rest) {
            pending.extend(bytes);
            gap.clear();
            rest = after;
            continue;
        }
        let c = rest.chars().next().unwrap();
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() && !pending.is_empty() {
            gap.push(c);
            continue;
        }
        out.push_str(&String::from_utf8_lossy(&std::mem::take(&mut pending)));
        out.push_str(&std::mem::take(&mut gap));
        out.push(c);
    }
    out.push_str(&String::from_utf8_lossy(&pending));
    out.push_str(&gap);
    out
}

/// `=?charset?b|q?text?=` at the start of `s`: the decoded bytes and what follows.
fn encoded_word(s: &str) -> Option<(Vec<u8>, &str)> {
    let inner = s.strip_prefix("=?")?;
    let (_charset, inner) = inner.split_once('?')?;
    let (encoding, inner) = inner.split_once('?')?;
    let (text, after) = inner.split_once("?=")?;
    if text.contains(char::is_whitespace) {
        return None;
    }
    let bytes = match encoding {
        "b" | "B" => decode_base64(text),
        "q" | "Q" => decode_quoted_printable(text, true),
        _ => return None,
    };
    Some((bytes, after))
}

fn decode_base64(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue, // padding and line breaks
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    out
}

/// Quoted-printable (`=XX`, soft line breaks `=` + line end); in a header's Q words `_` is a space.
fn decode_quoted_printable(text: &str, header: bool) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'=' if bytes[i + 1..].starts_with(b"\r\n") => i += 3,
            b'=' if bytes[i + 1..].starts_with(b"\n") => i += 2,
            b'=' if let Some(byte) = hex_pair(&bytes[i + 1..]) => {
                out.push(byte);
                i += 3;
            }
            b'_' if header => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

fn hex_pair(bytes: &[u8]) -> Option<u8> {
    let digit = |b: u8| char::from(b).to_digit(16);
    Some((digit(*bytes.first()?)? * 16 + digit(*bytes.get(1)?)?) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(data: &str) -> ReceivedMail {
        ReceivedMail {
            from: String::new(),
            to: Vec::new(),
            data: data.to_owned(),
        }
    }

    #[test]
    fn headers_are_found_case_insensitively_and_unfolded() {
        let m = mail("From: a@b\r\nSubject: one\r\n two\r\n\tthree\r\nX-Other: x\r\n\r\nbody\r\n");
        assert_eq!(m.header("subject").as_deref(), Some("one two\tthree"));
        assert_eq!(m.header("X-OTHER").as_deref(), Some("x"));
        assert_eq!(m.header("Missing"), None);
        assert_eq!(m.text_body(), "body\n");
    }

    #[test]
    fn encoded_words_decode_and_join() {
        // "【要対応】情報" split across two B words in the middle of a character, then a Q word.
        let full = "【要対応】情報".as_bytes();
        let b64 = |bytes: &[u8]| {
            const ALPHABET: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut out = String::new();
            for chunk in bytes.chunks(3) {
                let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b))
                    << (8 * (3 - chunk.len()));
                for k in 0..=chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * k) & 63) as usize]));
                }
                out.push_str(&"=".repeat(3 - chunk.len()));
            }
            out
        };
        let subject = format!(
            "Subject: =?utf-8?b?{}?=\r\n =?UTF-8?B?{}?= =?utf-8?q?=E3=81=AE_x?= plain =?x?\r\n\r\n",
            b64(&full[..4]),
            b64(&full[4..])
        );
        assert_eq!(
            mail(&subject).decoded_subject().as_deref(),
            Some("【要対応】情報の x plain =?x?")
        );
        assert_eq!(
            mail("Subject: ascii only\r\n\r\n")
                .decoded_subject()
                .as_deref(),
            Some("ascii only")
        );
    }

    #[test]
    fn bodies_decode_per_transfer_encoding() {
        let base64 =
            mail("Content-Transfer-Encoding: base64\r\n\r\n5bGx55Sw5aSq6YOO5qeYCuaDheWgsQ==\r\n");
        assert_eq!(base64.text_body(), "山田太郎様\n情報");
        let qp = mail(
            "Content-Transfer-Encoding: quoted-printable\r\n\r\n=E5=B1=B1=E7=94=B0 a_b =3D=\r\nc\r\n",
        );
        assert_eq!(qp.text_body(), "山田 a_b =c\n");
        let plain = mail("Content-Transfer-Encoding: 7bit\r\n\r\nhello\r\nworld\r\n");
        assert_eq!(plain.text_body(), "hello\nworld\n");
    }

    async fn expect(reader: &mut BufReader<tokio::net::tcp::OwnedReadHalf>, code: &str) -> String {
        let mut all = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).await.unwrap();
            assert!(line.starts_with(code), "expected {code}, got {line:?}");
            all.push_str(&line);
            if line.as_bytes().get(3) != Some(&b'-') {
                return all;
            }
        }
    }

    #[tokio::test]
    async fn raw_conversation_unstuffs_dots_and_serves_connections_concurrently() {
        let sink = SmtpSink::start().await;
        let address = sink.url().trim_start_matches("smtp://").to_owned();
        // An idle first connection must not hold up the second.
        let idle = TcpStream::connect(&address).await.unwrap();
        let (reader, mut writer) = TcpStream::connect(&address).await.unwrap().into_split();
        let mut reader = BufReader::new(reader);
        expect(&mut reader, "220").await;
        writer.write_all(b"EHLO client.example\r\n").await.unwrap();
        let ehlo = expect(&mut reader, "250").await;
        assert!(
            !ehlo.contains("STARTTLS") && !ehlo.contains("AUTH"),
            "{ehlo}"
        );
        for (command, code) in [
            ("NOOP", "250"),
            ("RCPT TO:<x@y>", "503"),
            ("MAIL FROM:<a@example.go.jp> BODY=8BITMIME", "250"),
            ("RSET", "250"),
            ("DATA", "503"),
            ("mail from:<a@example.go.jp>", "250"),
            ("RCPT TO:<b@example.go.jp>", "250"),
            ("RCPT TO:<c@example.go.jp>", "250"),
            ("DATA", "354"),
        ] {
            writer
                .write_all(format!("{command}\r\n").as_bytes())
                .await
                .unwrap();
            expect(&mut reader, code).await;
        }
        writer
            .write_all(b"Subject: dots\r\n\r\n..leading dot\r\n.\r\n")
            .await
            .unwrap();
        expect(&mut reader, "250").await;
        writer.write_all(b"QUIT\r\n").await.unwrap();
        expect(&mut reader, "221").await;

        let received = sink.wait_for(1, Duration::from_secs(5)).await;
        assert_eq!(
            received,
            vec![ReceivedMail {
                from: "a@example.go.jp".into(),
                to: vec!["b@example.go.jp".into(), "c@example.go.jp".into()],
                data: "Subject: dots\r\n\r\n.leading dot\r\n".into(),
            }]
        );
        drop(idle);
    }

    #[tokio::test]
    async fn refusing_answers_421() {
        let sink = SmtpSink::start().await;
        sink.set_refusing(true);
        let address = sink.url().trim_start_matches("smtp://").to_owned();
        let (reader, mut writer) = TcpStream::connect(&address).await.unwrap().into_split();
        let mut reader = BufReader::new(reader);
        expect(&mut reader, "220").await;
        writer
            .write_all(b"HELO c\r\nMAIL FROM:<a@b>\r\n")
            .await
            .unwrap();
        expect(&mut reader, "250").await;
        expect(&mut reader, "421").await;
        assert!(sink.received().is_empty());
    }

    #[tokio::test]
    #[should_panic(expected = "expected 1 mails")]
    async fn wait_for_panics_after_the_timeout() {
        let sink = SmtpSink::start().await;
        sink.wait_for(1, Duration::from_millis(50)).await;
    }
}
