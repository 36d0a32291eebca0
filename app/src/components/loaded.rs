//! A resource's value shown once it has loaded: "loading" until then, its error if it failed.

use crate::{error::AppError, i18n::use_texts};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Loaded<T, F, V>(
    resource: Resource<Result<T, AppError>>,
    view: F,
    /// The resource is the whole page: its error is the page's title and heading.
    #[prop(optional)]
    whole_page: bool,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let t = use_texts();
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
            {move || resource.get().map(|result| match result {
                Ok(value) => view(value).into_any(),
                Err(error) if whole_page => view! {
                    <Title text=t.error(&error) />
                    <h1>{t.error(&error)}</h1>
                }.into_any(),
                Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
            })}
        </Suspense>
    }
}
