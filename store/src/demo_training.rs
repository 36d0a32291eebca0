//! The demo agency's training (`mamori demo`): three modules written for it from its annual
//! report, assigned for the current fiscal year, with believable progress across the staff.

use crate::{
    Store, StoreError,
    entities::{enrollment, material_view, staff, training_module},
    training::{NewContent, NewMaterial, NewModule},
};
use chrono::{DateTime, Duration, Utc};
use mamori_domain::{
    FiscalYear, agency_date,
    training::{AssignmentTarget, DueRule, EstimatedMinutes, Slug},
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

struct DemoModule {
    slug: &'static str,
    title: &'static str,
    summary: &'static str,
    minutes: i32,
    /// Pages separated by `---` lines, each starting with `# title`.
    source: &'static str,
    /// The quiz, in GIFT.
    quiz: &'static str,
    /// Due this many days from the day the demo is loaded (negative: already overdue).
    due_in_days: i64,
    /// Out of 100 staff, how many have completed it, and how many have started it.
    completed: u64,
    started: u64,
}

const MODULES: [DemoModule; 3] = [
    DemoModule {
        slug: "classification",
        title: "情報の格付けと取扱制限",
        summary: "作成・取得した情報を格付けし、取扱制限に従って扱うための基本。",
        minutes: 15,
        source: include_str!("../demo/classification.md"),
        quiz: include_str!("../demo/classification.gift"),
        due_in_days: -10,
        completed: 78,
        started: 8,
    },
    DemoModule {
        slug: "removable-media",
        title: "可搬記憶媒体と庁外への持出し",
        summary: "USB メモリ等の使い方、持出しの許可、紛失したときの報告。",
        minutes: 10,
        source: include_str!("../demo/removable-media.md"),
        quiz: include_str!("../demo/removable-media.gift"),
        due_in_days: 21,
        completed: 41,
        started: 22,
    },
    DemoModule {
        slug: "contractors-and-incidents",
        title: "外部委託先の管理と障害・事故等の報告",
        summary: "平成23年度の紛失事故を教訓に、委託先に求めることと事故報告の流れ。",
        minutes: 15,
        source: include_str!("../demo/contractors-and-incidents.md"),
        quiz: include_str!("../demo/contractors-and-incidents.gift"),
        due_in_days: 60,
        completed: 9,
        started: 14,
    },
];

/// A page's title (its `# ` line) and text.
fn pages(source: &str) -> Vec<(&str, &str)> {
    source
        .split("\n---\n")
        .map(|page| {
            let page = page.trim();
            let (first, rest) = page.split_once('\n').unwrap_or((page, ""));
            (first.trim_start_matches('#').trim(), rest.trim())
        })
        .collect()
}

/// A stable spread of 0..100 over people and modules (or items), so that the demo is the
/// same each time.
pub(crate) fn spread(person: usize, module: usize) -> u64 {
    ((person as u64 * 2654435761 + module as u64 * 40503) >> 7) % 100
}

impl Store {
    /// Adds the demo modules to a demo agency, once. Returns how many modules it added.
    pub async fn load_demo_training(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        if training_module::Entity::find().count(self.db()).await? > 0 {
            return Ok(0);
        }
        let today = agency_date(now);
        let trainer = mamori_domain::demo::agency()
            .accounts
            .iter()
            .find(|a| a.app_roles.contains(&mamori_domain::AppRole::Trainer))
            .map(|a| a.employee_id.to_string())
            .unwrap_or_else(|| "demo".into());
        let demo_accounts: Vec<String> = mamori_domain::demo::agency()
            .accounts
            .iter()
            .map(|a| a.employee_id.to_string())
            .collect();
        let people = staff::Entity::find()
            .order_by_asc(staff::Column::EmployeeId)
            .all(self.db())
            .await?;
        let created = now - Duration::days(40);
        for (index, module) in MODULES.iter().enumerate() {
            let slug = Slug::parse(module.slug)?;
            self.create_module(
                NewModule {
                    slug: &slug,
                    title: module.title,
                    summary: module.summary,
                    estimated_minutes: EstimatedMinutes::parse(module.minutes)?,
                    created_by: &trainer,
                },
                created,
            )
            .await?;
            for (title, markdown) in pages(module.source) {
                let page = NewMaterial {
                    title,
                    content: NewContent::Page {
                        markdown,
                        min_active_seconds: 30,
                    },
                };
                self.add_material(&slug, page, &trainer, created).await?;
            }
            let questions = mamori_domain::quiz::gift::parse(module.quiz)
                .map_err(|errors| mamori_domain::quiz::QuizRefusal::Pool { errors })?;
            self.replace_question_pool(&slug, &questions).await?;
            self.publish_module(&slug, created).await?;
            self.assign_module(
                &slug,
                FiscalYear::containing(today),
                &AssignmentTarget::Everyone,
                DueRule::on(today + Duration::days(module.due_in_days)),
                &trainer,
                created,
            )
            .await?;
            self.demo_progress(index, module, &people, &demo_accounts, now)
                .await?;
        }
        Ok(MODULES.len())
    }

    /// Enrollments and material views for the staff (the demo accounts start with nothing,
    /// so that whoever tries them sees the whole journey).
    async fn demo_progress(
        &self,
        index: usize,
        module: &DemoModule,
        people: &[staff::Model],
        demo_accounts: &[String],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let module_row = training_module::Entity::find()
            .filter(training_module::Column::Slug.eq(module.slug))
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(module.slug.into()))?;
        let assignment = crate::entities::assignment::Entity::find()
            .filter(crate::entities::assignment::Column::ModuleId.eq(module_row.id))
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(module.slug.into()))?;
        let materials =
            crate::training::materials_of(self.db(), module_row.id, module_row.published_version)
                .await?;
        let mut enrollments = Vec::new();
        let mut views = Vec::new();
        for (position, person) in people.iter().enumerate() {
            if demo_accounts.contains(&person.employee_id) {
                continue;
            }
            let roll = spread(position, index);
            let viewed = if roll < module.completed {
                materials.len()
            } else if roll < module.completed + module.started {
                1
            } else {
                continue;
            };
            let started =
                now - Duration::days(30 - (roll % 25) as i64) - Duration::minutes(roll as i64 * 7);
            let done = viewed == materials.len();
            enrollments.push(enrollment::ActiveModel {
                staff_id: Set(person.id),
                assignment_id: Set(assignment.id),
                version: Set(module_row.published_version),
                started_at: Set(started),
                completed_at: Set(done.then(|| started + Duration::minutes(module.minutes.into()))),
                verification_code: Set(done.then(crate::training::verification_code)),
                ..Default::default()
            });
            for (page, item) in materials.iter().take(viewed).enumerate() {
                let at = started + Duration::minutes(page as i64 * 4);
                let seconds = 40 + (roll as i32 * 3 + page as i32 * 17) % 200;
                views.push(material_view::ActiveModel {
                    staff_id: Set(person.id),
                    material_id: Set(item.id),
                    first_view_at: Set(at),
                    last_view_at: Set(at + Duration::seconds(seconds.into())),
                    views: Set(1 + (roll % 3) as i32),
                    active_seconds: Set(seconds),
                    last_beat_at: Set(Some(at + Duration::seconds(seconds.into()))),
                    reached_end: Set(true),
                    viewed_at: Set(Some(at + Duration::seconds(seconds.into()))),
                    ..Default::default()
                });
            }
        }
        // In batches: one statement's bind parameters are limited (a synthetic agency of
        // 100,000 people goes through here too).
        for batch in enrollments.chunks(1000) {
            enrollment::Entity::insert_many(batch.to_vec())
                .exec(self.db())
                .await?;
        }
        for batch in views.chunks(1000) {
            material_view::Entity::insert_many(batch.to_vec())
                .exec(self.db())
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{MODULES, pages, spread};

    #[test]
    fn every_demo_module_has_titled_pages() {
        for module in &MODULES {
            let pages = pages(module.source);
            assert_eq!(pages.len(), 3, "{}", module.slug);
            for (title, text) in pages {
                assert!(
                    !title.is_empty() && !title.starts_with('#'),
                    "{}",
                    module.slug
                );
                assert!(text.len() > 100, "{}: {title}", module.slug);
            }
        }
    }

    #[test]
    fn the_spread_covers_the_range_evenly() {
        let below_half = (0..361).filter(|p| spread(*p, 0) < 50).count();
        assert!((150..=210).contains(&below_half), "{below_half}");
    }
}
