//! sea-orm entities, one module per table (see the migrations crate for the schema).

pub mod app_role_grant;
pub mod division;
pub mod managed_division;
pub mod session;
pub mod setting;
pub mod staff;
pub mod staff_security_role;
