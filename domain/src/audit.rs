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
}

impl AuditAction {
    pub const ALL: [AuditAction; 10] = [
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
        }
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
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
}
