//! Quizzes: questions with weighted options, grading on the server, and the pool formats
//! trainers bring their questions in (Moodle GIFT, Aiken) and take them out (GIFT, JSON).

pub mod aiken;
pub mod gift;
pub mod results;

use crate::{csv::LineError, percent::Share};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The kinds of question Mamori asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One option is chosen.
    Single,
    /// Any number of options are chosen; scored all-or-nothing or with partial credit.
    Multiple,
    /// ○ or ×.
    TrueFalse,
}

impl QuestionKind {
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true_false",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Single, Self::Multiple, Self::TrueFalse]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// An option of a question. `weight` is the share of the question's marks it carries, in
/// percent: 100 for the right answer of a single-choice question, shares that add up to 100
/// for the right options of a multiple-choice one, 0 or a negative share for wrong ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionOption {
    pub text: String,
    pub weight: i32,
    #[serde(default)]
    pub feedback: String,
}

/// A question as pools hold it and as the JSON export writes it. True/false questions carry
/// `answer`, and their two options (true first) hold the feedback for each answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    #[serde(default)]
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub options: Vec<QuestionOption>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    #[serde(default)]
    pub explanation: String,
}

impl Question {
    /// A true/false question with its two options.
    pub fn true_false(
        text: String,
        answer: bool,
        feedback_if_true: String,
        feedback_if_false: String,
    ) -> Self {
        let option = |text: &str, right: bool, feedback: String| QuestionOption {
            text: text.into(),
            weight: if right { 100 } else { 0 },
            feedback,
        };
        Question {
            kind: QuestionKind::TrueFalse,
            title: String::new(),
            text,
            options: vec![
                option("true", answer, feedback_if_true),
                option("false", !answer, feedback_if_false),
            ],
            answer: Some(answer),
            explanation: String::new(),
        }
    }

    /// Whether the question can be asked and graded: it has text and options, and full marks
    /// can be reached.
    pub fn check(&self) -> Result<(), QuestionProblem> {
        if self.text.trim().is_empty() {
            return Err(QuestionProblem::NoText);
        }
        match self.kind {
            QuestionKind::TrueFalse => {
                if self.answer.is_none() || self.options.len() != 2 {
                    return Err(QuestionProblem::NoTrueFalseAnswer);
                }
            }
            QuestionKind::Single => {
                if self.options.len() < 2 {
                    return Err(QuestionProblem::TooFewOptions);
                }
                if !self.options.iter().any(|o| o.weight == 100) {
                    return Err(QuestionProblem::NoRightOption);
                }
            }
            QuestionKind::Multiple => {
                if self.options.len() < 2 {
                    return Err(QuestionProblem::TooFewOptions);
                }
                let total: i32 = self.options.iter().map(|o| o.weight.max(0)).sum();
                if !(99..=101).contains(&total) {
                    return Err(QuestionProblem::WeightsNot100 { total });
                }
            }
        }
        if self
            .options
            .iter()
            .any(|o| !(-100..=100).contains(&o.weight))
        {
            return Err(QuestionProblem::WeightOutOfRange);
        }
        Ok(())
    }
}

/// Why a question cannot be asked or graded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum QuestionProblem {
    #[error("the question has no text")]
    NoText,
    #[error("a true/false question needs its answer")]
    NoTrueFalseAnswer,
    #[error("a question needs at least two options")]
    TooFewOptions,
    #[error("no option is fully right (=, or a weight of 100 %)")]
    NoRightOption,
    #[error("the right options' weights add up to {total} %, not 100 %")]
    WeightsNot100 { total: i32 },
    #[error("weights must be between -100 % and 100 %")]
    WeightOutOfRange,
}

/// How a multiple-choice question is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MultipleScoring {
    /// Full marks only when exactly the right options are chosen.
    AllOrNothing,
    /// The chosen options' weights added up, between 0 and 100.
    Partial,
}

/// The marks, in percent (0 to 100), that a set of chosen options earns. For true/false,
/// option 0 is "true" and 1 "false".
pub fn score(question: &Question, chosen: &[usize], scoring: MultipleScoring) -> u32 {
    let weight = |i: &usize| question.options.get(*i).map_or(0, |o| o.weight);
    let mut unique: Vec<usize> = chosen
        .iter()
        .copied()
        .filter(|i| *i < question.options.len())
        .collect();
    unique.sort_unstable();
    unique.dedup();
    let earned = match question.kind {
        QuestionKind::Single | QuestionKind::TrueFalse => match unique.as_slice() {
            [one] => weight(one),
            _ => 0,
        },
        QuestionKind::Multiple => match scoring {
            MultipleScoring::Partial => unique.iter().map(weight).sum(),
            MultipleScoring::AllOrNothing => {
                let right: Vec<usize> = (0..question.options.len())
                    .filter(|i| weight(i) > 0)
                    .collect();
                if unique == right { 100 } else { 0 }
            }
        },
    };
    earned.clamp(0, 100) as u32
}

/// An attempt's score: the average of its questions' marks, kept in tenths of a percent and
/// shown rounded half up to a tenth as every share in Mamori is (2 questions of 3: 66.7).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Score {
    tenths_of_percent: u32,
}

impl Score {
    pub fn from_tenths_of_percent(tenths_of_percent: u32) -> Self {
        Score { tenths_of_percent }
    }

    pub fn tenths_of_percent(self) -> u32 {
        self.tenths_of_percent
    }

    /// The score as a share, for tables and workbooks that show shares.
    pub fn share(self) -> Share {
        Share::new(self.tenths_of_percent as usize, 1000)
    }
}

/// `66.7`, as every share is shown.
impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.share().fmt(f)
    }
}

/// An attempt's result: the average of its questions' marks, and whether it reaches the pass
/// mark (in percent), compared exactly: 79.96 % fails a mark of 80 though it shows as 80.0.
pub fn attempt_result(marks: &[u32], pass_mark: u32) -> (Score, bool) {
    let earned = Share::new(marks.iter().map(|m| *m as usize).sum(), 100 * marks.len());
    let score = Score::from_tenths_of_percent(earned.tenths_of_percent().unwrap_or(0) as u32);
    (score, earned.at_least(pass_mark))
}

/// A module's quiz settings, chosen by its trainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSettings {
    /// Questions drawn per attempt; 0 asks the whole pool.
    pub draw_count: u32,
    /// Missing counts as false, as a cleared checkbox sends nothing.
    #[serde(default)]
    pub shuffle_options: bool,
    /// The score needed to pass, in percent.
    pub pass_mark: u32,
    /// 0: unlimited.
    pub max_attempts: u32,
    /// The wait after a failed attempt before the next.
    pub wait_minutes: u32,
    /// 0: no time limit. A learner may extend it as often as they need (WCAG 2.2.1).
    pub time_limit_minutes: u32,
    pub multiple_scoring: MultipleScoring,
    #[serde(default)]
    pub review: ReviewPolicy,
}

impl Default for QuizSettings {
    fn default() -> Self {
        Self {
            draw_count: 0,
            shuffle_options: true,
            pass_mark: 80,
            // A quiz retaken without end measures nothing.
            max_attempts: 3,
            wait_minutes: 0,
            time_limit_minutes: 0,
            multiple_scoring: MultipleScoring::AllOrNothing,
            review: ReviewPolicy::default(),
        }
    }
}

/// When learners see the right answers, the feedback and the explanations of their submitted
/// attempts (Moodle's review options, reduced to the three choices that matter). Until then
/// an attempt shows its score and verdict only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewPolicy {
    /// After each attempt: the quiz is practice.
    AfterEachAttempt,
    /// Once passed or out of attempts: a retake still measures something.
    #[default]
    WhenFinished,
    /// Never: the pool can be used year after year.
    Never,
}

impl ReviewPolicy {
    pub const ALL: [ReviewPolicy; 3] = [
        ReviewPolicy::AfterEachAttempt,
        ReviewPolicy::WhenFinished,
        ReviewPolicy::Never,
    ];

    /// The code stored and sent by the settings form.
    pub fn code(self) -> &'static str {
        match self {
            ReviewPolicy::AfterEachAttempt => "after_each_attempt",
            ReviewPolicy::WhenFinished => "when_finished",
            ReviewPolicy::Never => "never",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Whether the answers of submitted attempts may be shown now. Never while an attempt
    /// is open: the previous attempt's answers would answer this one.
    pub fn shows_answers(self, max_attempts: u32, finished: &[Finished], open: bool) -> bool {
        let done = finished.iter().any(|f| f.passed)
            || (max_attempts > 0 && finished.len() >= max_attempts as usize);
        match self {
            _ if open => false,
            ReviewPolicy::AfterEachAttempt => true,
            ReviewPolicy::WhenFinished => done,
            ReviewPolicy::Never => false,
        }
    }
}

/// A question drawn for one attempt: its place in the pool, and its options in the order
/// they are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    pub pool_index: usize,
    pub order: Vec<usize>,
}

/// Draws the questions of an attempt from a pool whose questions have `option_counts`
/// options (0 for those whose options keep their order, like ○×): `draw_count` of them (all
/// when 0 or more than the pool), in random order, options shuffled when asked. `seed`
/// makes the draw; it should come from the operating system's generator.
pub fn draw(
    option_counts: &[usize],
    draw_count: u32,
    shuffle_options: bool,
    seed: u64,
) -> Vec<Drawn> {
    let mut random = SplitMix(seed);
    let mut pool: Vec<usize> = (0..option_counts.len()).collect();
    random.shuffle(&mut pool);
    let count = match draw_count as usize {
        0 => pool.len(),
        n => n.min(pool.len()),
    };
    pool.truncate(count);
    pool.into_iter()
        .map(|pool_index| {
            let mut order: Vec<usize> = (0..option_counts[pool_index]).collect();
            if shuffle_options {
                random.shuffle(&mut order);
            }
            Drawn { pool_index, order }
        })
        .collect()
}

/// A small, well-mixed generator (SplitMix64): enough to deal questions, seeded by the OS.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Why a learner cannot start an attempt now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum StartRefusal {
    #[error("the quiz is already passed")]
    AlreadyPassed,
    #[error("no attempts are left")]
    NoAttemptsLeft,
    /// After a failed attempt, until this time.
    #[error("wait until {0}")]
    Wait(DateTime<Utc>),
    #[error("the quiz has no questions")]
    NoQuestions,
}

/// A finished attempt, as far as starting the next one is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finished {
    pub submitted_at: DateTime<Utc>,
    pub passed: bool,
}

/// Whether another attempt may start now.
pub fn may_start(
    settings: &QuizSettings,
    pool_size: usize,
    finished: &[Finished],
    now: DateTime<Utc>,
) -> Result<(), StartRefusal> {
    if pool_size == 0 {
        return Err(StartRefusal::NoQuestions);
    }
    if finished.iter().any(|f| f.passed) {
        return Err(StartRefusal::AlreadyPassed);
    }
    if settings.max_attempts > 0 && finished.len() >= settings.max_attempts as usize {
        return Err(StartRefusal::NoAttemptsLeft);
    }
    let last = finished.iter().map(|f| f.submitted_at).max();
    match last.map(|at| at + Duration::minutes(i64::from(settings.wait_minutes))) {
        Some(until) if until > now => Err(StartRefusal::Wait(until)),
        _ => Ok(()),
    }
}

/// How long after its deadline an answer is still taken: the time a slow network needs.
pub const DEADLINE_GRACE_SECONDS: i64 = 60;

/// Whether answers sent at `submitted_at` beat the attempt's deadline (if it has one).
pub fn on_time(deadline: Option<DateTime<Utc>>, submitted_at: DateTime<Utc>) -> bool {
    deadline.is_none_or(|d| submitted_at <= d + Duration::seconds(DEADLINE_GRACE_SECONDS))
}

/// A question as the learner sees it during an attempt: its text and options in the order
/// shown, and nothing that tells the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedQuestion {
    pub kind: QuestionKind,
    pub text: String,
    pub options: Vec<String>,
}

/// An attempt in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenAttempt {
    pub id: i32,
    pub number: i32,
    pub deadline: Option<DateTime<Utc>>,
    pub questions: Vec<AskedQuestion>,
}

/// A submitted attempt with its marks and explanations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptReview {
    pub id: i32,
    pub number: i32,
    pub submitted_at: DateTime<Utc>,
    pub score: Score,
    pub passed: bool,
    /// False when the answers came after the time limit: the attempt then fails.
    pub on_time: bool,
    pub questions: Vec<ReviewedQuestion>,
}

impl AttemptReview {
    /// The attempt's score and verdict without its questions, while its answers are withheld.
    pub fn without_answers(self) -> Self {
        AttemptReview {
            questions: Vec::new(),
            ..self
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedQuestion {
    pub kind: QuestionKind,
    pub text: String,
    pub options: Vec<ReviewedOption>,
    pub marks: u32,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedOption {
    pub text: String,
    pub chosen: bool,
    /// Whether it carries marks.
    pub right: bool,
    pub feedback: String,
}

/// A learner's quiz page: what they may do now, the attempt in progress, their history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizPage {
    pub module_title: String,
    pub settings: QuizSettings,
    pub pool_size: usize,
    pub may_start: Result<(), StartRefusal>,
    pub open: Option<OpenAttempt>,
    /// Submitted attempts, oldest first; their questions are empty while `answers_shown` is
    /// false (see `ReviewPolicy::shows_answers`).
    pub history: Vec<AttemptReview>,
    pub answers_shown: bool,
}

/// Why a question file, or a question in it, cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PoolProblem {
    #[error(transparent)]
    Question(#[from] QuestionProblem),
    /// In a JSON pool, whose questions are told apart by their place in the array.
    #[error("question {number}: {problem}")]
    NumberedQuestion {
        number: usize,
        problem: QuestionProblem,
    },
    #[error("the file is not UTF-8: save it as UTF-8 and import it again")]
    NotUtf8,
    /// JSON that does not read as questions, with the parser's own (English) words.
    #[error("{detail}")]
    Json { detail: String },
    #[error("the title has no closing ::")]
    TitleNotClosed,
    #[error("no answers: a question needs {{…}}")]
    NoAnswers,
    #[error("the answers have no closing }}")]
    AnswersNotClosed,
    #[error("{kind} questions are not supported")]
    Unsupported { kind: UnsupportedKind },
    #[error("answers must start with = or ~")]
    AnswersUnmarked,
    #[error("a weight has no closing %")]
    WeightNotClosed,
    #[error("weight %{raw}% is not a number")]
    WeightNotANumber { raw: String },
    #[error("option {option} has no text")]
    OptionWithoutText { option: usize },
    #[error("ANSWER {letter:?} is not one of the options")]
    AnswerNotAnOption { letter: String },
    #[error("option {found} comes where {expected} was expected")]
    OptionOutOfOrder { found: char, expected: char },
    #[error("the question must be on one line, followed by options A. B. …")]
    QuestionNotOnOneLine,
    #[error("{text:?} is not an option (A. …) nor ANSWER: X")]
    NotAnOption { text: String },
    #[error("the question has no ANSWER: line")]
    NoAnswerLine,
}

/// The GIFT questions Mamori does not ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnsupportedKind {
    Essay,
    Numerical,
    Matching,
    ShortAnswer,
}

impl std::fmt::Display for UnsupportedKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Essay => "essay",
            Self::Numerical => "numerical",
            Self::Matching => "matching",
            Self::ShortAnswer => "short answer",
        })
    }
}

/// The formats a pool is read from: Moodle GIFT, Aiken and Mamori's JSON (an array of
/// questions). GIFT and JSON are also written; Aiken holds single-choice questions only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PoolFormat {
    Gift,
    Aiken,
    Json,
}

impl PoolFormat {
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "gift" => Some(Self::Gift),
            "aiken" => Some(Self::Aiken),
            "json" => Some(Self::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Gift => "gift",
            Self::Aiken => "txt",
            Self::Json => "json",
        }
    }

    /// Reads a whole pool, or every question that cannot be used, on its line.
    pub fn read(self, text: &str) -> Result<Vec<Question>, Vec<LineError>> {
        match self {
            Self::Gift => gift::parse(text),
            Self::Aiken => aiken::parse(text),
            Self::Json => {
                let questions: Vec<Question> = serde_json::from_str(text).map_err(|e| {
                    vec![LineError::new(
                        e.line(),
                        PoolProblem::Json {
                            detail: e.to_string(),
                        },
                    )]
                })?;
                let errors: Vec<LineError> = questions
                    .iter()
                    .enumerate()
                    .filter_map(|(i, q)| {
                        q.check().err().map(|problem| {
                            LineError::new(
                                i + 1,
                                PoolProblem::NumberedQuestion {
                                    number: i + 1,
                                    problem,
                                },
                            )
                        })
                    })
                    .collect();
                if errors.is_empty() {
                    Ok(questions)
                } else {
                    Err(errors)
                }
            }
        }
    }

    /// Reads a file: UTF-8, with or without a byte-order mark.
    pub fn read_file(self, bytes: &[u8]) -> Result<Vec<Question>, Vec<LineError>> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|error| {
            let line = 1 + bytes[..error.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            vec![LineError::new(line, PoolProblem::NotUtf8)]
        })?;
        self.read(text)
    }

    /// Writes a pool, or `None` for Aiken, which cannot hold every kind of question.
    pub fn write(self, pool: &[Question]) -> Option<String> {
        match self {
            Self::Gift => Some(gift::write(pool)),
            Self::Json => serde_json::to_string_pretty(pool).ok().map(|s| s + "\n"),
            Self::Aiken => None,
        }
    }
}

/// Why a change to quizzes and their question pools is refused (see `crate::refusal`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, thiserror::Error)]
pub enum QuizRefusal {
    #[error("the pass mark is at most 100 %")]
    PassMarkOver100,
    #[error("question {number}: {problem}")]
    Question {
        number: usize,
        problem: QuestionProblem,
    },
    /// Every question of an import that cannot be used, each on its line.
    #[error("{}", lines(errors))]
    Pool { errors: Vec<LineError> },
    #[error("format {format:?} is not known")]
    FormatUnknown { format: String },
    #[error("no attempt can start: {0}")]
    CannotStart(StartRefusal),
    #[error("the attempt was just submitted")]
    JustSubmitted,
    #[error("this attempt has no time to extend")]
    NoTimeToExtend,
    #[error("answer {answer:?} is not QUESTION:OPTION")]
    AnswerMalformed { answer: String },
}

/// `LINE: reason`, one per line.
fn lines(errors: &[LineError]) -> String {
    errors
        .iter()
        .map(LineError::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each error's line and problem, for the parsers' tests.
#[cfg(test)]
fn pool_problems(errors: &[LineError]) -> Vec<(usize, PoolProblem)> {
    errors
        .iter()
        .map(|error| match &error.reason {
            crate::csv::LineReason::Questions(problem) => (error.line, problem.clone()),
            other => panic!("not a question file's problem: {other:?}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_files_read_back_in_every_written_format_and_refuse_other_encodings() {
        let pool = gift::parse("::Q::日本語の問題 {=正 ~誤}\n\n○か× {T}").unwrap();
        for format in [PoolFormat::Gift, PoolFormat::Json] {
            let text = format.write(&pool).unwrap();
            let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
            assert_eq!(format.read_file(&with_bom).unwrap(), pool, "{format:?}");
        }
        assert_eq!(PoolFormat::Aiken.write(&pool), None);
        // 「問」 in Shift_JIS on line 2.
        let errors = PoolFormat::Gift
            .read_file(b"// x\n\x96\xe2 {T}")
            .unwrap_err();
        assert_eq!(pool_problems(&errors), [(2, PoolProblem::NotUtf8)]);
        let errors = PoolFormat::Json
            .read(r#"[{"type": "single", "title": "", "text": "x", "options": [], "explanation": ""}]"#)
            .unwrap_err();
        assert_eq!(
            pool_problems(&errors),
            [(
                1,
                PoolProblem::NumberedQuestion {
                    number: 1,
                    problem: QuestionProblem::TooFewOptions
                }
            )]
        );
        assert_eq!(
            errors[0].to_string(),
            "1: question 1: a question needs at least two options"
        );
    }

    fn options(weights: &[i32]) -> Vec<QuestionOption> {
        weights
            .iter()
            .enumerate()
            .map(|(i, w)| QuestionOption {
                text: format!("option {i}"),
                weight: *w,
                feedback: String::new(),
            })
            .collect()
    }

    fn question(kind: QuestionKind, weights: &[i32]) -> Question {
        Question {
            kind,
            title: String::new(),
            text: "問".into(),
            options: options(weights),
            answer: None,
            explanation: String::new(),
        }
    }

    #[test]
    fn single_choice_earns_the_chosen_weight() {
        let q = question(QuestionKind::Single, &[100, 0, 50]);
        assert_eq!(score(&q, &[0], MultipleScoring::Partial), 100);
        assert_eq!(score(&q, &[1], MultipleScoring::Partial), 0);
        assert_eq!(score(&q, &[2], MultipleScoring::Partial), 50);
        assert_eq!(score(&q, &[0, 1], MultipleScoring::Partial), 0, "one only");
        assert_eq!(score(&q, &[], MultipleScoring::Partial), 0);
        assert_eq!(score(&q, &[9], MultipleScoring::Partial), 0);
    }

    #[test]
    fn multiple_choice_is_all_or_nothing_or_partial() {
        let q = question(QuestionKind::Multiple, &[50, 50, -100, 0]);
        assert!(q.check().is_ok());
        assert_eq!(score(&q, &[0, 1], MultipleScoring::AllOrNothing), 100);
        assert_eq!(score(&q, &[1, 0, 0], MultipleScoring::AllOrNothing), 100);
        assert_eq!(score(&q, &[0], MultipleScoring::AllOrNothing), 0);
        assert_eq!(score(&q, &[0, 1, 3], MultipleScoring::AllOrNothing), 0);
        assert_eq!(score(&q, &[0], MultipleScoring::Partial), 50);
        assert_eq!(score(&q, &[0, 1, 3], MultipleScoring::Partial), 100);
        assert_eq!(
            score(&q, &[0, 2], MultipleScoring::Partial),
            0,
            "never below 0"
        );
    }

    #[test]
    fn true_false_has_its_answer() {
        let q = Question::true_false("USB は持ち出せる".into(), false, "".into(), "".into());
        assert!(q.check().is_ok());
        assert_eq!(score(&q, &[1], MultipleScoring::Partial), 100);
        assert_eq!(score(&q, &[0], MultipleScoring::Partial), 0);
    }

    #[test]
    fn questions_that_cannot_be_answered_fully_are_refused() {
        let problem = |kind, weights: &[i32]| question(kind, weights).check().unwrap_err();
        assert_eq!(
            problem(QuestionKind::Single, &[0, 0]),
            QuestionProblem::NoRightOption
        );
        assert_eq!(
            problem(QuestionKind::Single, &[100]),
            QuestionProblem::TooFewOptions
        );
        assert_eq!(
            problem(QuestionKind::Multiple, &[50, 0]),
            QuestionProblem::WeightsNot100 { total: 50 }
        );
        assert!(
            question(QuestionKind::Multiple, &[33, 33, 33])
                .check()
                .is_ok(),
            "thirds round"
        );
        assert_eq!(
            problem(QuestionKind::Single, &[100, 150]),
            QuestionProblem::WeightOutOfRange
        );
    }

    #[test]
    fn draws_take_n_of_m_and_shuffle_only_what_may_be() {
        let counts = [4, 3, 0, 5, 2];
        let drawn = draw(&counts, 3, true, 42);
        assert_eq!(drawn.len(), 3);
        let mut picked: Vec<usize> = drawn.iter().map(|d| d.pool_index).collect();
        picked.sort_unstable();
        picked.dedup();
        assert_eq!(picked.len(), 3, "no question twice");
        for d in &drawn {
            let mut order = d.order.clone();
            order.sort_unstable();
            assert_eq!(order, (0..counts[d.pool_index]).collect::<Vec<_>>());
        }
        assert_eq!(draw(&counts, 0, false, 7).len(), 5, "0 asks them all");
        assert_eq!(draw(&counts, 9, false, 7).len(), 5);
        let kept = draw(&counts, 0, false, 7);
        assert!(
            kept.iter()
                .all(|d| d.order == (0..counts[d.pool_index]).collect::<Vec<_>>())
        );
        // Different seeds deal differently (not always the same paper).
        let papers: std::collections::HashSet<Vec<usize>> = (0..20)
            .map(|seed| {
                draw(&counts, 0, false, seed)
                    .iter()
                    .map(|d| d.pool_index)
                    .collect()
            })
            .collect();
        assert!(papers.len() > 5);
    }

    #[test]
    fn starting_again_depends_on_passes_attempts_and_the_wait() {
        use chrono::TimeZone;
        let t =
            |m: i64| Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap() + Duration::minutes(m);
        let settings = QuizSettings {
            max_attempts: 2,
            wait_minutes: 30,
            ..QuizSettings::default()
        };
        let failed = |m| Finished {
            submitted_at: t(m),
            passed: false,
        };
        assert_eq!(may_start(&settings, 5, &[], t(0)), Ok(()));
        assert_eq!(
            may_start(&settings, 0, &[], t(0)),
            Err(StartRefusal::NoQuestions)
        );
        assert_eq!(
            may_start(&settings, 5, &[failed(0)], t(10)),
            Err(StartRefusal::Wait(t(30)))
        );
        assert_eq!(may_start(&settings, 5, &[failed(0)], t(30)), Ok(()));
        assert_eq!(
            may_start(&settings, 5, &[failed(0), failed(40)], t(500)),
            Err(StartRefusal::NoAttemptsLeft)
        );
        let passed = Finished {
            submitted_at: t(0),
            passed: true,
        };
        assert_eq!(
            may_start(&settings, 5, &[passed], t(500)),
            Err(StartRefusal::AlreadyPassed)
        );
        let unlimited = QuizSettings {
            max_attempts: 0,
            ..QuizSettings::default()
        };
        let many: Vec<Finished> = (0..50).map(failed).collect();
        assert_eq!(may_start(&unlimited, 5, &many, t(60)), Ok(()));
        assert_eq!(
            may_start(&QuizSettings::default(), 5, &many[..3], t(60)),
            Err(StartRefusal::NoAttemptsLeft),
            "three attempts unless the trainer says otherwise"
        );
    }

    #[test]
    fn answers_are_shown_as_the_review_policy_says_and_never_during_an_attempt() {
        use ReviewPolicy::*;
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
        let failed = Finished {
            submitted_at: at,
            passed: false,
        };
        let passed = Finished {
            submitted_at: at,
            passed: true,
        };
        assert_eq!(ReviewPolicy::default(), WhenFinished);
        // After each attempt, but not while the next one is open.
        assert!(AfterEachAttempt.shows_answers(3, &[failed], false));
        assert!(!AfterEachAttempt.shows_answers(3, &[failed], true));
        // Once passed or out of attempts.
        assert!(!WhenFinished.shows_answers(3, &[failed], false));
        assert!(!WhenFinished.shows_answers(3, &[failed, failed], false));
        assert!(WhenFinished.shows_answers(3, &[failed, failed, failed], false));
        assert!(WhenFinished.shows_answers(3, &[failed, passed], false));
        assert!(!WhenFinished.shows_answers(0, &[failed; 10], false));
        assert!(!Never.shows_answers(3, &[passed], false));
        for policy in ReviewPolicy::ALL {
            assert_eq!(ReviewPolicy::from_code(policy.code()), Some(policy));
        }
    }

    #[test]
    fn answers_count_until_the_deadline_and_a_minute_of_grace() {
        use chrono::TimeZone;
        let deadline = Utc.with_ymd_and_hms(2026, 11, 26, 9, 10, 0).unwrap();
        assert!(on_time(None, deadline + Duration::days(1)));
        assert!(on_time(Some(deadline), deadline + Duration::seconds(60)));
        assert!(!on_time(Some(deadline), deadline + Duration::seconds(61)));
    }

    #[test]
    fn attempts_pass_at_the_mark() {
        let shown = |marks: &[u32], mark| {
            let (score, passed) = attempt_result(marks, mark);
            (score.to_string(), passed)
        };
        assert_eq!(shown(&[100, 100, 50], 80), ("83.3".into(), true));
        assert_eq!(shown(&[100, 100, 0], 60), ("66.7".into(), true));
        assert_eq!(shown(&[100, 50], 80), ("75.0".into(), false));
        assert_eq!(shown(&[], 0), ("0.0".into(), false));
        // Shown rounded half up, passed exactly: 79.98 % shows as 80.0 and fails a mark of 80.
        let close: Vec<u32> = std::iter::repeat_n(100, 4998).chain([0]).collect();
        assert_eq!(shown(&close, 80).0, "100.0");
        let under: Vec<u32> = std::iter::repeat_n(100, 3998).chain([0; 1001]).collect();
        assert_eq!(shown(&under, 80), ("80.0".into(), false));
    }

    #[test]
    fn the_json_form_is_the_documented_one() {
        let q = Question::true_false("問".into(), true, "正解".into(), "".into());
        let json = serde_json::to_value(&q).unwrap();
        assert_eq!(json["type"], "true_false");
        assert_eq!(json["answer"], true);
        assert_eq!(json["options"][0]["weight"], 100);
        let single = serde_json::to_value(question(QuestionKind::Single, &[100, 0])).unwrap();
        assert!(single.get("answer").is_none());
        let back: Question = serde_json::from_value(single).unwrap();
        assert_eq!(back.kind, QuestionKind::Single);
    }
}
