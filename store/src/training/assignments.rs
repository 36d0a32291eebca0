//! Assignments: a published module for a fiscal year, to a target, with a due rule; carried
//! over to the next year for yearly refreshers; and worked out per person.

use super::{Assigned, MaterialCount, Whom, module_by_slug};
use crate::{
    Store, StoreError,
    entities::{
        assignment, enrollment, join_on, material, material_view, select_prefixed, training_module,
    },
    history::PersonHistory,
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear,
    reminder::ReminderPolicy,
    training::{AssignmentInfo, AssignmentTarget, DueRule, ModuleStatus, Slug, TrainingRefusal},
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, JoinType, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait,
    sea_query::{Expr, ExprTrait, Func, IntoCondition, Query},
};

impl Store {
    /// Assigns a published module for a fiscal year. Returns how many people on staff today
    /// it reaches (joiners come later).
    pub async fn assign_module(
        &self,
        slug: &Slug,
        fiscal_year: FiscalYear,
        target: &AssignmentTarget,
        due: DueRule,
        created_by: &str,
        now: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        if module.published_version == 0 {
            return Err(TrainingRefusal::AssignUnpublished.into());
        }
        let reached = self
            .people_on(mamori_domain::agency_date(now), Whom::Everyone)
            .await?
            .iter()
            .filter(|person| target.includes(&person.division, &person.roles))
            .count();
        let empty = match target {
            AssignmentTarget::Everyone => false,
            AssignmentTarget::Divisions(names) => names.is_empty(),
            AssignmentTarget::Roles(roles) => roles.is_empty(),
            AssignmentTarget::Groups(groups) => groups.is_empty(),
        };
        if empty {
            return Err(TrainingRefusal::NoOneChosen.into());
        }
        let json = |result: serde_json::Result<String>| {
            result.map_err(|e| StoreError::Corrupt(format!("assignment: {e}")))
        };
        let target = json(serde_json::to_string(target))?;
        let duplicate = assignment::Entity::find()
            .filter(assignment::Column::ModuleId.eq(module.id))
            .filter(assignment::Column::FiscalYear.eq(fiscal_year.start_year()))
            .filter(assignment::Column::Target.eq(target.as_str()))
            .one(self.db())
            .await?;
        if duplicate.is_some() {
            return Err(TrainingRefusal::AlreadyAssigned {
                slug: slug.to_string(),
                fiscal_year: fiscal_year.start_year(),
            }
            .into());
        }
        assignment::ActiveModel {
            module_id: Set(module.id),
            fiscal_year: Set(fiscal_year.start_year()),
            target: Set(target),
            due_rule: Set(json(serde_json::to_string(&due))?),
            created_by: Set(created_by.to_string()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(self.db())
        .await?;
        Ok(reached)
    }

    /// Assigns the same module to the same people for the next fiscal year, due a year later
    /// (a yearly refresher). Learners take the version published then.
    pub async fn carry_over_assignment(
        &self,
        assignment_id: i32,
        created_by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let row = assignment::Entity::find_by_id(assignment_id)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("assignment {assignment_id}")))?;
        let info = assignment_info(&row)?;
        let module = training_module::Entity::find_by_id(row.module_id)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("module {}", row.module_id)))?;
        let slug = Slug::parse(&module.slug)
            .map_err(|e| StoreError::Corrupt(format!("module {}: {e}", module.id)))?;
        self.assign_module(
            &slug,
            FiscalYear::new(row.fiscal_year + 1),
            &info.target,
            info.due.a_year_later(),
            created_by,
            now,
        )
        .await
        .map(|_| ())
    }

    /// Gives an assignment its own reminder policy, or (`None`) returns it to the default.
    pub async fn set_assignment_reminder_policy(
        &self,
        assignment_id: i32,
        policy: Option<&ReminderPolicy>,
    ) -> Result<(), StoreError> {
        let row = assignment::Entity::find_by_id(assignment_id)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("assignment {assignment_id}")))?;
        let json = policy
            .map(serde_json::to_string)
            .transpose()
            .map_err(|e| StoreError::Corrupt(format!("reminder policy: {e}")))?;
        let mut row: assignment::ActiveModel = row.into();
        row.reminder_policy = Set(json);
        row.update(self.db()).await?;
        Ok(())
    }

    /// A module's assignments, oldest first.
    pub(super) async fn assignments_of(
        &self,
        module_id: i32,
    ) -> Result<Vec<AssignmentInfo>, StoreError> {
        assignment::Entity::find()
            .filter(assignment::Column::ModuleId.eq(module_id))
            .order_by_asc(assignment::Column::Id)
            .all(self.db())
            .await?
            .iter()
            .map(assignment_info)
            .collect()
    }

    /// The assignments of the person's current fiscal year that include them today, with their
    /// module (published and not archived) and due date.
    pub(super) async fn assigned_to(
        &self,
        history: &PersonHistory,
        today: NaiveDate,
    ) -> Result<Vec<Assigned>, StoreError> {
        let me = history.as_of(today)?;
        let staff_id = history.person().id;
        let joined = me.active_from;
        let year = FiscalYear::containing(today).start_year();
        let published = join_on::<assignment::Entity, training_module::Entity>(
            assignment::Column::ModuleId,
            training_module::Column::Id,
        );
        let their_enrollment = join_on::<assignment::Entity, enrollment::Entity>(
            assignment::Column::Id,
            enrollment::Column::AssignmentId,
        )
        .on_condition(move |_, enrollment| {
            Expr::col((enrollment, enrollment::Column::StaffId))
                .eq(staff_id)
                .into_condition()
        });
        // One statement: each assignment with its module, the person's enrollment, and the
        // material counts of the version they take.
        let mut query = assignment::Entity::find()
            .join(JoinType::InnerJoin, published)
            .join(JoinType::LeftJoin, their_enrollment)
            .filter(assignment::Column::FiscalYear.eq(year))
            .filter(training_module::Column::Status.eq(ModuleStatus::Published.code()))
            .order_by_asc(assignment::Column::Id)
            .select_also(training_module::Entity)
            .column_as(materials_taken(None), "materials")
            .column_as(materials_taken(Some(staff_id)), "viewed")
            .into_query();
        select_prefixed::<enrollment::Entity>(&mut query, ENROLLMENT_COLUMNS);
        let mut assigned = Vec::new();
        for row in self.reads().query_all(&query).await? {
            let assignment = assignment::Model::from_query_result(&row, "A_")?;
            let module = training_module::Model::from_query_result(&row, "B_")?;
            let started: Option<i32> = row.try_get("", &format!("{ENROLLMENT_COLUMNS}id"))?;
            let enrollment = match started {
                Some(_) => Some(enrollment::Model::from_query_result(
                    &row,
                    ENROLLMENT_COLUMNS,
                )?),
                None => None,
            };
            let count = MaterialCount {
                materials: count_of(row.try_get("", "materials")?),
                viewed: count_of(row.try_get("", "viewed")?),
            };
            let info = assignment_info(&assignment)?;
            if info.target.includes(&me.division, &me.security_roles)
                && !assigned.iter().any(|a: &Assigned| a.module.id == module.id)
            {
                assigned.push(Assigned {
                    due: info.due.due_date(joined),
                    module,
                    assignment,
                    enrollment,
                    count,
                });
            }
        }
        Ok(assigned)
    }
}

const ENROLLMENT_COLUMNS: &str = "e_";

/// How many materials the version a person takes has (the one they started, else the
/// published one), or with `viewed_by` how many of them that person has viewed: a subquery of
/// the statement that joins each assignment to its module and the person's enrollment.
fn materials_taken(viewed_by: Option<i32>) -> Expr {
    let version_taken = Func::coalesce([
        Expr::col((enrollment::Entity, enrollment::Column::Version)),
        Expr::col((
            training_module::Entity,
            training_module::Column::PublishedVersion,
        )),
    ]);
    let mut count = Query::select();
    count
        .expr(Expr::col((material::Entity, material::Column::Id)).count())
        .from(material::Entity)
        .and_where(
            Expr::col((material::Entity, material::Column::ModuleId))
                .equals((assignment::Entity, assignment::Column::ModuleId)),
        )
        .and_where(Expr::col((material::Entity, material::Column::Version)).eq(version_taken));
    if let Some(staff_id) = viewed_by {
        count
            .inner_join(
                material_view::Entity,
                Expr::col((material_view::Entity, material_view::Column::MaterialId))
                    .equals((material::Entity, material::Column::Id)),
            )
            .and_where(
                Expr::col((material_view::Entity, material_view::Column::StaffId)).eq(staff_id),
            )
            .and_where(
                Expr::col((material_view::Entity, material_view::Column::ViewedAt)).is_not_null(),
            );
    }
    Expr::SubQuery(None, Box::new(count.into()))
}

fn count_of(count: i64) -> usize {
    usize::try_from(count).unwrap_or_default()
}

pub(super) fn assignment_info(row: &assignment::Model) -> Result<AssignmentInfo, StoreError> {
    let parse = |e: serde_json::Error| StoreError::Corrupt(format!("assignment {}: {e}", row.id));
    Ok(AssignmentInfo {
        id: row.id,
        fiscal_year: row.fiscal_year,
        target: serde_json::from_str(&row.target).map_err(parse)?,
        due: serde_json::from_str(&row.due_rule).map_err(parse)?,
        reminder_policy: row
            .reminder_policy
            .as_deref()
            .map(serde_json::from_str)
            .transpose()
            .map_err(parse)?,
    })
}
