//! The UI's texts in Japanese (the default) and English, one file per area (`common`,
//! `directory`, `training`, `quiz`, `reports`, `mail`, `inspection`). Each text is written once
//! with both languages side by side, and is a field of its area's struct, so a text missing in
//! one language is a compile error, not a blank on the page.

/// Declares an area's texts: the struct, and its Japanese (`JA`) and English (`EN`) values.
/// Each field is written `name: type = (Japanese, English),`.
macro_rules! texts {
    (
        pub struct $name:ident {
            $( $field:ident : $type:ty = ( $ja:expr, $en:expr $(,)? ) ),* $(,)?
        }
    ) => {
        pub struct $name {
            $( pub $field: $type, )*
        }

        pub static JA: $name = $name { $( $field: $ja, )* };

        pub static EN: $name = $name { $( $field: $en, )* };
    };
}

/// A sentence in the locale's language, Japanese and English side by side; both format
/// strings may name the caller's variables: `say!(locale, "{line} 行目", "line {line}")`.
macro_rules! say {
    ($locale:expr, $ja:literal, $en:literal $(,)?) => {
        match $locale {
            $crate::i18n::Locale::Ja => format!($ja),
            $crate::i18n::Locale::En => format!($en),
        }
    };
}

pub mod common;
pub mod directory;
pub mod inspection;
pub mod mail;
pub mod quiz;
pub mod reports;
pub mod training;

pub use common::Texts;

use leptos::prelude::*;
use mamori_domain::{
    AppRole, FiscalYear, InspectionGroup, Refusal, SecurityRole, mail::MailKind,
    staff_file::StaffField,
};

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
            Locale::Ja => &common::JA,
            Locale::En => &common::EN,
        }
    }

    /// The language a request's cookie chose; also for the plain routes that word a reason
    /// into the page they redirect to.
    #[cfg(feature = "ssr")]
    pub fn of_request(headers: &http::HeaderMap) -> Self {
        crate::api::cookie_value(headers, LANGUAGE_COOKIE)
            .map(|code| Locale::from_code(&code))
            .unwrap_or_default()
    }

    /// The language chosen by the request's cookie (server) or the page's `<html lang>`
    /// (browser, set by the server), so that both render the same words when hydrating.
    pub fn current() -> Self {
        #[cfg(feature = "ssr")]
        {
            use_context::<http::request::Parts>()
                .map(|parts| Locale::of_request(&parts.headers))
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

    /// Why a request was refused, in this language.
    pub fn refusal(self, reason: &Refusal) -> String {
        match reason {
            Refusal::Directory(reason) => directory::refusal(self, reason),
            Refusal::Training(reason) => training::refusal(self, reason),
            Refusal::Quiz(reason) => quiz::refusal(self, reason),
            Refusal::Mail(reason) => mail::refusal(self, reason),
            Refusal::Inspection(reason) => inspection::refusal(self, reason),
            Refusal::Password(reason) => directory::password_refusal(self, reason),
        }
    }

    /// `inner` in brackets after what it qualifies: 「（E0210）」 in Japanese, " (E0210)" in
    /// English, whose text does not take full-width brackets.
    pub fn bracketed(self, inner: &str) -> String {
        match self {
            Locale::Ja => format!("（{inner}）"),
            Locale::En => format!(" ({inner})"),
        }
    }

    /// Between the items of a list in running text: 「総務課、会計課」, "General, Accounts".
    pub fn list_separator(self) -> &'static str {
        match self {
            Locale::Ja => "、",
            Locale::En => ", ",
        }
    }

    pub fn fiscal_year(self, year: FiscalYear) -> String {
        match self {
            Locale::Ja => format!("{}（{}年度）", year.japanese_label(), year.start_year()),
            Locale::En => year.english_label(),
        }
    }

    pub fn inspection_group(self, group: InspectionGroup) -> &'static str {
        match self {
            Locale::Ja => group.japanese_name(),
            Locale::En => group.english_name(),
        }
    }

    pub fn material_kind(self, kind: mamori_domain::training::MaterialKind) -> &'static str {
        use mamori_domain::training::MaterialKind::*;
        let t = self.texts();
        match kind {
            Page => t.training.material_kind_page,
            Document => t.training.material_kind_document,
            Video => t.training.material_kind_video,
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

    /// A moment in the agency's time zone: 令和8年12月1日 09:30, or 2026-12-01 09:30 in English.
    pub fn date_time(self, at: chrono::DateTime<chrono::Utc>) -> String {
        match self {
            Locale::Ja => mamori_domain::mail::japanese_date_time(at),
            Locale::En => mamori_domain::agency_time(at)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        }
    }

    pub fn campaign_state(
        self,
        state: mamori_domain::inspection::campaign::CampaignState,
    ) -> &'static str {
        match self {
            Locale::Ja => state.japanese_name(),
            Locale::En => state.english_name(),
        }
    }

    /// A self-inspection answer (実施している …).
    pub fn answer(self, answer: mamori_domain::inspection::Answer) -> &'static str {
        match self {
            Locale::Ja => answer.japanese_name(),
            Locale::En => answer.english_name(),
        }
    }

    pub fn progress_status(self, status: mamori_domain::training::ProgressStatus) -> &'static str {
        match self {
            Locale::Ja => status.japanese_name(),
            Locale::En => status.english_name(),
        }
    }

    /// Whom the training grid lists.
    pub fn grid_show(self, show: mamori_domain::report::grid::GridShow) -> &'static str {
        use mamori_domain::report::grid::GridShow;
        let t = self.texts();
        match show {
            GridShow::Everyone => t.reports.show_everyone,
            GridShow::Unfinished => t.reports.show_unfinished,
            GridShow::Overdue => t.reports.show_overdue,
        }
    }

    /// A directory field, as the forms and the import preview name it.
    pub fn field_name(self, field: StaffField) -> &'static str {
        let (ja, en) = match field {
            StaffField::Name => ("氏名", "name"),
            StaffField::Email => ("メールアドレス", "email"),
            StaffField::Division => ("課", "division"),
            StaffField::Roles => ("役割", "roles"),
            StaffField::ActiveFrom => ("在籍開始日", "active from"),
            StaffField::ActiveUntil => ("在籍終了日", "active until"),
        };
        match self {
            Locale::Ja => ja,
            Locale::En => en,
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

    /// An audited event, as the audit log and a person's history name it.
    pub fn audit_action(self, action: mamori_domain::AuditAction) -> &'static str {
        use mamori_domain::AuditAction::*;
        let (ja, en) = match action {
            Login => ("ログイン", "Logged in"),
            LoginFailed => ("ログイン失敗", "Login refused"),
            LoginThrottled => ("ログイン制限中の試行", "Login tried while held back"),
            LoginUnlocked => ("ログイン制限の解除", "Login hold lifted"),
            Logout => ("ログアウト", "Logged out"),
            StaffImport => ("名簿の取り込み", "Staff file import"),
            StaffEdit => ("職員情報の編集", "Staff record edited"),
            StaffLeft => ("退職の記録", "Recorded as leaving"),
            PasswordLinkSent => ("パスワード設定リンクの送信", "Set-password link sent"),
            PasswordSet => ("パスワードの設定", "Password set"),
            DataExported => ("データのダウンロード", "Data downloaded"),
            ModulePublished => ("研修の公開", "Module published"),
            ModuleArchived => ("研修の公開終了", "Module archived"),
            AssignmentChanged => ("研修の割り当て", "Assignment changed"),
            MailSettingsChanged => ("メール設定の変更", "Mail settings changed"),
            InspectionCampaignChanged => ("自己点検の実施設定", "Self-inspection campaign changed"),
            InspectionItemsChanged => ("自己点検項目の変更", "Self-inspection items changed"),
        };
        match self {
            Locale::Ja => ja,
            Locale::En => en,
        }
    }

    /// A queued mail's kind.
    pub fn mail_kind(self, kind: MailKind) -> &'static str {
        use mamori_domain::reminder::ReminderKind::*;
        let (ja, en) = match kind {
            MailKind::Reminder(Notice) => ("受講のお知らせ", "Notice"),
            MailKind::Reminder(BeforeDue) => ("期限前のお知らせ", "Reminder before the due date"),
            MailKind::Reminder(DueToday) => ("期限当日のお知らせ", "Due today"),
            MailKind::Reminder(Overdue) => ("期限超過のお知らせ", "Overdue"),
            MailKind::Reminder(ManagerDigest) => {
                ("期限超過者のまとめ（管理職）", "Managers' digest")
            }
            MailKind::Reminder(InspectionNotice) => {
                ("自己点検のお知らせ", "Self-inspection notice")
            }
            MailKind::Reminder(InspectionReminder) => {
                ("自己点検の締切前のお知らせ", "Self-inspection reminder")
            }
            MailKind::PasswordLink => ("パスワード設定のご案内", "Set-password link"),
        };
        match self {
            Locale::Ja => ja,
            Locale::En => en,
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
