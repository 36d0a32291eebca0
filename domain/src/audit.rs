//! What the audit log records: who did what, to whom, when and from where (政府機関等の対策基準,
//! ログの取得). One code per kind of event, kept in the database and the CSV; the pages name
//! each in the viewer's language.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// One kind of audited event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AuditAction {
    /// A person logged in.
    Login,
    /// A login was refused: wrong name or password, or no longer on staff.
    LoginFailed,
    /// A login was not even tried: too many failures of late (see `login_throttle`).
    LoginThrottled,
    /// An admin let an account that had to wait try again at once.
    LoginUnlocked,
    Logout,
    /// A directory change from a `staff.csv` import.
    StaffImport,
    /// A directory change made by an admin on a person's page.
    StaffEdit,
    /// A person recorded as leaving.
    StaffLeft,
    PasswordLinkSent,
    PasswordSet,
    /// A file of personal data or results downloaded (the staff list, reports, quiz results,
    /// self-inspection answers), with the scope asked for.
    DataExported,
    ModulePublished,
    ModuleArchived,
    /// A module assigned to people, or an assignment changed or removed.
    AssignmentChanged,
    /// The reminder rules, a mail template or the holidays changed.
    MailSettingsChanged,
    /// A self-inspection campaign created, changed, opened or closed.
    InspectionCampaignChanged,
    /// A self-inspection item added, changed, removed or imported.
    InspectionItemsChanged,
}

impl AuditAction {
    pub const ALL: [AuditAction; 17] = [
        AuditAction::Login,
        AuditAction::LoginFailed,
        AuditAction::LoginThrottled,
        AuditAction::LoginUnlocked,
        AuditAction::Logout,
        AuditAction::StaffImport,
        AuditAction::StaffEdit,
        AuditAction::StaffLeft,
        AuditAction::PasswordLinkSent,
        AuditAction::PasswordSet,
        AuditAction::DataExported,
        AuditAction::ModulePublished,
        AuditAction::ModuleArchived,
        AuditAction::AssignmentChanged,
        AuditAction::MailSettingsChanged,
        AuditAction::InspectionCampaignChanged,
        AuditAction::InspectionItemsChanged,
    ];

    /// The code kept in the database and written to the CSV.
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Login => "account.login",
            AuditAction::LoginFailed => "account.login_failed",
            AuditAction::LoginThrottled => "account.login_throttled",
            AuditAction::LoginUnlocked => "account.login_unlocked",
            AuditAction::Logout => "account.logout",
            AuditAction::StaffImport => "staff.import",
            AuditAction::StaffEdit => "staff.edit",
            AuditAction::StaffLeft => "staff.left",
            AuditAction::PasswordLinkSent => "account.password_link",
            AuditAction::PasswordSet => "account.password_set",
            AuditAction::DataExported => "data.export",
            AuditAction::ModulePublished => "training.publish",
            AuditAction::ModuleArchived => "training.archive",
            AuditAction::AssignmentChanged => "training.assignment",
            AuditAction::MailSettingsChanged => "mail.settings",
            AuditAction::InspectionCampaignChanged => "inspection.campaign",
            AuditAction::InspectionItemsChanged => "inspection.items",
        }
    }
}

/// Which entries an admin asks for. Dates are the agency's, both ends included.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    /// An employee ID (or a login name as typed): entries by them or about them.
    pub person: Option<String>,
    pub from: Option<chrono::NaiveDate>,
    pub until: Option<chrono::NaiveDate>,
}

impl AuditFilter {
    /// The moments the dates span: from the start of `from` to the end of `until`, as
    /// `[start, end)` in UTC.
    pub fn moments(
        &self,
    ) -> (
        Option<chrono::DateTime<chrono::Utc>>,
        Option<chrono::DateTime<chrono::Utc>>,
    ) {
        let midnight = |date: chrono::NaiveDate| {
            date.and_hms_opt(0, 0, 0)
                .expect("midnight exists")
                .and_utc()
                - chrono::Duration::hours(crate::fiscal_year::AGENCY_OFFSET_HOURS)
        };
        (
            self.from.map(midnight),
            self.until
                .map(|until| midnight(until) + chrono::Duration::days(1)),
        )
    }
}

/// One entry of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: chrono::DateTime<chrono::Utc>,
    /// An employee ID, `cli:<user>`, or for logins the name as typed.
    pub actor: String,
    pub action: AuditAction,
    /// The person concerned, if one is.
    pub subject: Option<String>,
    pub detail: String,
}

/// A page of the audit log, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown audit action {0:?}")]
pub struct UnknownAuditAction(pub String);

impl FromStr for AuditAction {
    type Err = UnknownAuditAction;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|action| action.code() == code)
            .ok_or_else(|| UnknownAuditAction(code.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_action() {
        for action in AuditAction::ALL {
            assert_eq!(action.code().parse::<AuditAction>(), Ok(action));
        }
        assert!("account.unknown".parse::<AuditAction>().is_err());
    }

    #[test]
    fn a_filters_dates_are_whole_agency_days() {
        use chrono::TimeZone;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let filter = AuditFilter {
            from: Some(day),
            until: Some(day),
            ..AuditFilter::default()
        };
        assert_eq!(
            filter.moments(),
            (
                Some(
                    chrono::Utc
                        .with_ymd_and_hms(2026, 11, 30, 15, 0, 0)
                        .unwrap()
                ),
                Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 15, 0, 0).unwrap()),
            )
        );
    }
}
