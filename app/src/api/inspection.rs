//! The yearly self-inspection: admins run campaigns, learners answer, managers and admins see
//! who has submitted, admins the figures.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::inspection::campaign::{
    CampaignDetail, CampaignSummary, InspectionResults, LearnerCampaign, LearnerSheet,
};

#[cfg(feature = "ssr")]
use super::server::{
    Needs, audit, redirect_form_post, refused, requested_slug, require, store_error,
};
#[cfg(feature = "ssr")]
use mamori_domain::{AuditAction, FiscalYear, Permission, inspection::InspectionRefusal};

#[cfg(feature = "ssr")]
fn today() -> chrono::NaiveDate {
    mamori_domain::agency_date(chrono::Utc::now())
}

/// Every campaign, newest first.
#[server(endpoint = "inspection_campaigns")]
#[middleware(Needs(Permission::AdministerInspection))]
pub async fn inspection_campaigns() -> Result<Vec<CampaignSummary>, AppError> {
    let (state, _) = require(Permission::AdministerInspection).await?;
    state
        .store
        .inspection_campaigns(today())
        .await
        .map_err(store_error)
}

/// One campaign with its items.
#[server(endpoint = "inspection_campaign")]
#[middleware(Needs(Permission::AdministerInspection))]
pub async fn inspection_campaign(fiscal_year: i32) -> Result<CampaignDetail, AppError> {
    let (state, _) = require(Permission::AdministerInspection).await?;
    state
        .store
        .inspection_campaign(FiscalYear::new(fiscal_year), today())
        .await
        .map_err(store_error)
}

/// Creates a campaign or changes its dates; an empty reference date is the year's last day.
/// Returns the campaign's page.
#[server(endpoint = "save_inspection_campaign")]
#[middleware(Needs(Permission::AdministerInspection))]
pub async fn save_inspection_campaign(
    fiscal_year: i32,
    #[server(default)] reference_date: String,
    #[server(default)] opens_on: String,
    #[server(default)] closes_on: String,
) -> Result<String, AppError> {
    use mamori_domain::inspection::campaign::Schedule;
    let (state, actor) = require(Permission::AdministerInspection).await?;
    if !(2000..=2100).contains(&fiscal_year) {
        return Err(refused(InspectionRefusal::BadYear { fiscal_year }));
    }
    let year = FiscalYear::new(fiscal_year);
    let day = |text: &str| -> Result<Option<chrono::NaiveDate>, AppError> {
        match text.trim() {
            "" => Ok(None),
            text => text.parse().map(Some).map_err(|_| {
                refused(InspectionRefusal::BadDate {
                    text: text.to_string(),
                })
            }),
        }
    };
    let reference_date = day(&reference_date)?.unwrap_or(year.last_day());
    let schedule = Schedule::new(day(&opens_on)?, day(&closes_on)?).map_err(refused)?;
    state
        .store
        .save_inspection_campaign(year, reference_date, schedule, chrono::Utc::now())
        .await
        .map_err(store_error)?;
    let detail = format!("FY{fiscal_year}: reference date {reference_date}, {schedule:?}");
    audit(
        &state,
        &actor,
        AuditAction::InspectionCampaignChanged,
        detail,
    )
    .await?;
    let page = format!("/admin/inspection/{fiscal_year}");
    redirect_form_post(&page);
    Ok(page)
}

/// The campaigns the learner can open.
#[server(endpoint = "my_inspections")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn my_inspections() -> Result<Vec<LearnerCampaign>, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    state
        .store
        .learner_campaigns(actor.staff_id, today())
        .await
        .map_err(store_error)
}

/// The learner's own sheet of a campaign.
#[server(endpoint = "my_inspection_sheet")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn my_inspection_sheet(fiscal_year: i32) -> Result<LearnerSheet, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    state
        .store
        .learner_sheet(
            FiscalYear::new(fiscal_year),
            actor.staff_id,
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)
}

/// Saves the learner's answers (`CODE:ANSWER` each) as a draft, or submits them; answers
/// whether they were submitted.
#[server(endpoint = "save_my_inspection")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn save_my_inspection(
    fiscal_year: i32,
    #[server(default)] answers: Vec<String>,
    #[server(default)] submit: bool,
) -> Result<bool, AppError> {
    use mamori_domain::inspection::Answer;
    let (state, actor) = require(Permission::TakeTraining).await?;
    let mut typed: Vec<(String, Answer)> = Vec::new();
    for entry in &answers {
        let parsed = entry
            .split_once(':')
            .and_then(|(code, answer)| Some((code.to_string(), answer.parse().ok()?)));
        match parsed {
            Some(answer) => typed.push(answer),
            None => {
                return Err(refused(InspectionRefusal::BadAnswer {
                    entry: entry.clone(),
                }));
            }
        }
    }
    // The store refuses a closed campaign, others' items and, on submitting, unanswered ones.
    state
        .store
        .save_learner_answers(
            FiscalYear::new(fiscal_year),
            actor.staff_id,
            &typed,
            submit,
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)?;
    redirect_form_post(&format!("/inspection/{fiscal_year}"));
    Ok(submit)
}

/// Who has submitted (the viewer's divisions, or everyone for admins), with the figures for
/// admins.
#[server(endpoint = "load_inspection_results")]
#[middleware(Needs(Permission::ViewInspectionStatus))]
pub async fn load_inspection_results(fiscal_year: i32) -> Result<InspectionResults, AppError> {
    use mamori_domain::inspection::campaign::NON_SUBMITTERS_LISTED;
    let (state, actor) = require(Permission::ViewInspectionStatus).await?;
    let scope = actor.inspection_scope().ok_or(AppError::Forbidden)?;
    let mut results = state
        .store
        .inspection_results(
            FiscalYear::new(fiscal_year),
            &scope,
            actor.can(Permission::AdministerInspection),
            today(),
        )
        .await
        .map_err(store_error)?;
    results.status = results.status.listing(NON_SUBMITTERS_LISTED);
    if let Some(this_year) = &results.figures {
        results.by_year = state
            .store
            .inspection_figures_by_year(this_year)
            .await
            .map_err(store_error)?;
    }
    Ok(results)
}

/// An item's module from a form: empty for none.
#[cfg(feature = "ssr")]
fn module_of(module: &str) -> Result<Option<mamori_domain::training::Slug>, AppError> {
    match module.trim() {
        "" => Ok(None),
        slug => requested_slug(slug).map(Some),
    }
}

/// Adds an item at the end of the campaign's list.
#[server(endpoint = "add_inspection_item")]
#[middleware(Needs(Permission::AdministerInspection))]
pub async fn add_inspection_item(
    fiscal_year: i32,
    #[server(default)] item_id: String,
    #[server(default)] group: String,
    #[server(default)] text: String,
    #[server(default)] module: String,
) -> Result<(), AppError> {
    use mamori_store::inspection::ItemEdit;
    let (state, actor) = require(Permission::AdministerInspection).await?;
    let group = group
        .parse()
        .map_err(|_| refused(InspectionRefusal::NoGroup))?;
    let module = module_of(&module)?;
    let item = ItemEdit {
        code: &item_id,
        text: &text,
        module: module.as_ref(),
    };
    state
        .store
        .add_inspection_item(FiscalYear::new(fiscal_year), group, item)
        .await
        .map_err(store_error)?;
    let detail = format!("FY{fiscal_year}: item {item_id} added");
    audit(&state, &actor, AuditAction::InspectionItemsChanged, detail).await?;
    redirect_form_post(&format!("/admin/inspection/{fiscal_year}#items-heading"));
    Ok(())
}

/// Changes an item's text and module.
#[server(endpoint = "edit_inspection_item")]
#[middleware(Needs(Permission::AdministerInspection))]
pub async fn edit_inspection_item(
    fiscal_year: i32,
    item_id: String,
    #[server(default)] text: String,
    #[server(default)] module: String,
) -> Result<(), AppError> {
    use mamori_store::inspection::ItemEdit;
    let (state, actor) = require(Permission::AdministerInspection).await?;
    let module = module_of(&module)?;
    let item = ItemEdit {
        code: &item_id,
        text: &text,
        module: module.as_ref(),
    };
    state
        .store
        .edit_inspection_item(FiscalYear::new(fiscal_year), item)
        .await
        .map_err(store_error)?;
    let detail = format!("FY{fiscal_year}: item {item_id} changed");
    audit(&state, &actor, AuditAction::InspectionItemsChanged, detail).await?;
    redirect_form_post(&format!("/admin/inspection/{fiscal_year}#items-heading"));
    Ok(())
}

/// Removes an item.
#[server(endpoint = "remove_inspection_item")]
#[middleware(Needs(Permission::AdministerInspection))]
pub async fn remove_inspection_item(fiscal_year: i32, item_id: String) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AdministerInspection).await?;
    state
        .store
        .remove_inspection_item(FiscalYear::new(fiscal_year), &item_id)
        .await
        .map_err(store_error)?;
    let detail = format!("FY{fiscal_year}: item {item_id} removed");
    audit(&state, &actor, AuditAction::InspectionItemsChanged, detail).await?;
    redirect_form_post(&format!("/admin/inspection/{fiscal_year}#items-heading"));
    Ok(())
}
