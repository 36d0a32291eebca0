//! Real parts for tests. Fresh databases: every test gets its own, a new SQLite file, and — when
//! `MAMORI_TEST_POSTGRES_URL` names a PostgreSQL server (the test script sets it) — a new
//! PostgreSQL database with a random name on that server. And `smtp`: a real SMTP server;
//! `calendar`: the days and hours tests happen at; the demo agency's accounts and a module.

pub mod calendar;
pub mod smtp;

use mamori_store::Store;
use sea_orm::{ConnectionTrait, Database};

/// A database made for one test. Keeps its SQLite folder alive while the test runs.
pub struct TestDatabase {
    pub backend: &'static str,
    pub url: String,
    _folder: Option<tempfile::TempDir>,
}

impl TestDatabase {
    pub async fn store(&self) -> Store {
        let store = Store::connect(&self.url)
            .await
            .expect("connect to the test database");
        store.migrate().await.expect("migrate the test database");
        store
    }
}

/// The PostgreSQL server to test against, if any.
pub fn postgres_server() -> Option<String> {
    std::env::var("MAMORI_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// One fresh database per available backend: SQLite always, PostgreSQL when configured.
/// With `MAMORI_TEST_REQUIRE_POSTGRES=1` (set by the test script) a missing server is an error,
/// so that CI cannot pass on SQLite alone.
pub async fn fresh_databases() -> Vec<TestDatabase> {
    let mut databases = vec![fresh_sqlite()];
    match postgres_server() {
        Some(server) => databases.push(fresh_postgres(&server).await),
        None if std::env::var("MAMORI_TEST_REQUIRE_POSTGRES").is_ok_and(|v| v == "1") => {
            panic!("MAMORI_TEST_REQUIRE_POSTGRES=1 but MAMORI_TEST_POSTGRES_URL is not set")
        }
        None => {}
    }
    databases
}

pub fn fresh_sqlite() -> TestDatabase {
    let folder = tempfile::tempdir().expect("temporary folder");
    let url = format!(
        "sqlite://{}?mode=rwc",
        folder.path().join("mamori.db").display()
    );
    TestDatabase {
        backend: "sqlite",
        url,
        _folder: Some(folder),
    }
}

pub async fn fresh_postgres(server: &str) -> TestDatabase {
    let name = format!("mamori_test_{}", random_suffix());
    let admin = Database::connect(server)
        .await
        .expect("connect to the PostgreSQL test server");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create a test database");
    let base = server.trim_end_matches('/');
    let base = match base.rfind('/') {
        Some(slash) if slash > base.find("://").map_or(0, |i| i + 2) => &base[..slash],
        _ => base,
    };
    TestDatabase {
        backend: "postgres",
        url: format!("{base}/{name}"),
        _folder: None,
    }
}

fn random_suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    hasher.write_u32(std::process::id());
    format!("{:016x}", hasher.finish())
}

/// The demo agency in each fresh database. The `TestDatabase` keeps a SQLite file alive for
/// as long as the test holds it.
pub async fn demo_stores() -> Vec<(TestDatabase, Store)> {
    let mut stores = Vec::new();
    for database in fresh_databases().await {
        let store = database.store().await;
        store.load_demo().await.expect("load the demo agency");
        stores.push((database, store));
    }
    stores
}

// Demo accounts tests act as.
pub const LEARNER: &str = "E0210"; // plain staff of 消費者安全課
pub const TRAINER: &str = "E0020"; // 総務課
pub const MANAGER: &str = "E0009"; // manages 消費者安全課
pub const ADMIN: &str = "E0013"; // 総務課

/// A module's address, as tests name one.
pub fn slug(raw: &str) -> mamori_domain::training::Slug {
    mamori_domain::training::Slug::parse(raw).expect("a slug")
}

/// An employee ID, as tests name one.
pub fn employee(raw: &str) -> mamori_domain::EmployeeId {
    mamori_domain::EmployeeId::parse(raw).expect("an employee ID")
}

/// The database id of a demo account.
pub async fn demo_staff_id(store: &Store, employee_id: &str) -> i32 {
    store
        .staff_id(&employee(employee_id))
        .await
        .expect("a demo account")
}

/// What a demo account may do, as its session would say.
pub async fn demo_actor(store: &Store, employee_id: &str) -> mamori_domain::Actor {
    let now = chrono::Utc::now();
    let token = store
        .start_session(
            demo_staff_id(store, employee_id).await,
            mamori_store::accounts::SessionClient {
                address: "192.0.2.1",
                user_agent: "test",
            },
            now,
        )
        .await
        .expect("a session");
    store
        .session_actor(&token, now)
        .await
        .expect("read the session")
        .expect("a live session")
}

/// Publishes module `media` (可搬記憶媒体) with one page that counts as read once its end is
/// seen, written by the demo trainer at `at`. Tests assign it as they need.
pub async fn publish_media_module(store: &Store, at: chrono::DateTime<chrono::Utc>) {
    use mamori_store::training::{NewContent, NewMaterial, NewModule};
    let media = slug("media");
    let module = NewModule {
        slug: &media,
        title: "可搬記憶媒体",
        summary: "",
        estimated_minutes: mamori_domain::training::EstimatedMinutes::parse(10).unwrap(),
        created_by: TRAINER,
    };
    store.create_module(module, at).await.expect("create media");
    let page = NewMaterial {
        title: "持出しの手続",
        content: NewContent::Page {
            markdown: "許可制です。",
            min_active_seconds: 0,
        },
    };
    store
        .add_material(&media, page, TRAINER, at)
        .await
        .expect("add its page");
    store
        .publish_module(&media, at)
        .await
        .expect("publish media");
}

/// `employee_id` opens `media` and reads its page for `seconds` (in beats), finishing it if
/// `to_the_end`.
pub async fn read_media_page(
    store: &Store,
    employee_id: &str,
    at: chrono::DateTime<chrono::Utc>,
    seconds: i64,
    to_the_end: bool,
) {
    let learner = demo_staff_id(store, employee_id).await;
    let player = store
        .module_player(learner, &slug("media"), mamori_domain::agency_date(at), at)
        .await
        .unwrap();
    let page = player.materials[0].material.id;
    let opened = mamori_store::training::ViewReport {
        beat: Some(mamori_domain::training::Heartbeat::Opened),
        ..Default::default()
    };
    store
        .material_heartbeat(learner, page, opened, at)
        .await
        .unwrap();
    let mut now = at;
    while now < at + chrono::Duration::seconds(seconds) {
        now += chrono::Duration::seconds(15);
        let beat = mamori_store::training::ViewReport {
            beat: Some(mamori_domain::training::Heartbeat::Visible),
            reached_end: to_the_end && now >= at + chrono::Duration::seconds(seconds),
            ..Default::default()
        };
        store
            .material_heartbeat(learner, page, beat, now)
            .await
            .unwrap();
    }
}
