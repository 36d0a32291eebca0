//! The web application: leptos routes and server functions over axum, static files, the
//! language switch, and the plain HTTP routes (file uploads and downloads), each behind the
//! door of its permission (`plain_routes`).

mod admission;
mod audit_files;
mod client_address;
mod door;
mod inspection_files;
mod materials;
mod quiz_files;
mod report_files;
mod request_log;
mod same_origin;
mod security_headers;
mod staff_files;

pub use door::{PlainRoute, Stranger};

use crate::{
    material_files::MaterialFiles,
    settings::{Settings, exe_dir},
};
use axum::{
    Form, Router,
    body::Body,
    extract::{FromRef, Request, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Redirect, Response},
    routing::post,
    serve::ListenerExt,
};
pub use client_address::TrustedProxies;
use door::Rejection;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};
use mamori_app::{App, api::AppState, i18n::LANGUAGE_COOKIE, shell};
use mamori_domain::{AuditAction, Permission};
use mamori_store::Store;
use serde::Deserialize;
use std::path::Path;
use tower_http::services::ServeDir;

/// What the routes read; each handler takes the part it needs with axum's `State`.
#[derive(Clone)]
pub struct WebState {
    app: AppState,
    files: MaterialFiles,
    options: LeptosOptions,
}

impl FromRef<WebState> for AppState {
    fn from_ref(state: &WebState) -> Self {
        state.app.clone()
    }
}

impl FromRef<WebState> for MaterialFiles {
    fn from_ref(state: &WebState) -> Self {
        state.files.clone()
    }
}

impl FromRef<WebState> for LeptosOptions {
    fn from_ref(state: &WebState) -> Self {
        state.options.clone()
    }
}

/// Every plain route with the permission it needs. The router serves these and no others,
/// each behind its door, and the access-matrix test (server/tests/api.rs) calls every one for
/// every role. The language switch is public and stays outside.
pub fn plain_routes() -> Vec<PlainRoute> {
    use Permission::*;
    use Stranger::*;
    vec![
        PlainRoute::post(
            "/admin/staff/import",
            AdministerStaff,
            ToLogin,
            staff_files::upload_staff,
        )
        .limit(staff_files::UPLOAD_LIMIT),
        PlainRoute::get(
            "/admin/staff/export.csv",
            AdministerStaff,
            Unauthorized,
            staff_files::export_staff,
        )
        .audited(AuditAction::DataExported),
        PlainRoute::get(
            "/admin/audit.csv",
            AdministerStaff,
            ToLogin,
            audit_files::export_audit,
        )
        .audited(AuditAction::DataExported),
        PlainRoute::post(
            "/trainer/modules/{slug}/materials",
            AuthorTraining,
            ToLogin,
            materials::upload_material,
        )
        .limit(materials::upload_limit()),
        PlainRoute::get(
            "/materials/{id}/{which}",
            TakeTraining,
            Unauthorized,
            materials::serve_material_file,
        ),
        PlainRoute::get(
            "/trainer/modules/{slug}/questions",
            AuthorTraining,
            ToLogin,
            quiz_files::export_pool,
        ),
        PlainRoute::post(
            "/trainer/modules/{slug}/questions",
            AuthorTraining,
            ToLogin,
            quiz_files::upload_pool,
        )
        .limit(quiz_files::UPLOAD_LIMIT),
        PlainRoute::get(
            "/results/quizzes/{slug}/{file}",
            ViewTrainingResults,
            ToLogin,
            quiz_files::results_csv,
        )
        .audited(AuditAction::DataExported),
        PlainRoute::get(
            "/reports/{file}",
            ViewTrainingResults,
            ToLogin,
            report_files::report_file,
        )
        .audited(AuditAction::DataExported),
        PlainRoute::get(
            "/reports/staff/{employee_id}/{file}",
            ViewTrainingResults,
            ToLogin,
            report_files::transcript_file,
        )
        .audited(AuditAction::DataExported),
        PlainRoute::post(
            "/admin/inspection/{year}/items",
            AdministerInspection,
            ToLogin,
            inspection_files::upload_items,
        )
        .limit(inspection_files::UPLOAD_LIMIT),
        // Table 1 and the item shares need `AdministerInspection` as well (see the handler).
        PlainRoute::get(
            "/inspection/{year}/{file}",
            ViewInspectionStatus,
            ToLogin,
            inspection_files::results_file,
        )
        .audited(AuditAction::DataExported),
    ]
}

/// Leptos's options for a site served from `site_root`. File names carry content hashes when
/// cargo-leptos left a `hash.txt` beside the binary (release builds).
pub fn leptos_options(site_root: &Path, addr: std::net::SocketAddr) -> LeptosOptions {
    let hash_files = exe_dir().is_some_and(|dir| dir.join("hash.txt").is_file());
    LeptosOptions::builder()
        .output_name("mamori")
        .site_root(site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(addr)
        .hash_files(hash_files)
        .build()
}

pub fn app_state(store: Store, settings: &Settings) -> AppState {
    let sessions = mamori_store::accounts::SessionPolicy {
        lifetime: chrono::Duration::hours(i64::from(settings.session_hours)),
        idle: chrono::Duration::minutes(i64::from(settings.session_idle_minutes)),
    };
    AppState {
        store: store.with_session_policy(sessions),
        secure_cookies: settings.secure_cookies,
        base_url: settings.base_url.clone(),
    }
}

pub fn router(
    state: AppState,
    files: MaterialFiles,
    options: LeptosOptions,
    proxies: TrustedProxies,
) -> Router {
    let routes = generate_route_list(App);
    let site_root = options.site_root.to_string();
    let hash_files = options.hash_files;
    let pkg = ServeDir::new(Path::new(&site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            security_headers::page_nonce();
        }
    };
    let page_shell = {
        let options = options.clone();
        move || shell(options.clone())
    };
    let not_found =
        leptos_axum::render_app_to_stream_with_context(context.clone(), page_shell.clone());
    let web = WebState {
        app: state.clone(),
        files,
        options,
    };
    // Every page but these two needs a session: a stranger is sent to log in first.
    let private_pages = door::PrivatePages::new(
        routes
            .iter()
            .map(|route| route.path())
            .filter(|path| *path != "/login" && !path.starts_with("/set-password/")),
        plain_routes().iter().map(|route| route.path),
    );
    let plain = plain_routes()
        .into_iter()
        .fold(Router::new(), |router, route| {
            router.route(route.path, route.behind_door(&state))
        });
    Router::new()
        .route(
            "/api/{*fn_name}",
            post({
                let context = context.clone();
                move |request: Request<Body>| {
                    handle_server_fns_with_context(context.clone(), request)
                }
            }),
        )
        .leptos_routes_with_context(&web, routes, context, page_shell)
        // Pages and server functions take turns (admission.rs); files and uploads do not wait.
        .route_layer(axum::middleware::from_fn_with_state(
            admission::Admission::for_this_machine(),
            admission::take_turns,
        ))
        .route("/language", post(set_language))
        .merge(plain)
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(axum::middleware::from_fn_with_state(
                    hash_files,
                    bundle_cache,
                ))
                .service(pkg),
        )
        .fallback_service(ServeDir::new(&site_root).fallback(axum::routing::get(not_found)))
        .layer(axum::middleware::from_fn_with_state(
            (state.clone(), private_pages),
            door::pages_need_login,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            door::server_functions_need_login,
        ))
        .layer(axum::middleware::from_fn_with_state(
            same_origin::OwnOrigin::of(&state.base_url),
            same_origin::refuse_cross_site,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.base_url.starts_with("https://"),
            security_headers::add,
        ))
        .layer(axum::middleware::from_fn(request_log::log_request))
        .layer(axum::middleware::from_fn_with_state(
            proxies,
            client_address::find,
        ))
        .with_state(web)
}

/// A CSV file to download.
fn csv_download(file_name: &str, content: String) -> Response {
    download("text/csv; charset=utf-8", file_name, content)
}

/// A file to save rather than show.
fn download(content_type: &str, file_name: &str, content: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
        ],
        content,
    )
        .into_response()
}

#[derive(Deserialize)]
struct LanguageChoice {
    lang: String,
    back: Option<String>,
}

/// Remembers the chosen language for a year and returns to the page it was chosen on.
async fn set_language(
    State(_): State<LeptosOptions>,
    Form(choice): Form<LanguageChoice>,
) -> Response {
    let locale = mamori_app::i18n::Locale::from_code(&choice.lang);
    let back = choice
        .back
        .as_deref()
        .and_then(mamori_domain::url::own_path)
        .unwrap_or("/");
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        locale.code()
    );
    let mut response = Redirect::to(back).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// How long browsers keep a file of the bundle. Hashed wasm and CSS names change with their
/// content, so those are kept for good. A script keeps its name when only a page loaded on
/// first visit changed (cargo-leptos hashes it before writing the pieces' new names into it),
/// so scripts are asked for again each time (a 304 when unchanged); so is everything without
/// hashed names.
async fn bundle_cache(
    State(hash_files): State<bool>,
    request: Request,
    next: axum::middleware::Next,
) -> Response {
    let keep = hash_files && !request.uri().path().ends_with(".js");
    let mut response = next.run(request).await;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if keep {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        }),
    );
    response
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(settings: &Settings, store: Store) -> std::io::Result<()> {
    let options = leptos_options(&settings.site_root, settings.addr);
    let files = MaterialFiles::new(settings.data_dir.join("materials"));
    let proxies = TrustedProxies::new(settings.trusted_proxies.clone());
    let app = router(app_state(store, settings), files, options, proxies);
    let listener = tokio::net::TcpListener::bind(settings.addr).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, site_root = %settings.site_root.display(), "serving");
    println!("Mamori is running: open http://{address}/ in a browser (Ctrl-C stops it).");
    serve_on(listener, app, shutdown_signal()).await
}

/// Serves `app` on `listener` until `shutdown` completes.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Pages stream in several writes: without TCP_NODELAY, Nagle's algorithm holds each later
    // piece until the browser's delayed ACK, 40 ms a response on a kept-alive connection.
    let listener = listener.tap_io(|connection| {
        if let Err(error) = connection.set_nodelay(true) {
            tracing::warn!(%error, "could not set TCP_NODELAY");
        }
    });
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

/// One field of a small multipart form.
struct FormField {
    file_name: Option<String>,
    bytes: Vec<u8>,
}

/// Why a small multipart form could not be read.
enum FormFailure {
    /// Over the route's body limit: the page says so.
    TooLarge,
    /// Anything else: a malformed form (422).
    Refused(Rejection),
}

/// A small multipart form read whole (a file of a few megabytes and a few fields), by field
/// name.
async fn read_form(
    mut form: axum::extract::Multipart,
) -> Result<std::collections::HashMap<String, FormField>, FormFailure> {
    use axum::{extract::multipart::MultipartError, http::StatusCode};
    let failure = |error: MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            FormFailure::TooLarge
        } else {
            FormFailure::Refused(mamori_app::error::AppError::Invalid(error.body_text()).into())
        }
    };
    let mut fields = std::collections::HashMap::new();
    while let Some(field) = form.next_field().await.map_err(failure)? {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = field.bytes().await.map_err(failure)?.to_vec();
        fields.insert(name, FormField { file_name, bytes });
    }
    Ok(fields)
}

/// How many error lines of an upload travel back to its page in the address.
const ERRORS_SHOWN: usize = 20;

/// An upload's error lines as its page shows them: the first `ERRORS_SHOWN`, then how many
/// more there are.
fn first_error_lines<S: AsRef<str>>(lines: &[S]) -> String {
    let shown: Vec<&str> = lines.iter().take(ERRORS_SHOWN).map(AsRef::as_ref).collect();
    let mut text = shown.join("\n");
    if lines.len() > ERRORS_SHOWN {
        text.push_str(&format!("\n… (+{})", lines.len() - ERRORS_SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    async fn cache_control(hash_files: bool, path: &str) -> String {
        let files = Router::new().fallback(|| async { "bytes" }).layer(
            axum::middleware::from_fn_with_state(hash_files, bundle_cache),
        );
        let response = files
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        response.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .to_string()
    }

    #[tokio::test]
    async fn hashed_wasm_and_css_are_kept_for_good_and_scripts_are_asked_again() {
        let immutable = "public, max-age=31536000, immutable";
        assert_eq!(cache_control(true, "/mamori.abc.wasm").await, immutable);
        assert_eq!(
            cache_control(true, "/split_admin_1.abc.wasm").await,
            immutable
        );
        assert_eq!(cache_control(true, "/mamori.abc.css").await, immutable);
        assert_eq!(cache_control(true, "/mamori.abc.js").await, "no-cache");
        assert_eq!(
            cache_control(true, "/__wasm_split.abc.js").await,
            "no-cache"
        );
        assert_eq!(cache_control(false, "/mamori.wasm").await, "no-cache");
    }
}
