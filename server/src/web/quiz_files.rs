//! Quiz files: a trainer's question file (GIFT, Aiken or JSON) uploaded with a plain
//! multipart form, the pool downloaded as GIFT or JSON, and a quiz's results as CSV.

use super::{
    FormFailure, csv_download,
    door::{Authorized, Rejection},
    first_error_lines,
};
use axum::{
    extract::{Multipart, Path, Query, State},
    http::{HeaderMap, header},
    response::{IntoResponse, Redirect, Response},
};
use mamori_app::{
    api::{AppState, quiz::replace_pool, requested_slug},
    error::AppError,
    i18n::{Locale, common::line_error},
};
use mamori_domain::url::encode;
use mamori_domain::{
    Refusal,
    quiz::{
        PoolFormat, QuizRefusal,
        results::{attempts_csv, questions_csv},
    },
};
use serde::Deserialize;

/// A question file: thousands of questions fit in far less.
pub(super) const UPLOAD_LIMIT: usize = 5 * 1024 * 1024;

/// Replaces the pool with an uploaded file's questions, then returns to the editor's quiz with
/// the count, or with the errors (the first of them, on their lines) and nothing changed.
pub(super) async fn upload_pool(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    form: Multipart,
) -> Result<Response, Rejection> {
    let slug = requested_slug(&slug)?;
    let editor = format!("/trainer/modules/{}", encode(slug.as_str()));
    let back = |query: String| {
        Redirect::to(&format!("{editor}?tab=quiz&{query}#import-file-heading")).into_response()
    };
    let mut fields = match super::read_form(form).await {
        Ok(fields) => fields,
        Err(FormFailure::TooLarge) => return Ok(back("questions_error=too_large".into())),
        Err(FormFailure::Refused(refusal)) => return Err(refusal),
    };
    let format = fields
        .remove("format")
        .and_then(|f| PoolFormat::from_code(std::str::from_utf8(&f.bytes).ok()?))
        .unwrap_or(PoolFormat::Gift);
    let file = fields
        .remove("file")
        .map(|f| f.bytes)
        .filter(|bytes| !bytes.is_empty());
    let Some(bytes) = file else {
        return Ok(back("questions_error=no_file".into()));
    };
    match replace_pool(&state, &slug, format.read_file(&bytes)).await {
        Ok(count) => Ok(back(format!("questions_imported={count}"))),
        Err(AppError::Refused(Refusal::Quiz(QuizRefusal::Pool { errors }))) => {
            // The page shows the lines as they come: worded here, in the viewer's language.
            let locale = Locale::of_request(&headers);
            let all: Vec<String> = errors.iter().map(|e| line_error(locale, e)).collect();
            let shown = first_error_lines(&all);
            Ok(back(format!(
                "questions_error=lines&lines={}",
                encode(&shown)
            )))
        }
        Err(error) => Err(error.into()),
    }
}

#[derive(Deserialize)]
pub(super) struct ExportQuery {
    format: Option<String>,
}

/// The pool as a GIFT or JSON file, to keep, edit elsewhere, or bring into Moodle.
pub(super) async fn export_pool(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ExportQuery>,
) -> Result<Response, Rejection> {
    let format = query
        .format
        .as_deref()
        .and_then(PoolFormat::from_code)
        .unwrap_or(PoolFormat::Gift);
    let slug = requested_slug(&slug)?;
    let pool = state.store.question_pool(&slug).await?;
    let text = format.write(&pool).ok_or_else(|| {
        AppError::Refused(
            QuizRefusal::FormatUnknown {
                format: format!("{format:?}").to_lowercase(),
            }
            .into(),
        )
    })?;
    let content_type = match format {
        PoolFormat::Json => "application/json",
        _ => "text/plain; charset=utf-8",
    };
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}-questions.{}\"",
                    encode(slug.as_str()),
                    format.extension()
                ),
            ),
        ],
        text,
    )
        .into_response())
}

/// `questions.csv` or `attempts.csv` of a quiz's results, among the people the caller may
/// see (the same scope as the results page).
pub(super) async fn results_csv(
    Authorized(actor): Authorized,
    State(state): State<AppState>,
    Path((slug, file)): Path<(String, String)>,
) -> Result<Response, Rejection> {
    let scope = actor.results_scope().ok_or(AppError::Forbidden)?;
    let slug = requested_slug(&slug)?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let results = state
        .store
        .quiz_results(&slug, scope.divisions(), today)
        .await?;
    let name = format!("quiz-{}-{file}", encode(slug.as_str()));
    match file.as_str() {
        "questions.csv" => Ok(csv_download(&name, questions_csv(&results.questions))),
        "attempts.csv" => Ok(csv_download(&name, attempts_csv(&results.attempts))),
        _ => Err(AppError::NotFound.into()),
    }
}
