//! Measures how long a material page is actually read, and tells the learner where they stand.
//!
//! The page reports a heartbeat every 15 seconds while it is visible, a last one when it is
//! hidden or closed (sent with `sendBeacon`, which survives the tab closing), and a restart
//! when it is shown again. Each beat carries whether the end of the page was reached and how
//! much of the video (if any) has been played, and a video's progress is reported as it
//! grows. Each answer is the learner's standing, which the player shows at once (the ✓, the
//! count, the bar); between answers the page counts the time still needed down, second by
//! second, and reports as soon as it runs out so that the ✓ does not wait for the next beat.
//!
//! Without JavaScript nothing is measured, and the page says so instead of promising a rule
//! it cannot keep; documents still count when opened.

use crate::i18n::use_texts;
use leptos::prelude::*;
use mamori_domain::training::{Material, MaterialKind, VIDEO_WATCHED_PERCENT, ViewStanding};

/// The rule and the live standing of the one material on the page; `standing` is written by
/// the reports' answers and read by the player around it.
#[component]
pub fn ViewTracker(material: Material, standing: RwSignal<ViewStanding>) -> impl IntoView {
    let t = use_texts();
    let running = RwSignal::new(false);
    // Effects run only in the browser: the server's page tells what needs JavaScript.
    Effect::new(move |_| running.set(true));
    let kind = material.body.kind();
    #[cfg(feature = "hydrate")]
    browser::track(material.id, kind, standing);
    let rule = match kind {
        MaterialKind::Page => (t.training.read_to_end)(material.min_active_seconds),
        MaterialKind::Document => t.training.open_to_view.to_string(),
        MaterialKind::Video => (t.training.watch_to_view)(VIDEO_WATCHED_PERCENT),
    };
    // What is still needed, counted down each second: not a live region, which would speak
    // every second; the ✓ below is one.
    let needed = move || {
        let now = standing.get();
        match kind {
            _ if now.viewed => String::new(),
            MaterialKind::Page => match (now.seconds_left, now.reached_end) {
                (0, false) => t.training.scroll_to_end.to_string(),
                (0, true) => t.training.checking_view.to_string(),
                (left, false) => (t.training.seconds_left_and_end)(left),
                (left, true) => (t.training.seconds_left)(left),
            },
            MaterialKind::Video if now.watched_percent > 0 => {
                (t.training.watched_so_far)(now.watched_percent)
            }
            _ => String::new(),
        }
    };
    let viewed = move || {
        standing
            .get()
            .viewed
            .then_some(t.training.material_viewed_now)
    };
    move || {
        if running.get() || kind == MaterialKind::Document {
            view! {
                <p class="hint">{rule.clone()}</p>
                <p class="reading-needed">{needed}</p>
                <p class="reading-viewed" role="status">{viewed}</p>
            }
            .into_any()
        } else {
            view! { <p class="error">{t.training.needs_javascript}</p> }.into_any()
        }
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::{
        api::training::material_heartbeat, components::material_content::VIDEO_ELEMENT_ID,
    };
    use leptos::{ev, prelude::*, task::spawn_local};
    use mamori_domain::training::{
        HEARTBEAT_SECONDS, Heartbeat, MaterialKind, VIDEO_WATCHED_PERCENT, ViewStanding,
    };
    use std::time::Duration;
    use wasm_bindgen::JsCast;
    use web_sys::VisibilityState;

    /// How close to the bottom counts as the end of the page (a footer's height).
    const END_MARGIN: f64 = 48.0;

    /// How long after a document link is followed its opening is asked for: the file is
    /// fetched by another tab, which records it.
    const DOCUMENT_OPENING: Duration = Duration::from_secs(2);

    fn visible() -> bool {
        document().visibility_state() == VisibilityState::Visible
    }

    fn reached_end() -> bool {
        let window = window();
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let scrolled = window.scroll_y().unwrap_or(0.0);
        let total = document()
            .document_element()
            .map_or(0, |e| e.scroll_height()) as f64;
        scrolled + height >= total - END_MARGIN
    }

    /// The share of the page's video played so far (the sum of the played ranges, so that
    /// skipping ahead does not count), 0 without a video.
    fn watched_percent() -> i32 {
        let Some(video) = document()
            .get_element_by_id(VIDEO_ELEMENT_ID)
            .and_then(|e| e.dyn_into::<web_sys::HtmlMediaElement>().ok())
        else {
            return 0;
        };
        let duration = video.duration();
        if !duration.is_finite() || duration <= 0.0 {
            return 0;
        }
        let played = video.played();
        let seconds: f64 = (0..played.length())
            .map(|i| played.end(i).unwrap_or(0.0) - played.start(i).unwrap_or(0.0))
            .sum();
        ((seconds / duration * 100.0).floor() as i32).clamp(0, 100)
    }

    fn send(material_id: i32, beat: Heartbeat, standing: RwSignal<ViewStanding>) {
        let (end, watched) = (reached_end(), watched_percent());
        spawn_local(async move {
            // A lost beat only loses its seconds; the next one carries on.
            if let Ok(now) = material_heartbeat(material_id, beat, end, watched).await {
                // The player may have moved on to another material meanwhile.
                let _ = standing.try_set(now);
            }
        });
    }

    /// The last beat of a page being hidden or closed, which a normal request may not outlive.
    fn beacon(material_id: i32) {
        let body = format!(
            "material_id={material_id}&beat=visible&reached_end={}&watched_percent={}",
            reached_end(),
            watched_percent()
        );
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("application/x-www-form-urlencoded");
        let parts = js_sys::Array::of1(&body.into());
        if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
            let _ = window()
                .navigator()
                .send_beacon_with_opt_blob("/api/material_heartbeat", Some(&blob));
        }
    }

    pub fn track(material_id: i32, kind: MaterialKind, standing: RwSignal<ViewStanding>) {
        let send = move |beat| send(material_id, beat, standing);
        Effect::new(move |_| send(Heartbeat::Opened));
        let interval = set_interval_with_handle(
            move || {
                if visible() {
                    send(Heartbeat::Visible);
                }
            },
            Duration::from_secs(HEARTBEAT_SECONDS as u64),
        )
        .ok();
        // The time still needed, counted down while the page is visible; when it runs out
        // with the end in view, the page reports at once.
        let countdown = set_interval_with_handle(
            move || {
                let now = standing.get_untracked();
                if kind != MaterialKind::Page || now.viewed || now.seconds_left == 0 || !visible() {
                    return;
                }
                standing.set(now.tick());
                if now.tick().seconds_left == 0 && reached_end() {
                    send(Heartbeat::Visible);
                }
            },
            Duration::from_secs(1),
        )
        .ok();
        let visibility = window_event_listener(ev::visibilitychange, move |_| {
            if visible() {
                send(Heartbeat::Resumed);
            } else {
                beacon(material_id);
            }
        });
        // Reaching the end is news worth a beat of its own, once (short pages need no scroll).
        let end_reported = StoredValue::new(false);
        let scroll = window_event_listener(ev::scroll, move |_| {
            if !end_reported.get_value() && reached_end() {
                end_reported.set_value(true);
                send(Heartbeat::Visible);
            }
        });
        // A document is opened in another tab; ask how things stand once it has been fetched.
        let file = format!("/materials/{material_id}/file");
        let click = window_event_listener(ev::click, move |event| {
            let followed = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("a").ok().flatten())
                .and_then(|link| link.get_attribute("href"))
                .is_some_and(|href| href == file);
            if followed {
                set_timeout(move || send(Heartbeat::Visible), DOCUMENT_OPENING);
            }
        });
        // A video's progress is news each time it passes a tenth, and when it reaches the
        // share that counts as watched.
        let reported = StoredValue::new(0);
        let video = set_interval_with_handle(
            move || {
                let (now, before) = (watched_percent(), reported.get_value());
                let crossed = now >= VIDEO_WATCHED_PERCENT && before < VIDEO_WATCHED_PERCENT;
                if now / 10 > before / 10 || crossed {
                    reported.set_value(now);
                    send(Heartbeat::Visible);
                }
            },
            Duration::from_secs(1),
        )
        .ok();
        on_cleanup(move || {
            for interval in [interval, countdown, video].into_iter().flatten() {
                interval.clear();
            }
            visibility.remove();
            scroll.remove();
            click.remove();
            beacon(material_id);
        });
    }
}
