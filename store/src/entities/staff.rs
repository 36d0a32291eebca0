use sea_orm::entity::prelude::*;

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
    pub division_id: i32,
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

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::division::Entity",
        from = "Column::DivisionId",
        to = "super::division::Column::Id"
    )]
    Division,
    #[sea_orm(has_many = "super::staff_security_role::Entity")]
    SecurityRole,
}

impl Related<super::division::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Division.def()
    }
}

impl Related<super::staff_security_role::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::SecurityRole.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
