//! Training: trainers author, publish and assign modules; learners take them, and their pages
//! report material views by heartbeat.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::training::{LearnerModule, ModuleDraft, ModulePlayer, ModuleSummary};

#[cfg(feature = "ssr")]
use super::server::{redirect_form_post, refuse, require, store_error};
#[cfg(feature = "ssr")]
use mamori_domain::Permission;

/// Every module, for trainers.
#[server(endpoint = "training_modules")]
pub async fn training_modules() -> Result<Vec<ModuleSummary>, AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    state.store.modules().await.map_err(store_error)
}

/// Starts a module (a draft) and opens its editor.
#[server(endpoint = "create_module")]
pub async fn create_module(
    slug: String,
    title: String,
    summary: String,
    estimated_minutes: i32,
) -> Result<String, AppError> {
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let slug = mamori_domain::training::Slug::parse(&slug)
        .map_err(|reason| refuse(AppError::Invalid(reason)))?;
    state
        .store
        .create_module(
            mamori_store::training::NewModule {
                slug: &slug,
                title: &title,
                summary: &summary,
                estimated_minutes,
                created_by: actor.employee_id.as_str(),
            },
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)?;
    let editor = format!("/trainer/modules/{slug}");
    redirect_form_post(&editor);
    Ok(editor)
}

/// A module as its editor shows it.
#[server(endpoint = "edit_module")]
pub async fn edit_module(slug: String) -> Result<ModuleDraft, AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    state.store.module_draft(&slug).await.map_err(store_error)
}

/// Adds a Markdown page at the end of the module's draft.
#[server(endpoint = "add_page")]
pub async fn add_page(
    slug: String,
    title: String,
    markdown: String,
    min_active_seconds: i32,
) -> Result<(), AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    state
        .store
        .add_page(
            &slug,
            mamori_store::training::NewPage {
                title: &title,
                markdown: &markdown,
                min_active_seconds,
            },
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)
}

#[server(endpoint = "publish_module")]
pub async fn publish_module(slug: String) -> Result<(), AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    state
        .store
        .publish_module(&slug, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// The divisions a module can be assigned to.
#[server(endpoint = "assignable_divisions")]
pub async fn assignable_divisions() -> Result<Vec<String>, AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    state.store.all_division_names().await.map_err(store_error)
}

/// Assigns a published module for the current fiscal year, to everyone or to one division,
/// due on a date.
#[server(endpoint = "assign_module")]
pub async fn assign_module(
    slug: String,
    #[server(default)] division: String,
    due_on: String,
) -> Result<(), AppError> {
    use mamori_domain::training::{AssignmentTarget, DueRule};
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let due = chrono::NaiveDate::parse_from_str(due_on.trim(), "%Y-%m-%d").map_err(|_| {
        refuse(AppError::Invalid(format!(
            "due date {due_on:?} is not a date in the form YYYY-MM-DD"
        )))
    })?;
    let target = match division.trim() {
        "" => AssignmentTarget::Everyone,
        name => AssignmentTarget::Divisions(vec![name.to_string()]),
    };
    let now = chrono::Utc::now();
    state
        .store
        .assign_module(
            &slug,
            mamori_domain::FiscalYear::containing(mamori_domain::agency_date(now)),
            &target,
            DueRule::On(due),
            actor.employee_id.as_str(),
            now,
        )
        .await
        .map_err(store_error)
}

/// The caller's assigned modules this fiscal year.
#[server(endpoint = "my_modules")]
pub async fn my_modules() -> Result<Vec<LearnerModule>, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .learner_modules(actor.staff_id, today)
        .await
        .map_err(store_error)
}

/// One of the caller's assigned modules, to take.
#[server(endpoint = "take_module")]
pub async fn take_module(slug: String) -> Result<ModulePlayer, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let now = chrono::Utc::now();
    state
        .store
        .module_player(actor.staff_id, &slug, mamori_domain::agency_date(now), now)
        .await
        .map_err(store_error)
}

/// A heartbeat from a visible material page (see `training::heartbeat_credit`).
#[server(endpoint = "material_heartbeat")]
pub async fn material_heartbeat(
    material_id: i32,
    beat: mamori_domain::training::Heartbeat,
    #[server(default)] reached_end: bool,
) -> Result<(), AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    state
        .store
        .material_heartbeat(
            actor.staff_id,
            material_id,
            beat,
            reached_end,
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)
}

/// Staff × assigned modules for the divisions the caller manages.
#[server(endpoint = "division_training")]
pub async fn division_training() -> Result<mamori_domain::training::TrainingGrid, AppError> {
    let (state, actor) = require(Permission::ViewManagedDivisions).await?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .division_training(&actor.managed_division_ids, today)
        .await
        .map_err(store_error)
}

/// One person's modules, material by material, for a manager of their division. People
/// outside the caller's divisions are "not found", like people who do not exist.
#[server(endpoint = "staff_training")]
pub async fn staff_training(
    employee_id: String,
) -> Result<mamori_domain::training::PersonTraining, AppError> {
    let (state, actor) = require(Permission::ViewManagedDivisions).await?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let managed = state
        .store
        .division_staff(&actor.managed_division_ids, today)
        .await
        .map_err(store_error)?;
    let person = managed
        .into_iter()
        .find(|p| p.employee_id == employee_id)
        .ok_or_else(|| refuse(AppError::NotFound))?;
    let id = mamori_domain::EmployeeId::parse(&person.employee_id)
        .map_err(|_| refuse(AppError::NotFound))?;
    let modules = state
        .store
        .person_training(&id, today)
        .await
        .map_err(store_error)?;
    Ok(mamori_domain::training::PersonTraining {
        employee_id: person.employee_id,
        name: person.name,
        modules,
    })
}

/// The caller's certificate for a module they completed.
#[server(endpoint = "my_certificate")]
pub async fn my_certificate(
    slug: String,
) -> Result<mamori_domain::training::Certificate, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .certificate(actor.staff_id, &slug, today)
        .await
        .map_err(store_error)
}

/// The certificate carrying a verification code, for admins checking one they were shown.
#[server(endpoint = "verify_certificate")]
pub async fn verify_certificate(
    code: String,
) -> Result<Option<mamori_domain::training::Certificate>, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    state
        .store
        .verify_certificate(&code)
        .await
        .map_err(store_error)
}
