//! Material files: a trainer's upload of a document or a video (a plain multipart form, so it
//! works without JavaScript; with it, the page shows the upload's progress), and the files
//! served to the people allowed to see them.

use super::door::{Authorized, Rejection};
use crate::material_files::{MaterialFiles, ReceiveError, ReceivedFile};
use axum::{
    body::Body,
    extract::{Multipart, Path, Request, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use mamori_app::{
    api::{AppState, requested_slug},
    error::AppError,
};
use mamori_domain::{
    Permission,
    media::{MediaType, UploadError, UploadKind},
    url::encode,
};
use mamori_store::{
    StoreError,
    training::{MaterialFileRole, NewContent, NewMaterial, NewVideo},
};
use tower::ServiceExt;

/// The largest request: a video with its captions and the form's text.
pub(super) fn upload_limit() -> usize {
    (UploadKind::Video.max_bytes() + UploadKind::Captions.max_bytes() + 64 * 1024) as usize
}

/// What the upload form sent.
#[derive(Default)]
struct UploadForm {
    kind: String,
    title: String,
    description: String,
    video_url: String,
    file: Option<ReceivedFile>,
    captions: Option<ReceivedFile>,
}

/// Why an upload went back to the editor, as the code its message is found by.
fn refusal_code(field: &str, error: &ReceiveError) -> String {
    match error {
        ReceiveError::Refused(UploadError::Missing) => format!("{field}_missing"),
        ReceiveError::Refused(UploadError::TooLarge) => format!("{field}_too_large"),
        ReceiveError::Refused(UploadError::WrongType) => format!("{field}_wrong_type"),
        ReceiveError::Interrupted(_) | ReceiveError::Io(_) => "failed".into(),
    }
}

async fn read_form(files: &MaterialFiles, mut form: Multipart) -> Result<UploadForm, String> {
    let mut upload = UploadForm::default();
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Ok(upload),
            Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err("file_too_large".into());
            }
            Err(_) => return Err("failed".into()),
        };
        let name = field.name().unwrap_or_default().to_string();
        let (slot, max) = match name.as_str() {
            "file" => (&mut upload.file, UploadKind::Video.max_bytes()),
            "captions" => (&mut upload.captions, UploadKind::Captions.max_bytes()),
            _ => {
                let text = field.text().await.map_err(|_| "failed".to_string())?;
                let text = text.trim().to_string();
                match name.as_str() {
                    "kind" => upload.kind = text,
                    "title" => upload.title = text,
                    "description" => upload.description = text,
                    "video_url" => upload.video_url = text,
                    _ => {}
                }
                continue;
            }
        };
        // A file input left empty still sends a part, with no name and no bytes.
        let received = files
            .receive(&mut field, max)
            .await
            .map_err(|error| refusal_code(&name, &error))?;
        *slot = (received.size > 0).then_some(received);
    }
}

/// Adds a document or a video to a module's draft, then returns to the editor (with the
/// reason when refused, and what was typed, so that nothing is lost).
pub(super) async fn upload_material(
    Authorized(trainer): Authorized,
    State(state): State<AppState>,
    State(files): State<MaterialFiles>,
    Path(slug): Path<String>,
    form: Multipart,
) -> Result<Response, Rejection> {
    let slug = requested_slug(&slug)?;
    let editor = format!("/trainer/modules/{}", encode(slug.as_str()));
    let form = match read_form(&files, form).await {
        Ok(form) => form,
        Err(code) => {
            return Ok(
                Redirect::to(&format!("{editor}?upload_error={code}#add-file-heading"))
                    .into_response(),
            );
        }
    };
    let UploadForm {
        kind,
        title,
        description,
        video_url,
        file,
        captions,
    } = form;
    let back = |code: &str| {
        let mut url = format!(
            "{editor}?upload_error={code}&kind={}&title={}&video_url={}",
            encode(&kind),
            encode(&title),
            encode(&video_url)
        );
        // Long descriptions would make the address too long to be safe.
        if description.len() <= 1500 {
            url.push_str(&format!("&description={}", encode(&description)));
        }
        Redirect::to(&format!("{url}#add-file-heading")).into_response()
    };
    if title.is_empty() {
        return Ok(back("title_missing"));
    }
    // Every file is checked before any is kept, so that a refusal leaves nothing behind.
    let check = |file: Option<ReceivedFile>, kind: UploadKind, field: &str| {
        file.ok_or(ReceiveError::Refused(UploadError::Missing))
            .and_then(|file| file.check(kind).map(|media| (file, media)))
            .map_err(|error| refusal_code(field, &error))
    };
    let (main, captions) = match kind.as_str() {
        "document" => match check(file, UploadKind::Document, "file") {
            Ok(document) => (Some(document), None),
            Err(code) => return Ok(back(&code)),
        },
        "video" => {
            let captions = match check(captions, UploadKind::Captions, "captions") {
                Ok(captions) => captions,
                Err(code) => return Ok(back(&code)),
            };
            if !video_url.is_empty() {
                if mamori_domain::training::parse_video_link(&video_url).is_err() {
                    return Ok(back("link_invalid"));
                }
                (None, Some(captions))
            } else {
                match check(file, UploadKind::Video, "file") {
                    Ok(video) => (Some(video), Some(captions)),
                    Err(code) => return Ok(back(&code)),
                }
            }
        }
        _ => return Ok(back("failed")),
    };
    let keep = |checked: Option<(ReceivedFile, MediaType)>| async {
        match checked {
            Some((file, media)) => files.keep(file, media).await.map(Some),
            None => Ok(None),
        }
    };
    let (main, captions) = match (keep(main).await, keep(captions).await) {
        (Ok(main), Ok(captions)) => (main, captions),
        (Err(error), _) | (_, Err(error)) => {
            tracing::error!(%error, "keeping an uploaded file failed");
            return Ok(back("failed"));
        }
    };
    let content = match (&main, &captions) {
        (Some(file), None) => NewContent::Document {
            description: &description,
            file,
        },
        (Some(video), Some(captions)) => NewContent::Video {
            description: &description,
            video: NewVideo::Upload(video),
            captions,
        },
        (None, Some(captions)) => NewContent::Video {
            description: &description,
            video: NewVideo::Link(&video_url),
            captions,
        },
        (None, None) => return Ok(back("failed")),
    };
    let new = NewMaterial {
        title: &title,
        content,
    };
    match state
        .store
        .add_material(&slug, new, trainer.employee_id.as_str(), chrono::Utc::now())
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!("{editor}?added=1#materials-heading")).into_response()),
        Err(StoreError::NotFound(_)) => Err(AppError::NotFound.into()),
        Err(error) => {
            tracing::error!(%error, "adding a material failed");
            Ok(back("failed"))
        }
    }
}

/// A material's file (`file`) or captions (`captions`), to a learner taking its module —
/// opening a document counts as viewing it — or to a trainer. Anyone else: 404. Range
/// requests are answered, so that videos can be sought.
pub(super) async fn serve_material_file(
    Authorized(actor): Authorized,
    State(state): State<AppState>,
    State(files): State<MaterialFiles>,
    Path((material_id, which)): Path<(i32, String)>,
    request: Request,
) -> Result<Response, Rejection> {
    let role = match which.as_str() {
        "file" => MaterialFileRole::Main,
        "captions" => MaterialFileRole::Captions,
        _ => return Err(AppError::NotFound.into()),
    };
    let file = match state
        .store
        .file_for_learner(actor.staff_id, material_id, role, chrono::Utc::now())
        .await
    {
        Err(StoreError::NotFound(_)) if actor.can(Permission::AuthorTraining) => {
            state.store.file_for_author(material_id, role).await
        }
        other => other,
    }?;
    let mime = file.media.mime().parse::<mime::Mime>().map_err(|error| {
        tracing::error!(%error, "a material's type is no MIME type");
        AppError::Internal
    })?;
    let served = tower_http::services::ServeFile::new_with_mime(files.path_of(&file.sha256), &mime)
        .oneshot(request)
        .await;
    let mut response = match served {
        Ok(response) => response.map(Body::new),
        Err(error) => match error {},
    };
    // No sniffing and no caching, as every answer (security_headers.rs).
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&format!(
        "inline; filename*=UTF-8''{}",
        encode(&file.file_name)
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}
