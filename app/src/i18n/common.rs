//! The texts every page shares (the frame, signing in, paging, errors) and each area's texts.

use super::{directory, inspection, mail, quiz, reports, training};
use mamori_domain::csv::{FileProblem, LineError, LineReason};

texts! {
    pub struct Texts {
        locale: super::Locale = (super::Locale::Ja, super::Locale::En),
        directory: &'static directory::DirectoryTexts = (&directory::JA, &directory::EN),
        training: &'static training::TrainingTexts = (&training::JA, &training::EN),
        quiz: &'static quiz::QuizTexts = (&quiz::JA, &quiz::EN),
        reports: &'static reports::ReportTexts = (&reports::JA, &reports::EN),
        mail: &'static mail::MailTexts = (&mail::JA, &mail::EN),
        inspection: &'static inspection::InspectionTexts = (&inspection::JA, &inspection::EN),
        app_name: &'static str = ("Mamori 守り", "Mamori"),
        skip_to_content: &'static str = ("本文へスキップ", "Skip to content"),
        main_menu: &'static str = ("メインメニュー", "Main menu"),
        switch_language: &'static str = ("English", "日本語"),
        signed_in_as: &'static str = ("ログイン中:", "Signed in as"),
        loading: &'static str = ("読み込み中…", "Loading…"),
        nav_my_training: &'static str = ("マイ研修", "My training"),
        nav_my_divisions: &'static str = ("所属職員", "My divisions"),
        nav_staff_directory: &'static str = ("職員名簿", "Staff directory"),
        log_out: &'static str = ("ログアウト", "Log out"),
        login_title: &'static str = ("ログイン", "Log in"),
        login_name_label: &'static str = ("職員番号またはメールアドレス", "Employee ID or e-mail address"),
        login_name_hint: &'static str = (
            "例: E0001 または taro.yamada@agency.example",
            "e.g. E0001 or taro.yamada@agency.example",
        ),
        password_label: &'static str = ("パスワード", "Password"),
        log_in: &'static str = ("ログイン", "Log in"),
        invalid_login: &'static str = (
            "職員番号・メールアドレスまたはパスワードが正しくありません。",
            "The employee ID, e-mail address or password is not correct.",
        ),
        login_held_back: fn(i64) -> String = (
            |minutes| format!("ログインの失敗が続いたため、しばらくログインできません。{minutes} 分後にもう一度お試しください。"),
            |minutes| format!("Too many failed logins: please try again in {minutes} minutes."),
        ),
        account_title: &'static str = ("アカウント", "Account"),
        open_sessions: &'static str = ("ログイン中の端末", "Where you are logged in"),
        open_sessions_hint: &'static str = (
            "心当たりのない端末があれば、すべての端末からログアウトし、システム管理者に連絡してください。操作のないまま一定時間が過ぎた端末は自動的にログアウトされます。",
            "If you do not recognise one, log out everywhere and tell an administrator. A session left unused for a while ends by itself.",
        ),
        session_browser: &'static str = ("ブラウザー", "Browser"),
        session_address: &'static str = ("IP アドレス", "IP address"),
        session_started: &'static str = ("ログイン日時", "Logged in"),
        session_last_seen: &'static str = ("最後の操作", "Last used"),
        this_session: &'static str = ("この端末", "this one"),
        log_out_everywhere: &'static str = ("すべての端末からログアウト", "Log out everywhere"),
        bad_arguments: &'static str = (
            "送信された内容の形式が正しくありません。ページを読み込み直してから、もう一度お試しください。",
            "What was sent is not in the expected form. Please reload the page and try again.",
        ),
        demo_accounts: &'static str = ("デモ用アカウント", "Demo accounts"),
        demo_password_note: &'static str = (
            "デモ用アカウントのパスワードはすべて次のとおりです:",
            "Every demo account has this password:",
        ),
        demo_role: &'static str = ("Mamori での役割", "Role in Mamori"),
        title: &'static str = ("役職", "Post"),
        previous_page: &'static str = ("前のページ", "Previous page"),
        next_page: &'static str = ("次のページ", "Next page"),
        page_of: fn(u64, u64) -> String = (
            |page, pages| format!("{page} / {pages} ページ"),
            |page, pages| format!("Page {page} of {pages}"),
        ),
        pagination: &'static str = ("ページ送り", "Pagination"),
        employee_id: &'static str = ("職員番号", "Employee ID"),
        name: &'static str = ("氏名", "Name"),
        email: &'static str = ("メールアドレス", "E-mail"),
        division: &'static str = ("課", "Division"),
        set_password_title: &'static str = ("パスワードの設定", "Set your password"),
        set_password_for: fn(&str) -> String = (
            |name| format!("{name} さんのパスワードを設定します。"),
            |name| format!("Set the password of {name}."),
        ),
        new_password: &'static str = ("新しいパスワード（12文字以上）", "New password (at least 12 characters)"),
        new_password_again: &'static str = ("新しいパスワード（確認のためもう一度）", "New password again"),
        set_password_button: &'static str = ("パスワードを設定", "Set password"),
        password_set_done: &'static str = (
            "パスワードを設定しました。新しいパスワードでログインしてください。",
            "Your password is set. Please log in with it.",
        ),
        go_to_login: &'static str = ("ログイン画面へ", "Go to the login page"),
        link_unusable: &'static str = (
            "このリンクは使用できません。リンクが正しくないか、有効期限が切れたか、すでに使用されています。システム管理者に再発行を依頼してください。",
            "This link cannot be used: it is wrong, expired or already used. Please ask an administrator for a new one.",
        ),
        passwords_differ: &'static str = ("2つのパスワードが一致しません。", "The two passwords differ."),
        nav_authoring: &'static str = ("研修の作成", "Authoring"),
        status_label: &'static str = ("状態", "Status"),
        saved: &'static str = ("保存しました。", "Saved."),
        fiscal_year_label: &'static str = ("年度", "Fiscal year"),
        verify_heading: &'static str = ("修了証の確認", "Check a certificate"),
        not_found: &'static str = (
            "お探しのページは見つかりませんでした。",
            "The page you are looking for was not found.",
        ),
        actions: &'static str = ("操作", "Actions"),
        forbidden: &'static str = ("このページを表示する権限がありません。", "You are not allowed to see this page."),
        log_in_first: &'static str = ("ログインしてください。", "Please log in."),
        cross_site_refused: &'static str = (
            "ほかのサイトから送られた操作は受け付けません。Mamori のページを開き直して、もう一度操作してください。",
            "A request sent from another site is refused. Open Mamori's page again and retry.",
        ),
        internal_error: &'static str = (
            "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
            "Something went wrong on the server. Please try again later.",
        ),
        request_failed: &'static str = (
            "通信に失敗しました。ネットワークを確認して再度お試しください。",
            "The request failed. Please check the network and try again.",
        ),
        upload_progress: fn(f64, f64, f64) -> String = (
            |p, sent, total| {
                format!("アップロード中… {p:.0}%（{sent:.1} MB / {total:.1} MB）")
            },
            |p, sent, total| {
                format!("Uploading… {p:.0} % ({sent:.1} MB of {total:.1} MB)")
            },
        ),
        upload_failed: &'static str = (
            "アップロードできませんでした。接続を確認して、もう一度お試しください。",
            "The upload did not reach the server. Check the connection and try again.",
        ),
        nav_mail: &'static str = ("メール", "Mail"),
        nav_reports: &'static str = ("受講状況", "Completion"),
        download_csv: &'static str = ("CSV（Excel 用）をダウンロード", "Download CSV (for Excel)"),
        download_xlsx: &'static str = ("Excel ファイル（.xlsx）をダウンロード", "Download Excel (.xlsx)"),
    }
}

impl Texts {
    pub fn error(&self, error: &crate::error::AppError) -> String {
        use crate::error::AppError::*;
        match error {
            Unauthenticated => self.log_in_first.into(),
            Forbidden => self.forbidden.into(),
            NotFound => self.not_found.into(),
            InvalidLogin => self.invalid_login.into(),
            LoginHeldBack { minutes } => (self.login_held_back)(*minutes),
            Invalid(message) => message.clone(),
            Refused(reason) => self.locale.refusal(reason),
            PasswordsDiffer => self.passwords_differ.into(),
            LinkUnusable => self.link_unusable.into(),
            Internal => self.internal_error.into(),
            Request(_) => self.request_failed.into(),
            BadArguments(_) => self.bad_arguments.into(),
        }
    }
}

/// A bad line of an import file, with its line number, in the locale's language.
pub fn line_error(locale: super::Locale, error: &LineError) -> String {
    let line = error.line;
    let reason = line_reason(locale, &error.reason);
    say!(locale, "{line} 行目：{reason}", "Line {line}: {reason}")
}

/// Every bad line of an import file, one to a line of text.
pub fn line_errors(locale: super::Locale, errors: &[LineError]) -> String {
    errors
        .iter()
        .map(|error| line_error(locale, error))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Why a line of an import file is bad, in the locale's language; column names are shown as
/// the file writes them (`active_until`), for the admin to find them in the file.
pub fn line_reason(locale: super::Locale, reason: &LineReason) -> String {
    match reason {
        LineReason::File(problem) => file_problem(locale, problem),
        LineReason::Staff(problem) => directory::staff_row(locale, problem),
        LineReason::Holiday(problem) => mail::holiday_line(locale, problem),
        LineReason::Inspection(problem) => inspection::file_row(locale, problem),
        LineReason::Questions(problem) => quiz::pool_problem(locale, problem),
    }
}

fn file_problem(locale: super::Locale, problem: &FileProblem) -> String {
    match problem {
        FileProblem::NotUtf8 => say!(
            locale,
            "ファイルが UTF-8 ではありません（Shift_JIS かもしれません）。Excel で「CSV UTF-8 (コンマ区切り)」を選んで保存してください。",
            "The file is not UTF-8 (perhaps Shift_JIS): in Excel, save it as \"CSV UTF-8 (comma delimited)\".",
        ),
        FileProblem::Empty { expected } => say!(
            locale,
            "ファイルが空です。1行目に見出し {expected} が必要です。",
            "The file is empty; expected the header {expected}.",
        ),
        FileProblem::MissingColumn { column, expected } => say!(
            locale,
            "見出しに列 {column} がありません。見出しは {expected} としてください。",
            "The header lacks the column {column}; expected {expected}.",
        ),
        FileProblem::DuplicateColumn { column } => say!(
            locale,
            "見出しに列 {column} が2回あります。",
            "The header has the column {column} twice.",
        ),
        FileProblem::UnknownColumn { column, expected } => say!(
            locale,
            "見出しに不明な列「{column}」があります。見出しは {expected} としてください。",
            "The header has an unknown column \"{column}\"; expected {expected}.",
        ),
        FileProblem::FieldCount { expected, found } => say!(
            locale,
            "項目が {found} 個あります（{expected} 個必要です）。",
            "Expected {expected} fields, found {found}.",
        ),
        FileProblem::QuoteInUnquotedField => say!(
            locale,
            "ダブルクォート（\"）で囲まれていない項目の中にダブルクォートがあります。",
            "A double quote inside an unquoted field.",
        ),
        FileProblem::TextAfterClosingQuote => say!(
            locale,
            "閉じのダブルクォート（\"）の後に文字があります。",
            "Text after a closing double quote.",
        ),
        FileProblem::QuoteNotClosed => say!(
            locale,
            "ダブルクォート（\"）で始まる項目が閉じられていません。",
            "A quoted field is never closed.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use mamori_domain::{business_calendar::HolidayProblem, staff_file::StaffRowProblem};

    #[test]
    fn a_bad_line_is_worded_in_japanese_or_english() {
        let twice = LineError::new(
            3,
            StaffRowProblem::EmployeeIdTwice {
                employee_id: "E1".into(),
                first_line: 2,
            },
        );
        assert_eq!(
            line_error(Locale::Ja, &twice),
            "3 行目：職員番号 E1 は 2 行目にもあります。"
        );
        assert_eq!(
            line_error(Locale::En, &twice),
            "Line 3: employee_id E1 is also on line 2."
        );
        let header = LineError::new(1, HolidayProblem::BadHeader);
        assert_eq!(
            line_error(Locale::Ja, &header),
            "1 行目：見出しは date,name としてください。"
        );
    }
}
