//! Pieces shared by several pages.

pub mod guard;
pub mod layout;
pub mod module_status;
pub mod staff_table;
pub mod view_tracker;
