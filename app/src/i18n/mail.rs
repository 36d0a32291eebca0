//! The mail pages' texts: the outbox, reminder policy, templates, holidays.

use mamori_domain::{
    business_calendar::HolidayProblem,
    mail::{MailRefusal, braced},
};

texts! {
    pub struct MailTexts {
        heading: &'static str = ("送信したメール", "Mail sent"),
        no_mail: &'static str = ("メールはありません。", "No mail."),
        subject: &'static str = ("件名", "Subject"),
        queued_at: &'static str = ("作成日時", "Queued"),
        status: &'static str = ("状態", "Status"),
        kind: &'static str = ("種類", "Kind"),
        sent_at: fn(&str) -> String = (|at| format!("送信済み（{at}）"), |at| format!("sent ({at})")),
        waiting: &'static str = ("送信待ち", "waiting"),
        cancelled: &'static str = (
            "取りやめ（修了・退職・研修の終了のため不要になりました）",
            "cancelled (no longer needed: completed, left, or the module was archived)",
        ),
        failing: fn(i32, &str) -> String = (
            |n, error| format!("送信失敗 {n} 回・再試行待ち（{error}）"),
            |n, error| format!("failed {n} time(s), will retry ({error})"),
        ),
        admin_title: &'static str = ("メールと督促の設定", "Mail and reminders"),
        outbox_heading: &'static str = ("送信状況", "Outbox"),
        outbox_caption: &'static str = ("メール（新しい順、最大 200 件）", "Mail (newest first, up to 200)"),
        all_mail: &'static str = ("すべて", "All"),
        show_button: &'static str = ("表示", "Show"),
        status_failing: &'static str = ("送信失敗（再送待ち）", "failing (will be retried)"),
        status_sent: &'static str = ("送信済み", "sent"),
        status_cancelled: &'static str = ("取りやめ", "cancelled"),
        policy_heading: &'static str = ("督促の方針（既定）", "Reminder policy (default)"),
        policy_hint: &'static str = (
            "夜間（18 時から翌 9 時）、土日、祝日、年末年始には送りません。その間に期日の来たメールは、次の平日の朝に送ります。修了した職員、退職した職員、終了した研修には送りません。",
            "Nothing is sent at night (18:00 to 09:00), at weekends, on holidays or in the year-end closure; mail due then goes out the next business morning. Nothing goes to people who completed or left, or for archived modules.",
        ),
        policy_notice: &'static str = (
            "割り当てたときに受講のお知らせを送る",
            "Send a notice when a module is assigned",
        ),
        policy_days_before: &'static str = (
            "期限の何日前に督促するか（カンマ区切り、空欄で送らない）",
            "Remind this many days before the due date (comma separated; empty for none)",
        ),
        policy_on_due_date: &'static str = ("期限当日に督促する", "Remind on the due date"),
        policy_overdue_every: &'static str = (
            "期限後、何日ごとに督促するか（0 で送らない）",
            "While overdue, remind every this many days (0 for never)",
        ),
        policy_manager_digest: &'static str = (
            "毎週月曜日、管理職に所管の期限超過者のまとめを送る",
            "Every Monday, send managers a digest of their overdue staff",
        ),
        save_policy: &'static str = ("督促の方針を保存", "Save the policy"),
        templates_heading: &'static str = ("メールの文面", "Mail wording"),
        template_body: &'static str = ("本文", "Body"),
        template_placeholders: fn(&str) -> String = (
            |list| format!("使える差込み項目: {list}"),
            |list| format!("Placeholders: {list}"),
        ),
        save_template: &'static str = ("文面を保存", "Save the wording"),
        send_test: &'static str = ("自分あてにテスト送信", "Send a test to myself"),
        test_sent: fn(&str) -> String = (
            |to| format!("見本の値を差し込んだテストメールを {to} あてに送信しました（文面は保存していません）。"),
            |to| format!("A test filled with sample values was sent to {to} (the wording is not saved)."),
        ),
        preview_heading: &'static str = ("プレビュー（見本の値を差し込んだもの）", "Preview (filled with sample values)"),
        preview_hint: &'static str = (
            "入力に合わせて変わります。送られるメールは宛先の職員と研修の値が入ります。",
            "Follows what you type. Real mail carries each recipient's own values.",
        ),
        sending_hours: &'static str = (
            "通知と催促は、業務日（土日・祝日を除く）の 9:00〜18:00 に作成して送信します。",
            "Notices and reminders are made and sent on business days (not weekends or holidays), 9:00–18:00.",
        ),
        reminders_resume: fn(&str) -> String = (
            |at| format!("いまは送信時間外です。この間に割り当てた研修の通知や催促は、{at} にここに現れて送信されます。"),
            |at| format!("Outside sending hours now: notices and reminders of assignments made meanwhile appear here and go out at {at}."),
        ),
        holidays_heading: &'static str = ("休日（メールを送らない日）", "Holidays (no mail)"),
        holidays_hint: &'static str = (
            "1 行に 1 日、「日付,名称」（例: 2027-01-01,元日）。1 行目は date,name です。保存すると一覧全体を置き換えます。誤りのある行があれば何も変更しません。",
            "One day per line as date,name (e.g. 2027-01-01,元日), after a date,name header. Saving replaces the whole list; a list with a bad line changes nothing.",
        ),
        holidays_label: &'static str = ("休日の一覧（CSV）", "Holiday list (CSV)"),
        holidays_running_out: fn(&str) -> String = (
            |last_day| {
                format!(
                    "組み込みの休日一覧は{last_day}までです。それより後の祝日と年末年始の休日は分からないため、土日以外の日はすべて営業日としてメールを送ります。来年度の分を含む休日の一覧を保存してください。"
                )
            },
            |last_day| {
                format!(
                    "The built-in holiday list ends on {last_day}. After it, public holidays and the year-end closure are unknown, so every weekday counts as a business day and mail goes out on it. Save a holiday list that covers the coming year."
                )
            },
        ),
        save_holidays: &'static str = ("休日の一覧を保存", "Save the holiday list"),
    }
}

/// Why a change was refused, in the locale's language.
pub fn refusal(locale: super::Locale, reason: &MailRefusal) -> String {
    match reason {
        MailRefusal::SubjectEmpty => {
            say!(locale, "件名を入力してください。", "The subject is empty.")
        }
        MailRefusal::UnknownPlaceholder { placeholder, known } => {
            let known = braced(known);
            say!(
                locale,
                "{{{placeholder}}} はこのメールでは使えません。使えるのは {known} です。",
                "{{{placeholder}}} is not known in this mail; use {known}.",
            )
        }
        MailRefusal::BraceNotClosed { from } => say!(
            locale,
            "「{{」が閉じられていません（{from}）。",
            "A brace is not closed: {from}",
        ),
        MailRefusal::BadDays { day } => say!(
            locale,
            "「{day}」は 1〜365 の日数ではありません。",
            "\"{day}\" is not a number of days from 1 to 365.",
        ),
        MailRefusal::BadHolidays { errors } => super::common::line_errors(locale, errors),
    }
}

/// Why a line of the holiday list is refused.
pub fn holiday_line(locale: super::Locale, problem: &HolidayProblem) -> String {
    match problem {
        HolidayProblem::BadHeader => say!(
            locale,
            "見出しは date,name としてください。",
            "The header must be date,name.",
        ),
        HolidayProblem::NotDateAndName => say!(
            locale,
            "各行には日付と名称の2つが必要です。",
            "A line needs a date and a name.",
        ),
        HolidayProblem::ListedTwice { date } => {
            say!(locale, "{date} が2回あります。", "{date} is listed twice.")
        }
        HolidayProblem::BadDate { value } => say!(
            locale,
            "「{value}」は YYYY-MM-DD 形式の日付ではありません。",
            "\"{value}\" is not a date in the form YYYY-MM-DD.",
        ),
    }
}
