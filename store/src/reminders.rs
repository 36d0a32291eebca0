//! Reminder passes: as of a moment, queue the notices and reminders the policy says are due,
//! and the managers' weekly digest, each under a unique key so that it is queued once however
//! often (or however concurrently) passes run. Also the data admins change: the default
//! policy, the templates and the holiday list.

use crate::{
    Store, StoreError,
    entities::{holiday, managed_division, staff},
    outbox::{QueuedMail, enqueue, inspection_key_prefix},
    training::RosterEntry,
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear, agency_date,
    business_calendar::{
        BusinessCalendar, DEFAULT_HOLIDAYS, Holiday, default_holidays_running_out, parse_holidays,
    },
    mail::MailKind,
    reminder::{
        MailTemplate, OverdueEntry, ReminderKind, ReminderPolicy, digest_day, digest_mail,
        inspection_mail, learner_mail,
    },
};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use std::collections::{BTreeMap, HashMap};

const POLICY_KEY: &str = "reminder_policy";

fn template_key(kind: ReminderKind) -> String {
    format!("mail_template.{}", kind.code())
}

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PassReport {
    /// False outside business days and hours: nothing was looked at.
    pub sending_time: bool,
    /// The last day of the default holiday list, when it ends within a year: business days
    /// after it are guessed until an admin imports a list.
    pub holidays_running_out: Option<NaiveDate>,
    /// Assignments looked at (people × modules, not yet completed).
    pub open_assignments: usize,
    /// Mail newly queued, by kind. Mail queued by an earlier pass is not counted again.
    pub queued: BTreeMap<ReminderKind, usize>,
}

impl PassReport {
    pub fn total(&self) -> usize {
        self.queued.values().sum()
    }
}

/// The holiday list in force: an admin's, or the default one (`imported` false).
pub struct HolidaysInForce {
    pub holidays: Vec<Holiday>,
    pub imported: bool,
}

impl HolidaysInForce {
    /// The business days these holidays leave.
    pub fn calendar(&self) -> BusinessCalendar {
        BusinessCalendar::new(self.holidays.iter().map(|h| h.date))
    }
}

impl Store {
    /// The holidays in force: the list an admin imported, or the default one.
    pub async fn holidays(&self) -> Result<Vec<Holiday>, StoreError> {
        Ok(self.holidays_in_force().await?.holidays)
    }

    /// The business days of the holidays in force: when mail goes out and due dates fall.
    pub async fn business_calendar(&self) -> Result<BusinessCalendar, StoreError> {
        Ok(self.holidays_in_force().await?.calendar())
    }

    /// The holidays in force, and whether an admin imported them.
    pub async fn holidays_in_force(&self) -> Result<HolidaysInForce, StoreError> {
        let imported: Vec<Holiday> = holiday::Entity::find()
            .all(self.db())
            .await?
            .into_iter()
            .map(|h| Holiday {
                date: h.date,
                name: h.name,
            })
            .collect();
        if !imported.is_empty() {
            return Ok(HolidaysInForce {
                holidays: imported,
                imported: true,
            });
        }
        let default = parse_holidays(DEFAULT_HOLIDAYS.as_bytes())
            .map_err(|_| StoreError::Corrupt("the default holiday list does not read".into()))?;
        Ok(HolidaysInForce {
            holidays: default,
            imported: false,
        })
    }

    /// Replaces the holiday list as a whole.
    pub async fn replace_holidays(&self, holidays: &[Holiday]) -> Result<(), StoreError> {
        let txn = self.db().begin().await?;
        holiday::Entity::delete_many().exec(&txn).await?;
        if !holidays.is_empty() {
            holiday::Entity::insert_many(holidays.iter().map(|h| holiday::ActiveModel {
                date: Set(h.date),
                name: Set(h.name.clone()),
            }))
            .exec_without_returning(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// The policy of assignments that have none of their own.
    pub async fn reminder_policy(&self) -> Result<ReminderPolicy, StoreError> {
        match self.setting(POLICY_KEY).await? {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("reminder policy: {e}"))),
            None => Ok(ReminderPolicy::default()),
        }
    }

    pub async fn save_reminder_policy(&self, policy: &ReminderPolicy) -> Result<(), StoreError> {
        let json = serde_json::to_string(policy)
            .map_err(|e| StoreError::Corrupt(format!("reminder policy: {e}")))?;
        self.put_setting(POLICY_KEY, &json).await
    }

    /// A kind's template: as an admin saved it, or Mamori's.
    pub async fn mail_template(&self, kind: ReminderKind) -> Result<MailTemplate, StoreError> {
        match self.setting(&template_key(kind)).await? {
            Some(json) => serde_json::from_str(&json)
                .map_err(|e| StoreError::Corrupt(format!("mail template: {e}"))),
            None => Ok(MailTemplate::default_for(kind)),
        }
    }

    /// Saves a template after checking its placeholders.
    pub async fn save_mail_template(
        &self,
        kind: ReminderKind,
        template: &MailTemplate,
    ) -> Result<(), StoreError> {
        template.check(kind)?;
        let json = serde_json::to_string(template)
            .map_err(|e| StoreError::Corrupt(format!("mail template: {e}")))?;
        self.put_setting(&template_key(kind), &json).await
    }

    /// One reminder pass as of `now`. Links start with `base_url`.
    pub async fn run_reminder_pass(
        &self,
        now: DateTime<Utc>,
        base_url: &str,
    ) -> Result<PassReport, StoreError> {
        let in_force = self.holidays_in_force().await?;
        let calendar = in_force.calendar();
        let today = agency_date(now);
        let holidays_running_out = default_holidays_running_out(in_force.imported, today);
        if !calendar.is_sending_time(now) {
            return Ok(PassReport {
                holidays_running_out,
                ..PassReport::default()
            });
        }
        let default_policy = self.reminder_policy().await?;
        let mut templates = HashMap::new();
        for kind in ReminderKind::ALL {
            templates.insert(kind, self.mail_template(kind).await?);
        }
        let open: Vec<RosterEntry> = self
            .roster(today)
            .await?
            .into_iter()
            .filter(|e| e.completed_at().is_none())
            .collect();
        let inspection_due = self.inspection_mail_due(today, &default_policy).await?;
        let mut report = PassReport {
            sending_time: true,
            holidays_running_out,
            open_assignments: open.len(),
            queued: BTreeMap::new(),
        };

        // One transaction: quick on SQLite, and on PostgreSQL a concurrent pass waits on the
        // same keys and then finds them queued.
        let txn = self.db().begin().await?;
        for entry in &open {
            let policy = entry
                .assigned
                .info
                .reminder_policy
                .as_ref()
                .unwrap_or(&default_policy);
            let assigned_on =
                agency_date(entry.assigned.assignment.created_at).max(entry.person.active_from);
            let Some(reminder) = policy.due_reminder(assigned_on, entry.due, today) else {
                continue;
            };
            let text = learner_mail(
                &templates[&reminder.kind],
                &entry.person.name,
                &entry.assigned.module.title,
                entry.due,
                today,
                &format!("{base_url}/modules/{}", entry.assigned.module.slug),
            );
            let mail = QueuedMail {
                key: format!(
                    "reminder:{}:{}:{}:{}",
                    entry.person.id,
                    entry.assigned.assignment.id,
                    reminder.kind.code(),
                    reminder.scheduled_on
                ),
                employee_id: Some(entry.person.employee_id.as_str()),
                kind: MailKind::Reminder(reminder.kind),
                to_address: &entry.person.email,
                to_name: &entry.person.name,
                subject: text.subject,
                body: text.body,
                assignment_id: Some(entry.assigned.assignment.id),
            };
            if enqueue(&txn, mail, now).await? {
                *report.queued.entry(reminder.kind).or_default() += 1;
            }
        }

        for due in &inspection_due {
            let kind = due.reminder.kind;
            let person = &due.person;
            let text = inspection_mail(
                &templates[&kind],
                &person.name,
                &FiscalYear::new(due.fiscal_year).japanese_label(),
                due.closes_on,
                today,
                &format!("{base_url}/inspection/{}", due.fiscal_year),
            );
            let mail = QueuedMail {
                key: format!(
                    "{}{}:{}",
                    inspection_key_prefix(due.campaign_id, person.id),
                    kind.code(),
                    due.reminder.scheduled_on
                ),
                employee_id: Some(person.employee_id.as_str()),
                kind: MailKind::Reminder(kind),
                to_address: &person.email,
                to_name: &person.name,
                subject: text.subject,
                body: text.body,
                assignment_id: None,
            };
            if enqueue(&txn, mail, now).await? {
                *report.queued.entry(kind).or_default() += 1;
            }
        }

        if default_policy.manager_digest {
            let mut overdue_by_division: HashMap<i32, Vec<OverdueEntry>> = HashMap::new();
            for entry in open.iter().filter(|e| e.due < today) {
                if let Some(division_id) = entry.person.division_id {
                    overdue_by_division
                        .entry(division_id)
                        .or_default()
                        .push(OverdueEntry {
                            division: entry.person.division.clone(),
                            employee_id: entry.person.employee_id.clone(),
                            name: entry.person.name.clone(),
                            module: entry.assigned.module.title.clone(),
                            due: entry.due,
                        });
                }
            }
            let mut managed: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
            for row in managed_division::Entity::find().all(&txn).await? {
                managed
                    .entry(row.staff_id)
                    .or_default()
                    .push(row.division_id);
            }
            let managers = staff::Entity::find()
                .filter(staff::Column::Id.is_in(managed.keys().copied()))
                .all(&txn)
                .await?;
            let week = digest_day(today);
            for manager in managers.iter().filter(|m| m.is_active_on(today)) {
                let overdue: Vec<OverdueEntry> = managed[&manager.id]
                    .iter()
                    .flat_map(|d| overdue_by_division.get(d).into_iter().flatten())
                    .cloned()
                    .collect();
                if overdue.is_empty() {
                    continue;
                }
                let text = digest_mail(
                    &templates[&ReminderKind::ManagerDigest],
                    &manager.name,
                    &overdue,
                    &format!("{base_url}/manager"),
                );
                let mail = QueuedMail {
                    key: format!("digest:{}:{week}", manager.id),
                    employee_id: Some(&manager.employee_id),
                    kind: MailKind::Reminder(ReminderKind::ManagerDigest),
                    to_address: &manager.email,
                    to_name: &manager.name,
                    subject: text.subject,
                    body: text.body,
                    assignment_id: None,
                };
                if enqueue(&txn, mail, now).await? {
                    *report
                        .queued
                        .entry(ReminderKind::ManagerDigest)
                        .or_default() += 1;
                }
            }
        }
        txn.commit().await?;
        Ok(report)
    }
}
