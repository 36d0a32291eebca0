//! One person's training across fiscal years: each assigned module's version, due date,
//! standing, completion, certificate and quiz attempts.

use crate::{EmployeeId, training::ProgressStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transcript {
    pub employee_id: EmployeeId,
    pub name: String,
    pub division: String,
    /// Newest fiscal year first, then by due date.
    pub modules: Vec<TranscriptModule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranscriptModule {
    pub fiscal_year: i32,
    pub module_slug: String,
    pub module_title: String,
    /// The version they took; `None` before they opened it.
    pub version: Option<i32>,
    pub due: NaiveDate,
    pub status: ProgressStatus,
    pub started_at: Option<DateTime<Utc>>,
    pub completed_at: Option<DateTime<Utc>>,
    pub certificate_code: Option<String>,
    pub attempts: Vec<TranscriptAttempt>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranscriptAttempt {
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub score: crate::quiz::Score,
    pub passed: bool,
}
