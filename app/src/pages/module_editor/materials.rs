//! The module's materials as learners will see them, each with its move, remove and edit
//! forms, and the forms that upload a document or a video.

use super::{EditorActions, UploadFeedback};
use crate::{
    components::{
        confirm::ConfirmSubmit, material_content::MaterialContent, upload_form::UploadForm,
    },
    i18n::{training, use_locale, use_texts},
    raw_text,
};
use leptos::prelude::*;
use mamori_domain::training::{Material, MaterialBody};

/// The draft's materials in order, each previewed as learners will see it.
#[component]
pub(super) fn MaterialList(
    materials: Vec<Material>,
    slug: String,
    actions: EditorActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if materials.is_empty() {
        return view! { <p class="empty-state">{t.training.no_materials}</p> }.into_any();
    }
    let count = materials.len();
    let slug = StoredValue::new(slug);
    let items = materials
        .into_iter()
        .enumerate()
        .map(|(index, material)| {
            let position = index + 1;
            let heading = format!("material-{}", material.id);
            let remove_described_by = heading.clone();
            let remove_question = (t.training.remove_material_question)(&material.title);
            let kind = material.body.kind();
            let seconds = matches!(material.body, MaterialBody::Page { .. })
                .then(|| format!(" · {}", (t.training.min_seconds_of)(material.min_active_seconds)));
            let reorder = |direction: &'static str, label: &'static str, disabled: bool, heading: String| {
                view! {
                    <ActionForm action=actions.reorder>
                        <input type="hidden" name="slug" value=slug.get_value() />
                        <input type="hidden" name="position" value=position />
                        <input type="hidden" name="direction" value=direction />
                        <button type="submit" class="outline" disabled=disabled aria-describedby=heading.clone()>{label}</button>
                    </ActionForm>
                }
            };
            view! {
                <li>
                    <article class="material-preview" aria-labelledby=heading.clone()>
                        <p class="hint">{locale.material_kind(kind)}" · "{(t.training.material_of)(position, count)}{seconds}</p>
                        <h3 id=heading.clone()>{material.title.clone()}</h3>
                        <MaterialContent material=material.clone() />
                        <div class="material-actions">
                            {reorder("up", t.training.move_up, position == 1, heading.clone())}
                            {reorder("down", t.training.move_down, position == count, heading.clone())}
                            <ActionForm action=actions.remove>
                                <input type="hidden" name="slug" value=slug.get_value() />
                                <input type="hidden" name="position" value=position />
                                <ConfirmSubmit label=t.training.remove_material
                                    question=remove_question
                                    confirm=t.training.remove_material_confirm described_by=remove_described_by.clone() />
                            </ActionForm>
                        </div>
                        <EditMaterialForm material slug=slug.get_value() position actions />
                    </article>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="material-previews">{items}</ol> }.into_any()
}

#[component]
fn EditMaterialForm(
    material: Material,
    slug: String,
    position: usize,
    actions: EditorActions,
) -> impl IntoView {
    let t = use_texts();
    let id = move |field: &str| format!("edit-{field}-{position}");
    let (text, text_label, is_page) = match &material.body {
        MaterialBody::Page { markdown, .. } => (markdown.clone(), t.training.markdown_label, true),
        MaterialBody::Document {
            description_markdown,
            ..
        }
        | MaterialBody::Video {
            description_markdown,
            ..
        } => (
            description_markdown.clone(),
            t.training.description_label,
            false,
        ),
    };
    view! {
        <details>
            <summary>{t.training.edit_material_summary}</summary>
            <ActionForm action=actions.edit attr:class="stacked wide">
                <input type="hidden" name="slug" value=slug />
                <input type="hidden" name="position" value=position />
                <label for=id("title")>{t.training.material_title_label}</label>
                <input id=id("title") name="title" type="text" value=material.title required />
                <label for=id("text")>{text_label}</label>
                <textarea id=id("text") name="text" rows="8" required=is_page>{raw_text::textarea(text)}</textarea>
                {if is_page {
                    view! {
                        <label for=id("seconds")>{t.training.min_seconds_label}</label>
                        <input id=id("seconds") name="min_active_seconds" type="number" min="0" value=material.min_active_seconds required />
                    }.into_any()
                } else {
                    view! { <input type="hidden" name="min_active_seconds" value="0" /> }.into_any()
                }}
                <button type="submit">{t.training.save_button}</button>
            </ActionForm>
        </details>
    }
}

/// The form that uploads a document (`kind` "document") or a video ("video").
#[component]
pub(super) fn AddFileForm(
    kind: &'static str,
    action: String,
    feedback: UploadFeedback,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let video = kind == "video";
    let id = move |field: &str| format!("{kind}-{field}");
    let heading = id("heading");
    // The message and the values typed belong to the form they were sent from.
    let mine = feedback.kind == kind;
    let error = feedback.error.filter(|_| mine).map(|code| {
        let message = training::upload_error(locale, &code, &feedback.video_url);
        view! { <p class="error" role="alert" id=id("error")>{message}</p> }
    });
    let typed = move |value: &String| if mine { value.clone() } else { String::new() };
    // The upload route sends people back to `#add-file-heading`; it marks the form they used.
    let anchor = mine.then_some("add-file-heading");
    view! {
        <section aria-labelledby=heading.clone()>
            <h2 id=heading.clone()><span id=anchor></span>{if video { t.training.add_video_heading } else { t.training.add_document_heading }}</h2>
            <UploadForm action described_by=id("error")
                submit_label=if video { t.training.add_video_button } else { t.training.add_document_button }>
                {error}
                <input type="hidden" name="kind" value=kind />
                <label for=id("title")>{t.training.material_title_label}</label>
                <input id=id("title") name="title" type="text" value=typed(&feedback.title) required />
                <label for=id("file")>{if video { t.training.video_file_label } else { t.training.document_file_label }}</label>
                <input id=id("file") name="file" type="file" required=!video
                    accept=if video { "video/mp4,video/webm" } else { "application/pdf,image/png,image/jpeg,image/gif,image/webp" } />
                {video.then(|| view! {
                    <label for=id("url")>{t.training.video_url_label}</label>
                    <input id=id("url") name="video_url" type="url" value=typed(&feedback.video_url) />
                    <label for=id("captions")>{t.training.captions_file_label}</label>
                    <input id=id("captions") name="captions" type="file" accept=".vtt,text/vtt" required />
                })}
                <label for=id("description")>{t.training.description_label}</label>
                <textarea id=id("description") name="description" rows="4">{raw_text::textarea(typed(&feedback.description))}</textarea>
            </UploadForm>
        </section>
    }
}
