use clap::Parser;
use mamori_server::{cli, settings::Settings};
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let command = cli::Cli::parse();
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("mamori: configuration error: {error}");
            return ExitCode::from(2);
        }
    };
    settings.init_tracing();
    match cli::run(command, settings).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("mamori: {error}");
            ExitCode::FAILURE
        }
    }
}
