//! Under a form: "saved" (or what was done) once its action succeeded, or the error (its lines
//! kept), so that the outcome shows with and without JavaScript.

use crate::{error::AppError, i18n::use_texts};
use leptos::prelude::*;

pub fn action_outcome<A, O>(
    action: ServerAction<A>,
    id: &'static str,
) -> impl Fn() -> Option<AnyView> + Send + Sync
where
    A: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    action_outcome_saying(action, id, use_texts().saved)
}

/// The same, saying what was done (資料を削除しました。) rather than "saved".
pub fn action_outcome_saying<A, O>(
    action: ServerAction<A>,
    id: &'static str,
    done: &'static str,
) -> impl Fn() -> Option<AnyView> + Send + Sync
where
    A: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    action_outcome_by(action, id, move |_| done.to_string())
}

/// The same, saying what was done as the action's answer tells (submitted or saved, how many
/// people were reached).
pub fn action_outcome_by<A, O>(
    action: ServerAction<A>,
    id: &'static str,
    done: impl Fn(&O) -> String + Send + Sync + 'static,
) -> impl Fn() -> Option<AnyView> + Send + Sync
where
    A: leptos::server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let t = use_texts();
    move || {
        action.value().get().map(|result| match result {
            Ok(output) => view! { <p class="notice" role="status">{done(&output)}</p> }.into_any(),
            Err(error) => view! {
                <p class="error lines" role="alert" id=id>{t.error(&error)}</p>
            }
            .into_any(),
        })
    }
}
