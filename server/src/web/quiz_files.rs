//! Quiz files: a trainer's question file (GIFT, Aiken or JSON) uploaded with a plain
//! multipart form, the pool downloaded as GIFT or JSON, and a quiz's results as CSV.

use super::{csv_download, first_error_lines, refused};
use axum::{
    Router,
    extract::{Multipart, Path, Query},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use mamori_app::{
    api::{AppState, authorize, quiz::replace_pool},
    error::AppError,
    i18n::{Locale, quiz::pool_error},
};
use mamori_domain::url::encode;
use mamori_domain::{
    Permission, Refusal,
    quiz::{
        PoolFormat, QuizRefusal,
        results::{attempts_csv, questions_csv},
    },
};
use mamori_store::StoreError;
use serde::Deserialize;

/// A question file: thousands of questions fit in far less.
const UPLOAD_LIMIT: usize = 5 * 1024 * 1024;

pub(super) fn routes<S: Clone + Send + Sync + 'static>(state: AppState) -> Router<S> {
    Router::new()
        .route(
            "/trainer/modules/{slug}/questions",
            get({
                let state = state.clone();
                move |Path(slug): Path<String>, headers: HeaderMap, query: Query<ExportQuery>| {
                    export_pool(state.clone(), slug, headers, query.0)
                }
            })
            .post({
                let state = state.clone();
                move |Path(slug): Path<String>, headers: HeaderMap, form: Multipart| {
                    upload_pool(state.clone(), slug, headers, form)
                }
            })
            .layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/results/quizzes/{slug}/{file}",
            get(
                move |Path((slug, file)): Path<(String, String)>, headers: HeaderMap| {
                    results_csv(state.clone(), slug, file, headers)
                },
            ),
        )
}

/// 404 for a module that does not exist; anything else is logged and hidden.
fn store_failure(error: StoreError) -> Response {
    match error {
        StoreError::NotFound(_) => StatusCode::NOT_FOUND.into_response(),
        error => {
            tracing::error!(%error, "reading a quiz failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Replaces the pool with an uploaded file's questions, then returns to the editor with the
/// count, or with the errors (the first of them, on their lines) and nothing changed.
async fn upload_pool(
    state: AppState,
    slug: String,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    if let Err(error) = authorize(&state, &headers, Permission::AuthorTraining).await {
        return refused(error);
    }
    let editor = format!("/trainer/modules/{}", encode(&slug));
    let back = |query: String| {
        Redirect::to(&format!("{editor}?{query}#import-file-heading")).into_response()
    };
    let mut fields = match super::read_form(form).await {
        Ok(fields) => fields,
        Err(super::FormFailure::TooLarge) => return back("questions_error=too_large".into()),
        Err(super::FormFailure::Other(response)) => return response,
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
        return back("questions_error=no_file".into());
    };
    match replace_pool(&state, &slug, format.read_file(&bytes)).await {
        Ok(count) => back(format!("questions_imported={count}")),
        Err(AppError::Refused(Refusal::Quiz(QuizRefusal::Pool { errors }))) => {
            // The page shows the lines as they come: worded here, in the viewer's language.
            let locale = Locale::of_request(&headers);
            let all: Vec<String> = errors.iter().map(|e| pool_error(locale, e)).collect();
            let shown = first_error_lines(&all);
            back(format!("questions_error=lines&lines={}", encode(&shown)))
        }
        Err(error) => refused(error),
    }
}

#[derive(Deserialize)]
pub(super) struct ExportQuery {
    format: Option<String>,
}

/// The pool as a GIFT or JSON file, to keep, edit elsewhere, or bring into Moodle.
async fn export_pool(
    state: AppState,
    slug: String,
    headers: HeaderMap,
    query: ExportQuery,
) -> Response {
    if let Err(error) = authorize(&state, &headers, Permission::AuthorTraining).await {
        return refused(error);
    }
    let format = query
        .format
        .as_deref()
        .and_then(PoolFormat::from_code)
        .unwrap_or(PoolFormat::Gift);
    let pool = match state.store.question_pool(&slug).await {
        Ok(pool) => pool,
        Err(error) => return store_failure(error),
    };
    let Some(text) = format.write(&pool) else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            "export writes gift or json",
        )
            .into_response();
    };
    let content_type = match format {
        PoolFormat::Json => "application/json",
        _ => "text/plain; charset=utf-8",
    };
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}-questions.{}\"",
                    encode(&slug),
                    format.extension()
                ),
            ),
        ],
        text,
    )
        .into_response()
}

/// `questions.csv` or `attempts.csv` of a quiz's results, among the people the caller may
/// see (the same scope as the results page).
async fn results_csv(state: AppState, slug: String, file: String, headers: HeaderMap) -> Response {
    let actor = match authorize(&state, &headers, Permission::ViewTrainingResults).await {
        Ok(actor) => actor,
        Err(error) => return refused(error),
    };
    let Some(scope) = actor.results_scope() else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let results = match state
        .store
        .quiz_results(&slug, scope.divisions(), today)
        .await
    {
        Ok(results) => results,
        Err(error) => return store_failure(error),
    };
    let name = format!("quiz-{}-{file}", encode(&slug));
    match file.as_str() {
        "questions.csv" => csv_download(&name, questions_csv(&results.questions)),
        "attempts.csv" => csv_download(&name, attempts_csv(&results.attempts)),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}
