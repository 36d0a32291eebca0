//! Divisions, staff with their security and application roles, login sessions and settings.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Division::Table)
                    .col(pk_auto(Division::Id))
                    .col(string_uniq(Division::Name))
                    .col(integer(Division::Position))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Staff::Table)
                    .col(pk_auto(Staff::Id))
                    .col(string_uniq(Staff::EmployeeId))
                    .col(string(Staff::Name))
                    .col(string_uniq(Staff::Email))
                    .col(integer(Staff::DivisionId))
                    .col(date(Staff::ActiveFrom))
                    .col(date_null(Staff::ActiveUntil))
                    .col(string_null(Staff::Title))
                    .col(string_null(Staff::PasswordHash))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Staff::Table, Staff::DivisionId)
                            .to(Division::Table, Division::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_staff_division")
                    .table(Staff::Table)
                    .col(Staff::DivisionId)
                    .to_owned(),
            )
            .await?;
        // Security roles of 図１ (organization.md), one row per role held.
        manager
            .create_table(
                Table::create()
                    .table(StaffSecurityRole::Table)
                    .col(integer(StaffSecurityRole::StaffId))
                    .col(string(StaffSecurityRole::Role))
                    .primary_key(
                        Index::create()
                            .col(StaffSecurityRole::StaffId)
                            .col(StaffSecurityRole::Role),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffSecurityRole::Table, StaffSecurityRole::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // Application roles beyond learner (trainer, manager, admin).
        manager
            .create_table(
                Table::create()
                    .table(AppRoleGrant::Table)
                    .col(integer(AppRoleGrant::StaffId))
                    .col(string(AppRoleGrant::Role))
                    .primary_key(
                        Index::create()
                            .col(AppRoleGrant::StaffId)
                            .col(AppRoleGrant::Role),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AppRoleGrant::Table, AppRoleGrant::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ManagedDivision::Table)
                    .col(integer(ManagedDivision::StaffId))
                    .col(integer(ManagedDivision::DivisionId))
                    .primary_key(
                        Index::create()
                            .col(ManagedDivision::StaffId)
                            .col(ManagedDivision::DivisionId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ManagedDivision::Table, ManagedDivision::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ManagedDivision::Table, ManagedDivision::DivisionId)
                            .to(Division::Table, Division::Id),
                    )
                    .to_owned(),
            )
            .await?;
        // Server-side sessions: the cookie holds a random token, the table its SHA-256.
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(string(Session::TokenHash).primary_key())
                    .col(integer(Session::StaffId))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Setting::Table)
                    .col(string(Setting::Key).primary_key())
                    .col(string(Setting::Value))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Setting::Table.into_iden(),
            Session::Table.into_iden(),
            ManagedDivision::Table.into_iden(),
            AppRoleGrant::Table.into_iden(),
            StaffSecurityRole::Table.into_iden(),
            Staff::Table.into_iden(),
            Division::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Division {
    Table,
    Id,
    Name,
    Position,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
    EmployeeId,
    Name,
    Email,
    DivisionId,
    ActiveFrom,
    ActiveUntil,
    Title,
    PasswordHash,
}

#[derive(DeriveIden)]
enum StaffSecurityRole {
    Table,
    StaffId,
    Role,
}

#[derive(DeriveIden)]
enum AppRoleGrant {
    Table,
    StaffId,
    Role,
}

#[derive(DeriveIden)]
enum ManagedDivision {
    Table,
    StaffId,
    DivisionId,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    TokenHash,
    StaffId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum Setting {
    Table,
    Key,
    Value,
}
