//! `mamori demo`: the demo agency, its training and its self-inspections.

use super::{CliError, moment, open_store};
use crate::settings::Settings;
use std::process::ExitCode;

pub async fn run(
    at: Option<chrono::DateTime<chrono::FixedOffset>>,
    settings: &Settings,
) -> Result<ExitCode, CliError> {
    let store = open_store(settings).await?;
    if store.is_demo().await? {
        println!("The demo agency is already loaded.");
    } else {
        let count = store.load_demo().await?;
        println!("Loaded the demo agency: 9 divisions, {count} staff, and the demo accounts.");
    }
    let now = moment(at);
    let modules = store.load_demo_training(now).await?;
    if modules > 0 {
        println!(
            "Added {modules} training modules, assigned to everyone this fiscal year, with progress."
        );
    }
    if store.load_demo_inspection(now).await? > 0 {
        println!(
            "Added last year's self-inspection (answered) and this year's (open for answers)."
        );
    }
    Ok(ExitCode::SUCCESS)
}
