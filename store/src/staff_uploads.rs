//! Staff files uploaded in the admin UI: kept until an admin has looked at the preview (a dry
//! run) and confirmed; then applied once, in one transaction with the import itself.

use crate::{
    Store, StoreError,
    entities::staff_upload,
    staff_import::{ImportError, ImportOptions, ImportReport, Source, import},
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    staff::DirectoryRefusal,
    staff_file::{self, AppliedImport, ImportPreview},
};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, TransactionTrait};

/// A file as the admin uploaded it, with the options chosen on the form.
pub struct NewUpload<'a> {
    pub uploaded_by: &'a str,
    pub uploaded_at: DateTime<Utc>,
    pub file_name: &'a str,
    pub content: Vec<u8>,
    pub effective: NaiveDate,
    pub sync: bool,
}

impl Store {
    pub async fn save_staff_upload(&self, upload: NewUpload<'_>) -> Result<i32, StoreError> {
        let saved = staff_upload::ActiveModel {
            uploaded_by: Set(upload.uploaded_by.to_string()),
            uploaded_at: Set(upload.uploaded_at),
            file_name: Set(upload.file_name.to_string()),
            content: Set(upload.content),
            effective: Set(upload.effective),
            sync: Set(upload.sync),
            applied_at: Set(None),
            applied_by: Set(None),
            applied_report: Set(None),
            ..Default::default()
        }
        .insert(self.db())
        .await?;
        Ok(saved.id)
    }

    /// The upload and what importing it would do now (a dry run), or what it did once applied.
    pub async fn preview_staff_upload(
        &self,
        id: i32,
        now: DateTime<Utc>,
    ) -> Result<ImportPreview, StoreError> {
        let upload = self.staff_upload(id).await?;
        let applied = match (&upload.applied_at, &upload.applied_by) {
            (Some(at), Some(by)) => Some(AppliedImport {
                at: *at,
                by: by.clone(),
            }),
            _ => None,
        };
        let outcome = match &upload.applied_report {
            Some(json) => Ok(serde_json::from_str(json)
                .map_err(|e| StoreError::Corrupt(format!("stored import report: {e}")))?),
            None => match staff_file::parse(&upload.content) {
                Err(errors) => Err(errors),
                Ok(rows) => {
                    let options = ImportOptions {
                        dry_run: true,
                        ..upload_options(&upload, &upload.uploaded_by, now)
                    };
                    match self.import_staff(&rows, options).await {
                        Ok(report) => Ok(report),
                        Err(ImportError::Rows(errors)) => Err(errors),
                        Err(ImportError::Store(error)) => return Err(error),
                    }
                }
            },
        };
        Ok(ImportPreview {
            upload_id: upload.id,
            file_name: upload.file_name,
            effective: upload.effective,
            sync: upload.sync,
            uploaded_by: upload.uploaded_by,
            applied,
            outcome,
        })
    }

    /// Imports an upload for real. An upload is applied at most once; its report is kept.
    pub async fn apply_staff_upload(
        &self,
        id: i32,
        changed_by: &str,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, ImportError> {
        let txn = self.db().begin().await?;
        let upload = staff_upload::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("staff upload {id}")))?;
        if upload.applied_at.is_some() {
            return Err(StoreError::from(DirectoryRefusal::UploadApplied { upload_id: id }).into());
        }
        let rows = staff_file::parse(&upload.content).map_err(ImportError::Rows)?;
        let options = upload_options(&upload, changed_by, now);
        let report = import(&txn, &rows, options, Source::Import).await?;
        let json = serde_json::to_string(&report)
            .map_err(|e| StoreError::Corrupt(format!("import report: {e}")))?;
        let mut applied: staff_upload::ActiveModel = upload.into();
        applied.applied_at = Set(Some(now));
        applied.applied_by = Set(Some(changed_by.to_string()));
        applied.applied_report = Set(Some(json));
        applied.update(&txn).await?;
        txn.commit().await?;
        Ok(report)
    }

    async fn staff_upload(&self, id: i32) -> Result<staff_upload::Model, StoreError> {
        staff_upload::Entity::find_by_id(id)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("staff upload {id}")))
    }
}

fn upload_options<'a>(
    upload: &staff_upload::Model,
    changed_by: &'a str,
    now: DateTime<Utc>,
) -> ImportOptions<'a> {
    ImportOptions {
        effective: upload.effective,
        sync: upload.sync,
        dry_run: false,
        changed_by,
        now,
    }
}
