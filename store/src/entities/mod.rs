//! sea-orm entities, one module per table (see the migrations crate for the schema).

pub mod app_role_grant;
pub mod audit_log;
pub mod division;
pub mod division_membership;
pub mod managed_division;
pub mod security_role_period;
pub mod session;
pub mod setting;
pub mod staff;
