//! One module per page, named after what the user sees.

mod admin_staff;
mod learner_home;
mod login;
mod manager;
mod not_found;
mod staff_member;

pub use admin_staff::AdminStaffPage;
pub use learner_home::LearnerHome;
pub use login::LoginPage;
pub use manager::ManagerPage;
pub use not_found::NotFound;
pub use staff_member::StaffMemberPage;
