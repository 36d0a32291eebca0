//! Failed logins of the last minutes, by account and by address, which slow down password
//! guessing (the audit log keeps every login for good; this table is forgotten as it ages).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LoginFailure::Table)
                    .col(pk_auto(LoginFailure::Id))
                    .col(timestamp_with_time_zone(LoginFailure::At))
                    .col(string(LoginFailure::Account))
                    .col(string(LoginFailure::Address))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_login_failure_account", LoginFailure::Account),
            ("idx_login_failure_address", LoginFailure::Address),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(LoginFailure::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LoginFailure::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum LoginFailure {
    Table,
    Id,
    At,
    Account,
    Address,
}
