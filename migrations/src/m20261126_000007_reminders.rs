//! Reminder mail: the agency's holidays (no mail on them), an assignment's own reminder
//! policy (JSON; none means the admin's default), and outbox rows tied to the assignment they
//! chase, so that completing, leaving or archiving cancels what was not yet sent.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Holiday::Table)
                    .col(date(Holiday::Date).primary_key())
                    .col(string(Holiday::Name))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Assignment::Table)
                    .add_column(text_null(Assignment::ReminderPolicy))
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters a table one column at a time.
        for column in [
            integer_null(MailOutbox::AssignmentId),
            timestamp_with_time_zone_null(MailOutbox::CancelledAt),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MailOutbox::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_mail_outbox_assignment")
                    .table(MailOutbox::Table)
                    .col(MailOutbox::AssignmentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_mail_outbox_assignment")
                    .table(MailOutbox::Table)
                    .to_owned(),
            )
            .await?;
        for column in [MailOutbox::AssignmentId, MailOutbox::CancelledAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MailOutbox::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Assignment::Table)
                    .drop_column(Assignment::ReminderPolicy)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Holiday::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum Holiday {
    Table,
    Date,
    Name,
}

#[derive(DeriveIden)]
enum Assignment {
    Table,
    ReminderPolicy,
}

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    AssignmentId,
    CancelledAt,
}
