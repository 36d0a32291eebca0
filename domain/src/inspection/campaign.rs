//! A campaign as people meet it: when answering is open, the sheet a learner fills in, and
//! who has submitted, by division.

use super::{Answer, AnswerSheet, InspectionRefusal, Item, Respondent, output::CampaignFigures};
use crate::{EmployeeId, InspectionGroup, percent::Share};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When answering in Mamori is open: both days included. A campaign whose items were only
/// imported has no schedule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CampaignState {
    /// No answering period set.
    Unscheduled,
    Upcoming,
    Open,
    Closed,
}

impl CampaignState {
    pub fn japanese_name(self) -> &'static str {
        match self {
            CampaignState::Unscheduled => "期間未設定",
            CampaignState::Upcoming => "開始前",
            CampaignState::Open => "実施中",
            CampaignState::Closed => "終了",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            CampaignState::Unscheduled => "No period set",
            CampaignState::Upcoming => "Not yet open",
            CampaignState::Open => "Open",
            CampaignState::Closed => "Closed",
        }
    }
}

impl Schedule {
    /// Both days or neither; the first not after the last.
    pub fn new(
        opens_on: Option<NaiveDate>,
        closes_on: Option<NaiveDate>,
    ) -> Result<Self, InspectionRefusal> {
        match (opens_on, closes_on) {
            (Some(opens_on), Some(closes_on)) if opens_on > closes_on => {
                Err(InspectionRefusal::PeriodReversed {
                    opens_on,
                    closes_on,
                })
            }
            (Some(_), None) | (None, Some(_)) => Err(InspectionRefusal::PeriodHalfGiven),
            _ => Ok(Schedule {
                opens_on,
                closes_on,
            }),
        }
    }

    pub fn state(&self, today: NaiveDate) -> CampaignState {
        match (self.opens_on, self.closes_on) {
            (Some(opens), _) if today < opens => CampaignState::Upcoming,
            (Some(_), Some(closes)) if today > closes => CampaignState::Closed,
            (Some(_), Some(_)) => CampaignState::Open,
            _ => CampaignState::Unscheduled,
        }
    }
}

/// A campaign in the admins' list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignSummary {
    pub fiscal_year: i32,
    pub reference_date: NaiveDate,
    pub schedule: Schedule,
    pub state: CampaignState,
    pub items: usize,
    /// People with answers or a draft.
    pub responses: usize,
}

/// A campaign with its items, for the admins' page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignDetail {
    pub summary: CampaignSummary,
    pub items: Vec<CampaignItem>,
    /// Every training module, by title: what an item can be linked to.
    pub modules: Vec<LinkedModule>,
}

/// A campaign in a learner's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerCampaign {
    pub fiscal_year: i32,
    pub state: CampaignState,
    pub closes_on: Option<NaiveDate>,
    pub submitted: bool,
}

/// A training module linked to an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedModule {
    pub slug: String,
    pub title: String,
}

/// An item as a campaign lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignItem {
    pub code: String,
    pub group: InspectionGroup,
    pub text: String,
    pub module: Option<LinkedModule>,
}

/// One item on a learner's sheet, with the answer shown: the draft's if there is one, else
/// the answer in force; for items linked to a module, the one training gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetItem {
    pub item: CampaignItem,
    pub answer: Option<Answer>,
}

impl SheetItem {
    /// Answered by training: shown, never typed.
    pub fn derived(&self) -> bool {
        self.item.module.is_some()
    }
}

/// Where a change to a sheet came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeSource {
    Form,
    Import,
}

impl ChangeSource {
    pub fn code(self) -> &'static str {
        match self {
            ChangeSource::Form => "form",
            ChangeSource::Import => "import",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [ChangeSource::Form, ChangeSource::Import]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// The answers in force after one submission or import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetChange {
    pub at: DateTime<Utc>,
    pub source: ChangeSource,
    /// The typed answers then, by item code.
    pub answers: Vec<(String, Answer)>,
}

/// What a learner sees of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerSheet {
    pub fiscal_year: i32,
    pub reference_date: NaiveDate,
    pub schedule: Schedule,
    pub state: CampaignState,
    /// The items of every group the learner belongs to, in the campaign's order.
    pub items: Vec<SheetItem>,
    /// Every item answered in the answers in force: counted as submitted.
    pub submitted: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    /// Answers saved but not yet submitted are shown.
    pub has_draft: bool,
    /// Oldest first.
    pub history: Vec<SheetChange>,
}

/// The typed items of `items` left without an answer in `answers`: a submission needs none.
pub fn unanswered<'a>(items: &'a [SheetItem], answers: &[(String, Answer)]) -> Vec<&'a str> {
    items
        .iter()
        .filter(|i| !i.derived() && !answers.iter().any(|(code, _)| *code == i.item.code))
        .map(|i| i.item.code.as_str())
        .collect()
}

/// One target person, for the submission status.
#[derive(Debug, Clone)]
pub struct StatusPerson<'a> {
    pub employee_id: &'a EmployeeId,
    pub name: &'a str,
    pub division: &'a str,
    pub respondent: &'a Respondent,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DivisionStatus {
    pub division: String,
    pub target: usize,
    pub submitted: usize,
    pub share: Share,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonSubmitter {
    pub employee_id: EmployeeId,
    pub name: String,
    pub division: String,
    /// Of `required`, answered so far (training's answers included).
    pub answered: usize,
    pub required: usize,
}

/// How many non-submitters a page names; the downloads name them all.
pub const NON_SUBMITTERS_LISTED: usize = 500;

/// Who has submitted, by division, and who has not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionStatus {
    pub divisions: Vec<DivisionStatus>,
    /// By division, then employee ID.
    pub non_submitters: Vec<NonSubmitter>,
    /// All of them, named or not.
    pub non_submitters_total: usize,
}

impl SubmissionStatus {
    /// Names only the first `listed` non-submitters (the count stays whole).
    pub fn listing(mut self, listed: usize) -> Self {
        self.non_submitters.truncate(listed);
        self
    }

    pub fn of(items: &[Item], people: &[StatusPerson]) -> Self {
        let mut divisions: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut non_submitters = Vec::new();
        for person in people {
            let counts = divisions.entry(person.division).or_default();
            counts.0 += 1;
            if person.respondent.has_submitted(items) {
                counts.1 += 1;
                continue;
            }
            let mine: Vec<usize> = items
                .iter()
                .enumerate()
                .filter(|(_, item)| person.respondent.groups.contains(&item.group))
                .map(|(position, _)| position)
                .collect();
            non_submitters.push(NonSubmitter {
                employee_id: person.employee_id.clone(),
                name: person.name.to_string(),
                division: person.division.to_string(),
                answered: mine
                    .iter()
                    .filter(|p| person.respondent.answers.get(**p).is_some())
                    .count(),
                required: mine.len(),
            });
        }
        non_submitters
            .sort_by(|a, b| (&a.division, &a.employee_id).cmp(&(&b.division, &b.employee_id)));
        SubmissionStatus {
            non_submitters_total: non_submitters.len(),
            divisions: divisions
                .into_iter()
                .map(|(division, (target, submitted))| DivisionStatus {
                    division: division.to_string(),
                    target,
                    submitted,
                    share: Share::new(submitted, target),
                })
                .collect(),
            non_submitters,
        }
    }
}

/// A campaign's results page: who has submitted (kept to the viewer's divisions) and, for
/// admins, the agency's figures, this year's and every year's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InspectionResults {
    pub campaign: CampaignSummary,
    pub items: Vec<CampaignItem>,
    pub figures: Option<CampaignFigures>,
    /// Every campaign's figures, oldest first (this one included), for the page; empty
    /// without figures and in the downloads.
    pub by_year: Vec<CampaignFigures>,
    pub status: SubmissionStatus,
}

/// The typed answers of a stored sheet, by the codes of `items` (in the campaign's order).
pub fn answers_by_code(items: &[CampaignItem], sheet: &AnswerSheet) -> Vec<(String, Answer)> {
    items
        .iter()
        .enumerate()
        .filter_map(|(position, item)| Some((item.code.clone(), sheet.get(position)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use InspectionGroup::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    #[test]
    fn answering_is_open_from_the_first_to_the_last_day_included() {
        let schedule = Schedule::new(Some(day(2, 1)), Some(day(2, 28))).unwrap();
        assert_eq!(schedule.state(day(1, 31)), CampaignState::Upcoming);
        assert_eq!(schedule.state(day(2, 1)), CampaignState::Open);
        assert_eq!(schedule.state(day(2, 28)), CampaignState::Open);
        assert_eq!(schedule.state(day(3, 1)), CampaignState::Closed);
        assert_eq!(
            Schedule::default().state(day(2, 1)),
            CampaignState::Unscheduled
        );
    }

    #[test]
    fn a_schedule_needs_both_days_in_order() {
        assert!(Schedule::new(Some(day(3, 1)), Some(day(2, 1))).is_err());
        assert!(Schedule::new(Some(day(3, 1)), None).is_err());
        assert!(Schedule::new(None, Some(day(3, 1))).is_err());
        assert_eq!(Schedule::new(None, None), Ok(Schedule::default()));
        assert!(Schedule::new(Some(day(3, 1)), Some(day(3, 1))).is_ok());
    }

    fn item(code: &str, group: InspectionGroup, module: bool) -> SheetItem {
        SheetItem {
            item: CampaignItem {
                code: code.into(),
                group,
                text: format!("{code} の遵守事項"),
                module: module.then(|| LinkedModule {
                    slug: "security-basics".into(),
                    title: "情報セキュリティ基礎".into(),
                }),
            },
            answer: None,
        }
    }

    #[test]
    fn a_submission_needs_every_typed_item_but_not_the_derived_ones() {
        let items = [
            item("S01", Staff, false),
            item("S02", Staff, true),
            item("O01", Officers, false),
        ];
        let some = [("S01".to_string(), Answer::Yes)];
        assert_eq!(unanswered(&items, &some), ["O01"]);
        let all = [
            ("S01".to_string(), Answer::No),
            ("O01".to_string(), Answer::NotApplicable),
        ];
        assert!(unanswered(&items, &all).is_empty());
    }

    #[test]
    fn status_counts_submitters_by_division_and_names_the_others() {
        let items = [
            Item {
                id: "S01".into(),
                group: Staff,
            },
            Item {
                id: "S02".into(),
                group: Staff,
            },
        ];
        let sheet = |letters: &str| Respondent {
            groups: vec![Staff],
            answers: AnswerSheet::parse(letters).unwrap(),
        };
        let (done, half, none) = (sheet("yn"), sheet("y."), sheet(""));
        let [e1, e2, e3] = ["E1", "E2", "E3"].map(|id| EmployeeId::parse(id).unwrap());
        let person = |employee_id, division, respondent| StatusPerson {
            employee_id,
            name: "職員",
            division,
            respondent,
        };
        let status = SubmissionStatus::of(
            &items,
            &[
                person(&e2, "総務課", &half),
                person(&e1, "総務課", &done),
                person(&e3, "会計課", &none),
            ],
        );
        let counts: Vec<(&str, usize, usize)> = status
            .divisions
            .iter()
            .map(|d| (d.division.as_str(), d.target, d.submitted))
            .collect();
        assert_eq!(counts, [("会計課", 1, 0), ("総務課", 2, 1)]);
        let named: Vec<(&str, usize, usize)> = status
            .non_submitters
            .iter()
            .map(|n| (n.employee_id.as_str(), n.answered, n.required))
            .collect();
        assert_eq!(named, [("E3", 0, 2), ("E2", 1, 2)]);
        let listed = status.listing(1);
        assert_eq!(
            (listed.non_submitters.len(), listed.non_submitters_total),
            (1, 2)
        );
    }
}
