//! One person's training, material by material, and the mail sent to them, for a viewer whose
//! results scope reaches them (a manager of their division, a trainer, an admin).

use crate::{
    api::reports::staff_training,
    components::{data_table::DataTable, guard::RequirePermission, mail_list::MailList},
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use mamori_domain::{Permission, training::PersonTraining};

#[component]
pub fn StaffTrainingPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let training = Resource::new(
        move || params.with(|p| p.get("employee_id").unwrap_or_default()),
        staff_training,
    );
    view! {
        <RequirePermission permission=Permission::ViewTrainingResults page=move |_| {
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || training.get().map(|result| match result {
                        Ok(person) => view! { <PersonView person /> }.into_any(),
                        Err(error) => view! {
                            <Title text=t.not_found />
                            <h1>{t.error(&error)}</h1>
                        }.into_any(),
                    })}
                </Suspense>
                <p><A href="/manager">{t.training.back_to_training_by_person}</A></p>
            }
        } />
    }
}

#[component]
fn PersonView(person: PersonTraining) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let heading = (t.training.person_training_title)(&format!(
        "{}{}",
        person.name,
        locale.bracketed(person.employee_id.as_str())
    ));
    let when = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map(|at| locale.date_time(at)).unwrap_or_default()
    };
    let modules = person
        .modules
        .into_iter()
        .map(|progress| {
            let module = progress.module;
            let rows = progress
                .materials
                .into_iter()
                .map(|m| {
                    let mark = if m.viewed { t.training.viewed_mark } else { "" };
                    view! {
                        <tr>
                            <th scope="row">{m.material.title}</th>
                            <td>{mark}</td>
                            <td>{when(m.first_view_at)}</td>
                            <td>{when(m.last_view_at)}</td>
                            <td>{m.views}</td>
                            <td>{(t.training.seconds)(m.active_seconds)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let status = format!(
                "{} · {}",
                locale.progress_status(module.status),
                (t.training.due_on)(&locale.date(module.due))
            );
            let columns = [
                t.training.material_title,
                t.status_label,
                t.training.first_view,
                t.training.last_view,
                t.training.view_count,
                t.training.active_time,
            ];
            view! {
                <section class="module-progress">
                    <h2>{module.title}</h2>
                    <p>{status}</p>
                    <DataTable columns>{rows}</DataTable>
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=heading.clone() />
        <h1>{heading}</h1>
        <p><A href=format!("/reports/staff/{}", person.employee_id)>{t.reports.transcript_link}</A></p>
        {modules}
        <section aria-labelledby="person-mail-heading">
            <h2 id="person-mail-heading">{t.mail.heading}</h2>
            <MailList mail=person.mail caption=t.mail.heading.to_string() />
        </section>
    }
}
