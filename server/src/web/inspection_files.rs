//! Self-inspection files: an admin's `items.csv` uploaded with a plain multipart form, and
//! the results tables (Table 1, item shares, submissions by division, non-submitters) as CSV
//! or `.xlsx`, with the same scope as the results page.

use super::{
    FormFailure,
    door::{Authorized, Rejection, record},
    first_error_lines, read_form,
    report_files::{name_and_format, respond},
};
use axum::{
    extract::{Extension, Multipart, Path, State},
    http::HeaderMap,
    response::{IntoResponse, Redirect, Response},
};
use mamori_app::{
    api::{AppState, ClientAddress},
    error::AppError,
    i18n::{Locale, common::line_error},
};
use mamori_domain::{
    AuditAction, FiscalYear, Permission, agency_date,
    inspection::{
        files::parse_items,
        output::{divisions_table, figures_table, item_shares_table, non_submitters_table},
    },
    url::encode,
};
use mamori_store::{StoreError, staff_import::ImportError};

/// An items file: hundreds of items fit in far less.
pub(super) const UPLOAD_LIMIT: usize = 1024 * 1024;

/// Replaces the campaign's items with the file's, then returns to the campaign page with the
/// count, or with every bad row (the first of them) and nothing changed.
pub(super) async fn upload_items(
    Authorized(actor): Authorized,
    Extension(address): Extension<ClientAddress>,
    State(state): State<AppState>,
    Path(year): Path<i32>,
    headers: HeaderMap,
    form: Multipart,
) -> Result<Response, Rejection> {
    let back = |query: String| {
        Redirect::to(&format!("/admin/inspection/{year}?{query}#items-heading")).into_response()
    };
    let errors = |lines: Vec<String>| {
        back(format!(
            "items_error={}",
            encode(&first_error_lines(&lines))
        ))
    };
    // The page shows what went wrong as it is, so it is worded in the viewer's language.
    let locale = Locale::of_request(&headers);
    let t = locale.texts();
    let file = match read_form(form).await {
        Ok(mut fields) => fields
            .remove("file")
            .map(|f| f.bytes)
            .filter(|b| !b.is_empty()),
        Err(FormFailure::TooLarge) => {
            return Ok(errors(vec![t.inspection.items_file_too_large.into()]));
        }
        Err(FormFailure::Refused(refusal)) => return Err(refusal),
    };
    let Some(bytes) = file else {
        return Ok(errors(vec![t.inspection.items_file_missing.into()]));
    };
    let bad_lines = |lines: Vec<mamori_domain::csv::LineError>| {
        errors(lines.iter().map(|e| line_error(locale, e)).collect())
    };
    let rows = match parse_items(&bytes) {
        Ok(rows) => rows,
        Err(lines) => return Ok(bad_lines(lines)),
    };
    let imported = state
        .store
        .import_inspection_items(
            FiscalYear::new(year),
            &rows,
            None,
            false,
            chrono::Utc::now(),
        )
        .await;
    match imported {
        Ok(report) => {
            let detail = format!("FY{year}: {} items imported from a file", report.items);
            record(
                &state,
                &actor,
                &address,
                AuditAction::InspectionItemsChanged,
                &detail,
            )
            .await?;
            Ok(back(format!("items_imported={}", report.items)))
        }
        Err(ImportError::Rows(lines)) => Ok(bad_lines(lines)),
        Err(ImportError::Store(StoreError::Refused(reason))) => {
            Ok(errors(vec![locale.refusal(&reason)]))
        }
        Err(ImportError::Store(error)) => Err(error.into()),
    }
}

/// A results table of a campaign as `NAME.csv` or `NAME.xlsx`: Table 1 and the item shares
/// for admins, submissions by division and the non-submitters within the caller's scope.
pub(super) async fn results_file(
    Authorized(actor): Authorized,
    State(state): State<AppState>,
    Path((year, file)): Path<(i32, String)>,
) -> Result<Response, Rejection> {
    let (name, format) = name_and_format(&file).ok_or(AppError::NotFound)?;
    let figures = matches!(name, "table1" | "items");
    if !figures && !matches!(name, "divisions" | "non-submitters") {
        return Err(AppError::NotFound.into());
    }
    if figures && !actor.can(Permission::AdministerInspection) {
        return Err(AppError::Forbidden.into());
    }
    let scope = actor.inspection_scope().ok_or(AppError::Forbidden)?;
    let today = agency_date(chrono::Utc::now());
    let results = state
        .store
        .inspection_results(FiscalYear::new(year), &scope, figures, today)
        .await?;
    let table = match (name, &results.figures) {
        ("table1", Some(f)) => figures_table(f),
        ("items", Some(f)) => item_shares_table(f, &results.items),
        ("divisions", _) => divisions_table(&results.status),
        _ => non_submitters_table(&results.status),
    };
    respond(&table, &format!("inspection-{year}-{name}"), format)
}
