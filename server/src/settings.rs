//! All configuration, read once at start from `MAMORI_*` environment variables.

use std::{
    net::{IpAddr, SocketAddr},
    path::{Path, PathBuf},
};

/// A URL with a password (database, SMTP) that never reaches a log.
#[derive(Clone)]
pub struct SecretUrl(String);

impl SecretUrl {
    pub fn new(url: impl Into<String>) -> Self {
        Self(url.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // postgres://user:secret@host/db → postgres://user:***@host/db
        let redacted = match (self.0.find("://"), self.0.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let credentials = &self.0[scheme_end + 3..at];
                match credentials.split_once(':') {
                    Some((user, _)) => {
                        format!("{}{user}:***{}", &self.0[..scheme_end + 3], &self.0[at..])
                    }
                    None => self.0.clone(),
                }
            }
            _ => self.0.clone(),
        };
        write!(f, "{redacted:?}")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// `MAMORI_DATABASE_URL`; default: SQLite at `$MAMORI_DATA_DIR/mamori.db`.
    pub database_url: SecretUrl,
    /// `MAMORI_ADDR`; default `127.0.0.1:3000`.
    pub addr: SocketAddr,
    /// `MAMORI_DATA_DIR`; default `./data`.
    pub data_dir: PathBuf,
    /// `MAMORI_SITE_ROOT`; default: `site/` beside the binary, else `target/site`.
    pub site_root: PathBuf,
    /// `MAMORI_SESSION_HOURS`; default 12.
    pub session_hours: u32,
    /// `MAMORI_SESSION_IDLE_MINUTES`: a session unused this long ends; default 30.
    pub session_idle_minutes: u32,
    /// `MAMORI_SECURE_COOKIES`; default true when `MAMORI_BASE_URL` starts with `https://`.
    pub secure_cookies: bool,
    /// `MAMORI_BASE_URL`: the address people use, for links in mail; default `http://ADDR`.
    pub base_url: String,
    /// `MAMORI_TRUSTED_PROXIES`: the reverse proxies (comma-separated IP addresses) whose
    /// `X-Forwarded-For` names the client for the audit log and the login throttle; default
    /// none.
    pub trusted_proxies: Vec<IpAddr>,
    /// `MAMORI_SMTP_URL` (`smtp://user:pass@host:587?tls=required`, `smtps://…`); without it,
    /// mail is written as `.eml` files to `MAMORI_DATA_DIR/outbox/`.
    pub smtp_url: Option<SecretUrl>,
    /// `MAMORI_MAIL_FROM`; default `守り <mamori@localhost>`.
    pub mail_from: String,
    /// `MAMORI_MAIL_POLL_SECONDS`: how often the server sends what the outbox holds; default 15.
    pub mail_poll_seconds: u64,
    /// `MAMORI_REMINDER_POLL_SECONDS`: how often the server runs a reminder pass; default 300.
    pub reminder_poll_seconds: u64,
    /// `MAMORI_LOG` (a tracing filter; default `info`) and `MAMORI_LOG_FORMAT` (`text`|`json`).
    pub log_filter: String,
    pub log_format: LogFormat,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse_var<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, SettingsError>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        Some(raw) => raw
            .trim()
            .parse()
            .map_err(|e: T::Err| SettingsError::Invalid {
                name,
                reason: e.to_string(),
            }),
        None => Ok(default),
    }
}

impl Settings {
    pub fn from_env() -> Result<Self, SettingsError> {
        let data_dir = PathBuf::from(var("MAMORI_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = var("MAMORI_DATABASE_URL").unwrap_or_else(|| {
            format!("sqlite://{}?mode=rwc", data_dir.join("mamori.db").display())
        });
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(SettingsError::Invalid {
                name: "MAMORI_DATABASE_URL",
                reason: "must start with sqlite: or postgres://".into(),
            });
        }
        let https = var("MAMORI_BASE_URL").is_some_and(|url| url.starts_with("https://"));
        let log_format = match var("MAMORI_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(SettingsError::Invalid {
                    name: "MAMORI_LOG_FORMAT",
                    reason: format!("`{other}` is not text or json"),
                });
            }
        };
        let session_hours = parse_var("MAMORI_SESSION_HOURS", 12u32)?;
        if session_hours == 0 {
            return Err(SettingsError::Invalid {
                name: "MAMORI_SESSION_HOURS",
                reason: "must be at least 1".into(),
            });
        }
        let session_idle_minutes = parse_var("MAMORI_SESSION_IDLE_MINUTES", 30u32)?;
        if session_idle_minutes == 0 {
            return Err(SettingsError::Invalid {
                name: "MAMORI_SESSION_IDLE_MINUTES",
                reason: "must be at least 1".into(),
            });
        }
        let addr = parse_var("MAMORI_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)))?;
        let base_url = var("MAMORI_BASE_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
            return Err(SettingsError::Invalid {
                name: "MAMORI_BASE_URL",
                reason: "must start with http:// or https://".into(),
            });
        }
        let trusted_proxies = var("MAMORI_TRUSTED_PROXIES")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|address| !address.is_empty())
            .map(|address| {
                address.parse().map_err(|_| SettingsError::Invalid {
                    name: "MAMORI_TRUSTED_PROXIES",
                    reason: format!("`{address}` is not an IP address"),
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            database_url: SecretUrl::new(database_url),
            trusted_proxies,
            addr,
            base_url,
            smtp_url: var("MAMORI_SMTP_URL").map(SecretUrl::new),
            mail_from: var("MAMORI_MAIL_FROM").unwrap_or_else(|| "守り <mamori@localhost>".into()),
            mail_poll_seconds: parse_var("MAMORI_MAIL_POLL_SECONDS", 15u64)?.max(1),
            reminder_poll_seconds: parse_var("MAMORI_REMINDER_POLL_SECONDS", 300u64)?.max(1),
            site_root: var("MAMORI_SITE_ROOT")
                .map(PathBuf::from)
                .unwrap_or_else(default_site_root),
            data_dir,
            session_hours,
            session_idle_minutes,
            secure_cookies: parse_var("MAMORI_SECURE_COOKIES", https)?,
            log_filter: var("MAMORI_LOG").unwrap_or_else(|| "info".into()),
            log_format,
        })
    }

    /// The mail sender: SMTP when configured, else `.eml` files in `MAMORI_DATA_DIR/outbox/`.
    pub fn mail_sender(&self) -> Result<mamori_mail::Sender, mamori_mail::MailError> {
        mamori_mail::Sender::new(
            &self.mail_from,
            self.smtp_url.as_ref().map(SecretUrl::expose),
            &self.data_dir.join("outbox"),
        )
    }

    pub fn init_tracing(&self) {
        use tracing_subscriber::util::SubscriberInitExt;
        let _ = self.log_subscriber(std::io::stderr).try_init();
    }

    /// The log as configured (`MAMORI_LOG`, `MAMORI_LOG_FORMAT`), written to `writer`.
    pub fn log_subscriber<W>(&self, writer: W) -> Box<dyn tracing::Subscriber + Send + Sync>
    where
        W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
    {
        use tracing_subscriber::EnvFilter;
        let filter =
            EnvFilter::try_new(&self.log_filter).unwrap_or_else(|_| EnvFilter::new("info"));
        let builder = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(writer);
        match self.log_format {
            LogFormat::Text => Box::new(builder.finish()),
            LogFormat::Json => Box::new(builder.json().finish()),
        }
    }
}

/// The site folder of a release (`site/` beside the binary), else cargo-leptos's output.
fn default_site_root() -> PathBuf {
    exe_dir()
        .map(|dir| dir.join("site"))
        .filter(|site| site.is_dir())
        .or_else(|| var("LEPTOS_SITE_ROOT").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("target/site"))
}

pub fn exe_dir() -> Option<PathBuf> {
    std::env::current_exe()
        .ok()?
        .parent()
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::SecretUrl;

    #[test]
    fn database_passwords_are_redacted() {
        let url = SecretUrl::new("postgres://mamori:s3cret@db.internal:5432/mamori");
        let shown = format!("{url:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("mamori:***@db.internal"), "{shown}");
        assert_eq!(
            format!("{:?}", SecretUrl::new("sqlite://data/mamori.db")),
            "\"sqlite://data/mamori.db\""
        );
    }
}
