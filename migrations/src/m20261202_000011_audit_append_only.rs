//! The audit log is append-only for the application: the database itself refuses to change or
//! delete an entry, whatever the code asks (政府機関等の対策基準: logs kept from alteration).

use sea_orm_migration::{prelude::*, sea_orm::DatabaseBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                for (name, event) in [
                    ("audit_log_no_update", "UPDATE"),
                    ("audit_log_no_delete", "DELETE"),
                ] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name} BEFORE {event} ON audit_log \
                         BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
                    ))
                    .await?;
                }
            }
            DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ \
                     BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$ \
                     LANGUAGE plpgsql",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE \
                     ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
                )
                .await?;
            }
            other => {
                return Err(DbErr::Migration(format!("no audit triggers for {other:?}")));
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match manager.get_database_backend() {
            DatabaseBackend::Sqlite => {
                db.execute_unprepared("DROP TRIGGER audit_log_no_update")
                    .await?;
                db.execute_unprepared("DROP TRIGGER audit_log_no_delete")
                    .await?;
            }
            _ => {
                db.execute_unprepared("DROP TRIGGER audit_log_append_only ON audit_log")
                    .await?;
                db.execute_unprepared("DROP FUNCTION audit_log_append_only()")
                    .await?;
            }
        }
        Ok(())
    }
}
