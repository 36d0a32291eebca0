//! Fiscal years (年度, 1 April – 31 March) and the Japanese era names used to show them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A fiscal year, named in code by the Gregorian year in which it starts:
/// `FiscalYear(2011)` runs from 2011-04-01 to 2012-03-31 (平成23年度).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FiscalYear(i32);

impl FiscalYear {
    pub fn new(start_year: i32) -> Self {
        Self(start_year)
    }

    /// The fiscal year a date falls in.
    pub fn containing(date: NaiveDate) -> Self {
        if date.month() >= 4 {
            Self(date.year())
        } else {
            Self(date.year() - 1)
        }
    }

    /// Whether `date` falls in this fiscal year.
    pub fn contains(self, date: NaiveDate) -> bool {
        Self::containing(date) == self
    }

    pub fn start_year(self) -> i32 {
        self.0
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 4, 1).expect("1 April exists")
    }

    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 3, 31).expect("31 March exists")
    }

    /// The era a fiscal year is named by. Government usage names a fiscal year by the era in
    /// force for most of it, so FY2019 (April 2019, still 平成31年) is 令和元年度.
    pub fn era(self) -> (Era, i32) {
        Era::of_year(self.0)
    }

    /// `平成23年度`, `令和元年度`.
    pub fn japanese_label(self) -> String {
        let (era, year) = self.era();
        format!("{}{}年度", era.japanese_name(), era_year_label(year))
    }

    /// `FY2011 (Heisei 23)`.
    pub fn english_label(self) -> String {
        let (era, year) = self.era();
        format!("FY{} ({} {})", self.0, era.english_name(), year)
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The modern Japanese eras (元号) Mamori needs to show dates since the Shōwa era.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    const ALL_NEWEST_FIRST: [(Era, i32, u32, u32); 3] = [
        (Era::Reiwa, 2019, 5, 1),
        (Era::Heisei, 1989, 1, 8),
        (Era::Showa, 1926, 12, 25),
    ];

    fn first_day(self) -> NaiveDate {
        let (_, y, m, d) = Self::ALL_NEWEST_FIRST
            .into_iter()
            .find(|(era, ..)| *era == self)
            .expect("every era is listed");
        NaiveDate::from_ymd_opt(y, m, d).expect("era start dates are valid")
    }

    /// The era in force on a date, and the year of that era (1 = 元年).
    pub fn of_date(date: NaiveDate) -> (Era, i32) {
        let era = Self::ALL_NEWEST_FIRST
            .into_iter()
            .map(|(era, ..)| era)
            .find(|era| date >= era.first_day())
            .unwrap_or(Era::Showa);
        (era, date.year() - era.first_day().year() + 1)
    }

    /// The era that names a whole Gregorian year (or fiscal year starting in it).
    fn of_year(year: i32) -> (Era, i32) {
        let era = Self::ALL_NEWEST_FIRST
            .into_iter()
            .map(|(era, ..)| era)
            .find(|era| year >= era.first_day().year())
            .unwrap_or(Era::Showa);
        (era, year - era.first_day().year() + 1)
    }

    pub fn japanese_name(self) -> &'static str {
        match self {
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            Era::Showa => "Shōwa",
            Era::Heisei => "Heisei",
            Era::Reiwa => "Reiwa",
        }
    }
}

fn era_year_label(year: i32) -> String {
    if year == 1 {
        "元".to_string()
    } else {
        year.to_string()
    }
}

/// A date in Japanese form: `令和8年12月1日`.
pub fn japanese_date(date: NaiveDate) -> String {
    let (era, year) = Era::of_date(date);
    format!(
        "{}{}年{}月{}日",
        era.japanese_name(),
        era_year_label(year),
        date.month(),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn fiscal_year_starts_on_the_first_of_april() {
        assert_eq!(FiscalYear::containing(date(2012, 3, 31)), FiscalYear(2011));
        assert_eq!(FiscalYear::containing(date(2011, 4, 1)), FiscalYear(2011));
        assert_eq!(FiscalYear::containing(date(2011, 3, 31)), FiscalYear(2010));
        assert!(FiscalYear(2011).contains(date(2011, 4, 1)));
        assert!(FiscalYear(2011).contains(date(2012, 3, 31)));
        assert!(!FiscalYear(2011).contains(date(2012, 4, 1)));
        assert!(!FiscalYear(2011).contains(date(2011, 3, 31)));
        assert_eq!(FiscalYear(2011).first_day(), date(2011, 4, 1));
        assert_eq!(FiscalYear(2011).last_day(), date(2012, 3, 31));
    }

    #[test]
    fn fiscal_years_are_named_with_their_era() {
        let cases = [
            (2011, "平成23年度"),
            (1989, "平成元年度"),
            (1988, "昭和63年度"),
            (2018, "平成30年度"),
            (2019, "令和元年度"),
            (2026, "令和8年度"),
        ];
        for (year, label) in cases {
            assert_eq!(FiscalYear(year).japanese_label(), label, "FY{year}");
        }
        assert_eq!(FiscalYear(2011).english_label(), "FY2011 (Heisei 23)");
    }

    #[test]
    fn dates_use_the_era_in_force_that_day() {
        assert_eq!(japanese_date(date(2026, 12, 1)), "令和8年12月1日");
        assert_eq!(japanese_date(date(2019, 4, 30)), "平成31年4月30日");
        assert_eq!(japanese_date(date(2019, 5, 1)), "令和元年5月1日");
        assert_eq!(japanese_date(date(1989, 1, 7)), "昭和64年1月7日");
        assert_eq!(japanese_date(date(1989, 1, 8)), "平成元年1月8日");
    }
}

/// Japan Standard Time is UTC+9 all year.
pub const AGENCY_OFFSET_HOURS: i64 = 9;

/// Today's date at the agency (Japan Standard Time, UTC+9, no daylight saving), whatever the
/// server's time zone: due dates and active periods are agency dates.
pub fn agency_date(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    agency_time(now).date()
}

/// A moment as the agency's clocks show it (Japan Standard Time).
pub fn agency_time(at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    (at + chrono::Duration::hours(AGENCY_OFFSET_HOURS)).naive_utc()
}

#[cfg(test)]
mod agency_date_tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_agency_day_starts_at_midnight_in_japan() {
        let before = chrono::Utc
            .with_ymd_and_hms(2026, 3, 31, 14, 59, 0)
            .unwrap();
        let after = chrono::Utc.with_ymd_and_hms(2026, 3, 31, 15, 0, 0).unwrap();
        assert_eq!(
            agency_date(before),
            NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()
        );
        assert_eq!(
            agency_date(after),
            NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
        );
        assert_eq!(
            FiscalYear::containing(agency_date(after)),
            FiscalYear::new(2026)
        );
    }
}
