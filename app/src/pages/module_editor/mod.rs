//! A module's editor: its details; its materials as learners will see them, each with edit,
//! move and remove; forms to add a page, a document or a video; and the publish, archive,
//! assign and carry-over actions, and an assignment's own reminder policy. Every form works
//! without JavaScript.

use crate::{
    api::mail::{PolicyForm, SaveAssignmentReminders},
    api::quiz::{ImportQuestionPool, SaveQuizSettings},
    api::training::{
        AddPage, ArchiveModule, AssignModule, CarryOverAssignment, EditMaterial, EditModuleDetails,
        MoveMaterial, PublishModule, RemoveMaterial, assignable_divisions, edit_module,
    },
    components::{
        action_outcome::action_outcome, guard::RequirePermission,
        material_content::MaterialContent, module_status::ModuleStatusText,
        policy_fields::PolicyFields, upload_form::UploadForm,
    },
    i18n::{Locale, use_locale, use_texts},
    pages::quiz_editor::{PoolFileFeedback, QuizSection},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{
    components::A,
    hooks::{use_params_map, use_query_map},
};
use mamori_domain::{
    InspectionGroup, Permission, SecurityRole,
    training::{
        AssignmentInfo, AssignmentTarget, DueRule, Material, MaterialBody, ModuleDraft,
        ModuleStatus,
    },
};

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
}

impl EditorActions {
    fn new() -> Self {
        Self {
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
    let divisions = Resource::new(|| (), |_| assignable_divisions());
    let feedback = move || {
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
                            let divisions = divisions.get().and_then(Result::ok).unwrap_or_default();
                            view! { <Editor draft divisions today=viewer.today actions feedback=feedback() /> }.into_any()
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

#[component]
fn Editor(
    draft: ModuleDraft,
    divisions: Vec<String>,
    today: chrono::NaiveDate,
    actions: EditorActions,
    feedback: UploadFeedback,
) -> impl IntoView {
    let t = use_texts();
    let slug = StoredValue::new(draft.module.slug.clone());
    let module = draft.module.clone();
    let published = module.published_version > 0;
    let archived = module.status == ModuleStatus::Archived;
    let can_publish = (module.has_unpublished_changes || archived) && !draft.materials.is_empty();
    let upload_action = format!("/trainer/modules/{}/materials", slug.get_value());
    let pool_file = feedback.pool_file.clone();
    view! {
        <Title text=module.title.clone() />
        <h1>{module.title.clone()}</h1>
        <p>{t.status_label}": "<ModuleStatusText module=module.clone() /></p>
        <p>{module.summary.clone()}</p>

        <details class="panel">
            <summary>{t.training.module_details_heading}</summary>
            <ActionForm action=actions.details attr:class="stacked" attr:aria-describedby="details-error">
                {action_outcome(actions.details, "details-error")}
                <input type="hidden" name="slug" value=slug.get_value() />
                <label for="details-title">{t.training.module_title_label}</label>
                <input id="details-title" name="title" type="text" value=module.title.clone() required />
                <label for="details-summary">{t.training.summary_label}</label>
                <textarea id="details-summary" name="summary" rows="3">{module.summary.clone()}</textarea>
                <label for="details-minutes">{t.training.minutes_label}</label>
                <input id="details-minutes" name="estimated_minutes" type="number" min="1" value=module.estimated_minutes required />
                <button type="submit">{t.training.save_details_button}</button>
            </ActionForm>
        </details>

        <h2 id="materials-heading">{t.training.materials_heading}</h2>
        {feedback.added.then(|| view! { <p class="notice" role="status">{t.training.material_added}</p> })}
        {action_outcome(actions.edit, "edit-error")}
        {action_outcome(actions.reorder, "move-error")}
        {action_outcome(actions.remove, "remove-error")}
        <MaterialList materials=draft.materials slug=slug.get_value() actions />

        <section aria-labelledby="add-page-heading">
            <h2 id="add-page-heading">{t.training.add_page_heading}</h2>
            <ActionForm action=actions.add_page attr:class="stacked wide" attr:aria-describedby="add-page-error">
                {action_outcome(actions.add_page, "add-page-error")}
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

        <QuizSection slug=slug.get_value() settings=draft.quiz_settings pool=draft.questions
            save=actions.save_quiz import=actions.import_questions file_feedback=pool_file />

        <section aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t.training.publish_heading}</h2>
            <p class="hint">{t.training.publish_hint}</p>
            <ActionForm action=actions.publish>
                {action_outcome(actions.publish, "publish-error")}
                <input type="hidden" name="slug" value=slug.get_value() />
                <button type="submit" disabled=!can_publish>{t.training.publish_button}</button>
            </ActionForm>
            {(published && !archived).then(|| view! {
                <p class="hint">{t.training.archive_hint}</p>
                <ActionForm action=actions.archive>
                    {action_outcome(actions.archive, "archive-error")}
                    <input type="hidden" name="slug" value=slug.get_value() />
                    <button type="submit" class="outline">{t.training.archive_button}</button>
                </ActionForm>
            })}
        </section>

        <section aria-labelledby="assign-heading">
            <h2 id="assign-heading">{t.training.assign_heading}</h2>
            <Assignments assignments=draft.assignments actions />
            {if published {
                view! { <AssignForm slug=slug.get_value() divisions today actions /> }.into_any()
            } else {
                view! { <p class="hint">{t.training.assign_needs_publish}</p> }.into_any()
            }}
        </section>
    }
}

/// The draft's materials in order, each previewed as learners will see it.
#[component]
fn MaterialList(materials: Vec<Material>, slug: String, actions: EditorActions) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if materials.is_empty() {
        return view! { <p class="empty-state">{t.training.no_materials}</p> }.into_any();
    }
    let count = materials.len();
    let slug = StoredValue::new(slug);
    let items = materials
        .into_iter()
        .enumerate()
        .map(|(index, material)| {
            let position = index + 1;
            let heading = format!("material-{}", material.id);
            let remove_described_by = heading.clone();
            let kind = material.body.kind();
            let seconds = matches!(material.body, MaterialBody::Page { .. })
                .then(|| format!(" · {}", (t.training.min_seconds_of)(material.min_active_seconds)));
            let reorder = |direction: &'static str, label: &'static str, disabled: bool, heading: String| {
                view! {
                    <ActionForm action=actions.reorder>
                        <input type="hidden" name="slug" value=slug.get_value() />
                        <input type="hidden" name="position" value=position />
                        <input type="hidden" name="direction" value=direction />
                        <button type="submit" class="outline" disabled=disabled aria-describedby=heading.clone()>{label}</button>
                    </ActionForm>
                }
            };
            view! {
                <li>
                    <article class="material-preview" aria-labelledby=heading.clone()>
                        <p class="hint">{locale.material_kind(kind)}" · "{(t.training.material_of)(position, count)}{seconds}</p>
                        <h3 id=heading.clone()>{material.title.clone()}</h3>
                        <MaterialContent material=material.clone() />
                        <div class="material-actions">
                            {reorder("up", t.training.move_up, position == 1, heading.clone())}
                            {reorder("down", t.training.move_down, position == count, heading.clone())}
                            <ActionForm action=actions.remove>
                                <input type="hidden" name="slug" value=slug.get_value() />
                                <input type="hidden" name="position" value=position />
                                <button type="submit" class="danger" aria-describedby=remove_described_by.clone()>{t.training.remove_material}</button>
                            </ActionForm>
                        </div>
                        <EditMaterialForm material slug=slug.get_value() position actions />
                    </article>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="material-previews">{items}</ol> }.into_any()
}

#[component]
fn EditMaterialForm(
    material: Material,
    slug: String,
    position: usize,
    actions: EditorActions,
) -> impl IntoView {
    let t = use_texts();
    let id = move |field: &str| format!("edit-{field}-{position}");
    let (text, text_label, is_page) = match &material.body {
        MaterialBody::Page { markdown, .. } => (markdown.clone(), t.training.markdown_label, true),
        MaterialBody::Document {
            description_markdown,
            ..
        }
        | MaterialBody::Video {
            description_markdown,
            ..
        } => (
            description_markdown.clone(),
            t.training.description_label,
            false,
        ),
    };
    view! {
        <details>
            <summary>{t.training.edit_material_summary}</summary>
            <ActionForm action=actions.edit attr:class="stacked wide">
                <input type="hidden" name="slug" value=slug />
                <input type="hidden" name="position" value=position />
                <label for=id("title")>{t.training.material_title_label}</label>
                <input id=id("title") name="title" type="text" value=material.title required />
                <label for=id("text")>{text_label}</label>
                <textarea id=id("text") name="text" rows="8" required=is_page>{text}</textarea>
                {if is_page {
                    view! {
                        <label for=id("seconds")>{t.training.min_seconds_label}</label>
                        <input id=id("seconds") name="min_active_seconds" type="number" min="0" value=material.min_active_seconds required />
                    }.into_any()
                } else {
                    view! { <input type="hidden" name="min_active_seconds" value="0" /> }.into_any()
                }}
                <button type="submit">{t.training.save_button}</button>
            </ActionForm>
        </details>
    }
}

/// The form that uploads a document (`kind` "document") or a video ("video").
#[component]
fn AddFileForm(kind: &'static str, action: String, feedback: UploadFeedback) -> impl IntoView {
    let t = use_texts();
    let video = kind == "video";
    let id = move |field: &str| format!("{kind}-{field}");
    let heading = id("heading");
    // The message and the values typed belong to the form they were sent from.
    let mine = feedback.kind == kind;
    let error = feedback.error.filter(|_| mine).map(
        |code| view! { <p class="error" role="alert" id=id("error")>{(t.training.upload_error)(&code)}</p> },
    );
    let typed = move |value: &String| if mine { value.clone() } else { String::new() };
    // The upload route sends people back to `#add-file-heading`; it marks the form they used.
    let anchor = mine.then_some("add-file-heading");
    view! {
        <section aria-labelledby=heading.clone()>
            <h2 id=heading.clone()><span id=anchor></span>{if video { t.training.add_video_heading } else { t.training.add_document_heading }}</h2>
            <UploadForm action described_by=id("error")
                submit_label=if video { t.training.add_video_button } else { t.training.add_document_button }>
                {error}
                <input type="hidden" name="kind" value=kind />
                <label for=id("title")>{t.training.material_title_label}</label>
                <input id=id("title") name="title" type="text" value=typed(&feedback.title) required />
                <label for=id("file")>{if video { t.training.video_file_label } else { t.training.document_file_label }}</label>
                <input id=id("file") name="file" type="file" required=!video
                    accept=if video { "video/mp4,video/webm" } else { "application/pdf,image/png,image/jpeg,image/gif,image/webp" } />
                {video.then(|| view! {
                    <label for=id("url")>{t.training.video_url_label}</label>
                    <input id=id("url") name="video_url" type="url" value=typed(&feedback.video_url) />
                    <label for=id("captions")>{t.training.captions_file_label}</label>
                    <input id=id("captions") name="captions" type="file" accept=".vtt,text/vtt" required />
                })}
                <label for=id("description")>{t.training.description_label}</label>
                <textarea id=id("description") name="description" rows="4">{typed(&feedback.description)}</textarea>
            </UploadForm>
        </section>
    }
}

fn target_text(locale: Locale, target: &AssignmentTarget) -> String {
    let t = locale.texts();
    match target {
        AssignmentTarget::Everyone => t.training.everyone.to_string(),
        AssignmentTarget::Divisions(names) => names.join("、"),
        AssignmentTarget::Roles(roles) => roles
            .iter()
            .map(|r| locale.security_role(*r))
            .collect::<Vec<_>>()
            .join("、"),
        AssignmentTarget::Groups(groups) => groups
            .iter()
            .map(|g| locale.inspection_group(*g))
            .collect::<Vec<_>>()
            .join("、"),
    }
}

#[component]
fn Assignments(assignments: Vec<AssignmentInfo>, actions: EditorActions) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if assignments.is_empty() {
        return view! { <p>{t.training.no_assignments}</p> }.into_any();
    }
    let rows = assignments
        .into_iter()
        .map(|a| {
            let due = match a.due {
                DueRule::On(date) => locale.date(date),
                DueRule::WithinDaysOfJoining { days, earliest } => {
                    (t.training.due_within)(days, &locale.date(earliest))
                }
            };
            let year = locale.fiscal_year(mamori_domain::FiscalYear::new(a.fiscal_year));
            let row_id = format!("assignment-{}", a.id);
            let own = a.reminder_policy.is_some();
            let policy = PolicyForm::from_policy(&a.reminder_policy.unwrap_or_default());
            let own_id = format!("{row_id}-own");
            let fields_prefix = format!("{row_id}-policy");
            view! {
                <tr>
                    <th scope="row" id=row_id.clone()>{year}</th>
                    <td>{target_text(locale, &a.target)}</td>
                    <td>{due}</td>
                    <td>
                        <details>
                            <summary>{if own { t.training.reminders_own } else { t.training.reminders_default }}</summary>
                            <ActionForm action=actions.reminders attr:class="stacked">
                                <input type="hidden" name="assignment_id" value=a.id />
                                <div class="checkbox">
                                    <input type="checkbox" id=own_id.clone() name="own" value="true" checked=own />
                                    <label for=own_id>{t.training.reminders_own_label}</label>
                                </div>
                                <PolicyFields policy id_prefix=fields_prefix />
                                <button type="submit">{t.mail.save_policy}</button>
                            </ActionForm>
                        </details>
                    </td>
                    <td>
                        <ActionForm action=actions.carry_over>
                            <input type="hidden" name="assignment_id" value=a.id />
                            <button type="submit" class="outline" aria-describedby=row_id>{t.training.carry_over_button}</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {action_outcome(actions.carry_over, "carry-over-error")}
        {action_outcome(actions.reminders, "reminders-error")}
        <table>
            <thead><tr>
                <th scope="col">{t.fiscal_year_label}</th>
                <th scope="col">{t.training.target_label}</th>
                <th scope="col">{t.training.due_label}</th>
                <th scope="col">{t.training.reminders_column}</th>
                <td></td>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[component]
fn AssignForm(
    slug: String,
    divisions: Vec<String>,
    today: chrono::NaiveDate,
    actions: EditorActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    // Checkboxes post as `chosen[i]` (one list for all three kinds, told apart by prefix),
    // which the server function reads as a list.
    let next_index = StoredValue::new(0usize);
    let choices = move |prefix: &'static str, options: Vec<(String, String)>| {
        options
            .into_iter()
            .map(|(value, label)| {
                let i = next_index.get_value();
                next_index.set_value(i + 1);
                let id = format!("assign-choice-{i}");
                view! {
                    <div class="checkbox">
                        <input type="checkbox" id=id.clone() name=format!("chosen[{i}]") value=format!("{prefix}:{value}") />
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let target = |value: &'static str, label: &'static str, checked: bool| {
        let id = format!("assign-target-{value}");
        view! {
            <div class="checkbox">
                <input type="radio" id=id.clone() name="target" value=value checked=checked />
                <label for=id>{label}</label>
            </div>
        }
    };
    let division_choices = choices(
        "division",
        divisions.into_iter().map(|d| (d.clone(), d)).collect(),
    );
    let role_choices = choices(
        "role",
        SecurityRole::ALL
            .into_iter()
            .map(|r| (r.code().to_string(), locale.security_role(r).to_string()))
            .collect(),
    );
    let group_choices = choices(
        "group",
        InspectionGroup::ALL
            .into_iter()
            .map(|g| (g.code().to_string(), locale.inspection_group(g).to_string()))
            .collect(),
    );
    let default_due = (today + chrono::Duration::days(30)).to_string();
    view! {
        <ActionForm action=actions.assign attr:class="stacked" attr:aria-describedby="assign-error">
            {action_outcome(actions.assign, "assign-error")}
            <input type="hidden" name="slug" value=slug />
            <fieldset>
                <legend>{t.training.target_legend}</legend>
                {target("everyone", t.training.everyone, true)}
                {target("divisions", t.training.target_divisions, false)}
                <fieldset class="choices"><legend class="visually-hidden">{t.training.target_divisions}</legend>{division_choices}</fieldset>
                {target("roles", t.training.target_roles, false)}
                <fieldset class="choices"><legend class="visually-hidden">{t.training.target_roles}</legend>{role_choices}</fieldset>
                {target("groups", t.training.target_groups, false)}
                <fieldset class="choices"><legend class="visually-hidden">{t.training.target_groups}</legend>{group_choices}</fieldset>
            </fieldset>
            <fieldset>
                <legend>{t.training.due_legend}</legend>
                <div class="checkbox">
                    <input type="radio" id="assign-due-on" name="due_kind" value="on" checked />
                    <label for="assign-due-on">{t.training.due_fixed}</label>
                </div>
                <div class="checkbox">
                    <input type="radio" id="assign-due-joining" name="due_kind" value="joining" />
                    <label for="assign-due-joining">{t.training.due_joining}</label>
                </div>
                <label for="assign-days">{t.training.within_days_label}</label>
                <input id="assign-days" name="within_days" type="number" min="1" value="90" />
                <label for="assign-due">{t.training.earliest_label}</label>
                <input id="assign-due" name="due_on" type="date" value=default_due required />
            </fieldset>
            <button type="submit">{t.training.assign_button}</button>
        </ActionForm>
    }
}
