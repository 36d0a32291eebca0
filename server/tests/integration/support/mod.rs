//! The real application on a random port for integration tests (zero2prod's `spawn_app`).

pub use mamori_test_support::{ADMIN, LEARNER, MANAGER, TRAINER, employee, slug};
use mamori_test_support::{TestDatabase, fresh_databases};
use reqwest::{StatusCode, redirect::Policy};

pub const PASSWORD: &str = mamori_domain::demo::DEMO_PASSWORD;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub backend: &'static str,
    pub store: mamori_store::Store,
    /// Every SQL statement the app sends (`take` it around a request to see what it cost).
    pub statements: mamori_store::StatementLog,
    /// Where uploaded material files are kept.
    pub files_dir: std::path::PathBuf,
    /// Kept alive while the app runs; sessions of other users share the app's.
    _database: Option<TestDatabase>,
    _files: Option<std::sync::Arc<tempfile::TempDir>>,
}

impl TestApp {
    /// Starts Mamori on a fresh database, with the demo agency loaded when `demo` is true.
    pub async fn spawn(database: TestDatabase, demo: bool) -> Self {
        let store = database.store().await;
        if demo {
            store.load_demo().await.expect("load the demo agency");
        }
        let (store, statements) = store.counting_statements();
        let settings = mamori_server::settings::Settings::from_env().expect("default settings");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = format!("http://{}", listener.local_addr().unwrap());
        let site_root = std::env::temp_dir();
        let options =
            mamori_server::web::leptos_options(&site_root, listener.local_addr().unwrap());
        let files = tempfile::tempdir().expect("a folder for material files");
        let files_dir = files.path().to_path_buf();
        let app = mamori_server::web::router(
            mamori_server::web::app_state(store.clone(), &settings),
            mamori_server::material_files::MaterialFiles::new(files_dir.clone()),
            options,
            mamori_server::web::TrustedProxies::new(settings.trusted_proxies.clone()),
        );
        tokio::spawn(async move {
            mamori_server::web::serve_on(listener, app, std::future::pending())
                .await
                .unwrap()
        });
        Self {
            address,
            client: client(),
            backend: database.backend,
            store,
            statements,
            files_dir,
            _database: Some(database),
            _files: Some(std::sync::Arc::new(files)),
        }
    }

    pub async fn spawn_each(demo: bool) -> Vec<TestApp> {
        let mut apps = Vec::new();
        for database in fresh_databases().await {
            apps.push(Self::spawn(database, demo).await);
        }
        apps
    }

    /// Calls a server function as the browser's JavaScript does (form-encoded, JSON back).
    pub async fn call(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}/api/{endpoint}", self.address))
            .form(form)
            .send()
            .await
            .expect("request")
    }

    pub async fn login(&self, employee_id: &str) -> reqwest::Response {
        self.call("login", &[("login", employee_id), ("password", PASSWORD)])
            .await
    }

    /// A second client with its own cookies, logged in as `employee_id`.
    pub async fn session_of(&self, employee_id: &str) -> TestApp {
        let other = TestApp {
            address: self.address.clone(),
            client: client(),
            backend: self.backend,
            store: self.store.clone(),
            statements: self.statements.clone(),
            files_dir: self.files_dir.clone(),
            _database: None,
            _files: self._files.clone(),
        };
        if !employee_id.is_empty() {
            let response = other.login(employee_id).await;
            assert_eq!(
                response.status(),
                StatusCode::OK,
                "{}: login as {employee_id}",
                self.backend
            );
        }
        other
    }

    /// Posts a multipart form as a browser does without JavaScript; returns where the server
    /// sent the browser (a 303).
    pub async fn post_multipart(&self, path: &str, form: reqwest::multipart::Form) -> String {
        let response = self
            .client
            .post(format!("{}{path}", self.address))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", self.backend);
        response.headers()["location"].to_str().unwrap().to_string()
    }

    /// Switches this session's pages to `lang` ("ja" or "en"), as the header's button does.
    pub async fn choose_language(&self, lang: &str) {
        let response = self
            .client
            .post(format!("{}/language", self.address))
            .form(&[("lang", lang), ("back", "/")])
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{}", self.backend);
    }

    /// A plain GET (a download).
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("request")
    }

    pub async fn page(&self, path: &str) -> (StatusCode, Option<String>, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.address))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        let status = response.status();
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_string());
        (status, location, response.text().await.unwrap())
    }
}

/// A sender to a test's SMTP server (the folder is only for a missing server).
pub fn sender_to(
    sink: &mamori_test_support::smtp::SmtpSink,
    folder: &tempfile::TempDir,
) -> mamori_mail::Sender {
    mamori_mail::Sender::new(
        "守り <mamori@agency.example>",
        Some(&sink.url()),
        folder.path(),
    )
    .unwrap()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        // A request unanswered this long is stuck: it fails naming its URL instead of holding
        // the run until scripts/test stops it after ten minutes.
        .timeout(std::time::Duration::from_secs(90))
        .build()
        .unwrap()
}

/// A CSV download's rows, after checking its byte-order mark.
pub async fn csv_rows(response: reqwest::Response) -> Vec<Vec<String>> {
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"),
    );
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for Excel"
    );
    let text = mamori_domain::csv::decode(&bytes).unwrap();
    mamori_domain::csv::records(text)
        .unwrap()
        .into_iter()
        .map(|r| r.fields)
        .collect()
}
