//! The agency's business days and hours: mail goes out on weekdays that are not Japanese
//! public holidays or the year-end closure, between 09:00 and 18:00 Japan time. The holiday
//! list is data (`holidays.csv` is the default an admin may replace), not code.

use crate::csv::{FileProblem, LineError, decode, records};
use crate::fiscal_year::{AGENCY_OFFSET_HOURS, FiscalYear};
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Japanese public holidays and the government's year-end closure (29 December to
/// 3 January), from 2025 to March 2028 (fiscal year 2027), as `date,name`.
pub const DEFAULT_HOLIDAYS: &str = include_str!("holidays.csv");

/// The fiscal year whose last day the default list reaches.
const DEFAULT_HOLIDAYS_LAST_YEAR: i32 = 2027;

/// When the default list is in force (`imported` is false) and does not reach a year past
/// `today`, the last day it covers: after it, holidays and the year-end closure are unknown,
/// so business days would be guessed from weekends alone. `None` when there is nothing to warn
/// of: an imported list is the admins' own, and they know what it covers.
pub fn default_holidays_running_out(imported: bool, today: NaiveDate) -> Option<NaiveDate> {
    let last_day = FiscalYear::new(DEFAULT_HOLIDAYS_LAST_YEAR).last_day();
    let a_year_on = today.checked_add_months(Months::new(12))?;
    (!imported && last_day < a_year_on).then_some(last_day)
}

/// The first and last hour (agency time) in which mail may go out.
pub const SENDING_HOURS: (u32, u32) = (9, 18);

/// A day the agency is closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: String,
}

/// Why a line of a holiday file is refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum HolidayProblem {
    #[error("the header must be date,name")]
    BadHeader,
    #[error("a line needs a date and a name")]
    NotDateAndName,
    #[error("{date} is listed twice")]
    ListedTwice { date: NaiveDate },
    #[error("{value:?} is not a date in the form YYYY-MM-DD")]
    BadDate { value: String },
}

/// Reads a holiday file: a `date,name` header, then one day per line (YYYY-MM-DD). All or
/// nothing, every bad line reported.
pub fn parse_holidays(bytes: &[u8]) -> Result<Vec<Holiday>, Vec<LineError>> {
    let text = decode(bytes).map_err(|e| vec![e])?;
    let rows = records(text).map_err(|e| vec![e])?;
    let mut errors = Vec::new();
    let mut holidays: Vec<Holiday> = Vec::new();
    let mut rows = rows.into_iter();
    match rows.next() {
        Some(header) if header.fields == ["date", "name"] => {}
        Some(header) => errors.push(LineError::new(header.line, HolidayProblem::BadHeader)),
        None => errors.push(LineError::new(
            1,
            FileProblem::Empty {
                expected: "date,name".into(),
            },
        )),
    }
    for row in rows {
        let [date, name] = row.fields.as_slice() else {
            errors.push(LineError::new(row.line, HolidayProblem::NotDateAndName));
            continue;
        };
        match NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
            Ok(date) if holidays.iter().any(|h| h.date == date) => {
                errors.push(LineError::new(
                    row.line,
                    HolidayProblem::ListedTwice { date },
                ));
            }
            Ok(date) => holidays.push(Holiday {
                date,
                name: name.trim().to_string(),
            }),
            Err(_) => errors.push(LineError::new(
                row.line,
                HolidayProblem::BadDate {
                    value: date.clone(),
                },
            )),
        }
    }
    if errors.is_empty() {
        holidays.sort_by_key(|h| h.date);
        Ok(holidays)
    } else {
        Err(errors)
    }
}

/// Writes holidays in the form `parse_holidays` reads.
pub fn write_holidays(holidays: &[Holiday]) -> String {
    crate::csv::write(
        &["date", "name"],
        holidays
            .iter()
            .map(|h| [h.date.to_string(), h.name.clone()]),
    )
}

/// Which days and hours mail may go out.
#[derive(Debug, Clone, Default)]
pub struct BusinessCalendar {
    holidays: BTreeSet<NaiveDate>,
}

impl BusinessCalendar {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            holidays: holidays.into_iter().collect(),
        }
    }

    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.holidays.contains(&date)
    }

    /// `date` if it is a business day, else the next one (a due date nobody can meet on a
    /// holiday moves to the day the office opens).
    pub fn business_day_on_or_after(&self, date: NaiveDate) -> NaiveDate {
        date.iter_days()
            .find(|day| self.is_business_day(*day))
            .unwrap_or(date)
    }

    /// Whether mail may go out at `now`: a business day, within the sending hours.
    pub fn is_sending_time(&self, now: DateTime<Utc>) -> bool {
        let local = (now + Duration::hours(AGENCY_OFFSET_HOURS)).naive_utc();
        let (first, last) = SENDING_HOURS;
        self.is_business_day(local.date()) && (first..last).contains(&local.hour())
    }

    /// The next moment mail may go out: `now` itself within the sending hours, else the next
    /// business morning at 09:00.
    pub fn next_sending_time(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        if self.is_sending_time(now) {
            return now;
        }
        let local = (now + Duration::hours(AGENCY_OFFSET_HOURS)).naive_utc();
        let mut day = local.date();
        let opening = NaiveTime::from_hms_opt(SENDING_HOURS.0, 0, 0).expect("a time");
        if local.time() >= opening || !self.is_business_day(day) {
            day = day.succ_opt().expect("a later date");
        }
        while !self.is_business_day(day) {
            day = day.succ_opt().expect("a later date");
        }
        day.and_time(opening).and_utc() - Duration::hours(AGENCY_OFFSET_HOURS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A time given in Japan time.
    fn jst(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap() - Duration::hours(9)
    }

    fn calendar() -> BusinessCalendar {
        BusinessCalendar::new(
            parse_holidays(DEFAULT_HOLIDAYS.as_bytes())
                .unwrap()
                .into_iter()
                .map(|h| h.date),
        )
    }

    #[test]
    fn the_default_list_reads_and_holds_the_known_days() {
        let holidays = parse_holidays(DEFAULT_HOLIDAYS.as_bytes()).unwrap();
        let on = |d: NaiveDate| {
            holidays
                .iter()
                .find(|h| h.date == d)
                .map(|h| h.name.as_str())
        };
        assert_eq!(on(date(2026, 11, 23)), Some("勤労感謝の日"));
        assert_eq!(on(date(2026, 9, 22)), Some("休日"));
        assert_eq!(
            on(date(2027, 3, 22)),
            Some("休日"),
            "振替休日 for 春分の日 on a Sunday"
        );
        assert_eq!(on(date(2026, 12, 29)), Some("年末年始の休日"));
        assert_eq!(on(date(2026, 11, 24)), None);
        assert_eq!(
            parse_holidays(write_holidays(&holidays).as_bytes()).unwrap(),
            holidays
        );
    }

    #[test]
    fn the_default_list_warns_a_year_before_it_ends_unless_a_list_was_imported() {
        let last_day = date(2028, 3, 31);
        let listed = parse_holidays(DEFAULT_HOLIDAYS.as_bytes()).unwrap();
        assert!(
            listed.last().unwrap().date <= last_day
                && listed.iter().any(|h| h.date == date(2028, 3, 20)),
            "the list reaches the end of fiscal year 2027"
        );
        assert_eq!(default_holidays_running_out(false, date(2026, 12, 1)), None);
        assert_eq!(default_holidays_running_out(false, date(2027, 3, 31)), None);
        assert_eq!(
            default_holidays_running_out(false, date(2027, 4, 1)),
            Some(last_day)
        );
        assert_eq!(
            default_holidays_running_out(false, date(2028, 4, 3)),
            Some(last_day),
            "and after it has ended"
        );
        assert_eq!(default_holidays_running_out(true, date(2028, 4, 3)), None);
    }

    #[test]
    fn bad_lines_are_reported_and_nothing_is_read() {
        let errors =
            parse_holidays("date,name\n2026-13-01,x\n2026-11-23,a\n2026-11-23,b\n".as_bytes())
                .unwrap_err();
        assert_eq!(
            errors,
            [
                LineError::new(
                    2,
                    HolidayProblem::BadDate {
                        value: "2026-13-01".into()
                    }
                ),
                LineError::new(
                    4,
                    HolidayProblem::ListedTwice {
                        date: date(2026, 11, 23)
                    }
                ),
            ]
        );
        assert_eq!(
            parse_holidays(b"day,name\n").unwrap_err(),
            [LineError::new(1, HolidayProblem::BadHeader)]
        );
    }

    #[test]
    fn mail_goes_out_on_business_days_in_business_hours() {
        let calendar = calendar();
        assert!(
            calendar.is_sending_time(jst(2026, 11, 26, 9, 0)),
            "a Thursday morning"
        );
        assert!(calendar.is_sending_time(jst(2026, 11, 26, 17, 59)));
        assert!(
            !calendar.is_sending_time(jst(2026, 11, 26, 18, 0)),
            "evening"
        );
        assert!(!calendar.is_sending_time(jst(2026, 11, 26, 8, 59)), "early");
        assert!(
            !calendar.is_sending_time(jst(2026, 11, 28, 10, 0)),
            "Saturday"
        );
        assert!(
            !calendar.is_sending_time(jst(2026, 11, 23, 10, 0)),
            "勤労感謝の日"
        );
    }

    #[test]
    fn mail_that_cannot_go_now_waits_for_the_next_business_morning() {
        let calendar = calendar();
        let now = jst(2026, 11, 26, 10, 30);
        assert_eq!(calendar.next_sending_time(now), now);
        assert_eq!(
            calendar.next_sending_time(jst(2026, 11, 26, 7, 0)),
            jst(2026, 11, 26, 9, 0)
        );
        // Friday evening: Monday morning.
        assert_eq!(
            calendar.next_sending_time(jst(2026, 11, 27, 19, 0)),
            jst(2026, 11, 30, 9, 0)
        );
        // Saturday 21 November: Sunday, then 勤労感謝の日 on Monday, so Tuesday.
        assert_eq!(
            calendar.next_sending_time(jst(2026, 11, 21, 12, 0)),
            jst(2026, 11, 24, 9, 0)
        );
        // The year-end closure and 元日: 4 January 2027, a Monday.
        assert_eq!(
            calendar.next_sending_time(jst(2026, 12, 28, 18, 30)),
            jst(2027, 1, 4, 9, 0)
        );
    }
}
