//! Mamori's persistence layer: one `Store` over a sea-orm connection (SQLite or PostgreSQL),
//! with services grouped by area. Server-only: nothing here reaches the browser build.

pub mod accounts;
pub mod audit;
pub mod demo;
mod demo_inspection;
mod demo_training;
pub mod directory;
pub mod entities;
mod error;
mod history;
pub mod inspection;
pub mod logins;
pub mod markdown;
pub mod outbox;
pub mod password_links;
pub mod reminders;
pub mod reports;
pub mod settings;
pub mod staff_import;
pub mod staff_uploads;
pub mod training;

pub use error::StoreError;

use mamori_migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use std::path::Path;

#[derive(Clone, Debug)]
pub struct Store {
    db: DatabaseConnection,
    sessions: accounts::SessionPolicy,
}

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`). For SQLite the file and its folder
    /// are created if missing, and the database is switched to WAL so that readers do not wait
    /// for the writer. sqlx turns SQLite's foreign keys on for every connection.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        if let Some(path) = sqlite_file(url)
            && let Some(folder) = Path::new(path).parent()
            && !folder.as_os_str().is_empty()
        {
            std::fs::create_dir_all(folder)
                .map_err(|e| StoreError::Io(folder.display().to_string(), e))?;
        }
        let mut options = ConnectOptions::new(url.to_string());
        options.sqlx_logging(false);
        if url.starts_with("sqlite:") {
            options.map_sqlx_sqlite_opts(|o| {
                o.create_if_missing(true)
                    .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                    .foreign_keys(true)
                    // Reports read 100,000s of rows: fewer hand-offs between sqlx's worker
                    // thread and the task that decodes them.
                    .row_buffer_size(4096)
            });
        }
        let db = Database::connect(options).await?;
        Ok(Self {
            db,
            sessions: accounts::SessionPolicy::default(),
        })
    }

    /// The same store, with sessions lasting as `policy` says (the server's settings).
    pub fn with_session_policy(mut self, policy: accounts::SessionPolicy) -> Self {
        self.sessions = policy;
        self
    }

    pub fn session_policy(&self) -> accounts::SessionPolicy {
        self.sessions
    }

    /// Brings the schema up to date; safe to run at every start.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    pub(crate) fn db(&self) -> &DatabaseConnection {
        &self.db
    }
}

/// The file path of a `sqlite://PATH?…` URL (none for in-memory databases or other backends).
fn sqlite_file(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then_some(path)
}

#[cfg(test)]
mod tests {
    use super::sqlite_file;

    #[test]
    fn finds_the_sqlite_file_in_a_url() {
        assert_eq!(
            sqlite_file("sqlite://data/mamori.db?mode=rwc"),
            Some("data/mamori.db")
        );
        assert_eq!(
            sqlite_file("sqlite:///var/lib/mamori/m.db"),
            Some("/var/lib/mamori/m.db")
        );
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://localhost/m"), None);
    }
}
