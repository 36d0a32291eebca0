//! The audit log: who did what, to whom, when, in the same transaction as the deed.

use crate::{Store, StoreError, entities::audit_log};
use chrono::{DateTime, Utc};
use mamori_domain::{AuditAction, Change, EmployeeId};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

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

fn corrupt(error: mamori_domain::audit::UnknownAuditAction) -> StoreError {
    StoreError::Corrupt(error.to_string())
}
