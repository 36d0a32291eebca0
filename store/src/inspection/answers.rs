//! Answer sheets: typed answers imported from `answers.csv`, and a learner's own sheet — a
//! draft, then submissions — with every change to the answers in force kept.

use super::{
    campaign_items, domain_items,
    figures::{answered_by_training, campaigns_with_items, respondent},
    find_campaign, items_of, schedule_of,
};
use crate::{
    Store, StoreError,
    entities::{inspection_campaign, inspection_change, inspection_response},
    history::PersonHistory,
    outbox::{Stop, cancel_reminders},
    staff_import::ImportError,
    training::Whom,
};
use chrono::{DateTime, Utc};
use mamori_domain::{
    FiscalYear, InspectionGroup, agency_date,
    csv::LineError,
    inspection::{
        Answer, AnswerSheet, InspectionRefusal,
        campaign::{
            CampaignState, ChangeSource, LearnerCampaign, LearnerSheet, SheetChange, SheetItem,
            answers_by_code, unanswered,
        },
        files::{AnswerRow, InspectionRowProblem},
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use std::collections::{BTreeMap, HashMap, HashSet};

impl Store {
    /// Records typed answers, merged into each person's answers in force. Every row must name
    /// one of the campaign's target staff and an item of a group they belong to, not
    /// answered by training; otherwise nothing is written.
    pub async fn import_inspection_answers(
        &self,
        year: FiscalYear,
        rows: &[AnswerRow],
        dry_run: bool,
        now: DateTime<Utc>,
    ) -> Result<usize, ImportError> {
        // Read before the transaction: on SQLite it holds the only connection.
        let db = self.db();
        let campaign = find_campaign(db, year).await?;
        let items = items_of(db, campaign.id).await?;
        let position_of: HashMap<&str, usize> = items
            .iter()
            .enumerate()
            .map(|(position, item)| (item.code.as_str(), position))
            .collect();
        let people = self
            .people_on(campaign.reference_date, Whom::Everyone)
            .await?;
        let by_employee_id: HashMap<&str, (i32, Vec<InspectionGroup>)> = people
            .iter()
            .map(|p| {
                (
                    p.employee_id.as_str(),
                    (p.id, InspectionGroup::of(&p.roles)),
                )
            })
            .collect();

        let mut errors = Vec::new();
        let mut answers: BTreeMap<i32, Vec<(usize, Answer)>> = BTreeMap::new();
        for row in rows {
            let person = by_employee_id.get(row.employee_id.as_str());
            let position = position_of.get(row.item_id.as_str()).copied();
            let reason = match (person, position) {
                (None, _) => InspectionRowProblem::NotOnStaff {
                    employee_id: row.employee_id.to_string(),
                    reference_date: campaign.reference_date,
                },
                (_, None) => InspectionRowProblem::UnknownItem {
                    item_id: row.item_id.clone(),
                },
                (Some((id, groups)), Some(position)) => {
                    let item = &items[position];
                    if let Some(module) = &item.module_slug {
                        InspectionRowProblem::AnsweredByModule {
                            item_id: item.code.clone(),
                            module: module.clone(),
                        }
                    } else if !groups.iter().any(|g| g.code() == item.group_code) {
                        InspectionRowProblem::NotInGroup {
                            employee_id: row.employee_id.to_string(),
                            group: item.group_code.clone(),
                            item_id: item.code.clone(),
                        }
                    } else {
                        answers.entry(*id).or_default().push((position, row.answer));
                        continue;
                    }
                }
            };
            errors.push(LineError::new(row.line, reason));
        }
        if !errors.is_empty() {
            return Err(ImportError::Rows(errors));
        }
        let stored = stored_sheets(db, campaign.id).await?;
        let txn = db.begin().await?;
        for (staff_id, answers) in answers {
            let existing = stored.get(&staff_id);
            let mut sheet = match existing {
                Some(row) => parse_sheet(&row.answers)?,
                None => AnswerSheet::blank(items.len()),
            };
            for (position, answer) in answers {
                sheet.set(position, Some(answer));
            }
            put_answers(
                &txn,
                &campaign,
                staff_id,
                existing,
                &sheet,
                ChangeSource::Import,
                now,
            )
            .await?;
        }
        if dry_run {
            txn.rollback().await?;
        } else {
            txn.commit().await?;
        }
        Ok(rows.len())
    }

    /// The campaigns a learner can open (answering has started), newest first, each saying
    /// whether they have submitted.
    pub async fn learner_campaigns(
        &self,
        staff_id: i32,
        today: chrono::NaiveDate,
    ) -> Result<Vec<LearnerCampaign>, StoreError> {
        let history = self.history_of(staff_id).await?;
        self.campaigns_for(&history, today).await
    }

    /// `learner_campaigns` for a person already read. The learner's home asks on every
    /// visit, so it is one statement however many campaigns and items there are.
    pub(crate) async fn campaigns_for(
        &self,
        history: &PersonHistory,
        today: chrono::NaiveDate,
    ) -> Result<Vec<LearnerCampaign>, StoreError> {
        let staff_id = history.person().id;
        let mut list = Vec::new();
        for campaign in campaigns_with_items(self.reads(), staff_id).await? {
            let schedule = schedule_of(&campaign.campaign);
            let state = schedule.state(today);
            let on = campaign.campaign.reference_date;
            if !matches!(state, CampaignState::Open | CampaignState::Closed)
                || !history.on_staff(on)
            {
                continue;
            }
            let linked = answered_by_training(&campaign.items)
                .map(|(position, group, _)| (position, group, campaign.completed_on[position]));
            let respondent = respondent(
                InspectionGroup::of(&history.roles_on(on)),
                campaign.sheet.as_deref(),
                campaign.items.len(),
                linked,
                on,
            )
            .map_err(|e| StoreError::Corrupt(format!("answers of staff {staff_id}: {e}")))?;
            list.push(LearnerCampaign {
                fiscal_year: campaign.campaign.fiscal_year,
                state,
                closes_on: schedule.closes_on,
                submitted: respondent.has_submitted(&domain_items(&campaign.items)?),
            });
        }
        Ok(list)
    }

    /// A learner's sheet: the items of their groups with the draft's answers (or those in
    /// force), training's answers, and the history of their answers.
    pub async fn learner_sheet(
        &self,
        year: FiscalYear,
        staff_id: i32,
        now: DateTime<Utc>,
    ) -> Result<LearnerSheet, StoreError> {
        let db = self.reads();
        let campaign = find_campaign(db, year).await?;
        let (items, mut people) = self.respondents(&campaign, Some(staff_id)).await?;
        let Some((_, respondent)) = people.pop() else {
            return Err(not_a_target(&campaign));
        };
        let rows = items_of(db, campaign.id).await?;
        let listed = campaign_items(db, &rows).await?;
        let response = stored_sheet(db, campaign.id, staff_id).await?;
        let draft = match response.as_ref().and_then(|r| r.draft.as_deref()) {
            Some(draft) => Some(parse_sheet(draft)?),
            None => None,
        };
        let sheet_items = listed
            .iter()
            .enumerate()
            .filter(|(_, item)| respondent.groups.contains(&item.group))
            .map(|(position, item)| SheetItem {
                answer: match &draft {
                    Some(draft) if item.module.is_none() => draft.get(position),
                    _ => respondent.answers.get(position),
                },
                item: item.clone(),
            })
            .collect();
        let mut history = Vec::new();
        for change in inspection_change::Entity::find()
            .filter(inspection_change::Column::CampaignId.eq(campaign.id))
            .filter(inspection_change::Column::StaffId.eq(staff_id))
            .order_by_asc(inspection_change::Column::Id)
            .all(db)
            .await?
        {
            history.push(SheetChange {
                at: change.changed_at,
                source: ChangeSource::from_code(&change.source).unwrap_or(ChangeSource::Form),
                answers: answers_by_code(&listed, &parse_sheet(&change.answers)?),
            });
        }
        let schedule = schedule_of(&campaign);
        Ok(LearnerSheet {
            fiscal_year: campaign.fiscal_year,
            reference_date: campaign.reference_date,
            schedule,
            state: schedule.state(agency_date(now)),
            items: sheet_items,
            submitted: respondent.has_submitted(&items),
            submitted_at: response.as_ref().and_then(|r| r.submitted_at),
            has_draft: draft.is_some(),
            history,
        })
    }

    /// Saves a learner's answers while the campaign is open: as a draft, or submitted (then
    /// every typed item of their groups needs an answer, and they become the answers in
    /// force).
    pub async fn save_learner_answers(
        &self,
        year: FiscalYear,
        staff_id: i32,
        answers: &[(String, Answer)],
        submit: bool,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let db = self.db();
        let campaign = find_campaign(db, year).await?;
        if schedule_of(&campaign).state(agency_date(now)) != CampaignState::Open {
            return Err(InspectionRefusal::NotOpen {
                fiscal_year: campaign.fiscal_year,
            }
            .into());
        }
        let sheet = self.learner_sheet(year, staff_id, now).await?;
        let rows = items_of(db, campaign.id).await?;
        let typed_items: HashSet<&str> = sheet
            .items
            .iter()
            .filter(|i| !i.derived())
            .map(|i| i.item.code.as_str())
            .collect();
        let positions: HashMap<&str, usize> = rows
            .iter()
            .enumerate()
            .filter(|(_, row)| typed_items.contains(row.code.as_str()))
            .map(|(position, row)| (row.code.as_str(), position))
            .collect();
        let mut typed = AnswerSheet::blank(rows.len());
        for (code, answer) in answers {
            let Some(position) = positions.get(code.as_str()) else {
                return Err(InspectionRefusal::NotYourItem { code: code.clone() }.into());
            };
            typed.set(*position, Some(*answer));
        }
        if submit {
            let missing = unanswered(&sheet.items, answers);
            if !missing.is_empty() {
                let codes = missing.into_iter().map(String::from).collect();
                return Err(InspectionRefusal::Unanswered { codes }.into());
            }
        }
        let existing = stored_sheet(db, campaign.id, staff_id).await?;
        let txn = db.begin().await?;
        if submit {
            let existing = existing.as_ref();
            put_answers(
                &txn,
                &campaign,
                staff_id,
                existing,
                &typed,
                ChangeSource::Form,
                now,
            )
            .await?;
            let stop = Stop::Submitted {
                campaign_id: campaign.id,
                staff_id,
            };
            cancel_reminders(&txn, stop, now).await?;
        } else {
            let draft = Some(typed.encode());
            match existing {
                Some(row) => {
                    let mut row: inspection_response::ActiveModel = row.into();
                    row.draft = Set(draft);
                    row.updated_at = Set(now);
                    row.update(&txn).await?;
                }
                None => {
                    inspection_response::ActiveModel {
                        campaign_id: Set(campaign.id),
                        staff_id: Set(staff_id),
                        answers: Set(String::new()),
                        draft: Set(draft),
                        submitted_at: Set(None),
                        updated_at: Set(now),
                        ..Default::default()
                    }
                    .insert(&txn)
                    .await?;
                }
            }
        }
        txn.commit().await?;
        Ok(())
    }
}

fn not_a_target(campaign: &inspection_campaign::Model) -> StoreError {
    StoreError::NotFound(format!(
        "a self-inspection sheet for you in fiscal year {}: its target staff are those on staff on {}",
        campaign.fiscal_year, campaign.reference_date
    ))
}

fn parse_sheet(stored: &str) -> Result<AnswerSheet, StoreError> {
    AnswerSheet::parse(stored).map_err(|e| StoreError::Corrupt(e.to_string()))
}

async fn stored_sheets(
    db: &impl ConnectionTrait,
    campaign_id: i32,
) -> Result<HashMap<i32, inspection_response::Model>, StoreError> {
    Ok(inspection_response::Entity::find()
        .filter(inspection_response::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.staff_id, row))
        .collect())
}

async fn stored_sheet(
    db: &impl ConnectionTrait,
    campaign_id: i32,
    staff_id: i32,
) -> Result<Option<inspection_response::Model>, StoreError> {
    Ok(inspection_response::Entity::find()
        .filter(inspection_response::Column::CampaignId.eq(campaign_id))
        .filter(inspection_response::Column::StaffId.eq(staff_id))
        .one(db)
        .await?)
}

/// Makes `sheet` the person's answers in force, keeping the change when it is one. A
/// submission in the form replaces the draft; an import leaves it.
async fn put_answers(
    db: &impl ConnectionTrait,
    campaign: &inspection_campaign::Model,
    staff_id: i32,
    existing: Option<&inspection_response::Model>,
    sheet: &AnswerSheet,
    source: ChangeSource,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    let answers = sheet.encode();
    let changed = existing.is_none_or(|row| row.answers != answers);
    match existing {
        Some(row) => {
            let mut row: inspection_response::ActiveModel = row.clone().into();
            row.answers = Set(answers.clone());
            if source == ChangeSource::Form {
                row.draft = Set(None);
            }
            if changed || source == ChangeSource::Form {
                row.submitted_at = Set(Some(now));
            }
            row.updated_at = Set(now);
            row.update(db).await?;
        }
        None => {
            inspection_response::ActiveModel {
                campaign_id: Set(campaign.id),
                staff_id: Set(staff_id),
                answers: Set(answers.clone()),
                draft: Set(None),
                submitted_at: Set(Some(now)),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    if changed {
        inspection_change::ActiveModel {
            campaign_id: Set(campaign.id),
            staff_id: Set(staff_id),
            answers: Set(answers),
            source: Set(source.code().to_string()),
            changed_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
