use sea_orm::entity::prelude::*;

/// A person taking an assigned module: the version they started keeps serving them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrollment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub staff_id: i32,
    pub assignment_id: i32,
    pub version: i32,
    pub started_at: DateTimeUtc,
    pub completed_at: Option<DateTimeUtc>,
    /// Printed on the certificate; an admin can look it up.
    pub verification_code: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
