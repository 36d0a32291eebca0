//! Mail: the admins' outbox and reminder settings (policy, templates, holidays), and each
//! person's own mail.

use crate::error::AppError;
use leptos::prelude::*;
use mamori_domain::{
    mail::{MailRecord, Outbox},
    reminder::ReminderSettings,
};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::server::{Needs, audit, refuse, refused, require, store_error};
#[cfg(feature = "ssr")]
use mamori_domain::{
    AuditAction, Permission, agency_date,
    mail::{MailRefusal, MailStatus},
    reminder::{MailSample, MailTemplate, ReminderKind},
};

/// The policy form as sent: checkboxes that are absent when cleared, days as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PolicyForm {
    pub notice: bool,
    pub days_before: String,
    pub on_due_date: bool,
    pub overdue_every_days: u32,
    pub manager_digest: bool,
}

impl PolicyForm {
    pub fn from_policy(policy: &mamori_domain::reminder::ReminderPolicy) -> Self {
        PolicyForm {
            notice: policy.notice,
            days_before: policy
                .days_before
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            on_due_date: policy.on_due_date,
            overdue_every_days: policy.overdue_every_days,
            manager_digest: policy.manager_digest,
        }
    }

    /// The policy the form describes, or why not.
    pub fn to_policy(
        &self,
    ) -> Result<mamori_domain::reminder::ReminderPolicy, mamori_domain::mail::MailRefusal> {
        Ok(mamori_domain::reminder::ReminderPolicy {
            notice: self.notice,
            days_before: mamori_domain::reminder::ReminderPolicy::parse_days(&self.days_before)?,
            on_due_date: self.on_due_date,
            overdue_every_days: self.overdue_every_days,
            manager_digest: self.manager_digest,
        })
    }
}

/// The outbox's counts and its newest mail of one status (`waiting`, `failing`, `sent`,
/// `cancelled`; anything else for all). Admins only.
#[server(endpoint = "outbox_mail")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn outbox_mail(#[server(default)] status: String) -> Result<Outbox, AppError> {
    let (state, _) = require(Permission::AdministerStaff).await?;
    state
        .store
        .outbox(MailStatus::from_code(&status), 200, chrono::Utc::now())
        .await
        .map_err(store_error)
}

/// The mail Mamori queued for the caller.
#[server(endpoint = "my_mail")]
#[middleware(Needs(Permission::TakeTraining))]
pub async fn my_mail() -> Result<Vec<MailRecord>, AppError> {
    let (state, actor) = require(Permission::TakeTraining).await?;
    state
        .store
        .mail_of(&actor.employee_id)
        .await
        .map_err(store_error)
}

/// The reminder policy, templates and holidays in force. Admins only.
#[server(endpoint = "mail_settings")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn mail_settings() -> Result<ReminderSettings, AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let store = &state.store;
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let mut templates = Vec::new();
    for kind in ReminderKind::ALL {
        templates.push((kind, store.mail_template(kind).await.map_err(store_error)?));
    }
    let in_force = store.holidays_in_force().await.map_err(store_error)?;
    Ok(ReminderSettings {
        policy: store.reminder_policy().await.map_err(store_error)?,
        templates,
        holidays: mamori_domain::business_calendar::write_holidays(&in_force.holidays)
            .trim_start_matches('\u{feff}')
            .to_string(),
        holidays_running_out: mamori_domain::business_calendar::default_holidays_running_out(
            in_force.imported,
            today,
        ),
        sample: sample_for(&state, &actor, today),
    })
}

#[cfg(feature = "ssr")]
fn sample_for(
    state: &super::server::AppState,
    actor: &mamori_domain::Actor,
    today: chrono::NaiveDate,
) -> MailSample {
    MailSample {
        name: actor.name.clone(),
        today,
        base_url: state.base_url.clone(),
    }
}

#[server(endpoint = "save_reminder_policy")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn save_reminder_policy(policy: PolicyForm) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let policy = policy.to_policy().map_err(refused)?;
    state
        .store
        .save_reminder_policy(&policy)
        .await
        .map_err(store_error)?;
    let detail = format!("reminder rules: {policy:?}");
    audit(&state, &actor, AuditAction::MailSettingsChanged, detail).await
}

/// What the template form did: saved the text, or mailed its sample to the admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TemplateOutcome {
    Saved,
    TestSent { to: String },
}

/// Saves a kind's template; a placeholder it does not know is refused with the ones it does.
/// With `send_test` (the form's other button), nothing is saved: the text as typed, filled in
/// as a sample, goes to the admin's own address at once.
#[server(endpoint = "save_mail_template")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn save_mail_template(
    kind: String,
    subject: String,
    body: String,
    #[server(default)] send_test: bool,
) -> Result<TemplateOutcome, AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    // Only a tampered form names a kind the page does not offer.
    let kind = ReminderKind::from_code(&kind).ok_or_else(|| refuse(AppError::NotFound))?;
    let template = MailTemplate { subject, body };
    if send_test {
        template.check(kind).map_err(refused)?;
        let now = chrono::Utc::now();
        let text = template.sample(kind, &sample_for(&state, &actor, agency_date(now)));
        let to = state
            .store
            .send_test_mail(&actor.employee_id, kind, text, now)
            .await
            .map_err(store_error)?;
        // Nothing changed: the outbox is the record of the mail.
        return Ok(TemplateOutcome::TestSent { to });
    }
    state
        .store
        .save_mail_template(kind, &template)
        .await
        .map_err(store_error)?;
    let detail = format!("template {}", kind.code());
    audit(&state, &actor, AuditAction::MailSettingsChanged, detail).await?;
    Ok(TemplateOutcome::Saved)
}

/// Replaces the holiday list with `date,name` lines, all or nothing (every bad line refused).
#[server(endpoint = "save_holidays")]
#[middleware(Needs(Permission::AdministerStaff))]
pub async fn save_holidays(text: String) -> Result<usize, AppError> {
    let (state, actor) = require(Permission::AdministerStaff).await?;
    let holidays = mamori_domain::business_calendar::parse_holidays(text.as_bytes())
        .map_err(|errors| refused(MailRefusal::BadHolidays { errors }))?;
    state
        .store
        .replace_holidays(&holidays)
        .await
        .map_err(store_error)?;
    let detail = format!("holidays: {} days", holidays.len());
    audit(&state, &actor, AuditAction::MailSettingsChanged, detail).await?;
    Ok(holidays.len())
}

/// Gives an assignment its own reminder policy (`own`), or returns it to the default.
#[server(endpoint = "save_assignment_reminders")]
#[middleware(Needs(Permission::AuthorTraining))]
pub async fn save_assignment_reminders(
    assignment_id: i32,
    #[server(default)] own: bool,
    #[server(default)] policy: PolicyForm,
) -> Result<(), AppError> {
    let (state, actor) = require(Permission::AuthorTraining).await?;
    let policy = if own {
        Some(policy.to_policy().map_err(refused)?)
    } else {
        None
    };
    state
        .store
        .set_assignment_reminder_policy(assignment_id, policy.as_ref())
        .await
        .map_err(store_error)?;
    let detail = format!("assignment {assignment_id} reminder rules: {policy:?}");
    audit(&state, &actor, AuditAction::MailSettingsChanged, detail).await
}
