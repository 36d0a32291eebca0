//! A page's parts as tabs: plain links that each open one part (`?tab=…`), so that they work
//! without JavaScript and a part is a link.

use leptos::prelude::*;

/// One tab: where it leads, what it says, and whether it is the part shown.
pub struct Tab {
    pub href: String,
    pub label: String,
    pub current: bool,
}

#[component]
pub fn Tabs(
    /// Names the navigation (「編集する内容」).
    label: &'static str,
    tabs: Vec<Tab>,
) -> impl IntoView {
    // Plain links: the router's <A> marks every link to the same path as current, whatever
    // its query.
    let items = tabs
        .into_iter()
        .map(|tab| {
            let current = tab.current.then_some("page");
            view! { <li><a href=tab.href aria-current=current>{tab.label}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="tabs" aria-label=label>
            <ul>{items}</ul>
        </nav>
    }
}
