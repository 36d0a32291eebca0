//! A module's editor, in three parts (`?tab=`): its details and materials with the page form
//! here and the rest in `materials`; its quiz (`quiz`); publishing here and its assignments
//! (`assignments`). Every form works without JavaScript.

mod assignments;
mod materials;
mod quiz;

use crate::{
    api::mail::SaveAssignmentReminders,
    api::quiz::{ImportQuestionPool, SaveQuizSettings},
    api::training::{
        AddPage, ArchiveModule, AssignModule, CarryOverAssignment, EditMaterial, EditModuleDetails,
        MoveMaterial, PublishModule, RemoveMaterial, assignment_choices, edit_module,
    },
    components::{
        action_outcome::{action_outcome, action_outcome_saying},
        confirm::ConfirmSubmit,
        guard::RequirePermission,
        module_status::ModuleStatusText,
        tabs::{Tab, Tabs},
    },
    i18n::use_texts,
    raw_text,
};
use assignments::{AssignForm, Assignments};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use mamori_domain::{
    Permission,
    training::{AssignmentChoices, ModuleDraft, ModuleStatus},
};
use materials::{AddFileForm, MaterialList};
use quiz::{PoolFileFeedback, QuizSection};

/// What a trainer can do on the page; created inside the routes so that failures without
/// JavaScript (`?__err=…`) show their message.
#[derive(Clone, Copy)]
struct EditorActions {
    details: ServerAction<EditModuleDetails>,
    add_page: ServerAction<AddPage>,
    edit: ServerAction<EditMaterial>,
    reorder: ServerAction<MoveMaterial>,
    remove: ServerAction<RemoveMaterial>,
    publish: ServerAction<PublishModule>,
    archive: ServerAction<ArchiveModule>,
    assign: ServerAction<AssignModule>,
    carry_over: ServerAction<CarryOverAssignment>,
    reminders: ServerAction<SaveAssignmentReminders>,
    save_quiz: ServerAction<SaveQuizSettings>,
    import_questions: ServerAction<ImportQuestionPool>,
    /// Set once any action is sent from this page: the messages the upload routes left in the
    /// address (`?added=1`…) are then old news.
    acted: RwSignal<bool>,
}

impl EditorActions {
    fn new() -> Self {
        let actions = Self {
            details: ServerAction::new(),
            add_page: ServerAction::new(),
            edit: ServerAction::new(),
            reorder: ServerAction::new(),
            remove: ServerAction::new(),
            publish: ServerAction::new(),
            archive: ServerAction::new(),
            assign: ServerAction::new(),
            carry_over: ServerAction::new(),
            reminders: ServerAction::new(),
            save_quiz: ServerAction::new(),
            import_questions: ServerAction::new(),
            acted: RwSignal::new(false),
        };
        actions.keep_only_the_latest_outcome();
        actions
    }

    /// Each action sent clears the others' messages, so that an old 「3 問を取り込みました。」
    /// does not stand beside the settings just saved.
    fn keep_only_the_latest_outcome(self) {
        let outcomes = [
            outcome(self.details),
            outcome(self.add_page),
            outcome(self.edit),
            outcome(self.reorder),
            outcome(self.remove),
            outcome(self.publish),
            outcome(self.archive),
            outcome(self.assign),
            outcome(self.carry_over),
            outcome(self.reminders),
            outcome(self.save_quiz),
            outcome(self.import_questions),
        ];
        let outcomes = StoredValue::new(outcomes);
        for sent in 0..outcomes.with_value(|o| o.len()) {
            Effect::new(move |_| {
                if outcomes.with_value(|o| (o[sent].sent)()) {
                    self.acted.set(true);
                    outcomes.with_value(|o| {
                        o.iter()
                            .enumerate()
                            .filter(|(other, _)| *other != sent)
                            .for_each(|(_, other)| (other.clear)())
                    });
                }
            });
        }
    }

    /// Changes whenever any action completes, so that the draft is read again.
    fn version(self) -> usize {
        self.details.version().get()
            + self.add_page.version().get()
            + self.edit.version().get()
            + self.reorder.version().get()
            + self.remove.version().get()
            + self.publish.version().get()
            + self.archive.version().get()
            + self.assign.version().get()
            + self.reminders.version().get()
            + self.carry_over.version().get()
            + self.save_quiz.version().get()
            + self.import_questions.version().get()
    }
}

/// Whether an action is being sent, and how to forget its message.
struct Outcome {
    sent: Box<dyn Fn() -> bool + Send + Sync>,
    clear: Box<dyn Fn() + Send + Sync>,
}

fn outcome<A>(action: ServerAction<A>) -> Outcome
where
    A: leptos::server_fn::ServerFn + Clone + Send + Sync + 'static,
    A::Output: Send + Sync + 'static,
    A::Error: Send + Sync + 'static,
{
    Outcome {
        sent: Box::new(move || action.input().with(Option::is_some)),
        clear: Box::new(move || action.value().set(None)),
    }
}

/// What the upload route said when it sent the trainer back (`?added=1` or `?upload_error=…`
/// with what was typed).
#[derive(Clone, Default)]
struct UploadFeedback {
    added: bool,
    pool_file: PoolFileFeedback,
    error: Option<String>,
    kind: String,
    title: String,
    description: String,
    video_url: String,
}

#[component]
pub fn ModuleEditorPage() -> impl IntoView {
    let t = use_texts();
    let params = use_params_map();
    let query = use_query_map();
    let actions = EditorActions::new();
    let draft = Resource::new(
        move || {
            (
                params.with(|p| p.get("slug").unwrap_or_default()),
                actions.version(),
            )
        },
        |(slug, _)| edit_module(slug),
    );
    let choices = Resource::new(|| (), |_| assignment_choices());
    let feedback = move || {
        if actions.acted.get() {
            return UploadFeedback::default();
        }
        query.with(|q| {
            let get = |key: &str| q.get(key).unwrap_or_default();
            UploadFeedback {
                added: q.get("added").is_some(),
                pool_file: PoolFileFeedback {
                    imported: q.get("questions_imported").and_then(|n| n.parse().ok()),
                    error: q.get("questions_error"),
                    lines: get("lines"),
                },
                error: q.get("upload_error"),
                kind: get("kind"),
                title: get("title"),
                description: get("description"),
                video_url: get("video_url"),
            }
        })
    };
    view! {
        <RequirePermission permission=Permission::AuthorTraining page=move |viewer| {
            view! {
                <Suspense fallback=move || view! { <p class="loading">{t.loading}</p> }>
                    {move || draft.get().map(|result| match result {
                        Ok(draft) => {
                            let choices = choices.get().and_then(Result::ok).unwrap_or_default();
                            let feedback = feedback();
                            let tab = EditorTab::from_query(query.with(|q| q.get("tab")).as_deref());
                            view! { <Editor draft choices today=viewer.today actions feedback tab /> }.into_any()
                        }
                        Err(error) => view! {
                            <Title text=t.not_found />
                            <h1>{t.error(&error)}</h1>
                        }.into_any(),
                    })}
                </Suspense>
                <p><A href="/trainer">{t.training.back_to_modules}</A></p>
            }
        } />
    }
}

/// The editor's three parts, each a page of its own (`?tab=`), so that a trainer takes one in
/// at a glance rather than scrolling through 4,000 px.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditorTab {
    Materials,
    Quiz,
    Publish,
}

impl EditorTab {
    const ALL: [EditorTab; 3] = [EditorTab::Materials, EditorTab::Quiz, EditorTab::Publish];

    /// From the address (the question file route returns to `?tab=quiz`).
    fn from_query(tab: Option<&str>) -> Self {
        match tab {
            Some("quiz") => EditorTab::Quiz,
            Some("publish") => EditorTab::Publish,
            _ => EditorTab::Materials,
        }
    }

    fn href(self, slug: &str) -> String {
        match self {
            EditorTab::Materials => format!("/trainer/modules/{slug}"),
            EditorTab::Quiz => format!("/trainer/modules/{slug}?tab=quiz"),
            EditorTab::Publish => format!("/trainer/modules/{slug}?tab=publish"),
        }
    }
}

#[component]
fn Editor(
    draft: ModuleDraft,
    choices: AssignmentChoices,
    today: chrono::NaiveDate,
    actions: EditorActions,
    feedback: UploadFeedback,
    tab: EditorTab,
) -> impl IntoView {
    let t = use_texts();
    let slug = StoredValue::new(draft.module.slug.clone());
    let module = draft.module.clone();
    let tabs = EditorTab::ALL
        .map(|each| Tab {
            href: each.href(&slug.get_value()),
            label: match each {
                EditorTab::Materials => (t.training.tab_materials)(draft.materials.len()),
                EditorTab::Quiz => (t.training.tab_quiz)(draft.questions.len()),
                EditorTab::Publish => t.training.tab_publish.to_string(),
            },
            current: each == tab,
        })
        .into();
    let part = match tab {
        EditorTab::Materials => {
            view! { <MaterialsTab draft actions feedback /> }.into_any()
        }
        EditorTab::Quiz => view! {
            <QuizSection slug=slug.get_value() settings=draft.quiz_settings pool=draft.questions
                save=actions.save_quiz import=actions.import_questions file_feedback=feedback.pool_file />
        }
        .into_any(),
        EditorTab::Publish => {
            view! { <PublishTab draft choices today actions /> }.into_any()
        }
    };
    view! {
        <Title text=module.title.clone() />
        <h1>{module.title.clone()}</h1>
        <p>{t.status_label}": "<ModuleStatusText module=module.clone() /></p>
        <p>{module.summary.clone()}</p>
        <Tabs label=t.training.editor_parts tabs />
        {part}
    }
}

/// The module's details and materials, and the forms that add materials.
#[component]
fn MaterialsTab(
    draft: ModuleDraft,
    actions: EditorActions,
    feedback: UploadFeedback,
) -> impl IntoView {
    let t = use_texts();
    let slug = StoredValue::new(draft.module.slug.clone());
    let module = draft.module.clone();
    let upload_action = format!("/trainer/modules/{}/materials", slug.get_value());
    // A page added leaves the form empty for the next one.
    let add_page_form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(actions.add_page.value().get(), Some(Ok(_)))
            && let Some(form) = add_page_form.get()
        {
            form.reset();
        }
    });
    view! {
        <details class="panel">
            <summary>{t.training.module_details_heading}</summary>
            <ActionForm action=actions.details attr:class="stacked" attr:aria-describedby="details-error">
                {action_outcome(actions.details, "details-error")}
                <input type="hidden" name="slug" value=slug.get_value() />
                <label for="details-title">{t.training.module_title_label}</label>
                <input id="details-title" name="title" type="text" value=module.title.clone() required />
                <label for="details-summary">{t.training.summary_label}</label>
                <textarea id="details-summary" name="summary" rows="3">{raw_text::textarea(module.summary.clone())}</textarea>
                <label for="details-minutes">{t.training.minutes_label}</label>
                <input id="details-minutes" name="estimated_minutes" type="number" min="1" max=mamori_domain::training::EstimatedMinutes::MAX value=module.estimated_minutes required />
                <button type="submit">{t.training.save_details_button}</button>
            </ActionForm>
        </details>

        <h2 id="materials-heading">{t.training.materials_heading}</h2>
        {feedback.added.then(|| view! { <p class="notice" role="status">{t.training.material_added}</p> })}
        {action_outcome(actions.edit, "edit-error")}
        {action_outcome(actions.reorder, "move-error")}
        {action_outcome_saying(actions.remove, "remove-error", t.training.material_removed)}
        <MaterialList materials=draft.materials slug=slug.get_value() actions />

        <section aria-labelledby="add-page-heading">
            <h2 id="add-page-heading">{t.training.add_page_heading}</h2>
            <ActionForm action=actions.add_page node_ref=add_page_form attr:class="stacked wide" attr:aria-describedby="add-page-error">
                {action_outcome_saying(actions.add_page, "add-page-error", t.training.page_added)}
                <input type="hidden" name="slug" value=slug.get_value() />
                <label for="page-title">{t.training.page_title_label}</label>
                <input id="page-title" name="title" type="text" required />
                <label for="page-markdown">{t.training.markdown_label}</label>
                <textarea id="page-markdown" name="markdown" rows="10" required></textarea>
                <label for="page-seconds">{t.training.min_seconds_label}</label>
                <input id="page-seconds" name="min_active_seconds" type="number" min="0" value="30" required />
                <button type="submit">{t.training.add_page_button}</button>
            </ActionForm>
        </section>

        <AddFileForm kind="document" action=upload_action.clone() feedback=feedback.clone() />
        <AddFileForm kind="video" action=upload_action feedback />
    }
}

/// Publishing and archiving, and the module's assignments.
#[component]
fn PublishTab(
    draft: ModuleDraft,
    choices: AssignmentChoices,
    today: chrono::NaiveDate,
    actions: EditorActions,
) -> impl IntoView {
    let t = use_texts();
    let slug = StoredValue::new(draft.module.slug.clone());
    let module = draft.module;
    let published = module.published_version > 0;
    let archived = module.status == ModuleStatus::Archived;
    let can_publish = (module.has_unpublished_changes || archived) && !draft.materials.is_empty();
    view! {
        <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t.training.publish_heading}</h2>
            <p class="hint">{t.training.publish_hint}</p>
            <ActionForm action=actions.publish>
                {action_outcome(actions.publish, "publish-error")}
                <input type="hidden" name="slug" value=slug.get_value() />
                <ConfirmSubmit label=t.training.publish_button class=""
                    question=can_publish.then(|| (t.training.publish_question)(draft.draft_version))
                    confirm=t.training.publish_confirm disabled=!can_publish />
            </ActionForm>
            {(published && !archived).then(|| view! {
                <p class="hint">{t.training.archive_hint}</p>
                <ActionForm action=actions.archive>
                    {action_outcome(actions.archive, "archive-error")}
                    <input type="hidden" name="slug" value=slug.get_value() />
                    <ConfirmSubmit label=t.training.archive_button question=t.training.archive_question.to_string()
                        confirm=t.training.archive_confirm />
                </ActionForm>
            })}
        </section>

        <section aria-labelledby="assign-heading">
            <h2 id="assign-heading">{t.training.assign_heading}</h2>
            <Assignments assignments=draft.assignments actions />
            {if published {
                view! { <AssignForm slug=slug.get_value() choices today actions /> }.into_any()
            } else {
                view! { <p class="hint">{t.training.assign_needs_publish}</p> }.into_any()
            }}
        </section>
    }
}
