//! A destructive or public action asked twice: its button opens a short question with the
//! button that does it. A `<details>` rather than a script's dialog, so that it asks the same
//! without JavaScript and is reached and opened from the keyboard; it sits inside the action's
//! form, whose submit button it holds. Without a question (nothing to lose: an empty pool, no
//! items yet) it is the plain submit button.

use leptos::prelude::*;

#[component]
pub fn ConfirmSubmit(
    /// What the first button says (削除).
    label: &'static str,
    /// What will happen, asked (この資料を削除しますか？…); `None` asks nothing.
    #[prop(into)]
    question: Option<String>,
    /// What the button that does it says (削除する).
    confirm: &'static str,
    /// The element naming what it acts on, for screen readers.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// `danger` for removing, `outline` for a plain action.
    #[prop(default = "danger")]
    class: &'static str,
    /// The plain button's state (an upload under way, nothing to publish).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    let Some(question) = question else {
        return view! {
            <button type="submit" disabled=disabled aria-describedby=described_by>{label}</button>
        }
        .into_any();
    };
    view! {
        <details class="confirm">
            <summary class=format!("confirm-open {class}") aria-describedby=described_by.clone()>{label}</summary>
            <div class="confirm-question">
                <p>{question}</p>
                <button type="submit" class=class aria-describedby=described_by>{confirm}</button>
            </div>
        </details>
    }
    .into_any()
}
