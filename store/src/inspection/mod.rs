//! The yearly self-inspection: campaigns and their items here; answer sheets in `answers`;
//! figures and submission status in `figures` (the rules are in `mamori_domain::inspection`).

mod answers;
mod figures;

use crate::{
    Store, StoreError,
    entities::{inspection_campaign, inspection_item, inspection_response, training_module},
    staff_import::ImportError,
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear, InspectionGroup,
    csv::LineError,
    inspection::{
        InspectionRefusal, Item, ItemChange,
        campaign::{CampaignDetail, CampaignItem, CampaignSummary, LinkedModule, Schedule},
        files::{InspectionRowProblem, ItemRow},
    },
    training::Slug,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, TransactionTrait,
};
use std::collections::HashMap;

/// What an items import did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemsImport {
    pub campaign_created: bool,
    pub reference_date: NaiveDate,
    pub items: usize,
}

impl Store {
    /// Every campaign, newest year first, as it stands `today`.
    pub async fn inspection_campaigns(
        &self,
        today: NaiveDate,
    ) -> Result<Vec<CampaignSummary>, StoreError> {
        let db = self.db();
        let mut summaries = Vec::new();
        for campaign in inspection_campaign::Entity::find()
            .order_by_desc(inspection_campaign::Column::FiscalYear)
            .all(db)
            .await?
        {
            summaries.push(summary_of(db, campaign, today).await?);
        }
        Ok(summaries)
    }

    pub async fn inspection_campaign(
        &self,
        year: FiscalYear,
        today: NaiveDate,
    ) -> Result<CampaignDetail, StoreError> {
        let db = self.db();
        let campaign = find_campaign(db, year).await?;
        let items = campaign_items(db, &items_of(db, campaign.id).await?).await?;
        let mut modules: Vec<LinkedModule> = module_titles(db)
            .await?
            .into_iter()
            .map(|(slug, title)| LinkedModule { slug, title })
            .collect();
        modules.sort_by(|a, b| a.title.cmp(&b.title));
        Ok(CampaignDetail {
            summary: summary_of(db, campaign, today).await?,
            items,
            modules,
        })
    }

    /// Creates the year's campaign or changes its reference date and answering period.
    /// Returns whether it was created.
    pub async fn save_inspection_campaign(
        &self,
        year: FiscalYear,
        reference_date: NaiveDate,
        schedule: Schedule,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        check_reference_date(year, reference_date)?;
        let db = self.db();
        match campaign_of(db, year).await? {
            Some(campaign) => {
                let mut campaign: inspection_campaign::ActiveModel = campaign.into();
                campaign.reference_date = Set(reference_date);
                campaign.opens_on = Set(schedule.opens_on);
                campaign.closes_on = Set(schedule.closes_on);
                campaign.update(db).await?;
                Ok(false)
            }
            None => {
                inspection_campaign::ActiveModel {
                    fiscal_year: Set(year.start_year()),
                    reference_date: Set(reference_date),
                    opens_on: Set(schedule.opens_on),
                    closes_on: Set(schedule.closes_on),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                Ok(true)
            }
        }
    }

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
        if let Some(date) = reference_date {
            check_reference_date(year, date)?;
        }
        let txn = self.db().begin().await?;
        let modules = module_titles(&txn).await?;
        let unknown: Vec<LineError> = rows
            .iter()
            .filter_map(|row| {
                let slug = row.module.as_ref()?.as_str();
                (!modules.contains_key(slug)).then(|| {
                    LineError::new(
                        row.line,
                        InspectionRowProblem::UnknownModule {
                            module: slug.to_string(),
                        },
                    )
                })
            })
            .collect();
        if !unknown.is_empty() {
            return Err(ImportError::Rows(unknown));
        }

        let existing = campaign_of(&txn, year).await?;
        let campaign_created = existing.is_none();
        let campaign = match existing {
            Some(campaign) => {
                refuse_once_answered(&txn, &campaign, ItemChange::Replaced).await?;
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
}

/// One item as an admin adds or changes it in the UI.
#[derive(Debug, Clone, Copy)]
pub struct ItemEdit<'a> {
    pub code: &'a str,
    pub text: &'a str,
    pub module: Option<&'a Slug>,
}

impl Store {
    /// Adds an item at the end of the campaign's list. Refused once anyone has answered.
    pub async fn add_inspection_item(
        &self,
        year: FiscalYear,
        group: InspectionGroup,
        item: ItemEdit<'_>,
    ) -> Result<(), StoreError> {
        let db = self.db();
        let campaign = find_campaign(db, year).await?;
        refuse_once_answered(db, &campaign, ItemChange::Added).await?;
        let items = items_of(db, campaign.id).await?;
        let code = item.code.trim();
        if code.is_empty() || item.text.trim().is_empty() {
            return Err(InspectionRefusal::ItemIncomplete.into());
        }
        if items.iter().any(|i| i.code == code) {
            return Err(InspectionRefusal::ItemExists {
                code: code.to_string(),
            }
            .into());
        }
        check_module(db, item.module).await?;
        inspection_item::ActiveModel {
            campaign_id: Set(campaign.id),
            position: Set(items.last().map_or(1, |i| i.position + 1)),
            code: Set(code.to_string()),
            group_code: Set(group.code().to_string()),
            text: Set(item.text.trim().to_string()),
            module_slug: Set(item.module.map(|m| m.as_str().to_string())),
            ..Default::default()
        }
        .insert(db)
        .await?;
        Ok(())
    }

    /// Changes an item's text (always: a typo is mended for everyone) and its module (only
    /// while nobody has answered: it changes what the item's answers are).
    pub async fn edit_inspection_item(
        &self,
        year: FiscalYear,
        item: ItemEdit<'_>,
    ) -> Result<(), StoreError> {
        let db = self.db();
        let campaign = find_campaign(db, year).await?;
        let row = item_of(db, &campaign, item.code).await?;
        let module = item.module.map(|m| m.as_str().to_string());
        if module != row.module_slug {
            refuse_once_answered(db, &campaign, ItemChange::Relinked).await?;
            check_module(db, item.module).await?;
        }
        if item.text.trim().is_empty() {
            return Err(InspectionRefusal::ItemIncomplete.into());
        }
        let mut row: inspection_item::ActiveModel = row.into();
        row.text = Set(item.text.trim().to_string());
        row.module_slug = Set(module);
        row.update(db).await?;
        Ok(())
    }

    /// Removes an item. Refused once anyone has answered: answers are kept by position.
    pub async fn remove_inspection_item(
        &self,
        year: FiscalYear,
        code: &str,
    ) -> Result<(), StoreError> {
        let db = self.db();
        let campaign = find_campaign(db, year).await?;
        refuse_once_answered(db, &campaign, ItemChange::Removed).await?;
        let row = item_of(db, &campaign, code).await?;
        inspection_item::Entity::delete_by_id(row.id)
            .exec(db)
            .await?;
        Ok(())
    }
}

async fn refuse_once_answered(
    db: &impl ConnectionTrait,
    campaign: &inspection_campaign::Model,
    change: ItemChange,
) -> Result<(), StoreError> {
    if response_count(db, campaign.id).await? > 0 {
        return Err(InspectionRefusal::ItemsFixed {
            fiscal_year: campaign.fiscal_year,
            change,
        }
        .into());
    }
    Ok(())
}

async fn item_of(
    db: &impl ConnectionTrait,
    campaign: &inspection_campaign::Model,
    code: &str,
) -> Result<inspection_item::Model, StoreError> {
    inspection_item::Entity::find()
        .filter(inspection_item::Column::CampaignId.eq(campaign.id))
        .filter(inspection_item::Column::Code.eq(code))
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("item {code}")))
}

async fn check_module(db: &impl ConnectionTrait, module: Option<&Slug>) -> Result<(), StoreError> {
    match module {
        Some(slug) if !module_titles(db).await?.contains_key(slug.as_str()) => {
            Err(InspectionRefusal::UnknownModule {
                slug: slug.to_string(),
            }
            .into())
        }
        _ => Ok(()),
    }
}

fn check_reference_date(year: FiscalYear, date: NaiveDate) -> Result<(), StoreError> {
    if !year.contains(date) {
        return Err(InspectionRefusal::ReferenceOutsideYear {
            date,
            fiscal_year: year.start_year(),
        }
        .into());
    }
    Ok(())
}

async fn summary_of(
    db: &impl ConnectionTrait,
    campaign: inspection_campaign::Model,
    today: NaiveDate,
) -> Result<CampaignSummary, StoreError> {
    let schedule = schedule_of(&campaign);
    Ok(CampaignSummary {
        fiscal_year: campaign.fiscal_year,
        reference_date: campaign.reference_date,
        schedule,
        state: schedule.state(today),
        items: inspection_item::Entity::find()
            .filter(inspection_item::Column::CampaignId.eq(campaign.id))
            .count(db)
            .await? as usize,
        responses: response_count(db, campaign.id).await? as usize,
    })
}

fn schedule_of(campaign: &inspection_campaign::Model) -> Schedule {
    Schedule {
        opens_on: campaign.opens_on,
        closes_on: campaign.closes_on,
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

/// The year's campaign, which must exist.
async fn find_campaign(
    db: &impl ConnectionTrait,
    year: FiscalYear,
) -> Result<inspection_campaign::Model, StoreError> {
    campaign_of(db, year).await?.ok_or_else(|| {
        StoreError::NotFound(format!(
            "a self-inspection for fiscal year {}: create it or import its items first",
            year.start_year()
        ))
    })
}

/// A campaign's items in order: an item's index here is its place in every answer sheet.
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

fn domain_items(rows: &[inspection_item::Model]) -> Result<Vec<Item>, StoreError> {
    rows.iter()
        .map(|row| {
            Ok(Item {
                id: row.code.clone(),
                group: row.group_code.parse().map_err(|_| {
                    StoreError::Corrupt(format!(
                        "item {} has an unknown group {}",
                        row.code, row.group_code
                    ))
                })?,
            })
        })
        .collect()
}

async fn module_titles(db: &impl ConnectionTrait) -> Result<HashMap<String, String>, StoreError> {
    Ok(training_module::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.slug, m.title))
        .collect())
}

async fn campaign_items(
    db: &impl ConnectionTrait,
    rows: &[inspection_item::Model],
) -> Result<Vec<CampaignItem>, StoreError> {
    let titles = module_titles(db).await?;
    Ok(domain_items(rows)?
        .into_iter()
        .zip(rows)
        .map(|(item, row)| CampaignItem {
            code: item.id,
            group: item.group,
            text: row.text.clone(),
            module: row.module_slug.as_ref().map(|slug| LinkedModule {
                slug: slug.clone(),
                title: titles.get(slug).cloned().unwrap_or_default(),
            }),
        })
        .collect())
}

/// People with answers or a draft.
async fn response_count(db: &impl ConnectionTrait, campaign_id: i32) -> Result<u64, StoreError> {
    Ok(inspection_response::Entity::find()
        .filter(inspection_response::Column::CampaignId.eq(campaign_id))
        .count(db)
        .await?)
}
