//! A learner's self-inspection: the campaigns they can open, and their sheet — answered
//! item by item, saved as a draft, submitted, changed until the campaign closes — with the
//! history of their answers.

use super::{period, year_label, year_param};
use crate::{
    api::{
        inspection::{SaveMyInspection, my_inspection_sheet, my_inspections},
        session::Viewer,
    },
    components::{
        action_outcome::action_outcome_by,
        data_table::{Column, DataTable},
        guard::RequirePermission,
        loaded::Loaded,
    },
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use mamori_domain::{
    InspectionGroup, Permission,
    inspection::{
        Answer,
        campaign::{CampaignState, ChangeSource, LearnerCampaign, LearnerSheet, SheetItem},
    },
};

#[component]
pub fn InspectionListPage() -> impl IntoView {
    let t = use_texts();
    // Made outside the part that waits for the viewer: that part is rendered more than once,
    // and a resource made there would ask the server each time.
    let campaigns = Resource::new(|| (), |_| my_inspections());
    view! {
        <Title text=t.inspection.title />
        <RequirePermission permission=Permission::TakeTraining page=move |viewer| {
            view! {
                <h1>{t.inspection.title}</h1>
                <p class="hint">{t.inspection.intro}</p>
                <Loaded resource=campaigns view=move |list| view! { <CampaignList list viewer=viewer.clone() /> } />
            }
        } />
    }
    .into_any()
}

/// The open self-inspections a learner has not submitted, with their deadline: on their home
/// page, so that nobody learns of it from a reminder first.
#[component]
pub fn PendingInspections(campaigns: Vec<LearnerCampaign>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    campaigns
        .into_iter()
        .filter(|c| c.state == CampaignState::Open && !c.submitted)
        .map(|c| {
            let year = c.fiscal_year;
            let due = c.closes_on.map(|d| locale.date(d)).unwrap_or_default();
            view! {
                <p class="notice pending-inspection">
                    {(t.inspection.pending)(&year_label(locale, year), &due)}" "
                    <A href=format!("/inspection/{year}")>{t.inspection.answer_now}</A>
                </p>
            }
        })
        .collect_view()
}

#[component]
fn CampaignList(list: Vec<LearnerCampaign>, viewer: Viewer) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if list.is_empty() {
        return view! { <p>{t.inspection.none_open}</p> }.into_any();
    }
    let sees_results = viewer.actor.can(Permission::ViewInspectionStatus);
    let rows = list
        .into_iter()
        .map(|c| {
            let year = c.fiscal_year;
            let open = c.state == CampaignState::Open;
            let action = if open && !c.submitted { t.inspection.answer_now } else { t.inspection.view_answers };
            view! {
                <tr>
                    <th scope="row">{year_label(locale, year)}</th>
                    <td>{locale.campaign_state(c.state)}</td>
                    <td>{c.closes_on.map(|d| locale.date(d)).unwrap_or_default()}</td>
                    <td>{if c.submitted { t.inspection.submitted } else { t.inspection.not_submitted }}</td>
                    <td>
                        <A href=format!("/inspection/{year}")>{action}</A>
                        {sees_results.then(|| view! {
                            " "<A href=format!("/inspection/{year}/results")>{t.inspection.results_link}</A>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.inspection.year.into(),
        t.inspection.state.into(),
        t.inspection.closes_on.into(),
        t.inspection.submission.into(),
        Column::hidden(t.actions),
    ];
    view! {
        <DataTable caption=t.inspection.campaigns_caption class="report-table" columns>{rows}</DataTable>
    }
    .into_any()
}

#[component]
pub fn InspectionSheetPage() -> impl IntoView {
    let t = use_texts();
    let year = year_param();
    let save = ServerAction::<SaveMyInspection>::new();
    let sheet = Resource::new(
        move || (year(), save.version().get()),
        |(year, _)| my_inspection_sheet(year),
    );
    view! {
        <Title text=t.inspection.title />
        <RequirePermission permission=Permission::TakeTraining page=move |_| {
            view! {
                <Loaded resource=sheet whole_page=true view=move |sheet| view! { <SheetView sheet save /> } />
                <p><A href="/inspection">{t.inspection.back_to_list}</A></p>
            }
        } />
    }
    .into_any()
}

#[component]
fn SheetView(sheet: LearnerSheet, save: ServerAction<SaveMyInspection>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let year = sheet.fiscal_year;
    let open = sheet.state == CampaignState::Open;
    let status = match (sheet.submitted, sheet.submitted_at) {
        (true, Some(at)) => (t.inspection.submitted_at)(&locale.date_time(at)),
        (true, None) => t.inspection.submitted.to_string(),
        (false, _) => t.inspection.not_submitted.to_string(),
    };
    let groups = InspectionGroup::ALL
        .into_iter()
        .filter_map(|group| {
            let items: Vec<SheetItem> = sheet
                .items
                .iter()
                .filter(|i| i.item.group == group)
                .cloned()
                .collect();
            (!items.is_empty()).then(|| view! { <GroupItems group items open /> })
        })
        .collect_view();
    let body = if open {
        view! {
            <ActionForm action=save attr:class="stacked wide inspection-sheet" attr:aria-describedby="sheet-error">
                <input type="hidden" name="fiscal_year" value=year />
                {groups}
                {action_outcome_by(save, "sheet-error", move |submitted| {
                    if *submitted { t.inspection.submitted_now } else { t.inspection.draft_saved }.to_string()
                })}
                <div class="buttons">
                    <button type="submit" name="submit" value="false" class="outline">{t.inspection.save_draft}</button>
                    <button type="submit" name="submit" value="true">{t.inspection.submit}</button>
                </div>
            </ActionForm>
        }
        .into_any()
    } else {
        view! { <div class="inspection-sheet">{groups}</div> }.into_any()
    };
    view! {
        <h1>{(t.inspection.sheet_title)(&year_label(locale, year))}</h1>
        <dl class="facts">
            <dt>{t.inspection.reference_date}</dt><dd>{locale.date(sheet.reference_date)}</dd>
            <dt>{t.inspection.period}</dt><dd>{period(locale, sheet.schedule)}" ("{locale.campaign_state(sheet.state)}")"</dd>
            <dt>{t.inspection.submission}</dt><dd id="sheet-status">{status}</dd>
        </dl>
        {sheet.has_draft.then(|| {
            let waiting = if sheet.submitted { t.inspection.draft_after_submission } else { t.inspection.draft_waiting };
            view! { <p class="notice">{waiting}</p> }
        })}
        <p class="hint">{if open { t.inspection.sheet_hint } else { t.inspection.sheet_closed }}</p>
        {body}
        <History history=sheet.history />
    }
    .into_any()
}

/// One group's items: radio buttons when open; training's answer, locked, for linked items.
#[component]
fn GroupItems(group: InspectionGroup, items: Vec<SheetItem>, open: bool) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(index, sheet_item)| {
            let code = sheet_item.item.code.clone();
            let legend = format!("{} {}", code, sheet_item.item.text);
            let chosen = sheet_item.answer;
            let input = if let Some(module) = &sheet_item.item.module {
                view! {
                    <p class="derived">
                        <strong>{chosen.map(|a| locale.answer(a)).unwrap_or_default()}</strong>" "
                        {(t.inspection.derived_from)(&module.title)}" "
                        <A href=format!("/modules/{}", module.slug)>{t.inspection.open_module}</A>
                    </p>
                }
                .into_any()
            } else if open {
                let name = format!("answers[{}]", group_index(group) + index);
                Answer::ALL
                    .into_iter()
                    .map(|answer| {
                        let id = format!("answer-{code}-{}", answer.code());
                        view! {
                            <div class="checkbox">
                                <input type="radio" id=id.clone() name=name.clone()
                                    value=format!("{code}:{}", answer.code()) checked=chosen == Some(answer) />
                                <label for=id>{locale.answer(answer)}</label>
                            </div>
                        }
                    })
                    .collect_view()
                    .into_any()
            } else {
                view! {
                    <p><strong>{chosen.map_or(t.inspection.unanswered_mark, |a| locale.answer(a))}</strong></p>
                }
                .into_any()
            };
            view! {
                <fieldset class="inspection-item">
                    <legend>{legend}</legend>
                    {input}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby=format!("group-{}", group.code())>
            <h2 id=format!("group-{}", group.code())>{locale.inspection_group(group)}</h2>
            {rows}
        </section>
    }
    .into_any()
}

/// Radio names must differ across groups as well as items.
fn group_index(group: InspectionGroup) -> usize {
    InspectionGroup::ALL
        .iter()
        .position(|g| *g == group)
        .unwrap_or_default()
        * 1000
}

#[component]
fn History(history: Vec<mamori_domain::inspection::campaign::SheetChange>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if history.is_empty() {
        return ().into_any();
    }
    let rows = history
        .into_iter()
        .rev()
        .map(|change| {
            let answers = change
                .answers
                .iter()
                .map(|(code, answer)| format!("{code}: {}", locale.answer(*answer)))
                .collect::<Vec<_>>()
                .join(" / ");
            let source = match change.source {
                ChangeSource::Form => t.inspection.source_form,
                ChangeSource::Import => t.inspection.source_import,
            };
            view! {
                <tr>
                    <td>{locale.date_time(change.at)}</td>
                    <td>{source}</td>
                    <td>{answers}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.inspection.changed_at,
        t.inspection.source,
        t.inspection.answers,
    ];
    view! {
        <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t.inspection.history}</h2>
            <DataTable caption=t.inspection.history caption_hidden=true class="report-table" columns>
                {rows}
            </DataTable>
        </section>
    }
    .into_any()
}
