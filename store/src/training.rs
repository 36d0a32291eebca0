//! Training modules: authoring (versioned materials), assignments, and each learner's progress
//! with material views measured by heartbeats. The rules themselves are in
//! `mamori_domain::training`; this applies them to the database.

use crate::{
    Store, StoreError,
    accounts::random_secret,
    entities::{assignment, enrollment, material, material_view, staff, training_module},
    markdown::render_markdown,
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear,
    training::{
        AssignmentInfo, AssignmentTarget, Certificate, DueRule, GridRow, Heartbeat, LearnerModule,
        MaterialPage, ModuleDraft, ModulePlayer, ModuleProgress, ModuleStatus, ModuleSummary,
        PlayerMaterial, Slug, TrainingGrid, page_viewed, progress_status,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait, sea_query::OnConflict,
};
use std::collections::HashMap;

/// A module as a trainer starts it.
pub struct NewModule<'a> {
    pub slug: &'a Slug,
    pub title: &'a str,
    pub summary: &'a str,
    pub estimated_minutes: i32,
    pub created_by: &'a str,
}

/// A page as a trainer writes it.
pub struct NewPage<'a> {
    pub title: &'a str,
    pub markdown: &'a str,
    pub min_active_seconds: i32,
}

impl Store {
    pub async fn create_module(
        &self,
        new: NewModule<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if new.title.trim().is_empty() {
            return Err(StoreError::Invalid("title must not be empty".into()));
        }
        if module_by_slug(self.db(), new.slug.as_str()).await.is_ok() {
            return Err(StoreError::Conflict(format!(
                "slug {} is already taken",
                new.slug
            )));
        }
        training_module::ActiveModel {
            slug: Set(new.slug.to_string()),
            title: Set(new.title.trim().to_string()),
            summary: Set(new.summary.trim().to_string()),
            estimated_minutes: Set(new.estimated_minutes.max(1)),
            status: Set(ModuleStatus::Draft.code().to_string()),
            published_version: Set(0),
            draft_version: Set(1),
            created_by: Set(new.created_by.to_string()),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(self.db())
        .await?;
        Ok(())
    }

    /// Every module, newest change first.
    pub async fn modules(&self) -> Result<Vec<ModuleSummary>, StoreError> {
        Ok(training_module::Entity::find()
            .order_by_desc(training_module::Column::UpdatedAt)
            .all(self.db())
            .await?
            .into_iter()
            .map(summary_of)
            .collect())
    }

    /// A module with the materials trainers edit (the draft version) and its assignments.
    pub async fn module_draft(&self, slug: &str) -> Result<ModuleDraft, StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        let materials = materials_of(self.db(), module.id, module.draft_version)
            .await?
            .into_iter()
            .map(page_of)
            .collect();
        let assignments = assignment::Entity::find()
            .filter(assignment::Column::ModuleId.eq(module.id))
            .order_by_asc(assignment::Column::Id)
            .all(self.db())
            .await?
            .into_iter()
            .map(|a| assignment_info(&a))
            .collect::<Result<_, _>>()?;
        Ok(ModuleDraft {
            draft_version: module.draft_version,
            module: summary_of(module),
            materials,
            assignments,
        })
    }

    /// Adds a page at the end of the draft. Changing a published module starts a new version:
    /// learners who began the old one keep it.
    pub async fn add_page(
        &self,
        slug: &str,
        page: NewPage<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if page.title.trim().is_empty() || page.markdown.trim().is_empty() {
            return Err(StoreError::Invalid(
                "a page needs a title and a text".into(),
            ));
        }
        let txn = self.db().begin().await?;
        let module = module_by_slug(&txn, slug).await?;
        let version = draft_version(&txn, module, now).await?;
        let position = materials_of(&txn, version.0, version.1).await?.len() as i32 + 1;
        material::ActiveModel {
            module_id: Set(version.0),
            version: Set(version.1),
            position: Set(position),
            kind: Set("page".into()),
            title: Set(page.title.trim().to_string()),
            body_markdown: Set(page.markdown.to_string()),
            body_html: Set(render_markdown(page.markdown)),
            min_active_seconds: Set(page.min_active_seconds.max(0)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// Makes the draft what learners see.
    pub async fn publish_module(&self, slug: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        let txn = self.db().begin().await?;
        let module = module_by_slug(&txn, slug).await?;
        if materials_of(&txn, module.id, module.draft_version)
            .await?
            .is_empty()
        {
            return Err(StoreError::Invalid(
                "add at least one material before publishing".into(),
            ));
        }
        let draft = module.draft_version;
        let mut module: training_module::ActiveModel = module.into();
        module.published_version = Set(draft);
        module.status = Set(ModuleStatus::Published.code().to_string());
        module.updated_at = Set(now);
        module.update(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Assigns a published module for a fiscal year.
    pub async fn assign_module(
        &self,
        slug: &str,
        fiscal_year: FiscalYear,
        target: &AssignmentTarget,
        due: DueRule,
        created_by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        if module.published_version == 0 {
            return Err(StoreError::Invalid(
                "publish the module before assigning it".into(),
            ));
        }
        let json = |result: serde_json::Result<String>| {
            result.map_err(|e| StoreError::Invalid(format!("assignment: {e}")))
        };
        assignment::ActiveModel {
            module_id: Set(module.id),
            fiscal_year: Set(fiscal_year.start_year()),
            target: Set(json(serde_json::to_string(target))?),
            due_rule: Set(json(serde_json::to_string(&due))?),
            created_by: Set(created_by.to_string()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(self.db())
        .await?;
        Ok(())
    }

    /// The modules assigned to a person this fiscal year, with their progress, soonest due first.
    pub async fn learner_modules(
        &self,
        staff_id: i32,
        today: NaiveDate,
    ) -> Result<Vec<LearnerModule>, StoreError> {
        Ok(self
            .modules_of(staff_id, today)
            .await?
            .into_iter()
            .map(|p| p.module)
            .collect())
    }

    /// One assigned module for its learner: starting it pins the version they will keep.
    pub async fn module_player(
        &self,
        staff_id: i32,
        slug: &str,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ModulePlayer, StoreError> {
        let assigned = self.assigned_module(staff_id, slug, today).await?;
        // Two requests may start the module at once (two tabs): the first one wins.
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
        let progress = self.progress(staff_id, &assigned, today).await?;
        Ok(ModulePlayer {
            module: progress.module,
            version: progress.version,
            materials: progress.materials,
            completed_at: progress.enrollment.as_ref().and_then(|e| e.completed_at),
            verification_code: progress.enrollment.and_then(|e| e.verification_code),
        })
    }

    /// A heartbeat from a learner's page: counts active time (once, across tabs), notes
    /// whether the end was reached, and completes the module when every material is viewed.
    /// Only materials of the version the learner is taking are accepted.
    pub async fn material_heartbeat(
        &self,
        staff_id: i32,
        material_id: i32,
        beat: Heartbeat,
        reached_end: bool,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let txn = self.db().begin().await?;
        let page = material::Entity::find_by_id(material_id)
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("material {material_id}")))?;
        let enrollment = taking(&txn, staff_id, &page).await?;
        let view = material_view::Entity::find()
            .filter(material_view::Column::StaffId.eq(staff_id))
            .filter(material_view::Column::MaterialId.eq(material_id))
            .one(&txn)
            .await?;
        let updated = match view {
            None => {
                material_view::ActiveModel {
                    staff_id: Set(staff_id),
                    material_id: Set(material_id),
                    first_view_at: Set(now),
                    last_view_at: Set(now),
                    views: Set(1),
                    active_seconds: Set(0),
                    last_beat_at: Set(Some(now)),
                    reached_end: Set(reached_end),
                    viewed_at: Set(
                        page_viewed(reached_end, 0, page.min_active_seconds.into()).then_some(now)
                    ),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
            }
            Some(view) => {
                let active = view.active_seconds + beat.credit(view.last_beat_at, now) as i32;
                let reached = view.reached_end || reached_end;
                let viewed_at = view.viewed_at.or_else(|| {
                    page_viewed(reached, active.into(), page.min_active_seconds.into())
                        .then_some(now)
                });
                let views = view.views + i32::from(beat.is_new_view());
                let mut row: material_view::ActiveModel = view.into();
                row.active_seconds = Set(active);
                row.reached_end = Set(reached);
                row.viewed_at = Set(viewed_at);
                row.views = Set(views);
                row.last_view_at = Set(now);
                row.last_beat_at = Set(Some(now));
                row.update(&txn).await?
            }
        };
        if updated.viewed_at.is_some() && enrollment.completed_at.is_none() {
            complete_if_all_viewed(&txn, staff_id, enrollment, &page, now).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// The certificate of a module the person completed this fiscal year.
    pub async fn certificate(
        &self,
        staff_id: i32,
        slug: &str,
        today: NaiveDate,
    ) -> Result<Certificate, StoreError> {
        let assigned = self.assigned_module(staff_id, slug, today).await?;
        let code = enrollment_of(self.db(), staff_id, assigned.assignment.id)
            .await?
            .and_then(|e| e.verification_code)
            .ok_or_else(|| StoreError::NotFound(format!("certificate for {slug}")))?;
        self.verify_certificate(&code)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("certificate for {slug}")))
    }

    /// The certificate carrying `code`, if there is one (codes are compared in upper case).
    pub async fn verify_certificate(&self, code: &str) -> Result<Option<Certificate>, StoreError> {
        let code = code.trim().to_ascii_uppercase();
        let Some(done) = enrollment::Entity::find()
            .filter(enrollment::Column::VerificationCode.eq(code.as_str()))
            .one(self.db())
            .await?
        else {
            return Ok(None);
        };
        let (Some(completed_at), Some(person), Some(assignment)) = (
            done.completed_at,
            staff::Entity::find_by_id(done.staff_id)
                .one(self.db())
                .await?,
            assignment::Entity::find_by_id(done.assignment_id)
                .one(self.db())
                .await?,
        ) else {
            return Ok(None);
        };
        let module = training_module::Entity::find_by_id(assignment.module_id)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("module {}", assignment.module_id)))?;
        Ok(Some(Certificate {
            employee_id: person.employee_id,
            name: person.name,
            module_title: module.title,
            version: done.version,
            fiscal_year: assignment.fiscal_year,
            completed_at,
            verification_code: code,
        }))
    }

    /// Staff × modules for the given divisions' staff today (a manager's view).
    pub async fn division_training(
        &self,
        division_ids: &[i32],
        today: NaiveDate,
    ) -> Result<TrainingGrid, StoreError> {
        let people = self.division_staff(division_ids, today).await?;
        let ids: HashMap<String, i32> = staff::Entity::find()
            .filter(staff::Column::EmployeeId.is_in(people.iter().map(|p| p.employee_id.clone())))
            .all(self.db())
            .await?
            .into_iter()
            .map(|p| (p.employee_id, p.id))
            .collect();
        let mut modules: Vec<(NaiveDate, String, String)> = Vec::new();
        let mut per_person = Vec::new();
        for person in people {
            let Some(id) = ids.get(&person.employee_id) else {
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

    /// A person's assigned modules with their progress, soonest due first.
    async fn modules_of(
        &self,
        staff_id: i32,
        today: NaiveDate,
    ) -> Result<Vec<ModuleProgress>, StoreError> {
        let mut list = Vec::new();
        for assigned in self.assigned_to(staff_id, today).await? {
            let progress = self.progress(staff_id, &assigned, today).await?;
            list.push(ModuleProgress {
                module: progress.module,
                materials: progress.materials,
            });
        }
        list.sort_by_key(|p| p.module.due);
        Ok(list)
    }

    /// One module assigned to a person, by slug; `NotFound` when it is not theirs.
    async fn assigned_module(
        &self,
        staff_id: i32,
        slug: &str,
        today: NaiveDate,
    ) -> Result<Assigned, StoreError> {
        self.assigned_to(staff_id, today)
            .await?
            .into_iter()
            .find(|a| a.module.slug == slug)
            .ok_or_else(|| StoreError::NotFound(format!("module {slug}")))
    }

    /// The assignments of the person's current fiscal year that include them today, with their
    /// module (published and not archived) and due date.
    async fn assigned_to(
        &self,
        staff_id: i32,
        today: NaiveDate,
    ) -> Result<Vec<Assigned>, StoreError> {
        let person = staff::Entity::find_by_id(staff_id)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("staff {staff_id}")))?;
        let joined = person.active_from;
        let me = self.summaries(vec![person], today).await?.remove(0);
        let year = FiscalYear::containing(today).start_year();
        let modules: HashMap<i32, training_module::Model> = training_module::Entity::find()
            .filter(training_module::Column::Status.eq(ModuleStatus::Published.code()))
            .all(self.db())
            .await?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let mut assigned = Vec::new();
        for assignment in assignment::Entity::find()
            .filter(assignment::Column::FiscalYear.eq(year))
            .order_by_asc(assignment::Column::Id)
            .all(self.db())
            .await?
        {
            let info = assignment_info(&assignment)?;
            let Some(module) = modules.get(&assignment.module_id) else {
                continue;
            };
            if info.target.includes(&me.division, &me.security_roles)
                && !assigned.iter().any(|a: &Assigned| a.module.id == module.id)
            {
                assigned.push(Assigned {
                    due: info.due.due_date(joined),
                    module: module.clone(),
                    assignment,
                });
            }
        }
        Ok(assigned)
    }

    async fn progress(
        &self,
        staff_id: i32,
        assigned: &Assigned,
        today: NaiveDate,
    ) -> Result<Progress, StoreError> {
        let enrollment = enrollment_of(self.db(), staff_id, assigned.assignment.id).await?;
        let version = enrollment
            .as_ref()
            .map_or(assigned.module.published_version, |e| e.version);
        let pages = materials_of(self.db(), assigned.module.id, version).await?;
        let views: HashMap<i32, material_view::Model> = material_view::Entity::find()
            .filter(material_view::Column::StaffId.eq(staff_id))
            .filter(material_view::Column::MaterialId.is_in(pages.iter().map(|p| p.id)))
            .all(self.db())
            .await?
            .into_iter()
            .map(|v| (v.material_id, v))
            .collect();
        let materials: Vec<PlayerMaterial> = pages
            .into_iter()
            .map(|page| {
                let view = views.get(&page.id);
                PlayerMaterial {
                    viewed: view.is_some_and(|v| v.viewed_at.is_some()),
                    active_seconds: view.map_or(0, |v| v.active_seconds),
                    views: view.map_or(0, |v| v.views),
                    first_view_at: view.map(|v| v.first_view_at),
                    last_view_at: view.map(|v| v.last_view_at),
                    page: page_of(page),
                }
            })
            .collect();
        let viewed = materials.iter().filter(|m| m.viewed).count();
        let completed = enrollment
            .as_ref()
            .is_some_and(|e| e.completed_at.is_some());
        let module = LearnerModule {
            slug: assigned.module.slug.clone(),
            title: assigned.module.title.clone(),
            summary: assigned.module.summary.clone(),
            estimated_minutes: assigned.module.estimated_minutes,
            due: assigned.due,
            status: progress_status(viewed, completed, assigned.due, today),
            viewed,
            materials: materials.len(),
        };
        Ok(Progress {
            module,
            version,
            materials,
            enrollment,
        })
    }
}

struct Assigned {
    assignment: assignment::Model,
    module: training_module::Model,
    due: NaiveDate,
}

struct Progress {
    module: LearnerModule,
    version: i32,
    materials: Vec<PlayerMaterial>,
    enrollment: Option<enrollment::Model>,
}

fn assignment_info(row: &assignment::Model) -> Result<AssignmentInfo, StoreError> {
    let parse = |e: serde_json::Error| StoreError::Invalid(format!("assignment {}: {e}", row.id));
    Ok(AssignmentInfo {
        fiscal_year: row.fiscal_year,
        target: serde_json::from_str(&row.target).map_err(parse)?,
        due: serde_json::from_str(&row.due_rule).map_err(parse)?,
    })
}

fn summary_of(module: training_module::Model) -> ModuleSummary {
    ModuleSummary {
        status: ModuleStatus::from_code(&module.status).unwrap_or(ModuleStatus::Draft),
        has_unpublished_changes: module.draft_version > module.published_version,
        slug: module.slug,
        title: module.title,
        summary: module.summary,
        estimated_minutes: module.estimated_minutes,
        published_version: module.published_version,
    }
}

fn page_of(row: material::Model) -> MaterialPage {
    MaterialPage {
        id: row.id,
        title: row.title,
        body_markdown: row.body_markdown,
        body_html: row.body_html,
        min_active_seconds: row.min_active_seconds,
    }
}

async fn module_by_slug(
    db: &impl ConnectionTrait,
    slug: &str,
) -> Result<training_module::Model, StoreError> {
    training_module::Entity::find()
        .filter(training_module::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("module {slug}")))
}

pub(crate) async fn materials_of(
    db: &impl ConnectionTrait,
    module_id: i32,
    version: i32,
) -> Result<Vec<material::Model>, StoreError> {
    Ok(material::Entity::find()
        .filter(material::Column::ModuleId.eq(module_id))
        .filter(material::Column::Version.eq(version))
        .order_by_asc(material::Column::Position)
        .all(db)
        .await?)
}

async fn enrollment_of(
    db: &impl ConnectionTrait,
    staff_id: i32,
    assignment_id: i32,
) -> Result<Option<enrollment::Model>, StoreError> {
    Ok(enrollment::Entity::find()
        .filter(enrollment::Column::StaffId.eq(staff_id))
        .filter(enrollment::Column::AssignmentId.eq(assignment_id))
        .one(db)
        .await?)
}

/// The module id and the version trainers may change: the draft, or — when the module is
/// published and unchanged since — a new version copied from the published one.
async fn draft_version(
    db: &impl ConnectionTrait,
    module: training_module::Model,
    now: DateTime<Utc>,
) -> Result<(i32, i32), StoreError> {
    let id = module.id;
    if module.draft_version > module.published_version {
        return Ok((id, module.draft_version));
    }
    let next = module.published_version + 1;
    for old in materials_of(db, id, module.published_version).await? {
        let mut copy: material::ActiveModel = old.into();
        copy.id = sea_orm::ActiveValue::NotSet;
        copy.version = Set(next);
        copy.insert(db).await?;
    }
    let mut module: training_module::ActiveModel = module.into();
    module.draft_version = Set(next);
    module.updated_at = Set(now);
    module.update(db).await?;
    Ok((id, next))
}

/// The enrollment under which `staff_id` may view `page`: its module's version must be the
/// one they are taking.
async fn taking(
    db: &impl ConnectionTrait,
    staff_id: i32,
    page: &material::Model,
) -> Result<enrollment::Model, StoreError> {
    let assignment_ids: Vec<i32> = assignment::Entity::find()
        .filter(assignment::Column::ModuleId.eq(page.module_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    enrollment::Entity::find()
        .filter(enrollment::Column::StaffId.eq(staff_id))
        .filter(enrollment::Column::AssignmentId.is_in(assignment_ids))
        .filter(enrollment::Column::Version.eq(page.version))
        .order_by_desc(enrollment::Column::Id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("material {}", page.id)))
}

/// A certificate's code: short enough to read out, long enough not to guess (12 hex digits,
/// upper case).
pub(crate) fn verification_code() -> String {
    random_secret()[..12].to_ascii_uppercase()
}

async fn complete_if_all_viewed(
    db: &impl ConnectionTrait,
    staff_id: i32,
    enrollment: enrollment::Model,
    page: &material::Model,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let ids: Vec<i32> = materials_of(db, page.module_id, enrollment.version)
        .await?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let viewed = material_view::Entity::find()
        .filter(material_view::Column::StaffId.eq(staff_id))
        .filter(material_view::Column::MaterialId.is_in(ids.iter().copied()))
        .filter(material_view::Column::ViewedAt.is_not_null())
        .all(db)
        .await?
        .len();
    if viewed == ids.len() {
        let mut done: enrollment::ActiveModel = enrollment.into();
        done.completed_at = Set(Some(now));
        done.verification_code = Set(Some(verification_code()));
        done.update(db).await?;
    }
    Ok(())
}
