//! Staff × modules this fiscal year: where a manager lands, for their divisions; trainers and
//! admins see any division. Each module's due date and counts lead to the people behind them;
//! a filter keeps a division and those who still have work or are late.

use crate::{
    api::{
        directory::{DivisionStaff, managed_staff},
        reports::training_grid,
        session::Viewer,
    },
    components::{
        data_table::{Column, DataTable},
        guard::RequirePermission,
        staff_table::StaffTable,
        viewer::ViewerResource,
    },
    error::AppError,
    i18n::use_locale,
    pages::reports::link,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};
use mamori_domain::{
    Permission, ResultsScope,
    report::{
        grid::{GridModule, GridQuery, GridShow, TrainingGrid},
        query::ReportQuery,
    },
    training::ProgressStatus,
};

#[component]
pub fn ManagerPage() -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let params = use_query_map();
    let query = move || {
        params.with(|p| GridQuery {
            division: p.get("division"),
            show: p.get("show"),
        })
    };
    let grid = Resource::new(query, training_grid);
    // Made here rather than under the guard (see guard.rs), for managers only: trainers and
    // admins see everyone, and have no divisions of their own to list.
    let viewer = expect_context::<ViewerResource>().0;
    let manages = move || {
        viewer
            .get()
            .and_then(Result::ok)
            .flatten()
            .is_some_and(|viewer| manages_divisions(&viewer))
    };
    let staff = Resource::new(manages, |managed| async move {
        if managed {
            Some(managed_staff().await)
        } else {
            None
        }
    });
    view! {
        <RequirePermission permission=Permission::ViewTrainingResults page=move |viewer| {
            let managed = manages_divisions(&viewer);
            let title = if managed { t.reports.my_divisions_title } else { t.reports.staff_grid_title };
            view! {
                <Title text=title />
                <h1>{title}</h1>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || grid.get().map(|result| match result {
                        Ok(grid) => view! { <Grid grid /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
                {managed.then(|| view! { <DivisionStaffTable staff /> })}
            }
        } />
    }
}

/// A manager sees their own divisions; trainers and admins see everyone.
fn manages_divisions(viewer: &Viewer) -> bool {
    matches!(
        viewer.actor.results_scope(),
        Some(ResultsScope::Divisions(_))
    )
}

/// The directory entries of the manager's own divisions.
#[component]
fn DivisionStaffTable(staff: Resource<Option<Result<DivisionStaff, AppError>>>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || staff.get().flatten().map(|result| match result {
                Ok(found) => {
                    let caption = format!("{}: {}{}", t.reports.managed_divisions, found.divisions.join(locale.list_separator()), locale.bracketed(&(t.reports.staff_count)(found.staff.len())));
                    view! { <StaffTable caption staff=found.staff /> }.into_any()
                }
                Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Grid(grid: TrainingGrid) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if grid.modules.is_empty() {
        return view! {
            <GridFilters grid=grid.clone() />
            <p class="empty-state">{t.reports.nothing_assigned}</p>
        }
        .into_any();
    }
    let due_on = move |date| format!("{} {}", t.reports.due, locale.date(date));
    let people_of = {
        let (year, on, division) = (grid.fiscal_year, grid.on, grid.division.clone());
        move |module: &GridModule, status: Option<ProgressStatus>| {
            let query = ReportQuery {
                fy: Some(year),
                on: Some(on.to_string()),
                division: division.clone(),
                module: Some(module.slug.clone()),
                status: status.map(|s| s.code().to_string()),
                ..ReportQuery::default()
            };
            link("/reports/people", &query)
        }
    };
    let summary = grid
        .modules
        .iter()
        .map(|module| {
            let count = |status: ProgressStatus| {
                let n = module.tally.count(status);
                let class = format!("status-{}", status.code());
                view! { <td class=class><A href=people_of(module, Some(status))>{n}</A></td> }
            };
            let total = module.tally.total();
            view! {
                <tr>
                    <th scope="row">{module.title.clone()}</th>
                    <td class="date">{locale.date(module.due)}</td>
                    <td><A href=people_of(module, None)>{total}</A></td>
                    {ProgressStatus::ALL.map(count)}
                    <td><A href=format!("/results/quizzes/{}", module.slug)>{t.reports.quiz_results}</A></td>
                </tr>
            }
        })
        .collect_view();
    let summary_columns = [t.reports.module, t.reports.due, t.reports.people_assigned]
        .into_iter()
        .map(String::from)
        .chain(ProgressStatus::ALL.map(|s| locale.progress_status(s).to_string()))
        .chain([t.reports.quiz_results.to_string()]);
    let grid_columns = [t.employee_id, t.name, t.division]
        .into_iter()
        .map(Column::from)
        .chain(grid.modules.iter().map(|m| {
            let due = due_on(m.due);
            Column::label(view! { {m.title.clone()}<span class="column-due">{due}</span> })
        }));
    let dues: Vec<_> = grid.modules.iter().map(|m| m.due).collect();
    let rows = grid
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .zip(&dues)
                .map(|(cell, usual)| match cell {
                    Some(cell) => {
                        let class = format!("status status-{}", cell.status.code());
                        // A joiner's own, later date, where it differs from the column's.
                        let own_due = (cell.due != *usual && cell.status != ProgressStatus::Completed)
                            .then(|| view! { <span class="cell-due">{due_on(cell.due)}</span> });
                        view! { <td class=class>{locale.progress_status(cell.status)}{own_due}</td> }.into_any()
                    }
                    None => view! { <td class="hint">{t.reports.not_assigned}</td> }.into_any(),
                })
                .collect_view();
            let href = format!("/manager/staff/{}", row.employee_id);
            let employee_id = row.employee_id.to_string();
            view! {
                <tr>
                    <th scope="row" class="nowrap"><A href=href>{employee_id}</A></th>
                    <td class="name">{row.name.clone()}</td>
                    <td>{row.division.clone()}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let listed = (t.reports.people_listed)(grid.rows.len(), grid.people);
    let empty = grid.rows.is_empty();
    view! {
        <GridFilters grid=grid.clone() />
        <section aria-labelledby="grid-summary-heading">
            <h2 id="grid-summary-heading">{t.reports.by_module}</h2>
            <DataTable caption=t.reports.grid_summary_caption class="report-table grid-summary" columns=summary_columns>
                {summary}
            </DataTable>
        </section>
        <section aria-labelledby="grid-people-heading">
            <h2 id="grid-people-heading">{t.reports.by_person}</h2>
            <p role="status">{listed}</p>
            {if empty {
                view! { <p class="empty-state">{t.reports.no_people}</p> }.into_any()
            } else {
                view! {
                    <DataTable caption=t.reports.training_grid_caption class="training-grid" columns=grid_columns>
                        {rows}
                    </DataTable>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// A plain GET form, so that it works without JavaScript and its result is a link.
#[component]
fn GridFilters(grid: TrainingGrid) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let divisions = grid
        .divisions
        .into_iter()
        .map(|d| {
            let selected = grid.division.as_deref() == Some(d.as_str());
            view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
        })
        .collect_view();
    let shows = GridShow::ALL
        .map(|show| view! { <option value=show.code() selected=grid.show == show>{locale.grid_show(show)}</option> });
    view! {
        <form method="get" action="/manager" class="report-filters">
            <p class="report-as-of">{(t.reports.as_of)(&locale.fiscal_year(mamori_domain::FiscalYear::new(grid.fiscal_year)), &locale.date(grid.on))}</p>
            <label>{t.division}" "
                <select name="division"><option value="">{t.reports.any}</option>{divisions}</select>
            </label>
            <label>{t.reports.show}" "
                <select name="show">{shows}</select>
            </label>
            <button type="submit">{t.reports.filter}</button>
        </form>
    }
}
