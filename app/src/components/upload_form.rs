//! A file upload form. Without JavaScript it is a plain multipart post. With it, the upload
//! runs in the background with its progress shown (large videos take a while), and the page
//! then follows the server's answer, exactly as the plain post would have.

use crate::{components::confirm::ConfirmSubmit, i18n::use_texts};
use leptos::{ev::SubmitEvent, prelude::*};

/// Where an upload stands: bytes sent of the total, or a failure to reach the server.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))] // the browser moves it on
enum Upload {
    Idle,
    Sending { sent: f64, total: f64 },
    Failed,
}

#[component]
pub fn UploadForm(
    action: String,
    submit_label: &'static str,
    /// Ties the form to its heading and error message.
    #[prop(into)]
    described_by: String,
    /// What the upload replaces, asked before it is sent (see `ConfirmSubmit`).
    #[prop(optional_no_strip)]
    replaces: Option<String>,
    children: Children,
) -> impl IntoView {
    let t = use_texts();
    let upload = RwSignal::new(Upload::Idle);
    let on_submit = move |event: SubmitEvent| {
        #[cfg(feature = "hydrate")]
        browser::submit(event, upload);
        #[cfg(not(feature = "hydrate"))]
        let _ = event;
    };
    let status = move || match upload.get() {
        Upload::Idle => None,
        Upload::Sending { sent, total } => {
            let percent = if total > 0.0 {
                sent / total * 100.0
            } else {
                0.0
            };
            Some(
                view! {
                    <progress max="100" value=format!("{percent:.0}")></progress>
                    " "{(t.upload_progress)(percent, sent / 1_048_576.0, total / 1_048_576.0)}
                }
                .into_any(),
            )
        }
        Upload::Failed => Some(view! { <span class="error">{t.upload_failed}</span> }.into_any()),
    };
    view! {
        <form method="post" enctype="multipart/form-data" action=action class="stacked wide"
            aria-describedby=described_by on:submit=on_submit>
            {children()}
            <ConfirmSubmit label=submit_label question=replaces confirm=submit_label
                disabled=Signal::derive(move || matches!(upload.get(), Upload::Sending { .. })) />
            <p role="status" class="upload-status">{status}</p>
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::Upload;
    use leptos::{ev::SubmitEvent, prelude::*};
    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

    pub fn submit(event: SubmitEvent, upload: RwSignal<Upload>) {
        let Some(form) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return; // the browser posts the form itself
        };
        let (Ok(data), Ok(request)) = (FormData::new_with_form(&form), XmlHttpRequest::new())
        else {
            return;
        };
        if request.open("POST", &form.action()).is_err() {
            return;
        }
        event.prevent_default();
        upload.set(Upload::Sending {
            sent: 0.0,
            total: 0.0,
        });
        let progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            upload.set(Upload::Sending {
                sent: e.loaded(),
                total: e.total(),
            });
        });
        let done = {
            let request = request.clone();
            Closure::<dyn FnMut()>::new(move || {
                // The server answers with a redirect to the editor (with its message), which
                // the request has followed: show that page.
                match request.response_url() {
                    url if request.status().is_ok_and(|s| s < 400) && !url.is_empty() => {
                        let _ = window().location().assign(&url);
                    }
                    _ => upload.set(Upload::Failed),
                }
            })
        };
        let failed = Closure::<dyn FnMut()>::new(move || upload.set(Upload::Failed));
        if let Ok(sending) = request.upload() {
            sending.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        }
        request.set_onload(Some(done.as_ref().unchecked_ref()));
        request.set_onerror(Some(failed.as_ref().unchecked_ref()));
        // One upload's handlers live as long as the page.
        progress.forget();
        done.forget();
        failed.forget();
        if request.send_with_opt_form_data(Some(&data)).is_err() {
            upload.set(Upload::Failed);
        }
    }
}
