//! A table of staff members, as the manager and admin pages show them.

use crate::i18n::use_locale;
use leptos::prelude::*;
use leptos_router::components::A;
use mamori_domain::StaffSummary;

#[component]
pub fn StaffTable(
    caption: String,
    staff: Vec<StaffSummary>,
    /// Link each employee ID to the person's page (admins).
    #[prop(optional)]
    link_people: bool,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let rows = staff
        .into_iter()
        .map(|person| {
            let roles = person
                .security_roles
                .iter()
                .filter(|role| **role != mamori_domain::SecurityRole::Staff)
                .map(|role| locale.security_role(*role))
                .collect::<Vec<_>>()
                .join("、");
            let period = match person.active_until {
                Some(until) => (t.directory.left_on)(&until.to_string()),
                None => (t.directory.since)(&person.active_from.to_string()),
            };
            view! {
                <tr>
                    <td>
                        {if link_people {
                            let href = format!("/admin/staff/{}", person.employee_id);
                            view! { <A href=href>{person.employee_id.to_string()}</A> }.into_any()
                        } else {
                            person.employee_id.to_string().into_any()
                        }}
                    </td>
                    <td>{person.name}</td>
                    <td>{person.email}</td>
                    <td>{person.division}</td>
                    <td>{roles}</td>
                    <td>{period}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="staff-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.employee_id}</th>
                        <th scope="col">{t.name}</th>
                        <th scope="col">{t.email}</th>
                        <th scope="col">{t.division}</th>
                        <th scope="col">{t.directory.security_roles}</th>
                        <th scope="col">{t.directory.active_period}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
