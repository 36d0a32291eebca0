//! The mail Mamori queued about a person or for the whole agency: kind, subject, recipient,
//! when, and where it stands. Shown to the person, their managers and admins.

use crate::{components::data_table::DataTable, i18n::use_locale};
use leptos::prelude::*;
use mamori_domain::mail::{MailRecord, MailStatus};

#[component]
pub fn MailList(
    mail: Vec<MailRecord>,
    caption: String,
    /// The person each mail is about, for the admins' outbox.
    #[prop(optional)]
    with_person: bool,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if mail.is_empty() {
        return view! { <p class="empty-state">{t.mail.no_mail}</p> }.into_any();
    }
    let rows = mail
        .into_iter()
        .map(|m| {
            let status = match m.status() {
                MailStatus::Sent => (t.mail.sent_at)(&locale.date_time(m.sent_at.unwrap_or(m.created_at))),
                MailStatus::Cancelled => t.mail.cancelled.to_string(),
                MailStatus::Failing => (t.mail.failing)(m.attempts, m.last_error.as_deref().unwrap_or_default()),
                MailStatus::Waiting => t.mail.waiting.to_string(),
            };
            let class = format!("mail-{}", m.status().code());
            view! {
                <tr class=class>
                    <td>{locale.date_time(m.created_at)}</td>
                    {with_person.then(|| view! { <td>{m.employee_id.clone().unwrap_or_default()}</td> })}
                    <td>{locale.mail_kind(m.kind)}</td>
                    <td>{m.subject}</td>
                    <td>{m.to_address}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [t.mail.queued_at]
        .into_iter()
        .chain(with_person.then_some(t.employee_id))
        .chain([t.mail.kind, t.mail.subject, t.email, t.mail.status]);
    view! { <DataTable caption columns>{rows}</DataTable> }.into_any()
}
