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
            Internal => self.internal_error.into(),
            Request(_) => self.request_failed.into(),
        }
    }
}
