//! How a module's quiz went, for trainers and managers: each pool question's correct rate
//! (which rule is misunderstood) and each person's attempts, on a page and as CSV.

use crate::{EmployeeId, fiscal_year::AGENCY_OFFSET_HOURS};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// A quiz's results among the people the viewer may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResults {
    pub module_title: String,
    pub pass_mark: u32,
    /// In pool order.
    pub questions: Vec<QuestionResult>,
    /// By employee ID, then attempt number.
    pub attempts: Vec<AttemptRow>,
}

/// How often a pool question was answered in submitted attempts, and how often fully right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub text: String,
    pub answered: usize,
    pub fully_right: usize,
}

impl QuestionResult {
    /// The share answered fully right in whole percent, rounded half up; `None` before anyone
    /// answered it.
    pub fn correct_rate(&self) -> Option<u32> {
        percent_half_up(self.fully_right, self.answered)
    }
}

/// One submitted attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRow {
    pub employee_id: EmployeeId,
    pub name: String,
    pub division: String,
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub score: super::Score,
    pub passed: bool,
}

impl QuizResults {
    /// People with at least one submitted attempt, and those among them who passed.
    pub fn people_tried_and_passed(&self) -> (usize, usize) {
        let mut tried: Vec<&str> = self
            .attempts
            .iter()
            .map(|a| a.employee_id.as_str())
            .collect();
        tried.dedup();
        let mut passed: Vec<&str> = self
            .attempts
            .iter()
            .filter(|a| a.passed)
            .map(|a| a.employee_id.as_str())
            .collect();
        passed.dedup();
        (tried.len(), passed.len())
    }
}

fn percent_half_up(part: usize, whole: usize) -> Option<u32> {
    (whole > 0).then(|| ((200 * part + whole) / (2 * whole)) as u32)
}

/// The questions as CSV (UTF-8 with a byte-order mark, for Excel).
pub fn questions_csv(questions: &[QuestionResult]) -> String {
    crate::csv::write(
        &[
            "number",
            "question",
            "answered",
            "fully_right",
            "correct_rate_percent",
        ],
        questions.iter().enumerate().map(|(i, q)| {
            [
                (i + 1).to_string(),
                q.text.clone(),
                q.answered.to_string(),
                q.fully_right.to_string(),
                q.correct_rate().map(|r| r.to_string()).unwrap_or_default(),
            ]
        }),
    )
}

/// The attempts as CSV, times in the agency's time zone.
pub fn attempts_csv(attempts: &[AttemptRow]) -> String {
    crate::csv::write(
        &[
            "employee_id",
            "name",
            "division",
            "attempt",
            "submitted_at",
            "score_percent",
            "passed",
        ],
        attempts.iter().map(|a| {
            let local = a.submitted_at + Duration::hours(AGENCY_OFFSET_HOURS);
            [
                a.employee_id.to_string(),
                a.name.clone(),
                a.division.clone(),
                a.number.to_string(),
                local.format("%Y-%m-%d %H:%M").to_string(),
                a.score.to_string(),
                if a.passed { "yes" } else { "no" }.to_string(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn question(answered: usize, fully_right: usize) -> QuestionResult {
        QuestionResult {
            text: "q".into(),
            answered,
            fully_right,
        }
    }

    #[test]
    fn correct_rates_round_half_up_and_wait_for_an_answer() {
        assert_eq!(question(0, 0).correct_rate(), None);
        assert_eq!(question(8, 1).correct_rate(), Some(13)); // 12.5
        assert_eq!(question(3, 1).correct_rate(), Some(33));
        assert_eq!(question(3, 2).correct_rate(), Some(67));
        assert_eq!(question(2, 2).correct_rate(), Some(100));
    }

    fn attempt(id: &str, number: i32, passed: bool) -> AttemptRow {
        AttemptRow {
            employee_id: EmployeeId::parse(id).unwrap(),
            name: "山田, 太郎".into(),
            division: "総務課".into(),
            number,
            submitted_at: Utc.with_ymd_and_hms(2026, 11, 26, 15, 5, 0).unwrap(),
            score: crate::quiz::Score::from_tenths_of_percent(if passed { 1000 } else { 400 }),
            passed,
        }
    }

    #[test]
    fn counts_people_not_attempts() {
        let results = QuizResults {
            module_title: "m".into(),
            pass_mark: 80,
            questions: vec![],
            attempts: vec![
                attempt("E1", 1, false),
                attempt("E1", 2, true),
                attempt("E2", 1, false),
            ],
        };
        assert_eq!(results.people_tried_and_passed(), (2, 1));
    }

    #[test]
    fn csv_has_a_bom_local_times_and_quoted_names() {
        let text = attempts_csv(&[attempt("E1", 2, true)]);
        assert!(text.starts_with('\u{feff}'));
        let rows = crate::csv::records(crate::csv::decode(text.as_bytes()).unwrap()).unwrap();
        assert_eq!(
            rows[1].fields,
            [
                "E1",
                "山田, 太郎",
                "総務課",
                "2",
                "2026-11-27 00:05",
                "100.0",
                "yes"
            ]
        );
        let text = questions_csv(&[question(8, 1), question(0, 0)]);
        let rows = crate::csv::records(crate::csv::decode(text.as_bytes()).unwrap()).unwrap();
        assert_eq!(rows[1].fields, ["1", "q", "8", "1", "13"]);
        assert_eq!(rows[2].fields[4], "");
    }
}
