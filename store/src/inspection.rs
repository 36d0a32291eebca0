//! The yearly self-inspection: campaigns, their items and people's answers, and the figures
//! read from them (the rules are in `mamori_domain::inspection`).

use crate::{
    Store, StoreError,
    entities::{
        assignment, enrollment, inspection_answer, inspection_campaign, inspection_item,
        training_module,
    },
    staff_import::ImportError,
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear, InspectionGroup, agency_date,
    csv::LineError,
    inspection::{
        Answer, Figures, Item, Respondent,
        files::{AnswerRow, ItemRow},
        output::CampaignFigures,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::{HashMap, HashSet};

/// What an items import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemsImport {
    pub campaign_created: bool,
    pub reference_date: NaiveDate,
    pub items: usize,
}

impl Store {
    /// Replaces a fiscal year's items, creating its campaign (reference date: `reference_date`,
    /// or the year's last day) if needed. Refused once anyone has answered.
    pub async fn import_inspection_items(
        &self,
        year: FiscalYear,
        rows: &[ItemRow],
        reference_date: Option<NaiveDate>,
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<ItemsImport, ImportError> {
        if let Some(date) = reference_date
            && (date < year.first_day() || date > year.last_day())
        {
            return Err(StoreError::Invalid(format!(
                "the reference date {date} is outside fiscal year {} ({} to {})",
                year.start_year(),
                year.first_day(),
                year.last_day()
            ))
            .into());
        }
        let txn = self.db().begin().await?;
        let modules: HashSet<String> = training_module::Entity::find()
            .all(&txn)
            .await?
            .into_iter()
            .map(|m| m.slug)
            .collect();
        let unknown: Vec<LineError> = rows
            .iter()
            .filter_map(|row| {
                let slug = row.module.as_ref()?.as_str();
                (!modules.contains(slug))
                    .then(|| LineError::new(row.line, format!("module {slug} does not exist")))
            })
            .collect();
        if !unknown.is_empty() {
            return Err(ImportError::Rows(unknown));
        }

        let existing = campaign_of(&txn, year).await?;
        let campaign_created = existing.is_none();
        let campaign = match existing {
            Some(campaign) => {
                if answer_count(&txn, campaign.id).await? > 0 {
                    return Err(StoreError::Conflict(format!(
                        "fiscal year {} already has answers: its items can no longer be replaced",
                        year.start_year()
                    ))
                    .into());
                }
                let mut campaign: inspection_campaign::ActiveModel = campaign.into();
                if let Some(date) = reference_date {
                    campaign.reference_date = Set(date);
                }
                campaign.update(&txn).await?
            }
            None => {
                inspection_campaign::ActiveModel {
                    fiscal_year: Set(year.start_year()),
                    reference_date: Set(reference_date.unwrap_or(year.last_day())),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
            }
        };
        inspection_item::Entity::delete_many()
            .filter(inspection_item::Column::CampaignId.eq(campaign.id))
            .exec(&txn)
            .await?;
        for (position, row) in rows.iter().enumerate() {
            inspection_item::ActiveModel {
                campaign_id: Set(campaign.id),
                position: Set(position as i32 + 1),
                code: Set(row.item_id.clone()),
                group_code: Set(row.group.code().to_string()),
                text: Set(row.text.clone()),
                module_slug: Set(row.module.as_ref().map(|m| m.as_str().to_string())),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let report = ItemsImport {
            campaign_created,
            reference_date: campaign.reference_date,
            items: rows.len(),
        };
        if dry_run {
            txn.rollback().await?;
        } else {
            txn.commit().await?;
        }
        Ok(report)
    }

    /// Records typed answers (replacing a person's earlier answer to the same item). Every row
    /// must name one of the campaign's target staff and an item of a group they belong to,
    /// not answered by training; otherwise nothing is written.
    pub async fn import_inspection_answers(
        &self,
        year: FiscalYear,
        rows: &[AnswerRow],
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<usize, ImportError> {
        // Checked before the transaction: on SQLite it holds the only connection.
        let campaign = campaign_of(self.db(), year).await?.ok_or_else(|| {
            StoreError::NotFound(format!(
                "a self-inspection for fiscal year {}: import its items first",
                year.start_year()
            ))
        })?;
        let items: HashMap<String, inspection_item::Model> = items_of(self.db(), campaign.id)
            .await?
            .into_iter()
            .map(|item| (item.code.clone(), item))
            .collect();
        let targets = self.target_staff(campaign.reference_date).await?;
        let by_employee_id: HashMap<&str, &Target> = targets
            .iter()
            .map(|t| (t.employee_id.as_str(), t))
            .collect();

        let mut errors = Vec::new();
        let mut answers = Vec::new();
        for row in rows {
            let person = by_employee_id.get(row.employee_id.as_str());
            let item = items.get(&row.item_id);
            let reason = match (person, item) {
                (None, _) => Some(format!(
                    "{} is not on staff on the reference date {}",
                    row.employee_id, campaign.reference_date
                )),
                (_, None) => Some(format!("unknown item {}", row.item_id)),
                (Some(person), Some(item)) => {
                    if let Some(module) = &item.module_slug {
                        Some(format!(
                            "item {} is answered by the training module {module}",
                            item.code
                        ))
                    } else if !person.groups.iter().any(|g| g.code() == item.group_code) {
                        Some(format!(
                            "{} is not in the group {} of item {}",
                            row.employee_id, item.group_code, item.code
                        ))
                    } else {
                        answers.push((person.id, item.id, row.answer));
                        None
                    }
                }
            };
            if let Some(reason) = reason {
                errors.push(LineError::new(row.line, reason));
            }
        }
        if !errors.is_empty() {
            return Err(ImportError::Rows(errors));
        }
        let txn = self.db().begin().await?;
        for (staff_id, item_id, answer) in &answers {
            save_answer(&txn, *staff_id, *item_id, *answer, now).await?;
        }
        if dry_run {
            txn.rollback().await?;
        } else {
            txn.commit().await?;
        }
        Ok(answers.len())
    }

    /// The campaign's figures as they stand: typed answers and, for items linked to a module,
    /// completions in the fiscal year by the reference date.
    pub async fn inspection_figures(
        &self,
        year: FiscalYear,
    ) -> Result<CampaignFigures, StoreError> {
        let db = self.db();
        let campaign = campaign_of(db, year).await?.ok_or_else(|| {
            StoreError::NotFound(format!(
                "a self-inspection for fiscal year {}",
                year.start_year()
            ))
        })?;
        let rows = items_of(db, campaign.id).await?;
        let items: Vec<Item> = rows
            .iter()
            .filter_map(|row| {
                Some(Item {
                    id: row.code.clone(),
                    group: row.group_code.parse().ok()?,
                })
            })
            .collect();
        let code_of: HashMap<i32, &str> = rows.iter().map(|r| (r.id, r.code.as_str())).collect();
        let targets = self.target_staff(campaign.reference_date).await?;
        let mut answers: HashMap<i32, HashMap<String, Answer>> = HashMap::new();
        let typed: Vec<(i32, i32, String)> = inspection_answer::Entity::find()
            .select_only()
            .columns([
                inspection_answer::Column::StaffId,
                inspection_answer::Column::ItemId,
                inspection_answer::Column::Answer,
            ])
            .filter(inspection_answer::Column::ItemId.is_in(code_of.keys().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (staff_id, item_id, answer) in typed {
            if let (Some(code), Ok(value)) = (code_of.get(&item_id), answer.parse()) {
                answers
                    .entry(staff_id)
                    .or_default()
                    .insert(code.to_string(), value);
            }
        }
        let mut completed_by_module: HashMap<&str, HashMap<i32, NaiveDate>> = HashMap::new();
        for row in &rows {
            if let Some(slug) = &row.module_slug {
                if !completed_by_module.contains_key(slug.as_str()) {
                    completed_by_module.insert(slug, completions(db, slug, year).await?);
                }
                let completed = &completed_by_module[slug.as_str()];
                for target in &targets {
                    if target.groups.iter().any(|g| g.code() == row.group_code) {
                        let answer = Answer::from_training(
                            completed.get(&target.id).copied(),
                            campaign.reference_date,
                        );
                        answers
                            .entry(target.id)
                            .or_default()
                            .insert(row.code.clone(), answer);
                    }
                }
            }
        }
        let respondents: Vec<Respondent> = targets
            .into_iter()
            .map(|t| Respondent {
                answers: answers.remove(&t.id).unwrap_or_default(),
                groups: t.groups,
            })
            .collect();
        Ok(CampaignFigures {
            fiscal_year: year.start_year(),
            reference_date: campaign.reference_date,
            figures: Figures::of(&items, &respondents),
        })
    }
}

/// One of a campaign's target staff and their groups on the reference date.
struct Target {
    id: i32,
    employee_id: String,
    groups: Vec<InspectionGroup>,
}

impl Store {
    async fn target_staff(&self, reference_date: NaiveDate) -> Result<Vec<Target>, StoreError> {
        Ok(self
            .people_on(reference_date, None)
            .await?
            .iter()
            .map(|person| Target {
                id: person.id,
                employee_id: person.employee_id.clone(),
                groups: InspectionGroup::of(&person.roles),
            })
            .collect())
    }
}

async fn campaign_of(
    db: &impl ConnectionTrait,
    year: FiscalYear,
) -> Result<Option<inspection_campaign::Model>, StoreError> {
    Ok(inspection_campaign::Entity::find()
        .filter(inspection_campaign::Column::FiscalYear.eq(year.start_year()))
        .one(db)
        .await?)
}

async fn items_of(
    db: &impl ConnectionTrait,
    campaign_id: i32,
) -> Result<Vec<inspection_item::Model>, StoreError> {
    Ok(inspection_item::Entity::find()
        .filter(inspection_item::Column::CampaignId.eq(campaign_id))
        .order_by_asc(inspection_item::Column::Position)
        .all(db)
        .await?)
}

async fn answer_count(db: &impl ConnectionTrait, campaign_id: i32) -> Result<u64, StoreError> {
    let items: Vec<i32> = items_of(db, campaign_id)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    Ok(inspection_answer::Entity::find()
        .filter(inspection_answer::Column::ItemId.is_in(items))
        .count(db)
        .await?)
}

async fn save_answer(
    db: &impl ConnectionTrait,
    staff_id: i32,
    item_id: i32,
    answer: Answer,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let existing = inspection_answer::Entity::find()
        .filter(inspection_answer::Column::StaffId.eq(staff_id))
        .filter(inspection_answer::Column::ItemId.eq(item_id))
        .one(db)
        .await?;
    match existing {
        Some(existing) => {
            let mut row: inspection_answer::ActiveModel = existing.into();
            row.answer = Set(answer.code().to_string());
            row.answered_at = Set(now);
            row.update(db).await?;
        }
        None => {
            inspection_answer::ActiveModel {
                item_id: Set(item_id),
                staff_id: Set(staff_id),
                answer: Set(answer.code().to_string()),
                answered_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// Who completed the module `slug` in `year`, and on which day (the earliest).
async fn completions(
    db: &impl ConnectionTrait,
    slug: &str,
    year: FiscalYear,
) -> Result<HashMap<i32, NaiveDate>, StoreError> {
    let Some(module) = training_module::Entity::find()
        .filter(training_module::Column::Slug.eq(slug))
        .one(db)
        .await?
    else {
        return Ok(HashMap::new());
    };
    let assignments: Vec<i32> = assignment::Entity::find()
        .filter(assignment::Column::ModuleId.eq(module.id))
        .filter(assignment::Column::FiscalYear.eq(year.start_year()))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut completed: HashMap<i32, NaiveDate> = HashMap::new();
    for enrollment in enrollment::Entity::find()
        .filter(enrollment::Column::AssignmentId.is_in(assignments))
        .filter(enrollment::Column::CompletedAt.is_not_null())
        .all(db)
        .await?
    {
        if let Some(at) = enrollment.completed_at {
            let day = agency_date(at);
            completed
                .entry(enrollment.staff_id)
                .and_modify(|d| *d = (*d).min(day))
                .or_insert(day);
        }
    }
    Ok(completed)
}
