//! The files of materials (documents, uploaded videos, captions) as the file route serves
//! them: to a learner taking the material, opening a document counting as viewing it, and to
//! trainers.

use super::progress::{ViewReport, material_by_id, taking};
use crate::{
    Store, StoreError,
    entities::{material, material_file},
};
use chrono::{DateTime, Utc};
use mamori_domain::{media::MediaType, training::MaterialKind};
use sea_orm::{ConnectionTrait, EntityTrait};

/// Which file of a material.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaterialFileRole {
    /// The document, or the uploaded video.
    Main,
    Captions,
}

/// A file to serve: its name on disk (the SHA-256), its type and its original name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileToServe {
    pub sha256: String,
    pub media: MediaType,
    pub file_name: String,
}

impl Store {
    /// The file of a material for a learner taking it; opening a document counts as viewing
    /// it. Anyone else gets `NotFound`.
    pub async fn file_for_learner(
        &self,
        staff_id: i32,
        material_id: i32,
        role: MaterialFileRole,
        now: DateTime<Utc>,
    ) -> Result<FileToServe, StoreError> {
        let row = material_by_id(self.db(), material_id).await?;
        let file = file_of(self.db(), &row, role).await?;
        if row.kind == MaterialKind::Document.code() && role == MaterialFileRole::Main {
            let opened = ViewReport {
                document_opened: true,
                ..Default::default()
            };
            self.record_view(staff_id, &row, opened, now).await?;
        } else {
            taking(self.db(), staff_id, &row).await?;
        }
        Ok(file)
    }

    /// The file of any material, for trainers.
    pub async fn file_for_author(
        &self,
        material_id: i32,
        role: MaterialFileRole,
    ) -> Result<FileToServe, StoreError> {
        let row = material_by_id(self.db(), material_id).await?;
        file_of(self.db(), &row, role).await
    }
}

async fn file_of(
    db: &impl ConnectionTrait,
    row: &material::Model,
    role: MaterialFileRole,
) -> Result<FileToServe, StoreError> {
    let id = match role {
        MaterialFileRole::Main => row.file_id,
        MaterialFileRole::Captions => row.captions_file_id,
    };
    let missing = || StoreError::NotFound(format!("file of material {}", row.id));
    let file = material_file::Entity::find_by_id(id.ok_or_else(missing)?)
        .one(db)
        .await?
        .ok_or_else(missing)?;
    Ok(FileToServe {
        media: MediaType::from_code(&file.media).ok_or_else(missing)?,
        sha256: file.sha256,
        file_name: file.file_name,
    })
}
