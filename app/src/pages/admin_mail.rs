//! The admins' mail page: the outbox (what waits, what fails and why, what went), and the
//! reminder settings: the default policy, the templates and the holiday list.

use crate::{
    api::mail::{
        PolicyForm, SaveHolidays, SaveMailTemplate, SaveReminderPolicy, TemplateOutcome,
        mail_settings, outbox_mail,
    },
    components::{
        action_outcome::{action_outcome, action_outcome_by},
        guard::RequirePermission,
        mail_list::MailList,
        policy_fields::PolicyFields,
    },
    i18n::{Locale, use_locale, use_texts},
    raw_text,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use mamori_domain::{
    Permission,
    mail::{MailKind, MailStatus, Outbox},
    reminder::{MailSample, MailTemplate, ReminderKind, ReminderPolicy},
};

#[component]
pub fn AdminMailPage() -> impl IntoView {
    let t = use_texts();
    let locale = use_locale();
    let query = use_query_map();
    let status = move || query.with(|q| q.get("status").unwrap_or_default());
    let outbox = Resource::new(status, outbox_mail);
    let save_policy = ServerAction::<SaveReminderPolicy>::new();
    let save_template = ServerAction::<SaveMailTemplate>::new();
    let save_holidays = ServerAction::<SaveHolidays>::new();
    let settings = Resource::new(
        move || {
            (
                save_policy.version().get(),
                save_template.version().get(),
                save_holidays.version().get(),
            )
        },
        |_| mail_settings(),
    );
    view! {
        <Title text=t.mail.admin_title />
        <RequirePermission permission=Permission::AdministerStaff page=move |_| {
            // The holiday warning stands above the outbox's long list, seen on arrival.
            view! {
                <h1>{t.mail.admin_title}</h1>
                <Suspense>
                    {move || settings.get().and_then(Result::ok).and_then(|s| s.holidays_running_out).map(|last_day| view! {
                        <p class="warning" id="holidays-running-out">
                            {(t.mail.holidays_running_out)(&locale.date(last_day))}" "
                            <a href="#holidays-text">{t.mail.holidays_label}</a>
                        </p>
                    })}
                </Suspense>
                <section aria-labelledby="outbox-heading">
                    <h2 id="outbox-heading">{t.mail.outbox_heading}</h2>
                    <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                        {move || outbox.get().map(|result| match result {
                            Ok(outbox) => view! { <OutboxView outbox chosen=status() /> }.into_any(),
                            Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                        })}
                    </Suspense>
                </section>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || settings.get().map(|result| match result {
                        Ok(settings) => view! {
                            <DefaultPolicy policy=settings.policy action=save_policy />
                            <Templates templates=settings.templates sample=settings.sample action=save_template />
                            <Holidays csv=settings.holidays action=save_holidays />
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
            }
        } />
    }
}

fn status_name(locale: Locale, status: MailStatus) -> &'static str {
    let t = locale.texts();
    match status {
        MailStatus::Waiting => t.mail.waiting,
        MailStatus::Failing => t.mail.status_failing,
        MailStatus::Sent => t.mail.status_sent,
        MailStatus::Cancelled => t.mail.status_cancelled,
    }
}

#[component]
fn OutboxView(outbox: Outbox, chosen: String) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let counts = outbox
        .counts
        .iter()
        .map(|(status, count)| {
            view! { <li><span class=format!("mail-{}", status.code())>{status_name(locale, *status)}</span>": "{*count}</li> }
        })
        .collect_view();
    let options = MailStatus::ALL
        .into_iter()
        .map(|status| {
            view! { <option value=status.code() selected=chosen == status.code()>{status_name(locale, status)}</option> }
        })
        .collect_view();
    let resume = outbox
        .reminders_resume_at
        .map(|at| view! { <p class="notice" id="reminders-resume">{(t.mail.reminders_resume)(&locale.date_time(at))}</p> });
    view! {
        <p class="hint">{t.mail.sending_hours}</p>
        {resume}
        <ul class="counts">{counts}</ul>
        <form method="get" class="inline">
            <label for="outbox-status">{t.mail.status}</label>
            <select id="outbox-status" name="status">
                <option value="">{t.mail.all_mail}</option>
                {options}
            </select>
            <button type="submit" class="outline">{t.mail.show_button}</button>
        </form>
        <MailList mail=outbox.latest caption=t.mail.outbox_caption.to_string() with_person=true />
    }
    .into_any()
}

#[component]
fn DefaultPolicy(
    policy: ReminderPolicy,
    action: ServerAction<SaveReminderPolicy>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <section aria-labelledby="policy-heading">
            <h2 id="policy-heading">{t.mail.policy_heading}</h2>
            <p class="hint">{t.mail.policy_hint}</p>
            <ActionForm action attr:class="stacked" attr:aria-describedby="policy-error">
                {action_outcome(action, "policy-error")}
                <PolicyFields policy=PolicyForm::from_policy(&policy) id_prefix="policy".to_string() />
                <button type="submit">{t.mail.save_policy}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn Templates(
    templates: Vec<(ReminderKind, MailTemplate)>,
    sample: MailSample,
    action: ServerAction<SaveMailTemplate>,
) -> impl IntoView {
    let t = use_texts();
    let forms = templates
        .into_iter()
        .map(|(kind, template)| view! { <TemplateForm kind template sample=sample.clone() action /> })
        .collect_view();
    let outcome = action_outcome_by(action, "template-error", move |outcome| match outcome {
        TemplateOutcome::Saved => t.saved.to_string(),
        TemplateOutcome::TestSent { to } => (t.mail.test_sent)(to),
    });
    view! {
        <section aria-labelledby="templates-heading">
            <h2 id="templates-heading">{t.mail.templates_heading}</h2>
            {outcome}
            {forms}
        </section>
    }
    .into_any()
}

/// One kind's wording, with a preview that follows the typing (filled with sample values),
/// and a button that mails that sample to the admin instead of saving.
#[component]
fn TemplateForm(
    kind: ReminderKind,
    template: MailTemplate,
    sample: MailSample,
    action: ServerAction<SaveMailTemplate>,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let id = move |field: &str| format!("template-{}-{field}", kind.code());
    let placeholders = kind
        .placeholders()
        .iter()
        .map(|p| format!("{{{p}}}"))
        .collect::<Vec<_>>()
        .join(" ");
    let typed = RwSignal::new(template.clone());
    let preview = Memo::new(move |_| typed.with(|typed| typed.sample(kind, &sample)));
    view! {
        <details class="panel">
            <summary>{locale.mail_kind(MailKind::Reminder(kind))}</summary>
            <ActionForm action attr:class="stacked wide">
                <input type="hidden" name="kind" value=kind.code() />
                <label for=id("subject")>{t.mail.subject}</label>
                <input id=id("subject") name="subject" type="text" value=template.subject required
                    on:input=move |ev| typed.update(|typed| typed.subject = event_target_value(&ev)) />
                <label for=id("body")>{t.mail.template_body}</label>
                <textarea id=id("body") name="body" rows="10" aria-describedby=id("hint")
                    on:input=move |ev| typed.update(|typed| typed.body = event_target_value(&ev))>{raw_text::textarea(template.body)}</textarea>
                <p class="hint" id=id("hint")>{(t.mail.template_placeholders)(&placeholders)}</p>
                <section class="mail-preview" aria-labelledby=id("preview")>
                    <h3 id=id("preview")>{t.mail.preview_heading}</h3>
                    <p class="hint">{t.mail.preview_hint}</p>
                    <p class="preview-subject"><strong>{t.mail.subject}": "</strong>{move || preview.with(|p| p.subject.clone())}</p>
                    <pre class="preview-body">{move || preview.with(|p| p.body.clone())}</pre>
                </section>
                <div class="form-actions">
                    <button type="submit">{t.mail.save_template}</button>
                    <button type="submit" class="outline" name="send_test" value="true">{t.mail.send_test}</button>
                </div>
            </ActionForm>
        </details>
    }
}

#[component]
fn Holidays(csv: String, action: ServerAction<SaveHolidays>) -> impl IntoView {
    let t = use_texts();
    view! {
        <section aria-labelledby="holidays-heading">
            <h2 id="holidays-heading">{t.mail.holidays_heading}</h2>
            <p class="hint" id="holidays-hint">{t.mail.holidays_hint}</p>
            <ActionForm action attr:class="stacked wide" attr:aria-describedby="holidays-error">
                {action_outcome(action, "holidays-error")}
                <label for="holidays-text">{t.mail.holidays_label}</label>
                <textarea id="holidays-text" name="text" rows="12" aria-describedby="holidays-hint">{raw_text::textarea(csv)}</textarea>
                <button type="submit">{t.mail.save_holidays}</button>
            </ActionForm>
        </section>
    }
}
