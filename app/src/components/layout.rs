//! The frame around every page: skip link, header with the navigation the person's roles
//! allow, the language switch and logout.

use crate::{
    api::session::Logout,
    components::viewer::ViewerResource,
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};
use mamori_domain::Permission;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let t = use_texts();
    let viewer = expect_context::<ViewerResource>().0;
    let logout = expect_context::<ServerAction<Logout>>();

    let navigation = move || {
        viewer.get().and_then(|r| r.ok()).flatten().map(|viewer| {
            let actor = viewer.actor;
            let manager = actor.can(Permission::ViewManagedDivisions);
            let admin = actor.can(Permission::AdministerStaff);
            let trainer = actor.can(Permission::AuthorTraining);
            let results = actor.can(Permission::ViewTrainingResults);
            view! {
                <nav aria-label=t.main_menu class="main-menu">
                    <ul>
                        <li><A href="/">{t.nav_my_training}</A></li>
                        <li><A href="/inspection">{t.inspection.nav}</A></li>
                        {manager.then(|| view! { <li><A href="/manager">{t.nav_my_divisions}</A></li> })}
                        {trainer.then(|| view! { <li><A href="/trainer">{t.nav_authoring}</A></li> })}
                        {results.then(|| view! { <li><A href="/reports">{t.nav_reports}</A></li> })}
                        {admin.then(|| view! { <li><A href="/admin/staff">{t.nav_staff_directory}</A></li> })}
                        {admin.then(|| view! { <li><A href="/admin/mail">{t.nav_mail}</A></li> })}
                        {admin.then(|| view! { <li><A href="/admin/inspection">{t.inspection.nav_admin}</A></li> })}
                        {admin.then(|| view! { <li><A href="/admin/audit">{t.directory.audit_nav}</A></li> })}
                    </ul>
                </nav>
                <div class="account">
                    <span class="signed-in">{t.signed_in_as}" "<A href="/account"><strong>{actor.name}</strong></A></span>
                    <ActionForm action=logout attr:class="inline">
                        <button type="submit" class="secondary">{t.log_out}</button>
                    </ActionForm>
                </div>
            }
        })
    };

    view! {
        <a class="skip-link" href="#main">{t.skip_to_content}</a>
        <header class="site-header">
            <a class="brand" href="/">{t.app_name}</a>
            <Transition fallback=|| ()>{navigation}</Transition>
            <LanguageSwitch />
        </header>
        <main id="main" tabindex="-1">{children()}</main>
    }
}

/// A plain form, so that switching language works without JavaScript and reloads the page in
/// the other language; the server remembers the choice in a cookie.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let other = locale.other();
    let location = use_location();
    let back = move || {
        format!(
            "{}{}",
            location.pathname.get(),
            location
                .search
                .get()
                .split_once('?')
                .map_or(String::new(), |(_, q)| format!("?{q}"))
        )
    };
    view! {
        <form method="post" action="/language" class="inline language-switch">
            <input type="hidden" name="lang" value=other.code() />
            <input type="hidden" name="back" value=back />
            <button type="submit" class="secondary" lang=other.code()>
                {locale.texts().switch_language}
            </button>
        </form>
    }
}
