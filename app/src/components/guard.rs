//! Shows a page only to people with a permission. The server functions check again on every
//! call: this only spares people a page they cannot use.
//!
//! Pages create their resources and actions in their own component, before this guard, and
//! only read them in `page`: the guard's Suspense re-runs `page` on the server until it
//! settles, and a resource created there would be fetched again on each run.

use crate::{api::session::Viewer, components::viewer::ViewerResource, i18n::use_texts};
use leptos::prelude::*;
use leptos_router::{components::Redirect, hooks::use_location};
use mamori_domain::Permission;

#[component]
pub fn RequirePermission<F, V>(permission: Permission, page: F) -> impl IntoView
where
    F: Fn(Viewer) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let t = use_texts();
    let viewer = expect_context::<ViewerResource>().0;
    // Back to this page once logged in (a session that ended while the page was open).
    let location = use_location();
    let login = move || {
        let (path, query) = (
            location.pathname.get_untracked(),
            location.search.get_untracked(),
        );
        let here = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        mamori_domain::url::login_returning_to(&here)
    };
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || {
                viewer.get().map(|result| match result {
                    Ok(Some(viewer)) if viewer.actor.can(permission) => page(viewer).into_any(),
                    Ok(Some(_)) => view! {
                        <h1>{t.forbidden}</h1>
                    }.into_any(),
                    Ok(None) => view! { <Redirect path=login() /> }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                })
            }}
        </Suspense>
    }
}
