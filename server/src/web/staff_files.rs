//! The admin's staff file routes: a multipart upload that opens the import preview, and the
//! directory as `staff.csv`.

use axum::response::{IntoResponse, Redirect, Response};
use mamori_app::api::AppState;
use serde::Deserialize;

/// The largest staff file accepted (10,000 people take about 1 MB).
pub(super) const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// The admin UI's staff file upload: keeps the file and opens its preview page, where the
/// admin confirms. A plain multipart form post, so it works with and without JavaScript.
pub(super) async fn upload_staff(
    state: AppState,
    headers: axum::http::HeaderMap,
    mut form: axum::extract::Multipart,
) -> Response {
    use mamori_app::api::authorize;
    let admin = match authorize(&state, &headers, mamori_domain::Permission::AdministerStaff).await
    {
        Ok(actor) => actor,
        Err(error) => return super::refused(error),
    };
    let back = |code: &str| {
        Redirect::to(&format!("/admin/staff?import_error={code}#import-heading")).into_response()
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut effective = String::new();
    let mut sync = false;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return back("too_large");
            }
            Err(error) => return (error.status(), error.body_text()).into_response(),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().unwrap_or("staff.csv").to_string();
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(error) if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return back("too_large");
            }
            Err(error) => return (error.status(), error.body_text()).into_response(),
        };
        match name.as_str() {
            "file" => file = Some((file_name, bytes.to_vec())),
            "effective" => effective = String::from_utf8_lossy(&bytes).trim().to_string(),
            "sync" => sync = bytes.as_ref() == b"true",
            _ => {}
        }
    }
    let Some((file_name, content)) = file.filter(|(_, content)| !content.is_empty()) else {
        return back("no_file");
    };
    let now = chrono::Utc::now();
    let effective = if effective.is_empty() {
        mamori_domain::agency_date(now)
    } else {
        match chrono::NaiveDate::parse_from_str(&effective, "%Y-%m-%d") {
            Ok(date) => date,
            Err(_) => return back("bad_date"),
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
    match state.store.save_staff_upload(upload).await {
        Ok(id) => Redirect::to(&format!("/admin/staff/import/{id}")).into_response(),
        Err(error) => {
            tracing::error!(%error, "saving a staff upload failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Deserialize)]
pub(super) struct ExportQuery {
    as_of: Option<String>,
}

/// The staff directory as `staff.csv`, as of a date (default today). Admins only.
pub(super) async fn export_staff(
    state: AppState,
    headers: axum::http::HeaderMap,
    query: ExportQuery,
) -> Response {
    use mamori_app::api::{authorize, status_of};
    if let Err(error) =
        authorize(&state, &headers, mamori_domain::Permission::AdministerStaff).await
    {
        return (status_of(&error), error.to_string()).into_response();
    }
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let as_of = match query.as_of.as_deref().filter(|d| !d.is_empty()) {
        None => today,
        Some(raw) => match chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(date) => date,
            Err(_) => {
                return (
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "as_of must be YYYY-MM-DD",
                )
                    .into_response();
            }
        },
    };
    match state.store.staff_rows_as_of(as_of).await {
        Ok(rows) => super::csv_download(
            &format!("staff-{as_of}.csv"),
            mamori_domain::staff_file::write(&rows),
        ),
        Err(error) => {
            tracing::error!(%error, "staff export failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}
