//! Managers' views of training: their divisions' staff × modules, and one person's modules
//! material by material.

use crate::{Store, StoreError, entities::staff};
use chrono::NaiveDate;
use mamori_domain::training::{GridRow, ModuleProgress, TrainingGrid};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

impl Store {
    /// Staff × modules for the given divisions' staff today (a manager's view).
    pub async fn division_training(
        &self,
        division_ids: &[i32],
        today: NaiveDate,
    ) -> Result<TrainingGrid, StoreError> {
        let people = self.division_staff(division_ids, today).await?;
        let ids: HashMap<String, i32> = staff::Entity::find()
            .filter(staff::Column::EmployeeId.is_in(people.iter().map(|p| p.employee_id.as_str())))
            .all(self.db())
            .await?
            .into_iter()
            .map(|p| (p.employee_id, p.id))
            .collect();
        let mut modules: Vec<(NaiveDate, String, String)> = Vec::new();
        let mut per_person = Vec::new();
        for person in people {
            let Some(id) = ids.get(person.employee_id.as_str()) else {
                continue;
            };
            let assigned = self.learner_modules(*id, today).await?;
            for m in &assigned {
                if !modules.iter().any(|(_, slug, _)| *slug == m.slug) {
                    modules.push((m.due, m.slug.clone(), m.title.clone()));
                }
            }
            per_person.push((person, assigned));
        }
        modules.sort();
        let rows = per_person
            .into_iter()
            .map(|(person, assigned)| GridRow {
                statuses: modules
                    .iter()
                    .map(|(_, slug, _)| assigned.iter().find(|m| m.slug == *slug).map(|m| m.status))
                    .collect(),
                employee_id: person.employee_id,
                name: person.name,
                division: person.division,
            })
            .collect();
        Ok(TrainingGrid {
            modules: modules
                .into_iter()
                .map(|(_, slug, title)| (slug, title))
                .collect(),
            rows,
        })
    }

    /// A person's assigned modules, material by material, without starting any.
    pub async fn person_training(
        &self,
        employee_id: &mamori_domain::EmployeeId,
        today: NaiveDate,
    ) -> Result<Vec<ModuleProgress>, StoreError> {
        let person = self.staff_member(employee_id).await?;
        self.modules_of(person.id, today).await
    }
}
