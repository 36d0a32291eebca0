//! Documents and videos: uploaded files (kept on disk by content hash, described here), the
//! materials that show them, and the evidence for their "viewed" rules.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(MaterialFile::Table)
                    .col(pk_auto(MaterialFile::Id))
                    // The file's name on disk under the data folder's `materials/`.
                    .col(string(MaterialFile::Sha256))
                    .col(string(MaterialFile::Media))
                    .col(string(MaterialFile::FileName))
                    .col(big_integer(MaterialFile::SizeBytes))
                    .col(string(MaterialFile::UploadedBy))
                    .col(timestamp_with_time_zone(MaterialFile::UploadedAt))
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters a table one column at a time. Versions of a
        // material share its file rows, so files are never deleted with a material.
        for column in [
            integer_null(Material::FileId),
            integer_null(Material::CaptionsFileId),
            string_null(Material::VideoUrl),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Material::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            integer(MaterialView::WatchedPercent).default(0).to_owned(),
            boolean(MaterialView::DocumentOpened)
                .default(false)
                .to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MaterialView::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [MaterialView::WatchedPercent, MaterialView::DocumentOpened] {
            manager
                .alter_table(
                    Table::alter()
                        .table(MaterialView::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            Material::FileId,
            Material::CaptionsFileId,
            Material::VideoUrl,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Material::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(MaterialFile::Table).to_owned())
            .await
    }
}

#[derive(DeriveIden)]
enum MaterialFile {
    Table,
    Id,
    Sha256,
    Media,
    FileName,
    SizeBytes,
    UploadedBy,
    UploadedAt,
}

#[derive(DeriveIden)]
enum Material {
    Table,
    FileId,
    CaptionsFileId,
    VideoUrl,
}

#[derive(DeriveIden)]
enum MaterialView {
    Table,
    WatchedPercent,
    DocumentOpened,
}
