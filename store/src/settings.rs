//! Small key/value settings kept in the database, such as whether it holds the demo agency.

use crate::{Store, StoreError, entities::setting};
use sea_orm::{ActiveValue::Set, EntityTrait, sea_query::OnConflict};

const DEMO_MODE: &str = "demo_mode";

impl Store {
    /// True when the database was filled by `mamori demo`: the login page then lists the demo
    /// accounts. Never true for a real agency's database.
    pub async fn is_demo(&self) -> Result<bool, StoreError> {
        Ok(setting::Entity::find_by_id(DEMO_MODE)
            .one(self.db())
            .await?
            .is_some_and(|s| s.value == "true"))
    }

    pub(crate) async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(setting::Entity::find_by_id(key)
            .one(self.db())
            .await?
            .map(|s| s.value))
    }

    pub(crate) async fn put_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        setting::Entity::insert(setting::ActiveModel {
            key: Set(key.into()),
            value: Set(value.into()),
        })
        .on_conflict(
            OnConflict::column(setting::Column::Key)
                .update_column(setting::Column::Value)
                .to_owned(),
        )
        .exec(self.db())
        .await?;
        Ok(())
    }

    pub(crate) async fn mark_demo(&self) -> Result<(), StoreError> {
        self.put_setting(DEMO_MODE, "true").await
    }
}
