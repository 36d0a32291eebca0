//! One module per page, named after what the user sees. The pages of a learner's first visit
//! (login, home, a module) and the not-found page are in the main browser bundle; every other
//! page is loaded when first visited (`lazy_pages!`): a learner never downloads the trainers',
//! managers' and admins' pages, and downloads a quiz, a certificate, the self-inspection or
//! the account page only on opening one.

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

pub use learner_home::LearnerHome;
pub use login::LoginPage;
pub use module_player::ModulePlayerPage;
pub use not_found::NotFound;

use leptos::prelude::{AnyView, IntoAny};

/// A route for each page that is loaded when first visited: on the server it renders as any
/// page; in the browser its code is a separate piece of the bundle (cargo leptos `--split`),
/// fetched while the page's data loads.
macro_rules! lazy_pages {
    ($($route:ident => $page:path),* $(,)?) => {$(
        #[doc = concat!("`", stringify!($page), "`, loaded when first visited.")]
        pub struct $route;

        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }

            fn view(_this: Self) -> AnyView {
                $page().into_any()
            }
        }
    )*};
}

lazy_pages! {
    AccountRoute => account::AccountPage,
    SetPasswordRoute => set_password::SetPasswordPage,
    CertificateRoute => certificate::CertificatePage,
    QuizRoute => quiz::QuizPageView,
    InspectionListRoute => inspection::InspectionListPage,
    InspectionSheetRoute => inspection::InspectionSheetPage,
    ManagerRoute => manager::ManagerPage,
    StaffTrainingRoute => staff_training::StaffTrainingPage,
    AdminStaffRoute => admin_staff::AdminStaffPage,
    AdminMailRoute => admin_mail::AdminMailPage,
    AuditLogRoute => audit_log::AuditLogPage,
    ImportPreviewRoute => import_preview::ImportPreviewPage,
    StaffMemberRoute => staff_member::StaffMemberPage,
    VerifyCertificateRoute => certificate::VerifyCertificatePage,
    TrainerModulesRoute => trainer_modules::TrainerModulesPage,
    ModuleEditorRoute => module_editor::ModuleEditorPage,
    QuizResultsRoute => quiz_results::QuizResultsPage,
    ReportsRoute => reports::ReportsPage,
    ReportPeopleRoute => reports::ReportPeoplePage,
    MaterialViewsRoute => reports::MaterialViewsPage,
    TranscriptRoute => reports::TranscriptPage,
    InspectionResultsRoute => inspection::InspectionResultsPage,
    InspectionAdminRoute => inspection::InspectionAdminPage,
    InspectionCampaignRoute => inspection::InspectionCampaignPage,
}
