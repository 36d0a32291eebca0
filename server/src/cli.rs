//! The `mamori` command line: serving and the admin subcommands.

mod inspection;

use crate::{mail_delivery::deliver_due_mail, settings::Settings};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use mamori_domain::{EmailAddress, EmployeeId, StaffName, quiz::PoolFormat};
use mamori_store::staff_import::{ImportError, ImportOptions, ImportReport};
use mamori_store::{
    Store,
    accounts::{NewAdmin, NewPassword},
};
use std::{io::BufRead, io::Write, path::PathBuf, process::ExitCode};

/// Mamori (守り): security-awareness training and the yearly self-inspection.
///
/// Configuration comes from MAMORI_* environment variables (see the README).
#[derive(Debug, Parser)]
#[command(name = "mamori", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (runs pending migrations first).
    Serve,
    /// Bring the database schema up to date.
    Migrate,
    /// Load the demo agency (消費者庁, 361 staff, demo accounts) into an empty database, with
    /// its training and self-inspections as of a moment (default now).
    Demo {
        /// The moment to load as of, e.g. 2026-12-01T10:00:00+09:00.
        #[arg(long, value_name = "RFC3339")]
        at: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
    /// Administrator accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// User accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The staff directory (staff.csv).
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Outgoing mail.
    Mail {
        #[command(subcommand)]
        command: MailCommand,
    },
    /// A module's quiz questions.
    Quiz {
        #[command(subcommand)]
        command: QuizCommand,
    },
    /// Reminder mail (the server also runs passes on its own, every
    /// MAMORI_REMINDER_POLL_SECONDS).
    Reminders {
        #[command(subcommand)]
        command: RemindersCommand,
    },
    /// The days the agency is closed: no reminder goes out on them.
    Holidays {
        #[command(subcommand)]
        command: HolidaysCommand,
    },
    /// The yearly self-inspection (自己点検): items, answers and figures.
    Inspection {
        #[command(subcommand)]
        command: inspection::InspectionCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// Queue the notices, reminders and digests due as of a moment (default now); `mamori mail
    /// send` or the server then sends them. Running it again queues nothing twice.
    Run {
        /// The moment to run as of, e.g. 2026-12-01T09:00:00+09:00.
        #[arg(long, value_name = "RFC3339")]
        at: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
}

#[derive(Debug, Subcommand)]
pub enum HolidaysCommand {
    /// Replace the holiday list with a CSV file (`date,name`, one day per line). All or
    /// nothing: bad lines are printed as `LINE: reason`.
    Import { file: PathBuf },
    /// Write the list in force (imported, or the built-in default) as CSV.
    Export,
}

fn pool_format(code: &str) -> Result<PoolFormat, String> {
    PoolFormat::from_code(code).ok_or_else(|| format!("{code:?} is not gift, aiken or json"))
}

#[derive(Debug, Subcommand)]
pub enum QuizCommand {
    /// Replace a module's question pool with the questions of a GIFT, Aiken or JSON file. All or
    /// nothing: any question that cannot be used changes nothing and is printed as
    /// `LINE: reason` (unsupported GIFT types included).
    Import {
        #[arg(long = "module", value_name = "SLUG")]
        module: String,
        file: PathBuf,
        #[arg(long, default_value = "gift", value_parser = pool_format)]
        format: PoolFormat,
        /// Check the file and report, without writing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write a module's question pool to standard output as GIFT or JSON.
    Export {
        #[arg(long = "module", value_name = "SLUG")]
        module: String,
        #[arg(long, default_value = "gift", value_parser = pool_format)]
        format: PoolFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Send the mail that is due now (the server also does this on its own, every
    /// MAMORI_MAIL_POLL_SECONDS).
    Send {
        /// Send what is due as of this moment instead, e.g. after `reminders run --at`.
        #[arg(long, value_name = "RFC3339")]
        at: Option<chrono::DateTime<chrono::FixedOffset>>,
    },
}

#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Import staff.csv: create and update people by employee_id. All or nothing: any bad row
    /// changes nothing and is printed as `LINE: reason`.
    Import {
        file: PathBuf,
        /// Check and report what would change, without writing.
        #[arg(long)]
        dry_run: bool,
        /// Also mark people missing from the file as having left on the import date.
        #[arg(long)]
        sync: bool,
        /// The date the file describes (transfers and role changes take effect on it);
        /// default today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
    /// Export the directory as staff.csv (UTF-8 with a byte-order mark, for Excel).
    Export {
        /// The directory as it was on this date; default today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<NaiveDate>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create an administrator (a staff member with the admin role) with a password.
    Create {
        #[arg(long)]
        employee_id: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// Division to place the administrator in (created if missing).
        #[arg(long, default_value = "総務課")]
        division: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Set a person's password and end their sessions.
    SetPassword {
        employee_id: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] mamori_store::StoreError),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Mail(#[from] mamori_mail::MailError),
}

async fn open_store(settings: &Settings) -> Result<Store, CliError> {
    let store = Store::connect(settings.database_url.expose()).await?;
    store.migrate().await?;
    Ok(store)
}

fn read_password(from_stdin: bool) -> Result<NewPassword, CliError> {
    let raw = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    } else {
        let first = rpassword::prompt_password("New password: ")?;
        let again = rpassword::prompt_password("Repeat it: ")?;
        if first != again {
            return Err(CliError::Invalid("the two passwords differ".into()));
        }
        first
    };
    Ok(NewPassword::parse(&raw)?)
}

fn invalid(error: impl std::fmt::Display) -> CliError {
    CliError::Invalid(error.to_string())
}

pub async fn run(cli: Cli, settings: Settings) -> Result<ExitCode, CliError> {
    tracing::debug!(?settings, "configuration");
    match cli.command {
        Command::Serve => {
            let store = open_store(&settings).await?;
            let sender = settings.mail_sender()?;
            tracing::info!(mail = %sender.describe(), "mail delivery");
            let sender = std::sync::Arc::new(sender);
            let every = std::time::Duration::from_secs;
            crate::mail_delivery::spawn_every(
                every(settings.mail_poll_seconds),
                "mail delivery",
                {
                    let store = store.clone();
                    move || {
                        let (store, sender) = (store.clone(), sender.clone());
                        async move { deliver_due_mail(&store, &sender, chrono::Utc::now()).await }
                    }
                },
            );
            crate::mail_delivery::spawn_every(every(settings.reminder_poll_seconds), "reminder", {
                let (store, base_url) = (store.clone(), settings.base_url.clone());
                move || {
                    let (store, base_url) = (store.clone(), base_url.clone());
                    async move { store.run_reminder_pass(chrono::Utc::now(), &base_url).await }
                }
            });
            crate::web::serve(&settings, store).await?;
        }
        Command::Mail {
            command: MailCommand::Send { at },
        } => {
            let at = moment(at);
            let store = open_store(&settings).await?;
            let sender = settings.mail_sender()?;
            // Pass after pass until nothing is left that is due now.
            let mut delivery = crate::mail_delivery::Delivery::default();
            loop {
                let pass = deliver_due_mail(&store, &sender, at).await?;
                delivery.sent += pass.sent;
                delivery.failed += pass.failed;
                if pass.sent == 0 {
                    break;
                }
            }
            println!(
                "{} sent, {} failed (will be retried) via {}.",
                delivery.sent,
                delivery.failed,
                sender.describe()
            );
            if delivery.failed > 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Reminders {
            command: RemindersCommand::Run { at },
        } => {
            let store = open_store(&settings).await?;
            let at = moment(at);
            let report = store.run_reminder_pass(at, &settings.base_url).await?;
            if let Some(last_day) = report.holidays_running_out {
                eprintln!(
                    "warning: the built-in holiday list ends on {last_day}; after it, business days are guessed (weekdays are taken as open). Import the coming year's holidays with `mamori holidays import FILE`."
                );
            }
            if !report.sending_time {
                println!(
                    "{} is outside business days and hours (09:00-18:00 Japan time): nothing was queued.",
                    mamori_domain::mail::japanese_date_time(at)
                );
            } else {
                let kinds: Vec<String> = report
                    .queued
                    .iter()
                    .map(|(kind, n)| format!("{n} {}", kind.code()))
                    .collect();
                println!(
                    "{} open assignments checked; {} mail queued{}.",
                    report.open_assignments,
                    report.total(),
                    if kinds.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", kinds.join(", "))
                    }
                );
            }
        }
        Command::Holidays {
            command: HolidaysCommand::Import { file },
        } => {
            let bytes = read_file(&file)?;
            match mamori_domain::business_calendar::parse_holidays(&bytes) {
                Ok(holidays) => {
                    open_store(&settings)
                        .await?
                        .replace_holidays(&holidays)
                        .await?;
                    println!(
                        "{} holidays imported from {}.",
                        holidays.len(),
                        file.display()
                    );
                }
                Err(errors) => {
                    for error in &errors {
                        eprintln!("{error}");
                    }
                    eprintln!("Nothing was imported.");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        Command::Holidays {
            command: HolidaysCommand::Export,
        } => {
            let holidays = open_store(&settings).await?.holidays().await?;
            let text = mamori_domain::business_calendar::write_holidays(&holidays);
            std::io::stdout().lock().write_all(text.as_bytes())?;
        }
        Command::Migrate => {
            open_store(&settings).await?;
            println!("The database schema is up to date.");
        }
        Command::Demo { at } => {
            let store = open_store(&settings).await?;
            if store.is_demo().await? {
                println!("The demo agency is already loaded.");
            } else {
                let count = store.load_demo().await?;
                println!(
                    "Loaded the demo agency: 9 divisions, {count} staff, and the demo accounts."
                );
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
        }
        Command::Admin {
            command:
                AdminCommand::Create {
                    employee_id,
                    name,
                    email,
                    division,
                    password_stdin,
                },
        } => {
            let admin = NewAdmin {
                employee_id: EmployeeId::parse(&employee_id).map_err(invalid)?,
                name: StaffName::parse(&name).map_err(invalid)?,
                email: EmailAddress::parse(&email).map_err(invalid)?,
                division,
                password: read_password(password_stdin)?,
            };
            let store = open_store(&settings).await?;
            store.create_admin(admin, today()).await?;
            println!("Created administrator {employee_id}.");
        }
        Command::User {
            command:
                UserCommand::SetPassword {
                    employee_id,
                    password_stdin,
                },
        } => {
            let employee_id = EmployeeId::parse(&employee_id).map_err(invalid)?;
            let password = read_password(password_stdin)?;
            let store = open_store(&settings).await?;
            store.set_password(&employee_id, &password).await?;
            println!("Password set for {employee_id}; their open sessions have ended.");
        }
        Command::Staff {
            command:
                StaffCommand::Import {
                    file,
                    dry_run,
                    sync,
                    date,
                },
        } => {
            let changed_by = format!(
                "cli:{}",
                std::env::var("USER").unwrap_or_else(|_| "unknown".into())
            );
            let options = ImportOptions {
                effective: date.unwrap_or_else(today),
                sync,
                dry_run,
                changed_by: &changed_by,
                now: chrono::Utc::now(),
            };
            return import_staff(&settings, &file, options).await;
        }
        Command::Quiz {
            command:
                QuizCommand::Import {
                    module,
                    file,
                    format,
                    dry_run,
                },
        } => return import_pool(&settings, &module, &file, format, dry_run).await,
        Command::Quiz {
            command: QuizCommand::Export { module, format },
        } => {
            let pool = open_store(&settings).await?.question_pool(&module).await?;
            let text = format.write(&pool).ok_or_else(|| {
                CliError::Invalid(
                    "export writes gift or json (Aiken holds single-choice questions only)".into(),
                )
            })?;
            std::io::stdout().lock().write_all(text.as_bytes())?;
        }
        Command::Inspection { command } => return inspection::run(command, &settings).await,
        Command::Staff {
            command: StaffCommand::Export { as_of, output },
        } => {
            let store = open_store(&settings).await?;
            let rows = store.staff_rows_as_of(as_of.unwrap_or_else(today)).await?;
            let text = mamori_domain::staff_file::write(&rows);
            match output {
                Some(path) => std::fs::write(path, text)?,
                None => std::io::stdout().lock().write_all(text.as_bytes())?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The moment a command runs as of: its `--at`, else now (the command line is an edge: the
/// code it calls takes the moment it is given).
fn moment(at: Option<chrono::DateTime<chrono::FixedOffset>>) -> chrono::DateTime<chrono::Utc> {
    at.map_or_else(chrono::Utc::now, |at| at.with_timezone(&chrono::Utc))
}

fn today() -> NaiveDate {
    mamori_domain::agency_date(chrono::Utc::now())
}

async fn import_staff(
    settings: &Settings,
    file: &std::path::Path,
    options: ImportOptions<'_>,
) -> Result<ExitCode, CliError> {
    let bytes = read_file(file)?;
    let outcome = match mamori_domain::staff_file::parse(&bytes) {
        Ok(rows) => {
            open_store(settings)
                .await?
                .import_staff(&rows, options)
                .await
        }
        Err(errors) => Err(ImportError::Rows(errors)),
    };
    import_outcome(outcome, file, |report| {
        print_report(&file.display().to_string(), options, &report)
    })
}

/// How an all-or-nothing import ends: its report printed, or its bad rows (nothing imported,
/// exit status 1), or an error.
fn import_outcome<T>(
    outcome: Result<T, ImportError>,
    file: &std::path::Path,
    report: impl FnOnce(T),
) -> Result<ExitCode, CliError> {
    match outcome {
        Ok(done) => {
            report(done);
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Rows(errors)) => Ok(refuse_rows(&errors, file)),
        Err(ImportError::Store(error)) => Err(error.into()),
    }
}

fn read_file(file: &std::path::Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(file)
        .map_err(|e| CliError::Invalid(format!("cannot read {}: {e}", file.display())))
}

/// Prints an import file's bad rows as `LINE: reason`: nothing was imported.
fn refuse_rows(errors: &[mamori_domain::csv::LineError], file: &std::path::Path) -> ExitCode {
    for error in errors {
        eprintln!("{error}");
    }
    eprintln!(
        "Nothing was imported: {} bad row(s) in {}.",
        errors.len(),
        file.display()
    );
    ExitCode::FAILURE
}

async fn import_pool(
    settings: &Settings,
    module: &str,
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

fn print_report(file: &str, options: ImportOptions<'_>, report: &ImportReport) {
    println!(
        "{file} as of {}: {} created, {} updated, {} unchanged, {} left.",
        options.effective,
        report.created.len(),
        report.updated.len(),
        report.unchanged,
        report.left.len()
    );
    if !report.created.is_empty() {
        println!("  created: {}", report.created.join(" "));
    }
    for (employee_id, fields) in &report.updated {
        println!("  updated: {employee_id} ({})", fields.join(", "));
    }
    if !report.left.is_empty() {
        println!("  left: {}", report.left.join(" "));
    }
    if !report.new_divisions.is_empty() {
        println!("  new divisions: {}", report.new_divisions.join(" "));
    }
    note_dry_run(options.dry_run);
}

/// The last line of an import's report when it only checked.
fn note_dry_run(dry_run: bool) {
    if dry_run {
        println!("Dry run: nothing was written.");
    }
}
