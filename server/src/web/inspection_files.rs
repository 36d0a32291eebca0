//! Self-inspection files: an admin's `items.csv` uploaded with a plain multipart form, and
//! the results tables (Table 1, item shares, submissions by division, non-submitters) as CSV
//! or `.xlsx`, with the same scope as the results page.

use super::{FormFailure, first_error_lines, read_form, refused, report_files::respond};
use axum::{
    Router,
    extract::{Multipart, Path},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::{get, post},
};
use mamori_app::api::{AppState, authorize};
use mamori_domain::{
    FiscalYear, Permission, agency_date,
    inspection::{
        files::parse_items,
        output::{divisions_table, figures_table, item_shares_table, non_submitters_table},
    },
    url::encode,
};
use mamori_store::{StoreError, staff_import::ImportError};

/// An items file: hundreds of items fit in far less.
const UPLOAD_LIMIT: usize = 1024 * 1024;

pub(super) fn routes<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    Router::new()
        .route(
            "/admin/inspection/{year}/items",
            post({
                let state = state.clone();
                move |Path(year): Path<i32>, headers: HeaderMap, form: Multipart| {
                    upload_items(state.clone(), year, headers, form)
                }
            })
            .layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/inspection/{year}/{file}",
            get(
                move |Path((year, file)): Path<(i32, String)>, headers: HeaderMap| {
                    results_file(state.clone(), year, file, headers)
                },
            ),
        )
}

/// Replaces the campaign's items with the file's, then returns to the campaign page with the
/// count, or with every bad row (the first of them) and nothing changed.
async fn upload_items(state: AppState, year: i32, headers: HeaderMap, form: Multipart) -> Response {
    if let Err(error) = authorize(&state, &headers, Permission::AdministerInspection).await {
        return refused(error);
    }
    let back = |query: String| {
        Redirect::to(&format!("/admin/inspection/{year}?{query}#items-heading")).into_response()
    };
    let errors = |lines: Vec<String>| {
        back(format!(
            "items_error={}",
            encode(&first_error_lines(&lines))
        ))
    };
    let file = match read_form(form).await {
        Ok(mut fields) => fields
            .remove("file")
            .map(|f| f.bytes)
            .filter(|b| !b.is_empty()),
        Err(FormFailure::TooLarge) => {
            return errors(vec!["items.csv: too large (1 MB at most)".into()]);
        }
        Err(FormFailure::Other(response)) => return response,
    };
    let Some(bytes) = file else {
        return errors(vec!["items.csv: no file was chosen".into()]);
    };
    // The page shows the bad lines as they are, so they are worded in the viewer's language.
    let locale = mamori_app::api::cookie_value(&headers, mamori_app::i18n::LANGUAGE_COOKIE)
        .map_or_else(Default::default, |code| {
            mamori_app::i18n::Locale::from_code(&code)
        });
    let bad_lines = |lines: Vec<mamori_domain::csv::LineError>| {
        errors(
            lines
                .iter()
                .map(|e| mamori_app::i18n::common::line_error(locale, e))
                .collect(),
        )
    };
    let rows = match parse_items(&bytes) {
        Ok(rows) => rows,
        Err(lines) => return bad_lines(lines),
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
        Ok(report) => back(format!("items_imported={}", report.items)),
        Err(ImportError::Rows(lines)) => bad_lines(lines),
        Err(ImportError::Store(StoreError::Conflict(message) | StoreError::Invalid(message))) => {
            errors(vec![message])
        }
        Err(ImportError::Store(error)) => {
            tracing::error!(%error, "importing inspection items failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn results_file(state: AppState, year: i32, file: String, headers: HeaderMap) -> Response {
    let Some((name, format)) = super::report_files::name_and_format(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let figures = matches!(name, "table1" | "items");
    if !figures && !matches!(name, "divisions" | "non-submitters") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let permission = if figures {
        Permission::AdministerInspection
    } else {
        Permission::ViewInspectionStatus
    };
    let actor = match authorize(&state, &headers, permission).await {
        Ok(actor) => actor,
        Err(error) => return refused(error),
    };
    let Some(scope) = actor.inspection_scope() else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let today = agency_date(chrono::Utc::now());
    let results = state
        .store
        .inspection_results(FiscalYear::new(year), &scope, figures, today)
        .await;
    let table = results.map(|results| match (name, &results.figures) {
        ("table1", Some(f)) => figures_table(f),
        ("items", Some(f)) => item_shares_table(f, &results.items),
        ("divisions", _) => divisions_table(&results.status),
        _ => non_submitters_table(&results.status),
    });
    respond(table, &format!("inspection-{year}-{name}"), format)
}
