//! Who opened each material of a module, who did not, and how long they spent on it.

use crate::EmployeeId;
use serde::{Deserialize, Serialize};

/// A module's materials as its learners met them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialReport {
    pub module_slug: String,
    pub module_title: String,
    pub fiscal_year: i32,
    /// Learners assigned the module (in the viewer's scope).
    pub learners: usize,
    /// By version, then position.
    pub materials: Vec<MaterialViews>,
}

/// One material of one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaterialViews {
    pub version: i32,
    pub position: i32,
    pub title: String,
    /// `page`, `document` or `video`.
    pub kind: String,
    /// The active seconds of each learner who opened it.
    pub active_seconds: Vec<i64>,
    /// How many learners taking this version (or not started, for the newest) never opened
    /// it.
    pub not_opened_count: usize,
    /// The first `NOT_OPENED_LISTED` of them, by employee ID.
    pub not_opened: Vec<Learner>,
}

/// How many of a material's non-openers a report names: all of them in an agency of a few
/// hundred, and a page that still loads in one of 100,000.
pub const NOT_OPENED_LISTED: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learner {
    pub employee_id: EmployeeId,
    pub name: String,
    pub division: String,
}

impl MaterialViews {
    pub fn opened(&self) -> usize {
        self.active_seconds.len()
    }

    /// Counts a learner who never opened it, naming the first `NOT_OPENED_LISTED`.
    pub fn add_not_opened(&mut self, learner: impl FnOnce() -> Learner) {
        if self.not_opened.len() < NOT_OPENED_LISTED {
            self.not_opened.push(learner());
        }
        self.not_opened_count += 1;
    }

    pub fn median_seconds(&self) -> Option<i64> {
        median(&self.active_seconds)
    }

    pub fn distribution(&self) -> [usize; TIME_BANDS.len()] {
        distribution(&self.active_seconds)
    }
}

/// The middle value (the mean of the two middle ones for an even count, rounded down).
pub fn median(values: &[i64]) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]).div_euclid(2)),
    }
}

/// Bands of active time, as lower bounds in seconds: under 1 minute, 1–3, 3–5, 5–10, 10 and
/// over.
pub const TIME_BANDS: [i64; 5] = [0, 60, 180, 300, 600];

/// How many values fall in each of `TIME_BANDS`.
pub fn distribution(values: &[i64]) -> [usize; TIME_BANDS.len()] {
    let mut counts = [0; TIME_BANDS.len()];
    for value in values {
        let band = TIME_BANDS.iter().rposition(|low| value >= low).unwrap_or(0);
        counts[band] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_takes_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[300]), Some(300));
        assert_eq!(median(&[600, 30, 90]), Some(90));
        assert_eq!(median(&[30, 90, 600, 61]), Some(75));
    }

    #[test]
    fn non_openers_are_all_counted_and_the_first_ones_named() {
        let mut views = MaterialViews {
            version: 1,
            position: 1,
            title: "t".into(),
            kind: "page".into(),
            active_seconds: vec![],
            not_opened_count: 0,
            not_opened: vec![],
        };
        for n in 0..NOT_OPENED_LISTED + 2 {
            views.add_not_opened(|| Learner {
                employee_id: EmployeeId::parse(&format!("E{n:04}")).unwrap(),
                name: "n".into(),
                division: "d".into(),
            });
        }
        assert_eq!(views.not_opened_count, NOT_OPENED_LISTED + 2);
        assert_eq!(views.not_opened.len(), NOT_OPENED_LISTED);
        assert_eq!(views.not_opened[0].employee_id.as_str(), "E0000");
    }

    #[test]
    fn active_times_fall_in_their_bands() {
        assert_eq!(
            distribution(&[0, 59, 60, 179, 180, 299, 300, 599, 600, 7200]),
            [2, 2, 2, 2, 2]
        );
        assert_eq!(distribution(&[]), [0; 5]);
    }
}
