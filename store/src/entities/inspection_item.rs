use sea_orm::entity::prelude::*;

/// A compliance item of a campaign, for one group.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inspection_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub campaign_id: i32,
    /// Order in the campaign's list.
    pub position: i32,
    /// The item's ID in files (`S01`), unique within the campaign.
    pub code: String,
    /// `officers`, `system` or `staff`.
    pub group_code: String,
    pub text: String,
    /// The training module whose completion answers the item.
    pub module_slug: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
