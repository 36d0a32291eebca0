//! The admins' self-inspection pages: every campaign and a new one; a campaign's dates and
//! its items (imported from `items.csv`, each perhaps answered by a training module).

use super::{period, year_label, year_param};
use crate::{
    api::inspection::{
        AddInspectionItem, EditInspectionItem, RemoveInspectionItem, SaveInspectionCampaign,
        inspection_campaign, inspection_campaigns,
    },
    components::{
        action_outcome::action_outcome,
        data_table::{Column, DataTable},
        guard::RequirePermission,
        loaded::Loaded,
        upload_form::UploadForm,
    },
    i18n::{use_locale, use_texts},
    raw_text,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_query_map};
use mamori_domain::{
    FiscalYear, InspectionGroup, Permission,
    inspection::campaign::{CampaignDetail, CampaignItem, CampaignSummary, LinkedModule},
};

#[component]
pub fn InspectionAdminPage() -> impl IntoView {
    let t = use_texts();
    let save = ServerAction::<SaveInspectionCampaign>::new();
    let campaigns = Resource::new(move || save.version().get(), |_| inspection_campaigns());
    // With JavaScript the new campaign's page opens once it exists, as without.
    Effect::new(move |_| {
        if let Some(Ok(page)) = save.value().get() {
            leptos_router::hooks::use_navigate()(&page, Default::default());
        }
    });
    view! {
        <Title text=t.inspection.admin_title />
        <RequirePermission permission=Permission::AdministerInspection page=move |viewer| {
            let next_year = FiscalYear::containing(viewer.today).start_year();
            view! {
                <h1>{t.inspection.admin_title}</h1>
                <Loaded resource=campaigns view=move |list| view! { <CampaignTable list /> } />
                <section aria-labelledby="new-campaign-heading">
                    <h2 id="new-campaign-heading">{t.inspection.new_campaign}</h2>
                    <CampaignForm save year=next_year summary=None />
                </section>
            }
        } />
    }
    .into_any()
}

#[component]
fn CampaignTable(list: Vec<CampaignSummary>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if list.is_empty() {
        return view! { <p>{t.inspection.no_campaigns}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|c| {
            let year = c.fiscal_year;
            view! {
                <tr>
                    <th scope="row"><A href=format!("/admin/inspection/{year}")>{year_label(locale, year)}</A></th>
                    <td>{locale.date(c.reference_date)}</td>
                    <td>{period(locale, c.schedule)}</td>
                    <td>{locale.campaign_state(c.state)}</td>
                    <td class="number">{c.items}</td>
                    <td class="number">{c.responses}</td>
                    <td><A href=format!("/inspection/{year}/results")>{t.inspection.results_link}</A></td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.inspection.year.into(),
        t.inspection.reference_date.into(),
        t.inspection.period.into(),
        t.inspection.state.into(),
        t.inspection.item_count.into(),
        t.inspection.response_count.into(),
        Column::hidden(t.actions),
    ];
    view! {
        <DataTable caption=t.inspection.campaigns_caption class="report-table" columns>{rows}</DataTable>
    }
    .into_any()
}

/// The campaign's year and dates: a new campaign's year can be chosen, an existing one's not.
#[component]
fn CampaignForm(
    save: ServerAction<SaveInspectionCampaign>,
    year: i32,
    summary: Option<CampaignSummary>,
) -> impl IntoView {
    let t = use_texts();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let existing = summary.is_some();
    let reference = summary.as_ref().map(|s| s.reference_date);
    let (opens, closes) = summary.as_ref().map_or((None, None), |s| {
        (s.schedule.opens_on, s.schedule.closes_on)
    });
    view! {
        <ActionForm action=save attr:class="stacked" attr:aria-describedby="campaign-error">
            {if existing {
                view! { <input type="hidden" name="fiscal_year" value=year /> }.into_any()
            } else {
                view! {
                    <label for="campaign-year">{t.inspection.year_field}</label>
                    <input id="campaign-year" name="fiscal_year" type="number" min="2000" max="2100" required value=year />
                }.into_any()
            }}
            <label for="campaign-reference">{t.inspection.reference_date}</label>
            <input id="campaign-reference" name="reference_date" type="date" value=date(reference) aria-describedby="campaign-reference-hint" />
            <p class="hint" id="campaign-reference-hint">{t.inspection.reference_hint}</p>
            <label for="campaign-opens">{t.inspection.opens_on}</label>
            <input id="campaign-opens" name="opens_on" type="date" value=date(opens) />
            <label for="campaign-closes">{t.inspection.closes_on}</label>
            <input id="campaign-closes" name="closes_on" type="date" value=date(closes) aria-describedby="campaign-period-hint" />
            <p class="hint" id="campaign-period-hint">{t.inspection.period_hint}</p>
            {action_outcome(save, "campaign-error")}
            <button type="submit">{if existing { t.inspection.save_campaign } else { t.inspection.create_campaign }}</button>
        </ActionForm>
    }
    .into_any()
}

#[component]
pub fn InspectionCampaignPage() -> impl IntoView {
    let t = use_texts();
    let year = year_param();
    let save = ServerAction::<SaveInspectionCampaign>::new();
    let items = ItemActions {
        add: ServerAction::<AddInspectionItem>::new(),
        edit: ServerAction::<EditInspectionItem>::new(),
        remove: ServerAction::<RemoveInspectionItem>::new(),
    };
    let campaign = Resource::new(
        move || {
            (
                year(),
                save.version().get()
                    + items.add.version().get()
                    + items.edit.version().get()
                    + items.remove.version().get(),
            )
        },
        |(year, _)| inspection_campaign(year),
    );
    view! {
        <Title text=t.inspection.admin_title />
        <RequirePermission permission=Permission::AdministerInspection page=move |_| {
            view! {
                <Loaded resource=campaign whole_page=true view=move |detail| view! { <CampaignView detail save items /> } />
                <p><A href="/admin/inspection">{t.inspection.back_to_campaigns}</A></p>
            }
        } />
    }
    .into_any()
}

/// What an admin can do to a campaign's items.
#[derive(Clone, Copy)]
struct ItemActions {
    add: ServerAction<AddInspectionItem>,
    edit: ServerAction<EditInspectionItem>,
    remove: ServerAction<RemoveInspectionItem>,
}

#[component]
fn CampaignView(
    detail: CampaignDetail,
    save: ServerAction<SaveInspectionCampaign>,
    items: ItemActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let year = detail.summary.fiscal_year;
    let query = use_query_map();
    let imported = move || query.with(|q| q.get("items_imported"));
    let error = move || query.with(|q| q.get("items_error"));
    view! {
        <h1>{(t.inspection.campaign_title)(&year_label(locale, year))}</h1>
        <p>
            {locale.campaign_state(detail.summary.state)}" · "
            <A href=format!("/inspection/{year}/results")>{t.inspection.results_link}</A>
        </p>
        <section aria-labelledby="campaign-dates-heading">
            <h2 id="campaign-dates-heading">{t.inspection.dates_heading}</h2>
            <CampaignForm save year summary=Some(detail.summary.clone()) />
        </section>
        <section aria-labelledby="items-heading">
            <h2 id="items-heading">{(t.inspection.items_heading)(detail.items.len())}</h2>
            <p class="hint">{t.inspection.items_hint}</p>
            {action_outcome(items.edit, "item-edit-error")}
            {action_outcome(items.remove, "item-remove-error")}
            <ItemTable year items=detail.items.clone() modules=detail.modules.clone() actions=items />
            <h3 id="add-item-heading">{t.inspection.add_item}</h3>
            <AddItem year modules=detail.modules actions=items />
            <h3 id="items-file-heading">{t.inspection.items_file_heading}</h3>
            <p class="hint" id="items-file-hint">{t.inspection.items_file_hint}</p>
            {move || imported().map(|n| view! { <p class="notice" role="status">{(t.inspection.items_imported)(&n)}</p> })}
            {move || error().map(|lines| view! { <p class="error lines" role="alert" id="items-file-error">{lines}</p> })}
            <UploadForm action=format!("/admin/inspection/{year}/items") submit_label=t.inspection.import_items described_by="items-file-hint items-file-error"
                replaces=(!detail.items.is_empty()).then(|| (t.inspection.replace_items_question)(detail.items.len()))>
                <label for="items-file">{t.inspection.items_file}</label>
                <input id="items-file" name="file" type="file" accept=".csv,text/csv" required />
            </UploadForm>
        </section>
    }
    .into_any()
}

/// A select of every module, `chosen` selected; the first option links none.
fn module_options(modules: &[LinkedModule], chosen: Option<&str>) -> impl IntoView + use<> {
    let t = use_texts();
    let options = modules
        .iter()
        .map(|m| {
            view! { <option value=m.slug.clone() selected=chosen == Some(m.slug.as_str())>{m.title.clone()}</option> }
        })
        .collect_view();
    view! {
        <option value="" selected=chosen.is_none()>{t.inspection.no_module}</option>
        {options}
    }
}

#[component]
fn ItemTable(
    year: i32,
    items: Vec<CampaignItem>,
    modules: Vec<LinkedModule>,
    actions: ItemActions,
) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    if items.is_empty() {
        return view! { <p>{t.inspection.no_items}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|item| {
            let code = item.code.clone();
            let (text_id, module_id) = (format!("item-{code}-text"), format!("item-{code}-module"));
            let options = module_options(&modules, item.module.as_ref().map(|m| m.slug.as_str()));
            // Each form's children are their own closure, with their own copy.
            let (edited, removed) = (code.clone(), code.clone());
            let named = format!(" {code}");
            view! {
                <tr>
                    <th scope="row">{code}</th>
                    <td>{locale.inspection_group(item.group)}</td>
                    <td>{item.text.clone()}</td>
                    <td>{item.module.map(|m| view! { <A href=format!("/trainer/modules/{}", m.slug)>{m.title}</A> })}</td>
                    <td>
                        <details>
                            <summary>{t.inspection.edit_item}<span class="visually-hidden">{named.clone()}</span></summary>
                            <ActionForm action=actions.edit attr:class="stacked" attr:aria-describedby="item-edit-error">
                                <input type="hidden" name="fiscal_year" value=year />
                                <input type="hidden" name="item_id" value=edited />
                                <label for=text_id.clone()>{t.inspection.item_text}</label>
                                <textarea id=text_id name="text" rows="2" required>{raw_text::textarea(item.text)}</textarea>
                                <label for=module_id.clone()>{t.inspection.linked_module}</label>
                                <select id=module_id name="module">{options}</select>
                                <button type="submit">{t.inspection.save_item}</button>
                            </ActionForm>
                            <ActionForm action=actions.remove attr:aria-describedby="item-remove-error">
                                <input type="hidden" name="fiscal_year" value=year />
                                <input type="hidden" name="item_id" value=removed />
                                <button type="submit" class="outline">{t.inspection.remove_item}<span class="visually-hidden">{named}</span></button>
                            </ActionForm>
                        </details>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.inspection.item_code.into(),
        t.inspection.group.into(),
        t.inspection.item_text.into(),
        t.inspection.linked_module.into(),
        Column::hidden(t.actions),
    ];
    view! {
        <DataTable caption=t.inspection.items_caption caption_hidden=true class="report-table" columns>
            {rows}
        </DataTable>
    }
    .into_any()
}

#[component]
fn AddItem(year: i32, modules: Vec<LinkedModule>, actions: ItemActions) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let groups = InspectionGroup::ALL
        .map(|g| view! { <option value=g.code()>{locale.inspection_group(g)}</option> })
        .collect_view();
    view! {
        <ActionForm action=actions.add attr:class="stacked" attr:aria-describedby="item-add-error">
            <input type="hidden" name="fiscal_year" value=year />
            <label for="new-item-id">{t.inspection.item_code}</label>
            <input id="new-item-id" name="item_id" type="text" required />
            <label for="new-item-group">{t.inspection.group}</label>
            <select id="new-item-group" name="group">{groups}</select>
            <label for="new-item-text">{t.inspection.item_text}</label>
            <textarea id="new-item-text" name="text" rows="2" required></textarea>
            <label for="new-item-module">{t.inspection.linked_module}</label>
            <select id="new-item-module" name="module">{module_options(&modules, None)}</select>
            {action_outcome(actions.add, "item-add-error")}
            <button type="submit">{t.inspection.add_item_button}</button>
        </ActionForm>
    }
    .into_any()
}
