//! Taking a module: its materials in order (`?material=N`; without it, the first not yet
//! viewed, so that learners resume where they left off), each measured while it is read, with
//! the list of materials and what is already viewed.

use crate::{
    api::training::take_module,
    components::{
        guard::RequirePermission, material_content::MaterialContent, view_tracker::ViewTracker,
    },
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use mamori_domain::{Permission, training::ModulePlayer};

#[component]
pub fn ModulePlayerPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let current = move || query.with(|q| q.get("material").and_then(|n| n.parse::<usize>().ok()));
    // Reloaded on every move between materials, so that "viewed" marks are fresh.
    let player = Resource::new(move || (slug(), current()), |(slug, _)| take_module(slug));
    view! {
        <RequirePermission permission=Permission::TakeTraining page=move |_| {
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || player.get().map(|result| match result {
                        Ok(player) => view! { <Player player current=current() /> }.into_any(),
                        Err(error) => view! {
                            <Title text=t.not_found />
                            <h1>{t.error(&error)}</h1>
                        }.into_any(),
                    })}
                </Suspense>
                <p><A href="/">{t.training.back_to_my_training}</A></p>
            }
        } />
    }
}

#[component]
fn Player(player: ModulePlayer, current: Option<usize>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let count = player.materials.len();
    let resume = player.materials.iter().position(|m| !m.viewed).unwrap_or(0) + 1;
    let current = current.unwrap_or(resume).clamp(1, count.max(1));
    let module = player.module;
    let slug = module.slug.clone();
    let link = move |n: usize| format!("/modules/{slug}?material={n}");
    let completed_before = player.completed_at.is_some();
    let shown = player.materials.get(current - 1);
    // The material on the page reports as it is read; the marks, count and bar follow it.
    let standing =
        RwSignal::new(shown.map_or_else(Default::default, |m| m.standing(completed_before)));
    let viewed_before = shown.is_some_and(|m| m.viewed);
    let viewed_now = move || !viewed_before && standing.get().viewed;
    let (viewed_before_count, status_before, total) =
        (module.viewed, module.status, module.materials);
    let viewed_count = move || viewed_before_count + usize::from(viewed_now());
    let status = move || {
        let now = standing.get();
        if now.viewed {
            status_before.after_viewing(now.module_completed)
        } else {
            status_before
        }
    };
    let list = player
        .materials
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let n = index + 1;
            let here = (n == current).then_some("page");
            let viewed = m.viewed;
            let mark = move || {
                (viewed || (n == current && viewed_now())).then(
                    || view! { <span class="viewed-mark">"✓ "{t.training.viewed_mark}</span> },
                )
            };
            let title = m.material.title.clone();
            view! { <li><A href=link(n) attr:aria-current=here>{title}</A>" "{mark}</li> }
        })
        .collect::<Vec<_>>();
    let certificate = format!("/modules/{}/certificate", module.slug);
    let done = player.completed_at.map(|at| {
        let date = locale.date(mamori_domain::agency_date(at));
        view! {
            <div class="notice" role="status">
                <p>{(t.training.completed_on)(&date)}</p>
                <p>{t.training.verification_code}": "<code>{player.verification_code.clone().unwrap_or_default()}</code></p>
                <p><A href=certificate.clone()>{t.training.show_certificate}</A></p>
            </div>
        }
    });
    // Completed by reading the last material here: the code is on the certificate.
    let done_now = move || {
        (!completed_before && standing.get().module_completed).then(|| {
            view! {
                <div class="notice">
                    <p>{t.training.module_completed_now}</p>
                    <p><A href=certificate.clone()>{t.training.show_certificate}</A></p>
                </div>
            }
        })
    };
    let material = player.materials.into_iter().nth(current - 1).map(|m| {
        view! {
            <article class="material" aria-labelledby="material-title">
                <p class="hint">{(t.training.material_of)(current, count)}</p>
                <h2 id="material-title">{m.material.title.clone()}</h2>
                <ViewTracker material=m.material.clone() standing />
                <MaterialContent material=m.material measured=true />
            </article>
        }
    });
    let previous = (current > 1).then(
        || view! { <A href=link(current - 1) attr:rel="prev">{t.training.previous_material}</A> },
    );
    let quiz = player.has_quiz.then(|| {
        view! {
            <p class="quiz-link"><A href=format!("/modules/{}/quiz", module.slug)>{t.training.take_quiz}</A></p>
        }
    });
    let next = (current < count).then(
        || view! { <A href=link(current + 1) attr:rel="next">{t.training.next_material}</A> },
    );
    view! {
        <Title text=module.title.clone() />
        <h1>{module.title.clone()}</h1>
        <p>
            <span class=move || format!("status status-{:?}", status()).to_lowercase()>{move || locale.progress_status(status())}</span>
            " · "{(t.training.due_on)(&locale.date(module.due))}
        </p>
        <label for="module-progress">{move || (t.training.materials_viewed)(viewed_count(), total)}</label>
        <progress id="module-progress" max=total value=viewed_count></progress>
        {done}
        <div role="status">{done_now}</div>
        {quiz}
        <div class="player">
            <nav aria-label=t.training.material_list class="material-list">
                <h2>{t.training.material_list}</h2>
                <ol>{list}</ol>
            </nav>
            <div class="material-column">
                {material}
                <nav aria-label=t.pagination class="pagination">{previous}{next}</nav>
            </div>
        </div>
    }
}
