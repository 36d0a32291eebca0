//! The yearly self-inspection (自己点検): answers to each group's compliance items, and the
//! figures the agency reports — 把握率 (coverage), 対策実施率 (implementation rate) and
//! 到達率 (attainment) — exactly as `self-inspection.md` defines them.

pub mod campaign;
pub mod files;
pub mod output;
mod sheet;

pub use sheet::{AnswerSheet, UnknownLetter};

use crate::{InspectionGroup, percent::Share};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A person's answer to one compliance item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// 実施している
    Yes,
    /// 実施していない
    No,
    /// 該当しない
    NotApplicable,
}

impl Answer {
    pub const ALL: [Answer; 3] = [Answer::Yes, Answer::No, Answer::NotApplicable];

    /// The code in files and forms.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotApplicable => "na",
        }
    }

    /// Its letter in a stored answer sheet.
    pub fn letter(self) -> char {
        match self {
            Answer::Yes => 'y',
            Answer::No => 'n',
            Answer::NotApplicable => 'a',
        }
    }

    pub fn japanese_name(self) -> &'static str {
        match self {
            Answer::Yes => "実施している",
            Answer::No => "実施していない",
            Answer::NotApplicable => "該当しない",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            Answer::Yes => "Carried out",
            Answer::No => "Not carried out",
            Answer::NotApplicable => "Not applicable",
        }
    }

    /// The answer to an item linked to a training module: `yes` when the person completed it
    /// in the campaign's fiscal year on or before the reference date.
    pub fn from_training(completed_on: Option<NaiveDate>, reference_date: NaiveDate) -> Answer {
        if completed_on.is_some_and(|done| done <= reference_date) {
            Answer::Yes
        } else {
            Answer::No
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownAnswer(pub String);

impl fmt::Display for UnknownAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown answer \"{}\" (yes, no or na)", self.0)
    }
}

impl FromStr for Answer {
    type Err = UnknownAnswer;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|answer| answer.code() == code)
            .ok_or_else(|| UnknownAnswer(code.to_string()))
    }
}

/// A compliance item of one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub group: InspectionGroup,
}

/// One of the campaign's target staff: the groups they belong to on the reference date and
/// their answers (typed and derived alike), in the order of the campaign's items.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Respondent {
    pub groups: Vec<InspectionGroup>,
    pub answers: AnswerSheet,
}

impl Respondent {
    /// Submitted: an answer to every item of every group they belong to.
    pub fn has_submitted(&self, items: &[Item]) -> bool {
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| self.groups.contains(&item.group))
            .all(|(position, _)| self.answers.get(position).is_some())
    }
}

/// The thresholds of 到達率, in percent.
pub const ATTAINMENT_THRESHOLDS: [u32; 3] = [100, 95, 90];

/// One group's figures; `None` where the definition gives `null` (no target members, no
/// items, or nothing to divide by).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupFigures {
    pub group: InspectionGroup,
    pub target: usize,
    pub submitted: usize,
    pub items: usize,
    /// `yes` ÷ (`yes` + `no`) among the submitted members' answers.
    pub implementation_rate: Option<Share>,
    /// For each of `ATTAINMENT_THRESHOLDS`: items whose share reaches it ÷ items counted.
    pub attainment: Option<[Share; 3]>,
    /// Each item's share: its `yes` among all target members ÷ (target − its `na`), by item
    /// ID in the campaign's order; `None` when everyone answered `na`.
    pub item_shares: Vec<(String, Option<Share>)>,
}

/// A campaign's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub target_staff: usize,
    pub submitted_staff: usize,
    /// Submitted ÷ target staff.
    pub coverage: Option<Share>,
    /// In `InspectionGroup::ALL` order.
    pub groups: Vec<GroupFigures>,
}

impl Figures {
    /// The figures of `respondents` (the target staff) answering `items`. Answers of those
    /// who have not submitted count in no figure; in item shares they count as not
    /// implemented.
    pub fn of(items: &[Item], respondents: &[Respondent]) -> Self {
        let submitted: Vec<bool> = respondents.iter().map(|r| r.has_submitted(items)).collect();
        let submitted_staff = submitted.iter().filter(|s| **s).count();
        let groups = InspectionGroup::ALL
            .into_iter()
            .map(|group| {
                let members: Vec<(&Respondent, bool)> = respondents
                    .iter()
                    .zip(submitted.iter().copied())
                    .filter(|(r, _)| r.groups.contains(&group))
                    .collect();
                let group_items: Vec<(usize, &Item)> = items
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| i.group == group)
                    .collect();
                group_figures(group, &group_items, &members)
            })
            .collect();
        Figures {
            target_staff: respondents.len(),
            submitted_staff,
            coverage: (!respondents.is_empty())
                .then(|| Share::new(submitted_staff, respondents.len())),
            groups,
        }
    }

    pub fn group(&self, group: InspectionGroup) -> &GroupFigures {
        self.groups
            .iter()
            .find(|g| g.group == group)
            .expect("every group has figures")
    }
}

/// `items` with their positions in the campaign (and so in every answer sheet).
fn group_figures(
    group: InspectionGroup,
    items: &[(usize, &Item)],
    members: &[(&Respondent, bool)],
) -> GroupFigures {
    let target = members.len();
    let submitters: Vec<&Respondent> = members
        .iter()
        .filter(|(_, s)| *s)
        .map(|(r, _)| *r)
        .collect();

    // One pass per item over the submitters' answers: its share, and its part of the rate.
    let (mut yes, mut yes_or_no) = (0, 0);
    let item_shares: Vec<(String, Option<Share>)> = items
        .iter()
        .map(|(position, item)| {
            let (mut item_yes, mut item_no, mut item_na) = (0, 0, 0);
            for respondent in &submitters {
                match respondent.answers.get(*position) {
                    Some(Answer::Yes) => item_yes += 1,
                    Some(Answer::No) => item_no += 1,
                    Some(Answer::NotApplicable) => item_na += 1,
                    None => {}
                }
            }
            yes += item_yes;
            yes_or_no += item_yes + item_no;
            // Non-submitters stay in the whole: they count as not having implemented it.
            let whole = target - item_na;
            (
                item.id.clone(),
                (whole > 0).then(|| Share::new(item_yes, whole)),
            )
        })
        .collect();
    let counted: Vec<Share> = item_shares.iter().filter_map(|(_, s)| *s).collect();
    let attainment = (!counted.is_empty()).then(|| {
        ATTAINMENT_THRESHOLDS.map(|percent| {
            let reached = counted.iter().filter(|s| s.at_least(percent)).count();
            Share::new(reached, counted.len())
        })
    });
    GroupFigures {
        group,
        target,
        submitted: submitters.len(),
        items: items.len(),
        implementation_rate: (yes_or_no > 0).then(|| Share::new(yes, yes_or_no)),
        attainment,
        item_shares,
    }
}

/// Why a change to the self-inspection is refused (see `crate::refusal`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum InspectionRefusal {
    #[error("the self-inspection of fiscal year {fiscal_year} is not open for answers")]
    NotOpen { fiscal_year: i32 },
    #[error("give the fiscal year as a number from 2000 to 2100, not {fiscal_year}")]
    BadYear { fiscal_year: i32 },
    #[error("the date {text:?} cannot be read (YYYY-MM-DD)")]
    BadDate { text: String },
    #[error("the answering period opens on {opens_on}, after it closes on {closes_on}")]
    PeriodReversed {
        opens_on: NaiveDate,
        closes_on: NaiveDate,
    },
    #[error("give both the first and the last day of answering, or neither")]
    PeriodHalfGiven,
    #[error("the reference date {date} is outside fiscal year {fiscal_year}")]
    ReferenceOutsideYear { date: NaiveDate, fiscal_year: i32 },
    /// A form's `code:answer` entry that does not read.
    #[error("the answer {entry:?} cannot be read")]
    BadAnswer { entry: String },
    #[error("answer every item before submitting: {} unanswered", codes.join(", "))]
    Unanswered { codes: Vec<String> },
    #[error("item {code} is not one of your items")]
    NotYourItem { code: String },
    #[error("choose the item's group")]
    NoGroup,
    #[error("an item needs its ID and its text")]
    ItemIncomplete,
    #[error("item {code} already exists")]
    ItemExists { code: String },
    #[error("module {slug} does not exist")]
    UnknownModule { slug: String },
    /// Items are fixed once anyone has answered, so that every answer keeps its meaning.
    #[error("fiscal year {fiscal_year} already has answers: its items can no longer be {change}")]
    ItemsFixed {
        fiscal_year: i32,
        change: ItemChange,
    },
}

/// What was tried on a campaign's items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemChange {
    Replaced,
    Added,
    Relinked,
    Removed,
}

impl fmt::Display for ItemChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ItemChange::Replaced => "replaced",
            ItemChange::Added => "added",
            ItemChange::Relinked => "linked to another module",
            ItemChange::Removed => "removed",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InspectionGroup::*;

    fn items(group: InspectionGroup, prefix: &str, n: usize) -> Vec<Item> {
        (1..=n)
            .map(|i| Item {
                id: format!("{prefix}{i:02}"),
                group,
            })
            .collect()
    }

    /// A person in `groups` who gave `answers` (by item ID) to `items`.
    fn respondent(
        items: &[Item],
        groups: &[InspectionGroup],
        answers: &[(&str, Answer)],
    ) -> Respondent {
        let mut sheet = AnswerSheet::blank(items.len());
        for (id, answer) in answers {
            sheet.set(position(items, id), Some(*answer));
        }
        Respondent {
            groups: groups.to_vec(),
            answers: sheet,
        }
    }

    fn position(items: &[Item], id: &str) -> usize {
        items.iter().position(|i| i.id == id).expect("a known item")
    }

    /// Everyone in `groups` answers `yes` to every item of `items` they belong to.
    fn all_yes(groups: &[InspectionGroup], items: &[Item]) -> Respondent {
        let answers: Vec<(&str, Answer)> = items
            .iter()
            .filter(|i| groups.contains(&i.group))
            .map(|i| (i.id.as_str(), Answer::Yes))
            .collect();
        respondent(items, groups, &answers)
    }

    fn shown(share: Option<Share>) -> String {
        share.map_or("null".into(), |s| s.to_string())
    }

    #[test]
    fn table_1_of_the_annual_report_is_rebuilt() {
        // FY2011: 361 staff; 12 security officers (8 items), 2 system officers (5 items),
        // everyone administrative staff (6 items). Each staff item has some `no` answers:
        // five items between 95 % and 100 %, one between 90 % and 95 %.
        let mut all = items(Officers, "O", 8);
        all.extend(items(System, "Y", 5));
        all.extend(items(Staff, "S", 6));
        let no_counts = [8, 8, 8, 8, 8, 34];
        let mut people = Vec::new();
        for n in 0..361 {
            let mut groups = vec![Staff];
            if n < 12 {
                groups.insert(0, Officers);
            } else if n < 14 {
                groups.insert(0, System);
            }
            let mut person = all_yes(&groups, &all);
            for (i, noes) in no_counts.iter().enumerate() {
                if n < *noes {
                    let item = position(&all, &format!("S{:02}", i + 1));
                    person.answers.set(item, Some(Answer::No));
                }
            }
            people.push(person);
        }
        let figures = Figures::of(&all, &people);
        assert_eq!((figures.target_staff, figures.submitted_staff), (361, 361));
        assert_eq!(shown(figures.coverage), "100.0");
        for group in [Officers, System] {
            let g = figures.group(group);
            assert_eq!(shown(g.implementation_rate), "100.0");
            let attainment = g.attainment.unwrap().map(|s| s.to_string());
            assert_eq!(attainment, ["100.0", "100.0", "100.0"]);
        }
        assert_eq!(
            (figures.group(Officers).target, figures.group(System).target),
            (12, 2)
        );
        let staff = figures.group(Staff);
        assert_eq!((staff.target, staff.submitted, staff.items), (361, 361, 6));
        assert_eq!(shown(staff.implementation_rate), "96.6"); // 2092 / 2166
        let attainment = staff.attainment.unwrap().map(|s| s.to_string());
        assert_eq!(attainment, ["0.0", "83.3", "100.0"]);
    }

    #[test]
    fn thresholds_compare_exact_ratios() {
        let all = items(Staff, "S", 1);
        let with_noes = |noes: usize| {
            let people: Vec<Respondent> = (0..361)
                .map(|n| {
                    let answer = if n < noes { Answer::No } else { Answer::Yes };
                    respondent(&all, &[Staff], &[("S01", answer)])
                })
                .collect();
            Figures::of(&all, &people).group(Staff).attainment.unwrap()
        };
        // 343/361 = 95.01 % reaches 95; 342/361 = 94.74 % does not.
        assert_eq!(with_noes(18)[1], Share::new(1, 1));
        assert_eq!(with_noes(19)[1], Share::new(0, 1));
        assert_eq!(with_noes(19)[2], Share::new(1, 1), "but it reaches 90");
        assert_eq!(
            with_noes(0)[0],
            Share::new(1, 1),
            "only everyone reaches 100"
        );
        assert_eq!(with_noes(1)[0], Share::new(0, 1));
    }

    #[test]
    fn na_counts_in_neither_rate_nor_share() {
        let all = items(Staff, "S", 2);
        let people = vec![
            respondent(
                &all,
                &[Staff],
                &[("S01", Answer::Yes), ("S02", Answer::NotApplicable)],
            ),
            respondent(
                &all,
                &[Staff],
                &[("S01", Answer::No), ("S02", Answer::NotApplicable)],
            ),
        ];
        let staff = Figures::of(&all, &people).group(Staff).clone();
        assert_eq!(staff.implementation_rate, Some(Share::new(1, 2)));
        assert_eq!(
            staff.item_shares,
            [
                ("S01".to_string(), Some(Share::new(1, 2))),
                ("S02".to_string(), None)
            ]
        );
        // The item everyone found not applicable is left out of attainment.
        assert_eq!(staff.attainment.unwrap()[2], Share::new(0, 1));
    }

    #[test]
    fn partial_answers_are_not_a_submission_and_count_as_not_implemented() {
        let all = items(Staff, "S", 2);
        let people = vec![
            respondent(
                &all,
                &[Staff],
                &[("S01", Answer::Yes), ("S02", Answer::Yes)],
            ),
            // Answered one of two: not submitted; their `yes` counts nowhere.
            respondent(&all, &[Staff], &[("S01", Answer::Yes)]),
            // Nothing at all.
            respondent(&all, &[Staff], &[]),
        ];
        let figures = Figures::of(&all, &people);
        assert_eq!((figures.target_staff, figures.submitted_staff), (3, 1));
        assert_eq!(shown(figures.coverage), "33.3");
        let staff = figures.group(Staff);
        assert_eq!(staff.implementation_rate, Some(Share::new(2, 2)));
        assert_eq!(staff.item_shares[0].1, Some(Share::new(1, 3)));
    }

    #[test]
    fn a_person_in_two_groups_answers_both_and_submits_only_with_both() {
        let mut all = items(Officers, "O", 1);
        all.extend(items(Staff, "S", 1));
        let officer_done = respondent(
            &all,
            &[Officers, Staff],
            &[("O01", Answer::Yes), ("S01", Answer::No)],
        );
        let officer_half = respondent(&all, &[Officers, Staff], &[("S01", Answer::Yes)]);
        let figures = Figures::of(&all, &[officer_done, officer_half]);
        assert_eq!(figures.submitted_staff, 1);
        let officers = figures.group(Officers);
        assert_eq!((officers.target, officers.submitted), (2, 1));
        assert_eq!(officers.implementation_rate, Some(Share::new(1, 1)));
        let staff = figures.group(Staff);
        assert_eq!(staff.implementation_rate, Some(Share::new(0, 1)));
        assert_eq!(staff.item_shares[0].1, Some(Share::new(0, 2)));
    }

    #[test]
    fn groups_without_members_or_items_report_null() {
        let all = items(Staff, "S", 1);
        let people = vec![respondent(&all, &[Staff], &[("S01", Answer::Yes)])];
        let figures = Figures::of(&all, &people);
        let officers = figures.group(Officers);
        assert_eq!((officers.target, officers.items), (0, 0));
        assert_eq!(
            (officers.implementation_rate, officers.attainment),
            (None, None)
        );

        let no_items = Figures::of(&[], &people);
        let staff = no_items.group(Staff);
        assert_eq!((staff.target, staff.items), (1, 0));
        assert_eq!((staff.implementation_rate, staff.attainment), (None, None));
        assert_eq!(no_items.submitted_staff, 1, "nothing to answer: submitted");

        let nobody = Figures::of(&all, &[]);
        assert_eq!(nobody.coverage, None);
    }

    #[test]
    fn training_answers_yes_only_for_completion_by_the_reference_date() {
        let reference = NaiveDate::from_ymd_opt(2012, 3, 31).unwrap();
        let on = |m, d| NaiveDate::from_ymd_opt(2012, m, d);
        assert_eq!(Answer::from_training(on(3, 31), reference), Answer::Yes);
        assert_eq!(Answer::from_training(on(4, 1), reference), Answer::No);
        assert_eq!(Answer::from_training(None, reference), Answer::No);
    }

    #[test]
    fn answers_read_their_codes() {
        for answer in Answer::ALL {
            assert_eq!(answer.code().parse::<Answer>(), Ok(answer));
        }
        assert!("maybe".parse::<Answer>().is_err());
    }
}
