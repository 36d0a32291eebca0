//! A table of staff members, as the manager and admin pages show them.

use crate::{components::data_table::DataTable, i18n::use_locale};
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
                .join(locale.list_separator());
            let period = match person.active_until {
                Some(until) => (t.directory.left_on)(&until.to_string()),
                None => (t.directory.since)(&person.active_from.to_string()),
            };
            view! {
                <tr>
                    <td class="nowrap">
                        {if link_people {
                            let href = format!("/admin/staff/{}", person.employee_id);
                            view! { <A href=href>{person.employee_id.to_string()}</A> }.into_any()
                        } else {
                            person.employee_id.to_string().into_any()
                        }}
                    </td>
                    <td class="name">{person.name}</td>
                    <td>{person.email}</td>
                    <td>{person.division}</td>
                    <td>{roles}</td>
                    <td class="nowrap">{period}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.employee_id,
        t.name,
        t.email,
        t.division,
        t.directory.security_roles,
        t.directory.active_period,
    ];
    view! { <DataTable caption class="staff-table" columns>{rows}</DataTable> }
}
