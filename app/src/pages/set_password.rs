//! Setting one's password through an e-mailed link (`/set-password/:token`). Public.

use crate::{
    api::password::{SetPasswordWithLink, password_link_holder},
    i18n::use_texts,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};

#[component]
pub fn SetPasswordPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    // Inside the routes, so that a failed post without JavaScript shows its message.
    let set = ServerAction::<SetPasswordWithLink>::new();
    let holder = Resource::new(token, password_link_holder);
    let done = move || set.value().get().is_some_and(|r| r.is_ok());
    let failed = move || {
        set.value().get().and_then(Result::err).map(
            |error| view! { <p class="error" role="alert" id="set-password-error">{t.error(&error)}</p> },
        )
    };
    view! {
        <Title text=t.set_password_title />
        <div class="login">
            <h1>{t.set_password_title}</h1>
            <Show when=move || !done() fallback=move || view! {
                <p class="notice" role="status">{t.password_set_done}</p>
                <p><a href="/login">{t.go_to_login}</a></p>
            }>
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || holder.get().map(|result| match result {
                        Ok(name) => view! {
                            <p>{(t.set_password_for)(&name)}</p>
                            <ActionForm action=set attr:class="stacked" attr:aria-describedby="set-password-error">
                                {failed}
                                <input type="hidden" name="token" value=token() />
                                <label for="password">{t.new_password}</label>
                                <input id="password" name="password" type="password" autocomplete="new-password" minlength=mamori_domain::MIN_PASSWORD_CHARS required />
                                <label for="password_again">{t.new_password_again}</label>
                                <input id="password_again" name="password_again" type="password" autocomplete="new-password" minlength=mamori_domain::MIN_PASSWORD_CHARS required />
                                <button type="submit">{t.set_password_button}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(error) => view! {
                            <p class="error" role="alert">{t.error(&error)}</p>
                            <p><A href="/login">{t.go_to_login}</A></p>
                        }.into_any(),
                    })}
                </Suspense>
            </Show>
        </div>
    }
}
