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
    /// Every write, and reads that must see a transaction's own writes.
    db: DatabaseConnection,
    /// Reads that stand alone: on SQLite a pool of read-only connections beside the one
    /// writer, so that pages are read in parallel (WAL lets readers run while the writer
    /// writes); on PostgreSQL the same pool as `db`.
    reads: DatabaseConnection,
    sessions: accounts::SessionPolicy,
}

/// How many read connections a SQLite database gets: enough to keep every core busy while
/// some readers wait on the disk; each holds its own page cache, so no more.
const SQLITE_READERS: u32 = 4;

/// How long a SQLite connection waits for another to finish writing before it gives up.
const SQLITE_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

impl Store {
    /// Connects to `url` (`sqlite://…` or `postgres://…`). For SQLite the file and its folder
    /// are created if missing, and the database is switched to WAL so that readers do not wait
    /// for the writer. sqlx turns SQLite's foreign keys on for every connection.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let Some(path) = sqlite_file(url) else {
            let db = Database::connect(options(url)).await?;
            return Ok(Self::over(db.clone(), db));
        };
        if let Some(folder) = Path::new(path).parent()
            && !folder.as_os_str().is_empty()
        {
            std::fs::create_dir_all(folder)
                .map_err(|e| StoreError::Io(folder.display().to_string(), e))?;
        }
        // One writer: SQLite takes one write at a time anyway, and a single connection means
        // no two transactions ever wait on each other's locks (no SQLITE_BUSY on upgrade).
        let mut writer = options(url);
        writer.max_connections(1).min_connections(1);
        writer.map_sqlx_sqlite_opts(|o| {
            sqlite_options(o)
                .create_if_missing(true)
                .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
        });
        let db = Database::connect(writer).await?;
        let mut readers = options(url);
        readers.max_connections(SQLITE_READERS).min_connections(1);
        // Read-only: a write sent here by mistake fails at once instead of racing the writer.
        readers.map_sqlx_sqlite_opts(|o| sqlite_options(o).read_only(true));
        let reads = Database::connect(readers).await?;
        Ok(Self::over(db, reads))
    }

    fn over(db: DatabaseConnection, reads: DatabaseConnection) -> Self {
        Self {
            db,
            reads,
            sessions: accounts::SessionPolicy::default(),
        }
    }

    /// The same store, counting every statement it sends (tests pin how many a page costs).
    pub fn counting_statements(mut self) -> (Self, StatementLog) {
        let log = StatementLog::default();
        for connection in [&mut self.db, &mut self.reads] {
            let log = log.clone();
            connection.set_metric_callback(move |info| log.record(&info.statement.sql));
        }
        (self, log)
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

    /// The connections for reads outside any transaction (see `reads` above).
    pub(crate) fn reads(&self) -> &DatabaseConnection {
        &self.reads
    }
}

fn options(url: &str) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.to_string());
    options.sqlx_logging(false);
    if sqlite_file(url).is_some() {
        // A SQLite connection is a file this process holds open: pinging it before each
        // statement only costs another hand-off to its thread.
        options.test_before_acquire(false);
    }
    options
}

fn sqlite_options(
    options: sea_orm::sqlx::sqlite::SqliteConnectOptions,
) -> sea_orm::sqlx::sqlite::SqliteConnectOptions {
    options
        .foreign_keys(true)
        .busy_timeout(SQLITE_BUSY_TIMEOUT)
        // Reports read 100,000s of rows: fewer hand-offs between sqlx's worker thread and the
        // task that decodes them.
        .row_buffer_size(4096)
}

/// The SQL statements a store has sent, in order, since it began counting or was last taken.
#[derive(Clone, Debug, Default)]
pub struct StatementLog(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl StatementLog {
    fn record(&self, sql: &str) {
        self.0.lock().expect("statement log").push(sql.to_string());
    }

    /// The statements sent since the last call, and starts afresh.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().expect("statement log"))
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
    use super::{Store, sqlite_file};
    use crate::entities::division;
    use sea_orm::{
        ActiveModelTrait, ActiveValue::Set, EntityTrait, PaginatorTrait, TransactionTrait,
    };
    use std::time::Duration;

    fn division_named(name: &str) -> division::ActiveModel {
        division::ActiveModel {
            name: Set(name.to_string()),
            position: Set(0),
            ..Default::default()
        }
    }

    /// Long enough for any statement here; a read or write still waiting then is stuck.
    const STUCK: Duration = Duration::from_secs(20);

    #[tokio::test]
    async fn sqlite_reads_go_on_while_a_write_is_open_and_writes_take_turns() {
        let database = mamori_test_support::fresh_sqlite();
        let store = Store::connect(&database.url).await.unwrap();
        store.migrate().await.unwrap();

        // The writer is busy inside a transaction (the one connection it has is taken).
        let open = store.db().begin().await.unwrap();
        division_named("総務課").insert(&open).await.unwrap();
        let read = tokio::time::timeout(STUCK, division::Entity::find().count(store.reads()))
            .await
            .expect("a read does not wait for an open write");
        assert_eq!(read.unwrap(), 0, "a read sees only what is committed");

        // A second write waits its turn, and goes through once the first commits.
        let second = tokio::spawn({
            let store = store.clone();
            async move { division_named("人事課").insert(store.db()).await }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(
            !second.is_finished(),
            "the second write waits for the first"
        );
        open.commit().await.unwrap();
        tokio::time::timeout(STUCK, second)
            .await
            .expect("the second write is not stuck")
            .unwrap()
            .unwrap();
        assert_eq!(
            division::Entity::find().count(store.reads()).await.unwrap(),
            2
        );
    }

    #[tokio::test]
    async fn sqlite_writes_wait_for_another_process_and_reads_never_write() {
        let database = mamori_test_support::fresh_sqlite();
        let store = Store::connect(&database.url).await.unwrap();
        store.migrate().await.unwrap();
        // Another process (a CLI import) holds the write lock for a moment.
        let other = Store::connect(&database.url).await.unwrap();
        let held = other.db().begin().await.unwrap();
        division_named("総務課").insert(&held).await.unwrap();
        let waiting = tokio::spawn({
            let store = store.clone();
            async move { division_named("人事課").insert(store.db()).await }
        });
        tokio::time::sleep(Duration::from_millis(300)).await;
        held.commit().await.unwrap();
        tokio::time::timeout(STUCK, waiting)
            .await
            .expect("the write is not stuck")
            .unwrap()
            .expect("the write waited for the lock instead of failing with SQLITE_BUSY");

        let refused = division_named("情報政策課").insert(store.reads()).await;
        assert!(refused.is_err(), "the read connections are read-only");
        assert_eq!(
            division::Entity::find().count(store.reads()).await.unwrap(),
            2
        );
    }

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
