//! The two kinds of role: security roles of the agency's organisation (図１, organization.md),
//! and application roles that decide what a person may do in Mamori.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A security role from the agency's information-security organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SecurityRole {
    Ciso,
    CisoAdvisor,
    AuditOfficer,
    ChiefSecurityOfficer,
    SecurityOfficer,
    DivisionSecurityOfficer,
    SystemSecurityOfficer,
    SystemSecurityAdministrator,
    Staff,
}

impl SecurityRole {
    pub const ALL: [SecurityRole; 9] = [
        SecurityRole::Ciso,
        SecurityRole::CisoAdvisor,
        SecurityRole::AuditOfficer,
        SecurityRole::ChiefSecurityOfficer,
        SecurityRole::SecurityOfficer,
        SecurityRole::DivisionSecurityOfficer,
        SecurityRole::SystemSecurityOfficer,
        SecurityRole::SystemSecurityAdministrator,
        SecurityRole::Staff,
    ];

    /// The code used in files and the database (`staff.csv`'s `roles` column).
    pub fn code(self) -> &'static str {
        match self {
            SecurityRole::Ciso => "ciso",
            SecurityRole::CisoAdvisor => "ciso_advisor",
            SecurityRole::AuditOfficer => "audit_officer",
            SecurityRole::ChiefSecurityOfficer => "chief_security_officer",
            SecurityRole::SecurityOfficer => "security_officer",
            SecurityRole::DivisionSecurityOfficer => "division_security_officer",
            SecurityRole::SystemSecurityOfficer => "system_security_officer",
            SecurityRole::SystemSecurityAdministrator => "system_security_administrator",
            SecurityRole::Staff => "staff",
        }
    }

    pub fn japanese_name(self) -> &'static str {
        match self {
            SecurityRole::Ciso => "最高情報セキュリティ責任者",
            SecurityRole::CisoAdvisor => "最高情報セキュリティアドバイザー",
            SecurityRole::AuditOfficer => "情報セキュリティ監査責任者",
            SecurityRole::ChiefSecurityOfficer => "総括情報セキュリティ責任者",
            SecurityRole::SecurityOfficer => "情報セキュリティ責任者",
            SecurityRole::DivisionSecurityOfficer => "課室情報セキュリティ責任者",
            SecurityRole::SystemSecurityOfficer => "情報システムセキュリティ責任者",
            SecurityRole::SystemSecurityAdministrator => "情報システムセキュリティ管理者",
            SecurityRole::Staff => "職員",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            SecurityRole::Ciso => "Chief information security officer",
            SecurityRole::CisoAdvisor => "CISO advisor",
            SecurityRole::AuditOfficer => "Security audit officer",
            SecurityRole::ChiefSecurityOfficer => "Chief security officer",
            SecurityRole::SecurityOfficer => "Security officer",
            SecurityRole::DivisionSecurityOfficer => "Division security officer",
            SecurityRole::SystemSecurityOfficer => "System security officer",
            SecurityRole::SystemSecurityAdministrator => "System security administrator",
            SecurityRole::Staff => "Staff",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role code `{0}`")]
pub struct UnknownRole(pub String);

impl FromStr for SecurityRole {
    type Err = UnknownRole;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|role| role.code() == code)
            .ok_or_else(|| UnknownRole(code.to_string()))
    }
}

impl fmt::Display for SecurityRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A self-inspection group (実施主体, organization.md): everyone is in `Staff`; holders of
/// officer roles are also in `Officers`, and of system roles in `System`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InspectionGroup {
    Officers,
    System,
    Staff,
}

impl InspectionGroup {
    pub const ALL: [InspectionGroup; 3] = [
        InspectionGroup::Officers,
        InspectionGroup::System,
        InspectionGroup::Staff,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InspectionGroup::Officers => "officers",
            InspectionGroup::System => "system",
            InspectionGroup::Staff => "staff",
        }
    }

    pub fn japanese_name(self) -> &'static str {
        match self {
            InspectionGroup::Officers => "情報セキュリティ責任者等",
            InspectionGroup::System => "情報システムセキュリティ責任者・管理者",
            InspectionGroup::Staff => "行政事務従事者",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            InspectionGroup::Officers => "Security officers",
            InspectionGroup::System => "System security officers and administrators",
            InspectionGroup::Staff => "Administrative staff",
        }
    }

    /// The groups of a person holding `roles`.
    pub fn of(roles: &[SecurityRole]) -> Vec<InspectionGroup> {
        use SecurityRole::*;
        let holds = |wanted: &[SecurityRole]| roles.iter().any(|r| wanted.contains(r));
        let mut groups = Vec::new();
        if holds(&[
            Ciso,
            CisoAdvisor,
            AuditOfficer,
            ChiefSecurityOfficer,
            SecurityOfficer,
            DivisionSecurityOfficer,
        ]) {
            groups.push(InspectionGroup::Officers);
        }
        if holds(&[SystemSecurityOfficer, SystemSecurityAdministrator]) {
            groups.push(InspectionGroup::System);
        }
        groups.push(InspectionGroup::Staff);
        groups
    }
}

impl FromStr for InspectionGroup {
    type Err = UnknownRole;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|group| group.code() == code)
            .ok_or_else(|| UnknownRole(code.to_string()))
    }
}

/// What a person may do in Mamori. Every active staff member is a learner; the other roles
/// are granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AppRole {
    Learner,
    Trainer,
    Manager,
    Admin,
}

impl AppRole {
    pub const GRANTABLE: [AppRole; 3] = [AppRole::Trainer, AppRole::Manager, AppRole::Admin];

    pub fn code(self) -> &'static str {
        match self {
            AppRole::Learner => "learner",
            AppRole::Trainer => "trainer",
            AppRole::Manager => "manager",
            AppRole::Admin => "admin",
        }
    }
}

impl FromStr for AppRole {
    type Err = UnknownRole;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        [
            AppRole::Learner,
            AppRole::Trainer,
            AppRole::Manager,
            AppRole::Admin,
        ]
        .into_iter()
        .find(|role| role.code() == code)
        .ok_or_else(|| UnknownRole(code.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for role in SecurityRole::ALL {
            assert_eq!(role.code().parse::<SecurityRole>(), Ok(role));
        }
        for role in AppRole::GRANTABLE {
            assert_eq!(role.code().parse::<AppRole>(), Ok(role));
        }
        assert!("root".parse::<SecurityRole>().is_err());
        assert!(
            "Ciso".parse::<SecurityRole>().is_err(),
            "codes are lower case"
        );
        for group in InspectionGroup::ALL {
            assert_eq!(group.code().parse::<InspectionGroup>(), Ok(group));
        }
    }

    #[test]
    fn groups_follow_roles() {
        use InspectionGroup::*;
        assert_eq!(InspectionGroup::of(&[]), vec![Staff]);
        assert_eq!(
            InspectionGroup::of(&[SecurityRole::DivisionSecurityOfficer]),
            vec![Officers, Staff]
        );
        assert_eq!(
            InspectionGroup::of(&[
                SecurityRole::SystemSecurityAdministrator,
                SecurityRole::Ciso
            ]),
            vec![Officers, System, Staff]
        );
    }
}
