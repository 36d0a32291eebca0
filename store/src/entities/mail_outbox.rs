use sea_orm::entity::prelude::*;

/// A mail waiting to be sent, or sent. `mail_key` is unique, so queueing the same mail twice
/// keeps one row and it goes out at most once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "mail_outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub mail_key: String,
    /// The person the mail is about, for their page.
    pub employee_id: Option<String>,
    pub kind: String,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
    pub created_at: DateTimeUtc,
    pub next_attempt_at: DateTimeUtc,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    /// The assignment a reminder chases: completing it, leaving or archiving cancels the
    /// reminder if it is not yet sent.
    pub assignment_id: Option<i32>,
    pub cancelled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
