//! What a report page shows, as its address says (`/reports/people?fy=2026&status=overdue…`),
//! so that every view is a link, works without JavaScript and exports the same rows.

use super::{Dimension, PeopleFilter, SortKey};
use crate::{FiscalYear, training::ProgressStatus, url::encode};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A report address's query, as typed (empty fields are absent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportQuery {
    /// The fiscal year's starting calendar year.
    pub fy: Option<i32>,
    /// The date viewed (`YYYY-MM-DD`).
    pub on: Option<String>,
    /// With `key`: only what counts under that key of that dimension (`divisions`, …).
    pub by: Option<String>,
    pub key: Option<String>,
    pub division: Option<String>,
    /// A module's slug.
    pub module: Option<String>,
    /// A `ProgressStatus` code.
    pub status: Option<String>,
    /// `1`: only past their due date and not completed by it.
    pub late: Option<String>,
    /// A `SortKey` code, and `1` for descending.
    pub sort: Option<String>,
    pub desc: Option<String>,
    pub page: Option<usize>,
}

/// A query value as given: trimmed, and absent when blank.
pub(super) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl ReportQuery {
    /// The fiscal year and date viewed: the year asked for (else the date's, else today's),
    /// on the date asked for within that year (else today, kept within the year).
    pub fn viewing(&self, today: NaiveDate) -> (FiscalYear, NaiveDate) {
        let asked = given(&self.on).and_then(|on| on.parse::<NaiveDate>().ok());
        let year = self
            .fy
            .filter(|y| (2000..=2100).contains(y))
            .map(FiscalYear::new)
            .unwrap_or_else(|| FiscalYear::containing(asked.unwrap_or(today)));
        let on = asked
            .unwrap_or(today)
            .clamp(year.first_day(), year.last_day());
        (year, on)
    }

    pub fn filter(&self) -> PeopleFilter {
        let group_by = given(&self.by)
            .and_then(Dimension::from_code)
            .zip(given(&self.key).map(str::to_string));
        PeopleFilter {
            group_by,
            division: given(&self.division).map(str::to_string),
            module: given(&self.module).map(str::to_string),
            status: given(&self.status).and_then(ProgressStatus::from_code),
            late: given(&self.late) == Some("1"),
        }
    }

    pub fn sort(&self) -> (SortKey, bool) {
        (
            given(&self.sort)
                .and_then(SortKey::from_code)
                .unwrap_or_default(),
            given(&self.desc) == Some("1"),
        )
    }

    /// The query as an address's query string (without `?`), fields in a fixed order.
    pub fn to_query_string(&self) -> String {
        let fy = self.fy.map(|y| y.to_string());
        let page = self.page.filter(|p| *p > 1).map(|p| p.to_string());
        let fields = [
            ("fy", &fy),
            ("on", &self.on),
            ("by", &self.by),
            ("key", &self.key),
            ("division", &self.division),
            ("module", &self.module),
            ("status", &self.status),
            ("late", &self.late),
            ("sort", &self.sort),
            ("desc", &self.desc),
            ("page", &page),
        ];
        fields
            .iter()
            .filter_map(|(name, value)| given(value).map(|v| format!("{name}={}", encode(v))))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The same view of year and date, and nothing else.
    pub fn year_and_date(&self) -> ReportQuery {
        ReportQuery {
            fy: self.fy,
            on: self.on.clone(),
            ..ReportQuery::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_year_and_date_viewed_default_to_today_and_stay_within_the_year() {
        let today = date("2026-11-26");
        let query = ReportQuery::default();
        assert_eq!(query.viewing(today), (FiscalYear::new(2026), today));
        let last_year = ReportQuery {
            fy: Some(2025),
            ..ReportQuery::default()
        };
        assert_eq!(
            last_year.viewing(today),
            (FiscalYear::new(2025), date("2026-03-31"))
        );
        let on_a_date = ReportQuery {
            on: Some("2027-01-15".into()),
            ..ReportQuery::default()
        };
        assert_eq!(
            on_a_date.viewing(today),
            (FiscalYear::new(2026), date("2027-01-15"))
        );
        let next_year = ReportQuery {
            fy: Some(2027),
            on: Some("nonsense".into()),
            ..ReportQuery::default()
        };
        assert_eq!(
            next_year.viewing(today),
            (FiscalYear::new(2027), date("2027-04-01"))
        );
    }

    #[test]
    fn a_query_reads_its_filter_and_writes_itself_back() {
        let query = ReportQuery {
            fy: Some(2026),
            by: Some("divisions".into()),
            key: Some("総務課".into()),
            status: Some("overdue".into()),
            late: Some("1".into()),
            module: Some(String::new()),
            sort: Some("due".into()),
            desc: Some("1".into()),
            page: Some(2),
            ..ReportQuery::default()
        };
        let filter = query.filter();
        assert_eq!(
            filter.group_by,
            Some((Dimension::Division, "総務課".to_string()))
        );
        assert_eq!(filter.status, Some(ProgressStatus::Overdue));
        assert!(filter.late);
        assert_eq!(filter.module, None, "an empty field is no filter");
        assert_eq!(query.sort(), (SortKey::Due, true));
        assert_eq!(
            query.to_query_string(),
            "fy=2026&by=divisions&key=%E7%B7%8F%E5%8B%99%E8%AA%B2&status=overdue&late=1&sort=due&desc=1&page=2"
        );
        assert_eq!(query.year_and_date().to_query_string(), "fy=2026");
    }
}
