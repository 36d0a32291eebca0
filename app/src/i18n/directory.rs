//! The staff directory's texts: people, their history, staff files and set-password links.

use mamori_domain::{staff::DirectoryRefusal, staff_file::StaffRowProblem};

texts! {
    pub struct DirectoryTexts {
        staff_directory_title: &'static str = ("職員名簿", "Staff directory"),
        directory_parts: &'static str = ("名簿の操作", "Directory tasks"),
        tab_staff: &'static str = ("職員の検索と一覧", "Find staff"),
        tab_import: &'static str = ("名簿の取込とパスワード設定の案内", "Import and password links"),
        search_label: &'static str = (
            "検索（職員番号・氏名・メールアドレス・課）",
            "Search (employee ID, name, e-mail, division)",
        ),
        search: &'static str = ("検索", "Search"),
        no_staff_found: &'static str = ("該当する職員はいません。", "No staff member matches."),
        showing: fn(u64, u64, u64) -> String = (
            |from, to, total| format!("{total} 件中 {from}〜{to} 件を表示"),
            |from, to, total| format!("Showing {from}–{to} of {total}"),
        ),
        export_heading: &'static str = ("名簿の書き出し（staff.csv）", "Export the directory (staff.csv)"),
        export_as_of: &'static str = ("基準日（空欄のときは本日）", "As of (empty for today)"),
        export_csv: &'static str = ("CSV をダウンロード", "Download CSV"),
        security_roles: &'static str = ("情報セキュリティ上の役割", "Security roles"),
        active_period: &'static str = ("在籍", "On staff"),
        left_on: fn(&str) -> String = (
            |date| format!("{date} 退職"),
            |date| format!("left on {date}"),
        ),
        since: fn(&str) -> String = (|date| format!("{date} から"), |date| format!("since {date}")),
        division_history: &'static str = ("所属の履歴", "Division history"),
        role_history: &'static str = ("情報セキュリティ上の役割の履歴", "Security role history"),
        from: &'static str = ("開始日", "From"),
        until: &'static str = ("終了日", "Until"),
        current: &'static str = ("現在", "current"),
        no_roles: &'static str = ("職員（行政事務従事者）以外の役割はありません。", "No security role beyond staff."),
        back_to_directory: &'static str = ("職員名簿に戻る", "Back to the staff directory"),
        record_leaving: &'static str = ("退職の記録", "Record leaving"),
        record_leaving_hint: &'static str = (
            "本日付で退職として記録します。記録後はログインできなくなります。職員の記録と履歴は削除されません。",
            "Records that this person left today. They can no longer log in; their record and history are kept.",
        ),
        record_leaving_button: &'static str = ("本日付で退職として記録する", "Record as left today"),
        record_leaving_question: fn(&str) -> String = (
            |name| format!("{name} さんを本日付で退職として記録しますか？記録後はログインできなくなります。"),
            |name| format!("Record that {name} left today? They will no longer be able to log in."),
        ),
        record_leaving_confirm: &'static str = ("退職として記録する", "Record it"),
        changes: &'static str = ("変更履歴", "Changes"),
        changed_at: &'static str = ("日時", "When"),
        changed_by: &'static str = ("変更者", "By"),
        change: &'static str = ("内容", "What"),
        no_changes: &'static str = ("変更の記録はありません。", "No changes recorded."),
        edit_heading: &'static str = ("職員情報の変更", "Edit this person"),
        effective_label: &'static str = (
            "適用日（異動・変更の発令日。空欄のときは本日）",
            "Effective from (date of the transfer or change; empty for today)",
        ),
        save_changes: &'static str = ("変更を保存", "Save changes"),
        saved_changes: fn(&str) -> String = (
            |fields| format!("保存しました（変更した項目: {fields}）。"),
            |fields| format!("Saved (changed: {fields})."),
        ),
        nothing_changed: &'static str = ("変更はありませんでした。", "Nothing changed."),
        errors_heading: &'static str = ("入力内容を確認してください:", "Please check your input:"),
        audit_nav: &'static str = ("監査ログ", "Audit log"),
        audit_title: &'static str = ("監査ログ", "Audit log"),
        audit_hint: &'static str = (
            "ログイン、職員情報の変更、研修の公開と割り当て、メール設定、自己点検の設定、データのダウンロードを記録しています。記録は変更・削除できません。",
            "Logins, directory changes, publishing and assignments, mail settings, self-inspection settings and downloads are recorded here. Entries cannot be changed or deleted.",
        ),
        audit_action: &'static str = ("操作", "Action"),
        audit_any_action: &'static str = ("すべて", "Any"),
        audit_person: &'static str = ("職員番号（操作した人または対象者）", "Employee ID (who acted, or who it concerned)"),
        audit_from: &'static str = ("開始日", "From"),
        audit_until: &'static str = ("終了日", "Until"),
        audit_show: &'static str = ("表示", "Show"),
        audit_none: &'static str = ("該当する記録はありません。", "No entries match."),
        audit_count: fn(u64) -> String = (
            |total| format!("{total} 件"),
            |total| format!("{total} entries"),
        ),
        audit_when: &'static str = ("日時", "When"),
        audit_who: &'static str = ("操作した人", "By"),
        audit_subject: &'static str = ("対象者", "Concerning"),
        audit_detail: &'static str = ("内容", "Detail"),
        password_heading: &'static str = ("パスワード", "Password"),
        login_held_until: fn(&str) -> String = (
            |until| format!("ログインの失敗が続いたため、{until} までログインできません。"),
            |until| format!("Logins are held back until {until} after repeated failures."),
        ),
        lift_login_hold: &'static str = ("今すぐログインできるようにする", "Allow logging in now"),
        login_hold_lifted: &'static str = ("ログインできるようにしました。", "Logging in is allowed again."),
        has_password: &'static str = ("パスワードは設定済みです。", "A password is set."),
        no_password: &'static str = (
            "パスワードは未設定です（このままではログインできません）。",
            "No password is set yet (this person cannot log in).",
        ),
        send_link_hint: &'static str = (
            "本人のメールアドレス宛てに、パスワード設定用のリンク（72時間有効・1回限り）を送ります。管理者がパスワードを知ることはありません。",
            "Sends a link to set a password (valid for 72 hours, usable once) to their e-mail address. No administrator ever sees the password.",
        ),
        send_link_button: &'static str = ("パスワード設定リンクをメールで送る", "E-mail a set-password link"),
        link_sent: &'static str = (
            "パスワード設定リンクの送信を受け付けました。送信状況は「送信したメール」で確認できます。",
            "The set-password link is queued; see \"Mail sent\" for its status.",
        ),
        bulk_links_heading: &'static str = ("パスワード設定リンクの一括送信", "Set-password links for everyone"),
        bulk_links_hint: &'static str = (
            "在籍中でパスワードが未設定の職員全員に、パスワード設定リンクをメールで送ります。有効なリンクを受け取り済みの職員には送りません。",
            "E-mails a set-password link to everyone on staff who has no password yet, except those holding a link that still works.",
        ),
        bulk_links_button: &'static str = (
            "未設定の職員全員にリンクを送る",
            "Send links to everyone without a password",
        ),
        bulk_links_sent: fn(usize) -> String = (
            |n| format!("{n} 名へのパスワード設定リンクの送信を受け付けました。"),
            |n| format!("Links queued for {n} people."),
        ),
        import_heading: &'static str = ("名簿の取込（staff.csv）", "Import the directory (staff.csv)"),
        import_file: &'static str = (
            "ファイル（UTF-8 の CSV。Excel の「CSV UTF-8」形式も可）",
            "File (UTF-8 CSV; Excel's \"CSV UTF-8\" works)",
        ),
        import_sync: &'static str = (
            "ファイルにない職員を、適用日付で退職として記録する（同期）",
            "Record people missing from the file as having left on the effective date (sync)",
        ),
        import_upload: &'static str = ("アップロードして内容を確認", "Upload and preview"),
        import_no_file: &'static str = ("ファイルを選んでください。", "Please choose a file."),
        import_too_large: &'static str = (
            "ファイルが大きすぎます（上限 20 MB）。",
            "The file is too large (20 MB at most).",
        ),
        import_bad_date: &'static str = (
            "適用日は YYYY-MM-DD の形で入力してください。",
            "Please enter the effective date as YYYY-MM-DD.",
        ),
        import_preview_title: &'static str = ("名簿の取込: 内容の確認", "Directory import: preview"),
        import_file_label: &'static str = ("ファイル", "File"),
        import_effective: &'static str = ("適用日", "Effective from"),
        import_mode: &'static str = ("方式", "Mode"),
        import_mode_sync: &'static str = (
            "同期（ファイルにない職員は退職）",
            "sync (people missing from the file leave)",
        ),
        import_mode_update: &'static str = ("追加・更新のみ", "create and update only"),
        import_bad_rows: &'static str = (
            "次の行に誤りがあるため、取り込めません。何も変更されていません。ファイルを修正して、もう一度アップロードしてください。",
            "The file cannot be imported because of the rows below. Nothing was changed. Please correct the file and upload it again.",
        ),
        line: &'static str = ("行", "Line"),
        reason: &'static str = ("理由", "Reason"),
        import_summary: fn(usize, usize, usize, usize) -> String = (
            |c, u, n, l| format!("新規 {c} 名・変更 {u} 名・変更なし {n} 名・退職 {l} 名"),
            |c, u, n, l| format!("{c} new, {u} changed, {n} unchanged, {l} leaving"),
        ),
        import_will: &'static str = (
            "取り込むと、次のとおり変更されます（まだ何も変更されていません）。",
            "Importing will make these changes (nothing has been changed yet).",
        ),
        import_created: &'static str = ("新規登録", "New"),
        import_updated: &'static str = ("変更", "Changed"),
        import_left: &'static str = ("退職として記録", "Recorded as left"),
        import_new_divisions: &'static str = ("新しく作成される課", "New divisions"),
        changed_fields: &'static str = ("変更項目", "Changed fields"),
        import_confirm: &'static str = ("この内容で取り込む", "Import these changes"),
        import_applied: fn(&str, &str) -> String = (
            |at, by| format!("{at} に {by} が取り込みました。結果は次のとおりです。"),
            |at, by| format!("Imported on {at} by {by}, with this result."),
        ),
        import_another: &'static str = ("別のファイルを取り込む", "Import another file"),
    }
}

/// Why a change was refused, in the locale's language.
pub fn refusal(locale: super::Locale, reason: &DirectoryRefusal) -> String {
    match reason {
        DirectoryRefusal::NotOnStaff { employee_id } => say!(
            locale,
            "{employee_id} は本日在籍していません。",
            "{employee_id} is not on staff today.",
        ),
        DirectoryRefusal::BadEntry { reasons } => reasons
            .iter()
            .map(|reason| super::common::line_reason(locale, reason))
            .collect::<Vec<_>>()
            .join(" / "),
        DirectoryRefusal::BadEffectiveDate { value } => say!(
            locale,
            "適用日「{value}」は YYYY-MM-DD 形式の日付ではありません。",
            "The effective date \"{value}\" is not a date in the form YYYY-MM-DD.",
        ),
        DirectoryRefusal::BadDate { value } => say!(
            locale,
            "「{value}」は YYYY-MM-DD 形式の日付ではありません。",
            "\"{value}\" is not a date in the form YYYY-MM-DD.",
        ),
        DirectoryRefusal::BadRows { count } => say!(
            locale,
            "{count} 行に問題があるため、何も取り込みませんでした。",
            "{count} bad row(s): nothing was imported.",
        ),
        DirectoryRefusal::UploadApplied { upload_id } => say!(
            locale,
            "このファイル（受付番号 {upload_id}）はすでに取り込まれています。",
            "This file (upload {upload_id}) has already been imported.",
        ),
        DirectoryRefusal::NotEmptyForDemo => say!(
            locale,
            "データベースにすでに職員が登録されています。デモは空のデータベースにだけ読み込めます。",
            "The database already has staff; the demo loads only into an empty database.",
        ),
        DirectoryRefusal::Taken { employee_id, email } => say!(
            locale,
            "職員番号 {employee_id} またはメールアドレス {email} はすでに使われています。",
            "Employee ID {employee_id} or e-mail {email} is already taken.",
        ),
    }
}

/// Why a row of `staff.csv` (or an admin's edit of one person) is refused.
pub fn staff_row(locale: super::Locale, problem: &StaffRowProblem) -> String {
    match problem {
        StaffRowProblem::BadEmployeeId { value } => say!(
            locale,
            "職員番号「{value}」は、英数字・「-」・「_」の1〜32文字で入力してください。",
            "Employee ID must be 1–32 letters, digits, '-' or '_' (got \"{value}\").",
        ),
        StaffRowProblem::BadName => say!(
            locale,
            "氏名は1〜100文字で入力してください。",
            "Name must not be empty and at most 100 characters.",
        ),
        StaffRowProblem::BadEmail { value } => say!(
            locale,
            "「{value}」はメールアドレスではありません。",
            "\"{value}\" is not an e-mail address.",
        ),
        StaffRowProblem::NoDivision => {
            say!(
                locale,
                "課を入力してください。",
                "Division must not be empty."
            )
        }
        StaffRowProblem::UnknownRole { code } => say!(
            locale,
            "役割コード「{code}」は不明です。",
            "Unknown role code \"{code}\".",
        ),
        StaffRowProblem::BadDate { column, value } => say!(
            locale,
            "{column} の「{value}」は YYYY-MM-DD 形式の日付ではありません。",
            "{column} \"{value}\" is not a date in the form YYYY-MM-DD.",
        ),
        StaffRowProblem::NoActiveFrom => say!(
            locale,
            "active_from（在籍開始日）を入力してください。",
            "active_from must not be empty.",
        ),
        StaffRowProblem::UntilBeforeFrom { from, until } => say!(
            locale,
            "active_until（{until}）が active_from（{from}）より前です。",
            "active_until {until} is before active_from {from}.",
        ),
        StaffRowProblem::EmployeeIdTwice {
            employee_id,
            first_line,
        } => say!(
            locale,
            "職員番号 {employee_id} は {first_line} 行目にもあります。",
            "employee_id {employee_id} is also on line {first_line}.",
        ),
        StaffRowProblem::EmailTwice { email, first_line } => say!(
            locale,
            "メールアドレス {email} は {first_line} 行目にもあります。",
            "email {email} is also on line {first_line}.",
        ),
        StaffRowProblem::EmailTaken { email, owner } => say!(
            locale,
            "メールアドレス {email} は名簿では {owner} のものです。",
            "email {email} belongs to {owner} in the directory.",
        ),
        StaffRowProblem::LaterHistory { employee_id, last } => say!(
            locale,
            "{employee_id} には {last} からの名簿の履歴があります。適用日をその日以降にして取り込んでください。",
            "{employee_id} has directory history from {last}; import as of that date or later.",
        ),
    }
}

/// Why a new password is refused (NIST SP 800-63B: length and the list of common passwords).
pub fn password_refusal(locale: super::Locale, reason: &mamori_domain::PasswordRefusal) -> String {
    use mamori_domain::PasswordRefusal::*;
    match reason {
        TooShort { min } => say!(
            locale,
            "パスワードは{min}文字以上にしてください。長い文や語句をつなげたものがおすすめです。",
            "The password must be at least {min} characters. A sentence or a few words work well.",
        ),
        Common => say!(
            locale,
            "このパスワードはよく使われている、または過去に流出したパスワードの一覧にあるため使えません。別のパスワードにしてください。",
            "This password is on a list of common or leaked passwords. Please choose another.",
        ),
    }
}
