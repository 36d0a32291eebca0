//! `mamori quiz …`: a module's question pool imported from and exported to GIFT, Aiken or
//! JSON.

use super::{CliError, note_dry_run, open_store, read_file};
use crate::settings::Settings;
use clap::Subcommand;
use mamori_domain::{quiz::PoolFormat, training::Slug};
use std::{io::Write, path::PathBuf, process::ExitCode};

fn pool_format(code: &str) -> Result<PoolFormat, String> {
    PoolFormat::from_code(code).ok_or_else(|| format!("{code:?} is not gift, aiken or json"))
}

fn slug(raw: &str) -> Result<Slug, String> {
    Slug::parse(raw).map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum QuizCommand {
    /// Replace a module's question pool with the questions of a GIFT, Aiken or JSON file. All or
    /// nothing: any question that cannot be used changes nothing and is printed as
    /// `LINE: reason` (unsupported GIFT types included).
    Import {
        #[arg(long = "module", value_name = "SLUG", value_parser = slug)]
        module: Slug,
        file: PathBuf,
        #[arg(long, default_value = "gift", value_parser = pool_format)]
        format: PoolFormat,
        /// Check the file and report, without writing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a module's question pool to standard output as GIFT or JSON.
    Export {
        #[arg(long = "module", value_name = "SLUG", value_parser = slug)]
        module: Slug,
        #[arg(long, default_value = "gift", value_parser = pool_format)]
        format: PoolFormat,
    },
}

pub async fn run(command: QuizCommand, settings: &Settings) -> Result<ExitCode, CliError> {
    match command {
        QuizCommand::Import {
            module,
            file,
            format,
            dry_run,
        } => import_pool(settings, &module, &file, format, dry_run).await,
        QuizCommand::Export { module, format } => {
            let pool = open_store(settings).await?.question_pool(&module).await?;
            let text = format.write(&pool).ok_or_else(|| {
                CliError::Invalid(
                    "export writes gift or json (Aiken holds single-choice questions only)".into(),
                )
            })?;
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn import_pool(
    settings: &Settings,
    module: &Slug,
    file: &std::path::Path,
    format: PoolFormat,
    dry_run: bool,
) -> Result<ExitCode, CliError> {
    use mamori_domain::quiz::QuestionKind;
    let bytes = read_file(file)?;
    let parsed = format.read_file(&bytes);
    let questions = match parsed {
        Ok(questions) => questions,
        Err(errors) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!(
                "Nothing was imported: {} question(s) in {} cannot be used.",
                errors.len(),
                file.display()
            );
            return Ok(ExitCode::FAILURE);
        }
    };
    let store = open_store(settings).await?;
    let before = store.question_pool(module).await?.len();
    if !dry_run {
        store.replace_question_pool(module, &questions).await?;
    }
    let count = |kind| questions.iter().filter(|q| q.kind == kind).count();
    println!(
        "{}: {} questions ({} single choice, {} multiple choice, {} true/false) {} the {before} of {module}.",
        file.display(),
        questions.len(),
        count(QuestionKind::Single),
        count(QuestionKind::Multiple),
        count(QuestionKind::TrueFalse),
        if dry_run { "would replace" } else { "replaced" },
    );
    note_dry_run(dry_run);
    Ok(ExitCode::SUCCESS)
}
