//! Pieces shared by several pages.

pub mod guard;
pub mod layout;
pub mod staff_table;
