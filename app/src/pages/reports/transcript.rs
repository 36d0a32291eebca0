//! One person's training across fiscal years: modules, versions, standings, completion,
//! certificates and quiz attempts.

use super::{Downloads, PrintButton};
use crate::{
    api::reports::staff_transcript,
    components::{data_table::DataTable, guard::RequirePermission, loaded::Loaded},
    i18n::use_locale,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use mamori_domain::{
    FiscalYear, Permission,
    report::transcript::{Transcript, TranscriptModule},
};

#[component]
pub fn TranscriptPage() -> impl IntoView {
    let params = use_params_map();
    let employee_id = move || params.with(|p| p.get("employee_id").unwrap_or_default());
    let transcript = Resource::new(employee_id, staff_transcript);
    view! {
        <RequirePermission permission=Permission::ViewTrainingResults page=move |_| {
            view! {
                <Loaded resource=transcript whole_page=true view=move |transcript| view! { <TranscriptView transcript /> } />
            }
        } />
    }
    .into_any()
}

#[component]
fn TranscriptView(transcript: Transcript) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let title = (t.reports.transcript_title)(&transcript.name);
    let files = format!("/reports/staff/{}/transcript", transcript.employee_id);
    let rows = transcript
        .modules
        .into_iter()
        .map(|module| view! { <ModuleRow module /> })
        .collect_view();
    let columns = [
        t.fiscal_year_label,
        t.reports.module,
        t.reports.version,
        t.reports.due,
        t.status_label,
        t.reports.completed_at,
        t.reports.certificate,
        t.reports.quiz_attempts,
    ];
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p><A href="/reports">{t.reports.back_to_reports}</A></p>
        <div class="report-tools"><PrintButton /></div>
        <p>{format!("{} {}{}", transcript.employee_id, transcript.name, locale.bracketed(&transcript.division))}</p>
        <p><A href=format!("/manager/staff/{}", transcript.employee_id)>{t.reports.material_views_link}</A></p>
        <DataTable caption=t.reports.transcript_caption caption_hidden=true class="report-table" columns>
            {rows}
        </DataTable>
        <Downloads path=files query=String::new() />
    }
    .into_any()
}

#[component]
fn ModuleRow(module: TranscriptModule) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let attempts = module
        .attempts
        .iter()
        .map(|a| {
            let result = if a.passed { t.quiz.passed } else { t.quiz.failed };
            view! { <li>{(t.reports.transcript_attempt)(a.number, &a.score.to_string(), result, &locale.date_time(a.submitted_at))}</li> }
        })
        .collect_view();
    view! {
        <tr>
            <td>{locale.fiscal_year(FiscalYear::new(module.fiscal_year))}</td>
            <th scope="row">{module.module_title}</th>
            <td class="number">{module.version}</td>
            <td>{locale.date(module.due)}</td>
            <td class=format!("status status-{}", module.status.code())>{locale.progress_status(module.status)}</td>
            <td>{module.completed_at.map(|at| locale.date_time(at))}</td>
            <td>{module.certificate_code}</td>
            <td><ul class="plain-list">{attempts}</ul></td>
        </tr>
    }
    .into_any()
}
