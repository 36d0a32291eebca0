//! All configuration, read once at start from `MAMORI_*` environment variables.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
};

/// A database URL whose password never reaches a log.
#[derive(Clone)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn new(url: impl Into<String>) -> Self {
        Self(url.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for DatabaseUrl {
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
    pub database_url: DatabaseUrl,
    /// `MAMORI_ADDR`; default `127.0.0.1:3000`.
    pub addr: SocketAddr,
    /// `MAMORI_DATA_DIR`; default `./data`.
    pub data_dir: PathBuf,
    /// `MAMORI_SITE_ROOT`; default: `site/` beside the binary, else `target/site`.
    pub site_root: PathBuf,
    /// `MAMORI_SESSION_HOURS`; default 12.
    pub session_hours: u32,
    /// `MAMORI_SECURE_COOKIES`; default true when `MAMORI_BASE_URL` starts with `https://`.
    pub secure_cookies: bool,
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
        Ok(Self {
            database_url: DatabaseUrl::new(database_url),
            addr: parse_var("MAMORI_ADDR", SocketAddr::from(([127, 0, 0, 1], 3000)))?,
            site_root: var("MAMORI_SITE_ROOT")
                .map(PathBuf::from)
                .unwrap_or_else(default_site_root),
            data_dir,
            session_hours,
            secure_cookies: parse_var("MAMORI_SECURE_COOKIES", https)?,
            log_filter: var("MAMORI_LOG").unwrap_or_else(|| "info".into()),
            log_format,
        })
    }

    pub fn init_tracing(&self) {
        use tracing_subscriber::EnvFilter;
        let filter =
            EnvFilter::try_new(&self.log_filter).unwrap_or_else(|_| EnvFilter::new("info"));
        let builder = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr);
        let _ = match self.log_format {
            LogFormat::Text => builder.try_init(),
            LogFormat::Json => builder.json().try_init(),
        };
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
    use super::DatabaseUrl;

    #[test]
    fn database_passwords_are_redacted() {
        let url = DatabaseUrl::new("postgres://mamori:s3cret@db.internal:5432/mamori");
        let shown = format!("{url:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("mamori:***@db.internal"), "{shown}");
        assert_eq!(
            format!("{:?}", DatabaseUrl::new("sqlite://data/mamori.db")),
            "\"sqlite://data/mamori.db\""
        );
    }
}
