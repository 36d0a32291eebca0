//! A learner's home: their training for this fiscal year.

use crate::{components::guard::RequirePermission, i18n::use_locale};
use leptos::prelude::*;
use leptos_meta::Title;
use mamori_domain::{FiscalYear, Permission};

#[component]
pub fn LearnerHome() -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    view! {
        <Title text=t.my_training_title />
        <RequirePermission permission=Permission::TakeTraining page=move |viewer| {
            let year = FiscalYear::containing(viewer.today);
            view! {
                <h1>{t.my_training_title}</h1>
                <p class="greeting">{(t.greeting)(&viewer.actor.name)}</p>
                <p>{t.current_fiscal_year}": "<strong class="fiscal-year">{locale.fiscal_year(year)}</strong></p>
                <p class="empty-state">{t.no_training_yet}</p>
            }
        } />
    }
}
