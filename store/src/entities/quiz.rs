use sea_orm::entity::prelude::*;

/// A module's quiz settings (`quiz::QuizSettings`); a module without a row has the defaults.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub module_id: i32,
    pub draw_count: i32,
    pub shuffle_options: bool,
    pub pass_mark: i32,
    pub max_attempts: i32,
    pub wait_minutes: i32,
    pub time_limit_minutes: i32,
    /// `all_or_nothing` or `partial`.
    pub multiple_scoring: String,
    /// `quiz::ReviewPolicy::code`.
    pub review: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
