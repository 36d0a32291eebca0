//! Completion reporting: each person's standing on each assigned module as of a date, counted
//! by division, security role, self-inspection group, module and fiscal year; the completion
//! curve over the year; and the people behind any number, filtered, sorted and paged.

pub mod grid;
pub mod materials;
pub mod query;
pub mod table;
pub mod transcript;

use crate::{
    EmployeeId, FiscalYear, InspectionGroup, SecurityRole, percent::Share, training::ProgressStatus,
};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::{
    borrow::Cow,
    collections::{BTreeMap, BTreeSet},
};

/// One person's assignment of one module, with what they had done by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub employee_id: EmployeeId,
    pub name: String,
    pub division: String,
    /// Security roles held on the date viewed; `Staff` is implied and not listed.
    pub roles: Vec<SecurityRole>,
    pub module_slug: String,
    pub module_title: String,
    pub fiscal_year: i32,
    pub due: NaiveDate,
    pub started_on: Option<NaiveDate>,
    pub completed_on: Option<NaiveDate>,
}

impl ReportEntry {
    /// The standing on `on`: completed by then wins; past the due date anything else is
    /// overdue; opened by then is in progress.
    pub fn status(&self, on: NaiveDate) -> ProgressStatus {
        if self.completed_on.is_some_and(|done| done <= on) {
            ProgressStatus::Completed
        } else if on > self.due {
            ProgressStatus::Overdue
        } else if self.started_on.is_some_and(|started| started <= on) {
            ProgressStatus::InProgress
        } else {
            ProgressStatus::NotStarted
        }
    }

    /// Past its due date on `on` without having been completed by the due date: overdue now,
    /// or completed late.
    pub fn late(&self, on: NaiveDate) -> bool {
        on > self.due && self.completed_on.is_none_or(|done| done > self.due)
    }

    /// The keys this entry counts under along `dimension` (a person holds several roles, and
    /// is in one or more self-inspection groups).
    pub fn keys(&self, dimension: Dimension) -> Vec<Cow<'_, str>> {
        match dimension {
            Dimension::Division => vec![Cow::Borrowed(&self.division)],
            Dimension::Role => self
                .roles
                .iter()
                .filter(|role| **role != SecurityRole::Staff)
                .chain([&SecurityRole::Staff])
                .map(|role| Cow::Borrowed(role.code()))
                .collect(),
            Dimension::Group => InspectionGroup::of(&self.roles)
                .into_iter()
                .map(|group| Cow::Borrowed(group.code()))
                .collect(),
            Dimension::Module => vec![Cow::Borrowed(&self.module_slug)],
            Dimension::FiscalYear => vec![Cow::Owned(self.fiscal_year.to_string())],
        }
    }
}

impl ReportEntry {
    fn key_label(&self, dimension: Dimension, key: &str) -> String {
        let named = match dimension {
            Dimension::Division => None,
            Dimension::Module => Some(self.module_title.clone()),
            Dimension::Role => key
                .parse::<SecurityRole>()
                .ok()
                .map(|r| r.japanese_name().into()),
            Dimension::Group => key
                .parse::<InspectionGroup>()
                .ok()
                .map(|g| g.japanese_name().into()),
            Dimension::FiscalYear => key
                .parse()
                .ok()
                .map(|year| FiscalYear::new(year).japanese_label()),
        };
        named.unwrap_or_else(|| key.to_string())
    }
}

/// What the counts are broken down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dimension {
    Division,
    Role,
    Group,
    Module,
    FiscalYear,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::Division,
        Dimension::Role,
        Dimension::Group,
        Dimension::Module,
        Dimension::FiscalYear,
    ];

    /// The code in addresses and export file names.
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Division => "divisions",
            Dimension::Role => "roles",
            Dimension::Group => "groups",
            Dimension::Module => "modules",
            Dimension::FiscalYear => "years",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// Assignments counted by standing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub completed: usize,
    pub in_progress: usize,
    pub not_started: usize,
    pub overdue: usize,
}

impl Tally {
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a ReportEntry>, on: NaiveDate) -> Self {
        let mut tally = Tally::default();
        for entry in entries {
            tally.add(entry.status(on));
        }
        tally
    }

    pub fn add(&mut self, status: ProgressStatus) {
        *self.count_mut(status) += 1;
    }

    pub fn count(&self, status: ProgressStatus) -> usize {
        match status {
            ProgressStatus::Completed => self.completed,
            ProgressStatus::InProgress => self.in_progress,
            ProgressStatus::NotStarted => self.not_started,
            ProgressStatus::Overdue => self.overdue,
        }
    }

    fn count_mut(&mut self, status: ProgressStatus) -> &mut usize {
        match status {
            ProgressStatus::Completed => &mut self.completed,
            ProgressStatus::InProgress => &mut self.in_progress,
            ProgressStatus::NotStarted => &mut self.not_started,
            ProgressStatus::Overdue => &mut self.overdue,
        }
    }

    pub fn total(&self) -> usize {
        self.completed + self.in_progress + self.not_started + self.overdue
    }

    pub fn share(&self, status: ProgressStatus) -> Share {
        Share::new(self.count(status), self.total())
    }
}

/// One line of a breakdown: the entries counting under `key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakdownRow {
    /// What drill-down filters on: a division's name, a role or group code, a module's slug,
    /// a fiscal year.
    pub key: String,
    /// How the key reads: the division's name, the module's title, the Japanese name of a
    /// role, group or fiscal year.
    pub label: String,
    pub tally: Tally,
}

/// The entries counted along `dimension` on `on`, in the order the keys first appear (the
/// caller orders entries; roles and groups follow their own order).
pub fn breakdown(
    entries: &[ReportEntry],
    dimension: Dimension,
    on: NaiveDate,
) -> Vec<BreakdownRow> {
    let mut rows: Vec<BreakdownRow> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for entry in entries {
        let status = entry.status(on);
        for key in entry.keys(dimension) {
            let at = match index.get(key.as_ref()) {
                Some(at) => *at,
                None => {
                    rows.push(BreakdownRow {
                        label: entry.key_label(dimension, &key),
                        key: key.to_string(),
                        tally: Tally::default(),
                    });
                    index.insert(key.into_owned(), rows.len() - 1);
                    rows.len() - 1
                }
            };
            rows[at].tally.add(status);
        }
    }
    match dimension {
        Dimension::Role => rows.sort_by_key(|row| {
            SecurityRole::ALL
                .iter()
                .position(|role| role.code() == row.key)
        }),
        Dimension::Group => rows.sort_by_key(|row| {
            InspectionGroup::ALL
                .iter()
                .position(|group| group.code() == row.key)
        }),
        Dimension::FiscalYear => rows.sort_by(|a, b| a.key.cmp(&b.key)),
        Dimension::Division | Dimension::Module => {}
    }
    rows
}

/// Completions so far on one day of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub date: NaiveDate,
    pub completed: usize,
    pub total: usize,
}

/// How many assignments were complete at the end of each week of the fiscal year, from its
/// first day up to `on` (and on `on` itself).
pub fn completion_curve(
    entries: &[ReportEntry],
    year: FiscalYear,
    on: NaiveDate,
) -> Vec<CurvePoint> {
    let last = on.min(year.last_day());
    let mut done: Vec<NaiveDate> = entries
        .iter()
        .filter_map(|e| e.completed_on.filter(|d| *d <= last))
        .collect();
    done.sort_unstable();
    let mut dates = Vec::new();
    let mut day = year.first_day();
    while day < last {
        dates.push(day);
        day += Duration::days(7);
    }
    dates.push(last);
    dates
        .into_iter()
        .map(|date| CurvePoint {
            date,
            completed: done.partition_point(|d| *d <= date),
            total: entries.len(),
        })
        .collect()
}

/// The due dates of the entries, each once, in order: the marks on the curve.
pub fn due_dates(entries: &[ReportEntry]) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = entries.iter().map(|e| e.due).collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// Everything the dashboard shows for one fiscal year on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub fiscal_year: i32,
    pub on: NaiveDate,
    /// Years with assignments, newest first.
    pub years: Vec<i32>,
    pub total: Tally,
    /// By division, role, group and module in this year, and by fiscal year (each year as of
    /// its last day, or the date viewed).
    pub breakdowns: Vec<(Dimension, Vec<BreakdownRow>)>,
    pub curve: Vec<CurvePoint>,
    pub due_dates: Vec<NaiveDate>,
}

impl Dashboard {
    /// `entries`: the year's, as of `on`; `by_year`: one row per year.
    pub fn new(
        entries: &[ReportEntry],
        year: FiscalYear,
        on: NaiveDate,
        years: Vec<i32>,
        by_year: Vec<BreakdownRow>,
    ) -> Self {
        let mut breakdowns: Vec<(Dimension, Vec<BreakdownRow>)> = [
            Dimension::Division,
            Dimension::Role,
            Dimension::Group,
            Dimension::Module,
        ]
        .into_iter()
        .map(|dimension| (dimension, breakdown(entries, dimension, on)))
        .collect();
        breakdowns.push((Dimension::FiscalYear, by_year));
        Dashboard {
            fiscal_year: year.start_year(),
            on,
            years,
            total: Tally::of(entries, on),
            breakdowns,
            curve: completion_curve(entries, year, on),
            due_dates: due_dates(entries),
        }
    }

    pub fn rows(&self, dimension: Dimension) -> &[BreakdownRow] {
        self.breakdowns
            .iter()
            .find(|(d, _)| *d == dimension)
            .map_or(&[], |(_, rows)| rows)
    }
}

/// Which entries to list, and how.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleFilter {
    /// Only entries counting under this key of this dimension (a dashboard number's row).
    pub group_by: Option<(Dimension, String)>,
    pub division: Option<String>,
    pub module: Option<String>,
    pub status: Option<ProgressStatus>,
    /// Only entries past their due date and not completed by it.
    pub late: bool,
}

impl PeopleFilter {
    pub fn keeps(&self, entry: &ReportEntry, on: NaiveDate) -> bool {
        self.group_by
            .as_ref()
            .is_none_or(|(dimension, key)| entry.keys(*dimension).iter().any(|k| k == key))
            && self.division.as_ref().is_none_or(|d| *d == entry.division)
            && self.module.as_ref().is_none_or(|m| *m == entry.module_slug)
            && self.status.is_none_or(|s| s == entry.status(on))
            && (!self.late || entry.late(on))
    }
}

/// The column a list is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortKey {
    #[default]
    EmployeeId,
    Name,
    Division,
    Module,
    Due,
    Status,
    CompletedOn,
}

impl SortKey {
    pub const ALL: [SortKey; 7] = [
        SortKey::EmployeeId,
        SortKey::Name,
        SortKey::Division,
        SortKey::Module,
        SortKey::Due,
        SortKey::Status,
        SortKey::CompletedOn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SortKey::EmployeeId => "employee_id",
            SortKey::Name => "name",
            SortKey::Division => "division",
            SortKey::Module => "module",
            SortKey::Due => "due",
            SortKey::Status => "status",
            SortKey::CompletedOn => "completed_on",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// How many people a page of a list shows.
pub const PAGE_SIZE: usize = 50;

/// One page of a list of entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeoplePage {
    pub fiscal_year: i32,
    /// The date the standings are as of.
    pub on: NaiveDate,
    pub rows: Vec<ReportEntry>,
    /// Entries matching the filter, on all pages.
    pub matching: usize,
    /// Numbered from 1.
    pub page: usize,
    pub pages: usize,
    /// What the filters offer, from all entries in scope.
    pub options: FilterOptions,
}

/// The divisions and modules a list can be filtered by.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterOptions {
    pub divisions: Vec<String>,
    /// Slug and title.
    pub modules: Vec<(String, String)>,
}

impl FilterOptions {
    pub fn of(entries: &[ReportEntry]) -> Self {
        // Borrowed first: a few distinct values among 100,000s of entries.
        let divisions: BTreeSet<&str> = entries.iter().map(|e| e.division.as_str()).collect();
        let modules: BTreeSet<(&str, &str)> = entries
            .iter()
            .map(|e| (e.module_slug.as_str(), e.module_title.as_str()))
            .collect();
        FilterOptions {
            divisions: divisions.into_iter().map(String::from).collect(),
            modules: modules
                .into_iter()
                .map(|(slug, title)| (slug.to_string(), title.to_string()))
                .collect(),
        }
    }
}

/// The entries `filter` keeps, sorted (ties by employee ID, then module), all of them: for
/// exports.
pub fn select(
    entries: Vec<ReportEntry>,
    filter: &PeopleFilter,
    sort: SortKey,
    descending: bool,
    on: NaiveDate,
) -> Vec<ReportEntry> {
    let mut kept: Vec<ReportEntry> = entries
        .into_iter()
        .filter(|e| filter.keeps(e, on))
        .collect();
    let status_rank = |e: &ReportEntry| ProgressStatus::ALL.iter().position(|s| *s == e.status(on));
    kept.sort_by(|a, b| {
        let primary = match sort {
            SortKey::EmployeeId => std::cmp::Ordering::Equal,
            SortKey::Name => a.name.cmp(&b.name),
            SortKey::Division => a.division.cmp(&b.division),
            SortKey::Module => a.module_title.cmp(&b.module_title),
            SortKey::Due => a.due.cmp(&b.due),
            SortKey::Status => status_rank(a).cmp(&status_rank(b)),
            SortKey::CompletedOn => a.completed_on.cmp(&b.completed_on),
        };
        let primary = if descending {
            primary.reverse()
        } else {
            primary
        };
        let tie = a
            .employee_id
            .cmp(&b.employee_id)
            .then_with(|| a.module_slug.cmp(&b.module_slug));
        primary.then(if sort == SortKey::EmployeeId && descending {
            tie.reverse()
        } else {
            tie
        })
    });
    kept
}

/// Page `page` (from 1; beyond the last gives the last) of the entries selected in `year`
/// as of `on`.
pub fn page_of(
    selected: Vec<ReportEntry>,
    page: usize,
    (year, on): (FiscalYear, NaiveDate),
    options: FilterOptions,
) -> PeoplePage {
    let matching = selected.len();
    let pages = matching.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let rows = selected
        .into_iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    PeoplePage {
        fiscal_year: year.start_year(),
        on,
        rows,
        matching,
        page,
        pages,
        options,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    pub(crate) fn entry(id: &str, division: &str, due: &str) -> ReportEntry {
        ReportEntry {
            employee_id: EmployeeId::parse(id).unwrap(),
            name: format!("name {id}"),
            division: division.into(),
            roles: Vec::new(),
            module_slug: "basics".into(),
            module_title: "基礎".into(),
            fiscal_year: 2026,
            due: date(due),
            started_on: None,
            completed_on: None,
        }
    }

    fn started(mut e: ReportEntry, on: &str) -> ReportEntry {
        e.started_on = Some(date(on));
        e
    }

    fn completed(e: ReportEntry, on: &str) -> ReportEntry {
        let mut e = started(e, on);
        e.completed_on = Some(date(on));
        e
    }

    #[test]
    fn the_standing_depends_on_the_date_viewed() {
        let e = completed(entry("E1", "総務課", "2026-06-30"), "2026-07-10");
        assert_eq!(e.status(date("2026-05-01")), ProgressStatus::NotStarted);
        assert_eq!(e.status(date("2026-06-30")), ProgressStatus::NotStarted);
        assert_eq!(e.status(date("2026-07-01")), ProgressStatus::Overdue);
        assert_eq!(e.status(date("2026-07-10")), ProgressStatus::Completed);
        assert!(e.late(date("2026-07-10")), "completed after its due date");
        let opened = started(entry("E2", "総務課", "2026-06-30"), "2026-06-01");
        assert_eq!(
            opened.status(date("2026-06-01")),
            ProgressStatus::InProgress
        );
        let on_time = completed(entry("E3", "総務課", "2026-06-30"), "2026-06-30");
        assert!(!on_time.late(date("2026-12-01")));
        assert!(!opened.late(date("2026-06-30")), "not late on the due date");
    }

    #[test]
    fn breakdowns_count_every_standing_and_a_person_under_each_role() {
        let on = date("2026-07-01");
        let mut officer = completed(entry("E1", "総務課", "2026-06-30"), "2026-06-01");
        officer.roles = vec![SecurityRole::DivisionSecurityOfficer];
        let mut admin = started(entry("E2", "情報政策課", "2026-07-31"), "2026-06-15");
        admin.roles = vec![SecurityRole::SystemSecurityAdministrator];
        let entries = vec![
            officer,
            admin,
            entry("E3", "総務課", "2026-06-30"),
            entry("E4", "総務課", "2026-07-31"),
        ];
        let by_division = breakdown(&entries, Dimension::Division, on);
        assert_eq!(by_division.len(), 2);
        assert_eq!(by_division[0].key, "総務課");
        assert_eq!(
            by_division[0].tally,
            Tally {
                completed: 1,
                in_progress: 0,
                not_started: 1,
                overdue: 1
            }
        );
        assert_eq!(
            by_division[0]
                .tally
                .share(ProgressStatus::Completed)
                .to_string(),
            "33.3"
        );
        let by_role: Vec<(String, usize)> = breakdown(&entries, Dimension::Role, on)
            .into_iter()
            .map(|r| (r.key, r.tally.total()))
            .collect();
        assert_eq!(
            by_role,
            [
                ("division_security_officer".to_string(), 1),
                ("system_security_administrator".to_string(), 1),
                ("staff".to_string(), 4)
            ]
        );
        let by_group: Vec<(String, Tally)> = breakdown(&entries, Dimension::Group, on)
            .into_iter()
            .map(|r| (r.key, r.tally))
            .collect();
        assert_eq!(by_group[0].0, "officers");
        assert_eq!(by_group[0].1.completed, 1);
        assert_eq!(by_group[1].0, "system");
        assert_eq!(by_group[1].1.in_progress, 1);
        assert_eq!(by_group[2].0, "staff");
        assert_eq!(by_group[2].1.total(), 4);
    }

    #[test]
    fn the_curve_counts_completions_week_by_week_up_to_the_date_viewed() {
        let entries = vec![
            completed(entry("E1", "総務課", "2026-06-30"), "2026-04-01"),
            completed(entry("E2", "総務課", "2026-06-30"), "2026-04-08"),
            completed(entry("E3", "総務課", "2026-06-30"), "2026-04-09"),
            completed(entry("E4", "総務課", "2026-06-30"), "2026-05-01"),
            entry("E5", "総務課", "2026-06-30"),
        ];
        let curve = completion_curve(&entries, FiscalYear::new(2026), date("2026-04-20"));
        let points: Vec<(String, usize)> = curve
            .iter()
            .map(|p| (p.date.to_string(), p.completed))
            .collect();
        assert_eq!(
            points,
            [
                ("2026-04-01".to_string(), 1),
                ("2026-04-08".to_string(), 2),
                ("2026-04-15".to_string(), 3),
                ("2026-04-20".to_string(), 3)
            ]
        );
        assert!(curve.iter().all(|p| p.total == 5));
        let whole_year = completion_curve(&entries, FiscalYear::new(2026), date("2027-09-01"));
        assert_eq!(whole_year.last().unwrap().date, date("2027-03-31"));
        assert_eq!(whole_year.last().unwrap().completed, 4);
    }

    #[test]
    fn people_are_filtered_sorted_and_paged() {
        let on = date("2026-07-01");
        let mut entries: Vec<ReportEntry> = (0..120)
            .map(|i| {
                let e = entry(
                    &format!("E{i:03}"),
                    if i % 2 == 0 { "総務課" } else { "会計課" },
                    "2026-06-30",
                );
                if i % 3 == 0 {
                    completed(e, "2026-06-01")
                } else {
                    e
                }
            })
            .collect();
        entries.reverse();
        let filter = PeopleFilter {
            division: Some("総務課".into()),
            status: Some(ProgressStatus::Overdue),
            ..PeopleFilter::default()
        };
        let selected = select(entries.clone(), &filter, SortKey::EmployeeId, false, on);
        // Even numbers not divisible by 3: 60 even, 20 of them divisible by 6.
        assert_eq!(selected.len(), 40);
        assert_eq!(selected[0].employee_id.as_str(), "E002");
        let page = page_of(
            selected.clone(),
            9,
            (FiscalYear::new(2026), on),
            FilterOptions::default(),
        );
        assert_eq!(
            (page.page, page.pages, page.matching, page.rows.len()),
            (1, 1, 40, 40)
        );
        let all = select(
            entries.clone(),
            &PeopleFilter::default(),
            SortKey::Status,
            false,
            on,
        );
        assert_eq!(all[0].status(on), ProgressStatus::Completed);
        assert_eq!(all[0].employee_id.as_str(), "E000");
        let second = page_of(
            all,
            2,
            (FiscalYear::new(2026), on),
            FilterOptions::default(),
        );
        assert_eq!((second.pages, second.rows.len()), (3, 50));
        let late = PeopleFilter {
            late: true,
            ..PeopleFilter::default()
        };
        assert_eq!(
            select(entries.clone(), &late, SortKey::Name, true, on).len(),
            80
        );
        let by_number = PeopleFilter {
            group_by: Some((Dimension::Division, "会計課".into())),
            ..PeopleFilter::default()
        };
        let descending = select(entries, &by_number, SortKey::EmployeeId, true, on);
        assert_eq!(descending.len(), 60);
        assert_eq!(descending[0].employee_id.as_str(), "E119");
    }
}
