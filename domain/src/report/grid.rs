//! The training grid a manager lands on: people × modules as of a date, with each module's
//! usual due date and counts, filtered to a division and to the people who still have
//! something to do.

use super::{ReportEntry, Tally, query::given};
use crate::{EmployeeId, training::ProgressStatus};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Whom the grid lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum GridShow {
    #[default]
    Everyone,
    /// People with a module not completed yet.
    Unfinished,
    /// People with a module past its due date.
    Overdue,
}

impl GridShow {
    pub const ALL: [GridShow; 3] = [GridShow::Everyone, GridShow::Unfinished, GridShow::Overdue];

    pub fn code(self) -> &'static str {
        match self {
            GridShow::Everyone => "everyone",
            GridShow::Unfinished => "unfinished",
            GridShow::Overdue => "overdue",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    fn keeps(self, statuses: &[ProgressStatus]) -> bool {
        match self {
            GridShow::Everyone => true,
            GridShow::Unfinished => statuses.iter().any(|s| *s != ProgressStatus::Completed),
            GridShow::Overdue => statuses.contains(&ProgressStatus::Overdue),
        }
    }
}

/// The grid's query string, as a filter form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridQuery {
    pub division: Option<String>,
    /// A `GridShow` code.
    pub show: Option<String>,
}

/// What the grid keeps: one division (or all in the viewer's scope), and whom.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GridFilter {
    pub division: Option<String>,
    pub show: GridShow,
}

impl GridQuery {
    pub fn filter(&self) -> GridFilter {
        GridFilter {
            division: given(&self.division).map(str::to_string),
            show: given(&self.show)
                .and_then(GridShow::from_code)
                .unwrap_or_default(),
        }
    }
}

/// One module's column: its usual due date and how its assignments stand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridModule {
    pub slug: String,
    pub title: String,
    /// The due date most people have; joiners may have a later one.
    pub due: NaiveDate,
    /// Every assignment in the division filtered to, whoever is listed.
    pub tally: Tally,
}

/// One person's standing on one module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridCell {
    pub status: ProgressStatus,
    pub due: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GridRow {
    pub employee_id: EmployeeId,
    pub name: String,
    pub division: String,
    /// Per module of the grid, in its order; `None` where it is not assigned to this person.
    pub cells: Vec<Option<GridCell>>,
}

/// Staff × assigned modules on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingGrid {
    pub fiscal_year: i32,
    pub on: NaiveDate,
    /// Every division in the viewer's scope that has assignments, for the filter.
    pub divisions: Vec<String>,
    /// The division filtered to, if any.
    pub division: Option<String>,
    pub show: GridShow,
    /// In order of usual due date, then title.
    pub modules: Vec<GridModule>,
    /// People in the division filtered to: listed, and in all.
    pub rows: Vec<GridRow>,
    pub people: usize,
}

impl TrainingGrid {
    /// The grid of `entries` (one fiscal year's, ordered by employee ID) on `on`.
    pub fn of(
        fiscal_year: i32,
        entries: &[ReportEntry],
        on: NaiveDate,
        filter: GridFilter,
    ) -> Self {
        let divisions: BTreeSet<&str> = entries.iter().map(|e| e.division.as_str()).collect();
        let in_division: Vec<&ReportEntry> = entries
            .iter()
            .filter(|e| filter.division.as_ref().is_none_or(|d| *d == e.division))
            .collect();
        let mut modules = modules_of(&in_division, on);
        modules.sort_by(|a, b| (a.due, &a.title).cmp(&(b.due, &b.title)));

        let mut people: Vec<(&ReportEntry, Vec<Option<GridCell>>)> = Vec::new();
        for entry in &in_division {
            if people
                .last()
                .is_none_or(|(p, _)| p.employee_id != entry.employee_id)
            {
                people.push((entry, vec![None; modules.len()]));
            }
            let column = modules.iter().position(|m| m.slug == entry.module_slug);
            if let (Some((_, cells)), Some(column)) = (people.last_mut(), column) {
                cells[column] = Some(GridCell {
                    status: entry.status(on),
                    due: entry.due,
                });
            }
        }
        let total = people.len();
        let rows = people
            .into_iter()
            .filter(|(_, cells)| {
                let statuses: Vec<ProgressStatus> =
                    cells.iter().flatten().map(|c| c.status).collect();
                filter.show.keeps(&statuses)
            })
            .map(|(person, cells)| GridRow {
                employee_id: person.employee_id.clone(),
                name: person.name.clone(),
                division: person.division.clone(),
                cells,
            })
            .collect();
        TrainingGrid {
            fiscal_year,
            on,
            divisions: divisions.into_iter().map(String::from).collect(),
            division: filter.division,
            show: filter.show,
            modules,
            rows,
            people: total,
        }
    }
}

fn modules_of(entries: &[&ReportEntry], on: NaiveDate) -> Vec<GridModule> {
    struct Column<'a> {
        title: &'a str,
        dues: BTreeMap<NaiveDate, usize>,
        tally: Tally,
    }
    let mut columns: BTreeMap<&str, Column> = BTreeMap::new();
    for entry in entries {
        let column = columns.entry(&entry.module_slug).or_insert_with(|| Column {
            title: &entry.module_title,
            dues: BTreeMap::new(),
            tally: Tally::default(),
        });
        *column.dues.entry(entry.due).or_default() += 1;
        column.tally.add(entry.status(on));
    }
    columns
        .into_iter()
        .map(|(slug, column)| GridModule {
            slug: slug.to_string(),
            title: column.title.to_string(),
            // The most common date; of equally common ones, the earliest.
            due: column
                .dues
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(due, _)| *due)
                .expect("a column has at least one entry"),
            tally: column.tally,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn entry(
        id: &str,
        division: &str,
        module: &str,
        due: &str,
        completed: Option<&str>,
    ) -> ReportEntry {
        ReportEntry {
            employee_id: EmployeeId::parse(id).unwrap(),
            name: format!("name {id}"),
            division: division.into(),
            roles: vec![],
            module_slug: module.into(),
            module_title: module.to_uppercase(),
            fiscal_year: 2026,
            due: date(due),
            started_on: None,
            completed_on: completed.map(date),
        }
    }

    fn entries() -> Vec<ReportEntry> {
        vec![
            entry(
                "E0001",
                "総務課",
                "basics",
                "2026-11-20",
                Some("2026-11-01"),
            ),
            entry(
                "E0001",
                "総務課",
                "phishing",
                "2026-06-30",
                Some("2026-06-01"),
            ),
            entry("E0002", "総務課", "basics", "2026-11-20", None),
            // A joiner: a later due date for the same module.
            entry("E0003", "総務課", "basics", "2027-01-10", None),
            entry("E0004", "会計課", "basics", "2026-11-20", None),
        ]
    }

    #[test]
    fn modules_go_by_their_usual_due_date_and_count_their_division() {
        let grid = TrainingGrid::of(2026, &entries(), date("2026-12-01"), GridFilter::default());
        let columns: Vec<(&str, NaiveDate)> = grid
            .modules
            .iter()
            .map(|m| (m.slug.as_str(), m.due))
            .collect();
        assert_eq!(
            columns,
            [
                ("phishing", date("2026-06-30")),
                ("basics", date("2026-11-20"))
            ]
        );
        let basics = &grid.modules[1].tally;
        assert_eq!(
            (basics.completed, basics.overdue, basics.not_started),
            (1, 2, 1)
        );
        assert_eq!(grid.divisions, ["会計課", "総務課"]);
        assert_eq!((grid.people, grid.rows.len()), (4, 4));

        let general = TrainingGrid::of(
            2026,
            &entries(),
            date("2026-12-01"),
            GridFilter {
                division: Some("総務課".into()),
                show: GridShow::Everyone,
            },
        );
        assert_eq!(general.modules[1].tally.total(), 3);
        assert_eq!(
            general.divisions.len(),
            2,
            "the filter still offers every division"
        );
        assert_eq!(general.people, 3);
    }

    #[test]
    fn each_cell_carries_its_own_due_date_and_an_unassigned_module_is_empty() {
        let grid = TrainingGrid::of(2026, &entries(), date("2026-12-01"), GridFilter::default());
        let joiner = grid
            .rows
            .iter()
            .find(|r| r.employee_id.as_str() == "E0003")
            .unwrap();
        assert_eq!(joiner.cells[0], None);
        assert_eq!(
            joiner.cells[1],
            Some(GridCell {
                status: ProgressStatus::NotStarted,
                due: date("2027-01-10")
            })
        );
    }

    #[test]
    fn the_grid_lists_only_who_still_has_work_or_is_late_when_asked() {
        let ids = |show: GridShow| -> Vec<String> {
            TrainingGrid::of(
                2026,
                &entries(),
                date("2026-12-01"),
                GridFilter {
                    division: None,
                    show,
                },
            )
            .rows
            .into_iter()
            .map(|r| r.employee_id.to_string())
            .collect()
        };
        assert_eq!(ids(GridShow::Unfinished), ["E0002", "E0003", "E0004"]);
        assert_eq!(ids(GridShow::Overdue), ["E0002", "E0004"]);
    }

    #[test]
    fn a_query_string_becomes_a_filter_and_nonsense_shows_everyone() {
        let query = GridQuery {
            division: Some(" 総務課 ".into()),
            show: Some("overdue".into()),
        };
        assert_eq!(
            query.filter(),
            GridFilter {
                division: Some("総務課".into()),
                show: GridShow::Overdue
            }
        );
        let nonsense = GridQuery {
            division: Some("".into()),
            show: Some("<b>".into()),
        };
        assert_eq!(nonsense.filter(), GridFilter::default());
    }
}
