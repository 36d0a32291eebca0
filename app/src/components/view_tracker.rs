//! Reports how long a material page is actually read: a heartbeat every 15 seconds while the
//! page is visible, a last one when it is hidden or closed (sent with `sendBeacon`, which
//! survives the tab closing), and a restart when it is shown again. Each beat carries whether
//! the end of the page was reached and how much of the video (if any) has been played, and a
//! video's progress is reported as it grows. Without JavaScript nothing is measured, and it
//! says so (the notice goes once the browser runs the page); documents still count when opened.

use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn ViewTracker(material_id: i32) -> impl IntoView {
    let t = use_texts();
    let running = RwSignal::new(false);
    // Effects run only in the browser: the server's page keeps the notice.
    Effect::new(move |_| running.set(true));
    #[cfg(feature = "hydrate")]
    browser::track(material_id);
    #[cfg(not(feature = "hydrate"))]
    let _ = material_id;
    move || (!running.get()).then(|| view! { <p class="error">{t.training.needs_javascript}</p> })
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::{
        api::training::material_heartbeat, components::material_content::VIDEO_ELEMENT_ID,
    };
    use leptos::{ev, prelude::*, task::spawn_local};
    use mamori_domain::training::{HEARTBEAT_SECONDS, Heartbeat, VIDEO_WATCHED_PERCENT};
    use std::time::Duration;
    use wasm_bindgen::JsCast;
    use web_sys::VisibilityState;

    /// How close to the bottom counts as the end of the page (a footer's height).
    const END_MARGIN: f64 = 48.0;

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

    fn send(material_id: i32, beat: Heartbeat) {
        let (end, watched) = (reached_end(), watched_percent());
        spawn_local(async move {
            // A lost beat only loses its seconds; the next one carries on.
            let _ = material_heartbeat(material_id, beat, end, watched).await;
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

    pub fn track(material_id: i32) {
        Effect::new(move |_| send(material_id, Heartbeat::Opened));
        let interval = set_interval_with_handle(
            move || {
                if visible() {
                    send(material_id, Heartbeat::Visible);
                }
            },
            Duration::from_secs(HEARTBEAT_SECONDS as u64),
        )
        .ok();
        let visibility = window_event_listener(ev::visibilitychange, move |_| {
            if visible() {
                send(material_id, Heartbeat::Resumed);
            } else {
                beacon(material_id);
            }
        });
        // Reaching the end is news worth a beat of its own, once (short pages need no scroll).
        let end_reported = StoredValue::new(false);
        let scroll = window_event_listener(ev::scroll, move |_| {
            if !end_reported.get_value() && reached_end() {
                end_reported.set_value(true);
                send(material_id, Heartbeat::Visible);
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
                    send(material_id, Heartbeat::Visible);
                }
            },
            Duration::from_secs(1),
        )
        .ok();
        on_cleanup(move || {
            for interval in [interval, video].into_iter().flatten() {
                interval.clear();
            }
            visibility.remove();
            scroll.remove();
            beacon(material_id);
        });
    }
}
