//! What a session shows its owner and what ends it when left alone: when it was last used, and
//! from which address and browser it was opened.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite adds no more at once.
        for column in [
            timestamp_with_time_zone_null(Session::LastSeenAt),
            string_null(Session::Address),
            string_null(Session::UserAgent),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Session::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Session::LastSeenAt, Session::Address, Session::UserAgent] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Session::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Session {
    Table,
    LastSeenAt,
    Address,
    UserAgent,
}
