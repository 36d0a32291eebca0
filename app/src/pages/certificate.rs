//! Certificates of completion: the learner's printable page, and the admin's check of a code.

use crate::{
    api::training::{my_certificate, verify_certificate},
    components::guard::RequirePermission,
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::{A, Form},
    hooks::{use_params_map, use_query_map},
};
use mamori_domain::{FiscalYear, Permission, SecurityRole, training::Certificate};

#[component]
pub fn CertificatePage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let certificate = Resource::new(slug, my_certificate);
    view! {
        <Title text=t.training.certificate_title />
        <RequirePermission permission=Permission::TakeTraining page=move |_| {
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || certificate.get().map(|result| match result {
                        Ok(certificate) => view! {
                            <CertificateView certificate />
                            <p class="hint no-print">{t.training.print_hint}</p>
                        }.into_any(),
                        Err(error) => view! { <h1>{t.error(&error)}</h1> }.into_any(),
                    })}
                </Suspense>
                <p class="no-print"><A href=move || format!("/modules/{}", slug())>{t.training.back_to_my_training}</A></p>
            }
        } />
    }
}

#[component]
fn CertificateView(certificate: Certificate) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let completed = locale.date(mamori_domain::agency_date(certificate.completed_at));
    let year = locale.fiscal_year(FiscalYear::new(certificate.fiscal_year));
    view! {
        <article class="certificate" aria-labelledby="certificate-title">
            <h1 id="certificate-title">{t.training.certificate_title}</h1>
            <p class="certificate-text">{(t.training.certificate_text)(&certificate.name, &certificate.module_title)}</p>
            <dl class="facts">
                <dt>{t.employee_id}</dt><dd>{certificate.employee_id.to_string()}</dd>
                <dt>{t.training.certificate_fiscal_year}</dt><dd>{year}</dd>
                <dt>{t.training.completed_date}</dt><dd>{completed}</dd>
                <dt>{t.training.verification_code}</dt><dd><code>{certificate.verification_code}</code></dd>
            </dl>
            <p class="hint">{(t.training.certificate_version)(certificate.version)}</p>
            {certificate.issued_by.map(|name| view! {
                <p class="certificate-issuer">{locale.security_role(SecurityRole::Ciso)}" "{name}</p>
            })}
        </article>
    }
}

/// Admins check a code someone showed them (`?code=…`, so the check is a link).
#[component]
pub fn VerifyCertificatePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let code = move || query.with(|q| q.get("code").unwrap_or_default());
    let found = Resource::new(code, |code| async move {
        if code.trim().is_empty() {
            Ok(None)
        } else {
            verify_certificate(code).await.map(Some)
        }
    });
    view! {
        <Title text=t.verify_heading />
        <RequirePermission permission=Permission::AdministerStaff page=move |_| {
            view! {
                <h1>{t.verify_heading}</h1>
                <Form method="GET" action="" attr:class="search">
                    <label for="code">{t.training.verify_label}</label>
                    <input id="code" name="code" type="text" prop:value=code autocomplete="off" />
                    <button type="submit">{t.training.verify_button}</button>
                </Form>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || found.get().map(|result| match result {
                        Ok(None) => ().into_any(),
                        Ok(Some(None)) => view! { <p class="error" role="alert">{t.training.verify_none}</p> }.into_any(),
                        Ok(Some(Some(certificate))) => view! {
                            <p class="notice" role="status">{t.training.verify_found}</p>
                            <CertificateView certificate />
                        }.into_any(),
                        Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
                    })}
                </Suspense>
            }
        } />
    }
}
