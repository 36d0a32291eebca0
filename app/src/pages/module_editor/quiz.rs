//! The quiz part of a module's editor: its settings, its question pool, the import of
//! questions in Moodle's GIFT or the Aiken format (pasted or as a file; all or nothing, every
//! error on its line), the pool's export, and a link to the results.

use crate::{
    api::quiz::{ImportQuestionPool, SaveQuizSettings},
    components::{confirm::ConfirmSubmit, data_table::DataTable, upload_form::UploadForm},
    i18n::{Locale, use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_router::components::A;
use mamori_domain::quiz::{MultipleScoring, Question, QuestionKind, QuizSettings, ReviewPolicy};

/// What the question file route said when it sent the trainer back: `?questions_imported=N`,
/// or `?questions_error=CODE` (with `lines` for questions that cannot be used).
#[derive(Clone, Default)]
pub struct PoolFileFeedback {
    pub imported: Option<usize>,
    pub error: Option<String>,
    pub lines: String,
}

#[component]
pub fn QuizSection(
    slug: String,
    settings: QuizSettings,
    pool: Vec<Question>,
    save: ServerAction<SaveQuizSettings>,
    import: ServerAction<ImportQuestionPool>,
    file_feedback: PoolFileFeedback,
) -> impl IntoView {
    let t = use_texts();
    let saved = move || {
        save.value().get().map(|result| match result {
            Ok(()) => view! { <p class="notice" role="status">{t.saved}</p> }.into_any(),
            Err(error) => view! { <p class="error" role="alert">{t.error(&error)}</p> }.into_any(),
        })
    };
    let imported = move || {
        import.value().get().map(|result| match result {
            Ok(count) => {
                view! { <p class="notice" role="status">{(t.quiz.questions_imported)(count)}</p> }
                    .into_any()
            }
            Err(error) => view! {
                <div class="error" role="alert" id="import-questions-error">
                    <p>{t.quiz.questions_not_imported}</p>
                    <p class="lines">{t.error(&error)}</p>
                </div>
            }
            .into_any(),
        })
    };
    let has_questions = !pool.is_empty();
    // Replacing a pool asks first; an empty one has nothing to lose.
    let replace_question = has_questions.then(|| (t.quiz.replace_pool_question)(pool.len()));
    let replace_file_question = replace_question.clone();
    let file_result = match (file_feedback.imported, file_feedback.error) {
        (Some(count), _) => Some(
            view! { <p class="notice" role="status">{(t.quiz.questions_imported)(count)}</p> }.into_any(),
        ),
        (None, Some(code)) => Some(
            view! {
                <div class="error" role="alert" id="import-file-error">
                    <p>{(t.quiz.question_file_error)(&code)}</p>
                    {(!file_feedback.lines.is_empty()).then(|| view! { <p class="lines">{file_feedback.lines.clone()}</p> })}
                </div>
            }
            .into_any(),
        ),
        (None, None) => None,
    };
    let pool_file = |format: &str| format!("/trainer/modules/{slug}/questions?format={format}");
    let (gift_file, json_file) = (pool_file("gift"), pool_file("json"));
    let results = format!("/results/quizzes/{slug}");
    let upload = format!("/trainer/modules/{slug}/questions");
    view! {
        <section aria-labelledby="quiz-heading">
            <h2 id="quiz-heading">{t.quiz.heading}</h2>
            <Pool pool />
            <p>
                <A href=results>{t.quiz.results_link}</A>
                {has_questions.then(|| view! {
                    " ｜ "<a href=gift_file download>{t.quiz.export_gift}</a>
                    " ｜ "<a href=json_file download>{t.quiz.export_json}</a>
                })}
            </p>
            {saved}
            <SettingsForm settings slug=slug.clone() action=save />
            <h3 id="import-questions-heading">{t.quiz.import_questions_heading}</h3>
            <ActionForm action=import attr:class="stacked wide" attr:aria-describedby="import-questions-error">
                {imported}
                <input type="hidden" name="slug" value=slug />
                <label for="import-format">{t.quiz.import_format_label}</label>
                <select id="import-format" name="format">
                    <option value="gift">"GIFT (Moodle)"</option>
                    <option value="aiken">"Aiken"</option>
                </select>
                <label for="import-text">{t.quiz.import_text_label}</label>
                <textarea id="import-text" name="text" rows="10" required></textarea>
                <ConfirmSubmit label=t.quiz.import_questions_button question=replace_question
                    confirm=t.quiz.import_questions_button />
            </ActionForm>
            <h3 id="import-file-heading">{t.quiz.import_file_heading}</h3>
            <UploadForm action=upload described_by="import-file-error"
                submit_label=t.quiz.import_file_button replaces=replace_file_question>
                {file_result}
                <label for="import-file-format">{t.quiz.import_format_label}</label>
                <select id="import-file-format" name="format">
                    <option value="gift">"GIFT (Moodle)"</option>
                    <option value="aiken">"Aiken"</option>
                    <option value="json">"JSON"</option>
                </select>
                <label for="import-file">{t.quiz.question_file_label}</label>
                <input id="import-file" name="file" type="file" accept=".gift,.txt,.json,text/plain,application/json" required />
            </UploadForm>
        </section>
    }
}

fn kind_text(locale: Locale, kind: QuestionKind) -> &'static str {
    let t = locale.texts();
    match kind {
        QuestionKind::Single => t.quiz.question_single,
        QuestionKind::Multiple => t.quiz.question_multiple,
        QuestionKind::TrueFalse => t.quiz.question_true_false,
    }
}

#[component]
fn Pool(pool: Vec<Question>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if pool.is_empty() {
        return view! { <p class="empty-state">{t.quiz.pool_empty}</p> }.into_any();
    }
    let rows = pool
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            view! {
                <tr>
                    <th scope="row">{i + 1}</th>
                    <td>{kind_text(locale, q.kind)}</td>
                    <td>{q.text}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <DataTable caption=t.quiz.pool_caption columns=["#", t.quiz.question_kind, t.quiz.question_text]>
            {rows}
        </DataTable>
    }
    .into_any()
}

#[component]
fn SettingsForm(
    settings: QuizSettings,
    slug: String,
    action: ServerAction<SaveQuizSettings>,
) -> impl IntoView {
    let t = use_texts();
    let number = |id: &'static str, label: &'static str, value: u32, min: u32| {
        view! {
            <label for=id>{label}</label>
            <input id=id name=format!("settings[{}]", id.trim_start_matches("quiz-").replace('-', "_")) type="number" min=min value=value required />
        }
    };
    let partial = settings.multiple_scoring == MultipleScoring::Partial;
    view! {
        <ActionForm action attr:class="stacked">
            <input type="hidden" name="slug" value=slug />
            {number("quiz-pass-mark", t.quiz.pass_mark_label, settings.pass_mark, 0)}
            {number("quiz-draw-count", t.quiz.draw_count_label, settings.draw_count, 0)}
            {number("quiz-max-attempts", t.quiz.max_attempts_label, settings.max_attempts, 0)}
            {number("quiz-wait-minutes", t.quiz.wait_minutes_label, settings.wait_minutes, 0)}
            {number("quiz-time-limit-minutes", t.quiz.time_limit_label, settings.time_limit_minutes, 0)}
            <div class="checkbox">
                <input type="checkbox" id="quiz-shuffle" name="settings[shuffle_options]" value="true" checked=settings.shuffle_options />
                <label for="quiz-shuffle">{t.quiz.shuffle_label}</label>
            </div>
            <label for="quiz-scoring">{t.quiz.scoring_label}</label>
            <select id="quiz-scoring" name="settings[multiple_scoring]">
                <option value="all_or_nothing" selected=!partial>{t.quiz.scoring_all}</option>
                <option value="partial" selected=partial>{t.quiz.scoring_partial}</option>
            </select>
            <label for="quiz-review">{t.quiz.review_label}</label>
            <select id="quiz-review" name="settings[review]">
                {ReviewPolicy::ALL.map(|policy| view! {
                    <option value=policy.code() selected=policy == settings.review>{(t.quiz.review_policy)(policy)}</option>
                })}
            </select>
            <button type="submit">{t.quiz.save_quiz_settings}</button>
        </ActionForm>
    }
}
