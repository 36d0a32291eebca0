//! The staff directory: a manager's divisions and the admin's whole list.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::{StaffDetail, StaffPage, StaffSummary, staff_file::StaffField};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::server::{Needs, internal, refused, requested_employee_id, require, store_error};
#[cfg(feature = "ssr")]
use mamori_domain::Permission;

/// Rows per page of the admin staff list.
pub const STAFF_PAGE_SIZE: u64 = 50;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DivisionStaff {
    pub divisions: Vec<String>,
    pub staff: Vec<StaffSummary>,
}

/// The staff on duty today in the divisions the caller manages.
#[server(endpoint = "managed_staff")]
#[middleware(Needs(Permission::ViewManagedDivisions))]
pub async fn managed_staff() -> Result<DivisionStaff, AppError> {
    let (state, actor) = require(Permission::ViewManagedDivisions).await?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let divisions = state
        .store
        .division_names(&actor.managed_division_ids)
        .await
        .map_err(internal)?;
    let staff = state
        .store
        .division_staff(&actor.managed_division_ids, today)
        .await
        .map_err(internal)?;
    Ok(DivisionStaff { divisions, staff })
}

/// One page of the whole directory, filtered by `query`. Admins only.
#[server(endpoint = "search_staff")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn search_staff(query: String, page: u64) -> Result<StaffPage, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .search_staff(&query, page, STAFF_PAGE_SIZE, today)
        .await
        .map_err(internal)
}

/// One person's details and their division and role history. Admins only.
#[server(endpoint = "staff_member")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn staff_member(employee_id: String) -> Result<StaffDetail, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    let employee_id = requested_employee_id(&employee_id)?;
    state
        .store
        .staff_detail(&employee_id, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// Lets a person whose logins are held back after repeated failures try again at once.
/// Admins only; audited.
#[server(endpoint = "lift_login_hold")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn lift_login_hold(employee_id: String) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let employee_id = requested_employee_id(&employee_id)?;
    state
        .store
        .lift_login_hold(&employee_id, actor.employee_id.as_str(), chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// Records that a person left today (deactivates them: they can no longer log in). Admins only.
#[server(endpoint = "deactivate_staff")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn deactivate_staff(employee_id: String) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let employee_id = requested_employee_id(&employee_id)?;
    let now = chrono::Utc::now();
    state
        .store
        .mark_left(
            &employee_id,
            mamori_domain::agency_date(now),
            actor.employee_id.as_str(),
            now,
        )
        .await
        .map_err(store_error)
}

/// The divisions a person can be moved to, in the agency's order. Admins only.
#[server(endpoint = "division_list")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn division_list() -> Result<Vec<String>, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    state.store.all_division_names().await.map_err(internal)
}

/// Changes a person's name, e-mail, division and security roles from `effective` (default
/// today) on, keeping the history. Returns the names of the fields that changed. Admins only.
#[server(endpoint = "edit_staff")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn edit_staff(
    employee_id: String,
    name: String,
    email: String,
    division: String,
    #[server(default)] roles: Vec<String>,
    #[server(default)] effective: String,
) -> Result<Vec<StaffField>, AppError> {
    use mamori_domain::staff::DirectoryRefusal;
    use mamori_store::staff_import::ImportError;
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let id = requested_employee_id(&employee_id)?;
    let now = chrono::Utc::now();
    let effective = match effective.trim() {
        "" => mamori_domain::agency_date(now),
        raw => chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
            refused(DirectoryRefusal::BadEffectiveDate {
                value: raw.to_string(),
            })
        })?,
    };
    let current = state
        .store
        .staff_summary(&id, effective)
        .await
        .map_err(store_error)?;
    let active_from = current.active_from.to_string();
    let active_until = current
        .active_until
        .map(|d| d.to_string())
        .unwrap_or_default();
    let roles = roles.join(";");
    let row = mamori_domain::staff_file::parse_fields([
        &employee_id,
        &name,
        &email,
        &division,
        &roles,
        &active_from,
        &active_until,
    ])
    .map_err(|reasons| bad_entry(reasons.into_iter().map(Into::into).collect()))?;
    match state
        .store
        .edit_staff(&row, effective, actor.employee_id.as_str(), now)
        .await
    {
        Ok(report) => Ok(report
            .updated
            .into_iter()
            .flat_map(|(_, fields)| fields)
            .collect()),
        Err(ImportError::Rows(errors)) => {
            Err(bad_entry(errors.into_iter().map(|e| e.reason).collect()))
        }
        Err(ImportError::Store(error)) => Err(store_error(error)),
    }
}

/// An edit refused for the reasons a row of `staff.csv` would be.
#[cfg(feature = "ssr")]
fn bad_entry(reasons: Vec<mamori_domain::csv::LineReason>) -> AppError {
    refused(mamori_domain::staff::DirectoryRefusal::BadEntry { reasons })
}

/// Sends a person a one-use link to set their password (valid 72 hours). Admins only.
#[server(endpoint = "send_password_link")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn send_password_link(employee_id: String) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let employee_id = requested_employee_id(&employee_id)?;
    let link_base = format!("{}/set-password/", state.base_url);
    state
        .store
        .send_password_link(
            &employee_id,
            &link_base,
            actor.employee_id.as_str(),
            chrono::Utc::now(),
        )
        .await
        .map_err(store_error)
}

/// Sends a set-password link to everyone on staff without a password or a working link.
/// Returns how many were sent. Admins only.
#[server(endpoint = "send_password_links")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn send_password_links() -> Result<usize, AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let link_base = format!("{}/set-password/", state.base_url);
    state
        .store
        .send_password_links_to_everyone_without(
            &link_base,
            actor.employee_id.as_str(),
            chrono::Utc::now(),
        )
        .await
        .map_err(internal)
}
