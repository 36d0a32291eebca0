//! Everyone's assignments at once: who on staff on a date takes which module of a fiscal
//! year, due when, started and completed when. A handful of queries whatever the agency's
//! size, for the reminder passes and the reports that look at everybody.
//!
//! At 100,000 people a roster has 300,000 entries, so it reads only the columns it needs and
//! its entries share their person and assignment instead of copying them. It reads what is
//! committed, on the read connections, so that reports never wait for the writer.

use super::assignments::assignment_info;
use crate::{
    Store, StoreError,
    entities::{
        assignment, division, division_membership, enrollment, security_role_period, staff,
        training_module,
    },
    history::valid_on,
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    EmployeeId, FiscalYear, SecurityRole,
    training::{AssignmentInfo, ModuleStatus},
};
use sea_orm::{
    ColumnTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect, RelationDef,
};
use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
};

/// A person on staff on the date looked at, as of that date.
#[derive(Debug)]
pub struct RosterPerson {
    pub id: i32,
    pub employee_id: EmployeeId,
    pub name: String,
    pub email: String,
    pub active_from: NaiveDate,
    pub division_id: Option<i32>,
    pub division: String,
    /// Security roles; `Staff` is implied and not listed.
    pub roles: Vec<SecurityRole>,
}

/// An assignment of a published module.
#[derive(Debug)]
pub struct RosterAssignment {
    pub assignment: assignment::Model,
    pub info: AssignmentInfo,
    pub module: training_module::Model,
}

/// A learner's enrollment: opened, and perhaps completed.
#[derive(Debug, Clone, Copy)]
pub struct RosterEnrollment {
    pub id: i32,
    pub version: i32,
    pub started_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
}

/// One person's assignment of one module.
#[derive(Debug, Clone)]
pub struct RosterEntry {
    pub person: Arc<RosterPerson>,
    pub assigned: Arc<RosterAssignment>,
    pub due: NaiveDate,
    pub enrollment: Option<RosterEnrollment>,
}

impl RosterEntry {
    pub fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.enrollment.and_then(|e| e.completed_at)
    }
}

/// Whose assignments to read.
#[derive(Debug, Clone, Copy)]
pub struct RosterQuery<'a> {
    pub year: FiscalYear,
    /// People on staff on this date, with their division and roles of that date.
    pub on: NaiveDate,
    pub whom: Whom<'a>,
}

/// Whose records to read: everyone on staff, one person, or the people of some divisions
/// (on the date read). A manager's page reads their divisions only, not the whole agency.
#[derive(Debug, Clone, Copy)]
pub enum Whom<'a> {
    Everyone,
    /// A staff id.
    Person(i32),
    /// Division ids.
    InDivisions(&'a [i32]),
}

impl Store {
    /// Every assignment of `today`'s fiscal year to the people on staff today.
    pub async fn roster(&self, today: NaiveDate) -> Result<Vec<RosterEntry>, StoreError> {
        self.roster_of(RosterQuery {
            year: FiscalYear::containing(today),
            on: today,
            whom: Whom::Everyone,
        })
        .await
    }

    /// Every assignment of a fiscal year to the people on staff on a date, for published
    /// modules, as each learner sees them: one assignment per module (the oldest that
    /// includes them).
    pub async fn roster_of(&self, query: RosterQuery<'_>) -> Result<Vec<RosterEntry>, StoreError> {
        let assignments = self.published_assignments(query.year).await?;
        if assignments.is_empty() {
            return Ok(Vec::new());
        }
        let people = self.people_on(query.on, query.whom).await?;
        let assignment_ids = assignments.iter().map(|a| a.assignment.id);
        let staff_ids: Option<Vec<i32>> = match query.whom {
            Whom::Everyone => None,
            Whom::Person(_) | Whom::InDivisions(_) => Some(people.iter().map(|p| p.id).collect()),
        };
        let mut enrollments = self
            .enrollments_of(assignment_ids, staff_ids.as_deref())
            .await?;

        let mut roster = Vec::new();
        for person in people {
            let mut taken: HashSet<i32> = HashSet::new();
            for assigned in &assignments {
                if !assigned
                    .info
                    .target
                    .includes(&person.division, &person.roles)
                    || !taken.insert(assigned.module.id)
                {
                    continue;
                }
                roster.push(RosterEntry {
                    due: assigned.info.due.due_date(person.active_from),
                    enrollment: enrollments.remove(&(person.id, assigned.assignment.id)),
                    person: Arc::clone(&person),
                    assigned: Arc::clone(assigned),
                });
            }
        }
        Ok(roster)
    }

    /// The year's assignments of published modules, oldest first.
    async fn published_assignments(
        &self,
        year: FiscalYear,
    ) -> Result<Vec<Arc<RosterAssignment>>, StoreError> {
        let db = self.reads();
        let modules: HashMap<i32, training_module::Model> = training_module::Entity::find()
            .filter(training_module::Column::Status.eq(ModuleStatus::Published.code()))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        assignment::Entity::find()
            .filter(assignment::Column::FiscalYear.eq(year.start_year()))
            .filter(assignment::Column::ModuleId.is_in(modules.keys().copied()))
            .order_by_asc(assignment::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|assignment| {
                Ok(Arc::new(RosterAssignment {
                    info: assignment_info(&assignment)?,
                    module: modules[&assignment.module_id].clone(),
                    assignment,
                }))
            })
            .collect()
    }

    /// The people on staff on `on` (all, or `whom`), by employee ID, with their division and
    /// roles of that day: one query joins each to their membership of the day.
    pub(crate) async fn people_on(
        &self,
        on: NaiveDate,
        whom: Whom<'_>,
    ) -> Result<Vec<Arc<RosterPerson>>, StoreError> {
        let db = self.reads();
        let membership_of_the_day: RelationDef =
            division_membership::Entity::belongs_to(staff::Entity)
                .from(division_membership::Column::StaffId)
                .to(staff::Column::Id)
                .on_condition(move |_, _| {
                    valid_on(
                        division_membership::Column::ValidFrom,
                        division_membership::Column::ValidUntil,
                        on,
                    )
                })
                .into();
        let mut people = staff::Entity::find();
        let mut role_periods = security_role_period::Entity::find();
        match whom {
            Whom::Everyone => {}
            Whom::Person(id) => {
                people = people.filter(staff::Column::Id.eq(id));
                role_periods = role_periods.filter(security_role_period::Column::StaffId.eq(id));
            }
            Whom::InDivisions(ids) => {
                people = people
                    .filter(division_membership::Column::DivisionId.is_in(ids.iter().copied()));
            }
        }
        type Row = (i32, String, String, String, NaiveDate, Option<i32>);
        let rows: Vec<Row> = people
            .select_only()
            .columns([
                staff::Column::Id,
                staff::Column::EmployeeId,
                staff::Column::Name,
                staff::Column::Email,
                staff::Column::ActiveFrom,
            ])
            .column(division_membership::Column::DivisionId)
            .join_rev(JoinType::LeftJoin, membership_of_the_day)
            .filter(valid_on(
                staff::Column::ActiveFrom,
                staff::Column::ActiveUntil,
                on,
            ))
            .order_by_asc(staff::Column::EmployeeId)
            .into_tuple()
            .all(db)
            .await?;
        let mut roles: HashMap<i32, Vec<SecurityRole>> = HashMap::new();
        let periods: Vec<(i32, String)> = role_periods
            .select_only()
            .columns([
                security_role_period::Column::StaffId,
                security_role_period::Column::Role,
            ])
            .filter(valid_on(
                security_role_period::Column::ValidFrom,
                security_role_period::Column::ValidUntil,
                on,
            ))
            .into_tuple()
            .all(db)
            .await?;
        for (staff_id, role) in periods {
            if let Ok(role) = role.parse() {
                roles.entry(staff_id).or_default().push(role);
            }
        }
        let division_names: HashMap<i32, String> = division::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();

        let mut people: Vec<Arc<RosterPerson>> = Vec::with_capacity(rows.len());
        for (id, employee_id, name, email, active_from, division_id) in rows {
            // Overlapping memberships make two rows: the later one wins, as elsewhere.
            if people.last().is_some_and(|p| p.id == id) {
                people.pop();
            }
            let mut person_roles = roles.remove(&id).unwrap_or_default();
            person_roles.sort();
            person_roles.dedup();
            people.push(Arc::new(RosterPerson {
                id,
                employee_id: staff::employee_id_of(&employee_id)?,
                name,
                email,
                active_from,
                division: division_id
                    .and_then(|d| division_names.get(&d))
                    .cloned()
                    .unwrap_or_default(),
                division_id,
                roles: person_roles,
            }));
        }
        Ok(people)
    }

    /// Enrollments in `assignments` (of the staff ids given, or everyone's), by person and
    /// assignment.
    async fn enrollments_of(
        &self,
        assignment_ids: impl IntoIterator<Item = i32>,
        staff_ids: Option<&[i32]>,
    ) -> Result<HashMap<(i32, i32), RosterEnrollment>, StoreError> {
        let mut enrollments = enrollment::Entity::find()
            .filter(enrollment::Column::AssignmentId.is_in(assignment_ids));
        if let Some(ids) = staff_ids {
            enrollments =
                enrollments.filter(enrollment::Column::StaffId.is_in(ids.iter().copied()));
        }
        type Row = (i32, i32, i32, i32, DateTime<Utc>, Option<DateTime<Utc>>);
        let rows: Vec<Row> = enrollments
            .select_only()
            .columns([
                enrollment::Column::Id,
                enrollment::Column::StaffId,
                enrollment::Column::AssignmentId,
                enrollment::Column::Version,
                enrollment::Column::StartedAt,
                enrollment::Column::CompletedAt,
            ])
            .into_tuple()
            .all(self.reads())
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(id, staff_id, assignment_id, version, started_at, completed_at)| {
                    (
                        (staff_id, assignment_id),
                        RosterEnrollment {
                            id,
                            version,
                            started_at,
                            completed_at,
                        },
                    )
                },
            )
            .collect())
    }
}
