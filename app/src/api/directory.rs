//! The staff directory: a manager's divisions and the admin's whole list.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::{StaffDetail, StaffPage, StaffSummary};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::server::{internal, refuse, require};
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
pub async fn staff_member(employee_id: String) -> Result<StaffDetail, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    let employee_id =
        mamori_domain::EmployeeId::parse(&employee_id).map_err(|_| refuse(AppError::NotFound))?;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    state
        .store
        .staff_detail(&employee_id, today)
        .await
        .map_err(|error| match error {
            mamori_store::StoreError::NotFound(_) => refuse(AppError::NotFound),
            other => internal(other),
        })
}

/// Records that a person left today (deactivates them: they can no longer log in). Admins only.
#[server(endpoint = "deactivate_staff")]
pub async fn deactivate_staff(employee_id: String) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let employee_id =
        mamori_domain::EmployeeId::parse(&employee_id).map_err(|_| refuse(AppError::NotFound))?;
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
        .map_err(|error| match error {
            mamori_store::StoreError::NotFound(_) => refuse(AppError::NotFound),
            other => internal(other),
        })
}
