//! The yearly self-inspection's pages: a learner's list and sheet, the admins' campaigns, and
//! the results (submission status for managers, figures and Table 1 for admins).

mod admin;
mod results;
mod sheet;

pub use admin::{InspectionAdminPage, InspectionCampaignPage};
pub use results::InspectionResultsPage;
pub use sheet::{InspectionListPage, InspectionSheetPage, PendingInspections};

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use mamori_domain::{FiscalYear, inspection::campaign::Schedule, percent::Share};

/// The fiscal year in the page's address (`:year`).
fn year_param() -> impl Fn() -> i32 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params.with(|p| {
            p.get("year")
                .and_then(|y| y.parse().ok())
                .unwrap_or_default()
        })
    }
}

fn year_label(locale: Locale, year: i32) -> String {
    locale.fiscal_year(FiscalYear::new(year))
}

/// "1 Feb – 28 Feb", or that no period is set.
fn period(locale: Locale, schedule: Schedule) -> String {
    match (schedule.opens_on, schedule.closes_on) {
        (Some(opens), Some(closes)) => format!("{} – {}", locale.date(opens), locale.date(closes)),
        _ => locale.texts().inspection.no_period.to_string(),
    }
}

/// A percentage with one decimal, or a dash where the definition gives null.
fn percent(share: Option<Share>) -> String {
    share
        .filter(|s| s.whole > 0)
        .map_or("—".to_string(), |s| format!("{s}%"))
}
