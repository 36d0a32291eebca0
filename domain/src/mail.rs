//! Mail: the Japanese text Mamori sends (plain functions, so that the wording is tested here and
//! the senders only fill it in), and the record of what was sent.

use crate::{
    fiscal_year::{agency_time, japanese_date},
    reminder::ReminderKind,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailText {
    pub subject: String,
    pub body: String,
}

/// One mail Mamori queued, as listed on a person's page and in the admins' outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailRecord {
    /// The person it is about (its recipient, for reminders).
    pub employee_id: Option<String>,
    pub kind: MailKind,
    pub to_address: String,
    pub subject: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// Set when a reminder was no longer needed before it went out (completed, left,
    /// archived).
    pub cancelled_at: Option<DateTime<Utc>>,
}

/// What a queued mail is for. The outbox records it by its code (`notice`, `password_link` …),
/// which is also how it travels to the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum MailKind {
    Reminder(ReminderKind),
    PasswordLink,
}

impl MailKind {
    pub fn code(self) -> &'static str {
        match self {
            MailKind::Reminder(kind) => kind.code(),
            MailKind::PasswordLink => "password_link",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "password_link" => Some(MailKind::PasswordLink),
            code => ReminderKind::from_code(code).map(MailKind::Reminder),
        }
    }
}

impl TryFrom<String> for MailKind {
    type Error = String;

    fn try_from(code: String) -> Result<Self, String> {
        MailKind::from_code(&code).ok_or_else(|| format!("no mail kind {code:?}"))
    }
}

impl From<MailKind> for String {
    fn from(kind: MailKind) -> String {
        kind.code().to_string()
    }
}

/// Where a mail stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailStatus {
    /// Queued, not yet tried.
    Waiting,
    /// Tried and failed; it is retried later.
    Failing,
    Sent,
    /// No longer needed before it went out.
    Cancelled,
}

impl MailStatus {
    pub const ALL: [MailStatus; 4] = [
        MailStatus::Waiting,
        MailStatus::Failing,
        MailStatus::Sent,
        MailStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MailStatus::Waiting => "waiting",
            MailStatus::Failing => "failing",
            MailStatus::Sent => "sent",
            MailStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl MailRecord {
    pub fn status(&self) -> MailStatus {
        match (self.sent_at, self.cancelled_at, &self.last_error) {
            (Some(_), _, _) => MailStatus::Sent,
            (None, Some(_), _) => MailStatus::Cancelled,
            (None, None, Some(_)) => MailStatus::Failing,
            (None, None, None) => MailStatus::Waiting,
        }
    }
}

/// The outbox as admins see it: how many mails stand where, and the latest of the chosen
/// status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbox {
    pub counts: Vec<(MailStatus, u64)>,
    pub latest: Vec<MailRecord>,
    /// Outside the sending hours, when reminder passes next run: notices of assignments made
    /// meanwhile appear in the outbox only then.
    pub reminders_resume_at: Option<DateTime<Utc>>,
}

/// A date and time in the agency's time zone, as Japanese mail writes it: 令和8年11月29日 09:30.
pub fn japanese_date_time(at: DateTime<Utc>) -> String {
    let local = agency_time(at);
    format!("{} {}", japanese_date(local.date()), local.format("%H:%M"))
}

/// The mail with a one-use link to set one's password.
pub fn password_link(name: &str, link: &str, expires_at: DateTime<Utc>) -> MailText {
    MailText {
        subject: "【守り】パスワード設定のご案内".to_string(),
        body: format!(
            "{name} 様\n\n\
             情報セキュリティ研修システム「守り」のパスワードを設定してください。\n\
             次のリンクを開き、新しいパスワードを入力してください。\n\n\
             {link}\n\n\
             このリンクは一度だけ使えます。有効期限は {expires} です。\n\
             期限が過ぎた場合は、システム管理者に再発行を依頼してください。\n\
             このメールに心当たりがない場合は、リンクを開かずに破棄してください。\n\n\
             -- \n守り（情報セキュリティ研修）\n",
            expires = japanese_date_time(expires_at),
        ),
    }
}

/// Why a change to reminder mail: its policy, templates and holidays is refused (see `crate::refusal`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum MailRefusal {
    #[error("the subject is empty")]
    SubjectEmpty,
    /// A template names a placeholder its kind does not fill (`known` are those it may use).
    #[error("{{{placeholder}}} is not known here; use {}", braced(known))]
    UnknownPlaceholder {
        placeholder: String,
        known: Vec<String>,
    },
    /// A `{` without its `}`, from the brace on.
    #[error("a brace is not closed: {from:?}")]
    BraceNotClosed { from: String },
    /// A day in the reminder policy's "days before the due date".
    #[error("{day:?} is not a number of days from 1 to 365")]
    BadDays { day: String },
    /// A holiday list's bad lines; nothing was saved.
    #[error("{}", crate::csv::joined(errors, "\n"))]
    BadHolidays { errors: Vec<crate::csv::LineError> },
}

/// Placeholders as a template writes them: `{name} {module}`.
pub fn braced(names: &[String]) -> String {
    names
        .iter()
        .map(|name| format!("{{{name}}}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn writes_times_in_japan_time_with_the_era() {
        let at = Utc.with_ymd_and_hms(2026, 11, 28, 15, 30, 0).unwrap();
        assert_eq!(japanese_date_time(at), "令和8年11月29日 00:30");
    }

    #[test]
    fn the_password_mail_carries_name_link_and_expiry() {
        let expires = Utc.with_ymd_and_hms(2026, 11, 29, 0, 0, 0).unwrap();
        let mail = password_link(
            "山田 太郎",
            "https://mamori.example/set-password/abc",
            expires,
        );
        assert!(mail.subject.contains("パスワード設定"));
        assert!(mail.body.starts_with("山田 太郎 様\n"));
        assert!(
            mail.body
                .contains("\nhttps://mamori.example/set-password/abc\n")
        );
        assert!(mail.body.contains("令和8年11月29日 09:00"));
    }
}
