use sea_orm::entity::prelude::*;

/// A training module. Learners see `published_version`; trainers edit `draft_version`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "training_module")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub estimated_minutes: i32,
    /// `draft`, `published` or `archived` (`ModuleStatus`).
    pub status: String,
    pub published_version: i32,
    pub draft_version: i32,
    pub created_by: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
