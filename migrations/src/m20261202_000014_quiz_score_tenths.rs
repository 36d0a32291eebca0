//! Quiz scores kept in tenths of a percent (`quiz::Score`), so that 2 questions of 3 show as
//! 66.7 like every other share; scores stored before were whole percents, rounded down.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rescale(manager, "score * 10").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rescale(manager, "score / 10").await
    }
}

async fn rescale(manager: &SchemaManager<'_>, expression: &str) -> Result<(), DbErr> {
    manager
        .get_connection()
        .execute_unprepared(&format!(
            "UPDATE quiz_attempt SET score = {expression} WHERE score IS NOT NULL"
        ))
        .await
        .map(|_| ())
}
