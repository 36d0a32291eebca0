//! sea-orm entities, one module per table (see the migrations crate for the schema).

pub mod app_role_grant;
pub mod assignment;
pub mod audit_log;
pub mod division;
pub mod division_membership;
pub mod enrollment;
pub mod holiday;
pub mod inspection_campaign;
pub mod inspection_change;
pub mod inspection_item;
pub mod inspection_response;
pub mod mail_outbox;
pub mod managed_division;
pub mod material;
pub mod material_file;
pub mod material_view;
pub mod password_link;
pub mod question;
pub mod quiz;
pub mod quiz_attempt;
pub mod security_role_period;
pub mod session;
pub mod setting;
pub mod staff;
pub mod staff_upload;
pub mod training_module;
