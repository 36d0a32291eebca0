//! Taking a module: its materials in order (`?material=N`; without it, the first not yet
//! viewed, so that learners resume where they left off), each measured while it is read, with
//! the list of materials and what is already viewed.

use crate::{
    api::training::take_module,
    components::{
        guard::RequirePermission,
        material_content::{MaterialContent, ViewedRule},
        view_tracker::ViewTracker,
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
    let list = player
        .materials
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let n = index + 1;
            let here = (n == current).then_some("page");
            let mark = m
                .viewed
                .then(|| view! { <span class="viewed-mark">"✓ "{t.training.viewed_mark}</span> });
            let title = m.material.title.clone();
            view! { <li><A href=link(n) attr:aria-current=here>{title}</A>" "{mark}</li> }
        })
        .collect::<Vec<_>>();
    let done = player.completed_at.map(|at| {
        let date = locale.date(mamori_domain::agency_date(at));
        view! {
            <div class="notice" role="status">
                <p>{(t.training.completed_on)(&date)}</p>
                <p>{t.training.verification_code}": "<code>{player.verification_code.clone().unwrap_or_default()}</code></p>
                <p><A href=format!("/modules/{}/certificate", module.slug)>{t.training.show_certificate}</A></p>
            </div>
        }
    });
    let material = player.materials.into_iter().nth(current - 1).map(|m| {
        let id = m.material.id;
        let watched = (m.material.body.kind() == mamori_domain::training::MaterialKind::Video
            && m.watched_percent > 0)
            .then(
                || view! { <p class="hint">{(t.training.watched_so_far)(m.watched_percent)}</p> },
            );
        view! {
            <article class="material" aria-labelledby="material-title">
                <p class="hint">{(t.training.material_of)(current, count)}</p>
                <h2 id="material-title">{m.material.title.clone()}</h2>
                <ViewedRule material=m.material.clone() />
                {watched}
                <ViewTracker material_id=id />
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
            <span class=format!("status status-{:?}", module.status).to_lowercase()>{locale.progress_status(module.status)}</span>
            " · "{(t.training.due_on)(&locale.date(module.due))}
        </p>
        <label for="module-progress">{(t.training.materials_viewed)(module.viewed, module.materials)}</label>
        <progress id="module-progress" max=module.materials value=module.viewed></progress>
        {done}
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
