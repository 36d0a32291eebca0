//! A module's quiz: its settings and question pool (replaced whole by an import), and each
//! learner's attempts — drawn, answered, graded here and never in the browser, submitted once.

use super::{module_by_slug, progress::complete_if_done};
use crate::{
    Store, StoreError,
    accounts::random_secret,
    entities::{enrollment, question, quiz, quiz_attempt, staff},
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use mamori_domain::{
    EmployeeId,
    quiz::{
        AskedQuestion, AttemptReview, Finished, MultipleScoring, OpenAttempt, Question,
        QuestionKind, QuizPage, QuizRefusal, QuizSettings, ReviewPolicy, ReviewedOption,
        ReviewedQuestion, Score, attempt_result, draw, may_start, on_time,
        results::{AttemptRow, QuestionResult, QuizResults},
        score,
    },
    training::Slug,
};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
    sea_query::{Expr, OnConflict},
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// A question as drawn for an attempt: the pool question as it was then, and its options'
/// order on the page.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PaperEntry {
    question_id: i32,
    question: Question,
    order: Vec<usize>,
}

impl Store {
    pub async fn quiz_settings(&self, slug: &Slug) -> Result<QuizSettings, StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        settings_of(self.db(), module.id).await
    }

    pub async fn save_quiz_settings(
        &self,
        slug: &Slug,
        settings: QuizSettings,
    ) -> Result<(), StoreError> {
        if settings.pass_mark > 100 {
            return Err(QuizRefusal::PassMarkOver100.into());
        }
        let module = module_by_slug(self.db(), slug).await?;
        let int = |n: u32| Set(i32::try_from(n).unwrap_or(i32::MAX));
        let row = quiz::ActiveModel {
            module_id: Set(module.id),
            draw_count: int(settings.draw_count),
            shuffle_options: Set(settings.shuffle_options),
            pass_mark: int(settings.pass_mark),
            max_attempts: int(settings.max_attempts),
            wait_minutes: int(settings.wait_minutes),
            time_limit_minutes: int(settings.time_limit_minutes),
            multiple_scoring: Set(scoring_code(settings.multiple_scoring).into()),
            review: Set(settings.review.code().into()),
            ..Default::default()
        };
        quiz::Entity::insert(row)
            .on_conflict(
                OnConflict::column(quiz::Column::ModuleId)
                    .update_columns([
                        quiz::Column::DrawCount,
                        quiz::Column::ShuffleOptions,
                        quiz::Column::PassMark,
                        quiz::Column::MaxAttempts,
                        quiz::Column::WaitMinutes,
                        quiz::Column::TimeLimitMinutes,
                        quiz::Column::MultipleScoring,
                        quiz::Column::Review,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(self.db())
            .await?;
        Ok(())
    }

    /// The module's question pool, in order.
    pub async fn question_pool(&self, slug: &Slug) -> Result<Vec<Question>, StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        Ok(pool_of(self.db(), module.id)
            .await?
            .into_iter()
            .map(|(_, q)| q)
            .collect())
    }

    /// Replaces the module's pool with `questions`, all or nothing. Attempts keep the
    /// questions they drew.
    pub async fn replace_question_pool(
        &self,
        slug: &Slug,
        questions: &[Question],
    ) -> Result<(), StoreError> {
        for (n, q) in questions.iter().enumerate() {
            q.check().map_err(|problem| QuizRefusal::Question {
                number: n + 1,
                problem,
            })?;
        }
        let txn = self.db().begin().await?;
        let module = module_by_slug(&txn, slug).await?;
        question::Entity::delete_many()
            .filter(question::Column::ModuleId.eq(module.id))
            .exec(&txn)
            .await?;
        for (n, q) in questions.iter().enumerate() {
            question::ActiveModel {
                module_id: Set(module.id),
                position: Set(n as i32 + 1),
                content: Set(to_json(q)?),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// A learner's quiz page for an assigned module; opening it starts the module.
    pub async fn quiz_page(
        &self,
        staff_id: i32,
        slug: &Slug,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<QuizPage, StoreError> {
        let assigned = self.assigned_module(staff_id, slug, today).await?;
        let enrollment = self.start_enrollment(staff_id, &assigned, now).await?;
        let settings = settings_of(self.db(), assigned.module.id).await?;
        let pool_size = pool_of(self.db(), assigned.module.id).await?.len();
        let attempts = attempts_of(self.db(), enrollment.id).await?;
        let finished = finished(&attempts);
        let open = attempts
            .iter()
            .find(|a| a.submitted_at.is_none())
            .map(open_attempt)
            .transpose()?;
        let answers_shown = answers_shown(&settings, &attempts);
        let history = attempts
            .iter()
            .filter(|a| a.submitted_at.is_some())
            .map(|a| reviewed(a, &settings, answers_shown))
            .collect::<Result<_, _>>()?;
        Ok(QuizPage {
            module_title: assigned.module.title,
            may_start: may_start(&settings, pool_size, &finished, now),
            settings,
            pool_size,
            open,
            history,
            answers_shown,
        })
    }

    /// Starts an attempt, or returns the one in progress (a reload or a second click starts
    /// nothing new).
    pub async fn start_quiz_attempt(
        &self,
        staff_id: i32,
        slug: &Slug,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<OpenAttempt, StoreError> {
        let assigned = self.assigned_module(staff_id, slug, today).await?;
        let enrollment = self.start_enrollment(staff_id, &assigned, now).await?;
        let attempts = attempts_of(self.db(), enrollment.id).await?;
        if let Some(open) = attempts.iter().find(|a| a.submitted_at.is_none()) {
            return open_attempt(open);
        }
        let settings = settings_of(self.db(), assigned.module.id).await?;
        let pool = pool_of(self.db(), assigned.module.id).await?;
        may_start(&settings, pool.len(), &finished(&attempts), now)
            .map_err(QuizRefusal::CannotStart)?;
        let option_counts: Vec<usize> = pool
            .iter()
            .map(|(_, q)| match q.kind {
                QuestionKind::TrueFalse => 0,
                _ => q.options.len(),
            })
            .collect();
        let seed = u64::from_str_radix(&random_secret()[..16], 16).unwrap_or_default();
        let paper: Vec<PaperEntry> = draw(
            &option_counts,
            settings.draw_count,
            settings.shuffle_options,
            seed,
        )
        .into_iter()
        .map(|drawn| {
            let (question_id, question) = pool[drawn.pool_index].clone();
            let order = if drawn.order.is_empty() {
                (0..question.options.len()).collect()
            } else {
                drawn.order
            };
            PaperEntry {
                question_id,
                question,
                order,
            }
        })
        .collect();
        let limit = settings.time_limit_minutes;
        let row = quiz_attempt::ActiveModel {
            enrollment_id: Set(enrollment.id),
            number: Set(attempts.len() as i32 + 1),
            started_at: Set(now),
            deadline_at: Set((limit > 0).then(|| now + Duration::minutes(i64::from(limit)))),
            extensions: Set(0),
            paper: Set(to_json(&paper)?),
            submitted_at: Set(None),
            answers: Set(None),
            score: Set(None),
            passed: Set(None),
            ..Default::default()
        };
        // Two starts at once: the attempt number is unique, so one of them wins and both
        // return it.
        quiz_attempt::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([
                    quiz_attempt::Column::EnrollmentId,
                    quiz_attempt::Column::Number,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(self.db())
            .await?;
        let attempts = attempts_of(self.db(), enrollment.id).await?;
        match attempts.iter().find(|a| a.submitted_at.is_none()) {
            Some(open) => open_attempt(open),
            None => Err(QuizRefusal::JustSubmitted.into()),
        }
    }

    /// Gives an attempt with a time limit as much time again (as often as the learner needs).
    pub async fn extend_quiz_attempt(
        &self,
        staff_id: i32,
        attempt_id: i32,
        now: DateTime<Utc>,
    ) -> Result<OpenAttempt, StoreError> {
        let (attempt, enrollment) = attempt_of(self.db(), staff_id, attempt_id).await?;
        let (Some(deadline), None) = (attempt.deadline_at, attempt.submitted_at) else {
            return Err(QuizRefusal::NoTimeToExtend.into());
        };
        let module_id = module_of(self.db(), &enrollment).await?;
        let limit = settings_of(self.db(), module_id).await?.time_limit_minutes;
        let extended = deadline.max(now) + Duration::minutes(i64::from(limit.max(1)));
        let extensions = attempt.extensions + 1;
        let mut row: quiz_attempt::ActiveModel = attempt.into();
        row.deadline_at = Set(Some(extended));
        row.extensions = Set(extensions);
        open_attempt(&row.update(self.db()).await?)
    }

    /// Grades an attempt's answers (per question, the options chosen in the order they were
    /// shown). Submitting again — a double click, a reload, a retried request — returns the
    /// first result and records nothing more. Passing completes the module once its
    /// materials are viewed.
    pub async fn submit_quiz_attempt(
        &self,
        staff_id: i32,
        attempt_id: i32,
        shown_answers: &[Vec<usize>],
        now: DateTime<Utc>,
    ) -> Result<AttemptReview, StoreError> {
        let (attempt, enrollment) = attempt_of(self.db(), staff_id, attempt_id).await?;
        let module_id = module_of(self.db(), &enrollment).await?;
        let settings = settings_of(self.db(), module_id).await?;
        if attempt.submitted_at.is_some() {
            return self.result_of(&attempt, &settings).await;
        }
        let paper: Vec<PaperEntry> = from_json(&attempt.paper)?;
        // Back from the order shown to the pool's option numbers.
        let answers: Vec<Vec<usize>> = paper
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                shown_answers
                    .get(i)
                    .into_iter()
                    .flatten()
                    .filter_map(|shown| entry.order.get(*shown).copied())
                    .collect()
            })
            .collect();
        let marks: Vec<u32> = paper
            .iter()
            .zip(&answers)
            .map(|(entry, chosen)| score(&entry.question, chosen, settings.multiple_scoring))
            .collect();
        let (score, passed) = attempt_result(&marks, settings.pass_mark);
        let passed = passed && on_time(attempt.deadline_at, now);
        let txn = self.db().begin().await?;
        // Only the first submission is recorded, whoever sends it.
        let recorded = quiz_attempt::Entity::update_many()
            .col_expr(quiz_attempt::Column::SubmittedAt, Expr::value(now))
            .col_expr(
                quiz_attempt::Column::Answers,
                Expr::value(to_json(&answers)?),
            )
            .col_expr(
                quiz_attempt::Column::Score,
                Expr::value(score.tenths_of_percent() as i32),
            )
            .col_expr(quiz_attempt::Column::Passed, Expr::value(passed))
            .filter(quiz_attempt::Column::Id.eq(attempt.id))
            .filter(quiz_attempt::Column::SubmittedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if recorded && passed {
            let enrollment = enrollment::Entity::find_by_id(enrollment.id)
                .one(&txn)
                .await?
                .ok_or_else(|| StoreError::NotFound(format!("enrollment {}", enrollment.id)))?;
            complete_if_done(&txn, enrollment, module_id, now).await?;
        }
        txn.commit().await?;
        self.result_of(&attempt, &settings).await
    }

    /// A submitted attempt's result for its learner, as stored (whoever's submission was
    /// recorded), with its answers only as the quiz's review policy allows at this point (the
    /// answer to a hand-made request too).
    async fn result_of(
        &self,
        attempt: &quiz_attempt::Model,
        settings: &QuizSettings,
    ) -> Result<AttemptReview, StoreError> {
        let attempts = attempts_of(self.db(), attempt.enrollment_id).await?;
        let stored = attempts
            .iter()
            .find(|a| a.id == attempt.id)
            .ok_or_else(|| StoreError::NotFound(format!("attempt {}", attempt.id)))?;
        reviewed(stored, settings, answers_shown(settings, &attempts))
    }

    /// How the module's quiz went: each pool question's correct rate and every submitted
    /// attempt. With `divisions`, only among the staff of those divisions on `today` (a
    /// manager's view); without, among everyone.
    pub async fn quiz_results(
        &self,
        slug: &Slug,
        divisions: Option<&[i32]>,
        today: NaiveDate,
    ) -> Result<QuizResults, StoreError> {
        let module = module_by_slug(self.db(), slug).await?;
        let settings = settings_of(self.db(), module.id).await?;
        let visible: Option<HashSet<EmployeeId>> = match divisions {
            Some(ids) => Some(
                self.division_staff(ids, today)
                    .await?
                    .into_iter()
                    .map(|p| p.employee_id)
                    .collect(),
            ),
            None => None,
        };
        let mut attempts: Vec<(quiz_attempt::Model, EmployeeId, staff::Model)> = Vec::new();
        for (attempt, person) in submitted_attempts(self.db(), module.id).await? {
            let employee_id = staff::employee_id_of(&person.employee_id)?;
            if visible.as_ref().is_none_or(|v| v.contains(&employee_id)) {
                attempts.push((attempt, employee_id, person));
            }
        }
        let mut people: Vec<staff::Model> = attempts.iter().map(|(_, _, p)| p.clone()).collect();
        people.sort_by_key(|p| p.id);
        people.dedup_by_key(|p| p.id);
        let divisions: HashMap<EmployeeId, String> = self
            .summaries(people, today)
            .await?
            .into_iter()
            .map(|p| (p.employee_id, p.division))
            .collect();

        let pool = pool_of(self.db(), module.id).await?;
        let mut questions: Vec<QuestionResult> = pool
            .iter()
            .map(|(_, q)| QuestionResult {
                text: q.text.clone(),
                answered: 0,
                fully_right: 0,
            })
            .collect();
        let mut rows = Vec::new();
        for (attempt, employee_id, person) in attempts {
            let paper: Vec<PaperEntry> = from_json(&attempt.paper)?;
            let answers: Vec<Vec<usize>> = from_json(attempt.answers.as_deref().unwrap_or("[]"))?;
            for (entry, chosen) in paper.iter().zip(&answers) {
                // Questions since removed from the pool no longer have a row.
                if let Some(at) = pool.iter().position(|(id, _)| *id == entry.question_id) {
                    questions[at].answered += 1;
                    if score(&entry.question, chosen, settings.multiple_scoring) == 100 {
                        questions[at].fully_right += 1;
                    }
                }
            }
            rows.push(AttemptRow {
                division: divisions.get(&employee_id).cloned().unwrap_or_default(),
                employee_id,
                name: person.name,
                number: attempt.number,
                submitted_at: attempt.submitted_at.unwrap_or(attempt.started_at),
                score: stored_score(attempt.score),
                passed: attempt.passed.unwrap_or(false),
            });
        }
        rows.sort_by(|a, b| (&a.employee_id, a.number).cmp(&(&b.employee_id, b.number)));
        Ok(QuizResults {
            module_title: module.title,
            pass_mark: settings.pass_mark,
            questions,
            attempts: rows,
        })
    }
}

fn scoring_code(scoring: MultipleScoring) -> &'static str {
    match scoring {
        MultipleScoring::AllOrNothing => "all_or_nothing",
        MultipleScoring::Partial => "partial",
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(format!("quiz data: {e}")))
}

fn from_json<T: for<'a> Deserialize<'a>>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|e| StoreError::Corrupt(format!("quiz data: {e}")))
}

async fn settings_of(
    db: &impl ConnectionTrait,
    module_id: i32,
) -> Result<QuizSettings, StoreError> {
    let row = quiz::Entity::find()
        .filter(quiz::Column::ModuleId.eq(module_id))
        .one(db)
        .await?;
    let count = |n: i32| u32::try_from(n).unwrap_or(0);
    Ok(row.map_or_else(QuizSettings::default, |row| QuizSettings {
        draw_count: count(row.draw_count),
        shuffle_options: row.shuffle_options,
        pass_mark: count(row.pass_mark),
        max_attempts: count(row.max_attempts),
        wait_minutes: count(row.wait_minutes),
        time_limit_minutes: count(row.time_limit_minutes),
        multiple_scoring: if row.multiple_scoring == "partial" {
            MultipleScoring::Partial
        } else {
            MultipleScoring::AllOrNothing
        },
        review: ReviewPolicy::from_code(&row.review).unwrap_or_default(),
    }))
}

async fn pool_of(
    db: &impl ConnectionTrait,
    module_id: i32,
) -> Result<Vec<(i32, Question)>, StoreError> {
    question::Entity::find()
        .filter(question::Column::ModuleId.eq(module_id))
        .order_by_asc(question::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|row| Ok((row.id, from_json(&row.content)?)))
        .collect()
}

async fn attempts_of(
    db: &impl ConnectionTrait,
    enrollment_id: i32,
) -> Result<Vec<quiz_attempt::Model>, StoreError> {
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrollmentId.eq(enrollment_id))
        .order_by_asc(quiz_attempt::Column::Number)
        .all(db)
        .await?)
}

/// An attempt of `staff_id`'s, with its enrollment; anyone else's is `NotFound`.
async fn attempt_of(
    db: &impl ConnectionTrait,
    staff_id: i32,
    attempt_id: i32,
) -> Result<(quiz_attempt::Model, enrollment::Model), StoreError> {
    let missing = || StoreError::NotFound(format!("attempt {attempt_id}"));
    let attempt = quiz_attempt::Entity::find_by_id(attempt_id)
        .one(db)
        .await?
        .ok_or_else(missing)?;
    let enrollment = enrollment::Entity::find_by_id(attempt.enrollment_id)
        .one(db)
        .await?
        .filter(|e| e.staff_id == staff_id)
        .ok_or_else(missing)?;
    Ok((attempt, enrollment))
}

async fn module_of(
    db: &impl ConnectionTrait,
    enrollment: &enrollment::Model,
) -> Result<i32, StoreError> {
    use crate::entities::assignment;
    Ok(assignment::Entity::find_by_id(enrollment.assignment_id)
        .one(db)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("assignment {}", enrollment.assignment_id)))?
        .module_id)
}

async fn submitted_attempts(
    db: &impl ConnectionTrait,
    module_id: i32,
) -> Result<Vec<(quiz_attempt::Model, staff::Model)>, StoreError> {
    let assignments = super::assignment_ids_of(db, module_id).await?;
    let enrollments: Vec<enrollment::Model> = enrollment::Entity::find()
        .filter(enrollment::Column::AssignmentId.is_in(assignments))
        .all(db)
        .await?;
    let people: HashMap<i32, staff::Model> = staff::Entity::find()
        .filter(staff::Column::Id.is_in(enrollments.iter().map(|e| e.staff_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let owner: HashMap<i32, i32> = enrollments.iter().map(|e| (e.id, e.staff_id)).collect();
    Ok(quiz_attempt::Entity::find()
        .filter(quiz_attempt::Column::EnrollmentId.is_in(owner.keys().copied()))
        .filter(quiz_attempt::Column::SubmittedAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| {
            let person = people.get(owner.get(&a.enrollment_id)?)?.clone();
            Some((a, person))
        })
        .collect())
}

/// Whether a learner's submitted attempts may show their answers now (see
/// `ReviewPolicy::shows_answers`), given all their attempts.
fn answers_shown(settings: &QuizSettings, attempts: &[quiz_attempt::Model]) -> bool {
    let open = attempts.iter().any(|a| a.submitted_at.is_none());
    settings
        .review
        .shows_answers(settings.max_attempts, &finished(attempts), open)
}

fn finished(attempts: &[quiz_attempt::Model]) -> Vec<Finished> {
    attempts
        .iter()
        .filter_map(|a| {
            Some(Finished {
                submitted_at: a.submitted_at?,
                passed: a.passed.unwrap_or(false),
            })
        })
        .collect()
}

/// The attempt as the learner's page gets it: questions and options in the order drawn,
/// without weights, feedback, answers or explanations.
fn open_attempt(attempt: &quiz_attempt::Model) -> Result<OpenAttempt, StoreError> {
    let paper: Vec<PaperEntry> = from_json(&attempt.paper)?;
    Ok(OpenAttempt {
        id: attempt.id,
        number: attempt.number,
        deadline: attempt.deadline_at,
        questions: paper
            .into_iter()
            .map(|entry| AskedQuestion {
                kind: entry.question.kind,
                text: entry.question.text,
                options: entry
                    .order
                    .iter()
                    .filter_map(|i| entry.question.options.get(*i))
                    .map(|o| o.text.clone())
                    .collect(),
            })
            .collect(),
    })
}

/// A score as the `score` column keeps it, in tenths of a percent.
pub(crate) fn stored_score(column: Option<i32>) -> Score {
    Score::from_tenths_of_percent(column.unwrap_or(0).max(0) as u32)
}

/// A submitted attempt as its learner may see it now.
fn reviewed(
    attempt: &quiz_attempt::Model,
    settings: &QuizSettings,
    answers_shown: bool,
) -> Result<AttemptReview, StoreError> {
    let review = review(attempt, settings.multiple_scoring)?;
    Ok(if answers_shown {
        review
    } else {
        review.without_answers()
    })
}

fn review(
    attempt: &quiz_attempt::Model,
    scoring: MultipleScoring,
) -> Result<AttemptReview, StoreError> {
    let paper: Vec<PaperEntry> = from_json(&attempt.paper)?;
    let answers: Vec<Vec<usize>> = from_json(attempt.answers.as_deref().unwrap_or("[]"))?;
    let submitted_at = attempt.submitted_at.unwrap_or(attempt.started_at);
    Ok(AttemptReview {
        id: attempt.id,
        number: attempt.number,
        submitted_at,
        score: stored_score(attempt.score),
        passed: attempt.passed.unwrap_or(false),
        on_time: on_time(attempt.deadline_at, submitted_at),
        questions: paper
            .into_iter()
            .zip(answers.into_iter().chain(std::iter::repeat(Vec::new())))
            .map(|(entry, chosen)| ReviewedQuestion {
                kind: entry.question.kind,
                marks: score(&entry.question, &chosen, scoring),
                options: entry
                    .order
                    .iter()
                    .filter_map(|i| entry.question.options.get(*i).map(|o| (i, o)))
                    .map(|(i, o)| ReviewedOption {
                        text: o.text.clone(),
                        chosen: chosen.contains(i),
                        right: o.weight > 0,
                        feedback: o.feedback.clone(),
                    })
                    .collect(),
                text: entry.question.text,
                explanation: entry.question.explanation,
            })
            .collect(),
    })
}
