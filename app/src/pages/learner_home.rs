//! A learner's home: an open self-inspection they have not submitted, their training for this
//! fiscal year, soonest due first, and the mail Mamori sent them.

use crate::{
    api::{mail::my_mail, training::my_home},
    components::{guard::RequirePermission, mail_list::MailList},
    i18n::use_locale,
    pages::inspection::PendingInspections,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use mamori_domain::{FiscalYear, Permission, training::LearnerModule};

#[component]
pub fn LearnerHome() -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let home = Resource::new(|| (), |_| my_home());
    let mail = Resource::new(|| (), |_| my_mail());
    view! {
        <Title text=t.training.my_training_title />
        <RequirePermission permission=Permission::TakeTraining page=move |viewer| {
            let year = FiscalYear::containing(viewer.today);
            view! {
                <h1>{t.training.my_training_title}</h1>
                <p class="greeting">{(t.training.greeting)(&viewer.actor.name)}</p>
                <p>{t.training.current_fiscal_year}": "<strong class="fiscal-year">{locale.fiscal_year(year)}</strong></p>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || home.get().map(|result| match result {
                        Ok(home) => view! {
                            <PendingInspections campaigns=home.campaigns />
                            <ModuleCards modules=home.modules />
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
                <details class="panel">
                    <summary>{t.training.my_mail_heading}</summary>
                    <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                        {move || mail.get().map(|result| match result {
                            Ok(mail) => view! { <MailList mail caption=t.training.my_mail_heading.to_string() /> }.into_any(),
                            Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                        })}
                    </Suspense>
                </details>
            }
        } />
    }
}

#[component]
fn ModuleCards(modules: Vec<LearnerModule>) -> impl IntoView {
    let t = use_locale().texts();
    if modules.is_empty() {
        return view! { <p class="empty-state">{t.training.no_training_yet}</p> }.into_any();
    }
    view! {
        <ul class="module-cards">
            {modules.into_iter().map(|module| view! { <ModuleCard module /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn ModuleCard(module: LearnerModule) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let progress_id = format!("progress-{}", module.slug);
    let status_class = format!("status status-{:?}", module.status).to_lowercase();
    view! {
        <li class="module-card">
            <h2><A href=format!("/modules/{}", module.slug)>{module.title}</A></h2>
            <p>{module.summary}</p>
            <p>
                <span class=status_class>{locale.progress_status(module.status)}</span>
                " · "{(t.training.due_on)(&locale.date(module.due))}
                " · "{(t.training.about_minutes)(module.estimated_minutes)}
            </p>
            <label for=progress_id.clone()>{(t.training.materials_viewed)(module.viewed, module.materials)}</label>
            <progress id=progress_id max=module.materials value=module.viewed></progress>
        </li>
    }
}
