//! Training modules against real databases: authoring and versions, assignments, and the
//! material-view figures that decide completion.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use mamori_domain::{
    FiscalYear, InspectionGroup, Refusal,
    media::{MediaType, UploadKind},
    training::{
        AssignmentTarget, DueRule, EstimatedMinutes, Heartbeat, MaterialBody, MaterialKind,
        ProgressStatus, TrainingRefusal, VideoSource,
    },
};
use mamori_store::{
    Store, StoreError,
    training::{
        MaterialEdit, MaterialFileRole, Move, NewContent, NewMaterial, NewModule, NewVideo,
        StoredUpload, ViewReport,
    },
};
use mamori_test_support::{
    LEARNER, TRAINER, TestDatabase,
    calendar::{start, today},
    demo_staff_id, demo_stores, fresh_databases, slug,
};

fn at(seconds: i64) -> DateTime<Utc> {
    start() + Duration::seconds(seconds)
}

/// The rule a change was refused by.
fn training_refusal<T: std::fmt::Debug>(result: Result<T, StoreError>) -> TrainingRefusal {
    match result {
        Err(StoreError::Refused(Refusal::Training(reason))) => reason,
        other => panic!("not a training refusal: {other:?}"),
    }
}

/// The demo agency with a published two-page module `media`, assigned to `target`, due in 30
/// days.
async fn with_module(target: AssignmentTarget) -> Vec<(TestDatabase, Store)> {
    with_module_due(target, DueRule::on(today() + Duration::days(30))).await
}

/// The same, due as `due` says.
async fn with_module_due(target: AssignmentTarget, due: DueRule) -> Vec<(TestDatabase, Store)> {
    let stores = demo_stores().await;
    for (_, store) in &stores {
        let media = slug("media");
        store
            .create_module(
                NewModule {
                    slug: &media,
                    title: "可搬記憶媒体の取扱い",
                    summary: "USB メモリ等の持出し",
                    estimated_minutes: EstimatedMinutes::parse(10).unwrap(),
                    created_by: TRAINER,
                },
                at(0),
            )
            .await
            .unwrap();
        for (title, seconds) in [("持出しの手続", 30), ("紛失したとき", 0)] {
            store
                .add_material(
                    &media,
                    page(
                        title,
                        "## 原則\n\n庁外への持出しは**許可制**です。",
                        seconds,
                    ),
                    TRAINER,
                    at(0),
                )
                .await
                .unwrap();
        }
        store.publish_module(&media, at(0)).await.unwrap();
        store
            .assign_module(
                &media,
                FiscalYear::containing(today()),
                &target,
                due,
                TRAINER,
                at(0),
            )
            .await
            .unwrap();
    }
    stores
}

#[tokio::test]
async fn reading_every_page_completes_the_module_and_hidden_time_does_not_count() {
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        let home = store.learner_modules(learner, today()).await.unwrap();
        assert_eq!(home.len(), 1, "{backend}");
        assert_eq!(home[0].status, ProgressStatus::NotStarted, "{backend}");

        let player = store
            .module_player(learner, &slug("media"), today(), at(0))
            .await
            .unwrap();
        let (first, second_page) = (
            player.materials[0].material.id,
            player.materials[1].material.id,
        );
        assert_eq!(
            store.learner_modules(learner, today()).await.unwrap()[0].status,
            ProgressStatus::InProgress,
            "{backend}: opened is started, as the reports count it, before anything is viewed"
        );
        assert!(page_html(&player.materials[0].material).contains("<strong>許可制</strong>"));

        // Opened, read for 15 s, hidden at 20 s (the last stretch counts), shown again ten
        // minutes later and read 15 s more with the end in view.
        // Each report answers what the page shows: the seconds still needed, then the ✓.
        for (second, beat, end, seconds_left, viewed) in [
            (0, Heartbeat::Opened, false, 30, false),
            (15, Heartbeat::Visible, false, 15, false),
            (20, Heartbeat::Visible, false, 10, false),
            (600, Heartbeat::Resumed, false, 10, false),
            (615, Heartbeat::Visible, true, 0, true),
        ] {
            let standing = store
                .material_heartbeat(learner, first, report(beat, end), at(second))
                .await
                .unwrap();
            assert_eq!(
                (standing.seconds_left, standing.viewed, standing.reached_end),
                (seconds_left, viewed, end),
                "{backend}: at {second} s"
            );
            assert!(!standing.module_completed, "{backend}");
        }
        let player = store
            .module_player(learner, &slug("media"), today(), at(615))
            .await
            .unwrap();
        let page = &player.materials[0];
        assert_eq!(
            page.active_seconds,
            15 + 5 + 15,
            "{backend}: the ten hidden minutes do not count"
        );
        assert!(page.viewed, "{backend}: end reached after its 30 s");
        assert_eq!(
            store.learner_modules(learner, today()).await.unwrap()[0].viewed,
            1,
            "{backend}"
        );
        assert_eq!(
            player.module.status,
            ProgressStatus::InProgress,
            "{backend}"
        );

        // The second page, open in two tabs beating alternately: one minute is one minute.
        for (second, beat) in [
            (700, Heartbeat::Opened),
            (700, Heartbeat::Opened),
            (715, Heartbeat::Visible),
            (716, Heartbeat::Visible),
            (730, Heartbeat::Visible),
            (731, Heartbeat::Visible),
            (745, Heartbeat::Visible),
            (746, Heartbeat::Visible),
            (760, Heartbeat::Visible),
        ] {
            let standing = store
                .material_heartbeat(
                    learner,
                    second_page,
                    report(beat, second >= 745),
                    at(second),
                )
                .await
                .unwrap();
            assert_eq!(
                standing.module_completed,
                second >= 745,
                "{backend}: the report that views the last page completes the module"
            );
        }
        let player = store
            .module_player(learner, &slug("media"), today(), at(760))
            .await
            .unwrap();
        assert_eq!(player.materials[1].active_seconds, 60, "{backend}");
        assert_eq!(player.module.status, ProgressStatus::Completed, "{backend}");
        assert_eq!(player.completed_at, Some(at(745)), "{backend}");
        let code = player.verification_code.clone().unwrap();
        assert_eq!(code.len(), 12, "{backend}");
        // The certificate, and an admin's check of its code (in any case).
        let certificate = store
            .certificate(learner, &slug("media"), today())
            .await
            .unwrap();
        assert_eq!(certificate.verification_code, code, "{backend}");
        assert_eq!(certificate.completed_at, at(745), "{backend}");
        // Issued by the chief information security officer of the day (the demo's E0001).
        let ciso = store
            .staff_summary(&mamori_domain::EmployeeId::parse("E0001").unwrap(), today())
            .await
            .unwrap();
        assert_eq!(certificate.issued_by, Some(ciso.name), "{backend}");
        let checked = store
            .verify_certificate(&code.to_ascii_lowercase())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (checked.employee_id.as_str(), checked.version),
            (LEARNER, 1)
        );
        assert_eq!(checked.module_title, "可搬記憶媒体の取扱い", "{backend}");
        assert!(
            store
                .verify_certificate("000000000000")
                .await
                .unwrap()
                .is_none()
        );
    }
}

#[tokio::test]
async fn learners_see_only_published_modules_assigned_to_them() {
    for (database, store) in with_module(AssignmentTarget::Divisions(vec!["総務課".into()])).await
    {
        let backend = database.backend;
        let outsider = demo_staff_id(&store, LEARNER).await;
        let insider = demo_staff_id(&store, TRAINER).await;
        assert!(
            store
                .learner_modules(outsider, today())
                .await
                .unwrap()
                .is_empty(),
            "{backend}"
        );
        assert!(matches!(
            store
                .module_player(outsider, &slug("media"), today(), at(0))
                .await,
            Err(StoreError::NotFound(_))
        ));
        let player = store
            .module_player(insider, &slug("media"), today(), at(0))
            .await
            .unwrap();
        // Nobody records views on a material of a module they are not taking.
        assert!(
            matches!(
                store
                    .material_heartbeat(
                        outsider,
                        player.materials[0].material.id,
                        report(Heartbeat::Opened, true),
                        at(1)
                    )
                    .await,
                Err(StoreError::NotFound(_))
            ),
            "{backend}"
        );

        // A draft module stays out of sight even when assigned later.
        let draft = slug("draft");
        store
            .create_module(
                NewModule {
                    slug: &draft,
                    title: "下書き",
                    summary: "",
                    estimated_minutes: EstimatedMinutes::parse(5).unwrap(),
                    created_by: TRAINER,
                },
                at(0),
            )
            .await
            .unwrap();
        let refused = store
            .assign_module(
                &draft,
                FiscalYear::containing(today()),
                &AssignmentTarget::Everyone,
                DueRule::on(today()),
                TRAINER,
                at(0),
            )
            .await;
        assert_eq!(
            training_refusal(refused),
            TrainingRefusal::AssignUnpublished,
            "{backend}"
        );
        let taken = NewModule {
            slug: &draft,
            title: "同じ名前",
            summary: "",
            estimated_minutes: EstimatedMinutes::parse(5).unwrap(),
            created_by: TRAINER,
        };
        assert_eq!(
            training_refusal(store.create_module(taken, at(0)).await),
            TrainingRefusal::SlugTaken {
                slug: "draft".into()
            },
            "{backend}"
        );
        assert_eq!(
            training_refusal(store.publish_module(&draft, at(0)).await),
            TrainingRefusal::NoMaterials,
            "{backend}"
        );
        assert_eq!(
            training_refusal(store.archive_module(&draft, at(0)).await),
            TrainingRefusal::ArchiveUnpublished,
            "{backend}"
        );
        assert!(matches!(
            store.module_player(insider, &draft, today(), at(0)).await,
            Err(StoreError::NotFound(_))
        ));
    }
}

#[tokio::test]
async fn editing_a_published_module_makes_a_version_and_started_learners_keep_theirs() {
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let backend = database.backend;
        let early = demo_staff_id(&store, LEARNER).await;
        let late = demo_staff_id(&store, TRAINER).await;
        // Started in two tabs at once: one enrollment, no error.
        let media = slug("media");
        let (one, two) = tokio::join!(
            store.module_player(early, &media, today(), at(0)),
            store.module_player(early, &media, today(), at(0))
        );
        assert_eq!(one.unwrap().version, two.unwrap().version, "{backend}");

        store
            .add_material(&slug("media"), page("報告", "報告先", 0), TRAINER, at(10))
            .await
            .unwrap();
        let draft = store.module_draft(&slug("media")).await.unwrap();
        assert_eq!(
            (draft.draft_version, draft.materials.len()),
            (2, 3),
            "{backend}"
        );
        assert!(draft.module.has_unpublished_changes, "{backend}");
        // Until published, learners still get version 1.
        let late_before = store.learner_modules(late, today()).await.unwrap();
        assert_eq!(late_before[0].materials, 2, "{backend}");

        store.publish_module(&slug("media"), at(20)).await.unwrap();
        let early_player = store
            .module_player(early, &slug("media"), today(), at(30))
            .await
            .unwrap();
        let late_player = store
            .module_player(late, &slug("media"), today(), at(30))
            .await
            .unwrap();
        assert_eq!(
            (early_player.version, early_player.materials.len()),
            (1, 2),
            "{backend}"
        );
        assert_eq!(
            (late_player.version, late_player.materials.len()),
            (2, 3),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_module_assigned_twice_is_listed_once_due_by_its_first_assignment() {
    let rule = DueRule::WithinDaysOfJoining {
        days: 90,
        earliest: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
    };
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let backend = database.backend;
        let again = |target: AssignmentTarget| {
            let store = store.clone();
            async move {
                store
                    .assign_module(
                        &slug("media"),
                        FiscalYear::containing(today()),
                        &target,
                        rule,
                        TRAINER,
                        at(0),
                    )
                    .await
            }
        };
        assert_eq!(
            training_refusal(again(AssignmentTarget::Everyone).await),
            TrainingRefusal::AlreadyAssigned {
                slug: "media".into(),
                fiscal_year: FiscalYear::containing(today()).start_year()
            },
            "{backend}: the same assignment twice is refused"
        );
        // Everyone again, through the self-inspection group every person is in: the answer
        // counts the people on staff today it reaches.
        let reached = again(AssignmentTarget::Groups(vec![InspectionGroup::Staff]))
            .await
            .unwrap();
        assert_eq!(reached, 361, "{backend}: the whole agency");
        let nobody = again(AssignmentTarget::Divisions(vec!["存在しない課".into()]))
            .await
            .unwrap();
        assert_eq!(nobody, 0, "{backend}");
        let learner = demo_staff_id(&store, LEARNER).await;
        let modules = store.learner_modules(learner, today()).await.unwrap();
        assert_eq!(
            modules.len(),
            1,
            "{backend}: one module, whatever the number of assignments"
        );
        assert_eq!(
            modules[0].due,
            today() + Duration::days(30),
            "{backend}: the first assignment's date"
        );
    }
}

#[tokio::test]
async fn the_demo_agency_gets_three_assigned_modules_with_progress() {
    for database in fresh_databases().await {
        let backend = database.backend;
        let store = database.store().await;
        store.load_demo().await.unwrap();
        let now = Utc::now();
        let today = mamori_domain::agency_date(now);
        assert_eq!(store.load_demo_training(now).await.unwrap(), 3, "{backend}");
        assert_eq!(
            store.load_demo_training(now).await.unwrap(),
            0,
            "{backend}: once"
        );
        for module in [
            "classification",
            "removable-media",
            "contractors-and-incidents",
        ] {
            let pool = store.question_pool(&slug(module)).await.unwrap();
            assert!(
                pool.len() >= 2,
                "{backend}: {module} has a quiz in Japanese"
            );
        }

        // The demo learner starts with all three; the first is already overdue.
        let learner = store
            .staff_id(&mamori_test_support::employee(LEARNER))
            .await
            .unwrap();
        let mine = store.learner_modules(learner, today).await.unwrap();
        let statuses: Vec<_> = mine.iter().map(|m| m.status).collect();
        assert_eq!(
            statuses,
            vec![
                ProgressStatus::Overdue,
                ProgressStatus::NotStarted,
                ProgressStatus::NotStarted
            ],
            "{backend}"
        );
        assert!(mine.iter().all(|m| m.materials == 3), "{backend}");
        let page = store
            .module_player(learner, &slug("classification"), today, now)
            .await
            .unwrap();
        assert!(
            page_html(&page.materials[0].material).contains("<table>"),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_joiner_after_the_assignment_gets_it_due_from_their_start() {
    for (database, store) in with_module(AssignmentTarget::Divisions(vec!["新設課".into()])).await
    {
        let backend = database.backend;
        let earliest = today() + Duration::days(7);
        store
            .assign_module(
                &slug("media"),
                FiscalYear::containing(today()),
                &AssignmentTarget::Everyone,
                DueRule::WithinDaysOfJoining { days: 90, earliest },
                TRAINER,
                at(0),
            )
            .await
            .unwrap();
        // Someone joins later in the year, through the ordinary directory import.
        let joined = today() - Duration::days(1);
        join(&store, "E9500", "新任 一郎", joined).await;
        let id = mamori_domain::EmployeeId::parse("E9500").unwrap();
        let theirs = store
            .person_training(&id, today(), &mamori_domain::ResultsScope::Everyone)
            .await
            .unwrap()
            .1;
        assert_eq!(
            theirs.len(),
            1,
            "{backend}: assigned without anyone doing anything"
        );
        assert_eq!(
            theirs[0].module.due,
            joined + Duration::days(90),
            "{backend}"
        );
        // Long-serving staff get the assignment's earliest date.
        let learner = mamori_domain::EmployeeId::parse(LEARNER).unwrap();
        let old_hand = store
            .person_training(&learner, today(), &mamori_domain::ResultsScope::Everyone)
            .await
            .unwrap()
            .1;
        assert_eq!(old_hand[0].module.due, earliest, "{backend}");
    }
}

#[tokio::test]
async fn a_joiner_after_a_fixed_date_is_not_overdue_on_arrival() {
    // Due ten days ago, for everyone, as the demo's first module is.
    let due = DueRule::on(today() - Duration::days(10));
    for (database, store) in with_module_due(AssignmentTarget::Everyone, due).await {
        let backend = database.backend;
        let joined = today();
        join(&store, "E9501", "新任 二郎", joined).await;
        let id = mamori_domain::EmployeeId::parse("E9501").unwrap();
        let media = |training: Vec<mamori_domain::training::ModuleProgress>| {
            training
                .into_iter()
                .find(|t| t.module.slug == "media")
                .expect("media is assigned to everyone")
                .module
        };
        let theirs = media(
            store
                .person_training(&id, today(), &mamori_domain::ResultsScope::Everyone)
                .await
                .unwrap()
                .1,
        );
        let expected_due = joined + Duration::days(30);
        assert_eq!(theirs.due, expected_due, "{backend}");
        assert_eq!(theirs.status, ProgressStatus::NotStarted, "{backend}");
        // The reports see the same date: nobody counts them as overdue.
        let entries = store
            .report_entries(
                FiscalYear::containing(today()),
                today(),
                &mamori_domain::ResultsScope::Everyone,
            )
            .await
            .unwrap();
        let joiner = entries
            .iter()
            .find(|e| e.employee_id == id && e.module_slug == "media")
            .expect("the joiner is in the report");
        assert_eq!(joiner.due, expected_due, "{backend}");
        // Long-serving staff keep the date, and are overdue by it.
        let learner = mamori_domain::EmployeeId::parse(LEARNER).unwrap();
        let old_hand = media(
            store
                .person_training(&learner, today(), &mamori_domain::ResultsScope::Everyone)
                .await
                .unwrap()
                .1,
        );
        assert_eq!(old_hand.due, today() - Duration::days(10), "{backend}");
        assert_eq!(old_hand.status, ProgressStatus::Overdue, "{backend}");
    }
}

/// Puts `employee_id` on staff in 総務課 from `joined`, through the ordinary directory import.
async fn join(store: &Store, employee_id: &str, name: &str, joined: NaiveDate) {
    let file = format!(
        "employee_id,name,email,division,roles,active_from,active_until\n\
         {employee_id},{name},{}@agency.example,総務課,,{joined},\n",
        employee_id.to_lowercase()
    );
    let rows = mamori_domain::staff_file::parse(file.as_bytes()).unwrap();
    store
        .import_staff(
            &rows,
            mamori_store::staff_import::ImportOptions {
                effective: joined,
                sync: false,
                dry_run: false,
                changed_by: "cli:test",
                now: at(0),
            },
        )
        .await
        .unwrap();
}

fn page<'a>(title: &'a str, markdown: &'a str, min_active_seconds: i32) -> NewMaterial<'a> {
    NewMaterial {
        title,
        content: NewContent::Page {
            markdown,
            min_active_seconds,
        },
    }
}

fn report(beat: Heartbeat, reached_end: bool) -> ViewReport {
    ViewReport {
        beat: Some(beat),
        reached_end,
        ..Default::default()
    }
}

fn page_html(material: &mamori_domain::training::Material) -> &str {
    match &material.body {
        mamori_domain::training::MaterialBody::Page { html, .. } => html,
        other => panic!("not a page: {other:?}"),
    }
}

fn upload(name: &str, media: MediaType) -> StoredUpload {
    StoredUpload {
        sha256: format!("{:0>64}", name.len()),
        media,
        file_name: name.to_string(),
        size_bytes: 1234,
    }
}

/// `media` with a PDF and an uploaded video (with captions) added after its two pages, and
/// published again.
async fn with_documents_and_video() -> Vec<(TestDatabase, Store)> {
    let stores = with_module(AssignmentTarget::Everyone).await;
    for (_, store) in &stores {
        let (pdf, video, vtt) = (
            upload("規程.pdf", MediaType::Pdf),
            upload("研修.webm", MediaType::WebM),
            upload("研修.vtt", MediaType::WebVtt),
        );
        let document = NewMaterial {
            title: "情報セキュリティ規程",
            content: NewContent::Document {
                description: "規程の全文です。",
                file: &pdf,
            },
        };
        store
            .add_material(&slug("media"), document, TRAINER, at(0))
            .await
            .unwrap();
        let film = NewMaterial {
            title: "紛失事案の再現",
            content: NewContent::Video {
                description: "",
                video: NewVideo::Upload(&video),
                captions: &vtt,
            },
        };
        store
            .add_material(&slug("media"), film, TRAINER, at(0))
            .await
            .unwrap();
        store.publish_module(&slug("media"), at(0)).await.unwrap();
    }
    stores
}

#[tokio::test]
async fn documents_count_when_opened_and_videos_when_watched_to_ninety_percent() {
    for (database, store) in with_documents_and_video().await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        let player = store
            .module_player(learner, &slug("media"), today(), at(0))
            .await
            .unwrap();
        let kinds: Vec<_> = player
            .materials
            .iter()
            .map(|m| m.material.body.kind())
            .collect();
        assert_eq!(
            kinds,
            [
                MaterialKind::Page,
                MaterialKind::Page,
                MaterialKind::Document,
                MaterialKind::Video
            ],
            "{backend}"
        );
        let id = |n: usize| player.materials[n].material.id;
        for n in 0..2 {
            for (second, beat) in [(0, Heartbeat::Opened), (40, Heartbeat::Visible)] {
                store
                    .material_heartbeat(learner, id(n), report(beat, true), at(second))
                    .await
                    .unwrap();
            }
        }

        // The captions of the video are served without counting anything.
        let captions = store
            .file_for_learner(learner, id(3), MaterialFileRole::Captions, at(50))
            .await
            .unwrap();
        assert_eq!(captions.media, MediaType::WebVtt, "{backend}");
        // A heartbeat with a document open is time, not an opening.
        store
            .material_heartbeat(learner, id(2), report(Heartbeat::Opened, true), at(50))
            .await
            .unwrap();
        let viewed = |store: Store| async move {
            store
                .module_player(learner, &slug("media"), today(), at(60))
                .await
                .unwrap()
                .materials
                .iter()
                .map(|m| m.viewed)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            viewed(store.clone()).await,
            [true, true, false, false],
            "{backend}"
        );
        let pdf = store
            .file_for_learner(learner, id(2), MaterialFileRole::Main, at(60))
            .await
            .unwrap();
        assert_eq!(
            (pdf.media, pdf.file_name.as_str()),
            (MediaType::Pdf, "規程.pdf"),
            "{backend}"
        );
        let watch = |percent| ViewReport {
            beat: Some(Heartbeat::Visible),
            watched_percent: percent,
            ..Default::default()
        };
        store
            .material_heartbeat(learner, id(3), watch(89), at(70))
            .await
            .unwrap();
        assert_eq!(
            viewed(store.clone()).await,
            [true, true, true, false],
            "{backend}: 89 % is not enough"
        );
        // A later, smaller figure (the learner went back) does not undo what was watched.
        store
            .material_heartbeat(learner, id(3), watch(90), at(80))
            .await
            .unwrap();
        store
            .material_heartbeat(learner, id(3), watch(10), at(90))
            .await
            .unwrap();
        let done = store
            .module_player(learner, &slug("media"), today(), at(100))
            .await
            .unwrap();
        assert_eq!(done.materials[3].watched_percent, 90, "{backend}");
        assert!(
            done.completed_at.is_some(),
            "{backend}: all four viewed completes the module"
        );

        // Someone not taking the module gets nothing, as if the file did not exist.
        let outsider = demo_staff_id(&store, TRAINER).await;
        assert!(
            matches!(
                store
                    .file_for_learner(outsider, id(2), MaterialFileRole::Main, at(60))
                    .await,
                Err(StoreError::NotFound(_))
            ),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn uploads_must_suit_their_material() {
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let backend = database.backend;
        let (video, vtt) = (
            upload("a.webm", MediaType::WebM),
            upload("a.vtt", MediaType::WebVtt),
        );
        let wrong = |file_name: &str, kind| TrainingRefusal::WrongFileKind {
            file_name: file_name.into(),
            kind,
        };
        let refused = [
            (
                NewContent::Document {
                    description: "",
                    file: &video,
                },
                wrong("a.webm", UploadKind::Document),
            ),
            (
                NewContent::Video {
                    description: "",
                    video: NewVideo::Upload(&vtt),
                    captions: &vtt,
                },
                wrong("a.vtt", UploadKind::Video),
            ),
            (
                NewContent::Video {
                    description: "",
                    video: NewVideo::Upload(&video),
                    captions: &video,
                },
                wrong("a.webm", UploadKind::Captions),
            ),
            (
                NewContent::Video {
                    description: "",
                    video: NewVideo::Link("javascript:alert(1)"),
                    captions: &vtt,
                },
                TrainingRefusal::VideoLinkInvalid {
                    link: "javascript:alert(1)".into(),
                },
            ),
        ];
        for (content, reason) in refused {
            let new = NewMaterial {
                title: "x",
                content,
            };
            assert_eq!(
                training_refusal(
                    store
                        .add_material(&slug("media"), new, TRAINER, at(0))
                        .await
                ),
                reason,
                "{backend}"
            );
        }
        let linked = NewMaterial {
            title: "配信サーバの動画",
            content: NewContent::Video {
                description: "",
                video: NewVideo::Link("https://video.example.go.jp/a.mp4"),
                captions: &vtt,
            },
        };
        store
            .add_material(&slug("media"), linked, TRAINER, at(0))
            .await
            .unwrap();
        let draft = store.module_draft(&slug("media")).await.unwrap();
        assert_eq!(
            draft.materials.len(),
            3,
            "{backend}: only the good one added"
        );
        assert!(
            matches!(
                &draft.materials[2].body,
                MaterialBody::Video { source: VideoSource::Link(link), .. } if link.ends_with("a.mp4")
            ),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn trainers_edit_reorder_and_remove_materials_in_a_new_version() {
    for (database, store) in with_documents_and_video().await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        let before = store
            .module_player(learner, &slug("media"), today(), at(0))
            .await
            .unwrap();
        store
            .move_material(&slug("media"), 4, Move::Up, at(1))
            .await
            .unwrap();
        store
            .remove_material(&slug("media"), 1, at(2))
            .await
            .unwrap();
        let edit = MaterialEdit {
            title: "紛失したときの報告",
            text: "直ちに**報告**します。",
            min_active_seconds: 5,
        };
        store
            .edit_material(&slug("media"), 1, edit, at(3))
            .await
            .unwrap();
        assert!(
            matches!(
                store
                    .move_material(&slug("media"), 3, Move::Down, at(4))
                    .await,
                Err(StoreError::NotFound(_))
            ),
            "{backend}: the last cannot move down"
        );
        let draft = store.module_draft(&slug("media")).await.unwrap();
        let titles: Vec<_> = draft.materials.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "紛失したときの報告",
                "紛失事案の再現",
                "情報セキュリティ規程"
            ],
            "{backend}"
        );
        assert_eq!(draft.draft_version, 3, "{backend}");
        assert!(draft.module.has_unpublished_changes, "{backend}");
        // The learner who started keeps the published version untouched.
        let after = store
            .module_player(learner, &slug("media"), today(), at(5))
            .await
            .unwrap();
        assert_eq!(after.materials, before.materials, "{backend}");
    }
}

#[tokio::test]
async fn archived_modules_leave_learners_until_published_again() {
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        store.archive_module(&slug("media"), at(1)).await.unwrap();
        assert!(
            store
                .learner_modules(learner, today())
                .await
                .unwrap()
                .is_empty(),
            "{backend}"
        );
        assert!(
            store
                .module_player(learner, &slug("media"), today(), at(2))
                .await
                .is_err(),
            "{backend}"
        );
        store.publish_module(&slug("media"), at(3)).await.unwrap();
        assert_eq!(
            store.learner_modules(learner, today()).await.unwrap().len(),
            1,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn an_assignment_carried_over_is_due_a_year_later() {
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let backend = database.backend;
        let draft = store.module_draft(&slug("media")).await.unwrap();
        let first = draft.assignments[0].clone();
        store
            .carry_over_assignment(first.id, TRAINER, at(1))
            .await
            .unwrap();
        assert!(
            matches!(
                training_refusal(store.carry_over_assignment(first.id, TRAINER, at(2)).await),
                TrainingRefusal::AlreadyAssigned { .. }
            ),
            "{backend}: once"
        );
        let next = store
            .module_draft(&slug("media"))
            .await
            .unwrap()
            .assignments;
        assert_eq!(next.len(), 2, "{backend}");
        assert_eq!(next[1].fiscal_year, first.fiscal_year + 1, "{backend}");
        assert_eq!(next[1].target, first.target, "{backend}");
        assert_eq!(
            next[1].due,
            DueRule::on(today() + Duration::days(30) + Duration::days(365)),
            "{backend}"
        );
        // Learners see it only in that year.
        let learner = demo_staff_id(&store, LEARNER).await;
        let next_year = today() + Duration::days(365);
        let theirs = store.learner_modules(learner, next_year).await.unwrap();
        assert_eq!(theirs.len(), 1, "{backend}");
        assert_eq!(theirs[0].due, next_year + Duration::days(30), "{backend}");
    }
}

#[tokio::test]
async fn two_tabs_opening_a_page_at_once_record_two_views_without_error() {
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let backend = database.backend;
        let learner = demo_staff_id(&store, LEARNER).await;
        let player = store
            .module_player(learner, &slug("media"), today(), at(0))
            .await
            .unwrap();
        let id = player.materials[0].material.id;
        let open = report(Heartbeat::Opened, false);
        let (one, two) = tokio::join!(
            store.material_heartbeat(learner, id, open, at(1)),
            store.material_heartbeat(learner, id, open, at(1))
        );
        one.unwrap();
        two.unwrap();
        let after = store
            .module_player(learner, &slug("media"), today(), at(2))
            .await
            .unwrap();
        assert_eq!(after.materials[0].views, 2, "{backend}");
    }
}

#[tokio::test]
async fn assignments_made_before_the_joiners_grace_read_back_with_the_default_grace() {
    use sea_orm::{ConnectionTrait, Statement};
    for (database, store) in with_module(AssignmentTarget::Everyone).await {
        let media = slug("media");
        let date = today() + Duration::days(30);
        // The schema as it was, with the rule as it was stored then: a bare date.
        let db = crate::schema_before(&database.url, "m20261202_000012_joiner_grace").await;
        let bare = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!(
                    r#"SELECT count(*) AS n FROM assignment WHERE due_rule = '{{"On":"{date}"}}'"#
                ),
            ))
            .await
            .unwrap()
            .unwrap()
            .try_get::<i64>("", "n")
            .unwrap();
        assert!(bare >= 1, "{}: stored as a bare date", database.backend);
        store.migrate().await.unwrap();
        assert_eq!(
            store.module_draft(&media).await.unwrap().assignments[0].due,
            DueRule::On {
                date,
                joiner_grace_days: DueRule::DEFAULT_JOINER_GRACE_DAYS
            },
            "{}",
            database.backend
        );
    }
}
