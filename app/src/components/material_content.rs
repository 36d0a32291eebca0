//! A material as learners see it — a page, a document or a video with its captions — shared by
//! the module player and the trainer's preview. Files are served by material id, to logged-in
//! people allowed to see them (`/materials/<id>/file`, `/materials/<id>/captions`).

use crate::i18n::use_locale;
use leptos::prelude::*;
use mamori_domain::training::{FileInfo, Material, MaterialBody, VideoSource};

/// The id of the player's video, which the view tracker measures.
pub const VIDEO_ELEMENT_ID: &str = "material-video";

/// `measured`: the one material of the player, whose video the view tracker finds by id (the
/// editor shows several).
#[component]
pub fn MaterialContent(material: Material, #[prop(optional)] measured: bool) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let file_url = format!("/materials/{}/file", material.id);
    let captions_url = format!("/materials/{}/captions", material.id);
    let description = |html: String| {
        (!html.is_empty()).then(|| view! { <div class="material-body" inner_html=html></div> })
    };
    match material.body {
        MaterialBody::Page { html, .. } => {
            view! { <div class="material-body" inner_html=html></div> }.into_any()
        }
        MaterialBody::Document {
            file,
            description_html,
            ..
        } => {
            let shown = if file.media.is_image() {
                view! {
                    <figure class="material-document">
                        <img src=file_url.clone() alt=material.title.clone() />
                    </figure>
                }
                .into_any()
            } else {
                view! {
                    <p class="material-document">
                        <a href=file_url.clone() target="_blank" rel="noopener">
                            {(t.training.open_document)(&file_label(&file))}
                        </a>
                    </p>
                }
                .into_any()
            };
            view! { {shown} {description(description_html)} }.into_any()
        }
        MaterialBody::Video {
            source,
            captions: _,
            description_html,
            ..
        } => {
            let src = match source {
                VideoSource::Upload(_) => file_url,
                VideoSource::Link(link) => link,
            };
            view! {
                <video id=measured.then_some(VIDEO_ELEMENT_ID) class="material-video" controls preload="metadata" src=src>
                    <track kind="captions" src=captions_url srclang="ja" label=t.training.captions_label default />
                    <p>{t.training.video_unsupported}</p>
                </video>
                {description(description_html)}
            }
            .into_any()
        }
    }
}

/// "規程.pdf, 1.2 MB"
pub fn file_label(file: &FileInfo) -> String {
    let size = file.size_bytes as f64;
    let size = if size >= 1024.0 * 1024.0 {
        format!("{:.1} MB", size / 1024.0 / 1024.0)
    } else {
        format!("{} KB", (size / 1024.0).ceil())
    };
    format!("{}, {size}", file.file_name)
}
