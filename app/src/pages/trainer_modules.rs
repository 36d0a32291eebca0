//! The trainer's list of modules, and the form that starts a new one.

use crate::{
    api::training::{CreateModule, training_modules},
    components::{
        data_table::DataTable, guard::RequirePermission, module_status::ModuleStatusText,
    },
    i18n::use_texts,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use mamori_domain::{Permission, training::ModuleSummary};

#[component]
pub fn TrainerModulesPage() -> impl IntoView {
    let t = use_texts();
    // Inside the routes, so that a failure without JavaScript shows its message.
    let create = ServerAction::<CreateModule>::new();
    let modules = Resource::new(|| (), |_| training_modules());
    // With JavaScript the new module's editor opens once it exists.
    Effect::new(move |_| {
        if let Some(Ok(editor)) = create.value().get() {
            leptos_router::hooks::use_navigate()(&editor, Default::default());
        }
    });
    let failed = move || {
        create.value().get().and_then(Result::err).map(
            |error| view! { <p class="error" role="alert" id="create-error">{t.error(&error)}</p> },
        )
    };
    view! {
        <Title text=t.training.modules_title />
        <RequirePermission permission=Permission::AuthorTraining page=move |_| {
            view! {
                <h1>{t.training.modules_title}</h1>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || modules.get().map(|result| match result {
                        Ok(list) if list.is_empty() => view! { <p class="empty-state">{t.training.no_modules}</p> }.into_any(),
                        Ok(list) => view! { <ModuleTable list /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
                <section aria-labelledby="new-module-heading">
                    <h2 id="new-module-heading">{t.training.new_module_heading}</h2>
                    <ActionForm action=create attr:class="stacked" attr:aria-describedby="create-error">
                        {failed}
                        <label for="module-title">{t.training.module_title_label}</label>
                        <input id="module-title" name="title" type="text" required />
                        <label for="module-slug">{t.training.slug_label}</label>
                        <input id="module-slug" name="slug" type="text" required pattern="[a-z0-9][a-z0-9\\-]*[a-z0-9]|[a-z0-9]" />
                        <label for="module-summary">{t.training.summary_label}</label>
                        <textarea id="module-summary" name="summary" rows="3"></textarea>
                        <label for="module-minutes">{t.training.minutes_label}</label>
                        <input id="module-minutes" name="estimated_minutes" type="number" min="1" max=mamori_domain::training::EstimatedMinutes::MAX value="10" required />
                        <button type="submit">{t.training.create_module_button}</button>
                    </ActionForm>
                </section>
            }
        } />
    }
}

#[component]
fn ModuleTable(list: Vec<ModuleSummary>) -> impl IntoView {
    let t = use_texts();
    let rows = list
        .into_iter()
        .map(|module| {
            let href = format!("/trainer/modules/{}", module.slug);
            let results = format!("/results/quizzes/{}", module.slug);
            let (title, slug) = (module.title.clone(), module.slug.clone());
            view! {
                <tr>
                    <td><A href=href>{title}</A></td>
                    <td><code>{slug}</code></td>
                    <td><ModuleStatusText module /></td>
                    <td><A href=results>{t.quiz.results_heading}</A></td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.training.module_title_label,
        t.training.slug_heading,
        t.status_label,
        t.quiz.results_heading,
    ];
    view! { <DataTable columns>{rows}</DataTable> }
}
