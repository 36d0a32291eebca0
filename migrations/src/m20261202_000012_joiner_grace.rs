//! A fixed due date gives late joiners a grace from their first day (30 days unless the
//! assignment says otherwise): assignments made before are rewritten to say so.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // `{"On":"2026-11-21"}` becomes `{"On":{"date":"2026-11-21","joiner_grace_days":30}}`;
        // the date is the 12 characters (with its quotes) after `{"On":`.
        manager
            .get_connection()
            .execute_unprepared(
                r#"UPDATE assignment
                   SET due_rule = '{"On":{"date":' || substr(due_rule, 7, 12) || ',"joiner_grace_days":30}}'
                   WHERE due_rule LIKE '{"On":"%'"#,
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Back to a bare date (the grace is lost); the date follows `{"On":{"date":`.
        manager
            .get_connection()
            .execute_unprepared(
                r#"UPDATE assignment
                   SET due_rule = '{"On":' || substr(due_rule, 15, 12) || '}'
                   WHERE due_rule LIKE '{"On":{"date":%'"#,
            )
            .await?;
        Ok(())
    }
}
