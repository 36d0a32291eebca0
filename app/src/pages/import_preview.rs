//! The preview of an uploaded staff file: its bad rows (nothing can be imported), or what
//! importing it would change, with the button that does it; once imported, what it did.

use crate::{
    api::staff_import::{ConfirmImport, preview_import},
    components::{data_table::DataTable, guard::RequirePermission},
    i18n::{common::line_reason, use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use mamori_domain::{
    Permission,
    csv::LineError,
    staff_file::{ImportPreview, ImportReport},
};

#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    // Inside the routes, so that a failed confirmation without JavaScript shows its message.
    let confirm = ServerAction::<ConfirmImport>::new();
    let preview = Resource::new(
        move || {
            (
                params.with(|p| {
                    p.get("upload_id")
                        .and_then(|id| id.parse::<i32>().ok())
                        .unwrap_or(0)
                }),
                confirm.version().get(),
            )
        },
        |(upload_id, _)| preview_import(upload_id),
    );
    view! {
        <Title text=t.directory.import_preview_title />
        <RequirePermission permission=Permission::AdministerStaff page=move |_| {
            view! {
                <h1>{t.directory.import_preview_title}</h1>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || preview.get().map(|result| match result {
                        Ok(preview) => view! { <Preview preview confirm /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
                <p><A href="/admin/staff?tab=import">{t.directory.import_another}</A></p>
            }
        } />
    }
}

#[component]
fn Preview(preview: ImportPreview, confirm: ServerAction<ConfirmImport>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let mode = if preview.sync {
        t.directory.import_mode_sync
    } else {
        t.directory.import_mode_update
    };
    let facts = view! {
        <dl class="facts">
            <dt>{t.directory.import_file_label}</dt><dd>{preview.file_name.clone()}</dd>
            <dt>{t.directory.import_effective}</dt><dd>{preview.effective.to_string()}</dd>
            <dt>{t.directory.import_mode}</dt><dd>{mode}</dd>
        </dl>
    };
    let body = match (preview.outcome, preview.applied) {
        (Err(errors), _) => view! { <BadRows errors /> }.into_any(),
        (Ok(report), Some(applied)) => {
            let at = locale.date_time(applied.at);
            view! {
                <p class="notice" role="status">{(t.directory.import_applied)(&at, &applied.by)}</p>
                <Report report />
            }
            .into_any()
        }
        (Ok(report), None) => {
            let failed = move || {
                confirm
                    .value()
                    .get()
                    .and_then(Result::err)
                    .map(|error| view! { <p class="error" role="alert">{t.error(&error)}</p> })
            };
            view! {
                <p>{t.directory.import_will}</p>
                <Report report />
                <ActionForm action=confirm>
                    {failed}
                    <input type="hidden" name="upload_id" value=preview.upload_id />
                    <button type="submit">{t.directory.import_confirm}</button>
                </ActionForm>
            }
            .into_any()
        }
    };
    view! { {facts} {body} }
}

#[component]
fn BadRows(errors: Vec<LineError>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let rows = errors
        .into_iter()
        .map(|e| view! { <tr><td>{e.line}</td><td>{line_reason(locale, &e.reason)}</td></tr> })
        .collect_view();
    view! {
        <div class="error" role="alert">
            <p>{t.directory.import_bad_rows}</p>
        </div>
        <DataTable class="bad-rows" columns=[t.directory.line, t.directory.reason]>{rows}</DataTable>
    }
}

/// Who is created, changed and marked as left, by name.
#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let summary = (t.directory.import_summary)(
        report.created.len(),
        report.updated.len(),
        report.unchanged,
        report.left.len(),
    );
    let person =
        |id: &str| view! { <td>{id.to_string()}</td><td>{report.name_of(id).to_string()}</td> };
    let list = |heading: &'static str, ids: &[String]| {
        (!ids.is_empty()).then(|| {
            let rows = ids
                .iter()
                .map(|id| view! { <tr>{person(id)}</tr> })
                .collect_view();
            view! {
                <h2>{heading}</h2>
                <DataTable columns=[t.employee_id, t.name]>{rows}</DataTable>
            }
        })
    };
    let created = list(t.directory.import_created, &report.created);
    let left = list(t.directory.import_left, &report.left);
    let updated = (!report.updated.is_empty()).then(|| {
        let rows = report
            .updated
            .iter()
            .map(|(id, fields)| {
                let fields = fields.iter().map(|f| locale.field_name(*f)).collect::<Vec<_>>().join(locale.list_separator());
                view! { <tr>{person(id)}<td>{fields}</td></tr> }
            })
            .collect_view();
        view! {
            <h2>{t.directory.import_updated}</h2>
            <DataTable columns=[t.employee_id, t.name, t.directory.changed_fields]>{rows}</DataTable>
        }
    });
    let new_divisions = (!report.new_divisions.is_empty()).then(|| {
        view! {
            <h2>{t.directory.import_new_divisions}</h2>
            <ul>{report.new_divisions.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
        }
    });
    view! {
        <p class="result-count" id="import-summary">{summary}</p>
        {created}
        {updated}
        {left}
        {new_divisions}
    }
}
