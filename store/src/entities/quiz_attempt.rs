use sea_orm::entity::prelude::*;

/// One attempt at a module's quiz, under the learner's enrollment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "quiz_attempt")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub enrollment_id: i32,
    /// 1, 2, …: unique per enrollment.
    pub number: i32,
    pub started_at: DateTimeUtc,
    pub deadline_at: Option<DateTimeUtc>,
    pub extensions: i32,
    /// The questions drawn, as they were, with their options' order (JSON `Vec<PaperEntry>`).
    pub paper: String,
    pub submitted_at: Option<DateTimeUtc>,
    /// The options chosen per question, in pool option numbers (JSON `Vec<Vec<usize>>`).
    pub answers: Option<String>,
    /// In tenths of a percent (`quiz::Score`).
    pub score: Option<i32>,
    pub passed: Option<bool>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
