//! The audit log for admins, driven by the URL (`?action=…&person=…&from=…&until=…&page=…`),
//! so that a filter is a link and works without JavaScript; the same filter downloads as CSV.

use crate::{
    api::audit::audit_log,
    components::{data_table::DataTable, guard::RequirePermission},
    i18n::use_locale,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};
use mamori_domain::{AuditAction, Permission, audit::AuditPage};

/// The filter's fields, as the URL carries them.
const FIELDS: [&str; 4] = ["action", "person", "from", "until"];

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let query = use_query_map();
    let field = move |name: &'static str| query.with(|q| q.get(name).unwrap_or_default());
    let page = move || query.with(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1u64));
    let entries = Resource::new(
        move || (FIELDS.map(field), page()),
        |([action, person, from, until], page)| audit_log(action, person, from, until, page),
    );
    // The filter as a query, for the pages' links and the CSV.
    let filter_query = move || {
        FIELDS
            .iter()
            .map(|name| format!("{name}={}", mamori_domain::url::encode(&field(name))))
            .collect::<Vec<_>>()
            .join("&")
    };
    let chosen = move || field("action");
    let options = AuditAction::ALL
        .into_iter()
        .map(|action| {
            let code = action.code();
            view! { <option value=code selected=move || chosen() == code>{locale.audit_action(action)}</option> }
        })
        .collect_view();
    view! {
        <Title text=t.directory.audit_title />
        <RequirePermission permission=Permission::AdministerStaff page=move |_| {
            let options = options.clone();
            view! {
                <h1>{t.directory.audit_title}</h1>
                <p class="hint">{t.directory.audit_hint}</p>
                <Form method="GET" action="" attr:class="filters" attr:role="search">
                    <label for="audit-action">{t.directory.audit_action}</label>
                    <select id="audit-action" name="action">
                        <option value="">{t.directory.audit_any_action}</option>
                        {options}
                    </select>
                    <label for="audit-person">{t.directory.audit_person}</label>
                    <input id="audit-person" name="person" type="text" prop:value=move || field("person") />
                    <label for="audit-from">{t.directory.audit_from}</label>
                    <input id="audit-from" name="from" type="date" prop:value=move || field("from") />
                    <label for="audit-until">{t.directory.audit_until}</label>
                    <input id="audit-until" name="until" type="date" prop:value=move || field("until") />
                    <button type="submit">{t.directory.audit_show}</button>
                </Form>
                <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || entries.get().map(|result| match result {
                        Ok(found) => view! { <Entries found filter=filter_query() /> }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Transition>
                // A plain link: the browser downloads the file (no client-side routing).
                <p><a href=move || format!("/admin/audit.csv?{}", filter_query()) rel="external">{t.download_csv}</a></p>
            }
        } />
    }
}

#[component]
fn Entries(found: AuditPage, filter: String) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if found.entries.is_empty() {
        return view! { <p class="empty-state">{t.directory.audit_none}</p> }.into_any();
    }
    let link = move |page: u64| format!("?{filter}&page={page}");
    let previous = (found.page > 1).then(|| link(found.page - 1));
    let next = (found.page < found.pages).then(|| link(found.page + 1));
    let rows = found
        .entries
        .into_iter()
        .map(|entry| {
            view! {
                <tr>
                    <td class="nowrap">{locale.date_time(entry.at)}</td>
                    <td>{entry.actor}</td>
                    <td>{locale.audit_action(entry.action)}</td>
                    <td>{entry.subject.unwrap_or_default()}</td>
                    <td>{entry.detail}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class="result-count" role="status">{(t.directory.audit_count)(found.total)}</p>
        <DataTable
            caption=t.directory.audit_title
            caption_hidden=true
            columns=[
                t.directory.audit_when,
                t.directory.audit_who,
                t.directory.audit_action,
                t.directory.audit_subject,
                t.directory.audit_detail,
            ]
        >
            {rows}
        </DataTable>
        <nav aria-label=t.pagination class="pagination">
            {previous.map(|href| view! { <A href=href attr:rel="prev">{t.previous_page}</A> })}
            <span>{(t.page_of)(found.page, found.pages)}</span>
            {next.map(|href| view! { <A href=href attr:rel="next">{t.next_page}</A> })}
        </nav>
    }
    .into_any()
}
