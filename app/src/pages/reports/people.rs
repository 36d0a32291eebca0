//! The people behind a number: filtered by standing, division, module and lateness, sorted by
//! any column, fifty to a page, and exported whole.

use super::{Downloads, PrintButton, ScopeNote, key_label, link, report_query};
use crate::{
    api::reports::report_people,
    components::{
        data_table::{Column, DataTable},
        guard::RequirePermission,
    },
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};
use mamori_domain::{
    FiscalYear, Permission,
    report::{Dimension, FilterOptions, PeoplePage, SortKey, query::ReportQuery},
    training::ProgressStatus,
};

#[component]
pub fn ReportPeoplePage() -> impl IntoView {
    let t = use_texts();
    let params = use_query_map();
    let query = move || params.with(report_query);
    let people = Resource::new(query, report_people);
    view! {
        <Title text=t.reports.people_title />
        <RequirePermission permission=Permission::ViewTrainingResults page=move |viewer| {
            let scope = viewer.actor.results_scope();
            view! {
                <h1>{t.reports.people_title}</h1>
                <ScopeNote scope />
                <p><A href=move || link("/reports", &query().year_and_date())>{t.reports.back_to_reports}</A></p>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || people.get().map(|result| match result {
                        Ok(page) => view! { <People page query=query() /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
            }
        } />
    }
    .into_any()
}

#[component]
fn People(page: PeoplePage, query: ReportQuery) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let (sort, descending) = query.sort();
    let column = |key: SortKey, label: &'static str| {
        let mut sorted = query.clone();
        sorted.page = None;
        let now_sorted = sort == key;
        sorted.sort = Some(key.code().to_string());
        sorted.desc = (now_sorted && !descending).then(|| "1".to_string());
        let aria_sort = if now_sorted {
            if descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        let arrow = if now_sorted {
            if descending { " ▼" } else { " ▲" }
        } else {
            ""
        };
        let sort_link = view! {
            <A href=link("/reports/people", &sorted)>{label}<span aria-hidden="true">{arrow}</span></A>
        };
        Column::sorting(sort_link, aria_sort)
    };
    let columns = [
        column(SortKey::EmployeeId, t.employee_id),
        column(SortKey::Name, t.name),
        column(SortKey::Division, t.division),
        column(SortKey::Module, t.reports.module),
        column(SortKey::Due, t.reports.due),
        column(SortKey::Status, t.status_label),
        column(SortKey::CompletedOn, t.reports.completed_on),
    ];
    let on = page.on;
    let empty = page.rows.is_empty();
    let rows = page
        .rows
        .into_iter()
        .map(|e| {
            let status = e.status(on);
            view! {
                <tr>
                    <th scope="row"><A href=format!("/reports/staff/{}", e.employee_id)>{e.employee_id.to_string()}</A></th>
                    <td>{e.name}</td>
                    <td>{e.division}</td>
                    <td>{e.module_title}</td>
                    <td>{locale.date(e.due)}</td>
                    <td class=format!("status status-{}", status.code())>{locale.progress_status(status)}</td>
                    <td>{e.completed_on.map(|d| locale.date(d))}</td>
                </tr>
            }
        })
        .collect_view();
    let pager = {
        let at = |number: usize| {
            let mut paged = query.clone();
            paged.page = Some(number);
            link("/reports/people", &paged)
        };
        let previous = (page.page > 1).then(|| at(page.page - 1));
        let next = (page.page < page.pages).then(|| at(page.page + 1));
        view! {
            <nav class="pagination" aria-label=t.pagination>
                {previous.map(|href| view! { <A href=href attr:rel="prev">{t.previous_page}</A> })}
                <span>{(t.page_of)(page.page as u64, page.pages as u64)}</span>
                {next.map(|href| view! { <A href=href attr:rel="next">{t.next_page}</A> })}
            </nav>
        }
    };
    let mut export = query.clone();
    export.page = None;
    view! {
        <div class="report-tools">
            <Filters options=page.options fiscal_year=page.fiscal_year on=page.on query=query.clone() />
            <PrintButton />
        </div>
        <p role="status">{(t.reports.matching)(page.matching)}</p>
        {if empty {
            view! { <p class="empty-state">{t.reports.no_people}</p> }.into_any()
        } else {
            view! {
                <DataTable caption=t.reports.people_title caption_hidden=true class="report-table" columns>
                    {rows}
                </DataTable>
                {pager}
            }.into_any()
        }}
        <Downloads path="/reports/people".into() query=export.to_query_string() />
    }
    .into_any()
}

/// The filter form: a plain GET form, so that it works without JavaScript and its result is
/// a link.
#[component]
fn Filters(
    options: FilterOptions,
    fiscal_year: i32,
    on: chrono::NaiveDate,
    query: ReportQuery,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let filter = query.filter();
    let year = fiscal_year;
    let module_titles = options.modules.clone();
    let divisions = options
        .divisions
        .into_iter()
        .map(|d| {
            let selected = filter.division.as_deref() == Some(d.as_str());
            let value = d.clone();
            view! { <option value=value selected=selected>{d}</option> }
        })
        .collect_view();
    let modules = options
        .modules
        .into_iter()
        .map(|(slug, title)| {
            let selected = filter.module.as_deref() == Some(slug.as_str());
            view! { <option value=slug selected=selected>{title}</option> }
        })
        .collect_view();
    let statuses = ProgressStatus::ALL
        .into_iter()
        .map(|s| {
            view! { <option value=s.code() selected=filter.status == Some(s)>{locale.progress_status(s)}</option> }
        })
        .collect_view();
    // A dashboard number's row stays a filter until it is removed.
    let counted_under = filter.group_by.clone().map(|(dimension, key)| {
        let module_title = module_titles
            .iter()
            .find(|(slug, _)| dimension == Dimension::Module && *slug == key)
            .map(|(_, title)| title.as_str());
        let label = key_label(locale, dimension, &key, module_title.unwrap_or(&key));
        let mut without = query.clone();
        without.by = None;
        without.key = None;
        without.page = None;
        view! {
            <p class="active-filter">
                {(t.reports.counted_under)(&label)}" "
                <A href=link("/reports/people", &without)>{t.reports.remove_filter}</A>
            </p>
            <input type="hidden" name="by" value=dimension.code() />
            <input type="hidden" name="key" value=key />
        }
    });
    view! {
        <form method="get" action="/reports/people" class="report-filters">
            <p class="report-as-of">{(t.reports.as_of)(&locale.fiscal_year(FiscalYear::new(year)), &locale.date(on))}</p>
            <input type="hidden" name="fy" value=year.to_string() />
            <input type="hidden" name="on" value=on.to_string() />
            {counted_under}
            <label>{t.division}" "
                <select name="division"><option value="">{t.reports.any}</option>{divisions}</select>
            </label>
            <label>{t.reports.module}" "
                <select name="module"><option value="">{t.reports.any}</option>{modules}</select>
            </label>
            <label>{t.status_label}" "
                <select name="status"><option value="">{t.reports.any}</option>{statuses}</select>
            </label>
            <label class="checkbox"><input type="checkbox" name="late" value="1" checked=filter.late />{t.reports.late_only}</label>
            <button type="submit">{t.reports.filter}</button>
        </form>
    }
    .into_any()
}
