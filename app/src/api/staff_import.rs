//! The staff file import in the admin UI. The upload itself is a plain form post to
//! `/admin/staff/import` (see the server's web module), which keeps the file and opens its
//! preview page; these functions show the preview and apply it.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::staff_file::{ImportPreview, ImportReport};

#[cfg(feature = "ssr")]
use super::server::{Needs, internal, refuse, refused, require, store_error};
#[cfg(feature = "ssr")]
use mamori_domain::Permission;

/// An uploaded file and what importing it would do now (a dry run), or what it did. Admins only.
#[server(endpoint = "preview_import")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn preview_import(upload_id: i32) -> Result<ImportPreview, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    state
        .store
        .preview_staff_upload(upload_id, chrono::Utc::now())
        .await
        .map_err(|error| match error {
            mamori_store::StoreError::NotFound(_) => refuse(AppError::NotFound),
            other => internal(other),
        })
}

/// Imports an uploaded file for real, once. Admins only.
#[server(endpoint = "confirm_import")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn confirm_import(upload_id: i32) -> Result<ImportReport, AppError> {
    use mamori_domain::staff::DirectoryRefusal;
    use mamori_store::staff_import::ImportError;
    let (state, actor) = require(Permission::AdministerStaff).await?;
    match state
        .store
        .apply_staff_upload(upload_id, actor.employee_id.as_str(), chrono::Utc::now())
        .await
    {
        Ok(report) => Ok(report),
        // The preview page lists the bad rows; the directory changed since it was shown.
        Err(ImportError::Rows(errors)) => Err(refused(DirectoryRefusal::BadRows {
            count: errors.len(),
        })),
        Err(ImportError::Store(error)) => Err(store_error(error)),
    }
}
