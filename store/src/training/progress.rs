//! Learners' progress: the modules assigned to them, the player, material views from
//! heartbeats and opened documents, and completion.

use super::{
    Assigned, MaterialCount, certificates::verification_code, enrollment_of, materials::describe,
    materials_of,
};
use crate::outbox::{Stop, cancel_reminders};
use crate::{
    Store, StoreError,
    entities::{enrollment, material, material_view, question, quiz_attempt, staff},
    history::PersonHistory,
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::training::{
    Heartbeat, LearnerHome, LearnerModule, MaterialKind, ModulePlayer, ModuleProgress,
    PlayerMaterial, Slug, ViewEvidence, ViewStanding, material_viewed, progress_status,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, TransactionTrait, sea_query::Expr, sea_query::OnConflict,
};
use std::collections::HashMap;

/// What one report from a learner's browser (or the file route) tells about a material.
#[derive(Debug, Clone, Copy, Default)]
pub struct ViewReport {
    /// A heartbeat from the page, if this is one.
    pub beat: Option<Heartbeat>,
    pub reached_end: bool,
    pub watched_percent: i32,
    pub document_opened: bool,
}

impl Store {
    /// The modules assigned to a person this fiscal year, with their progress, soonest due
    /// first. A fixed number of statements however many modules there are, and no material's
    /// content is read: only how many there are and how many the person has viewed.
    pub async fn learner_modules(
        &self,
        staff_id: i32,
        today: NaiveDate,
    ) -> Result<Vec<LearnerModule>, StoreError> {
        let history = self.history_of(staff_id).await?;
        self.modules_for(&history, today).await
    }

    /// A learner's home: their self-inspections and their modules, the person read once for
    /// both.
    pub async fn learner_home(
        &self,
        staff_id: i32,
        today: NaiveDate,
    ) -> Result<LearnerHome, StoreError> {
        let history = self.history_of(staff_id).await?;
        Ok(LearnerHome {
            campaigns: self.campaigns_for(&history, today).await?,
            modules: self.modules_for(&history, today).await?,
        })
    }

    async fn modules_for(
        &self,
        history: &PersonHistory,
        today: NaiveDate,
    ) -> Result<Vec<LearnerModule>, StoreError> {
        let mut list: Vec<LearnerModule> = self
            .assigned_to(history, today)
            .await?
            .iter()
            .map(|assigned| {
                learner_module(
                    assigned,
                    assigned.enrollment.as_ref(),
                    assigned.count,
                    today,
                )
            })
            .collect();
        list.sort_by_key(|m| m.due);
        Ok(list)
    }

    /// The person's dated record; `NotFound` for an unknown id.
    pub(crate) async fn history_of(&self, staff_id: i32) -> Result<PersonHistory, StoreError> {
        PersonHistory::read(self.reads(), staff_id)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("staff {staff_id}")))
    }

    /// One assigned module for its learner: starting it pins the version they will keep.
    pub async fn module_player(
        &self,
        staff_id: i32,
        slug: &Slug,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ModulePlayer, StoreError> {
        let assigned = self.assigned_module(staff_id, slug, today).await?;
        // Only the first visit writes: a page opened again reads, beside other readers.
        let enrollment = match &assigned.enrollment {
            Some(started) => started.clone(),
            None => self.start_enrollment(staff_id, &assigned, now).await?,
        };
        let progress = self
            .progress(staff_id, &assigned, Some(&enrollment), today)
            .await?;
        let questions = question::Entity::find()
            .filter(question::Column::ModuleId.eq(assigned.module.id))
            .count(self.reads())
            .await?;
        Ok(ModulePlayer {
            module: progress.module,
            has_quiz: questions > 0,
            version: progress.version,
            materials: progress.materials,
            completed_at: enrollment.completed_at,
            verification_code: enrollment.verification_code,
        })
    }

    /// Starts the learner on the module's published version, once: two requests may start it
    /// at once (two tabs), and the first one wins. Returns the enrollment.
    pub(super) async fn start_enrollment(
        &self,
        staff_id: i32,
        assigned: &Assigned,
        now: DateTime<Utc>,
    ) -> Result<enrollment::Model, StoreError> {
        let start = enrollment::ActiveModel {
            staff_id: Set(staff_id),
            assignment_id: Set(assigned.assignment.id),
            version: Set(assigned.module.published_version),
            started_at: Set(now),
            completed_at: Set(None),
            verification_code: Set(None),
            ..Default::default()
        };
        enrollment::Entity::insert(start)
            .on_conflict(
                OnConflict::columns([
                    enrollment::Column::StaffId,
                    enrollment::Column::AssignmentId,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(self.db())
            .await?;
        enrollment_of(self.db(), staff_id, assigned.assignment.id)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("enrollment in {}", assigned.module.slug)))
    }

    /// A heartbeat from a learner's page: counts active time (once, across tabs), notes
    /// whether the end was reached and how much of a video was played, and completes the
    /// module when every material is viewed. Only materials of the version the learner is
    /// taking are accepted. Returns where the learner now stands, for the page to show.
    pub async fn material_heartbeat(
        &self,
        staff_id: i32,
        material_id: i32,
        report: ViewReport,
        now: DateTime<Utc>,
    ) -> Result<ViewStanding, StoreError> {
        let row = material_by_id(self.db(), material_id).await?;
        self.record_view(staff_id, &row, report, now).await
    }

    pub(super) async fn record_view(
        &self,
        staff_id: i32,
        row: &material::Model,
        report: ViewReport,
        now: DateTime<Utc>,
    ) -> Result<ViewStanding, StoreError> {
        let kind = MaterialKind::from_code(&row.kind)
            .ok_or_else(|| StoreError::Corrupt(format!("material {}: unknown kind", row.id)))?;
        let txn = self.db().begin().await?;
        // Write first: the first report creates the row (two tabs may both try), and the
        // update takes the row's lock, so that concurrent reports are applied one after
        // the other instead of overwriting each other's seconds.
        material_view::Entity::insert(material_view::ActiveModel {
            staff_id: Set(staff_id),
            material_id: Set(row.id),
            first_view_at: Set(now),
            last_view_at: Set(now),
            views: Set(0),
            active_seconds: Set(0),
            last_beat_at: Set(None),
            reached_end: Set(false),
            watched_percent: Set(0),
            document_opened: Set(false),
            viewed_at: Set(None),
            ..Default::default()
        })
        .on_conflict(
            OnConflict::columns([
                material_view::Column::StaffId,
                material_view::Column::MaterialId,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
        let this_view = || {
            material_view::Entity::find()
                .filter(material_view::Column::StaffId.eq(staff_id))
                .filter(material_view::Column::MaterialId.eq(row.id))
        };
        material_view::Entity::update_many()
            .col_expr(material_view::Column::LastViewAt, Expr::value(now))
            .filter(material_view::Column::StaffId.eq(staff_id))
            .filter(material_view::Column::MaterialId.eq(row.id))
            .exec(&txn)
            .await?;
        let enrollment = taking(&txn, staff_id, row).await?;
        let view = this_view()
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("view of material {}", row.id)))?;
        let credit = report.beat.map_or(0, |b| b.credit(view.last_beat_at, now));
        let evidence = ViewEvidence {
            reached_end: view.reached_end || report.reached_end,
            active_seconds: i64::from(view.active_seconds) + credit,
            watched_percent: view
                .watched_percent
                .max(report.watched_percent.clamp(0, 100)),
            document_opened: view.document_opened || report.document_opened,
        };
        let viewed_at = view.viewed_at.or_else(|| {
            material_viewed(kind, evidence, row.min_active_seconds.into()).then_some(now)
        });
        // The first report of any kind is a view; after that, opening the page again is.
        let new_view = view.views == 0 || report.beat.is_some_and(Heartbeat::is_new_view);
        let views = view.views + i32::from(new_view);
        let last_beat_at = if report.beat.is_some() {
            Some(now)
        } else {
            view.last_beat_at
        };
        let mut changed: material_view::ActiveModel = view.into();
        changed.active_seconds = Set(evidence.active_seconds as i32);
        changed.reached_end = Set(evidence.reached_end);
        changed.watched_percent = Set(evidence.watched_percent);
        changed.document_opened = Set(evidence.document_opened);
        changed.viewed_at = Set(viewed_at);
        changed.views = Set(views);
        changed.last_beat_at = Set(last_beat_at);
        changed.update(&txn).await?;
        let module_completed = enrollment.completed_at.is_some()
            || (viewed_at.is_some()
                && complete_if_done(&txn, enrollment, row.module_id, now).await?);
        txn.commit().await?;
        Ok(ViewStanding::of(
            evidence,
            row.min_active_seconds.into(),
            viewed_at.is_some(),
            module_completed,
        ))
    }

    /// A person's assigned modules with their progress, soonest due first.
    pub(super) async fn modules_of(
        &self,
        staff_id: i32,
        today: NaiveDate,
    ) -> Result<Vec<ModuleProgress>, StoreError> {
        let mut list = Vec::new();
        let history = self.history_of(staff_id).await?;
        for assigned in self.assigned_to(&history, today).await? {
            let progress = self
                .progress(staff_id, &assigned, assigned.enrollment.as_ref(), today)
                .await?;
            list.push(ModuleProgress {
                module: progress.module,
                materials: progress.materials,
            });
        }
        list.sort_by_key(|p| p.module.due);
        Ok(list)
    }

    /// One module assigned to a person, by slug; `NotFound` when it is not theirs.
    pub(super) async fn assigned_module(
        &self,
        staff_id: i32,
        slug: &Slug,
        today: NaiveDate,
    ) -> Result<Assigned, StoreError> {
        let history = self.history_of(staff_id).await?;
        self.assigned_to(&history, today)
            .await?
            .into_iter()
            .find(|a| a.module.slug == slug.as_str())
            .ok_or_else(|| StoreError::NotFound(format!("module {slug}")))
    }

    /// Where a person stands in an assigned module, given their enrollment in it (if any).
    async fn progress(
        &self,
        staff_id: i32,
        assigned: &Assigned,
        enrollment: Option<&enrollment::Model>,
        today: NaiveDate,
    ) -> Result<Progress, StoreError> {
        let version = version_taken(assigned, enrollment);
        let rows = materials_of(self.reads(), assigned.module.id, version).await?;
        let views: HashMap<i32, material_view::Model> = material_view::Entity::find()
            .filter(material_view::Column::StaffId.eq(staff_id))
            .filter(material_view::Column::MaterialId.is_in(rows.iter().map(|p| p.id)))
            .all(self.reads())
            .await?
            .into_iter()
            .map(|v| (v.material_id, v))
            .collect();
        let materials: Vec<PlayerMaterial> = describe(self.reads(), rows)
            .await?
            .into_iter()
            .map(|material| {
                let view = views.get(&material.id);
                PlayerMaterial {
                    viewed: view.is_some_and(|v| v.viewed_at.is_some()),
                    active_seconds: view.map_or(0, |v| v.active_seconds),
                    views: view.map_or(0, |v| v.views),
                    first_view_at: view.map(|v| v.first_view_at),
                    last_view_at: view.map(|v| v.last_view_at),
                    watched_percent: view.map_or(0, |v| v.watched_percent),
                    material,
                }
            })
            .collect();
        let count = MaterialCount {
            materials: materials.len(),
            viewed: materials.iter().filter(|m| m.viewed).count(),
        };
        let module = learner_module(assigned, enrollment, count, today);
        Ok(Progress {
            module,
            version,
            materials,
        })
    }
}

/// The version of a module a person takes: the one they started, else the published one.
fn version_taken(assigned: &Assigned, enrollment: Option<&enrollment::Model>) -> i32 {
    enrollment.map_or(assigned.module.published_version, |e| e.version)
}

fn learner_module(
    assigned: &Assigned,
    enrollment: Option<&enrollment::Model>,
    count: MaterialCount,
    today: NaiveDate,
) -> LearnerModule {
    let completed = enrollment.is_some_and(|e| e.completed_at.is_some());
    LearnerModule {
        slug: assigned.module.slug.clone(),
        title: assigned.module.title.clone(),
        summary: assigned.module.summary.clone(),
        estimated_minutes: assigned.module.estimated_minutes,
        due: assigned.due,
        status: progress_status(enrollment.is_some(), completed, assigned.due, today),
        viewed: count.viewed,
        materials: count.materials,
    }
}

pub(super) struct Progress {
    pub module: LearnerModule,
    pub version: i32,
    pub materials: Vec<PlayerMaterial>,
}

pub(super) async fn material_by_id(
    db: &impl ConnectionTrait,
    material_id: i32,
) -> Result<material::Model, StoreError> {
    material::Entity::find_by_id(material_id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("material {material_id}")))
}

/// The enrollment under which `staff_id` may view `row`: its module's version must be the
/// one they are taking.
pub(super) async fn taking(
    db: &impl ConnectionTrait,
    staff_id: i32,
    row: &material::Model,
) -> Result<enrollment::Model, StoreError> {
    let assignment_ids = super::assignment_ids_of(db, row.module_id).await?;
    enrollment::Entity::find()
        .filter(enrollment::Column::StaffId.eq(staff_id))
        .filter(enrollment::Column::AssignmentId.is_in(assignment_ids))
        .filter(enrollment::Column::Version.eq(row.version))
        .order_by_desc(enrollment::Column::Id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("material {}", row.id)))
}

/// Completes the module when every material of the learner's version is viewed and, when the
/// module has a quiz, an attempt under this enrollment passed it. Returns whether it is
/// completed.
pub(super) async fn complete_if_done(
    db: &impl ConnectionTrait,
    enrollment: enrollment::Model,
    module_id: i32,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    if enrollment.completed_at.is_some() {
        return Ok(true);
    }
    let ids: Vec<i32> = materials_of(db, module_id, enrollment.version)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let viewed = material_view::Entity::find()
        .filter(material_view::Column::StaffId.eq(enrollment.staff_id))
        .filter(material_view::Column::MaterialId.is_in(ids.iter().copied()))
        .filter(material_view::Column::ViewedAt.is_not_null())
        .count(db)
        .await? as usize;
    let has_quiz = question::Entity::find()
        .filter(question::Column::ModuleId.eq(module_id))
        .count(db)
        .await?
        > 0;
    let passed = !has_quiz
        || quiz_attempt::Entity::find()
            .filter(quiz_attempt::Column::EnrollmentId.eq(enrollment.id))
            .filter(quiz_attempt::Column::Passed.eq(true))
            .count(db)
            .await?
            > 0;
    if viewed == ids.len() && passed {
        let (staff_id, assignment_id) = (enrollment.staff_id, enrollment.assignment_id);
        let mut done: enrollment::ActiveModel = enrollment.into();
        done.completed_at = Set(Some(now));
        done.verification_code = Set(Some(verification_code()));
        done.update(db).await?;
        // Reminders stop the moment the module is done.
        if let Some(person) = staff::Entity::find_by_id(staff_id).one(db).await? {
            let stop = Stop::Completed {
                employee_id: &person.employee_id,
                assignment_id,
            };
            cancel_reminders(db, stop, now).await?;
        }
        return Ok(true);
    }
    Ok(false)
}
