//! Completion reports: a fiscal year's roster as of a date, kept to the viewer's scope and
//! turned into the domain's report entries; each material's views; one person's transcript.
//! The counting itself is in `mamori_domain::report`.

use crate::{
    Store, StoreError,
    entities::{
        assignment, enrollment, material, material_view, quiz_attempt, staff, training_module,
    },
    history::divisions_on,
    training::{RosterEntry, RosterQuery, Whom, stored_score},
};
use chrono::NaiveDate;
use mamori_domain::{
    EmployeeId, FiscalYear, ResultsScope, agency_date,
    report::{
        ReportEntry,
        materials::{Learner, MaterialReport, MaterialViews},
        transcript::{Transcript, TranscriptAttempt, TranscriptModule},
    },
    training::{ModuleStatus, Slug},
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::{BTreeMap, HashMap, HashSet};

impl Store {
    /// Fiscal years with assignments of published modules, newest first.
    pub async fn report_years(&self) -> Result<Vec<i32>, StoreError> {
        let published: HashSet<i32> = training_module::Entity::find()
            .filter(training_module::Column::Status.eq(ModuleStatus::Published.code()))
            .all(self.db())
            .await?
            .into_iter()
            .map(|m| m.id)
            .collect();
        let mut years: Vec<i32> = assignment::Entity::find()
            .all(self.db())
            .await?
            .into_iter()
            .filter(|a| published.contains(&a.module_id))
            .map(|a| a.fiscal_year)
            .collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        Ok(years)
    }

    /// The person `scope` lets a viewer see one by one: their division today (or on their
    /// last day) must be one the viewer sees. Others are `NotFound`, like people who do not
    /// exist.
    pub(crate) async fn reached_person(
        &self,
        employee_id: &EmployeeId,
        today: NaiveDate,
        scope: &ResultsScope,
    ) -> Result<staff::Model, StoreError> {
        let person = self.staff_member(employee_id).await?;
        let division_now = divisions_on(self.db(), std::slice::from_ref(&person), today)
            .await?
            .get(&person.id)
            .copied();
        if let Some(ids) = scope.divisions()
            && !division_now.is_some_and(|d| ids.contains(&d))
        {
            return Err(StoreError::NotFound(format!("employee {employee_id}")));
        }
        Ok(person)
    }

    /// Every assignment of `year` to the people on staff on `on` whom `scope` lets the viewer
    /// see (by their division on that date), ordered by employee ID.
    pub async fn report_entries(
        &self,
        year: FiscalYear,
        on: NaiveDate,
        scope: &ResultsScope,
    ) -> Result<Vec<ReportEntry>, StoreError> {
        Ok(self
            .scoped_roster(year, on, scope)
            .await?
            .iter()
            .map(report_entry)
            .collect())
    }

    async fn scoped_roster(
        &self,
        year: FiscalYear,
        on: NaiveDate,
        scope: &ResultsScope,
    ) -> Result<Vec<RosterEntry>, StoreError> {
        let whom = scope.divisions().map_or(Whom::Everyone, Whom::InDivisions);
        self.roster_of(RosterQuery { year, on, whom }).await
    }

    /// Who opened each material of a module assigned in `year`, among the learners in scope
    /// on `on`. Learners are counted under the version they took; those who have not opened
    /// the module, under the version they would get.
    pub async fn material_report(
        &self,
        slug: &Slug,
        year: FiscalYear,
        on: NaiveDate,
        scope: &ResultsScope,
    ) -> Result<MaterialReport, StoreError> {
        let module = crate::training::module_by_slug(self.db(), slug).await?;
        let learners: Vec<RosterEntry> = self
            .scoped_roster(year, on, scope)
            .await?
            .into_iter()
            .filter(|e| e.assigned.module.id == module.id)
            .collect();
        let version_of = |e: &RosterEntry| {
            e.enrollment
                .as_ref()
                .map_or(module.published_version, |en| en.version)
        };
        let versions: HashSet<i32> = learners.iter().map(version_of).collect();
        let materials: Vec<material::Model> = material::Entity::find()
            .filter(material::Column::ModuleId.eq(module.id))
            .filter(material::Column::Version.is_in(versions.iter().copied()))
            .order_by_asc(material::Column::Version)
            .order_by_asc(material::Column::Position)
            .all(self.db())
            .await?;
        let learner_ids: HashSet<i32> = learners.iter().map(|e| e.person.id).collect();
        let mut views: HashMap<(i32, i32), i64> = HashMap::new();
        let rows: Vec<(i32, i32, i32)> = material_view::Entity::find()
            .select_only()
            .columns([
                material_view::Column::StaffId,
                material_view::Column::MaterialId,
                material_view::Column::ActiveSeconds,
            ])
            .filter(material_view::Column::MaterialId.is_in(materials.iter().map(|m| m.id)))
            .filter(material_view::Column::Views.gt(0))
            .into_tuple()
            .all(self.db())
            .await?;
        for (staff_id, material_id, active_seconds) in rows {
            if learner_ids.contains(&staff_id) {
                views.insert((staff_id, material_id), i64::from(active_seconds));
            }
        }
        let materials = materials
            .into_iter()
            .map(|m| {
                let mut viewed = MaterialViews {
                    version: m.version,
                    position: m.position,
                    title: m.title,
                    kind: m.kind,
                    active_seconds: Vec::new(),
                    not_opened_count: 0,
                    not_opened: Vec::new(),
                };
                for learner in learners.iter().filter(|e| version_of(e) == m.version) {
                    match views.get(&(learner.person.id, m.id)) {
                        Some(seconds) => viewed.active_seconds.push(*seconds),
                        None => viewed.add_not_opened(|| Learner {
                            employee_id: learner.person.employee_id.clone(),
                            name: learner.person.name.clone(),
                            division: learner.person.division.clone(),
                        }),
                    }
                }
                viewed
            })
            .collect();
        Ok(MaterialReport {
            module_slug: module.slug,
            module_title: module.title,
            fiscal_year: year.start_year(),
            learners: learners.len(),
            materials,
        })
    }

    /// A person's assigned modules in every fiscal year they were on staff, each year as of
    /// its last day (or `today`, or their last day). `NotFound` when `scope` does not reach
    /// them (see `reached_person`).
    pub async fn transcript(
        &self,
        employee_id: &EmployeeId,
        today: NaiveDate,
        scope: &ResultsScope,
    ) -> Result<Transcript, StoreError> {
        let person = self.reached_person(employee_id, today, scope).await?;
        let mut entries = Vec::new();
        for year in self.report_years().await? {
            let year = FiscalYear::new(year);
            let mut on = year.last_day().min(today);
            if let Some(until) = person.active_until {
                on = on.min(until);
            }
            on = on.max(person.active_from);
            if !year.contains(on) {
                continue;
            }
            entries.extend(
                self.roster_of(RosterQuery {
                    year,
                    on,
                    whom: Whom::Person(person.id),
                })
                .await?
                .into_iter()
                .map(|entry| (on, entry)),
            );
        }
        let enrollment_ids: Vec<i32> = entries
            .iter()
            .filter_map(|(_, e)| e.enrollment.map(|en| en.id))
            .collect();
        let mut certificates: HashMap<i32, String> = enrollment::Entity::find()
            .filter(enrollment::Column::Id.is_in(enrollment_ids.iter().copied()))
            .all(self.db())
            .await?
            .into_iter()
            .filter_map(|e| Some((e.id, e.verification_code?)))
            .collect();
        let mut attempts: BTreeMap<i32, Vec<TranscriptAttempt>> = BTreeMap::new();
        for attempt in quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::EnrollmentId.is_in(enrollment_ids))
            .order_by_asc(quiz_attempt::Column::Number)
            .all(self.db())
            .await?
        {
            if let (Some(submitted_at), Some(score), Some(passed)) =
                (attempt.submitted_at, attempt.score, attempt.passed)
            {
                attempts
                    .entry(attempt.enrollment_id)
                    .or_default()
                    .push(TranscriptAttempt {
                        number: attempt.number,
                        submitted_at,
                        score: stored_score(Some(score)),
                        passed,
                    });
            }
        }
        let division = entries
            .first()
            .map(|(_, e)| e.person.division.clone())
            .unwrap_or_default();
        let mut modules: Vec<TranscriptModule> = entries
            .into_iter()
            .map(|(on, entry)| {
                let status = report_entry(&entry).status(on);
                let enrollment = entry.enrollment;
                TranscriptModule {
                    fiscal_year: entry.assigned.assignment.fiscal_year,
                    module_slug: entry.assigned.module.slug.clone(),
                    module_title: entry.assigned.module.title.clone(),
                    version: enrollment.as_ref().map(|e| e.version),
                    due: entry.due,
                    status,
                    started_at: enrollment.as_ref().map(|e| e.started_at),
                    completed_at: enrollment.as_ref().and_then(|e| e.completed_at),
                    certificate_code: enrollment.and_then(|e| certificates.remove(&e.id)),
                    attempts: enrollment
                        .and_then(|e| attempts.remove(&e.id))
                        .unwrap_or_default(),
                }
            })
            .collect();
        modules.sort_by(|a, b| {
            b.fiscal_year
                .cmp(&a.fiscal_year)
                .then(a.due.cmp(&b.due))
                .then(a.module_title.cmp(&b.module_title))
        });
        Ok(Transcript {
            employee_id: employee_id.clone(),
            name: person.name,
            division,
            modules,
        })
    }
}

fn report_entry(entry: &RosterEntry) -> ReportEntry {
    ReportEntry {
        employee_id: entry.person.employee_id.clone(),
        name: entry.person.name.clone(),
        division: entry.person.division.clone(),
        roles: entry.person.roles.clone(),
        module_slug: entry.assigned.module.slug.clone(),
        module_title: entry.assigned.module.title.clone(),
        fiscal_year: entry.assigned.assignment.fiscal_year,
        due: entry.due,
        started_on: entry.enrollment.as_ref().map(|e| agency_date(e.started_at)),
        completed_on: entry.completed_at().map(agency_date),
    }
}
