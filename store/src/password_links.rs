//! One-use, expiring links that let a person set their password: an admin sends one, the mail
//! is queued in the same transaction, and using the link sets the password and spends it.

use crate::{
    Store, StoreError,
    accounts::{hash_password, random_secret, secret_hash},
    audit,
    entities::{password_link, staff},
    outbox::{self, QueuedMail},
};
use chrono::{DateTime, Duration, Utc};
use mamori_domain::{AuditAction, EmployeeId, NewPassword, mail, staff::DirectoryRefusal};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait,
};

/// How long a set-password link works.
pub const PASSWORD_LINK_LIFETIME: Duration = Duration::hours(72);

/// Why a link cannot be used. One answer for unknown, used and expired links alike, so that
/// the page reveals nothing about other people's links.
const UNUSABLE: &str = "password link";

impl Store {
    /// Makes a link for `employee_id` and queues the mail carrying it. `link_base` is the
    /// address the token is appended to (…/set-password/).
    pub async fn send_password_link(
        &self,
        employee_id: &EmployeeId,
        link_base: &str,
        sent_by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let txn = self.db().begin().await?;
        let person = staff::Entity::find()
            .filter(staff::Column::EmployeeId.eq(employee_id.as_str()))
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(employee_id.to_string()))?;
        if !person.is_active_on(mamori_domain::agency_date(now)) {
            return Err(DirectoryRefusal::NotOnStaff {
                employee_id: employee_id.to_string(),
            }
            .into());
        }
        create_link(&txn, &person, link_base, sent_by, now).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Sends a link to everyone on staff today who has no password and no link that still works
    /// (so that a second click sends nobody a second mail). Returns how many were sent.
    pub async fn send_password_links_to_everyone_without(
        &self,
        link_base: &str,
        sent_by: &str,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let today = mamori_domain::agency_date(now);
        let txn = self.db().begin().await?;
        let live_links: std::collections::HashSet<i32> = password_link::Entity::find()
            .filter(password_link::Column::UsedAt.is_null())
            .filter(password_link::Column::ExpiresAt.gt(now))
            .all(&txn)
            .await?
            .into_iter()
            .map(|link| link.staff_id)
            .collect();
        let waiting: Vec<staff::Model> = staff::Entity::find()
            .filter(staff::Column::PasswordHash.is_null())
            .all(&txn)
            .await?
            .into_iter()
            .filter(|p| p.is_active_on(today) && !live_links.contains(&p.id))
            .collect();
        for person in &waiting {
            create_link(&txn, person, link_base, sent_by, now).await?;
        }
        txn.commit().await?;
        Ok(waiting.len())
    }

    /// The name of the person a link is for, if the link can still be used.
    pub async fn password_link_holder(
        &self,
        token: &str,
        now: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let (_, person) = usable_link(self.db(), token, now).await?;
        Ok(person.name)
    }

    /// Sets the password through a link and spends the link; open sessions end, as with any
    /// new password. Returns the person's employee ID.
    pub async fn use_password_link(
        &self,
        token: &str,
        password: &NewPassword,
        now: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let hash = hash_password(password)?;
        let txn = self.db().begin().await?;
        let (link, person) = usable_link(&txn, token, now).await?;
        // Spend the link first; only one of two simultaneous uses can.
        let spent = password_link::Entity::update_many()
            .col_expr(
                password_link::Column::UsedAt,
                sea_orm::sea_query::Expr::value(Some(now)),
            )
            .filter(password_link::Column::TokenHash.eq(link.token_hash))
            .filter(password_link::Column::UsedAt.is_null())
            .exec(&txn)
            .await?;
        if spent.rows_affected != 1 {
            return Err(StoreError::NotFound(UNUSABLE.into()));
        }
        crate::accounts::end_sessions(&txn, person.id).await?;
        let employee_id = person.employee_id.clone();
        let mut person: staff::ActiveModel = person.into();
        person.password_hash = Set(Some(hash));
        person.update(&txn).await?;
        audit::record(
            &txn,
            now,
            &employee_id,
            AuditAction::PasswordSet,
            Some(&employee_id),
            "password set through a link",
        )
        .await?;
        txn.commit().await?;
        Ok(employee_id)
    }
}

/// A new link for `person`, the mail carrying it, and the audit entry, in the caller's
/// transaction.
async fn create_link(
    txn: &sea_orm::DatabaseTransaction,
    person: &staff::Model,
    link_base: &str,
    sent_by: &str,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let token = random_secret();
    let expires_at = now + PASSWORD_LINK_LIFETIME;
    password_link::ActiveModel {
        token_hash: Set(secret_hash(&token)),
        staff_id: Set(person.id),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
    }
    .insert(txn)
    .await?;
    let text = mail::password_link(&person.name, &format!("{link_base}{token}"), expires_at);
    outbox::enqueue(
        txn,
        QueuedMail {
            // The token's hash is unique per link, and never the token itself.
            key: format!("password-link:{}", &secret_hash(&token)[..16]),
            employee_id: Some(&person.employee_id),
            kind: mail::MailKind::PasswordLink,
            to_address: &person.email,
            to_name: &person.name,
            subject: text.subject,
            body: text.body,
            assignment_id: None,
        },
        now,
    )
    .await?;
    audit::record(
        txn,
        now,
        sent_by,
        AuditAction::PasswordLinkSent,
        Some(&person.employee_id),
        &format!("set-password link sent to {}", person.email),
    )
    .await?;
    Ok(())
}

async fn usable_link(
    db: &impl sea_orm::ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(password_link::Model, staff::Model), StoreError> {
    let unusable = || StoreError::NotFound(UNUSABLE.into());
    let link = password_link::Entity::find_by_id(secret_hash(token))
        .one(db)
        .await?
        .filter(|link| link.used_at.is_none() && link.expires_at > now)
        .ok_or_else(unusable)?;
    let person = staff::Entity::find_by_id(link.staff_id)
        .one(db)
        .await?
        .filter(|p| p.is_active_on(mamori_domain::agency_date(now)))
        .ok_or_else(unusable)?;
    Ok((link, person))
}
