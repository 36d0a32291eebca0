//! The audit log as CSV, with the filter of the admins' audit page (`/admin/audit.csv?…`).

use super::door::Rejection;
use axum::{
    extract::{Query, State},
    http::HeaderMap,
    response::Response,
};
use mamori_app::{api::AppState, api::audit::audit_filter, i18n::Locale};
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
}

pub(super) async fn export_audit(
    State(state): State<AppState>,
    Query(query): Query<AuditQuery>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let filter = audit_filter(&query.action, &query.person, &query.from, &query.until)?;
    let entries = state.store.audit_entries(&filter).await?;
    let locale = Locale::of_request(&headers);
    let t = &locale.texts().directory;
    let header = [
        t.audit_when,
        t.audit_who,
        t.audit_action,
        t.audit_subject,
        t.audit_detail,
    ];
    let rows = entries.into_iter().map(|entry| {
        [
            mamori_domain::agency_time(entry.at)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string(),
            entry.actor,
            locale.audit_action(entry.action).to_string(),
            entry.subject.unwrap_or_default(),
            entry.detail,
        ]
    });
    Ok(super::csv_download(
        "audit-log.csv",
        mamori_domain::csv::write(&header, rows),
    ))
}
