//! Quizzes over HTTP: nothing the learner's browser receives during an attempt tells the
//! answer; the answers and explanations come with the result.

mod support;

use reqwest::StatusCode;
use support::*;

const POOL: &str = "::持出し::機密性３情報を庁外へ持ち出すには？ {=上長の許可を得る#そのとおり、許可制です ~自由に持ち出す#許可が必要です ####取扱制限のとおりです。}";

#[tokio::test]
async fn an_attempt_page_carries_no_answer_and_the_result_carries_the_explanation() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
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
            assert_eq!(response.status(), StatusCode::OK, "{backend}: {endpoint}");
        }

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
