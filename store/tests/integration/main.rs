//! The store's integration tests against real databases, in one test binary: each binary links
//! the whole stack, and one link instead of eight makes a rebuild quicker (numbers in the
//! README).

mod inspection;
mod logins;
mod outbox;
mod quiz;
mod reminders;
mod reports;
mod staff_import;
mod store;
mod training;

/// Rolls a test database back to the schema before `migration` (and every later one), to show
/// that what was stored then reads back right once migrated again.
async fn schema_before(url: &str, migration: &str) -> sea_orm::DatabaseConnection {
    use mamori_migrations::{Migrator, MigratorTrait};
    let db = sea_orm::Database::connect(url).await.unwrap();
    let migrations = Migrator::migrations();
    let position = migrations
        .iter()
        .position(|m| m.name() == migration)
        .unwrap_or_else(|| panic!("no migration {migration}"));
    Migrator::down(&db, Some((migrations.len() - position) as u32))
        .await
        .unwrap();
    db
}
