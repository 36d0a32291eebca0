//! Mamori's schema. The same migrations run on SQLite and PostgreSQL, at start-up and with
//! `mamori migrate`.

pub use sea_orm_migration::prelude::*;

mod m20261126_000001_staff_and_accounts;
mod m20261126_000002_audit_log;
mod m20261126_000003_uploads_links_outbox;
mod m20261126_000004_training;
mod m20261126_000005_material_files;
mod m20261126_000006_quizzes;
mod m20261126_000007_reminders;
mod m20261127_000008_inspection;
mod m20261202_000009_login_failures;
mod m20261202_000010_session_activity;
mod m20261202_000011_audit_append_only;
mod m20261202_000012_joiner_grace;
mod m20261202_000013_quiz_review;
mod m20261202_000014_quiz_score_tenths;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_staff_and_accounts::Migration),
            Box::new(m20261126_000002_audit_log::Migration),
            Box::new(m20261126_000003_uploads_links_outbox::Migration),
            Box::new(m20261126_000004_training::Migration),
            Box::new(m20261126_000005_material_files::Migration),
            Box::new(m20261126_000006_quizzes::Migration),
            Box::new(m20261126_000007_reminders::Migration),
            Box::new(m20261127_000008_inspection::Migration),
            Box::new(m20261202_000009_login_failures::Migration),
            Box::new(m20261202_000010_session_activity::Migration),
            Box::new(m20261202_000011_audit_append_only::Migration),
            Box::new(m20261202_000012_joiner_grace::Migration),
            Box::new(m20261202_000013_quiz_review::Migration),
            Box::new(m20261202_000014_quiz_score_tenths::Migration),
        ]
    }
}
