//! The request log, as the server writes it. Its own test binary: tracing caches whether a
//! log line is wanted per call site for the whole process, so tests on other threads without
//! this subscriber would switch the lines off.

// The integration tests' support, of which this binary uses only the app and its login.
#[allow(dead_code, unused_imports)]
#[path = "integration/support/mod.rs"]
mod support;

use reqwest::StatusCode;
use support::*;

/// What the application logged, as the server's subscriber writes it.
#[derive(Clone, Default)]
struct CapturedLog(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for CapturedLog {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_request_log_names_the_caller_and_never_shows_a_password_links_token() {
    use mamori_server::settings::{LogFormat, Settings};
    for format in [LogFormat::Text, LogFormat::Json] {
        let log = CapturedLog::default();
        let settings = Settings {
            log_filter: "info".into(),
            log_format: format,
            ..Settings::from_env().unwrap()
        };
        let subscriber = settings.log_subscriber({
            let log = log.clone();
            move || log.clone()
        });
        // The test's runtime has one thread, so the app's tasks log to this subscriber too.
        let _logging = tracing::subscriber::set_default(subscriber);
        let app = TestApp::spawn(mamori_test_support::fresh_sqlite(), true).await;
        let link = "/set-password/Secret-Token-0123456789";
        app.page(link).await;
        let admin = app.session_of(ADMIN).await;
        assert_eq!(
            admin.get("/admin/staff/export.csv").await.status(),
            StatusCode::OK
        );
        let text = without_colours(&String::from_utf8(log.0.lock().unwrap().clone()).unwrap());
        assert!(!text.contains("Secret-Token"), "{format:?}: {text}");
        let (masked, caller) = match format {
            LogFormat::Text => (
                "path=/set-password/***",
                "employee_id=E0013 status=200 outcome=ok",
            ),
            LogFormat::Json => (
                "\"path\":\"/set-password/***\"",
                "\"employee_id\":\"E0013\"",
            ),
        };
        assert!(text.contains(masked), "{format:?}: {text}");
        assert!(text.contains(caller), "{format:?}: {text}");
    }
}

/// The text without its terminal colour codes (`ESC [ … m`).
fn without_colours(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|&c| c == 'm');
        } else {
            plain.push(c);
        }
    }
    plain
}
