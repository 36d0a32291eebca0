//! `mamori inspection figures`: the campaign's figures as the JSON object self-inspection.md
//! specifies (a contract for outside tools), as the annual report's Table 1, and as CSV.

use super::{
    ATTAINMENT_THRESHOLDS, Figures, GroupFigures,
    campaign::{CampaignItem, SubmissionStatus},
};
use crate::{
    FiscalYear, InspectionGroup,
    percent::Share,
    report::table::{Cell, Table},
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A campaign's figures with what identifies them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignFigures {
    pub fiscal_year: i32,
    pub reference_date: NaiveDate,
    pub figures: Figures,
}

/// A percentage with one decimal as a JSON number (96.6), or `null`.
fn pct(share: Option<Share>) -> Option<f64> {
    share
        .and_then(Share::tenths_of_percent)
        .map(|tenths| tenths as f64 / 10.0)
}

// The JSON contract's shape, in its key order.
#[derive(Serialize)]
struct FiguresJson {
    fiscal_year: i32,
    reference_date: String,
    target_staff: usize,
    submitted_staff: usize,
    coverage_pct: Option<f64>,
    groups: GroupsJson,
}

#[derive(Serialize)]
struct GroupsJson {
    officers: GroupJson,
    system: GroupJson,
    staff: GroupJson,
}

#[derive(Serialize)]
struct GroupJson {
    target: usize,
    submitted: usize,
    items: usize,
    implementation_rate_pct: Option<f64>,
    attainment_pct: AttainmentJson,
}

#[derive(Serialize)]
struct AttainmentJson {
    #[serde(rename = "100")]
    all: Option<f64>,
    #[serde(rename = "95")]
    ninety_five: Option<f64>,
    #[serde(rename = "90")]
    ninety: Option<f64>,
}

impl GroupJson {
    fn of(g: &GroupFigures) -> Self {
        let at = |i: usize| pct(g.attainment.map(|shares| shares[i]));
        GroupJson {
            target: g.target,
            submitted: g.submitted,
            items: g.items,
            implementation_rate_pct: pct(g.implementation_rate),
            attainment_pct: AttainmentJson {
                all: at(0),
                ninety_five: at(1),
                ninety: at(2),
            },
        }
    }
}

impl CampaignFigures {
    /// Exactly one JSON object, in the specified shape and key order.
    pub fn to_json(&self) -> String {
        let group = |g: InspectionGroup| GroupJson::of(self.figures.group(g));
        let object = FiguresJson {
            fiscal_year: self.fiscal_year,
            reference_date: self.reference_date.to_string(),
            target_staff: self.figures.target_staff,
            submitted_staff: self.figures.submitted_staff,
            coverage_pct: pct(self.figures.coverage),
            groups: GroupsJson {
                officers: group(InspectionGroup::Officers),
                system: group(InspectionGroup::System),
                staff: group(InspectionGroup::Staff),
            },
        };
        serde_json::to_string_pretty(&object).expect("plain values serialize")
    }

    /// Table 1 (表１ 実施主体別の到達率) with the coverage and each group's implementation
    /// rate above it, in Japanese.
    pub fn to_table(&self) -> String {
        let shown = |share: Option<Share>| share.map_or("-".to_string(), |s| format!("{s}%"));
        let mut out = format!(
            "{} 自己点検（基準日 {}）\n",
            FiscalYear::new(self.fiscal_year).japanese_label(),
            self.reference_date
        );
        out.push_str(&format!(
            "把握率 {}（{} 人中 {} 人提出）\n\n",
            shown(self.figures.coverage),
            self.figures.target_staff,
            self.figures.submitted_staff
        ));
        out.push_str("対策実施率\n");
        for g in &self.figures.groups {
            out.push_str(&format!(
                "  {}\t{}\n",
                g.group.japanese_name(),
                shown(g.implementation_rate)
            ));
        }
        out.push_str("\n表１ 実施主体別の到達率\n");
        out.push_str("実施主体\t到達率（100）\t到達率（95）\t到達率（90）\n");
        for g in &self.figures.groups {
            let cells: Vec<String> = (0..ATTAINMENT_THRESHOLDS.len())
                .map(|i| shown(g.attainment.map(|shares| shares[i])))
                .collect();
            out.push_str(&format!(
                "{}\t{}\n",
                g.group.japanese_name(),
                cells.join("\t")
            ));
        }
        out
    }

    /// `figures_table`'s rows for other programs: English headings, groups by code and the
    /// whole as `all`.
    pub fn to_csv(&self) -> String {
        let header = [
            "group",
            "target",
            "submitted",
            "items",
            "coverage_pct",
            "implementation_rate_pct",
            "attainment_100_pct",
            "attainment_95_pct",
            "attainment_90_pct",
        ];
        let rows = figure_rows(self, |group| group.map_or("all", InspectionGroup::code));
        crate::csv::write(
            &header,
            rows.iter().map(|row| row.iter().map(Cell::to_text)),
        )
    }
}

fn share_cell(share: Option<Share>) -> Cell {
    share.map_or(Cell::Empty, Cell::Share)
}

/// Table 1 with its counts: a row 全体 with the coverage, then one row per group (its
/// submission rate, implementation rate and attainment); empty cells for null.
pub fn figures_table(figures: &CampaignFigures) -> Table {
    Table {
        name: format!("自己点検{}", figures.fiscal_year),
        columns: [
            "実施主体",
            "対象者数",
            "提出者数",
            "項目数",
            "把握率(%)",
            "対策実施率(%)",
            "到達率100(%)",
            "到達率95(%)",
            "到達率90(%)",
        ]
        .map(String::from)
        .to_vec(),
        rows: figure_rows(figures, |group| {
            group.map_or("全体", InspectionGroup::japanese_name)
        }),
    }
}

/// The whole (`label(None)`), then each group.
fn figure_rows(
    figures: &CampaignFigures,
    label: impl Fn(Option<InspectionGroup>) -> &'static str,
) -> Vec<Vec<Cell>> {
    let f = &figures.figures;
    let mut rows = vec![vec![
        Cell::Text(label(None).into()),
        Cell::Count(f.target_staff),
        Cell::Count(f.submitted_staff),
        Cell::Empty,
        share_cell(f.coverage),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ]];
    for g in &f.groups {
        let mut row = vec![
            Cell::Text(label(Some(g.group)).into()),
            Cell::Count(g.target),
            Cell::Count(g.submitted),
            Cell::Count(g.items),
            share_cell((g.target > 0).then(|| Share::new(g.submitted, g.target))),
            share_cell(g.implementation_rate),
        ];
        row.extend(
            (0..ATTAINMENT_THRESHOLDS.len()).map(|i| share_cell(g.attainment.map(|a| a[i]))),
        );
        rows.push(row);
    }
    rows
}

/// Each item's share, by group, with its text.
pub fn item_shares_table(figures: &CampaignFigures, items: &[CampaignItem]) -> Table {
    let text_of = |code: &str| {
        items
            .iter()
            .find(|i| i.code == code)
            .map_or(String::new(), |i| i.text.clone())
    };
    let rows = figures
        .figures
        .groups
        .iter()
        .flat_map(|g| {
            g.item_shares.iter().map(move |(code, share)| {
                vec![
                    Cell::Text(g.group.japanese_name().into()),
                    Cell::Text(code.clone()),
                    Cell::Text(text_of(code)),
                    share_cell(*share),
                ]
            })
        })
        .collect();
    Table {
        name: "項目別実施率".into(),
        columns: ["実施主体", "項目", "遵守事項", "実施率(%)"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// Submission by division.
pub fn divisions_table(status: &SubmissionStatus) -> Table {
    Table {
        name: "課別提出状況".into(),
        columns: ["課", "対象者数", "提出者数", "提出率(%)"]
            .map(String::from)
            .to_vec(),
        rows: status
            .divisions
            .iter()
            .map(|d| {
                vec![
                    Cell::Text(d.division.clone()),
                    Cell::Count(d.target),
                    Cell::Count(d.submitted),
                    Cell::Share(d.share),
                ]
            })
            .collect(),
    }
}

/// Who has not submitted, by division.
pub fn non_submitters_table(status: &SubmissionStatus) -> Table {
    Table {
        name: "未提出者".into(),
        columns: [
            "課",
            "職員番号",
            "氏名",
            "回答済み項目数",
            "回答が必要な項目数",
        ]
        .map(String::from)
        .to_vec(),
        rows: status
            .non_submitters
            .iter()
            .map(|n| {
                vec![
                    Cell::Text(n.division.clone()),
                    Cell::Text(n.employee_id.to_string()),
                    Cell::Text(n.name.clone()),
                    Cell::Count(n.answered),
                    Cell::Count(n.required),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(
        group: InspectionGroup,
        (target, submitted, items): (usize, usize, usize),
        implementation_rate: Option<Share>,
        attainment: Option<[Share; 3]>,
    ) -> GroupFigures {
        GroupFigures {
            group,
            target,
            submitted,
            items,
            implementation_rate,
            attainment,
            item_shares: Vec::new(),
        }
    }

    fn fy2011() -> CampaignFigures {
        let all = |n| [Share::new(n, n); 3];
        CampaignFigures {
            fiscal_year: 2011,
            reference_date: NaiveDate::from_ymd_opt(2012, 3, 31).unwrap(),
            figures: Figures {
                target_staff: 361,
                submitted_staff: 361,
                coverage: Some(Share::new(361, 361)),
                groups: vec![
                    group(
                        InspectionGroup::Officers,
                        (12, 12, 8),
                        Some(Share::new(96, 96)),
                        Some(all(8)),
                    ),
                    group(InspectionGroup::System, (0, 0, 5), None, None),
                    group(
                        InspectionGroup::Staff,
                        (361, 361, 6),
                        Some(Share::new(2092, 2166)),
                        Some([Share::new(0, 6), Share::new(5, 6), Share::new(6, 6)]),
                    ),
                ],
            },
        }
    }

    #[test]
    fn json_has_the_contracts_shape_keys_and_nulls() {
        let json = fy2011().to_json();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["fiscal_year"], 2011);
        assert_eq!(value["reference_date"], "2012-03-31");
        assert_eq!(value["coverage_pct"], 100.0);
        assert_eq!(value["groups"]["staff"]["implementation_rate_pct"], 96.6);
        assert_eq!(value["groups"]["staff"]["attainment_pct"]["95"], 83.3);
        assert_eq!(value["groups"]["staff"]["attainment_pct"]["100"], 0.0);
        assert_eq!(
            value["groups"]["system"]["implementation_rate_pct"],
            serde_json::Value::Null
        );
        assert_eq!(value["groups"]["officers"]["items"], 8);
        let order = [
            "\"fiscal_year\"",
            "\"reference_date\"",
            "\"target_staff\"",
            "\"submitted_staff\"",
            "\"coverage_pct\"",
            "\"groups\"",
            "\"officers\"",
            "\"system\"",
            "\"staff\"",
        ];
        let positions: Vec<usize> = order.iter().map(|key| json.find(key).unwrap()).collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "keys in the contract's order: {json}"
        );
        assert!(json.contains("\"coverage_pct\": 100.0"), "{json}");
    }

    #[test]
    fn the_table_reads_like_table_1_and_the_csv_has_a_row_per_group() {
        let table = fy2011().to_table();
        assert!(
            table.starts_with("平成23年度 自己点検（基準日 2012-03-31）"),
            "{table}"
        );
        assert!(
            table.contains("把握率 100.0%（361 人中 361 人提出）"),
            "{table}"
        );
        assert!(table.contains("表１ 実施主体別の到達率"));
        assert!(
            table.contains("情報セキュリティ責任者等\t100.0%\t100.0%\t100.0%"),
            "{table}"
        );
        assert!(
            table.contains("行政事務従事者\t0.0%\t83.3%\t100.0%"),
            "{table}"
        );
        assert!(
            table.contains("情報システムセキュリティ責任者・管理者\t-\t-\t-"),
            "{table}"
        );

        let csv = fy2011().to_csv();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines[0],
            "group,target,submitted,items,coverage_pct,implementation_rate_pct,attainment_100_pct,attainment_95_pct,attainment_90_pct"
        );
        assert_eq!(lines[1], "all,361,361,,100.0,,,,");
        assert_eq!(lines[4], "staff,361,361,6,100.0,96.6,0.0,83.3,100.0");
        assert_eq!(lines[3], "system,0,0,5,,,,,");
    }
}
