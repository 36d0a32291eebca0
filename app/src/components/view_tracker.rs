//! Reports how long a material page is actually read: a heartbeat every 15 seconds while the
//! page is visible, a last one when it is hidden or closed (sent with `sendBeacon`, which
//! survives the tab closing), and a restart when it is shown again. Without JavaScript nothing
//! is measured, and it says so (the notice goes once the browser runs the page).

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
    move || (!running.get()).then(|| view! { <p class="error">{t.needs_javascript}</p> })
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::api::training::material_heartbeat;
    use leptos::{ev, prelude::*, task::spawn_local};
    use mamori_domain::training::{HEARTBEAT_SECONDS, Heartbeat};
    use std::time::Duration;
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

    fn send(material_id: i32, beat: Heartbeat) {
        let end = reached_end();
        spawn_local(async move {
            // A lost beat only loses its seconds; the next one carries on.
            let _ = material_heartbeat(material_id, beat, end).await;
        });
    }

    /// The last beat of a page being hidden or closed, which a normal request may not outlive.
    fn beacon(material_id: i32) {
        let body = format!(
            "material_id={material_id}&beat=visible&reached_end={}",
            reached_end()
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
        on_cleanup(move || {
            if let Some(interval) = interval {
                interval.clear();
            }
            visibility.remove();
            scroll.remove();
            beacon(material_id);
        });
    }
}
