//! The `mamori` binary itself, run as an administrator would, on a fresh SQLite file.

use std::{
    io::Write,
    process::{Command, Output, Stdio},
};

fn mamori(data_dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mamori"))
        .args(args)
        .env("MAMORI_DATA_DIR", data_dir)
        .env_remove("MAMORI_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run mamori");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn help_lists_the_subcommands() {
    let folder = tempfile::tempdir().unwrap();
    let output = mamori(folder.path(), &["--help"], "");
    assert!(output.status.success());
    for command in ["serve", "migrate", "demo", "admin", "user"] {
        assert!(
            text(&output).contains(command),
            "{command} missing from:\n{}",
            text(&output)
        );
    }
}

#[test]
fn admin_accounts_are_created_and_passwords_reset_from_the_command_line() {
    let folder = tempfile::tempdir().unwrap();
    let create = [
        "admin",
        "create",
        "--employee-id",
        "A0001",
        "--name",
        "管理 太郎",
        "--email",
        "admin@agency.example",
        "--password-stdin",
    ];
    let output = mamori(folder.path(), &create, "short\n");
    assert!(!output.status.success(), "a short password is refused");
    assert!(text(&output).contains("at least 8"), "{}", text(&output));

    let output = mamori(folder.path(), &create, "correct horse battery\n");
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        folder.path().join("mamori.db").is_file(),
        "the SQLite file is created under the data folder"
    );

    let output = mamori(folder.path(), &create, "correct horse battery\n");
    assert!(
        !output.status.success(),
        "the same employee ID twice is refused"
    );

    let output = mamori(
        folder.path(),
        &["user", "set-password", "A0001", "--password-stdin"],
        "another passphrase\n",
    );
    assert!(output.status.success(), "{}", text(&output));
    let output = mamori(
        folder.path(),
        &["user", "set-password", "Z9999", "--password-stdin"],
        "another passphrase\n",
    );
    assert!(!output.status.success(), "an unknown person is reported");
    assert!(text(&output).contains("Z9999"), "{}", text(&output));

    let output = mamori(folder.path(), &["demo"], "");
    assert!(
        !output.status.success(),
        "the demo never mixes with a real directory"
    );
}

#[test]
fn the_demo_loads_once_and_a_second_run_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let first = mamori(folder.path(), &["demo"], "");
    assert!(first.status.success(), "{}", text(&first));
    assert!(text(&first).contains("361 staff"));
    let second = mamori(folder.path(), &["demo"], "");
    assert!(second.status.success());
    assert!(text(&second).contains("already loaded"));
    let migrate = mamori(folder.path(), &["migrate"], "");
    assert!(migrate.status.success());
}

#[test]
fn bad_configuration_is_reported_clearly() {
    let folder = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_mamori"))
        .arg("migrate")
        .env("MAMORI_DATA_DIR", folder.path())
        .env("MAMORI_DATABASE_URL", "mysql://localhost/mamori")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output).contains("MAMORI_DATABASE_URL"),
        "{}",
        text(&output)
    );
}
