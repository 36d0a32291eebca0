//! Who may do what: the acting user and the one permission check every server function makes.

use crate::{AppRole, EmployeeId};
use serde::{Deserialize, Serialize};

/// A logged-in person, as the server knows them for one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub staff_id: i32,
    pub employee_id: EmployeeId,
    pub name: String,
    /// Always contains `Learner`; granted roles follow.
    pub roles: Vec<AppRole>,
    /// Divisions this person manages (database ids); empty unless a manager.
    pub managed_division_ids: Vec<i32>,
}

/// Things a server function can ask permission for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See one's own training and profile.
    TakeTraining,
    /// See the staff of the divisions one manages.
    ViewManagedDivisions,
    /// Read and change the whole staff directory.
    AdministerStaff,
    /// Write training modules and assign them.
    AuthorTraining,
    /// See how training went (quiz results, completion): everyone's or one's divisions'.
    ViewTrainingResults,
    /// Run the yearly self-inspection: campaigns, items and the agency's figures.
    AdministerInspection,
    /// See who has submitted the self-inspection: everyone, or one's divisions.
    ViewInspectionStatus,
}

/// Whose training results a person may see: trainers and admins everyone's, managers those
/// of the staff of their divisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultsScope {
    Everyone,
    Divisions(Vec<i32>),
}

impl ResultsScope {
    /// The divisions to keep to, or `None` for everyone.
    pub fn divisions(&self) -> Option<&[i32]> {
        match self {
            ResultsScope::Everyone => None,
            ResultsScope::Divisions(ids) => Some(ids),
        }
    }
}

impl Actor {
    pub fn has_role(&self, role: AppRole) -> bool {
        self.roles.contains(&role)
    }

    pub fn can(&self, permission: Permission) -> bool {
        match permission {
            Permission::TakeTraining => self.has_role(AppRole::Learner),
            Permission::ViewManagedDivisions => {
                self.has_role(AppRole::Manager) && !self.managed_division_ids.is_empty()
            }
            Permission::AdministerStaff => self.has_role(AppRole::Admin),
            Permission::AuthorTraining => {
                self.has_role(AppRole::Trainer) || self.has_role(AppRole::Admin)
            }
            Permission::ViewTrainingResults => self.results_scope().is_some(),
            Permission::AdministerInspection => self.has_role(AppRole::Admin),
            Permission::ViewInspectionStatus => self.inspection_scope().is_some(),
        }
    }

    /// Whose self-inspection submissions a person may see: admins everyone's, managers those
    /// of their divisions' staff.
    pub fn inspection_scope(&self) -> Option<ResultsScope> {
        if self.can(Permission::AdministerInspection) {
            Some(ResultsScope::Everyone)
        } else if self.can(Permission::ViewManagedDivisions) {
            Some(ResultsScope::Divisions(self.managed_division_ids.clone()))
        } else {
            None
        }
    }

    pub fn results_scope(&self) -> Option<ResultsScope> {
        if self.can(Permission::AuthorTraining) {
            Some(ResultsScope::Everyone)
        } else if self.can(Permission::ViewManagedDivisions) {
            Some(ResultsScope::Divisions(self.managed_division_ids.clone()))
        } else {
            None
        }
    }

    /// The page a person lands on after logging in: the most specific work they have.
    pub fn home_path(&self) -> &'static str {
        if self.has_role(AppRole::Admin) {
            "/admin/staff"
        } else if self.can(Permission::ViewManagedDivisions) {
            "/manager"
        } else {
            "/"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: &[AppRole], managed: &[i32]) -> Actor {
        Actor {
            staff_id: 1,
            employee_id: EmployeeId::parse("E0001").unwrap(),
            name: "山田 太郎".into(),
            roles: roles.to_vec(),
            managed_division_ids: managed.to_vec(),
        }
    }

    #[test]
    fn permissions_follow_roles() {
        use AppRole::*;
        use Permission::*;
        let learner = actor(&[Learner], &[]);
        let manager = actor(&[Learner, Manager], &[3]);
        let manager_of_nothing = actor(&[Learner, Manager], &[]);
        let admin = actor(&[Learner, Admin], &[]);
        assert!(learner.can(TakeTraining));
        assert!(!learner.can(ViewManagedDivisions));
        assert!(!learner.can(AdministerStaff));
        assert!(manager.can(ViewManagedDivisions));
        assert!(!manager.can(AdministerStaff));
        assert!(!manager_of_nothing.can(ViewManagedDivisions));
        assert!(admin.can(AdministerStaff));
        assert!(admin.can(AdministerInspection) && !manager.can(AdministerInspection));
        assert_eq!(admin.inspection_scope(), Some(ResultsScope::Everyone));
        assert_eq!(
            manager.inspection_scope(),
            Some(ResultsScope::Divisions(vec![3]))
        );
        assert_eq!(actor(&[Learner, Trainer], &[]).inspection_scope(), None);
        assert!(!learner.can(AuthorTraining) && !manager.can(AuthorTraining));
        assert!(actor(&[Learner, Trainer], &[]).can(AuthorTraining));
        assert!(admin.can(AuthorTraining));
        assert!(
            !admin.can(ViewManagedDivisions),
            "admins see divisions through the directory"
        );
    }

    #[test]
    fn results_are_everyones_for_trainers_and_admins_and_a_managers_own_divisions() {
        use AppRole::*;
        assert_eq!(actor(&[Learner], &[]).results_scope(), None);
        assert!(!actor(&[Learner], &[]).can(Permission::ViewTrainingResults));
        assert_eq!(
            actor(&[Learner, Manager], &[2, 5]).results_scope(),
            Some(ResultsScope::Divisions(vec![2, 5]))
        );
        assert_eq!(actor(&[Learner, Manager], &[]).results_scope(), None);
        for everyone in [
            &[Learner, Trainer][..],
            &[Learner, Admin],
            &[Learner, Manager, Trainer],
        ] {
            assert_eq!(
                actor(everyone, &[2]).results_scope(),
                Some(ResultsScope::Everyone)
            );
        }
    }

    #[test]
    fn home_pages_follow_roles() {
        use AppRole::*;
        assert_eq!(actor(&[Learner], &[]).home_path(), "/");
        assert_eq!(actor(&[Learner, Trainer], &[]).home_path(), "/");
        assert_eq!(actor(&[Learner, Manager], &[2]).home_path(), "/manager");
        assert_eq!(
            actor(&[Learner, Manager, Admin], &[2]).home_path(),
            "/admin/staff"
        );
    }
}
