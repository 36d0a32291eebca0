use sea_orm::entity::prelude::*;

/// One person's answer sheet for a campaign (`mamori_domain::inspection::AnswerSheet`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inspection_response")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub campaign_id: i32,
    pub staff_id: i32,
    /// The answers in force: submitted in the form or imported.
    pub answers: String,
    /// Answers saved in the form but not submitted; they count in no figure.
    pub draft: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
