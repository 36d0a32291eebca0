//! A campaign's results: who has submitted, by division, and who has not (managers see their
//! divisions); for admins the figures as the annual report's Table 1, each item's share and
//! the comparison with earlier years. Every table downloads as CSV and `.xlsx`.

use super::{percent, year_label, year_param};
use crate::{
    api::inspection::load_inspection_results,
    components::{data_table::DataTable, guard::RequirePermission, loaded::Loaded},
    i18n::{use_locale, use_texts},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use mamori_domain::{
    InspectionGroup, Permission,
    inspection::{
        ATTAINMENT_THRESHOLDS,
        campaign::{CampaignItem, InspectionResults, SubmissionStatus},
        output::CampaignFigures,
    },
};

#[component]
pub fn InspectionResultsPage() -> impl IntoView {
    let t = use_texts();
    let year = year_param();
    let results = Resource::new(year, load_inspection_results);
    view! {
        <Title text=t.inspection.results_title />
        <RequirePermission permission=Permission::ViewInspectionStatus page=move |_| {
            view! { <Loaded resource=results whole_page=true view=move |results| view! { <ResultsView results /> } /> }
        } />
    }
    .into_any()
}

/// Links to a table's CSV and `.xlsx`.
#[component]
fn Downloads(year: i32, file: &'static str) -> impl IntoView {
    let t = use_texts();
    view! {
        <p class="downloads">
            <a href=format!("/inspection/{year}/{file}.csv") download>{t.download_csv}</a>" "
            <a href=format!("/inspection/{year}/{file}.xlsx") download>{t.download_xlsx}</a>
        </p>
    }
    .into_any()
}

#[component]
fn ResultsView(results: InspectionResults) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let year = results.campaign.fiscal_year;
    let figures = results.figures.clone().map(|figures| {
        view! {
            <Table1 figures=figures.clone() />
            <ItemShares figures items=results.items.clone() />
            <ByYear by_year=results.by_year.clone() />
        }
    });
    view! {
        <h1>{(t.inspection.results_heading)(&year_label(locale, year))}</h1>
        <dl class="facts">
            <dt>{t.inspection.reference_date}</dt><dd>{locale.date(results.campaign.reference_date)}</dd>
            <dt>{t.inspection.state}</dt><dd>{locale.campaign_state(results.campaign.state)}</dd>
        </dl>
        {figures}
        <Status year status=results.status />
        <p><A href="/inspection">{t.inspection.back_to_list}</A></p>
    }
    .into_any()
}

#[component]
fn Table1(figures: CampaignFigures) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let f = &figures.figures;
    let rows = f
        .groups
        .iter()
        .map(|g| {
            let attainment = (0..ATTAINMENT_THRESHOLDS.len())
                .map(|i| view! { <td class="number">{percent(g.attainment.map(|a| a[i]))}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{locale.inspection_group(g.group)}</th>
                    <td class="number">{g.target}</td>
                    <td class="number">{g.submitted}</td>
                    <td class="number">{g.items}</td>
                    <td class="number">{percent(g.implementation_rate)}</td>
                    {attainment}
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.inspection.group,
        t.inspection.target,
        t.inspection.submitted_count,
        t.inspection.item_count,
        t.inspection.implementation_rate,
    ]
    .map(String::from)
    .into_iter()
    .chain(ATTAINMENT_THRESHOLDS.map(t.inspection.attainment));
    view! {
        <section aria-labelledby="table1-heading">
            <h2 id="table1-heading">{t.inspection.figures_heading}</h2>
            <p class="big-figure" id="coverage">
                {t.inspection.coverage}" "<strong>{percent(f.coverage)}</strong>" "
                {(t.inspection.coverage_counts)(f.target_staff, f.submitted_staff)}
            </p>
            <DataTable caption=t.inspection.table1_caption class="report-table" id="table1" columns>
                {rows}
            </DataTable>
            <Downloads year=figures.fiscal_year file="table1" />
        </section>
    }
    .into_any()
}

#[component]
fn ItemShares(figures: CampaignFigures, items: Vec<CampaignItem>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let text_of = move |code: &str| {
        items
            .iter()
            .find(|i| i.code == code)
            .map(|i| i.text.clone())
            .unwrap_or_default()
    };
    let rows = figures
        .figures
        .groups
        .iter()
        .flat_map(|g| g.item_shares.iter().map(move |share| (g.group, share)))
        .map(|(group, (code, share))| {
            view! {
                <tr>
                    <td>{locale.inspection_group(group)}</td>
                    <th scope="row">{code.clone()}</th>
                    <td>{text_of(code)}</td>
                    <td class="number">{percent(*share)}</td>
                </tr>
            }
        })
        .collect_view();
    let columns = [
        t.inspection.group,
        t.inspection.item_code,
        t.inspection.item_text,
        t.inspection.item_share,
    ];
    view! {
        <section aria-labelledby="items-heading">
            <h2 id="items-heading">{t.inspection.item_shares_heading}</h2>
            <p class="hint">{t.inspection.item_shares_hint}</p>
            <DataTable caption=t.inspection.item_shares_heading caption_hidden=true class="report-table" columns>
                {rows}
            </DataTable>
            <Downloads year=figures.fiscal_year file="items" />
        </section>
    }
    .into_any()
}

#[component]
fn ByYear(by_year: Vec<CampaignFigures>) -> impl IntoView {
    let locale = use_locale();
    let t = locale.texts();
    let columns = [t.inspection.year, t.inspection.coverage]
        .map(String::from)
        .into_iter()
        .chain(InspectionGroup::ALL.into_iter().flat_map(|g| {
            let name = locale.inspection_group(g);
            [
                (t.inspection.rate_of)(name),
                (t.inspection.attainment_of)(name),
            ]
        }));
    let rows = by_year
        .into_iter()
        .map(|year| {
            let cells = InspectionGroup::ALL
                .map(|g| {
                    let figures = year.figures.group(g);
                    view! {
                        <td class="number">{percent(figures.implementation_rate)}</td>
                        <td class="number">{percent(figures.attainment.map(|a| a[0]))}</td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{year_label(locale, year.fiscal_year)}</th>
                    <td class="number">{percent(year.figures.coverage)}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="by-year-heading">
            <h2 id="by-year-heading">{t.inspection.by_year_heading}</h2>
            <DataTable caption=t.inspection.by_year_heading caption_hidden=true class="report-table" columns>
                {rows}
            </DataTable>
        </section>
    }
    .into_any()
}

#[component]
fn Status(year: i32, status: SubmissionStatus) -> impl IntoView {
    let t = use_texts();
    let divisions = status
        .divisions
        .iter()
        .map(|d| {
            view! {
                <tr>
                    <th scope="row">{d.division.clone()}</th>
                    <td class="number">{d.target}</td>
                    <td class="number">{d.submitted}</td>
                    <td class="number">{percent(Some(d.share))}</td>
                </tr>
            }
        })
        .collect_view();
    let non_submitters = status
        .non_submitters
        .iter()
        .map(|n| {
            view! {
                <tr>
                    <td>{n.division.clone()}</td>
                    <td>{n.employee_id.to_string()}</td>
                    <th scope="row">{n.name.clone()}</th>
                    <td class="number">{format!("{} / {}", n.answered, n.required)}</td>
                </tr>
            }
        })
        .collect_view();
    let nobody = status.non_submitters_total == 0;
    let more = status.non_submitters_total - status.non_submitters.len();
    view! {
        <section aria-labelledby="status-heading">
            <h2 id="status-heading">{t.inspection.status_heading}</h2>
            <DataTable caption=t.inspection.status_heading caption_hidden=true class="report-table" id="division-status"
                columns=[t.inspection.division, t.inspection.target, t.inspection.submitted_count, t.inspection.submission_rate]>
                {divisions}
            </DataTable>
            <Downloads year file="divisions" />
        </section>
        <section aria-labelledby="non-submitters-heading">
            <h2 id="non-submitters-heading">{(t.inspection.non_submitters_heading)(status.non_submitters_total)}</h2>
            {if nobody {
                view! { <p>{t.inspection.everyone_submitted}</p> }.into_any()
            } else {
                view! {
                    <DataTable caption=t.inspection.non_submitters_caption caption_hidden=true class="report-table" id="non-submitters"
                        columns=[t.inspection.division, t.inspection.employee_id, t.inspection.name, t.inspection.answered_of]>
                        {non_submitters}
                    </DataTable>
                    {(more > 0).then(|| view! { <p>{(t.inspection.non_submitters_more)(more)}</p> })}
                }.into_any()
            }}
            <Downloads year file="non-submitters" />
        </section>
    }
    .into_any()
}
