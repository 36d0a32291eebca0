//! Quizzes: learners take them (graded on the server; their pages never see an answer before
//! submitting), trainers set them up and import their questions.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::quiz::{
    AttemptReview, OpenAttempt, QuizPage, QuizSettings, results::QuizResults,
};

#[cfg(feature = "ssr")]
use super::server::{Needs, refuse, refused, requested_slug, require, store_error};
#[cfg(feature = "ssr")]
use mamori_domain::{
    Permission,
    quiz::{PoolFormat, QuizRefusal},
    training::Slug,
};

/// The caller's quiz page for one of their modules.
#[server(endpoint = "my_quiz")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn my_quiz(slug: String) -> Result<QuizPage, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let slug = requested_slug(&slug)?;
    let now = chrono::Utc::now();
    state
        .store
        .quiz_page(actor.staff_id, &slug, mamori_domain::agency_date(now), now)
        .await
        .map_err(store_error)
}

/// Starts an attempt, or returns the one in progress.
#[server(endpoint = "start_quiz_attempt")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn start_quiz_attempt(slug: String) -> Result<OpenAttempt, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let slug = requested_slug(&slug)?;
    let now = chrono::Utc::now();
    state
        .store
        .start_quiz_attempt(actor.staff_id, &slug, mamori_domain::agency_date(now), now)
        .await
        .map_err(store_error)
}

/// Submits an attempt's answers: each entry is `QUESTION:OPTION`, both numbered from 0 in
/// the order shown. Sending it again returns the first result.
#[server(endpoint = "submit_quiz_attempt")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn submit_quiz_attempt(
    attempt_id: i32,
    #[server(default)] answers: Vec<String>,
) -> Result<AttemptReview, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let mut chosen: Vec<Vec<usize>> = Vec::new();
    for entry in &answers {
        let parsed = entry
            .split_once(':')
            .and_then(|(q, o)| Some((q.parse::<usize>().ok()?, o.parse::<usize>().ok()?)));
        let Some((question, option)) = parsed.filter(|(q, _)| *q < 1000) else {
            return Err(refused(QuizRefusal::AnswerMalformed {
                answer: entry.clone(),
            }));
        };
        if chosen.len() <= question {
            chosen.resize(question + 1, Vec::new());
        }
        chosen[question].push(option);
    }
    state
        .store
        .submit_quiz_attempt(actor.staff_id, attempt_id, &chosen, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// Gives an attempt with a time limit as much time again.
#[server(endpoint = "extend_quiz_attempt")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn extend_quiz_attempt(attempt_id: i32) -> Result<OpenAttempt, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    state
        .store
        .extend_quiz_attempt(actor.staff_id, attempt_id, chrono::Utc::now())
        .await
        .map_err(store_error)
}

#[server(endpoint = "save_quiz_settings")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn save_quiz_settings(slug: String, settings: QuizSettings) -> Result<(), AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    state
        .store
        .save_quiz_settings(&slug, settings)
        .await
        .map_err(store_error)?;
    back_to_the_quiz(&slug);
    Ok(())
}

/// Without JavaScript, back to the editor's quiz, not to the address the trainer came from
/// (which may still carry an earlier import's message).
#[cfg(feature = "ssr")]
fn back_to_the_quiz(slug: &Slug) {
    super::server::redirect_form_post(&format!("/trainer/modules/{}?tab=quiz", slug.as_str()));
}

/// Replaces a module's pool with questions in GIFT or Aiken (`format`), all or nothing. Text
/// with questions that cannot be used is refused with every error on its line (an error, so
/// that the page shows it with and without JavaScript).
#[server(endpoint = "import_question_pool")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn import_question_pool(
    slug: String,
    format: String,
    text: String,
) -> Result<usize, AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    let format = PoolFormat::from_code(&format)
        .ok_or_else(|| refused(QuizRefusal::FormatUnknown { format }))?;
    let count = replace_pool(&state, &slug, format.read(&text)).await?;
    back_to_the_quiz(&slug);
    Ok(count)
}

/// Replaces a module's pool with what was read, or refuses it with every error on its line.
/// Shared by the pasted import above and the file upload route.
#[cfg(feature = "ssr")]
pub async fn replace_pool(
    state: &super::server::AppState,
    slug: &Slug,
    read: Result<Vec<mamori_domain::quiz::Question>, Vec<mamori_domain::csv::LineError>>,
) -> Result<usize, AppError> {
    let questions = read.map_err(|errors| refused(QuizRefusal::Pool { errors }))?;
    state
        .store
        .replace_question_pool(slug, &questions)
        .await
        .map_err(store_error)?;
    Ok(questions.len())
}

/// How a module's quiz went, among the people the caller may see: everyone for trainers
/// and admins, the staff of their divisions for managers.
#[server(endpoint = "quiz_report")]
#[middleware(Needs(Permission::ViewTrainingResults))]
pub async fn quiz_report(slug: String) -> Result<QuizResults, AppError> {
    let (state, actor) = require(Permission::ViewTrainingResults).await?;
    let slug = requested_slug(&slug)?;
    let scope = actor
        .results_scope()
        .ok_or_else(|| refuse(AppError::Forbidden))?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .quiz_results(&slug, scope.divisions(), today)
        .await
        .map_err(store_error)
}
