//! A person's own account: the sessions open in their name, on this and other PCs and phones,
//! and logging out of all of them at once (a PC left logged in, a phone lost).

use crate::{
    api::session::{LogOutEverywhere, my_sessions, reload_on_success},
    components::{data_table::DataTable, guard::RequirePermission},
    i18n::use_locale,
};
use leptos::prelude::*;
use leptos_meta::Title;
use mamori_domain::{Permission, session::OpenSession};

#[component]
pub fn AccountPage() -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let sessions = Resource::new(|| (), |_| my_sessions());
    let everywhere = ServerAction::<LogOutEverywhere>::new();
    reload_on_success(everywhere);
    view! {
        <Title text=t.account_title />
        <RequirePermission permission=Permission::TakeTraining page=move |_| view! {
            <h1>{t.account_title}</h1>
            <h2 id="sessions-heading">{t.open_sessions}</h2>
            <p class="hint">{t.open_sessions_hint}</p>
            <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                {move || sessions.get().map(|result| match result {
                    Ok(list) => view! { <SessionTable list /> }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                })}
            </Suspense>
            <ActionForm action=everywhere>
                {move || everywhere.value().get().and_then(Result::err).map(|error| view! {
                    <p class="error" role="alert">{t.error(&error)}</p>
                })}
                <button type="submit">{t.log_out_everywhere}</button>
            </ActionForm>
        } />
    }
}

#[component]
fn SessionTable(list: Vec<OpenSession>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let rows = list
        .into_iter()
        .map(|session| {
            let browser = if session.current {
                format!("{}{}", session.browser, locale.bracketed(t.this_session))
            } else {
                session.browser
            };
            view! {
                <tr>
                    <td>{browser}</td>
                    <td>{session.address}</td>
                    <td>{locale.date_time(session.started_at)}</td>
                    <td>{locale.date_time(session.last_seen_at)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable
            caption=t.open_sessions
            caption_hidden=true
            columns=[t.session_browser, t.session_address, t.session_started, t.session_last_seen]
        >
            {rows}
        </DataTable>
    }
}
