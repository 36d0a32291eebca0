//! A module's editor: its materials as learners will see them, a form to add a page, and the
//! publish and assign actions.

use crate::{
    api::training::{AddPage, AssignModule, PublishModule, assignable_divisions, edit_module},
    components::{guard::RequirePermission, module_status::ModuleStatusText},
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use mamori_domain::{
    Permission,
    training::{AssignmentTarget, DueRule, ModuleDraft},
};

/// What a trainer can do on the page; created inside the routes so that failures without
/// JavaScript (`?__err=…`) show their message.
#[derive(Clone, Copy)]
struct EditorActions {
    add_page: ServerAction<AddPage>,
    publish: ServerAction<PublishModule>,
    assign: ServerAction<AssignModule>,
}

#[component]
pub fn ModuleEditorPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <RequirePermission permission=Permission::AuthorTraining page=move |viewer| {
            let params = use_params_map();
            let actions = EditorActions {
                add_page: ServerAction::<AddPage>::new(),
                publish: ServerAction::<PublishModule>::new(),
                assign: ServerAction::<AssignModule>::new(),
            };
            let draft = Resource::new(
                move || (
                    params.with(|p| p.get("slug").unwrap_or_default()),
                    actions.add_page.version().get() + actions.publish.version().get() + actions.assign.version().get(),
                ),
                |(slug, _)| edit_module(slug),
            );
            let divisions = Resource::new(|| (), |_| assignable_divisions());
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || draft.get().map(|result| match result {
                        Ok(draft) => {
                            let divisions = divisions.get().and_then(Result::ok).unwrap_or_default();
                            view! { <Editor draft divisions today=viewer.today actions /> }.into_any()
                        }
                        Err(error) => view! {
                            <Title text=t.not_found />
                            <h1>{t.error(&error)}</h1>
                        }.into_any(),
                    })}
                </Suspense>
                <p><A href="/trainer">{t.back_to_modules}</A></p>
            }
        } />
    }
}

/// An action's outcome: "saved" or its error.
fn outcome<A>(
    action: ServerAction<A>,
    id: &'static str,
) -> impl Fn() -> Option<AnyView> + Send + Sync
where
    A: leptos::server_fn::ServerFn<Output = (), Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    let t = use_texts();
    move || {
        action.value().get().map(|result| match result {
            Ok(()) => view! { <p class="notice" role="status">{t.saved}</p> }.into_any(),
            Err(error) => {
                view! { <p class="error" role="alert" id=id>{t.error(&error)}</p> }.into_any()
            }
        })
    }
}

#[component]
fn Editor(
    draft: ModuleDraft,
    divisions: Vec<String>,
    today: chrono::NaiveDate,
    actions: EditorActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let slug = StoredValue::new(draft.module.slug.clone());
    let title = draft.module.title.clone();
    let published = draft.module.published_version > 0;
    let can_publish = draft.module.has_unpublished_changes && !draft.materials.is_empty();
    let materials = if draft.materials.is_empty() {
        view! { <p class="empty-state">{t.no_materials}</p> }.into_any()
    } else {
        let count = draft.materials.len();
        draft
            .materials
            .into_iter()
            .enumerate()
            .map(|(index, page)| {
                view! {
                    <article class="material-preview" aria-labelledby=format!("material-{}", page.id)>
                        <p class="hint">{(t.material_of)(index + 1, count)}" · "{(t.min_seconds_of)(page.min_active_seconds)}</p>
                        <h3 id=format!("material-{}", page.id)>{page.title}</h3>
                        <div class="material-body" inner_html=page.body_html></div>
                    </article>
                }
            })
            .collect_view()
            .into_any()
    };
    let assignments = if draft.assignments.is_empty() {
        view! { <p>{t.no_assignments}</p> }.into_any()
    } else {
        let rows = draft
            .assignments
            .into_iter()
            .map(|a| {
                let target = match a.target {
                    AssignmentTarget::Everyone => t.everyone.to_string(),
                    AssignmentTarget::Divisions(names) => names.join("、"),
                    AssignmentTarget::Roles(roles) => roles
                        .iter()
                        .map(|r| locale.security_role(*r))
                        .collect::<Vec<_>>()
                        .join("、"),
                };
                let due = match a.due {
                    DueRule::On(date) => locale.date(date),
                    DueRule::WithinDaysOfJoining { days, .. } => format!("+{days}"),
                };
                let year = locale.fiscal_year(mamori_domain::FiscalYear::new(a.fiscal_year));
                view! { <tr><td>{year}</td><td>{target}</td><td>{due}</td></tr> }
            })
            .collect_view();
        view! {
            <table>
                <thead><tr><th scope="col">{t.fiscal_year_label}</th><th scope="col">{t.target_label}</th><th scope="col">{t.due_label}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let division_options = divisions
        .into_iter()
        .map(|name| view! { <option value=name.clone()>{name.clone()}</option> })
        .collect_view();
    let default_due = (today + chrono::Duration::days(30)).to_string();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p>{t.status_label}": "<ModuleStatusText module=draft.module.clone() /></p>
        <p>{draft.module.summary.clone()}</p>

        <h2>{t.materials_heading}</h2>
        {materials}

        <section aria-labelledby="add-page-heading">
            <h2 id="add-page-heading">{t.add_page_heading}</h2>
            <ActionForm action=actions.add_page attr:class="stacked wide" attr:aria-describedby="add-page-error">
                {outcome(actions.add_page, "add-page-error")}
                <input type="hidden" name="slug" value=slug.get_value() />
                <label for="page-title">{t.page_title_label}</label>
                <input id="page-title" name="title" type="text" required />
                <label for="page-markdown">{t.markdown_label}</label>
                <textarea id="page-markdown" name="markdown" rows="10" required></textarea>
                <label for="page-seconds">{t.min_seconds_label}</label>
                <input id="page-seconds" name="min_active_seconds" type="number" min="0" value="30" required />
                <button type="submit">{t.add_page_button}</button>
            </ActionForm>
        </section>

        <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t.publish_heading}</h2>
            <p class="hint">{t.publish_hint}</p>
            <ActionForm action=actions.publish>
                {outcome(actions.publish, "publish-error")}
                <input type="hidden" name="slug" value=slug.get_value() />
                <button type="submit" disabled=!can_publish>{t.publish_button}</button>
            </ActionForm>
        </section>

        <section aria-labelledby="assign-heading">
            <h2 id="assign-heading">{t.assign_heading}</h2>
            {assignments}
            {if published {
                view! {
                    <ActionForm action=actions.assign attr:class="stacked" attr:aria-describedby="assign-error">
                        {outcome(actions.assign, "assign-error")}
                        <input type="hidden" name="slug" value=slug.get_value() />
                        <label for="assign-division">{t.assign_division_label}</label>
                        <select id="assign-division" name="division">
                            <option value="">{t.everyone}</option>
                            {division_options}
                        </select>
                        <label for="assign-due">{t.due_label}</label>
                        <input id="assign-due" name="due_on" type="date" value=default_due required />
                        <button type="submit">{t.assign_button}</button>
                    </ActionForm>
                }.into_any()
            } else {
                view! { <p class="hint">{t.assign_needs_publish}</p> }.into_any()
            }}
        </section>
    }
}
