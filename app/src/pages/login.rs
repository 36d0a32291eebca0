//! The login page; in demo mode it also lists the demo accounts.

use crate::{
    api::session::{DemoLogin, Login, demo_logins, reload_on_success},
    components::data_table::DataTable,
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_texts();
    // Created here, inside the routes, so that a failed login without JavaScript (which comes
    // back as `?__err=…`) shows its message.
    let login = ServerAction::<Login>::new();
    reload_on_success(login);
    let demo = Resource::new(|| (), |_| demo_logins());
    let (password_set, next) = use_query_map().with_untracked(|q| {
        (
            q.get("password_set").is_some(),
            q.get("next").unwrap_or_default(),
        )
    });
    let error = move || {
        login.value().get().and_then(Result::err).map(
            |error| view! { <p class="error" role="alert" id="login-error">{t.error(&error)}</p> },
        )
    };
    view! {
        <Title text=t.login_title />
        <div class="login">
            <h1>{t.login_title}</h1>
            {password_set.then(|| view! { <p class="notice" role="status">{t.password_set_done}</p> })}
            <ActionForm action=login attr:class="stacked" attr:aria-describedby="login-error">
                {error}
                // Where a stranger was sent from; the server follows it only to its own paths.
                <input type="hidden" name="next" value=next />
                <label for="login">{t.login_name_label}</label>
                <input id="login" name="login" type="text" autocomplete="username" required aria-describedby="login-hint" />
                <p class="hint" id="login-hint">{t.login_name_hint}</p>
                <label for="password">{t.password_label}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required />
                <button type="submit">{t.log_in}</button>
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || demo.get().and_then(Result::ok).filter(|list| !list.is_empty()).map(|list| view! { <DemoAccounts list /> })}
            </Suspense>
        </div>
    }
}

#[component]
fn DemoAccounts(list: Vec<DemoLogin>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let password = list.first().map(|d| d.password.clone()).unwrap_or_default();
    let rows = list
        .into_iter()
        .map(|account| {
            let roles = account
                .app_roles
                .iter()
                .map(|role| locale.app_role(*role))
                .collect::<Vec<_>>();
            let roles = if roles.is_empty() {
                locale.app_role(mamori_domain::AppRole::Learner).to_string()
            } else {
                roles.join(locale.list_separator())
            };
            view! {
                <tr>
                    <td><code>{account.employee_id}</code></td>
                    <td>{account.name}</td>
                    <td>{account.title}</td>
                    <td>{roles}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="demo-accounts" aria-labelledby="demo-accounts-heading">
            <h2 id="demo-accounts-heading">{t.demo_accounts}</h2>
            <p>{t.demo_password_note}" "<code>{password}</code></p>
            <DataTable columns=[t.employee_id, t.name, t.title, t.demo_role]>{rows}</DataTable>
        </section>
    }
}
