//! Training modules with versioned materials, assignments, enrollments and material views.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TrainingModule::Table)
                    .col(pk_auto(TrainingModule::Id))
                    .col(string_uniq(TrainingModule::Slug))
                    .col(string(TrainingModule::Title))
                    .col(text(TrainingModule::Summary))
                    .col(integer(TrainingModule::EstimatedMinutes))
                    .col(string(TrainingModule::Status))
                    // 0 until first published; learners see this version.
                    .col(integer(TrainingModule::PublishedVersion).default(0))
                    // The version trainers edit: the published one plus one once changed.
                    .col(integer(TrainingModule::DraftVersion).default(1))
                    .col(string(TrainingModule::CreatedBy))
                    .col(timestamp_with_time_zone(TrainingModule::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Material::Table)
                    .col(pk_auto(Material::Id))
                    .col(integer(Material::ModuleId))
                    .col(integer(Material::Version))
                    .col(integer(Material::Position))
                    .col(string(Material::Kind))
                    .col(string(Material::Title))
                    .col(text(Material::BodyMarkdown))
                    .col(text(Material::BodyHtml))
                    .col(integer(Material::MinActiveSeconds))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Material::Table, Material::ModuleId)
                            .to(TrainingModule::Table, TrainingModule::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Assignment::Table)
                    .col(pk_auto(Assignment::Id))
                    .col(integer(Assignment::ModuleId))
                    .col(integer(Assignment::FiscalYear))
                    .col(text(Assignment::Target))
                    .col(text(Assignment::DueRule))
                    .col(string(Assignment::CreatedBy))
                    .col(timestamp_with_time_zone(Assignment::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Assignment::Table, Assignment::ModuleId)
                            .to(TrainingModule::Table, TrainingModule::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Enrollment::Table)
                    .col(pk_auto(Enrollment::Id))
                    .col(integer(Enrollment::StaffId))
                    .col(integer(Enrollment::AssignmentId))
                    .col(integer(Enrollment::Version))
                    .col(timestamp_with_time_zone(Enrollment::StartedAt))
                    .col(timestamp_with_time_zone_null(Enrollment::CompletedAt))
                    .col(string_null(Enrollment::VerificationCode).unique_key())
                    .foreign_key(
                        ForeignKey::create()
                            .from(Enrollment::Table, Enrollment::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Enrollment::Table, Enrollment::AssignmentId)
                            .to(Assignment::Table, Assignment::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_enrollment_person_assignment")
                    .table(Enrollment::Table)
                    .col(Enrollment::StaffId)
                    .col(Enrollment::AssignmentId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MaterialView::Table)
                    .col(pk_auto(MaterialView::Id))
                    .col(integer(MaterialView::StaffId))
                    .col(integer(MaterialView::MaterialId))
                    .col(timestamp_with_time_zone(MaterialView::FirstViewAt))
                    .col(timestamp_with_time_zone(MaterialView::LastViewAt))
                    .col(integer(MaterialView::Views))
                    .col(integer(MaterialView::ActiveSeconds))
                    .col(timestamp_with_time_zone_null(MaterialView::LastBeatAt))
                    .col(boolean(MaterialView::ReachedEnd))
                    .col(timestamp_with_time_zone_null(MaterialView::ViewedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(MaterialView::Table, MaterialView::StaffId)
                            .to(Staff::Table, Staff::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(MaterialView::Table, MaterialView::MaterialId)
                            .to(Material::Table, Material::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_material_view_person_material")
                    .table(MaterialView::Table)
                    .col(MaterialView::StaffId)
                    .col(MaterialView::MaterialId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MaterialView::Table.into_iden(),
            Enrollment::Table.into_iden(),
            Assignment::Table.into_iden(),
            Material::Table.into_iden(),
            TrainingModule::Table.into_iden(),
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
enum TrainingModule {
    Table,
    Id,
    Slug,
    Title,
    Summary,
    EstimatedMinutes,
    Status,
    PublishedVersion,
    DraftVersion,
    CreatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Material {
    Table,
    Id,
    ModuleId,
    Version,
    Position,
    Kind,
    Title,
    BodyMarkdown,
    BodyHtml,
    MinActiveSeconds,
}

#[derive(DeriveIden)]
enum Assignment {
    Table,
    Id,
    ModuleId,
    FiscalYear,
    Target,
    DueRule,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Enrollment {
    Table,
    Id,
    StaffId,
    AssignmentId,
    Version,
    StartedAt,
    CompletedAt,
    VerificationCode,
}

#[derive(DeriveIden)]
enum MaterialView {
    Table,
    Id,
    StaffId,
    MaterialId,
    FirstViewAt,
    LastViewAt,
    Views,
    ActiveSeconds,
    LastBeatAt,
    ReachedEnd,
    ViewedAt,
}
