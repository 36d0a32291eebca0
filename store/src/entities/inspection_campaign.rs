use sea_orm::entity::prelude::*;

/// One fiscal year's self-inspection.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inspection_campaign")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub fiscal_year: i32,
    /// Its target staff are those on staff this day, in the groups of this day.
    pub reference_date: Date,
    /// Answering in Mamori is open from `opens_on` to `closes_on` (both included).
    pub opens_on: Option<Date>,
    pub closes_on: Option<Date>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
