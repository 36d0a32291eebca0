use sea_orm::entity::prelude::*;

/// One material of one version of a module, in its place in the order.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "material")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub module_id: i32,
    pub version: i32,
    pub position: i32,
    /// `page`, `document` or `video` (`training::MaterialKind`).
    pub kind: String,
    pub title: String,
    pub body_markdown: String,
    /// Rendered and sanitised on save (`markdown::render_markdown`). For documents and
    /// videos, their description.
    pub body_html: String,
    pub min_active_seconds: i32,
    /// A document's file, or an uploaded video's.
    pub file_id: Option<i32>,
    pub captions_file_id: Option<i32>,
    /// A linked video's address.
    pub video_url: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
