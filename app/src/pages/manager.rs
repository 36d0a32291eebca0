//! A manager's page: the staff of the divisions they manage.

use crate::{
    api::directory::managed_staff,
    components::{guard::RequirePermission, staff_table::StaffTable},
    i18n::use_texts,
};
use leptos::prelude::*;
use leptos_meta::Title;
use mamori_domain::Permission;

#[component]
pub fn ManagerPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <Title text=t.my_divisions_title />
        <RequirePermission permission=Permission::ViewManagedDivisions page=move |_| {
            let staff = Resource::new(|| (), |_| managed_staff());
            view! {
                <h1>{t.my_divisions_title}</h1>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || staff.get().map(|result| match result {
                        Ok(found) => {
                            let caption = format!("{}: {}（{}）", t.managed_divisions, found.divisions.join("、"), (t.staff_count)(found.staff.len()));
                            view! { <StaffTable caption staff=found.staff /> }.into_any()
                        }
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
            }
        } />
    }
}
