use sea_orm::entity::prelude::*;

/// How one person has viewed one material.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "material_view")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub staff_id: i32,
    pub material_id: i32,
    pub first_view_at: DateTimeUtc,
    pub last_view_at: DateTimeUtc,
    pub views: i32,
    /// Seconds the material was visible, from heartbeats (`training::heartbeat_credit`).
    pub active_seconds: i32,
    pub last_beat_at: Option<DateTimeUtc>,
    pub reached_end: bool,
    /// The most of a video played, in percent.
    pub watched_percent: i32,
    /// Whether the person has opened the document's file.
    pub document_opened: bool,
    /// When it first met its rule for "viewed".
    pub viewed_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
