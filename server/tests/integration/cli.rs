//! The `mamori` binary itself, run as an administrator would, on a fresh SQLite file.

use mamori_domain::{FiscalYear, agency_date};
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
    for command in [
        "serve",
        "migrate",
        "demo",
        "admin",
        "user",
        "staff",
        "mail",
        "quiz",
        "inspection",
    ] {
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
    assert!(text(&output).contains("at least 12"), "{}", text(&output));
    let output = mamori(folder.path(), &create, "qwertyuiop123\n");
    assert!(!output.status.success(), "a common password is refused");
    assert!(text(&output).contains("common"), "{}", text(&output));

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

#[test]
fn staff_files_import_all_or_nothing_and_export_back() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("staff.csv");
    let header = "employee_id,name,email,division,roles,active_from,active_until\r\n";
    // Excel's "CSV UTF-8": a byte-order mark and CRLF.
    std::fs::write(
        &file,
        format!("\u{feff}{header}E0001,山田 太郎,taro.yamada@agency.example,総務課,chief_security_officer;security_officer,2009-09-01,\r\nE0002,鈴木 花子,hanako@agency.example,食品表示課,,2011-04-01,\r\n"),
    )
    .unwrap();
    let path = file.to_str().unwrap();

    let dry = mamori(
        folder.path(),
        &["staff", "import", path, "--dry-run", "--date", "2011-04-01"],
        "",
    );
    assert!(dry.status.success(), "{}", text(&dry));
    assert!(
        text(&dry).contains("2 created") && text(&dry).contains("Dry run: nothing was written."),
        "{}",
        text(&dry)
    );
    let empty = mamori(
        folder.path(),
        &["staff", "export", "--as-of", "2011-04-01"],
        "",
    );
    assert_eq!(
        String::from_utf8_lossy(&empty.stdout).trim_start_matches('\u{feff}'),
        header,
        "the dry run wrote nothing"
    );

    let real = mamori(
        folder.path(),
        &["staff", "import", path, "--date", "2011-04-01"],
        "",
    );
    assert!(real.status.success(), "{}", text(&real));
    assert!(
        text(&real).contains("2 created, 0 updated, 0 unchanged, 0 left"),
        "{}",
        text(&real)
    );

    let exported = folder.path().join("export.csv");
    let export = mamori(
        folder.path(),
        &[
            "staff",
            "export",
            "--as-of",
            "2011-04-01",
            "-o",
            exported.to_str().unwrap(),
        ],
        "",
    );
    assert!(export.status.success(), "{}", text(&export));
    let again = mamori(
        folder.path(),
        &[
            "staff",
            "import",
            exported.to_str().unwrap(),
            "--date",
            "2011-04-01",
        ],
        "",
    );
    assert!(
        text(&again).contains("0 created, 0 updated, 2 unchanged"),
        "export → import changes nothing: {}",
        text(&again)
    );

    let bad = folder.path().join("bad.csv");
    std::fs::write(&bad, format!("{header}E0003,田中 一郎,ichiro@agency.example,総務課,root,2011-04-01,\r\nE0003,田中 次郎,jiro@agency.example,総務課,,2011-04-01,\r\n")).unwrap();
    let refused = mamori(
        folder.path(),
        &["staff", "import", bad.to_str().unwrap()],
        "",
    );
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("2: unknown role code \"root\""), "{stderr}");
    assert!(
        stderr.contains("3: employee_id E0003 is also on line 2"),
        "{stderr}"
    );
    let after = mamori(
        folder.path(),
        &["staff", "export", "--as-of", "2011-04-01"],
        "",
    );
    assert!(
        !String::from_utf8_lossy(&after.stdout).contains("E0003"),
        "a bad file changes nothing"
    );

    let shift_jis = folder.path().join("sjis.csv");
    std::fs::write(
        &shift_jis,
        [
            header.as_bytes(),
            b"E0004,\x8eR\x93c,a@agency.example,x,,2011-04-01,\r\n",
        ]
        .concat(),
    )
    .unwrap();
    let refused = mamori(
        folder.path(),
        &["staff", "import", shift_jis.to_str().unwrap()],
        "",
    );
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("2: the file is not UTF-8"),
        "{}",
        text(&refused)
    );
}

#[tokio::test]
async fn without_smtp_mail_send_writes_the_outbox_as_eml_files() {
    let folder = tempfile::tempdir().unwrap();
    assert!(mamori(folder.path(), &["demo"], "").status.success());
    let url = format!(
        "sqlite://{}?mode=rwc",
        folder.path().join("mamori.db").display()
    );
    let store = mamori_store::Store::connect(&url).await.unwrap();
    store
        .send_password_link(
            &mamori_domain::EmployeeId::parse("E0300").unwrap(),
            "http://mamori.test/set-password/",
            "E0013",
            chrono::Utc::now(),
        )
        .await
        .unwrap();

    let output = mamori(folder.path(), &["mail", "send"], "");
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains("1 sent, 0 failed"),
        "{}",
        text(&output)
    );
    let files: Vec<_> = std::fs::read_dir(folder.path().join("outbox"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let eml = std::fs::read_to_string(&files[0]).unwrap();
    assert!(eml.contains("charset=utf-8"), "{eml}");
    assert!(eml.contains("Subject: =?utf-8?"), "{eml}");

    // Sent is sent: a second pass writes nothing new.
    let again = mamori(folder.path(), &["mail", "send"], "");
    assert!(
        text(&again).contains("0 sent, 0 failed"),
        "{}",
        text(&again)
    );
}

#[test]
fn quiz_pools_import_all_or_nothing_and_export_to_gift_and_json() {
    let folder = tempfile::tempdir().unwrap();
    assert!(mamori(folder.path(), &["demo"], "").status.success());
    let file = folder.path().join("pool.gift");
    let import = |extra: &[&str]| {
        let mut args = vec!["quiz", "import", "--module", "classification"];
        args.extend_from_slice(extra);
        args.push(file.to_str().unwrap());
        mamori(folder.path(), &args, "")
    };
    let export = |format: &str| {
        let output = mamori(
            folder.path(),
            &[
                "quiz",
                "export",
                "--module",
                "classification",
                "--format",
                format,
            ],
            "",
        );
        assert!(output.status.success(), "{}", text(&output));
        String::from_utf8(output.stdout).unwrap()
    };

    // The demo module comes with its own quiz.
    let demo_pool = export("gift");
    assert!(demo_pool.contains("::格付けの時期::"), "{demo_pool}");

    std::fs::write(
        &file,
        "::格付け::機密性３情報の取扱いは？ {=取扱制限に従う ~自由}\n\n::記述::感想をどうぞ {}\n",
    )
    .unwrap();
    let refused = import(&[]);
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("3: essay questions are not supported"),
        "{}",
        text(&refused)
    );
    assert_eq!(export("gift"), demo_pool, "nothing was imported");

    std::fs::write(
        &file,
        "// 庁内研修\n::格付け::機密性３情報の取扱いは？ {=取扱制限に従う#そのとおり ~自由 ####格付けに従います。}\n\n::○×::私物の USB メモリを使ってよい。{F}\n\n::複数::正しいものは？ {~%50%暗号化 ~%50%報告 ~%-100%放置}\n",
    )
    .unwrap();
    let dry = import(&["--dry-run"]);
    assert!(dry.status.success(), "{}", text(&dry));
    assert!(text(&dry).contains(
        "3 questions (1 single choice, 1 multiple choice, 1 true/false) would replace the 3"
    ));
    assert_eq!(export("gift"), demo_pool, "a dry run writes nothing");
    assert!(import(&[]).status.success());

    // Exported GIFT reads back as the same pool; JSON has the documented form.
    let gift = export("gift");
    std::fs::write(&file, &gift).unwrap();
    assert!(import(&[]).status.success());
    assert_eq!(export("gift"), gift);
    let json: serde_json::Value = serde_json::from_str(&export("json")).unwrap();
    let questions = json.as_array().unwrap();
    assert_eq!(questions.len(), 3);
    assert_eq!(questions[0]["type"], "single");
    assert_eq!(questions[0]["options"][0]["feedback"], "そのとおり");
    assert_eq!(questions[0]["explanation"], "格付けに従います。");
    assert_eq!(questions[1]["type"], "true_false");
    assert_eq!(questions[1]["answer"], false);
    assert_eq!(questions[2]["type"], "multiple");
    assert_eq!(questions[2]["options"][2]["weight"], -100);

    std::fs::write(
        &file,
        "情報を庁外へ持ち出すときは？\nA. 許可を得る\nB) そのまま持ち出す\nANSWER: A\n",
    )
    .unwrap();
    let aiken = import(&["--format", "aiken"]);
    assert!(aiken.status.success(), "{}", text(&aiken));
    assert!(export("gift").contains("=許可を得る"));
}

#[test]
fn the_self_inspection_is_imported_and_its_figures_printed_as_specified() {
    let folder = tempfile::tempdir().unwrap();
    // The demo's staff; its own self-inspections are this year's and last year's, so the
    // test's is the year after next (whatever today is).
    assert!(mamori(folder.path(), &["demo"], "").status.success());
    let fiscal_year =
        FiscalYear::new(FiscalYear::containing(agency_date(chrono::Utc::now())).start_year() + 2);
    let year = fiscal_year.start_year().to_string();
    let year = year.as_str();
    let reference_date = fiscal_year.last_day().to_string();
    let file = |name: &str, text: &str| {
        let path = folder.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let items = file(
        "items.csv",
        "\u{feff}item_id,group,text,module\r\nS01,staff,離席時にはスクリーンロックを行っている,\r\nS02,staff,私物の記憶媒体を使っていない,\r\n",
    );
    let import = |args: &[&str]| mamori(folder.path(), args, "");
    let created = import(&["inspection", "items", "import", "--year", year, &items]);
    assert!(created.status.success(), "{}", text(&created));
    assert!(text(&created).contains(&format!(
        "2 items for fiscal year {year} (reference date {reference_date})"
    )));

    let bad = file(
        "bad.csv",
        "employee_id,item_id,answer\nE0001,S01,maybe\nE0001,S09,yes\n",
    );
    let refused = import(&["inspection", "answers", "import", "--year", year, &bad]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused).contains("2: unknown answer \"maybe\""),
        "{}",
        text(&refused)
    );

    let answers = file(
        "answers.csv",
        "employee_id,item_id,answer\nE0100,S01,yes\nE0100,S02,no\nE0101,S01,yes\n",
    );
    let answered = import(&["inspection", "answers", "import", "--year", year, &answers]);
    assert!(answered.status.success(), "{}", text(&answered));

    let json = import(&["inspection", "figures", "--year", year, "--format", "json"]);
    assert!(json.status.success(), "{}", text(&json));
    let figures: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(figures["fiscal_year"], fiscal_year.start_year());
    assert_eq!(figures["reference_date"], reference_date.as_str());
    // E0100 answered both items and submitted; E0101 answered one, which counts nowhere.
    assert_eq!(figures["submitted_staff"], 1);
    assert_eq!(figures["groups"]["staff"]["items"], 2);
    assert_eq!(figures["groups"]["staff"]["implementation_rate_pct"], 50.0);
    assert_eq!(
        figures["groups"]["officers"]["implementation_rate_pct"],
        serde_json::Value::Null
    );

    let table = import(&["inspection", "figures", "--year", year, "--format", "table"]);
    let table = String::from_utf8_lossy(&table.stdout).to_string();
    let (era, era_year) = fiscal_year.era();
    assert!(
        table.contains(&format!(
            "{}{era_year}年度 自己点検（基準日 {reference_date}）",
            era.japanese_name()
        )),
        "{table}"
    );
    assert!(table.contains("表１ 実施主体別の到達率"), "{table}");
    let csv = import(&["inspection", "figures", "--year", year, "--format", "csv"]);
    assert!(String::from_utf8_lossy(&csv.stdout).contains("staff,"));
}
