use sea_orm::entity::prelude::*;

/// A module assigned for a fiscal year to a set of people, due by a rule.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assignment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub module_id: i32,
    pub fiscal_year: i32,
    /// `AssignmentTarget` as JSON.
    pub target: String,
    /// `DueRule` as JSON.
    pub due_rule: String,
    pub created_by: String,
    pub created_at: DateTimeUtc,
    /// Its own `ReminderPolicy` as JSON; none follows the admin's default.
    pub reminder_policy: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
