//! The fields of a reminder policy, for the admins' default and an assignment's own. Named
//! `policy[…]` so that they arrive as one `PolicyForm`; a cleared checkbox is absent (false).

use crate::{api::mail::PolicyForm, i18n::use_texts};
use leptos::prelude::*;

#[component]
pub fn PolicyFields(policy: PolicyForm, id_prefix: String) -> impl IntoView {
    let t = use_texts();
    let id = |field: &str| format!("{id_prefix}-{field}");
    let checkbox = |field: &'static str, label: &'static str, checked: bool| {
        view! {
            <div class="checkbox">
                <input type="checkbox" id=id(field) name=format!("policy[{field}]") value="true" checked=checked />
                <label for=id(field)>{label}</label>
            </div>
        }
    };
    view! {
        {checkbox("notice", t.mail.policy_notice, policy.notice)}
        <label for=id("days_before")>{t.mail.policy_days_before}</label>
        <input id=id("days_before") name="policy[days_before]" type="text" inputmode="numeric" value=policy.days_before />
        {checkbox("on_due_date", t.mail.policy_on_due_date, policy.on_due_date)}
        <label for=id("overdue_every_days")>{t.mail.policy_overdue_every}</label>
        <input id=id("overdue_every_days") name="policy[overdue_every_days]" type="number" min="0" max="365" value=policy.overdue_every_days required />
        {checkbox("manager_digest", t.mail.policy_manager_digest, policy.manager_digest)}
    }
}
