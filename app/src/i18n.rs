//! The UI's texts in Japanese (the default) and English. Every text is a field of `Texts`, so a
//! text missing in one language is a compile error, not a blank on the page.

use leptos::prelude::*;
use mamori_domain::{AppRole, FiscalYear, SecurityRole};

/// The cookie that remembers a person's choice of language.
pub const LANGUAGE_COOKIE: &str = "mamori_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Ja,
    En,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    /// Anything but `en` is Japanese: the agency's language is the safe default.
    pub fn from_code(code: &str) -> Self {
        if code.trim() == "en" {
            Locale::En
        } else {
            Locale::Ja
        }
    }

    pub fn other(self) -> Self {
        match self {
            Locale::Ja => Locale::En,
            Locale::En => Locale::Ja,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Locale::Ja => &JA,
            Locale::En => &EN,
        }
    }

    /// The language chosen by the request's cookie (server) or the page's `<html lang>`
    /// (browser, set by the server), so that both render the same words when hydrating.
    pub fn current() -> Self {
        #[cfg(feature = "ssr")]
        {
            use_context::<http::request::Parts>()
                .and_then(|parts| crate::api::cookie_value(&parts.headers, LANGUAGE_COOKIE))
                .map(|code| Locale::from_code(&code))
                .unwrap_or_default()
        }
        #[cfg(not(feature = "ssr"))]
        {
            document()
                .document_element()
                .and_then(|html| html.get_attribute("lang"))
                .map(|code| Locale::from_code(&code))
                .unwrap_or_default()
        }
    }

    pub fn fiscal_year(self, year: FiscalYear) -> String {
        match self {
            Locale::Ja => format!("{}（{}年度）", year.japanese_label(), year.start_year()),
            Locale::En => year.english_label(),
        }
    }

    pub fn security_role(self, role: SecurityRole) -> &'static str {
        match self {
            Locale::Ja => role.japanese_name(),
            Locale::En => role.english_name(),
        }
    }

    /// A date as people read it: 令和8年12月1日, or 2026-12-01 in English.
    pub fn date(self, date: chrono::NaiveDate) -> String {
        match self {
            Locale::Ja => mamori_domain::fiscal_year::japanese_date(date),
            Locale::En => date.to_string(),
        }
    }

    pub fn progress_status(self, status: mamori_domain::training::ProgressStatus) -> &'static str {
        use mamori_domain::training::ProgressStatus::*;
        let t = self.texts();
        match status {
            NotStarted => t.status_not_started,
            InProgress => t.status_in_progress,
            Completed => t.status_completed,
            Overdue => t.status_overdue,
        }
    }

    /// A directory field as named in reports (`staff.csv`'s column names).
    pub fn field_name(self, field: &str) -> String {
        let japanese = match field {
            "name" => "氏名",
            "email" => "メールアドレス",
            "division" => "課",
            "roles" => "役割",
            "active_from" => "在籍開始日",
            "active_until" => "在籍終了日",
            other => other,
        };
        match self {
            Locale::Ja => japanese.to_string(),
            Locale::En => field.replace('_', " "),
        }
    }

    pub fn app_role(self, role: AppRole) -> &'static str {
        match (self, role) {
            (Locale::Ja, AppRole::Learner) => "受講者",
            (Locale::Ja, AppRole::Trainer) => "研修担当者",
            (Locale::Ja, AppRole::Manager) => "管理職",
            (Locale::Ja, AppRole::Admin) => "システム管理者",
            (Locale::En, AppRole::Learner) => "Learner",
            (Locale::En, AppRole::Trainer) => "Trainer",
            (Locale::En, AppRole::Manager) => "Manager",
            (Locale::En, AppRole::Admin) => "Administrator",
        }
    }
}

pub fn provide_locale() -> Locale {
    let locale = Locale::current();
    provide_context(locale);
    locale
}

pub fn use_locale() -> Locale {
    use_context::<Locale>().unwrap_or_default()
}

pub fn use_texts() -> &'static Texts {
    use_locale().texts()
}

pub struct Texts {
    pub app_name: &'static str,
    pub skip_to_content: &'static str,
    pub main_menu: &'static str,
    pub switch_language: &'static str,
    pub signed_in_as: &'static str,
    pub loading: &'static str,
    pub nav_my_training: &'static str,
    pub nav_my_divisions: &'static str,
    pub nav_staff_directory: &'static str,
    pub log_out: &'static str,

    pub login_title: &'static str,
    pub login_name_label: &'static str,
    pub login_name_hint: &'static str,
    pub password_label: &'static str,
    pub log_in: &'static str,
    pub invalid_login: &'static str,
    pub demo_accounts: &'static str,
    pub demo_password_note: &'static str,
    pub demo_role: &'static str,
    pub title: &'static str,

    pub my_training_title: &'static str,
    pub greeting: fn(&str) -> String,
    pub current_fiscal_year: &'static str,
    pub no_training_yet: &'static str,

    pub my_divisions_title: &'static str,
    pub managed_divisions: &'static str,
    pub staff_count: fn(usize) -> String,

    pub staff_directory_title: &'static str,
    pub search_label: &'static str,
    pub search: &'static str,
    pub no_staff_found: &'static str,
    pub showing: fn(u64, u64, u64) -> String,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_of: fn(u64, u64) -> String,
    pub pagination: &'static str,
    pub export_heading: &'static str,
    pub export_as_of: &'static str,
    pub export_csv: &'static str,

    pub employee_id: &'static str,
    pub name: &'static str,
    pub email: &'static str,
    pub division: &'static str,
    pub security_roles: &'static str,
    pub active_period: &'static str,
    pub left_on: fn(&str) -> String,
    pub since: fn(&str) -> String,

    pub division_history: &'static str,
    pub role_history: &'static str,
    pub from: &'static str,
    pub until: &'static str,
    pub current: &'static str,
    pub no_roles: &'static str,
    pub back_to_directory: &'static str,
    pub record_leaving: &'static str,
    pub record_leaving_hint: &'static str,
    pub record_leaving_button: &'static str,
    pub changes: &'static str,
    pub changed_at: &'static str,
    pub changed_by: &'static str,
    pub change: &'static str,
    pub no_changes: &'static str,
    pub edit_heading: &'static str,
    pub effective_label: &'static str,
    pub save_changes: &'static str,
    pub saved_changes: fn(&str) -> String,
    pub nothing_changed: &'static str,
    pub errors_heading: &'static str,
    pub password_heading: &'static str,
    pub has_password: &'static str,
    pub no_password: &'static str,
    pub send_link_hint: &'static str,
    pub send_link_button: &'static str,
    pub link_sent: &'static str,
    pub mail_heading: &'static str,
    pub no_mail: &'static str,
    pub mail_subject: &'static str,
    pub mail_queued_at: &'static str,
    pub mail_status: &'static str,
    pub mail_sent_at: fn(&str) -> String,
    pub mail_waiting: &'static str,
    pub mail_failing: fn(i32, &str) -> String,
    pub set_password_title: &'static str,
    pub set_password_for: fn(&str) -> String,
    pub new_password: &'static str,
    pub new_password_again: &'static str,
    pub set_password_button: &'static str,
    pub password_set_done: &'static str,
    pub go_to_login: &'static str,
    pub link_unusable: &'static str,
    pub passwords_differ: &'static str,
    pub password_too_short: &'static str,
    pub bulk_links_heading: &'static str,
    pub bulk_links_hint: &'static str,
    pub bulk_links_button: &'static str,
    pub bulk_links_sent: fn(usize) -> String,
    pub import_heading: &'static str,
    pub import_file: &'static str,
    pub import_sync: &'static str,
    pub import_upload: &'static str,
    pub import_no_file: &'static str,
    pub import_too_large: &'static str,
    pub import_bad_date: &'static str,
    pub import_preview_title: &'static str,
    pub import_file_label: &'static str,
    pub import_effective: &'static str,
    pub import_mode: &'static str,
    pub import_mode_sync: &'static str,
    pub import_mode_update: &'static str,
    pub import_bad_rows: &'static str,
    pub line: &'static str,
    pub reason: &'static str,
    pub import_summary: fn(usize, usize, usize, usize) -> String,
    pub import_will: &'static str,
    pub import_created: &'static str,
    pub import_updated: &'static str,
    pub import_left: &'static str,
    pub import_new_divisions: &'static str,
    pub changed_fields: &'static str,
    pub import_confirm: &'static str,
    pub import_applied: fn(&str, &str) -> String,
    pub import_another: &'static str,

    pub nav_authoring: &'static str,
    pub modules_title: &'static str,
    pub no_modules: &'static str,
    pub new_module_heading: &'static str,
    pub slug_label: &'static str,
    pub slug_heading: &'static str,
    pub module_title_label: &'static str,
    pub summary_label: &'static str,
    pub minutes_label: &'static str,
    pub create_module_button: &'static str,
    pub status_label: &'static str,
    pub status_draft: &'static str,
    pub status_published: fn(i32) -> String,
    pub status_archived: &'static str,
    pub unpublished_changes: &'static str,
    pub materials_heading: &'static str,
    pub no_materials: &'static str,
    pub min_seconds_of: fn(i32) -> String,
    pub add_page_heading: &'static str,
    pub page_title_label: &'static str,
    pub markdown_label: &'static str,
    pub min_seconds_label: &'static str,
    pub add_page_button: &'static str,
    pub publish_heading: &'static str,
    pub publish_hint: &'static str,
    pub publish_button: &'static str,
    pub assign_heading: &'static str,
    pub assign_division_label: &'static str,
    pub everyone: &'static str,
    pub due_label: &'static str,
    pub assign_button: &'static str,
    pub no_assignments: &'static str,
    pub assign_needs_publish: &'static str,
    pub saved: &'static str,
    pub back_to_modules: &'static str,
    pub fiscal_year_label: &'static str,
    pub target_label: &'static str,
    pub status_not_started: &'static str,
    pub status_in_progress: &'static str,
    pub status_completed: &'static str,
    pub status_overdue: &'static str,
    pub due_on: fn(&str) -> String,
    pub materials_viewed: fn(usize, usize) -> String,
    pub about_minutes: fn(i32) -> String,
    pub take_module: &'static str,
    pub material_list: &'static str,
    pub material_of: fn(usize, usize) -> String,
    pub previous_material: &'static str,
    pub next_material: &'static str,
    pub viewed_mark: &'static str,
    pub read_to_end: fn(i32) -> String,
    pub completed_on: fn(&str) -> String,
    pub verification_code: &'static str,
    pub back_to_my_training: &'static str,
    pub needs_javascript: &'static str,
    pub not_found: &'static str,
    pub forbidden: &'static str,
    pub log_in_first: &'static str,
    pub internal_error: &'static str,
    pub request_failed: &'static str,
}

pub static JA: Texts = Texts {
    app_name: "Mamori 守り",
    skip_to_content: "本文へスキップ",
    main_menu: "メインメニュー",
    switch_language: "English",
    signed_in_as: "ログイン中:",
    loading: "読み込み中…",
    nav_my_training: "マイ研修",
    nav_my_divisions: "所属職員",
    nav_staff_directory: "職員名簿",
    log_out: "ログアウト",

    login_title: "ログイン",
    login_name_label: "職員番号またはメールアドレス",
    login_name_hint: "例: E0001 または taro.yamada@agency.example",
    password_label: "パスワード",
    log_in: "ログイン",
    invalid_login: "職員番号・メールアドレスまたはパスワードが正しくありません。",
    demo_accounts: "デモ用アカウント",
    demo_password_note: "デモ用アカウントのパスワードはすべて次のとおりです:",
    demo_role: "Mamori での役割",
    title: "役職",

    my_training_title: "マイ研修",
    greeting: |name| format!("{name} さん、こんにちは。"),
    current_fiscal_year: "今年度",
    no_training_yet: "現在、割り当てられている研修はありません。研修が割り当てられると、ここに表示されます。",

    my_divisions_title: "所属職員の状況",
    managed_divisions: "担当する課",
    staff_count: |n| format!("{n} 名"),

    staff_directory_title: "職員名簿",
    search_label: "検索（職員番号・氏名・メールアドレス・課）",
    search: "検索",
    no_staff_found: "該当する職員はいません。",
    showing: |from, to, total| format!("{total} 件中 {from}〜{to} 件を表示"),
    previous_page: "前のページ",
    next_page: "次のページ",
    page_of: |page, pages| format!("{page} / {pages} ページ"),
    pagination: "ページ送り",
    export_heading: "名簿の書き出し（staff.csv）",
    export_as_of: "基準日（空欄のときは本日）",
    export_csv: "CSV をダウンロード",

    employee_id: "職員番号",
    name: "氏名",
    email: "メールアドレス",
    division: "課",
    security_roles: "情報セキュリティ上の役割",
    active_period: "在籍",
    left_on: |date| format!("{date} 退職"),
    since: |date| format!("{date} から"),

    division_history: "所属の履歴",
    role_history: "情報セキュリティ上の役割の履歴",
    from: "開始日",
    until: "終了日",
    current: "現在",
    no_roles: "職員（行政事務従事者）以外の役割はありません。",
    back_to_directory: "職員名簿に戻る",
    record_leaving: "退職の記録",
    record_leaving_hint: "本日付で退職として記録します。記録後はログインできなくなります。職員の記録と履歴は削除されません。",
    record_leaving_button: "本日付で退職として記録する",
    changes: "変更履歴",
    changed_at: "日時",
    changed_by: "変更者",
    change: "内容",
    no_changes: "変更の記録はありません。",
    edit_heading: "職員情報の変更",
    effective_label: "適用日（異動・変更の発令日。空欄のときは本日）",
    save_changes: "変更を保存",
    saved_changes: |fields| format!("保存しました（変更した項目: {fields}）。"),
    nothing_changed: "変更はありませんでした。",
    errors_heading: "入力内容を確認してください:",
    password_heading: "パスワード",
    has_password: "パスワードは設定済みです。",
    no_password: "パスワードは未設定です（このままではログインできません）。",
    send_link_hint: "本人のメールアドレス宛てに、パスワード設定用のリンク（72時間有効・1回限り）を送ります。管理者がパスワードを知ることはありません。",
    send_link_button: "パスワード設定リンクをメールで送る",
    link_sent: "パスワード設定リンクの送信を受け付けました。送信状況は「送信したメール」で確認できます。",
    mail_heading: "送信したメール",
    no_mail: "送信したメールはありません。",
    mail_subject: "件名",
    mail_queued_at: "作成日時",
    mail_status: "状態",
    mail_sent_at: |at| format!("送信済み（{at}）"),
    mail_waiting: "送信待ち",
    mail_failing: |n, error| format!("送信失敗 {n} 回・再試行待ち（{error}）"),
    set_password_title: "パスワードの設定",
    set_password_for: |name| format!("{name} さんのパスワードを設定します。"),
    new_password: "新しいパスワード（8文字以上）",
    new_password_again: "新しいパスワード（確認のためもう一度）",
    set_password_button: "パスワードを設定",
    password_set_done: "パスワードを設定しました。新しいパスワードでログインしてください。",
    go_to_login: "ログイン画面へ",
    link_unusable: "このリンクは使用できません。リンクが正しくないか、有効期限が切れたか、すでに使用されています。システム管理者に再発行を依頼してください。",
    passwords_differ: "2つのパスワードが一致しません。",
    password_too_short: "パスワードは8文字以上にしてください。",
    bulk_links_heading: "パスワード設定リンクの一括送信",
    bulk_links_hint: "在籍中でパスワードが未設定の職員全員に、パスワード設定リンクをメールで送ります。有効なリンクを受け取り済みの職員には送りません。",
    bulk_links_button: "未設定の職員全員にリンクを送る",
    bulk_links_sent: |n| format!("{n} 名へのパスワード設定リンクの送信を受け付けました。"),
    import_heading: "名簿の取込（staff.csv）",
    import_file: "ファイル（UTF-8 の CSV。Excel の「CSV UTF-8」形式も可）",
    import_sync: "ファイルにない職員を、適用日付で退職として記録する（同期）",
    import_upload: "アップロードして内容を確認",
    import_no_file: "ファイルを選んでください。",
    import_too_large: "ファイルが大きすぎます（上限 20 MB）。",
    import_bad_date: "適用日は YYYY-MM-DD の形で入力してください。",
    import_preview_title: "名簿の取込: 内容の確認",
    import_file_label: "ファイル",
    import_effective: "適用日",
    import_mode: "方式",
    import_mode_sync: "同期（ファイルにない職員は退職）",
    import_mode_update: "追加・更新のみ",
    import_bad_rows: "次の行に誤りがあるため、取り込めません。何も変更されていません。ファイルを修正して、もう一度アップロードしてください。",
    line: "行",
    reason: "理由",
    import_summary: |c, u, n, l| format!("新規 {c} 名・変更 {u} 名・変更なし {n} 名・退職 {l} 名"),
    import_will: "取り込むと、次のとおり変更されます（まだ何も変更されていません）。",
    import_created: "新規登録",
    import_updated: "変更",
    import_left: "退職として記録",
    import_new_divisions: "新しく作成される課",
    changed_fields: "変更項目",
    import_confirm: "この内容で取り込む",
    import_applied: |at, by| format!("{at} に {by} が取り込みました。結果は次のとおりです。"),
    import_another: "別のファイルを取り込む",

    nav_authoring: "研修の作成",
    modules_title: "研修の作成・管理",
    no_modules: "研修はまだありません。下のフォームから作成してください。",
    new_module_heading: "新しい研修",
    slug_heading: "識別名",
    slug_label: "識別名（URL に使う英小文字・数字・ハイフン。例: removable-media）",
    module_title_label: "題名",
    summary_label: "概要",
    minutes_label: "所要時間の目安（分）",
    create_module_button: "作成して編集する",
    status_label: "状態",
    status_draft: "下書き",
    status_published: |v| format!("公開中（第{v}版）"),
    status_archived: "アーカイブ済み",
    unpublished_changes: "未公開の変更があります",
    materials_heading: "資料",
    no_materials: "資料はまだありません。",
    min_seconds_of: |n| format!("最低閲覧時間 {n} 秒"),
    add_page_heading: "ページを追加",
    page_title_label: "ページの題名",
    markdown_label: "本文（Markdown: 見出しは ##、箇条書きは -、強調は **…**）",
    min_seconds_label: "最低閲覧時間（秒）",
    add_page_button: "ページを追加",
    publish_heading: "公開",
    publish_hint: "公開すると、割り当てられた職員が受講できるようになります。受講を始めた職員は、その時点の版で受講を続けます。",
    publish_button: "この内容で公開する",
    assign_heading: "割当て（今年度）",
    assign_division_label: "対象の課",
    everyone: "全職員",
    due_label: "受講期限",
    assign_button: "割り当てる",
    no_assignments: "まだ割り当てていません。",
    assign_needs_publish: "割り当てるには、先に公開してください。",
    saved: "保存しました。",
    back_to_modules: "研修の一覧に戻る",
    fiscal_year_label: "年度",
    target_label: "対象",
    status_not_started: "未受講",
    status_in_progress: "受講中",
    status_completed: "修了",
    status_overdue: "期限超過",
    due_on: |date| format!("受講期限: {date}"),
    materials_viewed: |viewed, total| format!("資料 {total} 件中 {viewed} 件を確認済み"),
    about_minutes: |n| format!("約{n}分"),
    take_module: "受講する",
    material_list: "資料の一覧",
    material_of: |i, n| format!("資料 {i} / {n}"),
    previous_material: "前の資料",
    next_material: "次の資料",
    viewed_mark: "確認済み",
    read_to_end: |n| format!("最後までお読みください（{n} 秒以上表示すると確認済みになります）。"),
    completed_on: |date| format!("{date} に修了しました。"),
    verification_code: "確認コード",
    back_to_my_training: "マイ研修に戻る",
    needs_javascript: "資料の確認状況の記録には JavaScript が必要です。ブラウザの設定で有効にしてください。",
    not_found: "お探しのページは見つかりませんでした。",
    forbidden: "このページを表示する権限がありません。",
    log_in_first: "ログインしてください。",
    internal_error: "サーバーでエラーが発生しました。時間をおいて再度お試しください。",
    request_failed: "通信に失敗しました。ネットワークを確認して再度お試しください。",
};

pub static EN: Texts = Texts {
    app_name: "Mamori",
    skip_to_content: "Skip to content",
    main_menu: "Main menu",
    switch_language: "日本語",
    signed_in_as: "Signed in as",
    loading: "Loading…",
    nav_my_training: "My training",
    nav_my_divisions: "My divisions",
    nav_staff_directory: "Staff directory",
    log_out: "Log out",

    login_title: "Log in",
    login_name_label: "Employee ID or e-mail address",
    login_name_hint: "e.g. E0001 or taro.yamada@agency.example",
    password_label: "Password",
    log_in: "Log in",
    invalid_login: "The employee ID, e-mail address or password is not correct.",
    demo_accounts: "Demo accounts",
    demo_password_note: "Every demo account has this password:",
    demo_role: "Role in Mamori",
    title: "Post",

    my_training_title: "My training",
    greeting: |name| format!("Hello, {name}."),
    current_fiscal_year: "This fiscal year",
    no_training_yet: "No training is assigned to you at the moment. Assigned training will appear here.",

    my_divisions_title: "Staff of my divisions",
    managed_divisions: "Divisions you manage",
    staff_count: |n| format!("{n} staff"),

    staff_directory_title: "Staff directory",
    search_label: "Search (employee ID, name, e-mail, division)",
    search: "Search",
    no_staff_found: "No staff member matches.",
    showing: |from, to, total| format!("Showing {from}–{to} of {total}"),
    previous_page: "Previous page",
    next_page: "Next page",
    page_of: |page, pages| format!("Page {page} of {pages}"),
    pagination: "Pagination",
    export_heading: "Export the directory (staff.csv)",
    export_as_of: "As of (empty for today)",
    export_csv: "Download CSV",

    employee_id: "Employee ID",
    name: "Name",
    email: "E-mail",
    division: "Division",
    security_roles: "Security roles",
    active_period: "On staff",
    left_on: |date| format!("left on {date}"),
    since: |date| format!("since {date}"),

    division_history: "Division history",
    role_history: "Security role history",
    from: "From",
    until: "Until",
    current: "current",
    no_roles: "No security role beyond staff.",
    back_to_directory: "Back to the staff directory",
    record_leaving: "Record leaving",
    record_leaving_hint: "Records that this person left today. They can no longer log in; their record and history are kept.",
    record_leaving_button: "Record as left today",
    changes: "Changes",
    changed_at: "When",
    changed_by: "By",
    change: "What",
    no_changes: "No changes recorded.",
    edit_heading: "Edit this person",
    effective_label: "Effective from (date of the transfer or change; empty for today)",
    save_changes: "Save changes",
    saved_changes: |fields| format!("Saved (changed: {fields})."),
    nothing_changed: "Nothing changed.",
    errors_heading: "Please check your input:",
    password_heading: "Password",
    has_password: "A password is set.",
    no_password: "No password is set yet (this person cannot log in).",
    send_link_hint: "Sends a link to set a password (valid for 72 hours, usable once) to their e-mail address. No administrator ever sees the password.",
    send_link_button: "E-mail a set-password link",
    link_sent: "The set-password link is queued; see \"Mail sent\" for its status.",
    mail_heading: "Mail sent",
    no_mail: "No mail has been sent.",
    mail_subject: "Subject",
    mail_queued_at: "Queued",
    mail_status: "Status",
    mail_sent_at: |at| format!("sent ({at})"),
    mail_waiting: "waiting",
    mail_failing: |n, error| format!("failed {n} time(s), will retry ({error})"),
    set_password_title: "Set your password",
    set_password_for: |name| format!("Set the password of {name}."),
    new_password: "New password (at least 8 characters)",
    new_password_again: "New password again",
    set_password_button: "Set password",
    password_set_done: "Your password is set. Please log in with it.",
    go_to_login: "Go to the login page",
    link_unusable: "This link cannot be used: it is wrong, expired or already used. Please ask an administrator for a new one.",
    passwords_differ: "The two passwords differ.",
    password_too_short: "The password must be at least 8 characters long.",
    bulk_links_heading: "Set-password links for everyone",
    bulk_links_hint: "E-mails a set-password link to everyone on staff who has no password yet, except those holding a link that still works.",
    bulk_links_button: "Send links to everyone without a password",
    bulk_links_sent: |n| format!("Links queued for {n} people."),
    import_heading: "Import the directory (staff.csv)",
    import_file: "File (UTF-8 CSV; Excel's \"CSV UTF-8\" works)",
    import_sync: "Record people missing from the file as having left on the effective date (sync)",
    import_upload: "Upload and preview",
    import_no_file: "Please choose a file.",
    import_too_large: "The file is too large (20 MB at most).",
    import_bad_date: "Please enter the effective date as YYYY-MM-DD.",
    import_preview_title: "Directory import: preview",
    import_file_label: "File",
    import_effective: "Effective from",
    import_mode: "Mode",
    import_mode_sync: "sync (people missing from the file leave)",
    import_mode_update: "create and update only",
    import_bad_rows: "The file cannot be imported because of the rows below. Nothing was changed. Please correct the file and upload it again.",
    line: "Line",
    reason: "Reason",
    import_summary: |c, u, n, l| format!("{c} new, {u} changed, {n} unchanged, {l} leaving"),
    import_will: "Importing will make these changes (nothing has been changed yet).",
    import_created: "New",
    import_updated: "Changed",
    import_left: "Recorded as left",
    import_new_divisions: "New divisions",
    changed_fields: "Changed fields",
    import_confirm: "Import these changes",
    import_applied: |at, by| format!("Imported on {at} by {by}, with this result."),
    import_another: "Import another file",

    nav_authoring: "Authoring",
    modules_title: "Training modules",
    no_modules: "No module yet. Start one with the form below.",
    new_module_heading: "New module",
    slug_heading: "Slug",
    slug_label: "Slug (lower-case letters, digits and hyphens, used in the URL; e.g. removable-media)",
    module_title_label: "Title",
    summary_label: "Summary",
    minutes_label: "Estimated time (minutes)",
    create_module_button: "Create and edit",
    status_label: "Status",
    status_draft: "Draft",
    status_published: |v| format!("Published (version {v})"),
    status_archived: "Archived",
    unpublished_changes: "has unpublished changes",
    materials_heading: "Materials",
    no_materials: "No material yet.",
    min_seconds_of: |n| format!("at least {n} s of reading"),
    add_page_heading: "Add a page",
    page_title_label: "Page title",
    markdown_label: "Text (Markdown: ## headings, - lists, **bold**)",
    min_seconds_label: "Minimum reading time (seconds)",
    add_page_button: "Add page",
    publish_heading: "Publish",
    publish_hint: "Once published, assigned staff can take it. People who already started keep the version they started.",
    publish_button: "Publish this version",
    assign_heading: "Assign (this fiscal year)",
    assign_division_label: "Division",
    everyone: "Everyone",
    due_label: "Due date",
    assign_button: "Assign",
    no_assignments: "Not assigned yet.",
    assign_needs_publish: "Publish the module before assigning it.",
    saved: "Saved.",
    back_to_modules: "Back to the modules",
    fiscal_year_label: "Fiscal year",
    target_label: "Who",
    status_not_started: "Not started",
    status_in_progress: "In progress",
    status_completed: "Completed",
    status_overdue: "Overdue",
    due_on: |date| format!("Due {date}"),
    materials_viewed: |viewed, total| format!("{viewed} of {total} materials viewed"),
    about_minutes: |n| format!("about {n} min"),
    take_module: "Take it",
    material_list: "Materials",
    material_of: |i, n| format!("Material {i} of {n}"),
    previous_material: "Previous",
    next_material: "Next",
    viewed_mark: "viewed",
    read_to_end: |n| format!("Please read to the end (it counts as viewed after {n} s)."),
    completed_on: |date| format!("Completed on {date}."),
    verification_code: "Verification code",
    back_to_my_training: "Back to my training",
    needs_javascript: "Recording what you have read needs JavaScript; please turn it on.",
    not_found: "The page you are looking for was not found.",
    forbidden: "You are not allowed to see this page.",
    log_in_first: "Please log in.",
    internal_error: "Something went wrong on the server. Please try again later.",
    request_failed: "The request failed. Please check the network and try again.",
};

impl Texts {
    pub fn error(&self, error: &crate::error::AppError) -> String {
        use crate::error::AppError::*;
        match error {
            Unauthenticated => self.log_in_first.into(),
            Forbidden => self.forbidden.into(),
            NotFound => self.not_found.into(),
            InvalidLogin => self.invalid_login.into(),
            Invalid(message) => message.clone(),
            PasswordsDiffer => self.passwords_differ.into(),
            PasswordTooShort => self.password_too_short.into(),
            LinkUnusable => self.link_unusable.into(),
            Internal => self.internal_error.into(),
            Request(_) => self.request_failed.into(),
        }
    }
}
