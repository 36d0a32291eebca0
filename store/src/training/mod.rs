//! Training modules: authoring (versioned materials), assignments, and each learner's progress
//! with material views. The rules themselves are in `mamori_domain::training`; this applies
//! them to the database. Modules' life cycle is here; materials, assignments, progress, the
//! files learners open, certificates, managers' views, quizzes and the roster have a file each.

mod assignments;
mod certificates;
mod material_files;
mod materials;
mod person_training;
mod progress;
mod quiz;
pub(crate) use quiz::stored_score;
mod roster;

pub(crate) use certificates::verification_code;
pub use material_files::{FileToServe, MaterialFileRole};
pub use materials::{MaterialEdit, Move, NewContent, NewMaterial, NewVideo, StoredUpload};
pub use progress::ViewReport;
pub use roster::{
    RosterAssignment, RosterEnrollment, RosterEntry, RosterPerson, RosterQuery, Whom,
};

use crate::outbox::{Stop, cancel_reminders};
use crate::{
    Store, StoreError,
    entities::{assignment, enrollment, material, training_module},
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::training::{
    EstimatedMinutes, ModuleDraft, ModuleStatus, ModuleSummary, Slug, TrainingRefusal,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

/// A module as a trainer starts it.
pub struct NewModule<'a> {
    pub slug: &'a Slug,
    pub title: &'a str,
    pub summary: &'a str,
    pub estimated_minutes: EstimatedMinutes,
    pub created_by: &'a str,
}

impl Store {
    pub async fn create_module(
        &self,
        new: NewModule<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if new.title.trim().is_empty() {
            return Err(TrainingRefusal::TitleEmpty.into());
        }
        if module_by_slug(self.db(), new.slug).await.is_ok() {
            return Err(TrainingRefusal::SlugTaken {
                slug: new.slug.to_string(),
            }
            .into());
        }
        training_module::ActiveModel {
            slug: Set(new.slug.to_string()),
            title: Set(new.title.trim().to_string()),
            summary: Set(new.summary.trim().to_string()),
            estimated_minutes: Set(new.estimated_minutes.get()),
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

    /// Changes a module's title, summary and estimated time. These describe the module in
    /// every version, so the change shows at once.
    pub async fn edit_module_details(
        &self,
        slug: &Slug,
        title: &str,
        summary: &str,
        estimated_minutes: EstimatedMinutes,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if title.trim().is_empty() {
            return Err(TrainingRefusal::TitleEmpty.into());
        }
        let mut module: training_module::ActiveModel =
            module_by_slug(self.db(), slug).await?.into();
        module.title = Set(title.trim().to_string());
        module.summary = Set(summary.trim().to_string());
        module.estimated_minutes = Set(estimated_minutes.get());
        module.updated_at = Set(now);
        module.update(self.db()).await?;
        Ok(())
    }

    /// Every module, newest change first.
    pub async fn modules(&self) -> Result<Vec<ModuleSummary>, StoreError> {
        Ok(training_module::Entity::find()
            .order_by_desc(training_module::Column::UpdatedAt)
            .all(self.reads())
            .await?
            .into_iter()
            .map(summary_of)
            .collect())
    }

    /// A module with the materials trainers edit (the draft version) and its assignments.
    pub async fn module_draft(&self, slug: &Slug) -> Result<ModuleDraft, StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        let rows = materials_of(self.db(), module.id, module.draft_version).await?;
        Ok(ModuleDraft {
            draft_version: module.draft_version,
            materials: materials::describe(self.db(), rows).await?,
            assignments: self.assignments_of(module.id).await?,
            quiz_settings: self.quiz_settings(slug).await?,
            questions: self.question_pool(slug).await?,
            module: summary_of(module),
        })
    }

    /// Makes the draft what learners see; publishing an archived module brings it back.
    pub async fn publish_module(&self, slug: &Slug, now: DateTime<Utc>) -> Result<(), StoreError> {
        let txn = self.db().begin().await?;
        let module = module_by_slug(&txn, slug).await?;
        if materials_of(&txn, module.id, module.draft_version)
            .await?
            .is_empty()
        {
            return Err(TrainingRefusal::NoMaterials.into());
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

    /// Takes a module away from learners (and from reminders); their records stay.
    pub async fn archive_module(&self, slug: &Slug, now: DateTime<Utc>) -> Result<(), StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        if module.published_version == 0 {
            return Err(TrainingRefusal::ArchiveUnpublished.into());
        }
        let assignment_ids = assignment_ids_of(self.db(), module.id).await?;
        let txn = self.db().begin().await?;
        let mut module: training_module::ActiveModel = module.into();
        module.status = Set(ModuleStatus::Archived.code().to_string());
        module.updated_at = Set(now);
        module.update(&txn).await?;
        cancel_reminders(&txn, Stop::Archived { assignment_ids }, now).await?;
        txn.commit().await?;
        Ok(())
    }
}

/// A module assigned to a person, with the assignment that brings it, their due date and
/// where they stand in it.
struct Assigned {
    assignment: assignment::Model,
    module: training_module::Model,
    due: NaiveDate,
    /// Their enrollment, once they started.
    enrollment: Option<enrollment::Model>,
    count: MaterialCount,
}

/// How many materials the version a person takes has, and how many of them they viewed.
#[derive(Debug, Clone, Copy, Default)]
struct MaterialCount {
    materials: usize,
    viewed: usize,
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

pub(crate) async fn module_by_slug(
    db: &impl ConnectionTrait,
    slug: &Slug,
) -> Result<training_module::Model, StoreError> {
    training_module::Entity::find()
        .filter(training_module::Column::Slug.eq(slug.as_str()))
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

/// The ids of every assignment of a module, in any fiscal year.
async fn assignment_ids_of(
    db: &impl ConnectionTrait,
    module_id: i32,
) -> Result<Vec<i32>, StoreError> {
    Ok(assignment::Entity::find()
        .filter(assignment::Column::ModuleId.eq(module_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect())
}
