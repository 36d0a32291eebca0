//! Completion reports over HTTP, on the demo agency: the files say what the dashboard says,
//! managers get their divisions only (pages, files, transcripts), others nothing.

use crate::support::*;
use reqwest::StatusCode;

const OUTSIDER: &str = "E0013"; // 総務課

/// The dashboard as the server function returns it.
async fn dashboard(session: &TestApp) -> serde_json::Value {
    let response = session
        .call("completion_dashboard", &[("view[sort]", "employee_id")])
        .await;
    assert_eq!(response.status(), StatusCode::OK, "{}", session.backend);
    response.json().await.unwrap()
}

fn rows_of<'a>(dashboard: &'a serde_json::Value, dimension: &str) -> &'a Vec<serde_json::Value> {
    dashboard["breakdowns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|pair| pair[0] == dimension)
        .map(|pair| pair[1].as_array().unwrap())
        .unwrap()
}

#[tokio::test]
async fn exports_match_the_dashboard_within_each_viewers_scope() {
    for app in TestApp::spawn_each(true).await {
        let backend = app.backend;
        app.store
            .load_demo_training(chrono::Utc::now())
            .await
            .unwrap();
        let admin = app.session_of(ADMIN).await;
        let everything = dashboard(&admin).await;
        let total = &everything["total"];
        let assigned: u64 = ["completed", "in_progress", "not_started", "overdue"]
            .iter()
            .map(|k| total[k].as_u64().unwrap())
            .sum();
        assert!(assigned >= 361, "{backend}: the demo assigns everyone");
        assert!(total["completed"].as_u64().unwrap() > 0, "{backend}");

        // The division file: one row per division, the same counts as the dashboard.
        let divisions = csv_rows(admin.get("/reports/divisions.csv").await).await;
        assert_eq!(divisions[0][0], "所属", "{backend}");
        assert_eq!(divisions[0][2], "修了", "{backend}");
        let by_division = rows_of(&everything, "Division");
        assert_eq!(divisions.len() - 1, by_division.len(), "{backend}");
        assert_eq!(by_division.len(), 9, "{backend}: nine divisions");
        for (line, row) in divisions[1..].iter().zip(by_division) {
            assert_eq!(line[0], row["key"].as_str().unwrap(), "{backend}");
            assert_eq!(line[2], row["tally"]["completed"].to_string(), "{backend}");
            assert_eq!(line[8], row["tally"]["overdue"].to_string(), "{backend}");
        }
        let file_total: u64 = divisions[1..]
            .iter()
            .map(|l| l[1].parse::<u64>().unwrap())
            .sum();
        assert_eq!(file_total, assigned, "{backend}");

        // The people behind "completed": as many rows as the dashboard counts.
        let completed = csv_rows(admin.get("/reports/people.csv?status=completed").await).await;
        assert_eq!(
            (completed.len() - 1) as u64,
            total["completed"].as_u64().unwrap(),
            "{backend}"
        );
        assert!(completed[1..].iter().all(|r| r[6] == "修了"), "{backend}");

        // The same table as a workbook.
        let workbook = admin.get("/reports/divisions.xlsx").await;
        assert_eq!(workbook.status(), StatusCode::OK, "{backend}");
        assert_eq!(
            workbook.headers()["content-type"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert!(
            workbook.bytes().await.unwrap().starts_with(b"PK"),
            "{backend}: a zip"
        );

        // A manager: their division only, on the dashboard, in the files and transcripts.
        let manager = app.session_of(MANAGER).await;
        let theirs = dashboard(&manager).await;
        let their_divisions = rows_of(&theirs, "Division");
        assert_eq!(their_divisions.len(), 1, "{backend}");
        assert_eq!(their_divisions[0]["key"], "消費者安全課", "{backend}");
        let people = csv_rows(manager.get("/reports/people.csv").await).await;
        assert!(people.len() > 1, "{backend}");
        assert!(
            people[1..].iter().all(|r| r[2] == "消費者安全課"),
            "{backend}"
        );
        let others = csv_rows(manager.get("/reports/people.csv?division=総務課").await).await;
        assert_eq!(others.len(), 1, "{backend}: only the heading");
        let (status, _, html) = manager.page("/reports").await;
        assert_eq!(status, StatusCode::OK, "{backend}");
        assert!(
            html.contains("消費者安全課") && !html.contains("総務課"),
            "{backend}"
        );
        let transcript = csv_rows(
            manager
                .get(&format!("/reports/staff/{LEARNER}/transcript.csv"))
                .await,
        )
        .await;
        assert!(transcript.len() > 1, "{backend}: their learner's modules");
        assert_eq!(
            manager
                .get(&format!("/reports/staff/{OUTSIDER}/transcript.csv"))
                .await
                .status(),
            StatusCode::NOT_FOUND,
            "{backend}"
        );
        let outsider = manager
            .call("staff_transcript", &[("employee_id", OUTSIDER)])
            .await;
        assert_eq!(outsider.status(), StatusCode::NOT_FOUND, "{backend}");

        // Learners and strangers get nothing.
        let learner = app.session_of(LEARNER).await;
        assert_eq!(
            learner.get("/reports/divisions.csv").await.status(),
            StatusCode::FORBIDDEN,
            "{backend}"
        );
        let response = learner
            .call("completion_dashboard", &[("view[sort]", "employee_id")])
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{backend}");
        let stranger = app.get("/reports/people.csv").await;
        assert_eq!(stranger.status(), StatusCode::SEE_OTHER, "{backend}");
        assert_eq!(
            app.get("/reports/nonsense.csv").await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            admin.get("/reports/nonsense.csv").await.status(),
            StatusCode::NOT_FOUND,
            "{backend}"
        );
    }
}
