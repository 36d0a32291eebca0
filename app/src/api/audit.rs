//! The audit log for admins: who did what, to whom, when and from where, filtered and paged.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::audit::AuditPage;

#[cfg(feature = "ssr")]
use super::server::{Needs, refuse, refused, require, store_error};
#[cfg(feature = "ssr")]
use mamori_domain::{Permission, audit::AuditFilter, staff::DirectoryRefusal};

/// The filter as a form or a link gives it: an action code, an employee ID, and dates
/// (`YYYY-MM-DD`), each empty for "any". The CSV download reads the same.
#[cfg(feature = "ssr")]
pub fn audit_filter(
    action: &str,
    person: &str,
    from: &str,
    until: &str,
) -> Result<AuditFilter, AppError> {
    let date = |text: &str| match text.trim() {
        "" => Ok(None),
        text => chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                refused(DirectoryRefusal::BadDate {
                    value: text.to_string(),
                })
            }),
    };
    let action = match action.trim() {
        "" => None,
        // Only a tampered link names an action the page does not offer.
        code => Some(code.parse().map_err(|_| refuse(AppError::NotFound))?),
    };
    Ok(AuditFilter {
        action,
        person: Some(person.trim().to_string()).filter(|p| !p.is_empty()),
        from: date(from)?,
        until: date(until)?,
    })
}

/// One page of the audit log, newest first. Admins only.
#[server(endpoint = "audit_log")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn audit_log(
    #[server(default)] action: String,
    #[server(default)] person: String,
    #[server(default)] from: String,
    #[server(default)] until: String,
    #[server(default)] page: u64,
) -> Result<AuditPage, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    let filter = audit_filter(&action, &person, &from, &until)?;
    state
        .store
        .audit_page(&filter, page)
        .await
        .map_err(store_error)
}
