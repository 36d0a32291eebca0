use clap::Parser;
use mamori_server::{cli, settings::Settings};
use std::process::ExitCode;

/// Reports build 100,000s of small values at a time; mimalloc does that faster than glibc's
/// allocator (about 15 % on `benches/reports`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Worker threads' stack: rendering a large page nests deeply (debug builds above all), more
/// than tokio's 2 MiB default allows.
const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

fn main() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(WORKER_STACK_BYTES)
        .build()
    {
        Ok(runtime) => runtime.block_on(run()),
        Err(error) => {
            eprintln!("mamori: cannot start: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
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
