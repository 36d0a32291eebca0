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
        // The session with its person, the person as of today, the year's assignments with
        // their modules, enrollments and material counts, the self-inspections, the mail.
        assert!(
            many.len() <= 5,
            "{}: {} statements:\n{many:#?}",
            app.backend,
            many.len()
        );
    }
}
