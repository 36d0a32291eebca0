//! Everyone's assignments at once: who on staff on a date takes which module of a fiscal
//! year, due when, started and completed when. A handful of queries whatever the agency's
//! size, for the reminder passes and the reports that look at everybody.

use super::assignments::assignment_info;
use crate::{
    Store, StoreError,
    entities::{assignment, division, enrollment, staff, training_module},
    history::{divisions_on, roles_on, valid_on},
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear, SecurityRole,
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
    /// Security roles on the date looked at; `Staff` is implied and not listed.
    pub roles: Vec<SecurityRole>,
    pub assignment: assignment::Model,
    pub info: AssignmentInfo,
    pub module: training_module::Model,
    pub due: NaiveDate,
    /// Their enrollment: started (opened) and perhaps completed.
    pub enrollment: Option<enrollment::Model>,
}

impl RosterEntry {
    pub fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.enrollment.as_ref().and_then(|e| e.completed_at)
    }
}

/// Whose assignments to read.
#[derive(Debug, Clone, Copy)]
pub struct RosterQuery {
    pub year: FiscalYear,
    /// People on staff on this date, with their division and roles of that date.
    pub on: NaiveDate,
    /// Only this person (a staff id).
    pub person: Option<i32>,
}

impl Store {
    /// Every assignment of `today`'s fiscal year to the people on staff today.
    pub async fn roster(&self, today: NaiveDate) -> Result<Vec<RosterEntry>, StoreError> {
        self.roster_of(RosterQuery {
            year: FiscalYear::containing(today),
            on: today,
            person: None,
        })
        .await
    }

    /// Every assignment of a fiscal year to the people on staff on a date, for published
    /// modules, as each learner sees them: one assignment per module (the oldest that
    /// includes them).
    pub async fn roster_of(&self, query: RosterQuery) -> Result<Vec<RosterEntry>, StoreError> {
        let db = self.db();
        let today = query.on;
        let modules: HashMap<i32, training_module::Model> = training_module::Entity::find()
            .filter(training_module::Column::Status.eq(ModuleStatus::Published.code()))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let year = query.year.start_year();
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
        let mut people = staff::Entity::find();
        if let Some(id) = query.person {
            people = people.filter(staff::Column::Id.eq(id));
        }
        let people = people
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
        let mut enrollments = enrollment::Entity::find()
            .filter(enrollment::Column::AssignmentId.is_in(assignments.iter().map(|(a, _)| a.id)));
        if let Some(id) = query.person {
            enrollments = enrollments.filter(enrollment::Column::StaffId.eq(id));
        }
        let mut enrollments: HashMap<(i32, i32), enrollment::Model> = enrollments
            .all(db)
            .await?
            .into_iter()
            .map(|e| ((e.staff_id, e.assignment_id), e))
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
                    enrollment: enrollments.remove(&(person.id, assignment.id)),
                    person: person.clone(),
                    division_id,
                    division: division.clone(),
                    roles: person_roles.clone(),
                    assignment: assignment.clone(),
                    info: info.clone(),
                    module: module.clone(),
                });
            }
        }
        Ok(roster)
    }
}
