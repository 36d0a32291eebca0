//! Completion reports for managers (their divisions as of the date viewed) and trainers and
//! admins (everyone): the dashboard, the people behind a number, material views and a
//! person's transcript. The export route reads the same through `load_dashboard` and
//! `load_people`.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::{
    report::{
        Dashboard, PeoplePage,
        grid::{self, GridQuery},
        materials::MaterialReport,
        query::ReportQuery,
        transcript::Transcript,
    },
    training::PersonTraining,
};

#[cfg(feature = "ssr")]
use super::server::{
    AppState, Needs, refuse, requested_employee_id, requested_slug, require, store_error,
};
#[cfg(feature = "ssr")]
use chrono::NaiveDate;
#[cfg(feature = "ssr")]
use mamori_domain::{
    Actor, FiscalYear, Permission, ResultsScope,
    report::{Dimension, FilterOptions, ReportEntry, breakdown, page_of, select},
};
#[cfg(feature = "ssr")]
use mamori_store::StoreError;

/// The dashboard of the year and date the query asks for.
#[server(endpoint = "completion_dashboard")]
#[middleware(Needs(Permission::ViewTrainingResults))]
pub async fn completion_dashboard(
    #[server(default)] view: ReportQuery,
) -> Result<Dashboard, AppError> {
    let (state, scope) = viewer().await?;
    load_dashboard(&state, &scope, &view, today())
        .await
        .map_err(store_error)
}

/// One page of the people the query selects.
#[server(endpoint = "report_people")]
#[middleware(Needs(Permission::ViewTrainingResults))]
pub async fn report_people(#[server(default)] view: ReportQuery) -> Result<PeoplePage, AppError> {
    let (state, scope) = viewer().await?;
    let (year, on) = view.viewing(today());
    let entries = state
        .store
        .report_entries(year, on, &scope)
        .await
        .map_err(store_error)?;
    let options = FilterOptions::of(&entries);
    let (sort, descending) = view.sort();
    let selected = select(entries, &view.filter(), sort, descending, on);
    Ok(page_of(
        selected,
        view.page.unwrap_or(1),
        (year, on),
        options,
    ))
}

/// Who opened each material of a module in the year the query asks for.
#[server(endpoint = "material_views")]
#[middleware(Needs(Permission::ViewTrainingResults))]
pub async fn material_views(
    slug: String,
    #[server(default)] view: ReportQuery,
) -> Result<MaterialReport, AppError> {
    let (state, scope) = viewer().await?;
    let slug = requested_slug(&slug)?;
    let (year, on) = view.viewing(today());
    state
        .store
        .material_report(&slug, year, on, &scope)
        .await
        .map_err(store_error)
}

/// A person's training across fiscal years.
#[server(endpoint = "staff_transcript")]
#[middleware(Needs(Permission::ViewTrainingResults))]
pub async fn staff_transcript(employee_id: String) -> Result<Transcript, AppError> {
    let (state, scope) = viewer().await?;
    let employee_id = requested_employee_id(&employee_id)?;
    state
        .store
        .transcript(&employee_id, today(), &scope)
        .await
        .map_err(store_error)
}

/// Staff × assigned modules this fiscal year, for a division in the caller's scope.
#[server(endpoint = "training_grid")]
#[middleware(Needs(Permission::ViewTrainingResults))]
pub async fn training_grid(
    #[server(default)] view: GridQuery,
) -> Result<grid::TrainingGrid, AppError> {
    let (state, scope) = viewer().await?;
    let on = today();
    let year = FiscalYear::containing(on);
    let entries = state
        .store
        .report_entries(year, on, &scope)
        .await
        .map_err(store_error)?;
    Ok(grid::TrainingGrid::of(
        year.start_year(),
        &entries,
        on,
        view.filter(),
    ))
}

/// One person's modules, material by material, and the mail sent to them. People outside
/// the caller's scope are "not found", like people who do not exist.
#[server(endpoint = "staff_training")]
#[middleware(Needs(Permission::ViewTrainingResults))]
pub async fn staff_training(employee_id: String) -> Result<PersonTraining, AppError> {
    let (state, scope) = viewer().await?;
    let employee_id = requested_employee_id(&employee_id)?;
    let (name, modules) = state
        .store
        .person_training(&employee_id, today(), &scope)
        .await
        .map_err(store_error)?;
    let mail = state
        .store
        .mail_of(&employee_id)
        .await
        .map_err(store_error)?;
    Ok(PersonTraining {
        employee_id,
        name,
        modules,
        mail,
    })
}

#[cfg(feature = "ssr")]
async fn viewer() -> Result<(AppState, ResultsScope), AppError> {
    let (state, actor) = require(Permission::ViewTrainingResults).await?;
    let scope = scope_of(&actor).map_err(refuse)?;
    Ok((state, scope))
}

/// Whose training `actor` may see in reports.
#[cfg(feature = "ssr")]
pub fn scope_of(actor: &Actor) -> Result<ResultsScope, AppError> {
    actor.results_scope().ok_or(AppError::Forbidden)
}

#[cfg(feature = "ssr")]
fn today() -> NaiveDate {
    mamori_domain::agency_date(chrono::Utc::now())
}

/// The dashboard for `query` within `scope`; earlier years are counted as of their last day.
#[cfg(feature = "ssr")]
pub async fn load_dashboard(
    state: &AppState,
    scope: &ResultsScope,
    query: &ReportQuery,
    today: NaiveDate,
) -> Result<Dashboard, StoreError> {
    let (year, on) = query.viewing(today);
    let entries = state.store.report_entries(year, on, scope).await?;
    let years = state.store.report_years().await?;
    let mut by_year = Vec::new();
    for other in years.iter().rev().map(|y| FiscalYear::new(*y)) {
        if other == year {
            by_year.extend(breakdown(&entries, Dimension::FiscalYear, on));
        } else {
            let other_on = today.clamp(other.first_day(), other.last_day());
            let other_entries = state.store.report_entries(other, other_on, scope).await?;
            by_year.extend(breakdown(&other_entries, Dimension::FiscalYear, other_on));
        }
    }
    Ok(Dashboard::new(&entries, year, on, years, by_year))
}

/// Every entry `query` selects within `scope`, sorted as it asks, and the date viewed.
#[cfg(feature = "ssr")]
pub async fn load_people(
    state: &AppState,
    scope: &ResultsScope,
    query: &ReportQuery,
    today: NaiveDate,
) -> Result<(Vec<ReportEntry>, NaiveDate), StoreError> {
    let (year, on) = query.viewing(today);
    let entries = state.store.report_entries(year, on, scope).await?;
    let (sort, descending) = query.sort();
    Ok((select(entries, &query.filter(), sort, descending, on), on))
}
