//! What a page costs the database: a fixed number of SQL statements, however many modules,
//! materials or staff there are.

use crate::support::{LEARNER, TRAINER, TestApp};
use mamori_domain::{
    FiscalYear,
    training::{AssignmentTarget, DueRule, EstimatedMinutes},
};
use mamori_store::training::{NewContent, NewMaterial, NewModule};
use reqwest::StatusCode;

/// The statements one GET of `path` sends, with the page it answered.
async fn statements_for(app: &TestApp, path: &str) -> (Vec<String>, String) {
    app.statements.take();
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{}: {path}", app.backend);
    let html = response.text().await.unwrap();
    (app.statements.take(), html)
}

/// Publishes modules `extra-N` for each N of `numbers`, of two pages each, assigned to
/// everyone.
async fn assign_more_modules(app: &TestApp, numbers: std::ops::Range<usize>) {
    let now = chrono::Utc::now();
    let year = FiscalYear::containing(mamori_domain::agency_date(now));
    for n in numbers {
        let slug = mamori_test_support::slug(&format!("extra-{n}"));
        let module = NewModule {
            slug: &slug,
            title: "追加の研修",
            summary: "",
            estimated_minutes: EstimatedMinutes::parse(5).unwrap(),
            created_by: TRAINER,
        };
        app.store.create_module(module, now).await.unwrap();
        for title in ["一", "二"] {
            let page = NewMaterial {
                title,
                content: NewContent::Page {
                    markdown: "本文",
                    min_active_seconds: 0,
                },
            };
            app.store
                .add_material(&slug, page, TRAINER, now)
                .await
                .unwrap();
        }
        app.store.publish_module(&slug, now).await.unwrap();
        let due = DueRule::on(mamori_domain::agency_date(now) + chrono::Duration::days(30));
        app.store
            .assign_module(&slug, year, &AssignmentTarget::Everyone, due, TRAINER, now)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn the_learner_home_costs_the_same_few_statements_with_3_modules_or_30() {
    for app in TestApp::spawn_each(true).await {
        let learner = app.session_of(LEARNER).await;
        let cards = |html: &str| html.matches("class=\"module-card\"").count();
        assign_more_modules(&app, 0..3).await;
        let (few, html) = statements_for(&learner, "/").await;
        assert_eq!(cards(&html), 3, "{}: every module is listed", app.backend);
        assign_more_modules(&app, 3..30).await;
        let (many, html) = statements_for(&learner, "/").await;
        assert_eq!(cards(&html), 30, "{}: every module is listed", app.backend);
        assert_eq!(
            few.len(),
            many.len(),
            "{}: the count grows with the modules:\n{many:#?}",
            app.backend
        );
        // The session with its person, the person's dated divisions and roles, the year's
        // assignments with their modules, enrollments and material counts, the
        // self-inspections, the mail.
        assert!(
            many.len() <= 5,
            "{}: {} statements:\n{many:#?}",
            app.backend,
            many.len()
        );
    }
}

/// What the busiest pages of the demo agency cost, as `mamori demo` loads it (training with
/// progress, last year's self-inspection closed and this year's open): a fixed few statements
/// each, the same once three more modules are assigned to everyone.
#[tokio::test]
async fn the_demo_agencys_busiest_pages_cost_a_fixed_few_statements() {
    for app in TestApp::spawn_each(true).await {
        let now = chrono::Utc::now();
        app.store.load_demo_training(now).await.unwrap();
        app.store.load_demo_inspection(now).await.unwrap();
        let year = FiscalYear::containing(mamori_domain::agency_date(now)).start_year();
        let learner = app.session_of(LEARNER).await;
        let manager = app.session_of(crate::support::MANAGER).await;
        let trainer = app.session_of(TRAINER).await;
        // The first visit of a module starts the learner on it (a write); the count is of a
        // return, which only reads.
        statements_for(&learner, "/modules/classification").await;
        // Each page, its viewer, and the most statements it may send, with what they read.
        let pages = [
            // the session; the person with their dated divisions and roles; the year's
            // assignments with modules, enrollments and counts; the campaigns with their
            // items, the person's sheets and completions (an item is answered by training);
            // the mail
            (&learner, "/".to_string(), 5),
            // the session, the person, the assignments, the version's materials, the
            // person's views of them, whether there is a quiz
            (&learner, "/modules/classification".to_string(), 6),
            // the session, the campaign, its items, the person on the reference date (3), the
            // sheet, the completions, the items again with the modules' titles, the sheet as
            // stored and its history
            (&learner, format!("/inspection/{year}"), 12),
            // the session; the grid's roster (modules, assignments, the division's people,
            // roles, divisions' names, enrollments) and the filter's divisions; the staff list
            // (division names, members, people, and their divisions and roles)
            (&manager, "/manager".to_string(), 14),
            // the session and every module
            (&trainer, "/trainer".to_string(), 2),
        ];
        let mut before = Vec::new();
        for (viewer, path, most) in &pages {
            let (statements, _) = statements_for(viewer, path).await;
            assert!(
                statements.len() <= *most,
                "{} {path}: {} statements, at most {most}:\n{statements:#?}",
                app.backend,
                statements.len()
            );
            before.push(statements.len());
        }
        assign_more_modules(&app, 0..3).await;
        statements_for(&learner, "/modules/classification").await;
        for ((viewer, path, _), count) in pages.iter().zip(before) {
            let (statements, _) = statements_for(viewer, path).await;
            assert_eq!(
                statements.len(),
                count,
                "{} {path}: the count grew with three more modules:\n{statements:#?}",
                app.backend
            );
        }
    }
}
