//! The yearly self-inspection: one campaign per fiscal year (its reference date), its
//! compliance items (each of one group, perhaps answered by a training module), and each
//! person's answers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InspectionCampaign::Table)
                    .col(pk_auto(InspectionCampaign::Id))
                    .col(integer_uniq(InspectionCampaign::FiscalYear))
                    .col(date(InspectionCampaign::ReferenceDate))
                    .col(timestamp_with_time_zone(InspectionCampaign::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InspectionItem::Table)
                    .col(pk_auto(InspectionItem::Id))
                    .col(integer(InspectionItem::CampaignId))
                    .col(integer(InspectionItem::Position))
                    .col(string(InspectionItem::Code))
                    .col(string(InspectionItem::GroupCode))
                    .col(text(InspectionItem::Text))
                    .col(string_null(InspectionItem::ModuleSlug))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InspectionItem::Table, InspectionItem::CampaignId)
                            .to(InspectionCampaign::Table, InspectionCampaign::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_inspection_item_code")
                    .table(InspectionItem::Table)
                    .col(InspectionItem::CampaignId)
                    .col(InspectionItem::Code)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InspectionAnswer::Table)
                    .col(pk_auto(InspectionAnswer::Id))
                    .col(integer(InspectionAnswer::ItemId))
                    .col(integer(InspectionAnswer::StaffId))
                    // `yes`, `no` or `na`.
                    .col(string(InspectionAnswer::Answer))
                    .col(timestamp_with_time_zone(InspectionAnswer::AnsweredAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InspectionAnswer::Table, InspectionAnswer::ItemId)
                            .to(InspectionItem::Table, InspectionItem::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(InspectionAnswer::Table, InspectionAnswer::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_inspection_answer_person_item")
                    .table(InspectionAnswer::Table)
                    .col(InspectionAnswer::StaffId)
                    .col(InspectionAnswer::ItemId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            InspectionAnswer::Table.into_iden(),
            InspectionItem::Table.into_iden(),
            InspectionCampaign::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum InspectionCampaign {
    Table,
    Id,
    FiscalYear,
    ReferenceDate,
    CreatedAt,
}

#[derive(DeriveIden)]
enum InspectionItem {
    Table,
    Id,
    CampaignId,
    Position,
    Code,
    GroupCode,
    Text,
    ModuleSlug,
}

#[derive(DeriveIden)]
enum InspectionAnswer {
    Table,
    Id,
    ItemId,
    StaffId,
    Answer,
    AnsweredAt,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
}
