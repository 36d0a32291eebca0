//! Staff files uploaded in the admin UI and awaiting confirmation, one-use set-password links,
//! and the durable mail outbox.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StaffUpload::Table)
                    .col(pk_auto(StaffUpload::Id))
                    .col(string(StaffUpload::UploadedBy))
                    .col(timestamp_with_time_zone(StaffUpload::UploadedAt))
                    .col(string(StaffUpload::FileName))
                    .col(blob(StaffUpload::Content))
                    .col(date(StaffUpload::Effective))
                    .col(boolean(StaffUpload::Sync))
                    .col(timestamp_with_time_zone_null(StaffUpload::AppliedAt))
                    .col(string_null(StaffUpload::AppliedBy))
                    .col(text_null(StaffUpload::AppliedReport))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PasswordLink::Table)
                    .col(string(PasswordLink::TokenHash).primary_key())
                    .col(integer(PasswordLink::StaffId))
                    .col(timestamp_with_time_zone(PasswordLink::CreatedAt))
                    .col(timestamp_with_time_zone(PasswordLink::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PasswordLink::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PasswordLink::Table, PasswordLink::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MailOutbox::Table)
                    .col(pk_auto(MailOutbox::Id))
                    // Unique: the same mail queued twice is one row, so it is sent at most once.
                    .col(string_uniq(MailOutbox::MailKey))
                    .col(string_null(MailOutbox::EmployeeId))
                    .col(string(MailOutbox::Kind))
                    .col(string(MailOutbox::ToAddress))
                    .col(string(MailOutbox::ToName))
                    .col(string(MailOutbox::Subject))
                    .col(text(MailOutbox::Body))
                    .col(timestamp_with_time_zone(MailOutbox::CreatedAt))
                    .col(timestamp_with_time_zone(MailOutbox::NextAttemptAt))
                    .col(integer(MailOutbox::Attempts).default(0))
                    .col(text_null(MailOutbox::LastError))
                    .col(timestamp_with_time_zone_null(MailOutbox::SentAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_pending")
                    .table(MailOutbox::Table)
                    .col(MailOutbox::SentAt)
                    .col(MailOutbox::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MailOutbox::Table.into_iden(),
            PasswordLink::Table.into_iden(),
            StaffUpload::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum StaffUpload {
    Table,
    Id,
    UploadedBy,
    UploadedAt,
    FileName,
    Content,
    Effective,
    Sync,
    AppliedAt,
    AppliedBy,
    AppliedReport,
}

#[derive(DeriveIden)]
enum PasswordLink {
    Table,
    TokenHash,
    StaffId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    Id,
    MailKey,
    EmployeeId,
    Kind,
    ToAddress,
    ToName,
    Subject,
    Body,
    CreatedAt,
    NextAttemptAt,
    Attempts,
    LastError,
    SentAt,
}
