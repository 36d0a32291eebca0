//! The logged-in person, loaded once by the app and read by the layout and every page's guard.

use crate::{api::session::Viewer, error::AppError};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct ViewerResource(pub Resource<Result<Option<Viewer>, AppError>>);
