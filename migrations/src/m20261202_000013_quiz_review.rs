//! When a quiz shows its learners the right answers (`quiz::ReviewPolicy`): quizzes saved
//! before keep the default, once passed or out of attempts.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Quiz::Table)
                    .add_column(string(Quiz::Review).default("when_finished"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Quiz::Table)
                    .drop_column(Quiz::Review)
                    .to_owned(),
            )
            .await
    }
}

#[derive(DeriveIden)]
enum Quiz {
    Table,
    Review,
}
