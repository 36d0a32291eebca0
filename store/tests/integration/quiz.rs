//! Quizzes against real databases: pools replaced whole, attempts drawn and graded on the
//! server, submitted once however often they are sent, time limits, and completion.

use chrono::{DateTime, Duration, Utc};
use mamori_domain::{
    FiscalYear, Refusal,
    quiz::{
        AttemptReview, OpenAttempt, Question, QuestionProblem, QuizRefusal, QuizSettings,
        ReviewPolicy, StartRefusal, gift,
    },
    training::{AssignmentTarget, DueRule, Heartbeat},
};
use mamori_store::{Store, StoreError, training::ViewReport};
use mamori_test_support::{
    LEARNER, MANAGER, TRAINER, TestDatabase,
    calendar::{start, today},
    demo_actor, demo_staff_id, demo_stores, publish_media_module, slug,
};

const POOL: &str = "::持出し::機密性３情報を庁外へ持ち出すには？ {=上長の許可を得る#そのとおり ~自由に持ち出す#許可が必要です ####取扱制限に従います。}\n\n::○×::USB メモリは私物でもよい。{F}\n\n::複数::正しいものをすべて選ぶ {~%50%暗号化する ~%50%紛失時は報告する ~%-100%私物に保存する}";

fn at(minutes: i64) -> DateTime<Utc> {
    start() + Duration::minutes(minutes)
}

/// The demo agency with module `media`: one page (no minimum time) and the quiz above,
/// assigned to everyone.
async fn with_quiz(settings: QuizSettings) -> Vec<(TestDatabase, Store)> {
    let stores = demo_stores().await;
    for (_, store) in &stores {
        publish_media_module(store, at(0)).await;
        store
            .replace_question_pool(&slug("media"), &gift::parse(POOL).unwrap())
            .await
            .unwrap();
        store
            .save_quiz_settings(&slug("media"), settings)
            .await
            .unwrap();
        store
            .assign_module(
                &slug("media"),
                FiscalYear::containing(today()),
                &AssignmentTarget::Everyone,
                DueRule::on(today() + Duration::days(30)),
                TRAINER,
                at(0),
            )
            .await
            .unwrap();
    }
    stores
}

/// The answers a learner would give, per question in the order shown: right or wrong.
async fn answers(store: &Store, attempt: &OpenAttempt, right: bool) -> Vec<Vec<usize>> {
    let pool = store.question_pool(&slug("media")).await.unwrap();
    attempt
        .questions
        .iter()
        .map(|asked| {
            let question: &Question = pool.iter().find(|q| q.text == asked.text).unwrap();
            asked
                .options
                .iter()
                .enumerate()
                .filter(|(shown, text)| {
                    let weight = match question.kind {
                        mamori_domain::quiz::QuestionKind::TrueFalse => {
                            question.options[*shown].weight
                        }
                        _ => {
                            question
                                .options
                                .iter()
                                .find(|o| &o.text == *text)
                                .unwrap()
                                .weight
                        }
                    };
                    (weight > 0) == right
                })
                .map(|(shown, _)| shown)
                .take(if right { 9 } else { 1 })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn a_learner_fails_retakes_passes_and_the_module_completes() {
    for (database, store) in with_quiz(QuizSettings::default()).await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        let page = store
            .quiz_page(learner, &slug("media"), today(), at(1))
            .await
            .unwrap();
        assert_eq!((page.pool_size, page.may_start), (3, Ok(())), "{backend}");

        let first = store
            .start_quiz_attempt(learner, &slug("media"), today(), at(1))
            .await
            .unwrap();
        assert_eq!(first.questions.len(), 3, "{backend}");
        // A reload or a second click returns the same attempt.
        let again = store
            .start_quiz_attempt(learner, &slug("media"), today(), at(2))
            .await
            .unwrap();
        assert_eq!(again, first, "{backend}");

        let wrong = answers(&store, &first, false).await;
        let (one, two) = tokio::join!(
            store.submit_quiz_attempt(learner, first.id, &wrong, at(3)),
            store.submit_quiz_attempt(learner, first.id, &wrong, at(3))
        );
        let (one, two) = (one.unwrap(), two.unwrap());
        assert_eq!(one, two, "{backend}: a double submit records one result");
        assert!(
            !one.passed && one.score.to_string() == "0.0",
            "{backend}: {one:?}"
        );
        assert!(
            one.questions.is_empty(),
            "{backend}: the answers wait until the quiz is passed or out of attempts"
        );
        let resent = store
            .submit_quiz_attempt(
                learner,
                first.id,
                &answers(&store, &first, true).await,
                at(4),
            )
            .await
            .unwrap();
        assert_eq!(resent, one, "{backend}: a later resend changes nothing");

        // The page read, the quiz not yet passed: not complete.
        let player = store
            .module_player(learner, &slug("media"), today(), at(5))
            .await
            .unwrap();
        let read = ViewReport {
            beat: Some(Heartbeat::Opened),
            reached_end: true,
            ..Default::default()
        };
        store
            .material_heartbeat(learner, player.materials[0].material.id, read, at(5))
            .await
            .unwrap();
        let player = store
            .module_player(learner, &slug("media"), today(), at(6))
            .await
            .unwrap();
        assert!(player.materials[0].viewed, "{backend}");
        assert!(
            player.completed_at.is_none(),
            "{backend}: the quiz is still to pass"
        );

        let second = store
            .start_quiz_attempt(learner, &slug("media"), today(), at(7))
            .await
            .unwrap();
        assert_eq!(second.number, 2, "{backend}");
        let page = store
            .quiz_page(learner, &slug("media"), today(), at(7))
            .await
            .unwrap();
        assert!(
            !page.answers_shown && page.history[0].questions.is_empty(),
            "{backend}: no earlier answers while an attempt is open"
        );
        let right = answers(&store, &second, true).await;
        let passed = store
            .submit_quiz_attempt(learner, second.id, &right, at(8))
            .await
            .unwrap();
        assert!(
            passed.passed && passed.score.to_string() == "100.0",
            "{backend}: {passed:?}"
        );
        assert_eq!(
            explanation_of(&passed),
            Some("取扱制限に従います。"),
            "{backend}: passed, the answers are shown"
        );
        let player = store
            .module_player(learner, &slug("media"), today(), at(9))
            .await
            .unwrap();
        assert!(
            player.completed_at.is_some(),
            "{backend}: passing completes it"
        );

        let page = store
            .quiz_page(learner, &slug("media"), today(), at(10))
            .await
            .unwrap();
        assert_eq!(page.history.len(), 2, "{backend}");
        assert!(page.answers_shown, "{backend}");
        let carried = page.history[0]
            .questions
            .iter()
            .find(|q| q.text.starts_with("機密性３情報"))
            .unwrap();
        assert!(
            carried
                .options
                .iter()
                .any(|o| o.right && o.feedback == "そのとおり"),
            "{backend}: the first attempt's answers too, now"
        );
        assert_eq!(
            page.may_start,
            Err(StartRefusal::AlreadyPassed),
            "{backend}"
        );
        assert!(
            matches!(
                store
                    .start_quiz_attempt(learner, &slug("media"), today(), at(10))
                    .await,
                Err(StoreError::Refused(Refusal::Quiz(
                    QuizRefusal::CannotStart(StartRefusal::AlreadyPassed)
                )))
            ),
            "{backend}"
        );

        // Trainers see which question is misunderstood, and who tried how often.
        let results = store
            .quiz_results(&slug("media"), None, today())
            .await
            .unwrap();
        assert!(
            results
                .questions
                .iter()
                .all(|q| q.answered == 2 && q.fully_right == 1 && q.correct_rate() == Some(50)),
            "{backend}: {results:?}"
        );
        assert_eq!(results.attempts.len(), 2, "{backend}");
        assert_eq!(results.attempts[1].score.to_string(), "100.0", "{backend}");
        assert_eq!(results.people_tried_and_passed(), (1, 1), "{backend}");
        assert!(!results.attempts[0].division.is_empty(), "{backend}");
        // A manager sees only their divisions' staff: the learner's own division, then another.
        let own = demo_actor(&store, MANAGER).await.managed_division_ids;
        let scoped = store
            .quiz_results(&slug("media"), Some(&own), today())
            .await
            .unwrap();
        assert_eq!(scoped.attempts.len(), 2, "{backend}");
        let elsewhere = store
            .quiz_results(&slug("media"), Some(&[own[0] + 1]), today())
            .await
            .unwrap();
        assert!(elsewhere.attempts.is_empty(), "{backend}");
        assert!(
            elsewhere.questions.iter().all(|q| q.answered == 0),
            "{backend}"
        );

        // Nobody else can submit or extend the learner's attempt.
        let other = demo_staff_id(&store, TRAINER).await;
        assert!(matches!(
            store
                .submit_quiz_attempt(other, first.id, &wrong, at(11))
                .await,
            Err(StoreError::NotFound(_))
        ));
    }
}

/// The explanation of the question about taking information out, if the review shows it.
fn explanation_of(review: &AttemptReview) -> Option<&str> {
    review
        .questions
        .iter()
        .find(|q| q.text.starts_with("機密性３情報"))
        .map(|q| q.explanation.as_str())
}

#[tokio::test]
async fn the_review_policy_decides_when_answers_are_shown() {
    for (policy, after_fail, after_pass) in [
        (ReviewPolicy::AfterEachAttempt, true, true),
        (ReviewPolicy::Never, false, false),
    ] {
        let settings = QuizSettings {
            review: policy,
            ..QuizSettings::default()
        };
        for (database, store) in with_quiz(settings).await {
            let backend = database.backend;
            let learner = demo_staff_id(&store, LEARNER).await;
            let media = slug("media");
            let attempt = |minute| store.start_quiz_attempt(learner, &media, today(), at(minute));
            let first = attempt(1).await.unwrap();
            let wrong = answers(&store, &first, false).await;
            let failed = store
                .submit_quiz_attempt(learner, first.id, &wrong, at(2))
                .await
                .unwrap();
            assert_eq!(
                explanation_of(&failed).is_some(),
                after_fail,
                "{backend} {policy:?}: after a failed attempt"
            );
            // The next attempt open: whatever the policy, the first one's answers are hidden,
            // also from a resend of its answers.
            let second = attempt(3).await.unwrap();
            let page = store
                .quiz_page(learner, &slug("media"), today(), at(3))
                .await
                .unwrap();
            assert!(!page.answers_shown, "{backend} {policy:?}");
            assert_eq!(
                explanation_of(&page.history[0]),
                None,
                "{backend} {policy:?}"
            );
            let resent = store
                .submit_quiz_attempt(learner, first.id, &wrong, at(3))
                .await
                .unwrap();
            assert_eq!(explanation_of(&resent), None, "{backend} {policy:?}");
            let right = answers(&store, &second, true).await;
            let passed = store
                .submit_quiz_attempt(learner, second.id, &right, at(4))
                .await
                .unwrap();
            assert!(passed.passed, "{backend}");
            assert_eq!(
                explanation_of(&passed).is_some(),
                after_pass,
                "{backend} {policy:?}: passed"
            );
            // The trainer's choice is kept.
            assert_eq!(
                store.quiz_settings(&slug("media")).await.unwrap().review,
                policy,
                "{backend}"
            );
        }
    }
}

#[tokio::test]
async fn out_of_attempts_the_answers_are_shown() {
    for (database, store) in with_quiz(QuizSettings::default()).await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        for n in 0..3 {
            let open = store
                .start_quiz_attempt(learner, &slug("media"), today(), at(n * 2))
                .await
                .unwrap();
            let wrong = answers(&store, &open, false).await;
            let failed = store
                .submit_quiz_attempt(learner, open.id, &wrong, at(n * 2 + 1))
                .await
                .unwrap();
            assert_eq!(
                explanation_of(&failed).is_some(),
                n == 2,
                "{backend}: attempt {} of the default 3",
                n + 1
            );
        }
        let page = store
            .quiz_page(learner, &slug("media"), today(), at(10))
            .await
            .unwrap();
        assert_eq!(
            page.may_start,
            Err(StartRefusal::NoAttemptsLeft),
            "{backend}"
        );
        assert!(page.answers_shown, "{backend}");
    }
}

#[tokio::test]
async fn scores_kept_in_whole_percents_before_read_back_to_a_tenth() {
    use sea_orm::{ConnectionTrait, Statement};
    for (database, store) in with_quiz(QuizSettings::default()).await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        let open = store
            .start_quiz_attempt(learner, &slug("media"), today(), at(1))
            .await
            .unwrap();
        let right = answers(&store, &open, true).await;
        store
            .submit_quiz_attempt(learner, open.id, &right, at(2))
            .await
            .unwrap();
        let db = sea_orm::Database::connect(&database.url).await.unwrap();
        let stored = || async {
            db.query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT score FROM quiz_attempt".to_string(),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i32>("", "score")
            .unwrap()
        };
        assert_eq!(stored().await, 1000, "{backend}: tenths of a percent");
        // The schema as it was: a whole percent.
        crate::schema_before(&database.url, "m20261202_000014_quiz_score_tenths").await;
        assert_eq!(stored().await, 100, "{backend}: as kept before");
        store.migrate().await.unwrap();
        let results = store
            .quiz_results(&slug("media"), None, today())
            .await
            .unwrap();
        assert_eq!(results.attempts[0].score.to_string(), "100.0", "{backend}");
    }
}

#[tokio::test]
async fn time_limits_can_be_extended_and_late_answers_fail() {
    let settings = QuizSettings {
        time_limit_minutes: 10,
        draw_count: 2,
        ..QuizSettings::default()
    };
    for (database, store) in with_quiz(settings).await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        let first = store
            .start_quiz_attempt(learner, &slug("media"), today(), at(0))
            .await
            .unwrap();
        assert_eq!(first.questions.len(), 2, "{backend}: two of three drawn");
        assert_eq!(first.deadline, Some(at(10)), "{backend}");
        let right = answers(&store, &first, true).await;
        let late = store
            .submit_quiz_attempt(learner, first.id, &right, at(12))
            .await
            .unwrap();
        assert!(!late.passed && !late.on_time, "{backend}: {late:?}");

        let second = store
            .start_quiz_attempt(learner, &slug("media"), today(), at(13))
            .await
            .unwrap();
        let extended = store
            .extend_quiz_attempt(learner, second.id, at(20))
            .await
            .unwrap();
        assert_eq!(extended.deadline, Some(at(33)), "{backend}");
        let right = answers(&store, &second, true).await;
        let in_time = store
            .submit_quiz_attempt(learner, second.id, &right, at(30))
            .await
            .unwrap();
        assert!(in_time.passed, "{backend}");
        assert!(
            matches!(
                store.extend_quiz_attempt(learner, second.id, at(31)).await,
                Err(StoreError::Refused(Refusal::Quiz(
                    QuizRefusal::NoTimeToExtend
                )))
            ),
            "{backend}: a submitted attempt"
        );
    }
}

#[tokio::test]
async fn a_pool_is_replaced_whole_or_not_at_all() {
    for (database, store) in with_quiz(QuizSettings::default()).await {
        let backend = database.backend;
        let before = store.question_pool(&slug("media")).await.unwrap();
        let mut bad = before.clone();
        bad[1].answer = None;
        assert!(
            matches!(
                store.replace_question_pool(&slug("media"), &bad).await,
                Err(StoreError::Refused(Refusal::Quiz(QuizRefusal::Question {
                    number: 2,
                    problem: QuestionProblem::NoTrueFalseAnswer
                })))
            ),
            "{backend}"
        );
        assert_eq!(
            store.question_pool(&slug("media")).await.unwrap(),
            before,
            "{backend}"
        );
        // Export and import give the same pool.
        let exported = gift::write(&before);
        store
            .replace_question_pool(&slug("media"), &gift::parse(&exported).unwrap())
            .await
            .unwrap();
        assert_eq!(
            store.question_pool(&slug("media")).await.unwrap(),
            before,
            "{backend}"
        );
    }
}
