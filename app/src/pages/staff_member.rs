//! A person's page for admins: their details, and their division and role history.

use crate::{
    api::directory::{DeactivateStaff, staff_member},
    components::guard::RequirePermission,
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use mamori_domain::{Period, Permission, StaffDetail};

#[component]
pub fn StaffMemberPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <RequirePermission permission=Permission::AdministerStaff page=move |viewer| {
            let params = use_params_map();
            let deactivate = ServerAction::<DeactivateStaff>::new();
            let person = Resource::new(
                move || (params.with(|p| p.get("employee_id").unwrap_or_default()), deactivate.version().get()),
                |(employee_id, _)| staff_member(employee_id),
            );
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || person.get().map(|result| match result {
                        Ok(detail) => view! { <StaffDetailView detail today=viewer.today deactivate /> }.into_any(),
                        Err(error) => view! {
                            <Title text=t.not_found />
                            <h1>{t.error(&error)}</h1>
                        }.into_any(),
                    })}
                </Suspense>
                <p><A href="/admin/staff">{t.back_to_directory}</A></p>
            }
        } />
    }
}

#[component]
fn StaffDetailView(
    detail: StaffDetail,
    today: chrono::NaiveDate,
    deactivate: ServerAction<DeactivateStaff>,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let person = detail.summary;
    let heading = format!("{}（{}）", person.name, person.employee_id);
    let period = |from: chrono::NaiveDate, until: Option<chrono::NaiveDate>| {
        (
            from.to_string(),
            until.map_or_else(|| t.current.to_string(), |d| d.to_string()),
        )
    };
    let divisions = detail
        .divisions
        .into_iter()
        .map(|Period { value, from, until }| {
            let (from, until) = period(from, until);
            view! { <tr><td>{value}</td><td>{from}</td><td>{until}</td></tr> }
        })
        .collect_view();
    let has_roles = !detail.security_roles.is_empty();
    let roles = detail
        .security_roles
        .into_iter()
        .map(|Period { value, from, until }| {
            let (from, until) = period(from, until);
            view! { <tr><td>{locale.security_role(value)}</td><td>{from}</td><td>{until}</td></tr> }
        })
        .collect_view();
    let on_staff = person.active_until.is_none_or(|until| until > today);
    let employee_id = person.employee_id.clone();
    let has_changes = !detail.changes.is_empty();
    let changes = detail
        .changes
        .into_iter()
        .map(|change| {
            let at = change.at.format("%Y-%m-%d %H:%M UTC").to_string();
            view! { <tr><td>{at}</td><td>{change.actor}</td><td>{format!("{}: {}", change.action, change.detail)}</td></tr> }
        })
        .collect_view();
    let active = match person.active_until {
        Some(until) => format!("{} – {until}", person.active_from),
        None => (t.since)(&person.active_from.to_string()),
    };
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <dl class="facts">
            <dt>{t.email}</dt><dd>{person.email}</dd>
            <dt>{t.division}</dt><dd>{person.division}</dd>
            <dt>{t.active_period}</dt><dd>{active}</dd>
        </dl>
        <h2>{t.division_history}</h2>
        <table>
            <thead><tr><th scope="col">{t.division}</th><th scope="col">{t.from}</th><th scope="col">{t.until}</th></tr></thead>
            <tbody>{divisions}</tbody>
        </table>
        <h2>{t.role_history}</h2>
        {if has_roles {
            view! {
                <table>
                    <thead><tr><th scope="col">{t.security_roles}</th><th scope="col">{t.from}</th><th scope="col">{t.until}</th></tr></thead>
                    <tbody>{roles}</tbody>
                </table>
            }.into_any()
        } else {
            view! { <p>{t.no_roles}</p> }.into_any()
        }}
        <h2>{t.changes}</h2>
        {if has_changes {
            view! {
                <table>
                    <thead><tr><th scope="col">{t.changed_at}</th><th scope="col">{t.changed_by}</th><th scope="col">{t.change}</th></tr></thead>
                    <tbody>{changes}</tbody>
                </table>
            }.into_any()
        } else {
            view! { <p>{t.no_changes}</p> }.into_any()
        }}
        {on_staff.then(|| view! {
            <section class="danger-zone" aria-labelledby="record-leaving">
                <h2 id="record-leaving">{t.record_leaving}</h2>
                <p>{t.record_leaving_hint}</p>
                <ActionForm action=deactivate>
                    <input type="hidden" name="employee_id" value=employee_id />
                    <button type="submit" class="danger">{t.record_leaving_button}</button>
                </ActionForm>
            </section>
        })}
    }
}
