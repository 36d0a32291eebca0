//! Report exports: every report table as CSV (UTF-8 with a byte-order mark, for Excel on
//! Japanese Windows) or as an Excel workbook, with the same scope and rows as its page.

use super::{
    csv_download,
    door::{Authorized, Rejection},
    download,
};
use axum::{
    extract::{Path, Query, State},
    response::Response,
};
use chrono::Datelike;
use mamori_app::{
    api::{
        AppState,
        reports::{load_dashboard, load_people, scope_of},
        requested_employee_id, requested_slug,
    },
    error::AppError,
};
use mamori_domain::report::{
    Dimension,
    query::ReportQuery,
    table::{
        Cell, Table, breakdown_table, curve_table, materials_table, people_table, transcript_table,
    },
};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

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

/// A report table as `NAME.csv` or `NAME.xlsx`, among the people the caller may see.
pub(super) async fn report_file(
    Authorized(actor): Authorized,
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(query): Query<ReportQuery>,
) -> Result<Response, Rejection> {
    let (name, format) = name_and_format(&file).ok_or(AppError::NotFound)?;
    let scope = scope_of(&actor)?;
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
            let slug = requested_slug(query.module.as_deref().unwrap_or_default())?;
            state
                .store
                .material_report(&slug, year, on, &scope)
                .await
                .map(|report| materials_table(&report))
        }
        name => {
            let dimension = Dimension::from_code(name).ok_or(AppError::NotFound)?;
            load_dashboard(&state, &scope, &query, today)
                .await
                .map(|dashboard| breakdown_table(dimension, dashboard.rows(dimension)))
        }
    };
    let (year, _) = query.viewing(today);
    respond(&table?, &format!("{name}-{}", year.start_year()), format)
}

/// A person's transcript as `transcript.csv` or `transcript.xlsx`, if the caller may see them.
pub(super) async fn transcript_file(
    Authorized(actor): Authorized,
    State(state): State<AppState>,
    Path((employee_id, file)): Path<(String, String)>,
) -> Result<Response, Rejection> {
    let Some(("transcript", format)) = name_and_format(&file) else {
        return Err(AppError::NotFound.into());
    };
    let employee_id = requested_employee_id(&employee_id)?;
    let scope = scope_of(&actor)?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let transcript = state.store.transcript(&employee_id, today, &scope).await?;
    let name = format!(
        "transcript-{}",
        mamori_domain::url::encode(employee_id.as_str())
    );
    respond(&transcript_table(&transcript), &name, format)
}

/// A table to download in `format`, as `NAME.csv` or `NAME.xlsx`.
pub(super) fn respond(
    table: &Table,
    name: &str,
    format: FileFormat,
) -> Result<Response, Rejection> {
    match format {
        FileFormat::Csv => Ok(csv_download(&format!("{name}.csv"), table.to_csv())),
        FileFormat::Xlsx => {
            let bytes = workbook(table).map_err(|error| {
                tracing::error!(%error, "writing a workbook failed");
                AppError::Internal
            })?;
            Ok(download(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{name}.xlsx"),
                bytes,
            ))
        }
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
