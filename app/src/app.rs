//! The document shell, the router and the state every page shares.

use crate::{
    api::session::{Logout, current_user, reload_on_success},
    components::{layout::Layout, viewer::ViewerResource},
    i18n::provide_locale,
    pages::{
        AccountRoute, AdminMailRoute, AdminStaffRoute, AuditLogRoute, CertificateRoute,
        ImportPreviewRoute, InspectionAdminRoute, InspectionCampaignRoute, InspectionListRoute,
        InspectionResultsRoute, InspectionSheetRoute, LearnerHome, LoginPage, ManagerRoute,
        MaterialViewsRoute, ModuleEditorRoute, ModulePlayerPage, NotFound, QuizResultsRoute,
        QuizRoute, ReportPeopleRoute, ReportsRoute, SetPasswordRoute, StaffMemberRoute,
        StaffTrainingRoute, TrainerModulesRoute, TranscriptRoute, VerifyCertificateRoute,
    },
    raw_text,
};
use leptos::prelude::*;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::{
    Lazy, SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The HTML document, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let locale = crate::i18n::Locale::current();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HydrationScripts options=options.clone() />
                <leptos_meta::HashedStylesheet options id="mamori" />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let locale = provide_locale();
    let logout = ServerAction::<Logout>::new();
    reload_on_success(logout);
    provide_context(logout);
    let viewer = Resource::new(|| (), |_| current_user());
    provide_context(ViewerResource(viewer));

    // Marks the page once the browser has taken it over; browser tests wait for it.
    Effect::new(|_| {
        #[cfg(feature = "hydrate")]
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <leptos_meta::Title formatter=move |page: String| raw_text::title(format!("{page} | {}", locale.texts().app_name)) />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/") view=LearnerHome ssr=SsrMode::Async />
                    <Route path=path!("/account") view={Lazy::<AccountRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/manager") view={Lazy::<ManagerRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/manager/staff/:employee_id") view={Lazy::<StaffTrainingRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/staff") view={Lazy::<AdminStaffRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/mail") view={Lazy::<AdminMailRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view={Lazy::<AuditLogRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/staff/import/:upload_id") view={Lazy::<ImportPreviewRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/staff/:employee_id") view={Lazy::<StaffMemberRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/set-password/:token") view={Lazy::<SetPasswordRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/modules/:slug") view=ModulePlayerPage ssr=SsrMode::Async />
                    <Route path=path!("/modules/:slug/certificate") view={Lazy::<CertificateRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/modules/:slug/quiz") view={Lazy::<QuizRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/certificates") view={Lazy::<VerifyCertificateRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/trainer") view={Lazy::<TrainerModulesRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/trainer/modules/:slug") view={Lazy::<ModuleEditorRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/results/quizzes/:slug") view={Lazy::<QuizResultsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports") view={Lazy::<ReportsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports/people") view={Lazy::<ReportPeopleRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports/materials/:slug") view={Lazy::<MaterialViewsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/reports/staff/:employee_id") view={Lazy::<TranscriptRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/inspection") view={Lazy::<InspectionListRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/inspection/:year") view={Lazy::<InspectionSheetRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/inspection/:year/results") view={Lazy::<InspectionResultsRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/inspection") view={Lazy::<InspectionAdminRoute>::new()} ssr=SsrMode::Async />
                    <Route path=path!("/admin/inspection/:year") view={Lazy::<InspectionCampaignRoute>::new()} ssr=SsrMode::Async />
                </Routes>
            </Layout>
        </Router>
    }
}
