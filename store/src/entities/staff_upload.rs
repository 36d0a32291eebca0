use sea_orm::entity::prelude::*;

/// A staff file uploaded in the admin UI: previewed first, applied when an admin confirms.
/// Kept afterwards, so that the file behind an import can be looked at later.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_upload")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub uploaded_by: String,
    pub uploaded_at: DateTimeUtc,
    pub file_name: String,
    pub content: Vec<u8>,
    pub effective: Date,
    pub sync: bool,
    pub applied_at: Option<DateTimeUtc>,
    pub applied_by: Option<String>,
    /// What the import did, as JSON (`ImportReport`).
    pub applied_report: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
