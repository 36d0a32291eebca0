//! Reminder mail: which mail a learner is due under an assignment's policy, the managers'
//! weekly digest, and the Japanese templates admins may edit. Plain rules; the store queues
//! what they say under a unique key, so each mail goes out once.

use crate::EmployeeId;
use crate::fiscal_year::japanese_date;
use crate::mail::{MailRefusal, MailText};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// When learners and managers are written to. Admins change the default; an assignment may
/// carry its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderPolicy {
    /// A notice on the day one is assigned (or joins, for rules "within N days of joining").
    pub notice: bool,
    /// Reminders this many days before the due date.
    pub days_before: Vec<u32>,
    /// A reminder on the due date.
    pub on_due_date: bool,
    /// While overdue, a reminder every this many days (0: none).
    pub overdue_every_days: u32,
    /// A weekly digest to each division's managers listing their overdue staff (Mondays).
    pub manager_digest: bool,
}

impl Default for ReminderPolicy {
    fn default() -> Self {
        Self {
            notice: true,
            days_before: vec![7, 1],
            on_due_date: true,
            overdue_every_days: 7,
            manager_digest: true,
        }
    }
}

impl ReminderPolicy {
    /// Reads "7, 1" (days before the due date) as admins type it.
    pub fn parse_days(text: &str) -> Result<Vec<u32>, MailRefusal> {
        let mut days: Vec<u32> = text
            .split([',', '、', ' '])
            .filter(|d| !d.trim().is_empty())
            .map(|d| {
                d.trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|d| (1..=365).contains(d))
                    .ok_or_else(|| MailRefusal::BadDays { day: d.to_string() })
            })
            .collect::<Result<_, _>>()?;
        days.sort_unstable_by(|a, b| b.cmp(a));
        days.dedup();
        Ok(days)
    }
}

/// What admins set for reminder mail: the default policy, the templates and the holidays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSettings {
    pub policy: ReminderPolicy,
    pub templates: Vec<(ReminderKind, MailTemplate)>,
    /// The holiday list in force, as its CSV text (`date,name`).
    pub holidays: String,
    /// The last day of the default holiday list, when it is in force and ends within a year.
    pub holidays_running_out: Option<chrono::NaiveDate>,
    /// What the templates' previews are filled in with.
    pub sample: MailSample,
}

/// The kinds of mail sent to learners, and the managers' digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    Notice,
    BeforeDue,
    DueToday,
    Overdue,
    ManagerDigest,
    /// A self-inspection has opened: to its target staff.
    InspectionNotice,
    /// A self-inspection closes soon: to those who have not submitted.
    InspectionReminder,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 7] = [
        ReminderKind::Notice,
        ReminderKind::BeforeDue,
        ReminderKind::DueToday,
        ReminderKind::Overdue,
        ReminderKind::ManagerDigest,
        ReminderKind::InspectionNotice,
        ReminderKind::InspectionReminder,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReminderKind::Notice => "notice",
            ReminderKind::BeforeDue => "before_due",
            ReminderKind::DueToday => "due_today",
            ReminderKind::Overdue => "overdue",
            ReminderKind::ManagerDigest => "manager_digest",
            ReminderKind::InspectionNotice => "inspection_notice",
            ReminderKind::InspectionReminder => "inspection_reminder",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The placeholders its template may use.
    pub fn placeholders(self) -> &'static [&'static str] {
        match self {
            ReminderKind::ManagerDigest => &["name", "count", "staff_list", "link"],
            ReminderKind::InspectionNotice | ReminderKind::InspectionReminder => {
                &["name", "year", "closes_on", "days_left", "link"]
            }
            _ => &[
                "name",
                "module",
                "due_date",
                "days_left",
                "days_overdue",
                "link",
            ],
        }
    }
}

/// A learner mail and the day it is for (part of its unique key).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminder {
    pub kind: ReminderKind,
    pub scheduled_on: NaiveDate,
}

impl ReminderPolicy {
    /// The learner mail due by `today` for a module assigned to them on `assigned_on` and due
    /// on `due`: the latest one scheduled on or before today. Mail that was never sent in time
    /// (a weekend, a holiday, a server that was down) is not sent late on top of it: people
    /// get one mail, the current one.
    pub fn due_reminder(
        &self,
        assigned_on: NaiveDate,
        due: NaiveDate,
        today: NaiveDate,
    ) -> Option<Reminder> {
        let mut latest: Option<Reminder> = None;
        // Later kinds win a tie: on the due date itself, "due today" rather than the notice.
        let mut consider = |kind, scheduled_on: NaiveDate| {
            if scheduled_on >= assigned_on
                && scheduled_on <= today
                && latest.is_none_or(|l| scheduled_on >= l.scheduled_on)
            {
                latest = Some(Reminder { kind, scheduled_on });
            }
        };
        if self.notice {
            // Assigned on or after the due date: the first mail already says so.
            let kind = match assigned_on.cmp(&due) {
                std::cmp::Ordering::Less => ReminderKind::Notice,
                std::cmp::Ordering::Equal => ReminderKind::DueToday,
                std::cmp::Ordering::Greater => ReminderKind::Overdue,
            };
            consider(kind, assigned_on);
        }
        let mut days_before = self.days_before.clone();
        days_before.sort_unstable_by(|a, b| b.cmp(a));
        for days in days_before.into_iter().filter(|d| *d > 0) {
            consider(
                ReminderKind::BeforeDue,
                due - Duration::days(i64::from(days)),
            );
        }
        if self.on_due_date {
            consider(ReminderKind::DueToday, due);
        }
        if self.overdue_every_days > 0 && today > due {
            let every = i64::from(self.overdue_every_days);
            let periods = (today - due).num_days() / every;
            if periods > 0 {
                consider(ReminderKind::Overdue, due + Duration::days(periods * every));
            }
        }
        latest
    }

    /// The self-inspection mail due by `today` to someone who has not submitted, for answering
    /// open from `opens_on` to `closes_on`: the notice on the first day, then this policy's
    /// reminders before and on the last day; nothing once it has closed.
    pub fn inspection_reminder(
        &self,
        opens_on: NaiveDate,
        closes_on: NaiveDate,
        today: NaiveDate,
    ) -> Option<Reminder> {
        if today > closes_on {
            return None;
        }
        let policy = ReminderPolicy {
            notice: true,
            ..self.clone()
        };
        let reminder = policy.due_reminder(opens_on, closes_on, today)?;
        let kind = if reminder.scheduled_on == opens_on {
            ReminderKind::InspectionNotice
        } else {
            ReminderKind::InspectionReminder
        };
        Some(Reminder { kind, ..reminder })
    }
}

/// The day of the managers' digest due by `today`: the latest Monday on or before it.
pub fn digest_day(today: NaiveDate) -> NaiveDate {
    today - Duration::days(i64::from(today.weekday().num_days_from_monday()))
}

/// A mail's wording with `{placeholder}`s, as an admin may edit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailTemplate {
    pub subject: String,
    pub body: String,
}

impl MailTemplate {
    /// Refuses placeholders the kind does not fill, and braces left open, so that a typo is
    /// caught when the template is saved rather than in people's mail.
    pub fn check(&self, kind: ReminderKind) -> Result<(), MailRefusal> {
        if self.subject.trim().is_empty() {
            return Err(MailRefusal::SubjectEmpty);
        }
        for text in [&self.subject, &self.body] {
            for name in placeholders_in(text)? {
                if !kind.placeholders().contains(&name) {
                    return Err(MailRefusal::UnknownPlaceholder {
                        placeholder: name.to_string(),
                        known: kind.placeholders().iter().map(|p| p.to_string()).collect(),
                    });
                }
            }
        }
        Ok(())
    }

    /// Fills the placeholders. Unknown ones stay as written (`check` keeps them out).
    pub fn render(&self, values: &[(&str, String)]) -> MailText {
        let fill = |text: &str| {
            let mut out = text.to_string();
            for (name, value) in values {
                out = out.replace(&format!("{{{name}}}"), value);
            }
            out
        };
        MailText {
            // A subject is one line, whatever was filled in.
            subject: fill(&self.subject).replace(['\r', '\n'], " "),
            body: fill(&self.body),
        }
    }

    /// Mamori's wording for each kind.
    pub fn default_for(kind: ReminderKind) -> Self {
        let (subject, body) = match kind {
            ReminderKind::Notice => (
                "【守り】研修「{module}」の受講のお願い（期限 {due_date}）",
                "{name} 様\n\n\
                 情報セキュリティ研修「{module}」が割り当てられました。\n\
                 受講期限は {due_date} です（あと {days_left} 日）。\n\n\
                 次のリンクから受講してください。\n{link}\n",
            ),
            ReminderKind::BeforeDue => (
                "【守り】研修「{module}」の期限まであと {days_left} 日です",
                "{name} 様\n\n\
                 情報セキュリティ研修「{module}」の受講期限は {due_date} です（あと {days_left} 日）。\n\
                 まだ修了していませんので、期限までに受講してください。\n\n{link}\n",
            ),
            ReminderKind::DueToday => (
                "【守り】本日が研修「{module}」の受講期限です",
                "{name} 様\n\n\
                 情報セキュリティ研修「{module}」の受講期限は本日 {due_date} です。\n\
                 まだ修了していませんので、本日中に受講してください。\n\n{link}\n",
            ),
            ReminderKind::Overdue => (
                "【守り】研修「{module}」の受講期限を {days_overdue} 日過ぎています",
                "{name} 様\n\n\
                 情報セキュリティ研修「{module}」の受講期限（{due_date}）を {days_overdue} 日過ぎています。\n\
                 至急受講してください。修了すると、このお知らせは届かなくなります。\n\n{link}\n",
            ),
            ReminderKind::InspectionNotice => (
                "【守り】{year} 情報セキュリティ自己点検への回答のお願い（締切 {closes_on}）",
                "{name} 様\n\n\
                 {year}の情報セキュリティ自己点検が始まりました。\n\
                 回答の締切は {closes_on} です（あと {days_left} 日）。\n\n\
                 次のリンクから回答してください。\n{link}\n",
            ),
            ReminderKind::InspectionReminder => (
                "【守り】{year} 自己点検の締切まであと {days_left} 日です",
                "{name} 様\n\n\
                 {year}の情報セキュリティ自己点検の回答をまだ提出していません。\n\
                 締切は {closes_on} です（あと {days_left} 日）。\n\
                 提出すると、このお知らせは届かなくなります。\n\n{link}\n",
            ),
            ReminderKind::ManagerDigest => (
                "【守り】所管の課室で研修の期限を過ぎている職員（{count} 人）",
                "{name} 様\n\n\
                 所管の課室で、情報セキュリティ研修の受講期限を過ぎている職員は次の {count} 人です。\n\n\
                 {staff_list}\n\
                 受講状況は次のページで確認できます。\n{link}\n",
            ),
        };
        let footer = "\n-- \n守り（情報セキュリティ研修）\nこのメールは送信専用です。\n";
        MailTemplate {
            subject: subject.to_string(),
            body: format!("{body}{footer}"),
        }
    }
}

/// The `{name}`s in a text; an opening brace that is never closed is an error.
fn placeholders_in(text: &str) -> Result<Vec<&str>, MailRefusal> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| MailRefusal::BraceNotClosed {
            from: rest[open..].to_string(),
        })?;
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    Ok(names)
}

/// What a learner's mail says, filled in.
pub fn learner_mail(
    template: &MailTemplate,
    name: &str,
    module: &str,
    due: NaiveDate,
    today: NaiveDate,
    link: &str,
) -> MailText {
    let days = (due - today).num_days();
    template.render(&[
        ("name", name.to_string()),
        ("module", module.to_string()),
        ("due_date", japanese_date(due)),
        ("days_left", days.max(0).to_string()),
        ("days_overdue", (-days).max(0).to_string()),
        ("link", link.to_string()),
    ])
}

/// What a self-inspection mail says, filled in.
pub fn inspection_mail(
    template: &MailTemplate,
    name: &str,
    year: &str,
    closes_on: NaiveDate,
    today: NaiveDate,
    link: &str,
) -> MailText {
    template.render(&[
        ("name", name.to_string()),
        ("year", year.to_string()),
        ("closes_on", japanese_date(closes_on)),
        (
            "days_left",
            (closes_on - today).num_days().max(0).to_string(),
        ),
        ("link", link.to_string()),
    ])
}

/// One overdue person in a manager's digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueEntry {
    pub division: String,
    pub employee_id: EmployeeId,
    pub name: String,
    pub module: String,
    pub due: NaiveDate,
}

/// The managers' digest, filled in: one line per overdue person and module.
pub fn digest_mail(
    template: &MailTemplate,
    manager: &str,
    overdue: &[OverdueEntry],
    link: &str,
) -> MailText {
    let mut people: Vec<&str> = overdue.iter().map(|o| o.employee_id.as_str()).collect();
    people.sort_unstable();
    people.dedup();
    let list: String = overdue
        .iter()
        .map(|o| {
            format!(
                "・{} {}（{}）「{}」期限 {}\n",
                o.division,
                o.name,
                o.employee_id,
                o.module,
                japanese_date(o.due)
            )
        })
        .collect();
    template.render(&[
        ("name", manager.to_string()),
        ("count", people.len().to_string()),
        ("staff_list", list),
        ("link", link.to_string()),
    ])
}

/// Whom and when a template's sample is filled in for: the admin looking at it, on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSample {
    pub name: String,
    pub today: NaiveDate,
    /// The start of the links in mail (`https://mamori.example.go.jp`).
    pub base_url: String,
}

/// The module and person a sample mentions.
const SAMPLE_MODULE: &str = "情報の格付けと取扱制限（見本）";
const SAMPLE_PERSON: &str = "見本 花子";

impl MailTemplate {
    /// The mail as `kind` would be filled in, with made-up values around `sample`: a preview,
    /// or a test mail to oneself. Each kind's dates are the ones it is sent about (due in a
    /// week, due today, five days overdue…).
    pub fn sample(&self, kind: ReminderKind, sample: &MailSample) -> MailText {
        let (name, today) = (sample.name.as_str(), sample.today);
        let module_link = format!("{}/modules/sample", sample.base_url);
        let learner =
            |due: NaiveDate| learner_mail(self, name, SAMPLE_MODULE, due, today, &module_link);
        match kind {
            ReminderKind::Notice => learner(today + Duration::days(30)),
            ReminderKind::BeforeDue => learner(today + Duration::days(7)),
            ReminderKind::DueToday => learner(today),
            ReminderKind::Overdue => learner(today - Duration::days(5)),
            ReminderKind::InspectionNotice | ReminderKind::InspectionReminder => inspection_mail(
                self,
                name,
                &crate::FiscalYear::containing(today).japanese_label(),
                today + Duration::days(14),
                today,
                &format!("{}/inspection", sample.base_url),
            ),
            ReminderKind::ManagerDigest => digest_mail(
                self,
                name,
                &[OverdueEntry {
                    division: "総務課".into(),
                    employee_id: EmployeeId::parse("E9999").expect("a sample ID"),
                    name: SAMPLE_PERSON.into(),
                    module: SAMPLE_MODULE.into(),
                    due: today - Duration::days(5),
                }],
                &format!("{}/manager", sample.base_url),
            ),
        }
    }
}

impl MailText {
    /// Marked as a test, so that nobody takes it for a real reminder.
    pub fn as_test(self) -> MailText {
        MailText {
            subject: format!("【テスト送信】{}", self.subject),
            body: self.body,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_fills_every_placeholder_of_every_kind_with_the_dates_it_is_sent_about() {
        let sample = MailSample {
            name: "山田 太郎".into(),
            today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            base_url: "https://mamori.test".into(),
        };
        for kind in ReminderKind::ALL {
            let text = MailTemplate::default_for(kind).sample(kind, &sample);
            assert!(
                !text.body.contains('{') && !text.subject.contains('{'),
                "{kind:?}: {text:?}"
            );
            assert!(text.body.starts_with("山田 太郎 様"), "{kind:?}");
            assert!(text.body.contains("https://mamori.test/"), "{kind:?}");
        }
        let overdue =
            MailTemplate::default_for(ReminderKind::Overdue).sample(ReminderKind::Overdue, &sample);
        assert!(
            overdue.subject.contains("5 日過ぎています"),
            "{}",
            overdue.subject
        );
        let digest = MailTemplate::default_for(ReminderKind::ManagerDigest)
            .sample(ReminderKind::ManagerDigest, &sample);
        assert!(
            digest.body.contains("見本 花子（E9999）"),
            "{}",
            digest.body
        );
        let own = MailTemplate {
            subject: "{module} まで {days_left} 日".into(),
            body: "{link}".into(),
        };
        let text = own.sample(ReminderKind::BeforeDue, &sample);
        assert_eq!(text.subject, "情報の格付けと取扱制限（見本） まで 7 日");
        assert_eq!(
            text.as_test().subject,
            "【テスト送信】情報の格付けと取扱制限（見本） まで 7 日"
        );
    }

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    /// The default policy's mail for a module assigned on 1 November, due 1 December.
    fn due_on(today: NaiveDate) -> Option<(ReminderKind, NaiveDate)> {
        ReminderPolicy::default()
            .due_reminder(date(11, 1), date(12, 1), today)
            .map(|r| (r.kind, r.scheduled_on))
    }

    #[test]
    fn a_self_inspection_notices_on_opening_reminds_before_closing_and_stops_after() {
        use ReminderKind::*;
        let due = |today| {
            ReminderPolicy::default()
                .inspection_reminder(date(11, 1), date(11, 30), today)
                .map(|r| (r.kind, r.scheduled_on))
        };
        assert_eq!(due(date(10, 31)), None);
        assert_eq!(due(date(11, 1)), Some((InspectionNotice, date(11, 1))));
        assert_eq!(due(date(11, 22)), Some((InspectionNotice, date(11, 1))));
        assert_eq!(due(date(11, 23)), Some((InspectionReminder, date(11, 23))));
        assert_eq!(due(date(11, 29)), Some((InspectionReminder, date(11, 29))));
        assert_eq!(due(date(11, 30)), Some((InspectionReminder, date(11, 30))));
        assert_eq!(due(date(12, 1)), None, "closed: no more mail");
        // Without the training notice, the opening is still announced.
        let quiet = ReminderPolicy {
            notice: false,
            ..ReminderPolicy::default()
        };
        let opening = quiet.inspection_reminder(date(11, 1), date(11, 30), date(11, 1));
        assert_eq!(opening.map(|r| r.kind), Some(InspectionNotice));
        let text = inspection_mail(
            &MailTemplate::default_for(InspectionReminder),
            "山田 太郎",
            "令和8年度",
            date(11, 30),
            date(11, 23),
            "https://mamori.example/inspection/2026",
        );
        assert!(text.subject.contains("あと 7 日"), "{}", text.subject);
        assert!(text.body.contains("https://mamori.example/inspection/2026"));
    }

    #[test]
    fn the_default_policy_notices_reminds_twice_on_the_day_and_weekly_after() {
        use ReminderKind::*;
        assert_eq!(due_on(date(10, 31)), None, "before it is assigned");
        assert_eq!(due_on(date(11, 1)), Some((Notice, date(11, 1))));
        assert_eq!(due_on(date(11, 23)), Some((Notice, date(11, 1))));
        assert_eq!(due_on(date(11, 24)), Some((BeforeDue, date(11, 24))));
        assert_eq!(due_on(date(11, 30)), Some((BeforeDue, date(11, 30))));
        assert_eq!(due_on(date(12, 1)), Some((DueToday, date(12, 1))));
        assert_eq!(due_on(date(12, 7)), Some((DueToday, date(12, 1))));
        assert_eq!(due_on(date(12, 8)), Some((Overdue, date(12, 8))));
        assert_eq!(due_on(date(12, 14)), Some((Overdue, date(12, 8))));
        assert_eq!(due_on(date(12, 15)), Some((Overdue, date(12, 15))));
    }

    #[test]
    fn late_assignments_skip_the_reminders_already_past() {
        let policy = ReminderPolicy::default();
        // Assigned three days before it is due: the notice, not a 7-day reminder.
        let r = policy.due_reminder(date(11, 28), date(12, 1), date(11, 28));
        assert_eq!(r.map(|r| r.kind), Some(ReminderKind::Notice));
        // Assigned on the due date itself: "due today" covers it.
        let r = policy.due_reminder(date(12, 1), date(12, 1), date(12, 1));
        assert_eq!(r.map(|r| r.kind), Some(ReminderKind::DueToday));
        // Assigned after it (a late joiner of an overdue module): "overdue" from the start.
        let r = policy.due_reminder(date(12, 3), date(12, 1), date(12, 3));
        assert_eq!(
            r,
            Some(Reminder {
                kind: ReminderKind::Overdue,
                scheduled_on: date(12, 3)
            })
        );
    }

    #[test]
    fn a_quiet_policy_sends_nothing() {
        let quiet = ReminderPolicy {
            notice: false,
            days_before: vec![],
            on_due_date: false,
            overdue_every_days: 0,
            manager_digest: false,
        };
        for day in 1..=30 {
            assert_eq!(
                quiet.due_reminder(date(11, 1), date(11, 10), date(11, day)),
                None
            );
        }
    }

    #[test]
    fn days_before_are_read_as_typed() {
        assert_eq!(ReminderPolicy::parse_days("7, 1"), Ok(vec![7, 1]));
        assert_eq!(ReminderPolicy::parse_days("1、14 7 7"), Ok(vec![14, 7, 1]));
        assert_eq!(ReminderPolicy::parse_days(""), Ok(vec![]));
        assert!(ReminderPolicy::parse_days("7, x").is_err());
        assert!(ReminderPolicy::parse_days("0").is_err());
    }

    #[test]
    fn digests_are_for_the_latest_monday() {
        assert_eq!(digest_day(date(11, 30)), date(11, 30), "a Monday");
        assert_eq!(digest_day(date(12, 3)), date(11, 30));
        assert_eq!(digest_day(date(12, 6)), date(11, 30), "the Sunday after");
    }

    #[test]
    fn mail_is_filled_in_with_era_dates_and_days() {
        let text = learner_mail(
            &MailTemplate::default_for(ReminderKind::BeforeDue),
            "山田 太郎",
            "可搬記憶媒体",
            date(12, 1),
            date(11, 24),
            "https://mamori.example/modules/media",
        );
        assert_eq!(
            text.subject,
            "【守り】研修「可搬記憶媒体」の期限まであと 7 日です"
        );
        assert!(text.body.starts_with("山田 太郎 様"));
        assert!(text.body.contains("令和8年12月1日"));
        assert!(text.body.contains("https://mamori.example/modules/media"));
        let overdue = learner_mail(
            &MailTemplate::default_for(ReminderKind::Overdue),
            "山田 太郎",
            "可搬記憶媒体",
            date(12, 1),
            date(12, 8),
            "x",
        );
        assert!(overdue.subject.contains("7 日過ぎています"));
    }

    #[test]
    fn every_default_template_passes_its_own_check_and_typos_do_not() {
        for kind in ReminderKind::ALL {
            assert_eq!(
                MailTemplate::default_for(kind).check(kind),
                Ok(()),
                "{kind:?}"
            );
        }
        let typo = MailTemplate {
            subject: "{modul} の期限".into(),
            body: String::new(),
        };
        assert!(matches!(
            typo.check(ReminderKind::Notice),
            Err(MailRefusal::UnknownPlaceholder { placeholder, .. }) if placeholder == "modul"
        ));
        let open = MailTemplate {
            subject: "期限 {due_date".into(),
            body: String::new(),
        };
        assert!(open.check(ReminderKind::Notice).is_err());
        let digest_only = MailTemplate {
            subject: "{staff_list}".into(),
            body: String::new(),
        };
        assert!(digest_only.check(ReminderKind::Notice).is_err());
        assert!(digest_only.check(ReminderKind::ManagerDigest).is_ok());
    }

    #[test]
    fn a_digest_counts_people_and_lists_each_module() {
        let entry = |id: &str, module: &str| OverdueEntry {
            division: "消費者安全課".into(),
            employee_id: EmployeeId::parse(id).unwrap(),
            name: "山田 太郎".into(),
            module: module.into(),
            due: date(11, 1),
        };
        let text = digest_mail(
            &MailTemplate::default_for(ReminderKind::ManagerDigest),
            "課長",
            &[
                entry("E0210", "格付け"),
                entry("E0210", "持出し"),
                entry("E0211", "格付け"),
            ],
            "https://mamori.example/manager",
        );
        assert!(text.subject.contains("（2 人）"), "{}", text.subject);
        assert_eq!(text.body.matches("・消費者安全課").count(), 3);
        assert!(text.body.contains("期限 令和8年11月1日"));
    }
}
