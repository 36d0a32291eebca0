//! A manager's page: the staff of the divisions they manage, and their training, person by
//! module.

use crate::{
    api::{directory::managed_staff, training::division_training},
    components::{data_table::DataTable, guard::RequirePermission, staff_table::StaffTable},
    i18n::use_locale,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use mamori_domain::{Permission, training::TrainingGrid};

#[component]
pub fn ManagerPage() -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let staff = Resource::new(|| (), |_| managed_staff());
    let grid = Resource::new(|| (), |_| division_training());
    view! {
        <Title text=t.reports.my_divisions_title />
        <RequirePermission permission=Permission::ViewManagedDivisions page=move |_| {
            view! {
                <h1>{t.reports.my_divisions_title}</h1>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || grid.get().map(|result| match result {
                        Ok(grid) => view! { <Grid grid /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || staff.get().map(|result| match result {
                        Ok(found) => {
                            let caption = format!("{}: {}{}", t.reports.managed_divisions, found.divisions.join(locale.list_separator()), locale.bracketed(&(t.reports.staff_count)(found.staff.len())));
                            view! { <StaffTable caption staff=found.staff /> }.into_any()
                        }
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
            }
        } />
    }
}

#[component]
fn Grid(grid: TrainingGrid) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let results = grid
        .modules
        .iter()
        .map(|(slug, title)| {
            let (href, title) = (format!("/results/quizzes/{slug}"), title.clone());
            view! { <li><A href=href>{title}</A></li> }
        })
        .collect_view();
    let columns = [t.employee_id, t.name]
        .map(String::from)
        .into_iter()
        .chain(grid.modules.into_iter().map(|(_, title)| title));
    let rows = grid
        .rows
        .into_iter()
        .map(|row| {
            let cells = row
                .statuses
                .into_iter()
                .map(|status| match status {
                    Some(status) => {
                        let class = format!("status status-{status:?}").to_lowercase();
                        view! { <td class=class>{locale.progress_status(status)}</td> }.into_any()
                    }
                    None => view! { <td class="hint">{t.reports.not_assigned}</td> }.into_any(),
                })
                .collect_view();
            let href = format!("/manager/staff/{}", row.employee_id);
            view! {
                <tr>
                    <th scope="row"><A href=href>{row.employee_id.to_string()}</A></th>
                    <td>{row.name}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=t.reports.training_grid_caption class="training-grid" columns>
            {rows}
        </DataTable>
        <section aria-labelledby="quiz-results-heading">
            <h2 id="quiz-results-heading">{t.quiz.results_heading}</h2>
            <ul>{results}</ul>
        </section>
    }
}
