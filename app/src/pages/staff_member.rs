//! A person's page for admins: their details, division and role history, changes and mail;
//! editing them, sending a set-password link, and recording their leaving.

use crate::{
    api::directory::{
        DeactivateStaff, EditStaff, LiftLoginHold, SendPasswordLink, division_list, staff_member,
    },
    components::{
        confirm::ConfirmSubmit, data_table::DataTable, guard::RequirePermission,
        mail_list::MailList,
    },
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use mamori_domain::{Period, Permission, SecurityRole, StaffDetail, StaffSummary};

#[component]
pub fn StaffMemberPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    // Created here, inside the routes, so that a failed post without JavaScript (which
    // comes back as `?__err=…`) shows its message.
    let actions = PersonActions {
        edit: ServerAction::<EditStaff>::new(),
        send_link: ServerAction::<SendPasswordLink>::new(),
        deactivate: ServerAction::<DeactivateStaff>::new(),
        lift_hold: ServerAction::<LiftLoginHold>::new(),
    };
    let person = Resource::new(
        move || {
            (
                params.with(|p| p.get("employee_id").unwrap_or_default()),
                actions.edit.version().get()
                    + actions.send_link.version().get()
                    + actions.deactivate.version().get()
                    + actions.lift_hold.version().get(),
            )
        },
        |(employee_id, _)| staff_member(employee_id),
    );
    let divisions = Resource::new(|| (), |_| division_list());
    view! {
        <RequirePermission permission=Permission::AdministerStaff page=move |viewer| {
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || person.get().map(|result| match result {
                        Ok(detail) => {
                            let divisions = divisions.get().and_then(Result::ok).unwrap_or_default();
                            view! { <StaffDetailView detail division_names=divisions today=viewer.today actions /> }.into_any()
                        }
                        Err(error) => view! {
                            <Title text=t.not_found />
                            <h1>{t.error(&error)}</h1>
                        }.into_any(),
                    })}
                </Suspense>
                <p><A href="/admin/staff">{t.directory.back_to_directory}</A></p>
            }
        } />
    }
}

/// What an admin can do on the page.
#[derive(Clone, Copy)]
struct PersonActions {
    edit: ServerAction<EditStaff>,
    send_link: ServerAction<SendPasswordLink>,
    deactivate: ServerAction<DeactivateStaff>,
    lift_hold: ServerAction<LiftLoginHold>,
}

#[component]
fn StaffDetailView(
    detail: StaffDetail,
    division_names: Vec<String>,
    today: chrono::NaiveDate,
    actions: PersonActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let person = detail.summary;
    let heading = format!(
        "{}{}",
        person.name,
        locale.bracketed(person.employee_id.as_str())
    );
    let period = |from: chrono::NaiveDate, until: Option<chrono::NaiveDate>| {
        (
            from.to_string(),
            until.map_or_else(|| t.directory.current.to_string(), |d| d.to_string()),
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
    let employee_id = person.employee_id.to_string();
    let leaving_question = (t.directory.record_leaving_question)(&person.name);
    let edit_form = on_staff
        .then(|| view! { <EditForm person=person.clone() divisions=division_names actions /> });
    let password = on_staff.then(|| {
        view! {
            <PasswordSection
                employee_id=employee_id.clone()
                has_password=detail.has_password
                held_until=detail.login_held_until
                actions
            />
        }
    });
    let mail = view! {
        <h2>{t.mail.heading}</h2>
        <MailList mail=detail.mail caption=t.mail.heading.to_string() />
    };
    let has_changes = !detail.changes.is_empty();
    let changes = detail
        .changes
        .into_iter()
        .map(|change| {
            let at = change.at.format("%Y-%m-%d %H:%M UTC").to_string();
            view! { <tr><td>{at}</td><td>{change.actor}</td><td>{format!("{}: {}", locale.audit_action(change.action), change.detail)}</td></tr> }
        })
        .collect_view();
    let active = match person.active_until {
        Some(until) => format!("{} – {until}", person.active_from),
        None => (t.directory.since)(&person.active_from.to_string()),
    };
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <dl class="facts">
            <dt>{t.email}</dt><dd>{person.email}</dd>
            <dt>{t.division}</dt><dd>{person.division}</dd>
            <dt>{t.directory.active_period}</dt><dd>{active}</dd>
        </dl>
        <h2>{t.directory.division_history}</h2>
        <DataTable columns=[t.division, t.directory.from, t.directory.until]>{divisions}</DataTable>
        <h2>{t.directory.role_history}</h2>
        {if has_roles {
            view! {
                <DataTable columns=[t.directory.security_roles, t.directory.from, t.directory.until]>{roles}</DataTable>
            }.into_any()
        } else {
            view! { <p>{t.directory.no_roles}</p> }.into_any()
        }}
        {edit_form}
        {password}
        {mail}
        <h2>{t.directory.changes}</h2>
        {if has_changes {
            view! {
                <DataTable columns=[t.directory.changed_at, t.directory.changed_by, t.directory.change]>{changes}</DataTable>
            }.into_any()
        } else {
            view! { <p>{t.directory.no_changes}</p> }.into_any()
        }}
        {on_staff.then(|| view! {
            <section class="danger-zone" aria-labelledby="record-leaving">
                <h2 id="record-leaving">{t.directory.record_leaving}</h2>
                <p>{t.directory.record_leaving_hint}</p>
                <ActionForm action=actions.deactivate>
                    <input type="hidden" name="employee_id" value=employee_id />
                    <ConfirmSubmit label=t.directory.record_leaving_button question=leaving_question
                        confirm=t.directory.record_leaving_confirm />
                </ActionForm>
            </section>
        })}
    }
}

/// The edit form: the current values, changed from a chosen date on (a transfer keeps the
/// earlier division in the history).
#[component]
fn EditForm(person: StaffSummary, divisions: Vec<String>, actions: PersonActions) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let edit = actions.edit;
    let outcome = move || {
        edit.value().get().map(|result| match result {
            Ok(fields) if fields.is_empty() => {
                view! { <p class="notice" role="status">{t.directory.nothing_changed}</p> }
                    .into_any()
            }
            Ok(fields) => {
                let names = fields
                    .iter()
                    .map(|f| locale.field_name(*f))
                    .collect::<Vec<_>>()
                    .join(locale.list_separator());
                view! { <p class="notice" role="status">{(t.directory.saved_changes)(&names)}</p> }
                    .into_any()
            }
            Err(error) => view! {
                <div class="error" role="alert" id="edit-error">
                    <p>{t.directory.errors_heading}</p>
                    <p>{t.error(&error)}</p>
                </div>
            }
            .into_any(),
        })
    };
    let division_options = divisions
        .into_iter()
        .map(|name| {
            let selected = name == person.division;
            view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
        })
        .collect_view();
    let role_boxes = SecurityRole::ALL
        .into_iter()
        .enumerate()
        .filter(|(_, role)| *role != SecurityRole::Staff)
        .map(|(index, role)| {
            let id = format!("role-{}", role.code());
            let checked = person.security_roles.contains(&role);
            view! {
                <div class="checkbox">
                    <input type="checkbox" id=id.clone() name=format!("roles[{index}]") value=role.code() checked=checked />
                    <label for=id>{locale.security_role(role)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="edit-heading">
            <h2 id="edit-heading">{t.directory.edit_heading}</h2>
            <ActionForm action=edit attr:class="stacked" attr:aria-describedby="edit-error">
                {outcome}
                <input type="hidden" name="employee_id" value=person.employee_id.to_string() />
                <label for="edit-name">{t.name}</label>
                <input id="edit-name" name="name" type="text" required value=person.name.clone() autocomplete="off" />
                <label for="edit-email">{t.email}</label>
                <input id="edit-email" name="email" type="email" required value=person.email.clone() autocomplete="off" />
                <label for="edit-division">{t.division}</label>
                <select id="edit-division" name="division">{division_options}</select>
                <fieldset>
                    <legend>{t.directory.security_roles}</legend>
                    {role_boxes}
                </fieldset>
                <label for="edit-effective">{t.directory.effective_label}</label>
                <input id="edit-effective" name="effective" type="date" />
                <button type="submit">{t.directory.save_changes}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn PasswordSection(
    employee_id: String,
    has_password: bool,
    held_until: Option<chrono::DateTime<chrono::Utc>>,
    actions: PersonActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let send_link = actions.send_link;
    let outcome = move || {
        send_link.value().get().map(|result| match result {
            Ok(()) => {
                view! { <p class="notice" role="status">{t.directory.link_sent}</p> }.into_any()
            }
            Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
        })
    };
    let lift_hold = actions.lift_hold;
    let lifted = move || {
        lift_hold.value().get().map(|result| match result {
            Ok(()) => view! { <p class="notice" role="status">{t.directory.login_hold_lifted}</p> }
                .into_any(),
            Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
        })
    };
    let hold = held_until.map(|until| {
        let employee_id = employee_id.clone();
        view! {
            <p class="warning">{(t.directory.login_held_until)(&locale.date_time(until))}</p>
            <ActionForm action=lift_hold>
                <input type="hidden" name="employee_id" value=employee_id />
                <button type="submit">{t.directory.lift_login_hold}</button>
            </ActionForm>
        }
    });
    view! {
        <section aria-labelledby="password-heading">
            <h2 id="password-heading">{t.directory.password_heading}</h2>
            {lifted}
            <p>{if has_password { t.directory.has_password } else { t.directory.no_password }}</p>
            {hold}
            <p class="hint">{t.directory.send_link_hint}</p>
            <ActionForm action=send_link>
                {outcome}
                <input type="hidden" name="employee_id" value=employee_id />
                <button type="submit">{t.directory.send_link_button}</button>
            </ActionForm>
        </section>
    }
}
