//! Quizzes over HTTP: nothing the learner's browser receives during an attempt tells the
//! answer; the answers and explanations come with the result.

use crate::support::*;
use mamori_domain::quiz::gift;
use reqwest::{StatusCode, multipart};

const POOL: &str = "::持出し::機密性３情報を庁外へ持ち出すには？ {=上長の許可を得る#そのとおり、許可制です ~自由に持ち出す#許可が必要です ####取扱制限のとおりです。}";

#[tokio::test]
async fn an_attempt_page_carries_no_answer_and_the_result_carries_the_explanation() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        media_module_with_quiz(&app).await;

        let learner = app.session_of(LEARNER).await;
        let started = learner
            .call("start_quiz_attempt", &[("slug", "media")])
            .await;
        assert_eq!(started.status(), StatusCode::OK, "{backend}");
        let attempt: serde_json::Value = started.json().await.unwrap();
        let (status, _, html) = learner.page("/modules/media/quiz").await;
        assert_eq!(status, StatusCode::OK, "{backend}");
        assert!(
            html.contains("上長の許可を得る"),
            "{backend}: the options are shown"
        );
        for secret in [
            "そのとおり",
            "許可が必要です",
            "取扱制限のとおりです",
            "weight",
        ] {
            assert!(
                !html.contains(secret),
                "{backend}: the page gives away {secret:?}"
            );
            assert!(
                !attempt.to_string().contains(secret),
                "{backend}: the attempt gives away {secret:?}"
            );
        }

        // The right option's place on the page, then the result with its explanation.
        let options = attempt["questions"][0]["options"].as_array().unwrap();
        let right = options
            .iter()
            .position(|o| o == "上長の許可を得る")
            .unwrap()
            .to_string();
        let id = attempt["id"].to_string();
        let answer = format!("0:{right}");
        let result: serde_json::Value = learner
            .call(
                "submit_quiz_attempt",
                &[("attempt_id", id.as_str()), ("answers[0]", answer.as_str())],
            )
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(result["passed"], true, "{backend}: {result}");
        assert_eq!(
            result["questions"][0]["explanation"], "取扱制限のとおりです。",
            "{backend}"
        );
    }
}

/// Module `media`, published, assigned to everyone, with the one-question pool above.
async fn media_module_with_quiz(app: &TestApp) {
    let trainer = app.session_of(TRAINER).await;
    for (endpoint, form) in [
        (
            "create_module",
            vec![
                ("slug", "media"),
                ("title", "持出し"),
                ("summary", ""),
                ("estimated_minutes", "5"),
            ],
        ),
        (
            "add_page",
            vec![
                ("slug", "media"),
                ("title", "手続"),
                ("markdown", "許可制"),
                ("min_active_seconds", "0"),
            ],
        ),
        ("publish_module", vec![("slug", "media")]),
        (
            "assign_module",
            vec![
                ("slug", "media"),
                ("target", "everyone"),
                ("due_kind", "on"),
                ("due_on", "2099-03-31"),
            ],
        ),
        (
            "import_question_pool",
            vec![("slug", "media"), ("format", "gift"), ("text", POOL)],
        ),
    ] {
        let response = trainer.call(endpoint, &form).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{}: {endpoint}",
            app.backend
        );
    }
}

/// Posts a question file as the editor's form does; returns where the browser is sent.
async fn upload_questions(trainer: &TestApp, format: &str, bytes: &[u8]) -> String {
    let form = multipart::Form::new()
        .text("format", format.to_string())
        .part(
            "file",
            multipart::Part::bytes(bytes.to_vec()).file_name("questions.txt"),
        );
    trainer
        .post_multipart("/trainer/modules/media/questions", form)
        .await
}

/// Takes the quiz once: every option `right` or not, by the answer's text.
async fn take_quiz(learner: &TestApp, right: bool) {
    let attempt: serde_json::Value = learner
        .call("start_quiz_attempt", &[("slug", "media")])
        .await
        .json()
        .await
        .unwrap();
    let mut answers = Vec::new();
    for (q, question) in attempt["questions"].as_array().unwrap().iter().enumerate() {
        let options = question["options"].as_array().unwrap();
        let want = if right {
            ["上長の許可を得る", "true"]
        } else {
            ["自由に持ち出す", "false"]
        };
        let chosen = options
            .iter()
            .position(|o| want.iter().any(|w| o == w))
            .unwrap_or(0);
        answers.push((format!("answers[{q}]"), format!("{q}:{chosen}")));
    }
    let id = attempt["id"].to_string();
    let mut form: Vec<(&str, &str)> = vec![("attempt_id", id.as_str())];
    form.extend(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let result: serde_json::Value = learner
        .call("submit_quiz_attempt", &form)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(result["passed"], right, "{}: {result}", learner.backend);
}

#[tokio::test]
async fn question_files_go_in_and_out_and_results_come_out_as_csv_for_those_who_may_see_them() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        media_module_with_quiz(&app).await;
        let trainer = app.session_of(TRAINER).await;

        // A file (with Excel's byte-order mark) replaces the pool.
        let file =
            format!("\u{feff}{POOL}\n\n::○×::機密情報を含む USB メモリは施錠して保管する。{{T}}\n");
        let back = upload_questions(&trainer, "gift", file.as_bytes()).await;
        assert_eq!(
            back, "/trainer/modules/media?tab=quiz&questions_imported=2#import-file-heading",
            "{backend}"
        );
        let pool = app.store.question_pool(&slug("media")).await.unwrap();
        assert_eq!(pool.len(), 2, "{backend}");

        // A file with a question that cannot be used changes nothing, and says where, in
        // the viewer's language: Japanese unless they chose English.
        let essay = "::論述::説明せよ。{}\n".as_bytes();
        // 「問」 in Shift_JIS.
        let shift_jis = b"\x96\xe2\nA. x\nANSWER: A\n".as_slice();
        let lines = |text: &str| {
            format!(
                "/trainer/modules/media?tab=quiz&questions_error=lines&lines={}#import-file-heading",
                mamori_domain::url::encode(text)
            )
        };
        for (format, bytes, line) in [
            ("gift", essay, "1 行目：記述式の問題には対応していません。"),
            (
                "aiken",
                shift_jis,
                "1 行目：ファイルが UTF-8 ではありません。UTF-8 で保存してから取り込んでください。",
            ),
        ] {
            let back = upload_questions(&trainer, format, bytes).await;
            assert_eq!(back, lines(line), "{backend}");
            assert_eq!(
                app.store.question_pool(&slug("media")).await.unwrap(),
                pool,
                "{backend}"
            );
        }
        let (_, _, html) = trainer.page(&lines("1 行目：記述式")).await;
        assert!(
            html.contains("1 行目：記述式"),
            "{backend}: the editor shows the lines"
        );
        trainer.choose_language("en").await;
        assert_eq!(
            upload_questions(&trainer, "gift", essay).await,
            lines("Line 1: Essay questions are not supported."),
            "{backend}"
        );

        // The pool comes out as GIFT and as JSON, and reads back the same.
        let exported = trainer
            .get("/trainer/modules/media/questions?format=gift")
            .await;
        assert_eq!(exported.status(), StatusCode::OK, "{backend}");
        assert_eq!(
            exported.headers()["content-disposition"],
            "attachment; filename=\"media-questions.gift\"",
            "{backend}"
        );
        assert_eq!(
            gift::parse(&exported.text().await.unwrap()).unwrap(),
            pool,
            "{backend}"
        );
        let json: Vec<mamori_domain::quiz::Question> = trainer
            .get("/trainer/modules/media/questions?format=json")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(json, pool, "{backend}");

        // The learner (消費者安全課) fails, then passes; the trainer (総務課) fails once.
        let learner = app.session_of(LEARNER).await;
        take_quiz(&learner, false).await;
        take_quiz(&learner, true).await;
        take_quiz(&trainer, false).await;

        // Trainers see everyone; the questions' correct rates count every attempt.
        let attempts = csv_rows(trainer.get("/results/quizzes/media/attempts.csv").await).await;
        assert_eq!(
            attempts[0],
            [
                "employee_id",
                "name",
                "division",
                "attempt",
                "submitted_at",
                "score_percent",
                "passed"
            ],
            "{backend}"
        );
        let people: Vec<(&str, &str, &str)> = attempts[1..]
            .iter()
            .map(|r| (r[0].as_str(), r[3].as_str(), r[6].as_str()))
            .collect();
        assert_eq!(
            people,
            [
                ("E0020", "1", "no"),
                ("E0210", "1", "no"),
                ("E0210", "2", "yes")
            ],
            "{backend}"
        );
        let questions = csv_rows(trainer.get("/results/quizzes/media/questions.csv").await).await;
        let rates: Vec<(&str, &str, &str)> = questions[1..]
            .iter()
            .map(|r| (r[2].as_str(), r[3].as_str(), r[4].as_str()))
            .collect();
        assert_eq!(rates, [("3", "1", "33"), ("3", "1", "33")], "{backend}");

        // The learner's manager sees their division only, on the page and in the files.
        let manager = app.session_of(MANAGER).await;
        let attempts = csv_rows(manager.get("/results/quizzes/media/attempts.csv").await).await;
        assert!(
            attempts[1..].iter().all(|r| r[0] == "E0210") && attempts.len() == 3,
            "{backend}: {attempts:?}"
        );
        let questions = csv_rows(manager.get("/results/quizzes/media/questions.csv").await).await;
        assert_eq!(questions[1][4], "50", "{backend}");
        let (status, _, html) = manager.page("/results/quizzes/media").await;
        assert_eq!(status, StatusCode::OK, "{backend}");
        assert!(
            html.contains("E0210") && !html.contains("E0020"),
            "{backend}"
        );

        // Learners and strangers get nothing.
        assert_eq!(
            learner
                .get("/results/quizzes/media/attempts.csv")
                .await
                .status(),
            StatusCode::FORBIDDEN,
            "{backend}"
        );
        assert_eq!(
            learner
                .get("/trainer/modules/media/questions?format=gift")
                .await
                .status(),
            StatusCode::FORBIDDEN,
            "{backend}"
        );
        let stranger = app.session_of("").await;
        let response = stranger.get("/results/quizzes/media/questions.csv").await;
        assert_eq!(
            response.headers()["location"],
            "/login?next=%2Fresults%2Fquizzes%2Fmedia%2Fquestions.csv",
            "{backend}"
        );
        assert_eq!(
            trainer
                .get("/results/quizzes/nothing/attempts.csv")
                .await
                .status(),
            StatusCode::NOT_FOUND,
            "{backend}"
        );
    }
}
