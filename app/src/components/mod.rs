//! Pieces shared by several pages.

pub mod action_outcome;
pub mod charts;
pub mod confirm;
pub mod data_table;
pub mod guard;
pub mod layout;
pub mod loaded;
pub mod mail_list;
pub mod material_content;
pub mod module_status;
pub mod policy_fields;
pub mod staff_table;
pub mod tabs;
pub mod upload_form;
pub mod view_tracker;
pub mod viewer;
