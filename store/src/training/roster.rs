//! Everyone's assignments at once: who on staff today takes which module of this fiscal year,
//! due when, done or not. A handful of queries whatever the agency's size, for the reminder
//! passes (and reports) that look at everybody.

use super::assignments::assignment_info;
use crate::{
    Store, StoreError,
    entities::{assignment, division, enrollment, staff, training_module},
    history::{divisions_on, roles_on, valid_on},
};
use chrono::NaiveDate;
use mamori_domain::{
    FiscalYear,
    training::{AssignmentInfo, ModuleStatus},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{HashMap, HashSet};

/// One person's assignment of one module.
#[derive(Debug, Clone)]
pub struct RosterEntry {
    pub person: staff::Model,
    pub division_id: Option<i32>,
    pub division: String,
    pub assignment: assignment::Model,
    pub info: AssignmentInfo,
    pub module: training_module::Model,
    pub due: NaiveDate,
    pub completed: bool,
}

impl Store {
    /// Every assignment of `today`'s fiscal year to the people on staff today, for published
    /// modules, as each learner sees them: one assignment per module (the oldest that
    /// includes them).
    pub async fn roster(&self, today: NaiveDate) -> Result<Vec<RosterEntry>, StoreError> {
        let db = self.db();
        let modules: HashMap<i32, training_module::Model> = training_module::Entity::find()
            .filter(training_module::Column::Status.eq(ModuleStatus::Published.code()))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let year = FiscalYear::containing(today).start_year();
        let assignments: Vec<(assignment::Model, AssignmentInfo)> = assignment::Entity::find()
            .filter(assignment::Column::FiscalYear.eq(year))
            .filter(assignment::Column::ModuleId.is_in(modules.keys().copied()))
            .order_by_asc(assignment::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|a| assignment_info(&a).map(|info| (a, info)))
            .collect::<Result<_, _>>()?;
        if assignments.is_empty() {
            return Ok(Vec::new());
        }
        let people = staff::Entity::find()
            .filter(valid_on(
                staff::Column::ActiveFrom,
                staff::Column::ActiveUntil,
                today,
            ))
            .order_by_asc(staff::Column::EmployeeId)
            .all(db)
            .await?;
        let division_names: HashMap<i32, String> = division::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();
        let divisions = divisions_on(db, &people, today).await?;
        let mut roles = roles_on(db, &people, today).await?;
        let completed: HashSet<(i32, i32)> = enrollment::Entity::find()
            .filter(enrollment::Column::AssignmentId.is_in(assignments.iter().map(|(a, _)| a.id)))
            .filter(enrollment::Column::CompletedAt.is_not_null())
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.staff_id, e.assignment_id))
            .collect();

        let mut roster = Vec::new();
        for person in people {
            let division_id = divisions.get(&person.id).copied();
            let division = division_id
                .and_then(|id| division_names.get(&id))
                .cloned()
                .unwrap_or_default();
            let person_roles = roles.remove(&person.id).unwrap_or_default();
            let mut taken: HashSet<i32> = HashSet::new();
            for (assignment, info) in &assignments {
                if !info.target.includes(&division, &person_roles)
                    || !taken.insert(assignment.module_id)
                {
                    continue;
                }
                let Some(module) = modules.get(&assignment.module_id) else {
                    continue;
                };
                roster.push(RosterEntry {
                    due: info.due.due_date(person.active_from),
                    completed: completed.contains(&(person.id, assignment.id)),
                    person: person.clone(),
                    division_id,
                    division: division.clone(),
                    assignment: assignment.clone(),
                    info: info.clone(),
                    module: module.clone(),
                });
            }
        }
        Ok(roster)
    }
}
