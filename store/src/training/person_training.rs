//! One person's training, material by material, for a viewer whose scope reaches them.

use crate::{Store, StoreError};
use chrono::NaiveDate;
use mamori_domain::{EmployeeId, ResultsScope, training::ModuleProgress};

impl Store {
    /// A person's name and assigned modules, material by material, without starting any.
    /// `NotFound` when `scope` does not reach them (see `reached_person`).
    pub async fn person_training(
        &self,
        employee_id: &EmployeeId,
        today: NaiveDate,
        scope: &ResultsScope,
    ) -> Result<(String, Vec<ModuleProgress>), StoreError> {
        let person = self.reached_person(employee_id, today, scope).await?;
        let modules = self.modules_of(person.id, today).await?;
        Ok((person.name, modules))
    }
}
