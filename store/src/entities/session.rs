use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    /// SHA-256 (hex) of the cookie's token: a leaked table does not yield live cookies.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub staff_id: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// The last request that used it, to the minute (none: not used since it was opened).
    pub last_seen_at: Option<DateTimeUtc>,
    /// Where and in what browser it was opened, for its owner's list of sessions.
    pub address: Option<String>,
    pub user_agent: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
