//! Who opened each material of a module, who did not, and how long they spent on it.

use super::{Downloads, PrintButton, ScopeNote, link, report_query};
use crate::{
    api::reports::material_views,
    components::{data_table::DataTable, guard::RequirePermission, loaded::Loaded},
    i18n::use_locale,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use mamori_domain::{
    FiscalYear, Permission,
    percent::Share,
    report::{
        materials::{MaterialReport, MaterialViews},
        query::ReportQuery,
        table::band_names,
    },
    training::MaterialKind,
};

#[component]
pub fn MaterialViewsPage() -> impl IntoView {
    let params = use_params_map();
    let address = use_query_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let query = move || address.with(report_query);
    let report = Resource::new(
        move || (slug(), query()),
        |(slug, query)| material_views(slug, query),
    );
    view! {
        <RequirePermission permission=Permission::ViewTrainingResults page=move |viewer| {
            let scope = viewer.actor.results_scope();
            view! {
                <Loaded resource=report whole_page=true view=move |report| view! {
                    <ScopeNote scope=scope.clone() />
                    <Views report query=query() />
                } />
            }
        } />
    }
    .into_any()
}

#[component]
fn Views(report: MaterialReport, query: ReportQuery) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let title = (t.reports.material_views_title)(&report.module_title);
    let year = locale.fiscal_year(FiscalYear::new(report.fiscal_year));
    let columns = [
        t.reports.version,
        t.reports.material,
        t.reports.kind,
        t.reports.opened,
        t.reports.not_opened,
        t.reports.opened_rate,
        t.reports.median_time,
    ]
    .map(String::from)
    .into_iter()
    .chain(band_names());
    let rows = report
        .materials
        .iter()
        .map(|m| {
            let kind = MaterialKind::from_code(&m.kind).map(|k| locale.material_kind(k)).unwrap_or("");
            let bands = m
                .distribution()
                .into_iter()
                .map(|n| view! { <td class="number">{n}</td> })
                .collect_view();
            view! {
                <tr>
                    <td class="number">{m.version}</td>
                    <th scope="row">{format!("{}. {}", m.position, m.title)}</th>
                    <td>{kind}</td>
                    <td class="number">{m.opened()}</td>
                    <td class="number">{m.not_opened_count}</td>
                    <td class="number">{format!("{}%", Share::new(m.opened(), m.opened() + m.not_opened_count))}</td>
                    <td class="number">{m.median_seconds().map(minutes_and_seconds)}</td>
                    {bands}
                </tr>
            }
        })
        .collect_view();
    let unopened = report
        .materials
        .iter()
        .filter(|m| !m.not_opened.is_empty())
        .map(|m| view! { <NotOpened material=m.clone() /> })
        .collect_view();
    let mut files = query.year_and_date();
    files.module = Some(report.module_slug.clone());
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p><A href=link("/reports", &query.year_and_date())>{t.reports.back_to_reports}</A></p>
        <div class="report-tools"><PrintButton /></div>
        <p>{(t.reports.material_learners)(&year, report.learners)}</p>
        <DataTable caption=t.reports.material_table class="report-table" columns>{rows}</DataTable>
        <Downloads path="/reports/materials".into() query=files.to_query_string() />
        <section aria-labelledby="not-opened-heading">
            <h2 id="not-opened-heading">{t.reports.not_opened_heading}</h2>
            {unopened}
        </section>
    }
    .into_any()
}

/// The people who never opened one material, behind a disclosure (it can be long).
#[component]
fn NotOpened(material: MaterialViews) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let unnamed = material.not_opened_count - material.not_opened.len();
    let people = material
        .not_opened
        .into_iter()
        .map(|l| {
            view! {
                <li><A href=format!("/reports/staff/{}", l.employee_id)>{l.employee_id.to_string()}</A>" "{l.name}{locale.bracketed(&l.division)}</li>
            }
        })
        .collect_view();
    view! {
        <details>
            <summary>{(t.reports.not_opened_summary)(&material.title, material.version)}</summary>
            <ul class="people-list">{people}</ul>
            {(unnamed > 0).then(|| view! { <p>{(t.reports.not_opened_more)(unnamed)}</p> })}
        </details>
    }
    .into_any()
}

fn minutes_and_seconds(seconds: i64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
