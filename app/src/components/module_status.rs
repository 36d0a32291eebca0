//! A module's life-cycle status in words, as trainers see it.

use crate::i18n::use_locale;
use leptos::prelude::*;
use mamori_domain::training::{ModuleStatus, ModuleSummary};

#[component]
pub fn ModuleStatusText(module: ModuleSummary) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let status = match module.status {
        ModuleStatus::Draft => t.training.status_draft.to_string(),
        ModuleStatus::Published => (t.training.status_published)(module.published_version),
        ModuleStatus::Archived => t.training.status_archived.to_string(),
    };
    let pending = (module.status == ModuleStatus::Published && module.has_unpublished_changes)
        .then(|| locale.bracketed(t.training.unpublished_changes));
    view! { <span class="module-status">{status}{pending}</span> }
}
