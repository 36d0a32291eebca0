//! Logging in: the password check behind the throttle of `login_throttle`, and every login,
//! failure, hold and logout in the audit log with the login name and the address.

use crate::{
    Store, StoreError, audit,
    entities::{login_failure, staff},
};
use chrono::{DateTime, Utc};
use mamori_domain::{
    AuditAction, EmployeeId,
    login_throttle::{LoginGate, ThrottleRule},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, sea_query::ExprTrait,
};

/// A login as typed, with where it came from.
#[derive(Debug, Clone, Copy)]
pub struct LoginAttempt<'a> {
    /// An employee ID or an e-mail address.
    pub login: &'a str,
    pub password: &'a str,
    /// The client's address, as the web layer worked it out.
    pub address: &'a str,
    pub at: DateTime<Utc>,
}

/// How a login ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginOutcome {
    Admitted {
        staff_id: i32,
    },
    /// Wrong name or password, or not on staff: one answer for all, so nothing is revealed.
    Refused,
    /// Too many failures of late: not tried at all until `until`.
    MustWait {
        until: DateTime<Utc>,
    },
}

/// A login name as the audit log keeps it: trimmed, and cut short (it is typed by anyone).
fn typed_name(login: &str) -> String {
    login.trim().chars().take(100).collect()
}

/// The key failures are counted under: the person, whichever of their names was typed, or
/// the name itself when nobody has it (so that such names wait just as real ones do).
fn account_key(person: Option<&staff::Model>, login: &str) -> String {
    match person {
        Some(person) => person_key(person),
        None => format!("name:{}", login.trim().to_lowercase()),
    }
}

fn person_key(person: &staff::Model) -> String {
    format!("staff:{}", person.id)
}

impl Store {
    /// Tries a login, unless the account or the address must wait; records the outcome in
    /// the audit log and counts a failure towards the wait.
    pub async fn log_in(&self, attempt: LoginAttempt<'_>) -> Result<LoginOutcome, StoreError> {
        let rule = ThrottleRule::default();
        let person = self.person_logging_in(attempt.login).await?;
        let account = account_key(person.as_ref(), attempt.login);
        let subject = person.as_ref().map(|p| p.employee_id.as_str());
        let gate = rule.gate(
            &self
                .failures(login_failure::Column::Account, &account, &rule, attempt.at)
                .await?,
            &self
                .failures(
                    login_failure::Column::Address,
                    attempt.address,
                    &rule,
                    attempt.at,
                )
                .await?,
            attempt.at,
        );
        // Who typed it is unknown: the log keeps the name typed, and the person it names.
        let (actor, detail) = (
            typed_name(attempt.login),
            format!("from {}", attempt.address),
        );
        let record =
            |action| audit::record(self.db(), attempt.at, &actor, action, subject, &detail);
        if let LoginGate::Wait { until } = gate {
            record(AuditAction::LoginThrottled).await?;
            return Ok(LoginOutcome::MustWait { until });
        }
        let password_matches = crate::accounts::password_matches(
            attempt.password,
            person.as_ref().and_then(|p| p.password_hash.as_deref()),
        );
        let admitted = person
            .as_ref()
            .filter(|p| password_matches && p.is_active_on(mamori_domain::agency_date(attempt.at)));
        let Some(person) = admitted else {
            login_failure::ActiveModel {
                at: Set(attempt.at),
                account: Set(account),
                address: Set(attempt.address.to_string()),
                ..Default::default()
            }
            .insert(self.db())
            .await?;
            forget_old_failures(self.db(), &rule, attempt.at).await?;
            record(AuditAction::LoginFailed).await?;
            return Ok(LoginOutcome::Refused);
        };
        login_failure::Entity::delete_many()
            .filter(login_failure::Column::Account.eq(account))
            .exec(self.db())
            .await?;
        record(AuditAction::Login).await?;
        Ok(LoginOutcome::Admitted {
            staff_id: person.id,
        })
    }

    /// Until when a person's logins must wait, if they must (for their page in the admin UI,
    /// `staff_detail`).
    pub(crate) async fn login_hold_of(
        &self,
        person: &staff::Model,
        now: DateTime<Utc>,
    ) -> Result<Option<DateTime<Utc>>, StoreError> {
        let rule = ThrottleRule::default();
        let failures = self
            .failures(
                login_failure::Column::Account,
                &person_key(person),
                &rule,
                now,
            )
            .await?;
        Ok(match rule.gate(&failures, &[], now) {
            LoginGate::Wait { until } => Some(until),
            LoginGate::Open => None,
        })
    }

    /// Lets a person whose logins must wait try again at once (an admin's decision, audited).
    pub async fn lift_login_hold(
        &self,
        employee_id: &EmployeeId,
        lifted_by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let person = self.staff_member(employee_id).await?;
        login_failure::Entity::delete_many()
            .filter(login_failure::Column::Account.eq(person_key(&person)))
            .exec(self.db())
            .await?;
        audit::record(
            self.db(),
            now,
            lifted_by,
            AuditAction::LoginUnlocked,
            Some(employee_id.as_str()),
            "",
        )
        .await
    }

    /// Records a logout in the audit log: from where, and how many sessions it ended (more
    /// than one when logging out everywhere).
    pub async fn record_logout(
        &self,
        employee_id: &EmployeeId,
        address: &str,
        sessions_ended: u64,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        audit::record(
            self.db(),
            now,
            employee_id.as_str(),
            AuditAction::Logout,
            Some(employee_id.as_str()),
            &format!("from {address}; sessions ended: {sessions_ended}"),
        )
        .await
    }

    /// The person a login names, by employee ID or e-mail (any case).
    async fn person_logging_in(&self, login: &str) -> Result<Option<staff::Model>, StoreError> {
        let login = login.trim();
        Ok(staff::Entity::find()
            .filter(
                staff::Column::EmployeeId
                    .eq(login)
                    .or(staff::Column::Email.eq(login.to_lowercase())),
            )
            .one(self.db())
            .await?)
    }

    /// The times of the failures of one account or one address that still count.
    async fn failures(
        &self,
        by: login_failure::Column,
        key: &str,
        rule: &ThrottleRule,
        now: DateTime<Utc>,
    ) -> Result<Vec<DateTime<Utc>>, StoreError> {
        Ok(login_failure::Entity::find()
            .select_only()
            .column(login_failure::Column::At)
            .filter(by.eq(key))
            .filter(login_failure::Column::At.gt(rule.forget_before(now)))
            .into_tuple()
            .all(self.db())
            .await?)
    }
}

/// Failures that no longer count are removed, so the table stays small.
async fn forget_old_failures(
    db: &impl ConnectionTrait,
    rule: &ThrottleRule,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    login_failure::Entity::delete_many()
        .filter(login_failure::Column::At.lte(rule.forget_before(now)))
        .exec(db)
        .await?;
    Ok(())
}
