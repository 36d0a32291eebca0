//! The tests' calendar: fiscal year 2026 (April 2026 to March 2027), days and hours in it fixed
//! so that a test means the same whatever day it runs (scripts/test also runs them at faked
//! moments).

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use mamori_domain::FiscalYear;

/// Hour `h` of day `d` of month `m` in 2026, Japan time.
pub fn jst(m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, m, d, h, 0, 0).unwrap() - Duration::hours(9)
}

/// Day `d` of month `m` in 2026.
pub fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// The fiscal year of the days above from April on.
pub fn year() -> FiscalYear {
    FiscalYear::new(2026)
}

/// Thursday 26 November 2026, 10:00 in Japan: when the training and quiz tests start.
pub fn start() -> DateTime<Utc> {
    jst(11, 26, 10)
}

/// The day of `start`.
pub fn today() -> NaiveDate {
    date(11, 26)
}
