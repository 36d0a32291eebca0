//! The audit log: who did what, to whom, when, in the same transaction as the deed.

use crate::{Store, StoreError, entities::audit_log};
use chrono::{DateTime, Utc};
use mamori_domain::{
    AuditAction, Change, EmployeeId,
    audit::{AuditEntry, AuditFilter, AuditPage},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Select,
};

/// Entries per page of the admins' audit page.
const PER_PAGE: u64 = 50;

/// Records a change in the same transaction as the change itself.
pub(crate) async fn record(
    db: &impl ConnectionTrait,
    at: DateTime<Utc>,
    actor: &str,
    action: AuditAction,
    subject: Option<&str>,
    detail: &str,
) -> Result<(), StoreError> {
    audit_log::ActiveModel {
        at: Set(at),
        actor: Set(actor.to_string()),
        action: Set(action.code().to_string()),
        subject: Set(subject.map(str::to_string)),
        detail: Set(detail.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

impl Store {
    /// One page (1-based; past the end, the last) of the entries `filter` asks for, newest
    /// first.
    pub async fn audit_page(
        &self,
        filter: &AuditFilter,
        page: u64,
    ) -> Result<AuditPage, StoreError> {
        let paginator = filtered(filter).paginate(self.db(), PER_PAGE);
        let total = paginator.num_items().await?;
        let pages = total.div_ceil(PER_PAGE).max(1);
        let page = page.clamp(1, pages);
        let entries = paginator
            .fetch_page(page - 1)
            .await?
            .into_iter()
            .map(entry)
            .collect::<Result<_, _>>()?;
        Ok(AuditPage {
            entries,
            page,
            pages,
            total,
        })
    }

    /// Every entry `filter` asks for, newest first (the CSV download).
    pub async fn audit_entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        filtered(filter)
            .all(self.db())
            .await?
            .into_iter()
            .map(entry)
            .collect()
    }

    /// Records an action that concerns no one person (a module published, a setting changed,
    /// a file downloaded), and the address it came from.
    pub async fn record_audit(
        &self,
        at: DateTime<Utc>,
        actor: &str,
        action: AuditAction,
        detail: &str,
        address: &str,
    ) -> Result<(), StoreError> {
        let detail = format!("{detail}; from {address}");
        record(self.db(), at, actor, action, None, &detail).await
    }

    /// The changes concerning one person, newest first.
    pub async fn audit_of(&self, employee_id: &EmployeeId) -> Result<Vec<Change>, StoreError> {
        audit_log::Entity::find()
            .filter(audit_log::Column::Subject.eq(employee_id.as_str()))
            .order_by_desc(audit_log::Column::At)
            .order_by_desc(audit_log::Column::Id)
            .all(self.db())
            .await?
            .into_iter()
            .map(|e| {
                Ok(Change {
                    at: e.at,
                    actor: e.actor,
                    action: e.action.parse().map_err(corrupt)?,
                    detail: e.detail,
                })
            })
            .collect()
    }
}

fn filtered(filter: &AuditFilter) -> Select<audit_log::Entity> {
    let mut select = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::At)
        .order_by_desc(audit_log::Column::Id);
    if let Some(action) = filter.action {
        select = select.filter(audit_log::Column::Action.eq(action.code()));
    }
    if let Some(person) = filter
        .person
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        select = select.filter(
            Condition::any()
                .add(audit_log::Column::Actor.eq(person))
                .add(audit_log::Column::Subject.eq(person)),
        );
    }
    let (start, end) = filter.moments();
    if let Some(start) = start {
        select = select.filter(audit_log::Column::At.gte(start));
    }
    if let Some(end) = end {
        select = select.filter(audit_log::Column::At.lt(end));
    }
    select
}

fn entry(stored: audit_log::Model) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        at: stored.at,
        actor: stored.actor,
        action: stored.action.parse().map_err(corrupt)?,
        subject: stored.subject,
        detail: stored.detail,
    })
}

fn corrupt(error: mamori_domain::audit::UnknownAuditAction) -> StoreError {
    StoreError::Corrupt(error.to_string())
}
