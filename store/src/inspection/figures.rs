//! Everyone's answer sheets as of the reference date (typed answers plus those training
//! gives), and what is read from them: the figures and who has submitted.
//!
//! A 300,000-person campaign is 300,000 short rows here: the sheets are read in one query,
//! the completions of each linked module in one more.

use super::{campaign_items, domain_items, find_campaign, items_of, summary_of};
use crate::{
    Store, StoreError,
    entities::{
        assignment, enrollment, inspection_campaign, inspection_item, inspection_response,
        training_module,
    },
    training::{RosterPerson, Whom},
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear, InspectionGroup, ResultsScope, agency_date,
    inspection::{
        Answer, AnswerSheet, Figures, Item, Respondent, UnknownLetter,
        campaign::{InspectionResults, StatusPerson, SubmissionStatus},
        output::CampaignFigures,
    },
    reminder::{Reminder, ReminderPolicy},
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QuerySelect};
use std::{collections::HashMap, sync::Arc};

impl Store {
    /// The campaign's figures as they stand.
    pub async fn inspection_figures(
        &self,
        year: FiscalYear,
    ) -> Result<CampaignFigures, StoreError> {
        let campaign = find_campaign(self.db(), year).await?;
        self.figures_of(&campaign).await
    }

    async fn figures_of(
        &self,
        campaign: &inspection_campaign::Model,
    ) -> Result<CampaignFigures, StoreError> {
        let (items, people) = self.respondents(campaign, None).await?;
        Ok(campaign_figures(campaign, &items, people))
    }

    /// A campaign's results as `scope` may see them: who has submitted (in the divisions of
    /// the reference date), and with `figures`, the agency's figures. The comparison with
    /// other years is `inspection_figures_by_year`'s, for the page only.
    pub async fn inspection_results(
        &self,
        year: FiscalYear,
        scope: &ResultsScope,
        figures: bool,
        today: NaiveDate,
    ) -> Result<InspectionResults, StoreError> {
        let db = self.db();
        let campaign = find_campaign(db, year).await?;
        let (items, people) = self.respondents(&campaign, None).await?;
        let in_scope: Vec<StatusPerson> = people
            .iter()
            .filter(|(person, _)| {
                scope
                    .divisions()
                    .is_none_or(|ids| person.division_id.is_some_and(|d| ids.contains(&d)))
            })
            .map(|(person, respondent)| StatusPerson {
                employee_id: &person.employee_id,
                name: &person.name,
                division: &person.division,
                respondent,
            })
            .collect();
        let status = SubmissionStatus::of(&items, &in_scope);
        let figures = figures.then(|| campaign_figures(&campaign, &items, people));
        let rows = items_of(db, campaign.id).await?;
        Ok(InspectionResults {
            items: campaign_items(db, &rows).await?,
            campaign: summary_of(db, campaign, today).await?,
            figures,
            by_year: Vec::new(),
            status,
        })
    }

    /// Every campaign's figures, oldest first, with `this_year`'s as already computed.
    pub async fn inspection_figures_by_year(
        &self,
        this_year: &CampaignFigures,
    ) -> Result<Vec<CampaignFigures>, StoreError> {
        let mut by_year = vec![this_year.clone()];
        for other in inspection_campaign::Entity::find()
            .filter(inspection_campaign::Column::FiscalYear.ne(this_year.fiscal_year))
            .all(self.db())
            .await?
        {
            by_year.push(self.figures_of(&other).await?);
        }
        by_year.sort_by_key(|f| f.fiscal_year);
        Ok(by_year)
    }

    /// The campaign's items and its target staff (or only `person`, if one of them) with their
    /// groups and answers on the reference date.
    pub(super) async fn respondents(
        &self,
        campaign: &inspection_campaign::Model,
        person: Option<i32>,
    ) -> Result<(Vec<Item>, Vec<(Arc<RosterPerson>, Respondent)>), StoreError> {
        let db = self.reads();
        let rows = items_of(db, campaign.id).await?;
        let items = domain_items(&rows)?;
        let people = self
            .people_on(
                campaign.reference_date,
                person.map_or(Whom::Everyone, Whom::Person),
            )
            .await?;
        let mut sheets = inspection_response::Entity::find()
            .select_only()
            .columns([
                inspection_response::Column::StaffId,
                inspection_response::Column::Answers,
            ])
            .filter(inspection_response::Column::CampaignId.eq(campaign.id));
        if let Some(id) = person {
            sheets = sheets.filter(inspection_response::Column::StaffId.eq(id));
        }
        let mut sheets: HashMap<i32, String> = sheets
            .into_tuple::<(i32, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let derived = self.derived_items(campaign, &rows, person).await?;

        let mut respondents = Vec::with_capacity(people.len());
        for person in people {
            let respondent = respondent(
                InspectionGroup::of(&person.roles),
                sheets.remove(&person.id).as_deref(),
                items.len(),
                derived.iter().map(|(position, group, completed)| {
                    (*position, *group, completed.get(&person.id).copied())
                }),
                campaign.reference_date,
            )
            .map_err(|e| StoreError::Corrupt(format!("answers of {}: {e}", person.employee_id)))?;
            respondents.push((person, respondent));
        }
        Ok((items, respondents))
    }

    /// The items linked to a module (their positions and groups), each with who completed
    /// the module in the campaign's year and on which day.
    async fn derived_items(
        &self,
        campaign: &inspection_campaign::Model,
        rows: &[inspection_item::Model],
        person: Option<i32>,
    ) -> Result<Vec<(usize, InspectionGroup, Arc<HashMap<i32, NaiveDate>>)>, StoreError> {
        let year = FiscalYear::new(campaign.fiscal_year);
        let mut by_module: HashMap<&str, Arc<HashMap<i32, NaiveDate>>> = HashMap::new();
        let mut derived = Vec::new();
        for (position, group, slug) in answered_by_training(rows) {
            if !by_module.contains_key(slug) {
                let completed = completions(self.reads(), slug, year, person).await?;
                by_module.insert(slug, Arc::new(completed));
            }
            derived.push((position, group, Arc::clone(&by_module[slug])));
        }
        Ok(derived)
    }
}

/// The items a module's completion answers: each one's place in the sheet, its group and the
/// module's slug.
pub(super) fn answered_by_training(
    rows: &[inspection_item::Model],
) -> impl Iterator<Item = (usize, InspectionGroup, &str)> {
    rows.iter().enumerate().filter_map(|(position, row)| {
        Some((
            position,
            row.group_code.parse().ok()?,
            row.module_slug.as_deref()?,
        ))
    })
}

/// A target person's answers: their stored sheet (or a blank one of `item_count` items), with
/// training's answer in each linked item of their groups — `linked` gives each such item's
/// place and group, and the day the person completed its module, if they did.
pub(super) fn respondent(
    groups: Vec<InspectionGroup>,
    stored: Option<&str>,
    item_count: usize,
    linked: impl Iterator<Item = (usize, InspectionGroup, Option<NaiveDate>)>,
    reference_date: NaiveDate,
) -> Result<Respondent, UnknownLetter> {
    let mut answers = match stored {
        Some(stored) => AnswerSheet::parse(stored)?,
        None => AnswerSheet::blank(item_count),
    };
    for (position, group, completed_on) in linked {
        if groups.contains(&group) {
            let answer = Answer::from_training(completed_on, reference_date);
            answers.set(position, Some(answer));
        }
    }
    Ok(Respondent { groups, answers })
}

fn campaign_figures(
    campaign: &inspection_campaign::Model,
    items: &[Item],
    people: Vec<(Arc<RosterPerson>, Respondent)>,
) -> CampaignFigures {
    let respondents: Vec<Respondent> = people.into_iter().map(|(_, r)| r).collect();
    CampaignFigures {
        fiscal_year: campaign.fiscal_year,
        reference_date: campaign.reference_date,
        figures: Figures::of(items, &respondents),
    }
}

/// A campaign as a learner's home sees it: its items in order, the person's stored sheet,
/// and for each item the day the person first completed its module in the campaign's year
/// (only ever set for an item answered by training).
pub(super) struct CampaignWithItems {
    pub(super) campaign: inspection_campaign::Model,
    pub(super) items: Vec<inspection_item::Model>,
    pub(super) sheet: Option<String>,
    pub(super) completed_on: Vec<Option<NaiveDate>>,
}

/// Every campaign, newest first, with what `CampaignWithItems` holds for `staff_id`, in one
/// statement: the campaigns joined to their items (a row each), the sheet and the completion
/// as subqueries.
pub(super) async fn campaigns_with_items(
    db: &impl ConnectionTrait,
    staff_id: i32,
) -> Result<Vec<CampaignWithItems>, StoreError> {
    use crate::entities::join_on;
    use sea_orm::{
        FromQueryResult, QueryOrder, QueryTrait,
        sea_query::{Alias, Expr, ExprTrait, Func, Query},
    };
    let sheet = Query::select()
        .column((
            inspection_response::Entity,
            inspection_response::Column::Answers,
        ))
        .from(inspection_response::Entity)
        .and_where(
            Expr::col((
                inspection_response::Entity,
                inspection_response::Column::CampaignId,
            ))
            .equals((inspection_campaign::Entity, inspection_campaign::Column::Id)),
        )
        .and_where(
            Expr::col((
                inspection_response::Entity,
                inspection_response::Column::StaffId,
            ))
            .eq(staff_id),
        )
        .to_owned();
    let completed = completed_enrollments()
        .select_only()
        .expr(Func::min(Expr::col((
            enrollment::Entity,
            enrollment::Column::CompletedAt,
        ))))
        .filter(enrollment::Column::StaffId.eq(staff_id))
        .filter(
            Expr::col((training_module::Entity, training_module::Column::Slug))
                .equals((inspection_item::Entity, inspection_item::Column::ModuleSlug)),
        )
        .filter(
            Expr::col((assignment::Entity, assignment::Column::FiscalYear)).equals((
                inspection_campaign::Entity,
                inspection_campaign::Column::FiscalYear,
            )),
        )
        .into_query();
    let mut query = inspection_campaign::Entity::find()
        .join(
            JoinType::LeftJoin,
            join_on::<inspection_campaign::Entity, inspection_item::Entity>(
                inspection_campaign::Column::Id,
                inspection_item::Column::CampaignId,
            ),
        )
        .select_also(inspection_item::Entity)
        .order_by_desc(inspection_campaign::Column::FiscalYear)
        .order_by_asc(inspection_item::Column::Position)
        .into_query();
    query
        .expr_as(
            Expr::SubQuery(None, Box::new(sheet.into())),
            Alias::new("sheet"),
        )
        .expr_as(
            Expr::SubQuery(None, Box::new(completed.into())),
            Alias::new("completed_at"),
        );
    let mut campaigns: Vec<CampaignWithItems> = Vec::new();
    for row in db.query_all(&query).await? {
        let campaign = inspection_campaign::Model::from_query_result(&row, "A_")?;
        if campaigns
            .last()
            .is_none_or(|last| last.campaign.id != campaign.id)
        {
            campaigns.push(CampaignWithItems {
                campaign,
                items: Vec::new(),
                sheet: row.try_get("", "sheet")?,
                completed_on: Vec::new(),
            });
        }
        let Some(last) = campaigns.last_mut() else {
            continue;
        };
        if row.try_get::<Option<i32>>("", "B_id")?.is_some() {
            last.items
                .push(inspection_item::Model::from_query_result(&row, "B_")?);
            let completed_at: Option<DateTime<Utc>> = row.try_get("", "completed_at")?;
            last.completed_on.push(completed_at.map(agency_date));
        }
    }
    Ok(campaigns)
}

/// Completed enrollments joined to their assignment and its module.
fn completed_enrollments() -> sea_orm::Select<enrollment::Entity> {
    enrollment::Entity::find()
        .join(
            JoinType::InnerJoin,
            enrollment::Entity::belongs_to(assignment::Entity)
                .from(enrollment::Column::AssignmentId)
                .to(assignment::Column::Id)
                .into(),
        )
        .join(
            JoinType::InnerJoin,
            assignment::Entity::belongs_to(training_module::Entity)
                .from(assignment::Column::ModuleId)
                .to(training_module::Column::Id)
                .into(),
        )
        .filter(enrollment::Column::CompletedAt.is_not_null())
}

/// Who completed the module `slug` in `year` (or only `person`), and on which day (the
/// earliest).
async fn completions(
    db: &impl ConnectionTrait,
    slug: &str,
    year: FiscalYear,
    person: Option<i32>,
) -> Result<HashMap<i32, NaiveDate>, StoreError> {
    let mut query = completed_enrollments()
        .select_only()
        .columns([enrollment::Column::StaffId, enrollment::Column::CompletedAt])
        .filter(training_module::Column::Slug.eq(slug))
        .filter(assignment::Column::FiscalYear.eq(year.start_year()));
    if let Some(id) = person {
        query = query.filter(enrollment::Column::StaffId.eq(id));
    }
    let rows: Vec<(i32, Option<DateTime<Utc>>)> = query.into_tuple().all(db).await?;
    let mut completed: HashMap<i32, NaiveDate> = HashMap::new();
    for (staff_id, at) in rows {
        if let Some(at) = at {
            let day = agency_date(at);
            completed
                .entry(staff_id)
                .and_modify(|d| *d = (*d).min(day))
                .or_insert(day);
        }
    }
    Ok(completed)
}

/// A self-inspection mail due to one person.
pub(crate) struct DueInspectionMail {
    pub person: Arc<RosterPerson>,
    pub campaign_id: i32,
    pub fiscal_year: i32,
    pub closes_on: NaiveDate,
    pub reminder: Reminder,
}

impl Store {
    /// The self-inspection mail due `today` under `policy`: for each campaign open for
    /// answers, to each target person who has not submitted.
    pub(crate) async fn inspection_mail_due(
        &self,
        today: NaiveDate,
        policy: &ReminderPolicy,
    ) -> Result<Vec<DueInspectionMail>, StoreError> {
        let mut due = Vec::new();
        for campaign in inspection_campaign::Entity::find().all(self.db()).await? {
            let (Some(opens_on), Some(closes_on)) = (campaign.opens_on, campaign.closes_on) else {
                continue;
            };
            let Some(reminder) = policy.inspection_reminder(opens_on, closes_on, today) else {
                continue;
            };
            let (items, people) = self.respondents(&campaign, None).await?;
            due.extend(
                people
                    .into_iter()
                    .filter(|(_, respondent)| !respondent.has_submitted(&items))
                    .map(|(person, _)| DueInspectionMail {
                        person,
                        campaign_id: campaign.id,
                        fiscal_year: campaign.fiscal_year,
                        closes_on,
                        reminder,
                    }),
            );
        }
        Ok(due)
    }
}
