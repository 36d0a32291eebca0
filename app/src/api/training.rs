//! Training: trainers author, publish and assign modules; learners take them, and their pages
//! report material views by heartbeat.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::training::{LearnerHome, ModuleDraft, ModulePlayer, ModuleSummary};

#[cfg(feature = "ssr")]
use super::server::{
    Needs, audit, redirect_form_post, refused, requested_slug, require, store_error,
};
#[cfg(feature = "ssr")]
use mamori_domain::{
    AuditAction, Permission,
    training::{Choice, EstimatedMinutes, TrainingRefusal},
};

/// A value no form of the page sends.
#[cfg(feature = "ssr")]
fn unknown_choice(choice: Choice, value: &str) -> AppError {
    refused(TrainingRefusal::UnknownChoice {
        choice,
        value: value.to_string(),
    })
}

/// Every module, for trainers.
#[server(endpoint = "training_modules")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn training_modules() -> Result<Vec<ModuleSummary>, AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    state.store.modules().await.map_err(store_error)
}

/// Starts a module (a draft) and opens its editor.
#[server(endpoint = "create_module")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn create_module(
    slug: String,
    title: String,
    summary: String,
    estimated_minutes: i32,
) -> Result<String, AppError> {
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    let estimated_minutes = EstimatedMinutes::parse(estimated_minutes).map_err(refused)?;
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
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn edit_module(slug: String) -> Result<ModuleDraft, AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    state.store.module_draft(&slug).await.map_err(store_error)
}

/// Adds a Markdown page at the end of the module's draft.
#[server(endpoint = "add_page")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn add_page(
    slug: String,
    title: String,
    markdown: String,
    min_active_seconds: i32,
) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    let page = mamori_store::training::NewMaterial {
        title: &title,
        content: mamori_store::training::NewContent::Page {
            markdown: &markdown,
            min_active_seconds,
        },
    };
    state
        .store
        .add_material(&slug, page, actor.employee_id.as_str(), chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// Changes the title and text of the draft's material at `position` (1-based).
#[server(endpoint = "edit_material")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn edit_material(
    slug: String,
    position: i32,
    title: String,
    #[server(default)] text: String,
    #[server(default)] min_active_seconds: i32,
) -> Result<(), AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    let edit = mamori_store::training::MaterialEdit {
        title: &title,
        text: &text,
        min_active_seconds,
    };
    state
        .store
        .edit_material(&slug, position, edit, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// Moves the draft's material at `position` one place `up` or `down`.
#[server(endpoint = "move_material")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn move_material(slug: String, position: i32, direction: String) -> Result<(), AppError> {
    use mamori_store::training::Move;
    let (state, _) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    let direction = match direction.as_str() {
        "up" => Move::Up,
        "down" => Move::Down,
        other => return Err(unknown_choice(Choice::Direction, other)),
    };
    state
        .store
        .move_material(&slug, position, direction, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// Removes the draft's material at `position`.
#[server(endpoint = "remove_material")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn remove_material(slug: String, position: i32) -> Result<(), AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    state
        .store
        .remove_material(&slug, position, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// Changes a module's title, summary and estimated minutes.
#[server(endpoint = "edit_module_details")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn edit_module_details(
    slug: String,
    title: String,
    #[server(default)] summary: String,
    estimated_minutes: i32,
) -> Result<(), AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    let estimated_minutes = EstimatedMinutes::parse(estimated_minutes).map_err(refused)?;
    state
        .store
        .edit_module_details(
            &slug,
            &title,
            &summary,
            estimated_minutes,
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)
}

/// Takes a module away from learners; publishing brings it back.
#[server(endpoint = "archive_module")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn archive_module(slug: String) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    state
        .store
        .archive_module(&slug, chrono::Utc::now())
        .await
        .map_err(store_error)?;
    audit(
        &state,
        &actor,
        AuditAction::ModuleArchived,
        slug.to_string(),
    )
    .await
}

/// Assigns the same module to the same people for the next fiscal year, due a year later.
#[server(endpoint = "carry_over_assignment")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn carry_over_assignment(assignment_id: i32) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AuthorTraining).await?;
    state
        .store
        .carry_over_assignment(
            assignment_id,
            actor.employee_id.as_str(),
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)?;
    let detail = format!("assignment {assignment_id} carried over to the next fiscal year");
    audit(&state, &actor, AuditAction::AssignmentChanged, detail).await
}

#[server(endpoint = "publish_module")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn publish_module(slug: String) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    state
        .store
        .publish_module(&slug, chrono::Utc::now())
        .await
        .map_err(store_error)?;
    audit(
        &state,
        &actor,
        AuditAction::ModulePublished,
        slug.to_string(),
    )
    .await
}

/// What the assignment form offers: the divisions, and a due date a month ahead on a
/// business day.
#[server(endpoint = "assignment_choices")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn assignment_choices() -> Result<mamori_domain::training::AssignmentChoices, AppError> {
    let (state, _) = require(Permission::AuthorTraining).await?;
    let divisions = state
        .store
        .all_division_names()
        .await
        .map_err(store_error)?;
    let calendar = state.store.business_calendar().await.map_err(store_error)?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    Ok(mamori_domain::training::AssignmentChoices {
        divisions,
        default_due: mamori_domain::training::default_due_date(today, &calendar),
    })
}

/// Assigns a published module for the current fiscal year: to everyone, or to the chosen
/// divisions, security roles or self-inspection groups. `target` says which: `divisions`
/// takes the `division:NAME` entries of `chosen`, `roles` the `role:CODE` ones and `groups`
/// the `group:CODE` ones. Due on a date, or within a number of days of each person's start.
#[server(endpoint = "assign_module")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn assign_module(
    slug: String,
    target: String,
    #[server(default)] chosen: Vec<String>,
    due_kind: String,
    due_on: String,
    #[server(default)] within_days: u32,
    #[server(default)] joiner_grace_days: Option<u32>,
) -> Result<usize, AppError> {
    use mamori_domain::training::{AssignmentTarget, DueRule};
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let slug = requested_slug(&slug)?;
    let picked = |prefix: &str| {
        chosen
            .iter()
            .filter_map(|entry| entry.strip_prefix(prefix))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    fn parse_all<T: std::str::FromStr>(
        choice: Choice,
        codes: Vec<String>,
    ) -> Result<Vec<T>, AppError> {
        codes
            .iter()
            .map(|code| code.parse().map_err(|_| unknown_choice(choice, code)))
            .collect()
    }
    let target = match target.as_str() {
        "everyone" => AssignmentTarget::Everyone,
        "divisions" => AssignmentTarget::Divisions(picked("division:")),
        "roles" => AssignmentTarget::Roles(parse_all(Choice::Role, picked("role:"))?),
        "groups" => AssignmentTarget::Groups(parse_all(Choice::Group, picked("group:"))?),
        other => return Err(unknown_choice(Choice::Target, other)),
    };
    let date = chrono::NaiveDate::parse_from_str(due_on.trim(), "%Y-%m-%d").map_err(|_| {
        refused(TrainingRefusal::DueDateInvalid {
            date: due_on.trim().to_string(),
        })
    })?;
    let due = match due_kind.as_str() {
        "on" => DueRule::on_with_grace(
            date,
            joiner_grace_days.unwrap_or(DueRule::DEFAULT_JOINER_GRACE_DAYS),
        )
        .map_err(refused)?,
        "joining" if within_days > 0 => DueRule::WithinDaysOfJoining {
            days: within_days,
            earliest: date,
        },
        "joining" => return Err(refused(TrainingRefusal::NoDays)),
        other => return Err(unknown_choice(Choice::DueRule, other)),
    };
    let now = chrono::Utc::now();
    let year = mamori_domain::FiscalYear::containing(mamori_domain::agency_date(now));
    let reached = state
        .store
        .assign_module(&slug, year, &target, due, actor.employee_id.as_str(), now)
        .await
        .map_err(store_error)?;
    let detail = format!(
        "{slug} assigned for FY{}: {target:?}, {due:?}",
        year.start_year()
    );
    audit(&state, &actor, AuditAction::AssignmentChanged, detail).await?;
    Ok(reached)
}

/// The caller's home: the self-inspections they can open and this fiscal year's modules.
#[server(endpoint = "my_home")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn my_home() -> Result<LearnerHome, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .learner_home(actor.staff_id, today)
        .await
        .map_err(store_error)
}

/// One of the caller's assigned modules, to take.
#[server(endpoint = "take_module")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn take_module(slug: String) -> Result<ModulePlayer, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let slug = requested_slug(&slug)?;
    let now = chrono::Utc::now();
    state
        .store
        .module_player(actor.staff_id, &slug, mamori_domain::agency_date(now), now)
        .await
        .map_err(store_error)
}

/// A heartbeat from a visible material page (see `training::heartbeat_credit`), with how far
/// the page was read and how much of a video was played; answers where the learner now
/// stands, which the page shows.
#[server(endpoint = "material_heartbeat")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn material_heartbeat(
    material_id: i32,
    beat: mamori_domain::training::Heartbeat,
    #[server(default)] reached_end: bool,
    #[server(default)] watched_percent: i32,
) -> Result<mamori_domain::training::ViewStanding, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let report = mamori_store::training::ViewReport {
        beat: Some(beat),
        reached_end,
        watched_percent,
        document_opened: false,
    };
    state
        .store
        .material_heartbeat(actor.staff_id, material_id, report, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// The caller's certificate for a module they completed.
#[server(endpoint = "my_certificate")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn my_certificate(
    slug: String,
) -> Result<mamori_domain::training::Certificate, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    let slug = requested_slug(&slug)?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .certificate(actor.staff_id, &slug, today)
        .await
        .map_err(store_error)
}

/// The certificate carrying a verification code, for admins checking one they were shown.
#[server(endpoint = "verify_certificate")]
#[middleware(Needs(Permission::AdministerStaff))]
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
