//! Completion reports: the dashboard, the people behind its numbers, material views and
//! transcripts. Every view is driven by its address (`ReportQuery`), so that it is a link,
//! works without JavaScript, and its export has the same rows.

mod dashboard;
mod materials;
mod people;
mod transcript;

pub use dashboard::ReportsPage;
pub use materials::MaterialViewsPage;
pub use people::ReportPeoplePage;
pub use transcript::TranscriptPage;

use crate::i18n::{Locale, use_texts};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;
use mamori_domain::{
    FiscalYear, InspectionGroup, ResultsScope, SecurityRole,
    report::{Dimension, query::ReportQuery},
};

/// How a breakdown key reads in the UI's language: a role's, group's or fiscal year's name;
/// otherwise `fallback` (a division's own name, a module's title).
fn key_label(locale: Locale, dimension: Dimension, key: &str, fallback: &str) -> String {
    let named = match dimension {
        Dimension::Role => key
            .parse::<SecurityRole>()
            .ok()
            .map(|r| locale.security_role(r).to_string()),
        Dimension::Group => key
            .parse::<InspectionGroup>()
            .ok()
            .map(|g| locale.inspection_group(g).to_string()),
        Dimension::FiscalYear => key
            .parse()
            .ok()
            .map(|y| locale.fiscal_year(FiscalYear::new(y))),
        Dimension::Division | Dimension::Module => None,
    };
    named.unwrap_or_else(|| fallback.to_string())
}

/// The report query in a page's address.
fn report_query(params: &ParamsMap) -> ReportQuery {
    let text = |name: &str| params.get(name).filter(|v| !v.trim().is_empty());
    ReportQuery {
        fy: text("fy").and_then(|y| y.parse().ok()),
        on: text("on"),
        by: text("by"),
        key: text("key"),
        division: text("division"),
        module: text("module"),
        status: text("status"),
        late: text("late"),
        sort: text("sort"),
        desc: text("desc"),
        page: text("page").and_then(|p| p.parse().ok()),
    }
}

/// `path?query`, without a dangling `?`.
pub(super) fn link(path: &str, query: &ReportQuery) -> String {
    let query = query.to_query_string();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The address of the people counted under `key` of `dimension` (all standings, or one).
fn drill_down(base: &ReportQuery, dimension: Dimension, key: &str, status: Option<&str>) -> String {
    let mut query = base.year_and_date();
    if dimension == Dimension::FiscalYear {
        query = ReportQuery {
            fy: key.parse().ok(),
            ..ReportQuery::default()
        };
    } else {
        query.by = Some(dimension.code().to_string());
        query.key = Some(key.to_string());
    }
    query.status = status.map(str::to_string);
    link("/reports/people", &query)
}

/// Links to a table's CSV and Excel files.
#[component]
fn Downloads(
    /// The export's address without its extension, e.g. `/reports/divisions`.
    path: String,
    query: String,
) -> impl IntoView {
    let t = use_texts();
    let href = |extension: &str| {
        if query.is_empty() {
            format!("{path}.{extension}")
        } else {
            format!("{path}.{extension}?{query}")
        }
    };
    view! {
        <p class="downloads">
            <a href=href("csv") download>{t.download_csv}</a>
            " "
            <a href=href("xlsx") download>{t.download_xlsx}</a>
        </p>
    }
}

/// Prints the page (the print style sheet leaves out navigation and forms).
#[component]
fn PrintButton() -> impl IntoView {
    let t = use_texts();
    view! {
        <button type="button" class="outline no-print" on:click=move |_| {
            let _ = window().print();
        }>{t.reports.print_page}</button>
    }
}

/// Says when the viewer sees their divisions only.
#[component]
fn ScopeNote(scope: Option<ResultsScope>) -> impl IntoView {
    let t = use_texts();
    matches!(scope, Some(ResultsScope::Divisions(_)))
        .then(|| view! { <p class="hint">{t.reports.scope_divisions}</p> })
}

/// The fiscal year and date a report is viewed as of.
#[component]
fn YearAndDate(action: String, years: Vec<i32>, year: i32, on: chrono::NaiveDate) -> impl IntoView {
    let t = use_texts();
    let locale = crate::i18n::use_locale();
    let mut years = years;
    if !years.contains(&year) {
        years.push(year);
        years.sort_unstable_by(|a, b| b.cmp(a));
    }
    let options = years
        .into_iter()
        .map(|y| {
            view! { <option value=y.to_string() selected=y == year>{locale.fiscal_year(FiscalYear::new(y))}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action=action class="report-filters">
            <label>{t.fiscal_year_label}" "<select name="fy">{options}</select></label>
            <label>{t.reports.on_label}" "<input type="date" name="on" value=on.to_string() /></label>
            <button type="submit">{t.reports.show}</button>
        </form>
    }
}
