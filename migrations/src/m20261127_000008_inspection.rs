//! The yearly self-inspection: one campaign per fiscal year (its reference date), its
//! compliance items (each of one group, perhaps answered by a training module), each
//! person's answer sheet (one row, one letter per item) and every change made to it.

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
                    // Answering in Mamori: from this day to that day (none: not opened).
                    .col(date_null(InspectionCampaign::OpensOn))
                    .col(date_null(InspectionCampaign::ClosesOn))
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
                    .table(InspectionResponse::Table)
                    .col(pk_auto(InspectionResponse::Id))
                    .col(integer(InspectionResponse::CampaignId))
                    .col(integer(InspectionResponse::StaffId))
                    // The answers in force (submitted or imported), then an unsubmitted draft.
                    .col(string(InspectionResponse::Answers))
                    .col(string_null(InspectionResponse::Draft))
                    .col(timestamp_with_time_zone_null(
                        InspectionResponse::SubmittedAt,
                    ))
                    .col(timestamp_with_time_zone(InspectionResponse::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InspectionResponse::Table, InspectionResponse::CampaignId)
                            .to(InspectionCampaign::Table, InspectionCampaign::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(InspectionResponse::Table, InspectionResponse::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_inspection_response_person")
                    .table(InspectionResponse::Table)
                    .col(InspectionResponse::CampaignId)
                    .col(InspectionResponse::StaffId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(InspectionChange::Table)
                    .col(pk_auto(InspectionChange::Id))
                    .col(integer(InspectionChange::CampaignId))
                    .col(integer(InspectionChange::StaffId))
                    .col(string(InspectionChange::Answers))
                    // `form` or `import`.
                    .col(string(InspectionChange::Source))
                    .col(timestamp_with_time_zone(InspectionChange::ChangedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(InspectionChange::Table, InspectionChange::CampaignId)
                            .to(InspectionCampaign::Table, InspectionCampaign::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(InspectionChange::Table, InspectionChange::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_inspection_change_person")
                    .table(InspectionChange::Table)
                    .col(InspectionChange::CampaignId)
                    .col(InspectionChange::StaffId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            InspectionChange::Table.into_iden(),
            InspectionResponse::Table.into_iden(),
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
    OpensOn,
    ClosesOn,
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
enum InspectionResponse {
    Table,
    Id,
    CampaignId,
    StaffId,
    Answers,
    Draft,
    SubmittedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum InspectionChange {
    Table,
    Id,
    CampaignId,
    StaffId,
    Answers,
    Source,
    ChangedAt,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
}
