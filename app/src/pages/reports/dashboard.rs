//! The completion dashboard: totals, breakdowns by division, security role, self-inspection
//! group, module and fiscal year (each a chart with its table), and the completion curve.
//! Every number links to the people behind it.

use super::{
    Downloads, PrintButton, ScopeNote, YearAndDate, drill_down, key_label, link, report_query,
};
use crate::{
    api::reports::completion_dashboard,
    components::{
        charts::{CompletionCurve, StandingBars},
        data_table::DataTable,
        guard::RequirePermission,
    },
    i18n::{Locale, use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};
use mamori_domain::{
    FiscalYear, Permission,
    percent::Share,
    report::{BreakdownRow, Dashboard, Dimension, Tally, query::ReportQuery},
    training::ProgressStatus,
};

#[component]
pub fn ReportsPage() -> impl IntoView {
    let t = use_texts();
    let params = use_query_map();
    let query = move || params.with(report_query);
    let dashboard = Resource::new(query, completion_dashboard);
    view! {
        <Title text=t.reports.title />
        <RequirePermission permission=Permission::ViewTrainingResults page=move |viewer| {
            let scope = viewer.actor.results_scope();
            view! {
                <h1>{t.reports.title}</h1>
                <ScopeNote scope />
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || dashboard.get().map(|result| match result {
                        Ok(dashboard) => view! { <DashboardView dashboard query=query() /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
            }
        } />
    }
    .into_any()
}

#[component]
fn DashboardView(dashboard: Dashboard, query: ReportQuery) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let year = FiscalYear::new(dashboard.fiscal_year);
    // Links and files keep to the year and date shown, whatever the address said.
    let shown = ReportQuery {
        fy: Some(dashboard.fiscal_year),
        on: Some(dashboard.on.to_string()),
        ..ReportQuery::default()
    };
    let sections = Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let rows = dashboard.rows(dimension).to_vec();
            view! { <BreakdownSection dimension rows query=shown.clone() /> }
        })
        .collect_view();
    let curve_caption = (t.reports.curve_caption)(&locale.fiscal_year(year));
    view! {
        <div class="report-tools">
            <YearAndDate action="/reports".into() years=dashboard.years.clone() year=dashboard.fiscal_year on=dashboard.on />
            <PrintButton />
        </div>
        <p class="report-as-of">{(t.reports.as_of)(&locale.fiscal_year(year), &locale.date(dashboard.on))}</p>
        <Totals total=dashboard.total query=shown.clone() />
        {if dashboard.total.total() == 0 {
            view! { <p class="empty-state">{t.reports.nothing_assigned}</p> }.into_any()
        } else {
            view! {
                {sections}
                <section aria-labelledby="curve-heading">
                    <h2 id="curve-heading">{t.reports.curve_heading}</h2>
                    <CompletionCurve caption=curve_caption year points=dashboard.curve.clone() due_dates=dashboard.due_dates.clone() />
                    <details>
                        <summary>{t.reports.data_table}</summary>
                        <CurveTable points=dashboard.curve.clone() />
                    </details>
                    <Downloads path="/reports/curve".into() query=shown.to_query_string() />
                </section>
            }.into_any()
        }}
        <p><A href=link("/reports/people", &query.year_and_date())>{t.reports.all_people}</A></p>
        <p><A href="/manager">{t.reports.staff_grid_title}</A></p>
    }
    .into_any()
}

/// The four standings of everything in view, each a link to its people.
#[component]
fn Totals(total: Tally, query: ReportQuery) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let items = ProgressStatus::ALL
        .into_iter()
        .map(|status| {
            let mut filtered = query.clone();
            filtered.status = Some(status.code().to_string());
            let href = link("/reports/people", &filtered);
            view! {
                <div class=format!("total total-{}", status.code())>
                    <dt>{locale.progress_status(status)}</dt>
                    <dd>
                        <A href=href>{total.count(status)}</A>
                        <span class="share">{locale.bracketed(&format!("{}%", total.share(status)))}</span>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <dl class="report-totals" aria-label=t.reports.totals>
            <div class="total">
                <dt>{t.reports.assignments}</dt>
                <dd>{total.total()}</dd>
            </div>
            {items}
        </dl>
    }
    .into_any()
}

/// A breakdown's heading, chart, table and files.
#[component]
fn BreakdownSection(
    dimension: Dimension,
    rows: Vec<BreakdownRow>,
    query: ReportQuery,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let heading = dimension_heading(locale, dimension);
    let heading_id = format!("by-{}-heading", dimension.code());
    let labelled_by = heading_id.clone();
    let chart_rows: Vec<(String, Tally)> = rows
        .iter()
        .map(|row| {
            (
                key_label(locale, dimension, &row.key, &row.label),
                row.tally,
            )
        })
        .collect();
    let chart = (!rows.is_empty()).then(|| {
        view! {
            <StandingBars id=dimension.code() caption=(t.reports.chart_caption)(heading) rows=chart_rows />
        }
    });
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            {chart}
            <BreakdownTable dimension rows query=query.clone() />
            <Downloads path=format!("/reports/{}", dimension.code()) query=query.to_query_string() />
        </section>
    }
    .into_any()
}

#[component]
fn BreakdownTable(
    dimension: Dimension,
    rows: Vec<BreakdownRow>,
    query: ReportQuery,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let columns = [dimension_name(locale, dimension), t.reports.assignments]
        .into_iter()
        .chain(ProgressStatus::ALL.map(|status| locale.progress_status(status)))
        .chain((dimension == Dimension::Module).then_some(t.reports.details));
    let body = rows
        .into_iter()
        .map(|row| {
            let label = key_label(locale, dimension, &row.key, &row.label);
            let cells = ProgressStatus::ALL
                .into_iter()
                .map(|status| {
                    let href = drill_down(&query, dimension, &row.key, Some(status.code()));
                    let share = row.tally.share(status);
                    view! {
                        <td class="number">
                            <A href=href>{row.tally.count(status)}</A>
                            <span class="share">{format!(" ({share}%)")}</span>
                        </td>
                    }
                })
                .collect_view();
            let all = drill_down(&query, dimension, &row.key, None);
            let extra = (dimension == Dimension::Module).then(|| {
                let views = link(
                    &format!("/reports/materials/{}", row.key),
                    &query.year_and_date(),
                );
                let quiz = format!("/results/quizzes/{}", row.key);
                view! {
                    <td>
                        <A href=views>{t.reports.material_views}</A>" "
                        <A href=quiz>{t.reports.quiz_results}</A>
                    </td>
                }
            });
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td class="number"><A href=all>{row.tally.total()}</A></td>
                    {cells}
                    {extra}
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=dimension_heading(locale, dimension) caption_hidden=true class="report-table" columns>
            {body}
        </DataTable>
    }
    .into_any()
}

#[component]
fn CurveTable(points: Vec<mamori_domain::report::CurvePoint>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let rows = points
        .into_iter()
        .map(|p| {
            view! {
                <tr>
                    <th scope="row">{locale.date(p.date)}</th>
                    <td class="number">{p.completed}</td>
                    <td class="number">{p.total}</td>
                    <td class="number">{format!("{}%", Share::new(p.completed, p.total))}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.reports.date,
        locale.progress_status(ProgressStatus::Completed),
        t.reports.assignments,
        t.reports.completion_rate,
    ];
    view! {
        <DataTable caption=t.reports.curve_heading caption_hidden=true class="report-table" columns>{rows}</DataTable>
    }
    .into_any()
}

fn dimension_heading(locale: Locale, dimension: Dimension) -> &'static str {
    let t = locale.texts();
    match dimension {
        Dimension::Division => t.reports.by_division,
        Dimension::Role => t.reports.by_role,
        Dimension::Group => t.reports.by_group,
        Dimension::Module => t.reports.by_module,
        Dimension::FiscalYear => t.reports.by_year,
    }
}

fn dimension_name(locale: Locale, dimension: Dimension) -> &'static str {
    let t = locale.texts();
    match dimension {
        Dimension::Division => t.division,
        Dimension::Role => t.reports.role,
        Dimension::Group => t.reports.group,
        Dimension::Module => t.reports.module,
        Dimension::FiscalYear => t.fiscal_year_label,
    }
}
