use sea_orm::entity::prelude::*;

/// An uploaded file. Its bytes are on disk, named by their SHA-256, so that the same file
/// uploaded twice, or shared by versions of a material, is kept once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "material_file")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sha256: String,
    /// `media::MediaType` code, from the file's first bytes.
    pub media: String,
    pub file_name: String,
    pub size_bytes: i64,
    pub uploaded_by: String,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
