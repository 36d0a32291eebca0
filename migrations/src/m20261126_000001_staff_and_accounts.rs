//! Divisions and staff, with division membership and security roles kept as dated history;
//! application roles, login sessions and settings.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A foreign key to the staff table; the rows go when their person does (nobody is deleted in
/// practice, but a test or a GDPR erasure may).
fn to_staff(
    table: impl IntoIden + Clone + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Staff::Table, Staff::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn to_division(
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Division::Table, Division::Id)
        .to_owned()
}

fn index(
    name: &str,
    table: impl IntoIden + 'static,
    column: impl IntoIden + 'static,
) -> IndexCreateStatement {
    Index::create()
        .name(name)
        .table(table)
        .col(column)
        .to_owned()
}

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
                    .col(date(Staff::ActiveFrom))
                    .col(date_null(Staff::ActiveUntil))
                    .col(string_null(Staff::Title))
                    .col(string_null(Staff::PasswordHash))
                    .to_owned(),
            )
            .await?;
        // Which division a person belonged to, from when until when (inclusive; open-ended
        // while current). Periods of one person do not overlap.
        manager
            .create_table(
                Table::create()
                    .table(DivisionMembership::Table)
                    .col(pk_auto(DivisionMembership::Id))
                    .col(integer(DivisionMembership::StaffId))
                    .col(integer(DivisionMembership::DivisionId))
                    .col(date(DivisionMembership::ValidFrom))
                    .col(date_null(DivisionMembership::ValidUntil))
                    .foreign_key(&mut to_staff(
                        DivisionMembership::Table,
                        DivisionMembership::StaffId,
                    ))
                    .foreign_key(&mut to_division(
                        DivisionMembership::Table,
                        DivisionMembership::DivisionId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_membership_staff",
                DivisionMembership::Table,
                DivisionMembership::StaffId,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_membership_division",
                DivisionMembership::Table,
                DivisionMembership::DivisionId,
            ))
            .await?;
        // Security roles of 図１ (organization.md), as dated periods like memberships.
        manager
            .create_table(
                Table::create()
                    .table(SecurityRolePeriod::Table)
                    .col(pk_auto(SecurityRolePeriod::Id))
                    .col(integer(SecurityRolePeriod::StaffId))
                    .col(string(SecurityRolePeriod::Role))
                    .col(date(SecurityRolePeriod::ValidFrom))
                    .col(date_null(SecurityRolePeriod::ValidUntil))
                    .foreign_key(&mut to_staff(
                        SecurityRolePeriod::Table,
                        SecurityRolePeriod::StaffId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_role_period_staff",
                SecurityRolePeriod::Table,
                SecurityRolePeriod::StaffId,
            ))
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
                    .foreign_key(&mut to_staff(AppRoleGrant::Table, AppRoleGrant::StaffId))
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
                    .foreign_key(&mut to_staff(
                        ManagedDivision::Table,
                        ManagedDivision::StaffId,
                    ))
                    .foreign_key(&mut to_division(
                        ManagedDivision::Table,
                        ManagedDivision::DivisionId,
                    ))
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
                    .foreign_key(&mut to_staff(Session::Table, Session::StaffId))
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
            SecurityRolePeriod::Table.into_iden(),
            DivisionMembership::Table.into_iden(),
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

#[derive(DeriveIden, Clone)]
enum Division {
    Table,
    Id,
    Name,
    Position,
}

#[derive(DeriveIden, Clone)]
enum Staff {
    Table,
    Id,
    EmployeeId,
    Name,
    Email,
    ActiveFrom,
    ActiveUntil,
    Title,
    PasswordHash,
}

#[derive(DeriveIden, Clone)]
enum DivisionMembership {
    Table,
    Id,
    StaffId,
    DivisionId,
    ValidFrom,
    ValidUntil,
}

#[derive(DeriveIden, Clone)]
enum SecurityRolePeriod {
    Table,
    Id,
    StaffId,
    Role,
    ValidFrom,
    ValidUntil,
}

#[derive(DeriveIden, Clone)]
enum AppRoleGrant {
    Table,
    StaffId,
    Role,
}

#[derive(DeriveIden, Clone)]
enum ManagedDivision {
    Table,
    StaffId,
    DivisionId,
}

#[derive(DeriveIden, Clone)]
enum Session {
    Table,
    TokenHash,
    StaffId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden, Clone)]
enum Setting {
    Table,
    Key,
    Value,
}
