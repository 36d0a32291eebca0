//! A quiz's results for trainers (everyone) and managers (their divisions' staff): each
//! question's correct rate, to see which rule is misunderstood, and each person's attempts,
//! with both tables as CSV for Excel.

use crate::{
    api::quiz::quiz_report,
    components::{data_table::DataTable, guard::RequirePermission, loaded::Loaded},
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use mamori_domain::{
    Permission, ResultsScope,
    quiz::results::{AttemptRow, QuestionResult, QuizResults},
};

#[component]
pub fn QuizResultsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let results = Resource::new(slug, quiz_report);
    view! {
        <RequirePermission permission=Permission::ViewTrainingResults page=move |viewer| {
            let only_divisions = matches!(viewer.actor.results_scope(), Some(ResultsScope::Divisions(_)));
            view! {
                <Loaded resource=results whole_page=true view=move |results| view! { <Results results slug=slug() only_divisions /> } />
            }
        } />
    }
}

#[component]
fn Results(results: QuizResults, slug: String, only_divisions: bool) -> impl IntoView {
    let t = use_texts();
    let title = (t.quiz.results_title)(&results.module_title);
    let (tried, passed) = results.people_tried_and_passed();
    let csv = |file: &str| format!("/results/quizzes/{slug}/{file}");
    view! {
        <Title text=title.clone() />
        <h1>{title}</h1>
        {only_divisions.then(|| view! { <p class="hint">{t.quiz.results_scope_divisions}</p> })}
        <p>{(t.quiz.results_summary)(tried, passed, results.pass_mark)}</p>
        <section aria-labelledby="question-results-heading">
            <h2 id="question-results-heading">{t.quiz.question_results_heading}</h2>
            <p class="hint">{t.quiz.question_results_hint}</p>
            <Questions questions=results.questions />
            <p><a href=csv("questions.csv") download>{t.quiz.download_question_results}</a></p>
        </section>
        <section aria-labelledby="attempt-results-heading">
            <h2 id="attempt-results-heading">{t.quiz.attempt_results_heading}</h2>
            <Attempts attempts=results.attempts />
            <p><a href=csv("attempts.csv") download>{t.quiz.download_attempt_results}</a></p>
        </section>
    }
}

#[component]
fn Questions(questions: Vec<QuestionResult>) -> impl IntoView {
    let t = use_texts();
    if questions.is_empty() {
        return view! { <p class="empty-state">{t.quiz.no_questions}</p> }.into_any();
    }
    let rows = questions
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let rate = q.correct_rate();
            // The bar repeats the figure for sighted readers; the figure is the text.
            let bar = rate.map(|r| {
                view! { <span class="rate-bar" aria-hidden="true" style=format!("width: {}%", r)></span> }
            });
            view! {
                <tr>
                    <th scope="row">{i + 1}</th>
                    <td>{q.text}</td>
                    <td class="number">{q.answered}</td>
                    <td class="number">{q.fully_right}</td>
                    <td class="rate">
                        {rate.map(|r| format!("{r}%")).unwrap_or_else(|| "—".into())}
                        <span class="rate-track">{bar}</span>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        "#",
        t.quiz.question_text,
        t.quiz.answered_count,
        t.quiz.fully_right_count,
        t.quiz.correct_rate,
    ];
    view! { <DataTable caption=t.quiz.question_results_caption columns>{rows}</DataTable> }
        .into_any()
}

#[component]
fn Attempts(attempts: Vec<AttemptRow>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if attempts.is_empty() {
        return view! { <p class="empty-state">{t.quiz.no_attempts_yet}</p> }.into_any();
    }
    let rows = attempts
        .into_iter()
        .map(|a| {
            view! {
                <tr>
                    <th scope="row">{a.employee_id.to_string()}</th>
                    <td>{a.name}</td>
                    <td>{a.division}</td>
                    <td class="number">{a.number}</td>
                    <td>{locale.date_time(a.submitted_at)}</td>
                    <td class="number">{format!("{}%", a.score)}</td>
                    <td>{if a.passed { t.quiz.passed } else { t.quiz.failed }}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.employee_id,
        t.name,
        t.division,
        t.quiz.attempt_number,
        t.quiz.submitted_at,
        t.quiz.score,
        t.quiz.pass_or_fail,
    ];
    view! { <DataTable caption=t.quiz.attempt_results_caption columns>{rows}</DataTable> }
        .into_any()
}
