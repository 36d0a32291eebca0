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
    /// `page` for now (documents and videos follow).
    pub kind: String,
    pub title: String,
    pub body_markdown: String,
    /// Rendered and sanitised on save (`markdown::render_markdown`).
    pub body_html: String,
    pub min_active_seconds: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
