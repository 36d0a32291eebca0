//! Training modules: their life cycle, due dates, progress and the rules for counting a
//! material as viewed. Plain functions, so that the web and database layers only apply them.

use crate::{EmployeeId, InspectionGroup, SecurityRole, media::MediaType};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a module is in its life: only published modules reach learners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ModuleStatus {
    Draft,
    Published,
    Archived,
}

impl ModuleStatus {
    pub fn code(self) -> &'static str {
        match self {
            ModuleStatus::Draft => "draft",
            ModuleStatus::Published => "published",
            ModuleStatus::Archived => "archived",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Draft, Self::Published, Self::Archived]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// A module's address: lower-case letters, digits and hyphens, 1 to 64 characters. Read from
/// JSON it is parsed too, so that no slug holds what `parse` refuses.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(raw: &str) -> Result<Self, TrainingRefusal> {
        let raw = raw.trim();
        let valid = !raw.is_empty()
            && raw.len() <= 64
            && !raw.starts_with('-')
            && !raw.ends_with('-')
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if valid {
            Ok(Self(raw.to_string()))
        } else {
            Err(TrainingRefusal::SlugInvalid {
                slug: raw.to_string(),
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = TrainingRefusal;

    fn try_from(raw: String) -> Result<Self, TrainingRefusal> {
        Self::parse(&raw)
    }
}

impl From<Slug> for String {
    fn from(slug: Slug) -> String {
        slug.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How long a module takes, in minutes, as learners are told: from one minute to a working
/// day (a larger number is a typing slip, not a module).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EstimatedMinutes(i32);

impl EstimatedMinutes {
    pub const MAX: i32 = 480;

    pub fn parse(minutes: i32) -> Result<Self, TrainingRefusal> {
        if (1..=Self::MAX).contains(&minutes) {
            Ok(Self(minutes))
        } else {
            Err(TrainingRefusal::MinutesOutOfRange {
                minutes,
                max: Self::MAX,
            })
        }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// Who an assignment is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssignmentTarget {
    Everyone,
    Divisions(Vec<String>),
    Roles(Vec<SecurityRole>),
    /// Self-inspection groups (実施主体), which follow from security roles.
    Groups(Vec<InspectionGroup>),
}

impl AssignmentTarget {
    /// Whether a person with this division and these security roles (on the day asked) is in.
    pub fn includes(&self, division: &str, roles: &[SecurityRole]) -> bool {
        match self {
            AssignmentTarget::Everyone => true,
            AssignmentTarget::Divisions(names) => names.iter().any(|n| n == division),
            AssignmentTarget::Roles(wanted) => wanted.iter().any(|r| roles.contains(r)),
            AssignmentTarget::Groups(wanted) => InspectionGroup::of(roles)
                .iter()
                .any(|g| wanted.contains(g)),
        }
    }
}

/// A module as trainers list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleSummary {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub estimated_minutes: i32,
    pub status: ModuleStatus,
    pub published_version: i32,
    /// Whether the draft differs from what learners see.
    pub has_unpublished_changes: bool,
}

/// A material as shown to trainers and learners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Material {
    pub id: i32,
    pub title: String,
    pub body: MaterialBody,
    /// Pages only: the reading time before a page counts as viewed.
    pub min_active_seconds: i32,
}

/// What a material shows. Documents and videos carry a description (Markdown, rendered and
/// sanitised on the server) that also serves as their text alternative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum MaterialBody {
    Page {
        markdown: String,
        html: String,
    },
    Document {
        file: FileInfo,
        description_markdown: String,
        description_html: String,
    },
    Video {
        source: VideoSource,
        captions: FileInfo,
        description_markdown: String,
        description_html: String,
    },
}

impl MaterialBody {
    pub fn kind(&self) -> MaterialKind {
        match self {
            MaterialBody::Page { .. } => MaterialKind::Page,
            MaterialBody::Document { .. } => MaterialKind::Document,
            MaterialBody::Video { .. } => MaterialKind::Video,
        }
    }
}

/// An uploaded file as the pages describe it (the bytes are served by material id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileInfo {
    pub file_name: String,
    pub media: MediaType,
    pub size_bytes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VideoSource {
    Upload(FileInfo),
    /// A video file elsewhere (an internal streaming server), played in the same player.
    Link(String),
}

/// A video link: an absolute http(s) address without spaces or quotes.
pub fn parse_video_link(raw: &str) -> Result<String, TrainingRefusal> {
    let link = raw.trim();
    let rest = link
        .strip_prefix("https://")
        .or_else(|| link.strip_prefix("http://"));
    match rest {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && !rest
                    .chars()
                    .any(|c| c.is_whitespace() || "\"'<>`".contains(c)) =>
        {
            Ok(link.to_string())
        }
        _ => Err(TrainingRefusal::VideoLinkInvalid {
            link: link.to_string(),
        }),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MaterialKind {
    Page,
    Document,
    Video,
}

impl MaterialKind {
    pub fn code(self) -> &'static str {
        match self {
            MaterialKind::Page => "page",
            MaterialKind::Document => "document",
            MaterialKind::Video => "video",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Page, Self::Document, Self::Video]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// The share of a video that must be watched for it to count as viewed.
pub const VIDEO_WATCHED_PERCENT: i32 = 90;

/// What is known of one person's viewing of one material.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewEvidence {
    pub reached_end: bool,
    pub active_seconds: i64,
    /// The share of a video played, 0 to 100.
    pub watched_percent: i32,
    pub document_opened: bool,
}

/// Whether a material counts as viewed: a page read to the end for its minimum time, a
/// document opened, a video watched to 90 %.
pub fn material_viewed(
    kind: MaterialKind,
    evidence: ViewEvidence,
    min_active_seconds: i64,
) -> bool {
    match kind {
        MaterialKind::Page => evidence.reached_end && evidence.active_seconds >= min_active_seconds,
        MaterialKind::Document => evidence.document_opened,
        MaterialKind::Video => evidence.watched_percent >= VIDEO_WATCHED_PERCENT,
    }
}

/// Where a learner stands on one material after a report from its page: what the page shows
/// while it is read (the ✓, the time still needed, how much of a video is played).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ViewStanding {
    pub viewed: bool,
    /// How long a page must still be visible to count (0 once read long enough or viewed).
    pub seconds_left: i64,
    pub reached_end: bool,
    pub watched_percent: i32,
    /// Whether the learner's module is completed (this report may have completed it).
    pub module_completed: bool,
}

impl ViewStanding {
    /// `viewed` is the record's own: once viewed, a material stays viewed even if its rule
    /// is made stricter later.
    pub fn of(
        evidence: ViewEvidence,
        min_active_seconds: i64,
        viewed: bool,
        module_completed: bool,
    ) -> Self {
        let seconds_left = if viewed {
            0
        } else {
            (min_active_seconds - evidence.active_seconds).max(0)
        };
        ViewStanding {
            viewed,
            seconds_left,
            reached_end: evidence.reached_end,
            watched_percent: evidence.watched_percent,
            module_completed,
        }
    }

    /// One second more of reading, counted by the page between two reports.
    pub fn tick(self) -> Self {
        ViewStanding {
            seconds_left: (self.seconds_left - 1).max(0),
            ..self
        }
    }
}

/// How far ahead the assignment form proposes a due date.
pub const DEFAULT_DUE_DAYS: i64 = 30;

/// The due date the assignment form proposes: a month ahead, on a business day.
pub fn default_due_date(
    today: NaiveDate,
    calendar: &crate::business_calendar::BusinessCalendar,
) -> NaiveDate {
    calendar.business_day_on_or_after(today + Duration::days(DEFAULT_DUE_DAYS))
}

/// What the assignment form offers: the divisions to choose from and the due date it proposes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AssignmentChoices {
    pub divisions: Vec<String>,
    pub default_due: NaiveDate,
}

/// A module with the materials of one version, for the trainer's editor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleDraft {
    pub module: ModuleSummary,
    pub draft_version: i32,
    pub materials: Vec<Material>,
    pub assignments: Vec<AssignmentInfo>,
    pub quiz_settings: crate::quiz::QuizSettings,
    pub questions: Vec<crate::quiz::Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentInfo {
    pub id: i32,
    pub fiscal_year: i32,
    pub target: AssignmentTarget,
    pub due: DueRule,
    /// Its own reminder policy; `None` follows the admins' default.
    pub reminder_policy: Option<crate::reminder::ReminderPolicy>,
}

/// What a learner's home shows: the self-inspections they can open, and this fiscal year's
/// training, soonest due first. Read together, so that the person is looked up once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerHome {
    pub campaigns: Vec<crate::inspection::campaign::LearnerCampaign>,
    pub modules: Vec<LearnerModule>,
}

/// One assigned module on a learner's home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerModule {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub estimated_minutes: i32,
    pub due: NaiveDate,
    pub status: ProgressStatus,
    pub viewed: usize,
    pub materials: usize,
}

/// A material in the module player, with the learner's standing on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerMaterial {
    pub material: Material,
    pub viewed: bool,
    pub active_seconds: i32,
    /// The most of a video played, in percent.
    pub watched_percent: i32,
    pub views: i32,
    pub first_view_at: Option<DateTime<Utc>>,
    pub last_view_at: Option<DateTime<Utc>>,
}

impl PlayerMaterial {
    /// Where the learner stands on it as recorded: what the page shows before its first
    /// report is answered (the player does not carry whether the end was reached).
    pub fn standing(&self, module_completed: bool) -> ViewStanding {
        let evidence = ViewEvidence {
            active_seconds: self.active_seconds.into(),
            watched_percent: self.watched_percent,
            ..Default::default()
        };
        ViewStanding::of(
            evidence,
            self.material.min_active_seconds.into(),
            self.viewed,
            module_completed,
        )
    }
}

/// One person's standing on one assigned module, material by material (for their managers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleProgress {
    pub module: LearnerModule,
    pub materials: Vec<PlayerMaterial>,
}

/// A certificate of completion, as printed and as an admin finds it by its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Certificate {
    pub employee_id: EmployeeId,
    pub name: String,
    pub module_title: String,
    pub version: i32,
    pub fiscal_year: i32,
    pub completed_at: DateTime<Utc>,
    pub verification_code: String,
    /// The chief information security officer on the day of completion, who issues it.
    pub issued_by: Option<String>,
}

/// A person's training, for their managers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonTraining {
    pub employee_id: EmployeeId,
    pub name: String,
    pub modules: Vec<ModuleProgress>,
    /// The mail Mamori queued for them (reminders, notices).
    pub mail: Vec<crate::mail::MailRecord>,
}

/// The module player: one learner's version of a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModulePlayer {
    pub module: LearnerModule,
    /// Whether the module has a quiz to pass as well.
    pub has_quiz: bool,
    pub version: i32,
    pub materials: Vec<PlayerMaterial>,
    pub completed_at: Option<DateTime<Utc>>,
    pub verification_code: Option<String>,
}

/// When an assignment is due for one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DueRule {
    /// The same date for everyone on staff; someone who joins late has at least
    /// `joiner_grace_days` from their first day, so that nobody is overdue on arrival.
    On {
        date: NaiveDate,
        joiner_grace_days: u32,
    },
    /// Within so many days of the person's start (new joiners get their own date), but never
    /// before `earliest` (people already on staff when the assignment was made).
    WithinDaysOfJoining { days: u32, earliest: NaiveDate },
}

impl DueRule {
    /// The days a joiner has from their first day when a fixed date would leave them less.
    pub const DEFAULT_JOINER_GRACE_DAYS: u32 = 30;
    /// The most days of grace an assignment may give (a year).
    pub const MAX_JOINER_GRACE_DAYS: u32 = 365;

    /// A fixed date with the default grace for joiners.
    pub fn on(date: NaiveDate) -> DueRule {
        DueRule::On {
            date,
            joiner_grace_days: Self::DEFAULT_JOINER_GRACE_DAYS,
        }
    }

    /// A fixed date with the grace a trainer chose, up to a year.
    pub fn on_with_grace(
        date: NaiveDate,
        joiner_grace_days: u32,
    ) -> Result<DueRule, TrainingRefusal> {
        if joiner_grace_days > Self::MAX_JOINER_GRACE_DAYS {
            return Err(TrainingRefusal::GraceOutOfRange {
                days: joiner_grace_days,
                max: Self::MAX_JOINER_GRACE_DAYS,
            });
        }
        Ok(DueRule::On {
            date,
            joiner_grace_days,
        })
    }

    /// The same rule a fiscal year later, for carrying an assignment over (a yearly refresher).
    pub fn a_year_later(self) -> DueRule {
        let later = |date: NaiveDate| {
            date.checked_add_months(chrono::Months::new(12))
                .unwrap_or(date)
        };
        match self {
            DueRule::On {
                date,
                joiner_grace_days,
            } => DueRule::On {
                date: later(date),
                joiner_grace_days,
            },
            DueRule::WithinDaysOfJoining { days, earliest } => DueRule::WithinDaysOfJoining {
                days,
                earliest: later(earliest),
            },
        }
    }

    /// The date by which someone who joined on `joined` must complete.
    pub fn due_date(self, joined: NaiveDate) -> NaiveDate {
        match self {
            DueRule::On {
                date,
                joiner_grace_days,
            } => date.max(joined + Duration::days(i64::from(joiner_grace_days))),
            DueRule::WithinDaysOfJoining { days, earliest } => {
                (joined + Duration::days(i64::from(days))).max(earliest)
            }
        }
    }
}

/// A learner's standing on one assigned module.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProgressStatus {
    NotStarted,
    InProgress,
    Completed,
    Overdue,
}

impl ProgressStatus {
    pub const ALL: [ProgressStatus; 4] = [
        ProgressStatus::Completed,
        ProgressStatus::InProgress,
        ProgressStatus::NotStarted,
        ProgressStatus::Overdue,
    ];

    /// The code in addresses and CSS classes.
    pub fn code(self) -> &'static str {
        match self {
            ProgressStatus::NotStarted => "not_started",
            ProgressStatus::InProgress => "in_progress",
            ProgressStatus::Completed => "completed",
            ProgressStatus::Overdue => "overdue",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    pub fn japanese_name(self) -> &'static str {
        match self {
            ProgressStatus::NotStarted => "未受講",
            ProgressStatus::InProgress => "受講中",
            ProgressStatus::Completed => "修了",
            ProgressStatus::Overdue => "期限超過",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            ProgressStatus::NotStarted => "Not started",
            ProgressStatus::InProgress => "In progress",
            ProgressStatus::Completed => "Completed",
            ProgressStatus::Overdue => "Overdue",
        }
    }

    /// The status once the learner has viewed a material of the module: completion wins,
    /// a module not started is now in progress, and an overdue one stays overdue.
    pub fn after_viewing(self, completed: bool) -> Self {
        match self {
            _ if completed => ProgressStatus::Completed,
            ProgressStatus::NotStarted => ProgressStatus::InProgress,
            other => other,
        }
    }
}

/// The status shown for a module: completed wins; past the due date anything else is overdue;
/// opened (`started`) is in progress, as the reports count it (`report::ReportEntry::status`).
pub fn progress_status(
    started: bool,
    completed: bool,
    due: NaiveDate,
    today: NaiveDate,
) -> ProgressStatus {
    if completed {
        ProgressStatus::Completed
    } else if today > due {
        ProgressStatus::Overdue
    } else if started {
        ProgressStatus::InProgress
    } else {
        ProgressStatus::NotStarted
    }
}

/// How often a visible page reports that it is being read.
pub const HEARTBEAT_SECONDS: i64 = 15;

/// The most one heartbeat can add: a little more than the interval, so that a late beat still
/// counts, while a tab that was hidden or asleep (no beats) adds nothing for that time.
pub const MAX_HEARTBEAT_CREDIT: i64 = HEARTBEAT_SECONDS * 2;

/// The active seconds a heartbeat adds, given the previous beat for the same person and
/// material from any tab. Credit is the time since that beat, capped: two tabs open on the same
/// material share one clock instead of counting twice.
pub fn heartbeat_credit(previous_beat: Option<DateTime<Utc>>, now: DateTime<Utc>) -> i64 {
    match previous_beat {
        None => 0,
        Some(previous) => (now - previous)
            .num_seconds()
            .clamp(0, MAX_HEARTBEAT_CREDIT),
    }
}

/// Why a page reports in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Heartbeat {
    /// The page was opened: a new view; the clock starts.
    Opened,
    /// The page became visible again: the clock restarts, the hidden time is not counted.
    Resumed,
    /// The page is visible (sent every `HEARTBEAT_SECONDS`, and once more when it is hidden
    /// or closed, so that the last stretch counts).
    Visible,
}

impl Heartbeat {
    /// The active seconds this report adds, given the previous report from any tab.
    pub fn credit(self, previous: Option<DateTime<Utc>>, now: DateTime<Utc>) -> i64 {
        match self {
            Heartbeat::Opened | Heartbeat::Resumed => 0,
            Heartbeat::Visible => heartbeat_credit(previous, now),
        }
    }

    pub fn is_new_view(self) -> bool {
        self == Heartbeat::Opened
    }
}

/// Why a change to training modules, their materials and assignments is refused (see `crate::refusal`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum TrainingRefusal {
    #[error("title must not be empty")]
    TitleEmpty,
    #[error("the estimated time must be 1 to {max} minutes, not {minutes}")]
    MinutesOutOfRange { minutes: i32, max: i32 },
    #[error("slug {slug:?} must be 1 to 64 lower-case letters, digits and inner hyphens")]
    SlugInvalid { slug: String },
    #[error("slug {slug} is already taken")]
    SlugTaken { slug: String },
    #[error("add at least one material before publishing")]
    NoMaterials,
    #[error("only a published module can be archived")]
    ArchiveUnpublished,
    #[error("publish the module before assigning it")]
    AssignUnpublished,
    #[error("choose who the module is for")]
    NoOneChosen,
    #[error("{slug} is already assigned to them for fiscal year {fiscal_year}")]
    AlreadyAssigned { slug: String, fiscal_year: i32 },
    #[error("a page needs a text")]
    PageTextEmpty,
    #[error("{file_name} is not a {kind:?} file")]
    WrongFileKind {
        file_name: String,
        kind: crate::media::UploadKind,
    },
    #[error("{link:?} is not an http(s) address")]
    VideoLinkInvalid { link: String },
    #[error("due date {date:?} is not a date in the form YYYY-MM-DD")]
    DueDateInvalid { date: String },
    #[error("the number of days must be at least 1")]
    NoDays,
    #[error("a joiner's grace must be 0 to {max} days, not {days}")]
    GraceOutOfRange { days: u32, max: u32 },
    /// A value no form offers (a hand-made request).
    #[error("{value:?} is not a choice for {choice}")]
    UnknownChoice { choice: Choice, value: String },
}

/// The choices of the trainer's forms, for refusing a value none of them offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    Direction,
    Target,
    Role,
    Group,
    DueRule,
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Direction => "direction",
            Self::Target => "target",
            Self::Role => "role",
            Self::Group => "group",
            Self::DueRule => "due rule",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn slugs_are_plain_url_words() {
        assert!(Slug::parse("removable-media-2026").is_ok());
        for bad in [
            "",
            "Caps",
            "with space",
            "-edge",
            "edge-",
            "日本語",
            &"a".repeat(65),
        ] {
            assert_eq!(
                Slug::parse(bad),
                Err(TrainingRefusal::SlugInvalid {
                    slug: bad.trim().to_string()
                }),
            );
        }
    }

    #[test]
    fn slugs_read_from_json_are_parsed() {
        let slug = Slug::parse("media").unwrap();
        assert_eq!(serde_json::to_string(&slug).unwrap(), r#""media""#);
        assert_eq!(serde_json::from_str::<Slug>(r#""media""#).unwrap(), slug);
        assert!(serde_json::from_str::<Slug>(r#""Not a slug""#).is_err());
    }

    #[test]
    fn targets_pick_people_by_division_or_role() {
        let officer = [SecurityRole::SecurityOfficer];
        assert!(AssignmentTarget::Everyone.includes("総務課", &[]));
        let divisions = AssignmentTarget::Divisions(vec!["総務課".into()]);
        assert!(divisions.includes("総務課", &[]));
        assert!(!divisions.includes("食品表示課", &officer));
        let roles = AssignmentTarget::Roles(vec![SecurityRole::SecurityOfficer]);
        assert!(roles.includes("食品表示課", &officer));
        assert!(!roles.includes("総務課", &[]));
        let officers = AssignmentTarget::Groups(vec![InspectionGroup::Officers]);
        assert!(officers.includes("総務課", &officer));
        assert!(!officers.includes("総務課", &[SecurityRole::SystemSecurityOfficer]));
        assert!(AssignmentTarget::Groups(vec![InspectionGroup::Staff]).includes("総務課", &[]));
    }

    #[test]
    fn due_dates_follow_the_rule() {
        assert_eq!(
            DueRule::on(date(2026, 12, 25)).due_date(date(2009, 4, 1)),
            date(2026, 12, 25)
        );
        // A joiner never starts overdue: a fixed date gives them at least their grace.
        assert_eq!(
            DueRule::on(date(2026, 11, 21)).due_date(date(2026, 12, 1)),
            date(2026, 12, 31)
        );
        let no_grace = DueRule::On {
            date: date(2026, 11, 21),
            joiner_grace_days: 0,
        };
        assert_eq!(no_grace.due_date(date(2026, 12, 1)), date(2026, 12, 1));
        assert_eq!(DueRule::on_with_grace(date(2026, 11, 21), 0), Ok(no_grace));
        assert_eq!(
            DueRule::on_with_grace(date(2026, 11, 21), 366),
            Err(TrainingRefusal::GraceOutOfRange {
                days: 366,
                max: 365
            })
        );
        // Who joined in time for the date keeps it.
        assert_eq!(
            DueRule::on(date(2026, 12, 25)).due_date(date(2026, 11, 20)),
            date(2026, 12, 25)
        );
        let joining = DueRule::WithinDaysOfJoining {
            days: 90,
            earliest: date(2026, 6, 30),
        };
        // Long on staff: the assignment's own earliest date.
        assert_eq!(joining.due_date(date(2009, 4, 1)), date(2026, 6, 30));
        // Joined in October: three months from their start.
        assert_eq!(joining.due_date(date(2026, 10, 1)), date(2026, 12, 30));
    }

    #[test]
    fn status_is_completed_then_overdue_then_progress() {
        let due = date(2026, 12, 1);
        assert_eq!(
            progress_status(false, false, due, date(2026, 11, 1)),
            ProgressStatus::NotStarted
        );
        assert_eq!(
            progress_status(true, false, due, date(2026, 12, 1)),
            ProgressStatus::InProgress
        );
        assert_eq!(
            progress_status(true, false, due, date(2026, 12, 2)),
            ProgressStatus::Overdue
        );
        assert_eq!(
            progress_status(true, true, due, date(2027, 1, 1)),
            ProgressStatus::Completed
        );
    }

    #[test]
    fn heartbeats_count_visible_time_once() {
        let t =
            |s: i64| Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap() + Duration::seconds(s);
        assert_eq!(
            heartbeat_credit(None, t(0)),
            0,
            "the first beat starts the clock"
        );
        assert_eq!(heartbeat_credit(Some(t(0)), t(15)), 15);
        // Hidden for ten minutes (no beats), then visible again: the gap is not counted.
        assert_eq!(heartbeat_credit(Some(t(15)), t(615)), MAX_HEARTBEAT_CREDIT);
        // Two tabs beating alternately: each beat adds only the time since the other's.
        let beats = [0, 15, 16, 30, 31, 45, 46, 60];
        let total: i64 = beats
            .windows(2)
            .map(|w| heartbeat_credit(Some(t(w[0])), t(w[1])))
            .sum();
        assert_eq!(
            total, 60,
            "one minute of reading, whatever the number of tabs"
        );
    }

    #[test]
    fn the_proposed_due_date_is_a_month_ahead_on_a_business_day() {
        use crate::business_calendar::BusinessCalendar;
        let new_year = BusinessCalendar::new([date(2027, 1, 1)]);
        // 30 days after 2 December is New Year's Day (a holiday, then a weekend).
        assert_eq!(
            default_due_date(date(2026, 12, 2), &new_year),
            date(2027, 1, 4)
        );
        assert_eq!(
            default_due_date(date(2026, 11, 2), &new_year),
            date(2026, 12, 2)
        );
    }

    #[test]
    fn a_page_tells_how_long_it_must_still_be_read() {
        let read = |seconds, reached_end| ViewEvidence {
            reached_end,
            active_seconds: seconds,
            ..Default::default()
        };
        let standing = ViewStanding::of(read(12, false), 30, false, false);
        assert_eq!((standing.viewed, standing.seconds_left), (false, 18));
        assert!(!standing.reached_end);
        // Read long enough but not to the end: no time left, still not viewed.
        let standing = ViewStanding::of(read(45, false), 30, false, false);
        assert_eq!((standing.viewed, standing.seconds_left), (false, 0));
        // Viewed before the rule was made stricter: nothing left to do.
        let standing = ViewStanding::of(read(30, true), 60, true, true);
        assert_eq!(standing.seconds_left, 0);
        assert!(standing.module_completed);
        // The page counts down between reports, never below zero.
        let standing = ViewStanding::of(read(28, true), 30, false, false);
        assert_eq!(standing.tick().seconds_left, 1);
        assert_eq!(standing.tick().tick().tick().seconds_left, 0);
    }

    #[test]
    fn viewing_a_material_starts_a_module_and_never_hides_it_overdue() {
        use ProgressStatus::*;
        assert_eq!(NotStarted.after_viewing(false), InProgress);
        assert_eq!(InProgress.after_viewing(false), InProgress);
        assert_eq!(Overdue.after_viewing(false), Overdue);
        assert_eq!(Overdue.after_viewing(true), Completed);
        assert_eq!(NotStarted.after_viewing(true), Completed);
    }

    #[test]
    fn opening_or_returning_to_a_page_restarts_the_clock() {
        let t =
            |s: i64| Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap() + Duration::seconds(s);
        assert_eq!(Heartbeat::Opened.credit(Some(t(0)), t(20)), 0);
        assert_eq!(Heartbeat::Resumed.credit(Some(t(0)), t(20)), 0);
        assert_eq!(Heartbeat::Visible.credit(Some(t(0)), t(20)), 20);
        assert!(Heartbeat::Opened.is_new_view() && !Heartbeat::Resumed.is_new_view());
    }

    #[test]
    fn each_kind_of_material_has_its_viewed_rule() {
        let seen = |kind, evidence| material_viewed(kind, evidence, 60);
        let page = |reached_end, active_seconds| ViewEvidence {
            reached_end,
            active_seconds,
            ..Default::default()
        };
        assert!(seen(MaterialKind::Page, page(true, 60)));
        assert!(!seen(MaterialKind::Page, page(false, 600)));
        assert!(!seen(MaterialKind::Page, page(true, 59)));
        let opened = ViewEvidence {
            document_opened: true,
            ..Default::default()
        };
        assert!(seen(MaterialKind::Document, opened));
        assert!(!seen(MaterialKind::Document, page(true, 600)));
        let watched = |watched_percent| ViewEvidence {
            watched_percent,
            active_seconds: 600,
            reached_end: true,
            ..Default::default()
        };
        assert!(seen(MaterialKind::Video, watched(90)));
        assert!(!seen(MaterialKind::Video, watched(89)));
    }

    #[test]
    fn video_links_are_web_addresses() {
        assert!(parse_video_link(" https://video.example.go.jp/a.mp4 ").is_ok());
        for bad in [
            "javascript:alert(1)",
            "ftp://x/y",
            "https://",
            "https:///path",
            "https://a b",
            "https://x/\"onerror=",
        ] {
            assert_eq!(
                parse_video_link(bad),
                Err(TrainingRefusal::VideoLinkInvalid {
                    link: bad.to_string()
                }),
            );
        }
        assert_eq!(
            parse_video_link("ftp://x").unwrap_err().to_string(),
            "\"ftp://x\" is not an http(s) address"
        );
    }

    #[test]
    fn carried_over_rules_fall_a_year_later() {
        assert_eq!(
            DueRule::on(date(2026, 12, 25)).a_year_later(),
            DueRule::on(date(2027, 12, 25))
        );
        assert_eq!(
            DueRule::on(date(2028, 2, 29)).a_year_later(),
            DueRule::on(date(2029, 2, 28))
        );
        assert_eq!(
            DueRule::WithinDaysOfJoining {
                days: 90,
                earliest: date(2026, 6, 30)
            }
            .a_year_later(),
            DueRule::WithinDaysOfJoining {
                days: 90,
                earliest: date(2027, 6, 30)
            }
        );
    }
}
