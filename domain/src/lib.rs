//! Mamori's domain: the values and rules of security training and the self-inspection,
//! free of any database or web framework so that they can be tested on their own and
//! shared with the browser build.

pub mod access;
pub mod audit;
pub mod business_calendar;
pub mod csv;
pub mod demo;
pub mod fiscal_year;
pub mod inspection;
pub mod login_throttle;
pub mod mail;
pub mod media;
pub mod password;
pub mod percent;
pub mod quiz;
pub mod refusal;
pub mod reminder;
pub mod report;
pub mod roles;
pub mod session;
pub mod staff;
pub mod staff_file;
pub mod training;
pub mod url;

pub use access::{Actor, Permission, ResultsScope};
pub use audit::AuditAction;
pub use fiscal_year::{Era, FiscalYear, agency_date, agency_time};
pub use password::{MIN_PASSWORD_CHARS, NewPassword, PasswordRefusal};
pub use refusal::Refusal;
pub use roles::{AppRole, InspectionGroup, SecurityRole};
pub use staff::{
    Change, EmailAddress, EmployeeId, Period, StaffDetail, StaffName, StaffPage, StaffSummary,
};
