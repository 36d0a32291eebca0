//! One module per page, named after what the user sees.

mod account;
mod admin_mail;
mod admin_staff;
mod audit_log;
mod certificate;
mod import_preview;
mod inspection;
mod learner_home;
mod login;
mod manager;
mod module_editor;
mod module_player;
mod not_found;
mod quiz;
mod quiz_results;
mod reports;
mod set_password;
mod staff_member;
mod staff_training;
mod trainer_modules;

pub use account::AccountPage;
pub use admin_mail::AdminMailPage;
pub use admin_staff::AdminStaffPage;
pub use audit_log::AuditLogPage;
pub use certificate::{CertificatePage, VerifyCertificatePage};
pub use import_preview::ImportPreviewPage;
pub use inspection::{
    InspectionAdminPage, InspectionCampaignPage, InspectionListPage, InspectionResultsPage,
    InspectionSheetPage,
};
pub use learner_home::LearnerHome;
pub use login::LoginPage;
pub use manager::ManagerPage;
pub use module_editor::ModuleEditorPage;
pub use module_player::ModulePlayerPage;
pub use not_found::NotFound;
pub use quiz::QuizPageView;
pub use quiz_results::QuizResultsPage;
pub use reports::{MaterialViewsPage, ReportPeoplePage, ReportsPage, TranscriptPage};
pub use set_password::SetPasswordPage;
pub use staff_member::StaffMemberPage;
pub use staff_training::StaffTrainingPage;
pub use trainer_modules::TrainerModulesPage;
