//! The durable mail outbox. Mail is queued in the same transaction as the change that causes
//! it, under a unique key, so it is queued once; a delivery pass claims each due mail before
//! sending it, so that two servers sharing a database do not both send it.

use crate::{Store, StoreError, entities::mail_outbox};
use chrono::{DateTime, Duration, SubsecRound, Utc};
use mamori_domain::{
    EmployeeId,
    mail::{MailKind, MailRecord, MailStatus, MailText, Outbox},
    reminder::ReminderKind,
};
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
    sea_query::{Expr, ExprTrait, OnConflict},
};

/// A mail to queue.
pub struct QueuedMail<'a> {
    /// Unique per mail: queueing the same key again does nothing.
    pub key: String,
    pub employee_id: Option<&'a str>,
    pub kind: MailKind,
    pub to_address: &'a str,
    pub to_name: &'a str,
    pub subject: String,
    pub body: String,
    /// For reminders, the assignment they chase (see `cancel_reminders`).
    pub assignment_id: Option<i32>,
}

/// A queued mail as the sender sees it.
#[derive(Debug, Clone)]
pub struct DueMail {
    pub id: i32,
    pub key: String,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
    pub attempts: i32,
    claimed_until: DateTime<Utc>,
}

/// Mail that is due at `now`: not sent, not cancelled, and not claimed by a sender.
fn due_at(now: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(mail_outbox::Column::SentAt.is_null())
        .add(mail_outbox::Column::CancelledAt.is_null())
        .add(mail_outbox::Column::NextAttemptAt.lte(now))
}

/// How long a claimed mail is left to its sender before another pass may try it.
const CLAIM: Duration = Duration::minutes(5);

/// Waiting time after the n-th failed attempt: 1, 2, 4 … minutes, at most an hour.
pub fn retry_delay(attempts: i32) -> Duration {
    Duration::minutes(1i64 << attempts.clamp(1, 7).saturating_sub(1)).min(Duration::hours(1))
}

/// Queues a mail; false when its key was queued before (so it is not queued again).
pub(crate) async fn enqueue(
    db: &impl ConnectionTrait,
    mail: QueuedMail<'_>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let row = mail_outbox::ActiveModel {
        mail_key: Set(mail.key),
        employee_id: Set(mail.employee_id.map(str::to_string)),
        kind: Set(mail.kind.code().to_string()),
        to_address: Set(mail.to_address.to_string()),
        to_name: Set(mail.to_name.to_string()),
        subject: Set(mail.subject),
        body: Set(mail.body),
        created_at: Set(now),
        next_attempt_at: Set(now),
        attempts: Set(0),
        last_error: Set(None),
        sent_at: Set(None),
        assignment_id: Set(mail.assignment_id),
        cancelled_at: Set(None),
        ..Default::default()
    };
    let inserted = mail_outbox::Entity::insert(row)
        .on_conflict(
            OnConflict::column(mail_outbox::Column::MailKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(inserted == 1)
}

/// Whose unsent reminders stop: a person's for one assignment they completed, all of a
/// person's when they leave, all of an archived module's assignments, or a person's for a
/// self-inspection they submitted.
pub(crate) enum Stop<'a> {
    Completed {
        employee_id: &'a str,
        assignment_id: i32,
    },
    Left {
        employee_id: &'a str,
    },
    Archived {
        assignment_ids: Vec<i32>,
    },
    /// A person submitted a self-inspection.
    Submitted {
        campaign_id: i32,
        staff_id: i32,
    },
}

/// The start of the keys of a person's self-inspection mail for one campaign.
pub(crate) fn inspection_key_prefix(campaign_id: i32, staff_id: i32) -> String {
    format!("inspection:{campaign_id}:{staff_id}:")
}

/// Cancels the reminders not yet sent. A mail already claimed by a sender at this moment may
/// still go out (the one window documented in the README).
pub(crate) async fn cancel_reminders(
    db: &impl ConnectionTrait,
    stop: Stop<'_>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let which = match stop {
        Stop::Completed {
            employee_id,
            assignment_id,
        } => Condition::all()
            .add(mail_outbox::Column::EmployeeId.eq(employee_id))
            .add(mail_outbox::Column::AssignmentId.eq(assignment_id)),
        Stop::Left { employee_id } => Condition::all()
            .add(mail_outbox::Column::EmployeeId.eq(employee_id))
            .add(mail_outbox::Column::AssignmentId.is_not_null()),
        Stop::Archived { assignment_ids } => {
            Condition::all().add(mail_outbox::Column::AssignmentId.is_in(assignment_ids))
        }
        Stop::Submitted {
            campaign_id,
            staff_id,
        } => Condition::all().add(
            mail_outbox::Column::MailKey.starts_with(inspection_key_prefix(campaign_id, staff_id)),
        ),
    };
    mail_outbox::Entity::update_many()
        .col_expr(mail_outbox::Column::CancelledAt, Expr::value(now))
        .filter(which)
        .filter(mail_outbox::Column::SentAt.is_null())
        .filter(mail_outbox::Column::CancelledAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

impl Store {
    /// Claims up to `limit` mails that are due: each is the caller's for a few minutes. One
    /// statement claims them all, so of two senders each mail goes to one.
    pub async fn claim_due_mail(
        &self,
        now: DateTime<Utc>,
        limit: u64,
    ) -> Result<Vec<DueMail>, StoreError> {
        let due = mail_outbox::Entity::find()
            .select_only()
            .column(mail_outbox::Column::Id)
            .filter(due_at(now))
            .order_by_asc(mail_outbox::Column::Id)
            .limit(limit)
            .into_tuple::<i32>()
            .all(self.db())
            .await?;
        if due.is_empty() {
            return Ok(Vec::new());
        }
        // Whole seconds: PostgreSQL keeps microseconds, and the value is compared later.
        let claimed_until = (now + CLAIM).trunc_subsecs(0);
        // The condition is checked again as each row is changed: a mail another sender
        // claimed meanwhile is no longer due.
        let mut claimed: Vec<DueMail> = mail_outbox::Entity::update_many()
            .col_expr(
                mail_outbox::Column::NextAttemptAt,
                Expr::value(claimed_until),
            )
            .filter(mail_outbox::Column::Id.is_in(due))
            .filter(due_at(now))
            .exec_with_returning(self.db())
            .await?
            .into_iter()
            .map(|mail| DueMail {
                id: mail.id,
                key: mail.mail_key,
                to_address: mail.to_address,
                to_name: mail.to_name,
                subject: mail.subject,
                body: mail.body,
                attempts: mail.attempts,
                claimed_until,
            })
            .collect();
        claimed.sort_by_key(|mail| mail.id);
        Ok(claimed)
    }

    /// Records that `mails` (claimed together) were sent at `now`, in one statement.
    pub async fn mark_mail_sent(
        &self,
        mails: &[DueMail],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let Some(first) = mails.first() else {
            return Ok(());
        };
        mail_outbox::Entity::update_many()
            .col_expr(mail_outbox::Column::SentAt, Expr::value(now))
            .col_expr(
                mail_outbox::Column::Attempts,
                Expr::col(mail_outbox::Column::Attempts).add(1),
            )
            .col_expr(
                mail_outbox::Column::LastError,
                Expr::value(Option::<String>::None),
            )
            .filter(mail_outbox::Column::Id.is_in(mails.iter().map(|mail| mail.id)))
            // Still this sender's: a claim that ran out was taken over by another.
            .filter(mail_outbox::Column::NextAttemptAt.eq(first.claimed_until))
            .exec(self.db())
            .await?;
        Ok(())
    }

    /// Records a failed attempt; the mail is tried again after `retry_delay`.
    pub async fn mark_mail_failed(
        &self,
        mail: &DueMail,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let attempts = mail.attempts + 1;
        self.finish_attempt(mail, |row| {
            row.attempts = Set(attempts);
            row.last_error = Set(Some(error.to_string()));
            row.next_attempt_at = Set(now + retry_delay(attempts));
        })
        .await
    }

    async fn finish_attempt(
        &self,
        mail: &DueMail,
        change: impl FnOnce(&mut mail_outbox::ActiveModel),
    ) -> Result<(), StoreError> {
        let mut row = mail_outbox::ActiveModel {
            id: sea_orm::ActiveValue::Unchanged(mail.id),
            ..Default::default()
        };
        change(&mut row);
        mail_outbox::Entity::update_many()
            .set(row)
            .filter(mail_outbox::Column::Id.eq(mail.id))
            .filter(mail_outbox::Column::NextAttemptAt.eq(mail.claimed_until))
            .exec(self.db())
            .await?;
        Ok(())
    }

    /// The mail about one person, newest first.
    pub async fn mail_of(&self, employee_id: &EmployeeId) -> Result<Vec<MailRecord>, StoreError> {
        mail_outbox::Entity::find()
            .filter(mail_outbox::Column::EmployeeId.eq(employee_id.as_str()))
            .order_by_desc(mail_outbox::Column::Id)
            .all(self.reads())
            .await?
            .into_iter()
            .map(record)
            .collect()
    }

    /// A template's sample to `employee_id` (an admin trying it), queued at once whatever the
    /// hour. Answers the address it goes to.
    pub async fn send_test_mail(
        &self,
        employee_id: &EmployeeId,
        kind: ReminderKind,
        text: MailText,
        now: DateTime<Utc>,
    ) -> Result<String, StoreError> {
        let person = self.staff_member(employee_id).await?;
        let text = text.as_test();
        let mail = QueuedMail {
            key: format!(
                "test:{}:{}:{}",
                person.id,
                kind.code(),
                now.timestamp_micros()
            ),
            employee_id: Some(&person.employee_id),
            kind: MailKind::Reminder(kind),
            to_address: &person.email,
            to_name: &person.name,
            subject: text.subject,
            body: text.body,
            assignment_id: None,
        };
        enqueue(self.db(), mail, now).await?;
        Ok(person.email)
    }

    /// The outbox as admins see it at `now`: how many mails stand where, the newest `limit` of
    /// one status (or of all), and when reminders resume if it is outside the sending hours.
    pub async fn outbox(
        &self,
        status: Option<MailStatus>,
        limit: u64,
        now: DateTime<Utc>,
    ) -> Result<Outbox, StoreError> {
        use mail_outbox::Column as C;
        let condition = |status: MailStatus| match status {
            MailStatus::Sent => Condition::all().add(C::SentAt.is_not_null()),
            MailStatus::Cancelled => Condition::all()
                .add(C::SentAt.is_null())
                .add(C::CancelledAt.is_not_null()),
            MailStatus::Failing => Condition::all()
                .add(C::SentAt.is_null())
                .add(C::CancelledAt.is_null())
                .add(C::LastError.is_not_null()),
            MailStatus::Waiting => Condition::all()
                .add(C::SentAt.is_null())
                .add(C::CancelledAt.is_null())
                .add(C::LastError.is_null()),
        };
        let mut counts = Vec::new();
        for each in MailStatus::ALL {
            let count = mail_outbox::Entity::find()
                .filter(condition(each))
                .count(self.db())
                .await?;
            counts.push((each, count));
        }
        let latest = mail_outbox::Entity::find()
            .filter(status.map_or_else(Condition::all, condition))
            .order_by_desc(C::Id)
            .limit(limit)
            .all(self.db())
            .await?
            .into_iter()
            .map(record)
            .collect::<Result<_, _>>()?;
        let resume = self.business_calendar().await?.next_sending_time(now);
        Ok(Outbox {
            counts,
            latest,
            reminders_resume_at: (resume > now).then_some(resume),
        })
    }
}

fn record(m: mail_outbox::Model) -> Result<MailRecord, StoreError> {
    Ok(MailRecord {
        kind: MailKind::from_code(&m.kind)
            .ok_or_else(|| StoreError::Corrupt(format!("mail {}: kind {:?}", m.id, m.kind)))?,
        employee_id: m.employee_id,
        to_address: m.to_address,
        subject: m.subject,
        created_at: m.created_at,
        sent_at: m.sent_at,
        attempts: m.attempts,
        last_error: m.last_error,
        cancelled_at: m.cancelled_at,
    })
}

#[cfg(test)]
mod tests {
    use super::retry_delay;
    use chrono::Duration;

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(retry_delay(1), Duration::minutes(1));
        assert_eq!(retry_delay(2), Duration::minutes(2));
        assert_eq!(retry_delay(4), Duration::minutes(8));
        assert_eq!(retry_delay(7), Duration::minutes(60));
        assert_eq!(retry_delay(30), Duration::minutes(60));
    }
}
