//! Typed values describing a staff member, parsed once at the edge ("parse, don't validate").

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidValue {
    #[error("employee ID must be 1–32 letters, digits, '-' or '_' (got `{0}`)")]
    EmployeeId(String),
    #[error("`{0}` is not an e-mail address")]
    Email(String),
    #[error("name must not be empty and at most 100 characters")]
    Name,
}

/// An employee ID (職員番号), the key of a staff member, e.g. `E0001`. Read from JSON it is
/// parsed too, so that no ID holds what `parse` refuses.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EmployeeId(String);

impl EmployeeId {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let id = raw.trim();
        let valid = !id.is_empty()
            && id.len() <= 32
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(Self(id.to_string()))
        } else {
            Err(InvalidValue::EmployeeId(raw.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for EmployeeId {
    type Error = InvalidValue;

    fn try_from(raw: String) -> Result<Self, InvalidValue> {
        Self::parse(&raw)
    }
}

impl From<EmployeeId> for String {
    fn from(id: EmployeeId) -> String {
        id.0
    }
}

impl fmt::Display for EmployeeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An e-mail address, stored lower-cased so that look-ups ignore case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// A deliberately small check (one `@`, a dotted domain, no spaces): the mail server is
    /// the final judge, this only catches typing and column mistakes in imports.
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let email = raw.trim().to_lowercase();
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && !email.chars().any(char::is_whitespace)
                    && email.len() <= 254
            }
            None => false,
        };
        if valid {
            Ok(Self(email))
        } else {
            Err(InvalidValue::Email(raw.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's display name (氏名), e.g. `山田 太郎`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffName(String);

impl StaffName {
    pub fn parse(raw: &str) -> Result<Self, InvalidValue> {
        let name = raw.trim();
        if name.is_empty() || name.chars().count() > 100 {
            Err(InvalidValue::Name)
        } else {
            Ok(Self(name.to_string()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StaffName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a change to the staff directory is refused (see `crate::refusal`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum DirectoryRefusal {
    #[error("{employee_id} is not on staff today")]
    NotOnStaff { employee_id: String },
    /// An admin's edit of one person, for the same reasons as a row of `staff.csv`.
    #[error("{}", crate::csv::joined(reasons, " / "))]
    BadEntry {
        reasons: Vec<crate::csv::LineReason>,
    },
    /// The date from which an edit takes effect.
    #[error("effective {value:?} is not a date in the form YYYY-MM-DD")]
    BadEffectiveDate { value: String },
    /// The day a staff list is asked for.
    #[error("{value:?} is not a date in the form YYYY-MM-DD")]
    BadDate { value: String },
    /// Confirming an upload whose rows the directory now refuses (it changed since the
    /// preview, which lists them).
    #[error("{count} bad row(s): nothing was imported")]
    BadRows { count: usize },
    #[error("staff upload {upload_id} is already applied")]
    UploadApplied { upload_id: i32 },
    #[error("the database already has staff; the demo loads only into an empty database")]
    NotEmptyForDemo,
    #[error("employee ID {employee_id} or e-mail {email} is already taken")]
    Taken { employee_id: String, email: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn employee_ids_are_trimmed_and_checked() {
        assert_eq!(EmployeeId::parse(" E0001 ").unwrap().as_str(), "E0001");
        for bad in ["", "E 1", "E0001;", &"E".repeat(33), "職員1"] {
            assert!(EmployeeId::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn employee_ids_read_from_json_are_parsed() {
        let id = EmployeeId::parse("E0001").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""E0001""#);
        assert_eq!(
            serde_json::from_str::<EmployeeId>(r#""E0001""#).unwrap(),
            id
        );
        assert!(serde_json::from_str::<EmployeeId>(r#""E 1""#).is_err());
    }

    #[test]
    fn email_addresses_are_lower_cased_and_checked() {
        assert_eq!(
            EmailAddress::parse("Taro.Yamada@Agency.Example")
                .unwrap()
                .as_str(),
            "taro.yamada@agency.example"
        );
        for bad in [
            "",
            "taro",
            "taro@",
            "@agency.example",
            "taro@agency",
            "a b@x.jp",
            "a@b@c.jp",
        ] {
            assert!(
                EmailAddress::parse(bad).is_err(),
                "{bad:?} should be refused"
            );
        }
    }

    #[test]
    fn names_must_not_be_blank() {
        assert_eq!(
            StaffName::parse(" 山田 太郎 ").unwrap().as_str(),
            "山田 太郎"
        );
        assert!(StaffName::parse("   ").is_err());
    }
}

/// One row of a staff list, as pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffSummary {
    pub employee_id: EmployeeId,
    pub name: String,
    pub email: String,
    pub division: String,
    pub security_roles: Vec<crate::SecurityRole>,
    pub active_from: chrono::NaiveDate,
    pub active_until: Option<chrono::NaiveDate>,
}

/// One page of a staff search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffPage {
    pub rows: Vec<StaffSummary>,
    pub total: u64,
    /// 1-based.
    pub page: u64,
    pub per_page: u64,
}

impl StaffPage {
    pub fn page_count(&self) -> u64 {
        self.total.div_ceil(self.per_page).max(1)
    }
}

/// A dated period of a division membership or a security role (`until` empty while current).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period<T> {
    pub value: T,
    pub from: chrono::NaiveDate,
    pub until: Option<chrono::NaiveDate>,
}

/// One entry of the audit log: who changed what, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub at: chrono::DateTime<chrono::Utc>,
    /// An employee ID, or `cli:<user>` for the command line.
    pub actor: String,
    pub action: crate::AuditAction,
    pub detail: String,
}

/// A person's page: who they are now, their division and role history (oldest first) and the
/// changes made to their record and the mail sent to them (newest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffDetail {
    pub summary: StaffSummary,
    /// Whether they can log in with a password yet.
    pub has_password: bool,
    /// Until when their logins are held back after repeated failures, if they are.
    pub login_held_until: Option<chrono::DateTime<chrono::Utc>>,
    pub divisions: Vec<Period<String>>,
    pub security_roles: Vec<Period<crate::SecurityRole>>,
    pub changes: Vec<Change>,
    pub mail: Vec<crate::mail::MailRecord>,
}
