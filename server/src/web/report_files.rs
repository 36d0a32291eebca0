//! Report exports: every report table as CSV (UTF-8 with a byte-order mark, for Excel on
//! Japanese Windows) or as an Excel workbook, with the same scope and rows as its page.

use super::{csv_download, download, refused};
use axum::{
    Router,
    extract::{Path, Query},
    http::{HeaderMap, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
};
use chrono::Datelike;
use mamori_app::api::{
    AppState, authorize,
    reports::{load_dashboard, load_people, scope_of},
};
use mamori_domain::{
    Permission, ResultsScope,
    report::{
        Dimension,
        query::ReportQuery,
        table::{
            Cell, Table, breakdown_table, curve_table, materials_table, people_table,
            transcript_table,
        },
    },
};
use mamori_store::StoreError;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

pub(super) fn routes<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    Router::new()
        .route(
            "/reports/{file}",
            get({
                let state = state.clone();
                move |Path(file): Path<String>, headers: HeaderMap, query: Query<ReportQuery>| {
                    report_file(state.clone(), file, headers, query.0)
                }
            }),
        )
        .route(
            "/reports/staff/{employee_id}/{file}",
            get(
                move |Path((employee_id, file)): Path<(String, String)>, headers: HeaderMap| {
                    transcript_file(state.clone(), employee_id, file, headers)
                },
            ),
        )
}

/// A file's format, from its extension.
#[derive(Clone, Copy)]
pub(super) enum FileFormat {
    Csv,
    Xlsx,
}

/// `NAME.csv` or `NAME.xlsx`.
pub(super) fn name_and_format(file: &str) -> Option<(&str, FileFormat)> {
    let (name, extension) = file.rsplit_once('.')?;
    let format = match extension {
        "csv" => FileFormat::Csv,
        "xlsx" => FileFormat::Xlsx,
        _ => return None,
    };
    Some((name, format))
}

async fn viewer_scope(state: &AppState, headers: &HeaderMap) -> Result<ResultsScope, Response> {
    let actor = authorize(state, headers, Permission::ViewTrainingResults)
        .await
        .map_err(refused)?;
    scope_of(&actor).map_err(refused)
}

async fn report_file(
    state: AppState,
    file: String,
    headers: HeaderMap,
    query: ReportQuery,
) -> Response {
    let Some((name, format)) = name_and_format(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let scope = match viewer_scope(&state, &headers).await {
        Ok(scope) => scope,
        Err(response) => return response,
    };
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let table = match name {
        "people" => load_people(&state, &scope, &query, today)
            .await
            .map(|(entries, on)| people_table(&entries, on)),
        "curve" => load_dashboard(&state, &scope, &query, today)
            .await
            .map(|dashboard| curve_table(&dashboard.curve)),
        "materials" => {
            let (year, on) = query.viewing(today);
            let slug = query.module.clone().unwrap_or_default();
            state
                .store
                .material_report(&slug, year, on, &scope)
                .await
                .map(|report| materials_table(&report))
        }
        name => match Dimension::from_code(name) {
            Some(dimension) => load_dashboard(&state, &scope, &query, today)
                .await
                .map(|dashboard| breakdown_table(dimension, dashboard.rows(dimension))),
            None => return StatusCode::NOT_FOUND.into_response(),
        },
    };
    let (year, _) = query.viewing(today);
    respond(table, &format!("{name}-{}", year.start_year()), format)
}

async fn transcript_file(
    state: AppState,
    employee_id: String,
    file: String,
    headers: HeaderMap,
) -> Response {
    let Some(("transcript", format)) = name_and_format(&file) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let scope = match viewer_scope(&state, &headers).await {
        Ok(scope) => scope,
        Err(response) => return response,
    };
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let table = state
        .store
        .transcript(&employee_id, today, &scope)
        .await
        .map(|transcript| transcript_table(&transcript));
    let name = format!("transcript-{}", mamori_domain::url::encode(&employee_id));
    respond(table, &name, format)
}

pub(super) fn respond(
    table: Result<Table, StoreError>,
    name: &str,
    format: FileFormat,
) -> Response {
    let table = match table {
        Ok(table) => table,
        Err(StoreError::NotFound(_)) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(%error, "reading a report failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match format {
        FileFormat::Csv => csv_download(&format!("{name}.csv"), table.to_csv()),
        FileFormat::Xlsx => match workbook(&table) {
            Ok(bytes) => download(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{name}.xlsx"),
                bytes,
            ),
            Err(error) => {
                tracing::error!(%error, "writing a workbook failed");
                StatusCode::INTERNAL_SERVER_ERROR.into_response()
            }
        },
    }
}

/// The table as a one-sheet workbook: a bold, frozen heading row; counts as numbers, shares
/// as percentages with one decimal, dates as dates.
fn workbook(table: &Table) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(&table.name)?;
    let bold = Format::new().set_bold();
    let share = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (column, heading) in table.columns.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, heading, &bold)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let row_number = index as u32 + 1;
        for (column, cell) in row.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(text) => {
                    sheet.write_string(row_number, column, text)?;
                }
                Cell::Count(n) => {
                    sheet.write_number(row_number, column, *n as f64)?;
                }
                Cell::Share(part) => {
                    if let Some(fraction) = part.fraction() {
                        sheet.write_number_with_format(row_number, column, fraction, &share)?;
                    }
                }
                Cell::Date(day) => {
                    let excel = ExcelDateTime::from_ymd(
                        day.year() as u16,
                        day.month() as u8,
                        day.day() as u8,
                    )?;
                    sheet.write_datetime_with_format(row_number, column, &excel, &date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    workbook.save_to_buffer()
}
