//! Documents and videos over HTTP: a trainer's multipart upload (checked by its bytes, size
//! limited, nothing left behind when refused), and files served only to the learners taking
//! the module and to trainers, with opening a document counting as viewing it.

use crate::support::*;
use reqwest::{StatusCode, multipart};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const VTT: &[u8] =
    "WEBVTT\n\n00:00.000 --> 00:02.000\n紛失に気づいたら、すぐに報告します。\n".as_bytes();

fn webm() -> Vec<u8> {
    let mut video = b"\x1A\x45\xDF\xA3".to_vec();
    video.extend((0..10_000u32).map(|i| (i % 251) as u8));
    video
}

fn part(bytes: &[u8], name: &str) -> multipart::Part {
    multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string())
}

/// Posts an upload form; returns where the server sent the browser.
async fn upload(trainer: &TestApp, slug: &str, form: multipart::Form) -> String {
    trainer
        .post_multipart(&format!("/trainer/modules/{slug}/materials"), form)
        .await
}

/// The trainer starts module `rules`.
async fn create_rules(trainer: &TestApp) {
    let created = trainer
        .call(
            "create_module",
            &[
                ("slug", "rules"),
                ("title", "規程"),
                ("summary", ""),
                ("estimated_minutes", "5"),
            ],
        )
        .await;
    assert_eq!(created.status(), StatusCode::OK, "{}", trainer.backend);
}

fn document(title: &str, file: multipart::Part) -> multipart::Form {
    multipart::Form::new()
        .text("kind", "document")
        .text("title", title.to_string())
        .text("description", "規程の全文")
        .part("file", file)
}

async fn files_on_disk(app: &TestApp) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(&app.files_dir)
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[tokio::test]
async fn trainers_upload_documents_and_videos_and_bad_files_are_refused_whole() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let trainer = app.session_of(TRAINER).await;
        create_rules(&trainer).await;

        // A script dressed as a PDF, a video as a document, and a video without captions.
        let refused = [
            (
                document("偽物", part(b"<html><script>alert(1)</script>", "evil.pdf")),
                "upload_error=file_wrong_type",
            ),
            (
                document("動画", part(&webm(), "film.webm")),
                "upload_error=file_wrong_type",
            ),
            (
                multipart::Form::new()
                    .text("kind", "video")
                    .text("title", "字幕なし")
                    .part("file", part(&webm(), "film.webm")),
                "upload_error=captions_missing",
            ),
            (
                multipart::Form::new()
                    .text("kind", "document")
                    .text("title", "")
                    .part("file", part(PDF, "a.pdf")),
                "upload_error=title_missing",
            ),
            (
                document("大きすぎ", part(&vec![b'%'; 21 * 1024 * 1024], "big.pdf")),
                "upload_error=file_too_large",
            ),
        ];
        for (form, expected) in refused {
            let location = upload(&trainer, "rules", form).await;
            assert!(location.contains(expected), "{backend}: {location}");
        }
        let back = upload(
            &trainer,
            "rules",
            multipart::Form::new()
                .text("kind", "video")
                .text("title", "字幕なし")
                .text("video_url", "javascript:alert(1)")
                .part("captions", part(VTT, "a.vtt")),
        )
        .await;
        assert!(
            back.contains("upload_error=link_invalid") && back.contains("title=%E5%AD%97"),
            "{backend}: the typed title comes back: {back}"
        );
        assert!(
            files_on_disk(&app).await.is_empty(),
            "{backend}: nothing refused is kept"
        );
        assert!(
            app.store
                .module_draft(&slug("rules"))
                .await
                .unwrap()
                .materials
                .is_empty(),
            "{backend}"
        );

        let added = upload(
            &trainer,
            "rules",
            document("情報セキュリティ規程", part(PDF, "規程.pdf")),
        )
        .await;
        assert!(
            added.ends_with("/trainer/modules/rules?added=1#materials-heading"),
            "{backend}: {added}"
        );
        let video = multipart::Form::new()
            .text("kind", "video")
            .text("title", "紛失事案の再現")
            .part("file", part(&webm(), "film.webm"))
            .part("captions", part(VTT, "film.vtt"));
        upload(&trainer, "rules", video).await;
        let linked = multipart::Form::new()
            .text("kind", "video")
            .text("title", "配信サーバの動画")
            .text("video_url", "https://video.example.go.jp/a.mp4")
            .part("captions", part(VTT, "film.vtt"));
        upload(&trainer, "rules", linked).await;
        assert_eq!(
            files_on_disk(&app).await.len(),
            3,
            "{backend}: the PDF, the video and one copy of the captions used twice"
        );
        let draft = app.store.module_draft(&slug("rules")).await.unwrap();
        assert_eq!(draft.materials.len(), 3, "{backend}");

        // Anyone else uploading is refused.
        let learner = app.session_of(LEARNER).await;
        let response = learner
            .client
            .post(format!("{}/trainer/modules/rules/materials", app.address))
            .multipart(document("x", part(PDF, "x.pdf")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{backend}");
    }
}

#[tokio::test]
async fn files_reach_only_learners_taking_the_module_and_trainers() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        let trainer = app.session_of(TRAINER).await;
        create_rules(&trainer).await;
        upload(
            &trainer,
            "rules",
            document("規程", part(PDF, "情報セキュリティ規程.pdf")),
        )
        .await;
        let video = multipart::Form::new()
            .text("kind", "video")
            .text("title", "再現")
            .part("file", part(&webm(), "film.webm"))
            .part("captions", part(VTT, "film.vtt"));
        upload(&trainer, "rules", video).await;
        let draft = app.store.module_draft(&slug("rules")).await.unwrap();
        let (pdf, film) = (draft.materials[0].id, draft.materials[1].id);
        let get =
            |who: &TestApp, path: String| who.client.get(format!("{}{path}", who.address)).send();

        let learner = app.session_of(LEARNER).await;
        let anonymous = app.session_of("").await;
        assert_eq!(
            get(&anonymous, format!("/materials/{pdf}/file"))
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED,
            "{backend}"
        );
        assert_eq!(
            get(&learner, format!("/materials/{pdf}/file"))
                .await
                .unwrap()
                .status(),
            StatusCode::NOT_FOUND,
            "{backend}: not published nor assigned yet"
        );
        let preview = get(&trainer, format!("/materials/{pdf}/file"))
            .await
            .unwrap();
        assert_eq!(
            preview.status(),
            StatusCode::OK,
            "{backend}: the trainer previews"
        );

        trainer.call("publish_module", &[("slug", "rules")]).await;
        let assigned = trainer
            .call(
                "assign_module",
                &[
                    ("slug", "rules"),
                    ("target", "everyone"),
                    ("due_kind", "on"),
                    ("due_on", "2099-03-31"),
                ],
            )
            .await;
        assert_eq!(assigned.status(), StatusCode::OK, "{backend}");
        assert_eq!(
            learner
                .call("take_module", &[("slug", "rules")])
                .await
                .status(),
            StatusCode::OK,
            "{backend}"
        );
        let opened = get(&learner, format!("/materials/{pdf}/file"))
            .await
            .unwrap();
        assert_eq!(opened.status(), StatusCode::OK, "{backend}");
        let headers = opened.headers().clone();
        assert_eq!(headers["content-type"], "application/pdf", "{backend}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{backend}");
        assert!(
            headers["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("inline; filename*=UTF-8''%E6%83%85"),
            "{backend}"
        );
        assert_eq!(opened.bytes().await.unwrap().as_ref(), PDF, "{backend}");

        // A video can be sought: a range comes back as such.
        let range = learner
            .client
            .get(format!("{}/materials/{film}/file", app.address))
            .header("range", "bytes=0-99")
            .send()
            .await
            .unwrap();
        assert_eq!(range.status(), StatusCode::PARTIAL_CONTENT, "{backend}");
        assert_eq!(range.headers()["content-type"], "video/webm", "{backend}");
        assert_eq!(range.bytes().await.unwrap().len(), 100, "{backend}");
        let captions = get(&learner, format!("/materials/{film}/captions"))
            .await
            .unwrap();
        assert_eq!(
            captions.headers()["content-type"],
            "text/vtt; charset=utf-8",
            "{backend}"
        );

        // Opening the PDF counted; the video not yet.
        let player: serde_json::Value = learner
            .call("take_module", &[("slug", "rules")])
            .await
            .json()
            .await
            .unwrap();
        let viewed: Vec<bool> = player["materials"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["viewed"].as_bool().unwrap())
            .collect();
        assert_eq!(viewed, [true, false], "{backend}");

        // Someone in no assignment's reach: not found, like a file that does not exist.
        trainer.call("archive_module", &[("slug", "rules")]).await;
        let after = get(
            &app.session_of(MANAGER).await,
            format!("/materials/{pdf}/file"),
        )
        .await
        .unwrap();
        assert_eq!(after.status(), StatusCode::NOT_FOUND, "{backend}");
        assert_eq!(
            get(&learner, "/materials/999999/file".into())
                .await
                .unwrap()
                .status(),
            StatusCode::NOT_FOUND,
            "{backend}"
        );
    }
}
