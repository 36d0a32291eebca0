use crate::StoreError;
use mamori_domain::EmployeeId;
use sea_orm::entity::prelude::*;

/// A staff member. Their division and security roles are dated history
/// (`division_membership`, `security_role_period`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub employee_id: String,
    pub name: String,
    #[sea_orm(unique)]
    pub email: String,
    pub active_from: Date,
    pub active_until: Option<Date>,
    pub title: Option<String>,
    pub password_hash: Option<String>,
}

impl Model {
    /// Whether the person is on staff on `date` (their active period contains it).
    pub fn is_active_on(&self, date: Date) -> bool {
        self.active_from <= date && self.active_until.is_none_or(|until| until >= date)
    }
}

/// A stored employee ID, typed. Every ID was parsed on its way in, so one that no longer
/// parses is corrupt data.
pub(crate) fn employee_id_of(stored: &str) -> Result<EmployeeId, StoreError> {
    EmployeeId::parse(stored).map_err(|e| StoreError::Corrupt(format!("staff: {e}")))
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
