//! The admin's staff file routes: a multipart upload that opens the import preview, and the
//! directory as `staff.csv`.

use super::{
    FormFailure,
    door::{Authorized, Rejection},
};
use axum::{
    extract::{Multipart, Query, State},
    response::{IntoResponse, Redirect, Response},
};
use mamori_app::{api::AppState, error::AppError};
use mamori_domain::staff::DirectoryRefusal;
use serde::Deserialize;

/// The largest staff file accepted (10,000 people take about 1 MB).
pub(super) const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// The admin UI's staff file upload: keeps the file and opens its preview page, where the
/// admin confirms. A plain multipart form post, so it works with and without JavaScript.
pub(super) async fn upload_staff(
    Authorized(admin): Authorized,
    State(state): State<AppState>,
    form: Multipart,
) -> Result<Response, Rejection> {
    let back = |code: &str| {
        Redirect::to(&format!("/admin/staff?tab=import&import_error={code}")).into_response()
    };
    let mut fields = match super::read_form(form).await {
        Ok(fields) => fields,
        Err(FormFailure::TooLarge) => return Ok(back("too_large")),
        Err(FormFailure::Refused(refusal)) => return Err(refusal),
    };
    let text = |field: Option<super::FormField>| {
        field.map_or(String::new(), |f| {
            String::from_utf8_lossy(&f.bytes).trim().to_string()
        })
    };
    let effective = text(fields.remove("effective"));
    let sync = text(fields.remove("sync")) == "true";
    let file = fields.remove("file").map(|f| {
        (
            f.file_name.unwrap_or_else(|| "staff.csv".to_string()),
            f.bytes,
        )
    });
    let Some((file_name, content)) = file.filter(|(_, content)| !content.is_empty()) else {
        return Ok(back("no_file"));
    };
    let now = chrono::Utc::now();
    let effective = if effective.is_empty() {
        mamori_domain::agency_date(now)
    } else {
        match chrono::NaiveDate::parse_from_str(&effective, "%Y-%m-%d") {
            Ok(date) => date,
            Err(_) => return Ok(back("bad_date")),
        }
    };
    let upload = mamori_store::staff_uploads::NewUpload {
        uploaded_by: admin.employee_id.as_str(),
        uploaded_at: now,
        file_name: &file_name,
        content,
        effective,
        sync,
    };
    let id = state.store.save_staff_upload(upload).await?;
    Ok(Redirect::to(&format!("/admin/staff/import/{id}")).into_response())
}

#[derive(Deserialize)]
pub(super) struct ExportQuery {
    as_of: Option<String>,
}

/// The staff directory as `staff.csv`, as of a date (default today). Admins only.
pub(super) async fn export_staff(
    State(state): State<AppState>,
    Query(query): Query<ExportQuery>,
) -> Result<Response, Rejection> {
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let as_of = match query.as_of.as_deref().filter(|d| !d.is_empty()) {
        None => today,
        Some(raw) => chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
            AppError::Refused(
                DirectoryRefusal::BadDate {
                    value: raw.to_string(),
                }
                .into(),
            )
        })?,
    };
    let rows = state.store.staff_rows_as_of(as_of).await?;
    Ok(super::csv_download(
        &format!("staff-{as_of}.csv"),
        mamori_domain::staff_file::write(&rows),
    ))
}
