//! A module's quiz for its learner: start an attempt, answer, submit (plain forms, so it works
//! without JavaScript), then the score, pass or fail; the attempts so far below, with their
//! answers and explanations when the quiz's review policy shows them.

use crate::{
    api::quiz::{ExtendQuizAttempt, StartQuizAttempt, SubmitQuizAttempt, my_quiz},
    components::guard::RequirePermission,
    i18n::{quiz::start_refusal, use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_params_map};
use mamori_domain::{
    Permission,
    quiz::{AttemptReview, OpenAttempt, QuestionKind, QuizPage},
};

#[derive(Clone, Copy)]
struct QuizActions {
    start: ServerAction<StartQuizAttempt>,
    submit: ServerAction<SubmitQuizAttempt>,
    extend: ServerAction<ExtendQuizAttempt>,
}

#[component]
pub fn QuizPageView() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let actions = QuizActions {
        start: ServerAction::new(),
        submit: ServerAction::new(),
        extend: ServerAction::new(),
    };
    let page = Resource::new(
        move || {
            (
                slug(),
                actions.start.version().get()
                    + actions.submit.version().get()
                    + actions.extend.version().get(),
            )
        },
        |(slug, _)| my_quiz(slug),
    );
    view! {
        <RequirePermission permission=Permission::TakeTraining page=move |_| {
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || page.get().map(|result| match result {
                        Ok(page) => view! { <Quiz page slug=slug() actions /> }.into_any(),
                        Err(error) => view! {
                            <Title text=t.not_found />
                            <h1>{t.error(&error)}</h1>
                        }.into_any(),
                    })}
                </Suspense>
                <p><A href=move || format!("/modules/{}", slug())>{t.quiz.back_to_module}</A></p>
            }
        } />
    }
}

#[component]
fn Quiz(page: QuizPage, slug: String, actions: QuizActions) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let title = (t.quiz.title)(&page.module_title);
    let settings = page.settings;
    let rules = (t.quiz.rules)(
        settings.pass_mark,
        if settings.draw_count == 0 || settings.draw_count as usize > page.pool_size {
            page.pool_size
        } else {
            settings.draw_count as usize
        },
        settings.max_attempts,
        settings.time_limit_minutes,
    );
    let error = move || {
        [
            actions.start.value().get().and_then(Result::err),
            actions.submit.value().get().and_then(Result::err),
            actions.extend.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|error| view! { <p class="error" role="alert">{t.error(&error)}</p> })
    };
    let attempt_open = page.open.is_some();
    // The latest attempt's result, plainly, unless another attempt is under way.
    let result = page.history.last().filter(|_| !attempt_open).map(|latest| {
        let used = page.history.len() as u32;
        let left = (!latest.passed && settings.max_attempts > used)
            .then(|| (t.quiz.attempts_left)(settings.max_attempts - used));
        let (class, verdict) = if latest.passed {
            ("notice result result-passed", t.quiz.result_passed)
        } else {
            ("notice result result-failed", t.quiz.result_failed)
        };
        view! {
            <div class=class role="status">
                <p><strong>{verdict}</strong>" "{(t.quiz.result_score)(&latest.score.to_string(), settings.pass_mark)}</p>
                {left.map(|left| view! { <p>{left}</p> })}
            </div>
        }
    });
    let body = match (page.open, page.may_start) {
        (Some(open), _) => view! { <Attempt open actions /> }.into_any(),
        (None, Ok(())) => view! {
            <ActionForm action=actions.start>
                <input type="hidden" name="slug" value=slug />
                <button type="submit">{t.quiz.start}</button>
            </ActionForm>
        }
        .into_any(),
        (None, Err(refusal)) => {
            view! { <p class="notice" role="status">{start_refusal(locale, refusal)}</p> }
                .into_any()
        }
    };
    let withheld = (!page.answers_shown && !page.history.is_empty()).then(|| {
        view! { <p class="hint">{(t.quiz.answers_withheld)(settings.review, attempt_open)}</p> }
    });
    let history = page
        .history
        .into_iter()
        .rev()
        .enumerate()
        .map(|(i, review)| view! { <Review review latest=i == 0 /> })
        .collect_view()
        .into_any();
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        <p>{rules}</p>
        {error}
        {result}
        {body}
        <section aria-labelledby="attempts-heading">
            <h2 id="attempts-heading">{t.quiz.history}</h2>
            {withheld}
            {history}
        </section>
    }
}

#[component]
fn Attempt(open: OpenAttempt, actions: QuizActions) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let deadline = open.deadline.map(|at| {
        view! {
            <div class="notice" role="status">
                <p>{(t.quiz.deadline)(&locale.date_time(at))}</p>
                <ActionForm action=actions.extend>
                    <input type="hidden" name="attempt_id" value=open.id />
                    <button type="submit" class="outline">{t.quiz.extend}</button>
                </ActionForm>
            </div>
        }
    });
    let count = open.questions.len();
    // A question left unanswered is sent only after a warning: radios are `required` (the
    // browser's own check, also without JavaScript); for multiple choice the page warns once.
    let unanswered = RwSignal::new(Vec::<usize>::new());
    // On the button's click, which comes before the form's submit (and its action).
    let check_answered = move |event: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|button| button.closest("form").ok().flatten())
            else {
                return;
            };
            let missing: Vec<usize> = (0..count)
                .filter(|q| {
                    let selector = format!("fieldset[data-question='{q}'] input:checked");
                    form.query_selector(&selector).ok().flatten().is_none()
                })
                .collect();
            if !missing.is_empty() && missing != unanswered.get_untracked() {
                event.prevent_default();
            }
            unanswered.set(missing);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, count);
    };
    let warning = move || {
        let missing = unanswered.get();
        (!missing.is_empty()).then(|| {
            let numbers = missing
                .iter()
                .map(|q| (t.quiz.question_name)(q + 1))
                .collect::<Vec<_>>()
                .join(locale.list_separator());
            view! { <p class="error" role="alert">{(t.quiz.unanswered_warning)(&numbers)}</p> }
        })
    };
    let questions = open
        .questions
        .into_iter()
        .enumerate()
        .map(|(q, question)| {
            let input = if question.kind == QuestionKind::Multiple {
                "checkbox"
            } else {
                "radio"
            };
            let options = question
                .options
                .into_iter()
                .enumerate()
                .map(|(o, text)| {
                    let id = format!("q{q}-o{o}");
                    // Radios of one question share a name; checkboxes each need their own.
                    let name = if input == "radio" {
                        format!("answers[{q}]")
                    } else {
                        format!("answers[{}]", 1000 + q * 100 + o)
                    };
                    let label = match (question.kind, text.as_str()) {
                        (QuestionKind::TrueFalse, "true") => t.quiz.quiz_true.to_string(),
                        (QuestionKind::TrueFalse, "false") => t.quiz.quiz_false.to_string(),
                        _ => text,
                    };
                    view! {
                        <div class="checkbox">
                            <input type=input id=id.clone() name=name value=format!("{q}:{o}") required=input == "radio" />
                            <label for=id>{label}</label>
                        </div>
                    }
                })
                .collect_view();
            let hint = (question.kind == QuestionKind::Multiple).then_some(t.quiz.choose_all);
            view! {
                <fieldset class="question" data-question=q>
                    <legend>{(t.quiz.question_number)(q + 1)}" "{question.text}</legend>
                    {hint.map(|h| view! { <p class="hint">{h}</p> })}
                    {options}
                </fieldset>
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section aria-labelledby="attempt-heading">
            <h2 id="attempt-heading">{(t.quiz.quiz_attempt_number)(open.number)}</h2>
            {deadline}
            <ActionForm action=actions.submit attr:class="stacked wide">
                <input type="hidden" name="attempt_id" value=open.id />
                {questions}
                {warning}
                <button type="submit" on:click=check_answered>{t.quiz.submit}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

#[component]
fn Review(review: AttemptReview, latest: bool) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let verdict = if review.passed {
        t.quiz.passed
    } else {
        t.quiz.failed
    };
    let late = (!review.on_time).then_some(t.quiz.late);
    let summary = format!(
        "{} · {}: {}% · {}",
        (t.quiz.quiz_attempt_number)(review.number),
        t.quiz.score,
        review.score,
        locale.date_time(review.submitted_at)
    );
    // Withheld by the quiz's review policy: the score and verdict only.
    let review_withheld = review.questions.is_empty();
    let questions = review
        .questions
        .into_iter()
        .enumerate()
        .map(|(q, question)| {
            let options = question
                .options
                .into_iter()
                .map(|o| {
                    let label = match (question.kind, o.text.as_str()) {
                        (QuestionKind::TrueFalse, "true") => t.quiz.quiz_true.to_string(),
                        (QuestionKind::TrueFalse, "false") => t.quiz.quiz_false.to_string(),
                        _ => o.text,
                    };
                    let marks = [
                        o.chosen.then_some(t.quiz.your_choice),
                        o.right.then_some(t.quiz.right_option),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(locale.list_separator());
                    view! {
                        <li>
                            {label}
                            {(!marks.is_empty()).then(|| view! { " " <strong>{locale.bracketed(&marks)}</strong> })}
                            {(!o.feedback.is_empty() && o.chosen).then(|| view! { <p class="hint">{o.feedback}</p> })}
                        </li>
                    }
                    .into_any()
                })
                .collect_view();
            view! {
                <li>
                    <p>{(t.quiz.question_number)(q + 1)}" "{question.text}" — "{question.marks}"%"</p>
                    <ul>{options}</ul>
                    {(!question.explanation.is_empty()).then(|| view! { <p class="notice">{t.quiz.explanation}": "{question.explanation}</p> })}
                </li>
            }
            .into_any()
        })
        .collect_view();
    if review_withheld {
        return view! {
            <p class="attempt">{summary}" · "<strong>{verdict}</strong>{late.map(|l| view! { " "{l} })}</p>
        }
        .into_any();
    }
    view! {
        <details class="attempt" open=latest>
            <summary>{summary}" · "<strong>{verdict}</strong>{late.map(|l| view! { " "{l} })}</summary>
            <ol class="reviewed-questions">{questions}</ol>
        </details>
    }
    .into_any()
}
