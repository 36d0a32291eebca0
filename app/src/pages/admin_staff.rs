//! The admin's staff directory: search and paging, driven by the URL (`?q=…&page=…`) so that a
//! search is a link and works without JavaScript.

use crate::{
    api::directory::{SendPasswordLinks, search_staff},
    components::{
        guard::RequirePermission,
        staff_table::StaffTable,
        tabs::{Tab, Tabs},
    },
    i18n::use_texts,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::{A, Form},
    hooks::use_query_map,
};
use mamori_domain::{Permission, StaffPage};

#[component]
pub fn AdminStaffPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let search = move || query.with(|q| q.get("q").unwrap_or_default());
    let page = move || query.with(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1u64));
    let results = Resource::new(move || (search(), page()), |(q, p)| search_staff(q, p));
    // Inside the routes, so that a failure without JavaScript shows its message.
    let bulk_links = ServerAction::<SendPasswordLinks>::new();
    view! {
        <Title text=t.directory.staff_directory_title />
        <RequirePermission permission=Permission::AdministerStaff page=move |_| {
            view! {
                <h1>{t.directory.staff_directory_title}</h1>
                {move || {
                    // A failed upload returns with its reason, to the import.
                    let import_error = query.with(|q| q.get("import_error"));
                    let tab = if import_error.is_some() {
                        DirectoryTab::Import
                    } else {
                        DirectoryTab::from_query(query.with(|q| q.get("tab")).as_deref())
                    };
                    let tabs = DirectoryTab::ALL
                        .map(|each| Tab {
                            href: each.href().to_string(),
                            label: each.label(t).to_string(),
                            current: each == tab,
                        })
                        .into();
                    let part = match tab {
                        DirectoryTab::Staff => view! {
                            <Form method="GET" action="" attr:class="search" attr:role="search">
                                <label for="q">{t.directory.search_label}</label>
                                <input id="q" name="q" type="search" prop:value=search />
                                <button type="submit">{t.directory.search}</button>
                            </Form>
                            <Transition fallback=move || view! { <p class="loading">{t.loading}</p> }>
                                {move || results.get().map(|result| match result {
                                    Ok(found) => view! { <Results found query=search() /> }.into_any(),
                                    Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                                })}
                            </Transition>
                            <p><A href="/admin/certificates">{t.verify_heading}</A></p>
                            // A plain form: the browser downloads the file (no client-side routing).
                            <section class="export" aria-labelledby="export-heading">
                                <h2 id="export-heading">{t.directory.export_heading}</h2>
                                <form method="get" action="/admin/staff/export.csv" class="search">
                                    <label for="as_of">{t.directory.export_as_of}</label>
                                    <input id="as_of" name="as_of" type="date" />
                                    <button type="submit">{t.directory.export_csv}</button>
                                </form>
                            </section>
                        }
                        .into_any(),
                        DirectoryTab::Import => view! {
                            <ImportForm error=import_error />
                            <BulkPasswordLinks action=bulk_links />
                        }
                        .into_any(),
                    };
                    view! {
                        <Tabs label=t.directory.directory_parts tabs />
                        {part}
                    }
                }}
            }
        } />
    }
}

/// The directory's two parts: finding people, and importing the file HR sends (with the
/// set-password links that follow it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DirectoryTab {
    Staff,
    Import,
}

impl DirectoryTab {
    const ALL: [DirectoryTab; 2] = [DirectoryTab::Staff, DirectoryTab::Import];

    fn from_query(tab: Option<&str>) -> Self {
        match tab {
            Some("import") => DirectoryTab::Import,
            _ => DirectoryTab::Staff,
        }
    }

    fn href(self) -> &'static str {
        match self {
            DirectoryTab::Staff => "/admin/staff",
            DirectoryTab::Import => "/admin/staff?tab=import",
        }
    }

    fn label(self, t: &'static crate::i18n::Texts) -> &'static str {
        match self {
            DirectoryTab::Staff => t.directory.tab_staff,
            DirectoryTab::Import => t.directory.tab_import,
        }
    }
}

/// Set-password links for everyone still without a password (after an import, typically).
#[component]
fn BulkPasswordLinks(action: ServerAction<SendPasswordLinks>) -> impl IntoView {
    let t = use_texts();
    let outcome = move || {
        action.value().get().map(|result| match result {
            Ok(count) => {
                view! { <p class="notice" role="status">{(t.directory.bulk_links_sent)(count)}</p> }
                    .into_any()
            }
            Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
        })
    };
    view! {
        <section class="export" aria-labelledby="bulk-links-heading">
            <h2 id="bulk-links-heading">{t.directory.bulk_links_heading}</h2>
            <p class="hint">{t.directory.bulk_links_hint}</p>
            <ActionForm action>
                {outcome}
                <button type="submit">{t.directory.bulk_links_button}</button>
            </ActionForm>
        </section>
    }
}

/// The upload form: a plain multipart post (the server keeps the file and opens its preview).
#[component]
fn ImportForm(error: Option<String>) -> impl IntoView {
    let t = use_texts();
    let message = error.map(|code| {
        let text = match code.as_str() {
            "too_large" => t.directory.import_too_large,
            "bad_date" => t.directory.import_bad_date,
            _ => t.directory.import_no_file,
        };
        view! { <p class="error" role="alert" id="import-error">{text}</p> }
    });
    view! {
        <section class="import" aria-labelledby="import-heading">
            <h2 id="import-heading">{t.directory.import_heading}</h2>
            <form method="post" action="/admin/staff/import" enctype="multipart/form-data" class="stacked" aria-describedby="import-error">
                {message}
                <label for="import-file">{t.directory.import_file}</label>
                <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
                <label for="import-effective">{t.directory.effective_label}</label>
                <input id="import-effective" name="effective" type="date" />
                <div class="checkbox">
                    <input id="import-sync" name="sync" type="checkbox" value="true" />
                    <label for="import-sync">{t.directory.import_sync}</label>
                </div>
                <button type="submit">{t.directory.import_upload}</button>
            </form>
        </section>
    }
}

#[component]
fn Results(found: StaffPage, query: String) -> impl IntoView {
    let t = use_texts();
    if found.rows.is_empty() {
        return view! { <p class="empty-state">{t.directory.no_staff_found}</p> }.into_any();
    }
    let first = (found.page - 1) * found.per_page + 1;
    let last = first + found.rows.len() as u64 - 1;
    let pages = found.page_count();
    let link = move |page: u64| format!("?q={}&page={page}", mamori_domain::url::encode(&query));
    let previous = (found.page > 1).then(|| link(found.page - 1));
    let next = (found.page < pages).then(|| link(found.page + 1));
    view! {
        <p class="result-count" role="status">{(t.directory.showing)(first, last, found.total)}</p>
        <StaffTable caption=t.directory.staff_directory_title.to_string() staff=found.rows link_people=true />
        <nav aria-label=t.pagination class="pagination">
            {previous.map(|href| view! { <A href=href attr:rel="prev">{t.previous_page}</A> })}
            <span>{(t.page_of)(found.page, pages)}</span>
            {next.map(|href| view! { <A href=href attr:rel="next">{t.next_page}</A> })}
        </nav>
    }
    .into_any()
}
