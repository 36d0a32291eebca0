//! The module's assignments, each with its own reminder policy and a carry-over to the next
//! fiscal year, and the form that assigns the module to everyone, divisions, roles or groups.

use super::EditorActions;
use crate::{
    api::mail::PolicyForm,
    components::{
        action_outcome::{action_outcome, action_outcome_by},
        data_table::{Column, DataTable},
        policy_fields::PolicyFields,
    },
    i18n::{Locale, use_locale},
};
use leptos::prelude::*;
use mamori_domain::{
    FiscalYear, InspectionGroup, SecurityRole,
    training::{AssignmentChoices, AssignmentInfo, AssignmentTarget, DueRule},
};

fn target_text(locale: Locale, target: &AssignmentTarget) -> String {
    let t = locale.texts();
    match target {
        AssignmentTarget::Everyone => t.training.everyone.to_string(),
        AssignmentTarget::Divisions(names) => names.join(locale.list_separator()),
        AssignmentTarget::Roles(roles) => roles
            .iter()
            .map(|r| locale.security_role(*r))
            .collect::<Vec<_>>()
            .join(locale.list_separator()),
        AssignmentTarget::Groups(groups) => groups
            .iter()
            .map(|g| locale.inspection_group(*g))
            .collect::<Vec<_>>()
            .join(locale.list_separator()),
    }
}

#[component]
pub(super) fn Assignments(
    assignments: Vec<AssignmentInfo>,
    actions: EditorActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if assignments.is_empty() {
        return view! { <p>{t.training.no_assignments}</p> }.into_any();
    }
    let rows = assignments
        .into_iter()
        .map(|a| {
            let due = match a.due {
                DueRule::On {
                    date,
                    joiner_grace_days,
                } => (t.training.due_fixed_with_grace)(&locale.date(date), joiner_grace_days),
                DueRule::WithinDaysOfJoining { days, earliest } => {
                    (t.training.due_within)(days, &locale.date(earliest))
                }
            };
            let year = locale.fiscal_year(FiscalYear::new(a.fiscal_year));
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
        <DataTable columns=[
            Column::from(t.fiscal_year_label),
            t.training.target_label.into(),
            t.training.due_label.into(),
            t.training.reminders_column.into(),
            Column::hidden(t.actions),
        ]>{rows}</DataTable>
    }
    .into_any()
}

#[component]
pub(super) fn AssignForm(
    slug: String,
    choices: AssignmentChoices,
    today: chrono::NaiveDate,
    actions: EditorActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    // Checkboxes post as `chosen[i]` (one list for all three kinds, told apart by prefix),
    // which the server function reads as a list.
    let next_index = StoredValue::new(0usize);
    let checkboxes = move |prefix: &'static str, options: Vec<(String, String)>| {
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
    // Nothing chosen beforehand: assigning everyone by an unnoticed default is the costly
    // mistake. The browser asks for a choice (`required`), also without JavaScript.
    let target = |value: &'static str, label: &'static str| {
        let id = format!("assign-target-{value}");
        view! {
            <div class="checkbox">
                <input type="radio" id=id.clone() name="target" value=value required />
                <label for=id>{label}</label>
            </div>
        }
    };
    let division_choices = checkboxes(
        "division",
        choices
            .divisions
            .into_iter()
            .map(|d| (d.clone(), d))
            .collect(),
    );
    let role_choices = checkboxes(
        "role",
        SecurityRole::ALL
            .into_iter()
            .map(|r| (r.code().to_string(), locale.security_role(r).to_string()))
            .collect(),
    );
    let group_choices = checkboxes(
        "group",
        InspectionGroup::ALL
            .into_iter()
            .map(|g| (g.code().to_string(), locale.inspection_group(g).to_string()))
            .collect(),
    );
    // How far the chosen date is, said as the trainer picks it.
    let due = RwSignal::new(choices.default_due);
    let days_ahead = move || (t.training.days_from_today)((due.get() - today).num_days());
    let pick_due = move |event: leptos::ev::Event| {
        if let Ok(date) = event_target_value(&event).parse() {
            due.set(date);
        }
    };
    view! {
        <ActionForm action=actions.assign attr:class="stacked" attr:aria-describedby="assign-error">
            {action_outcome_by(actions.assign, "assign-error", move |reached| (t.training.assigned_people)(*reached))}
            <input type="hidden" name="slug" value=slug />
            <fieldset>
                <legend>{t.training.target_legend}</legend>
                {target("everyone", t.training.everyone)}
                {target("divisions", t.training.target_divisions)}
                <fieldset class="choices"><legend class="visually-hidden">{t.training.target_divisions}</legend>{division_choices}</fieldset>
                {target("roles", t.training.target_roles)}
                <fieldset class="choices"><legend class="visually-hidden">{t.training.target_roles}</legend>{role_choices}</fieldset>
                {target("groups", t.training.target_groups)}
                <fieldset class="choices"><legend class="visually-hidden">{t.training.target_groups}</legend>{group_choices}</fieldset>
            </fieldset>
            <fieldset class="due-rule">
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
                <input id="assign-due" name="due_on" type="date" value=choices.default_due.to_string() required
                    aria-describedby="assign-due-ahead" on:input=pick_due />
                <p class="hint" id="assign-due-ahead">{days_ahead}</p>
                <label for="assign-grace">{t.training.grace_label}</label>
                <input id="assign-grace" name="joiner_grace_days" type="number" min="0" max=DueRule::MAX_JOINER_GRACE_DAYS value=DueRule::DEFAULT_JOINER_GRACE_DAYS required />
            </fieldset>
            <button type="submit">{t.training.assign_button}</button>
        </ActionForm>
    }
}
