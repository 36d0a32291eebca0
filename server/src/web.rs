//! The web application: leptos routes and server functions over axum, static files, and the
//! language switch.

use crate::settings::{Settings, exe_dir};
use axum::{
    Form, Router,
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, header},
    response::{IntoResponse, Redirect, Response},
    routing::post,
};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};
use mamori_app::{App, api::AppState, i18n::LANGUAGE_COOKIE, shell};
use mamori_store::Store;
use serde::Deserialize;
use std::path::Path;
use tower_http::{services::ServeDir, set_header::SetResponseHeaderLayer};

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
    AppState {
        store,
        session_lifetime: chrono::Duration::hours(i64::from(settings.session_hours)),
        secure_cookies: settings.secure_cookies,
        base_url: settings.base_url.clone(),
    }
}

pub fn router(state: AppState, options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let site_root = options.site_root.to_string();
    let server_fn_state = state.clone();
    let pkg_cache = if options.hash_files {
        // Hashed names change with their content, so browsers may keep them for good.
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let pkg = ServeDir::new(Path::new(&site_root).join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let not_found = leptos_axum::render_app_to_stream_with_context(
        {
            let state = state.clone();
            move || provide_context(state.clone())
        },
        {
            let options = options.clone();
            move || shell(options.clone())
        },
    );
    Router::new()
        .route(
            "/api/{*fn_name}",
            post(move |request: Request<Body>| {
                let state = server_fn_state.clone();
                handle_server_fns_with_context(move || provide_context(state.clone()), request)
            }),
        )
        .leptos_routes_with_context(
            &options,
            routes,
            {
                let state = state.clone();
                move || provide_context(state.clone())
            },
            {
                let options = options.clone();
                move || shell(options.clone())
            },
        )
        .route("/language", post(set_language))
        .route(
            "/admin/staff/import",
            post({
                let state = state.clone();
                move |headers: axum::http::HeaderMap, form: axum::extract::Multipart| {
                    upload_staff(state.clone(), headers, form)
                }
            })
            .layer(axum::extract::DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route(
            "/admin/staff/export.csv",
            axum::routing::get({
                let state = state.clone();
                move |headers: axum::http::HeaderMap, query: axum::extract::Query<ExportQuery>| {
                    export_staff(state.clone(), headers, query.0)
                }
            }),
        )
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static(pkg_cache),
                ))
                .service(pkg),
        )
        .fallback_service(ServeDir::new(&site_root).fallback(axum::routing::get(not_found)))
        .with_state(options)
}

/// The largest staff file accepted (10,000 people take about 1 MB).
const UPLOAD_LIMIT: usize = 20 * 1024 * 1024;

/// The admin UI's staff file upload: keeps the file and opens its preview page, where the
/// admin confirms. A plain multipart form post, so it works with and without JavaScript.
async fn upload_staff(
    state: AppState,
    headers: axum::http::HeaderMap,
    mut form: axum::extract::Multipart,
) -> Response {
    use mamori_app::api::{authorize, status_of};
    let admin = match authorize(&state, &headers, mamori_domain::Permission::AdministerStaff).await
    {
        Ok(actor) => actor,
        Err(mamori_app::error::AppError::Unauthenticated) => {
            return Redirect::to("/login").into_response();
        }
        Err(error) => return (status_of(&error), error.to_string()).into_response(),
    };
    let back = |code: &str| {
        Redirect::to(&format!("/admin/staff?import_error={code}#import-heading")).into_response()
    };
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut effective = String::new();
    let mut sync = false;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return back("too_large");
            }
            Err(error) => return (error.status(), error.body_text()).into_response(),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().unwrap_or("staff.csv").to_string();
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(error) if error.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return back("too_large");
            }
            Err(error) => return (error.status(), error.body_text()).into_response(),
        };
        match name.as_str() {
            "file" => file = Some((file_name, bytes.to_vec())),
            "effective" => effective = String::from_utf8_lossy(&bytes).trim().to_string(),
            "sync" => sync = bytes.as_ref() == b"true",
            _ => {}
        }
    }
    let Some((file_name, content)) = file.filter(|(_, content)| !content.is_empty()) else {
        return back("no_file");
    };
    let now = chrono::Utc::now();
    let effective = if effective.is_empty() {
        mamori_domain::agency_date(now)
    } else {
        match chrono::NaiveDate::parse_from_str(&effective, "%Y-%m-%d") {
            Ok(date) => date,
            Err(_) => return back("bad_date"),
        }
    };
    let upload = mamori_store::staff_uploads::NewUpload {
        uploaded_by: admin.employee_id.as_str(),
        uploaded_at: now,
        file_name: &file_name,
        content,
        effective,
        sync,
    };
    match state.store.save_staff_upload(upload).await {
        Ok(id) => Redirect::to(&format!("/admin/staff/import/{id}")).into_response(),
        Err(error) => {
            tracing::error!(%error, "saving a staff upload failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[derive(Deserialize)]
struct ExportQuery {
    as_of: Option<String>,
}

/// The staff directory as `staff.csv`, as of a date (default today). Admins only.
async fn export_staff(
    state: AppState,
    headers: axum::http::HeaderMap,
    query: ExportQuery,
) -> Response {
    use mamori_app::api::{authorize, status_of};
    if let Err(error) =
        authorize(&state, &headers, mamori_domain::Permission::AdministerStaff).await
    {
        return (status_of(&error), error.to_string()).into_response();
    }
    let today = mamori_domain::agency_date(chrono::Utc::now());
    let as_of = match query.as_of.as_deref().filter(|d| !d.is_empty()) {
        None => today,
        Some(raw) => match chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(date) => date,
            Err(_) => {
                return (
                    axum::http::StatusCode::UNPROCESSABLE_ENTITY,
                    "as_of must be YYYY-MM-DD",
                )
                    .into_response();
            }
        },
    };
    match state.store.staff_rows_as_of(as_of).await {
        Ok(rows) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"staff-{as_of}.csv\""),
                ),
            ],
            mamori_domain::staff_file::write(&rows),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(%error, "staff export failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
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
    // Only same-site paths, so the form cannot be used to send people elsewhere.
    let back = choice
        .back
        .filter(|path| path.starts_with('/') && !path.starts_with("//") && !path.contains('\\'))
        .unwrap_or_else(|| "/".into());
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        locale.code()
    );
    let mut response = Redirect::to(&back).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// Serves until Ctrl-C or SIGTERM.
pub async fn serve(settings: &Settings, store: Store) -> std::io::Result<()> {
    let options = leptos_options(&settings.site_root, settings.addr);
    let app = router(app_state(store, settings), options);
    let listener = tokio::net::TcpListener::bind(settings.addr).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, site_root = %settings.site_root.display(), "serving");
    println!("Mamori is running: open http://{address}/ in a browser (Ctrl-C stops it).");
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
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
