//! Every report table as rows of typed cells, so that one description serves the CSV export
//! and the spreadsheet (which keeps numbers, shares and dates as such). Headings are Japanese:
//! the files are for the agency's Excel.

use super::{
    BreakdownRow, CurvePoint, Dimension, ReportEntry,
    materials::{MaterialReport, TIME_BANDS},
    transcript::Transcript,
};
use crate::{fiscal_year::AGENCY_OFFSET_HOURS, percent::Share, training::ProgressStatus};
use chrono::{DateTime, Duration, NaiveDate, Utc};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(usize),
    /// A share, written as a percentage with one decimal.
    Share(Share),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    fn date(date: Option<NaiveDate>) -> Cell {
        date.map_or(Cell::Empty, Cell::Date)
    }

    /// A moment as the agency's local date and time.
    fn moment(at: Option<DateTime<Utc>>) -> Cell {
        at.map_or(Cell::Empty, |at| {
            let local = at + Duration::hours(AGENCY_OFFSET_HOURS);
            Cell::Text(local.format("%Y-%m-%d %H:%M").to_string())
        })
    }

    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Share(share) if share.whole == 0 => String::new(),
            Cell::Share(share) => share.to_string(),
            Cell::Date(date) => date.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A report table: a sheet name, headings and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// CSV in UTF-8 with a byte-order mark.
    pub fn to_csv(&self) -> String {
        let header: Vec<&str> = self.columns.iter().map(String::as_str).collect();
        crate::csv::write(
            &header,
            self.rows.iter().map(|row| row.iter().map(Cell::to_text)),
        )
    }
}

fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| n.to_string()).collect()
}

const STANDING_COLUMNS: [&str; 9] = [
    "対象数",
    "修了",
    "修了率(%)",
    "受講中",
    "受講中(%)",
    "未受講",
    "未受講(%)",
    "期限超過",
    "期限超過(%)",
];

/// A breakdown: one row per key, each standing's count and share.
pub fn breakdown_table(dimension: Dimension, rows: &[BreakdownRow]) -> Table {
    let heading = match dimension {
        Dimension::Division => "所属",
        Dimension::Role => "セキュリティ上の役割",
        Dimension::Group => "自己点検の実施主体",
        Dimension::Module => "研修",
        Dimension::FiscalYear => "年度",
    };
    let mut names = vec![heading];
    names.extend(STANDING_COLUMNS);
    Table {
        name: dimension.code().to_string(),
        columns: columns(&names),
        rows: rows
            .iter()
            .map(|row| {
                let mut cells = vec![
                    Cell::Text(row.label.clone()),
                    Cell::Count(row.tally.total()),
                ];
                for status in ProgressStatus::ALL {
                    cells.push(Cell::Count(row.tally.count(status)));
                    cells.push(Cell::Share(row.tally.share(status)));
                }
                cells
            })
            .collect(),
    }
}

/// The completion curve, one row per point.
pub fn curve_table(points: &[CurvePoint]) -> Table {
    Table {
        name: "curve".into(),
        columns: columns(&["日付", "修了", "対象数", "修了率(%)"]),
        rows: points
            .iter()
            .map(|p| {
                vec![
                    Cell::Date(p.date),
                    Cell::Count(p.completed),
                    Cell::Count(p.total),
                    Cell::Share(Share::new(p.completed, p.total)),
                ]
            })
            .collect(),
    }
}

/// The people behind a number, one row per person and module.
pub fn people_table(entries: &[ReportEntry], on: NaiveDate) -> Table {
    Table {
        name: "people".into(),
        columns: columns(&[
            "職員番号",
            "氏名",
            "所属",
            "研修",
            "年度",
            "受講期限",
            "状況",
            "開始日",
            "修了日",
        ]),
        rows: entries
            .iter()
            .map(|e| {
                vec![
                    Cell::Text(e.employee_id.to_string()),
                    Cell::Text(e.name.clone()),
                    Cell::Text(e.division.clone()),
                    Cell::Text(e.module_title.clone()),
                    Cell::Count(e.fiscal_year.max(0) as usize),
                    Cell::Date(e.due),
                    Cell::Text(e.status(on).japanese_name().to_string()),
                    Cell::date(e.started_on),
                    Cell::date(e.completed_on),
                ]
            })
            .collect(),
    }
}

/// Each material's openings and active time.
pub fn materials_table(report: &MaterialReport) -> Table {
    let mut names = vec![
        "版",
        "順番",
        "資料",
        "種類",
        "閲覧者",
        "未閲覧者",
        "閲覧率(%)",
        "学習時間の中央値(秒)",
    ];
    let bands = band_names();
    names.extend(bands.iter().map(String::as_str));
    Table {
        name: "materials".into(),
        columns: columns(&names),
        rows: report
            .materials
            .iter()
            .map(|m| {
                let mut cells = vec![
                    Cell::Count(m.version.max(0) as usize),
                    Cell::Count(m.position.max(0) as usize),
                    Cell::Text(m.title.clone()),
                    Cell::Text(m.kind.clone()),
                    Cell::Count(m.opened()),
                    Cell::Count(m.not_opened_count),
                    Cell::Share(Share::new(m.opened(), m.opened() + m.not_opened_count)),
                    m.median_seconds()
                        .map_or(Cell::Empty, |s| Cell::Count(s.max(0) as usize)),
                ];
                cells.extend(m.distribution().into_iter().map(Cell::Count));
                cells
            })
            .collect(),
    }
}

/// `学習時間 1分以上3分未満`, one per band of `TIME_BANDS`.
pub fn band_names() -> Vec<String> {
    TIME_BANDS
        .iter()
        .enumerate()
        .map(|(i, low)| match TIME_BANDS.get(i + 1) {
            Some(high) if *low == 0 => format!("{}分未満", high / 60),
            Some(high) => format!("{}分以上{}分未満", low / 60, high / 60),
            None => format!("{}分以上", low / 60),
        })
        .collect()
}

/// A person's transcript, one row per assigned module.
pub fn transcript_table(transcript: &Transcript) -> Table {
    Table {
        name: "transcript".into(),
        columns: columns(&[
            "年度",
            "研修",
            "版",
            "受講期限",
            "状況",
            "開始",
            "修了",
            "修了証番号",
            "確認テスト受験回数",
            "確認テスト最高点",
        ]),
        rows: transcript
            .modules
            .iter()
            .map(|m| {
                vec![
                    Cell::Count(m.fiscal_year.max(0) as usize),
                    Cell::Text(m.module_title.clone()),
                    m.version
                        .map_or(Cell::Empty, |v| Cell::Count(v.max(0) as usize)),
                    Cell::Date(m.due),
                    Cell::Text(m.status.japanese_name().to_string()),
                    Cell::moment(m.started_at),
                    Cell::moment(m.completed_at),
                    m.certificate_code.clone().map_or(Cell::Empty, Cell::Text),
                    Cell::Count(m.attempts.len()),
                    m.attempts
                        .iter()
                        .map(|a| a.score)
                        .max()
                        .map_or(Cell::Empty, |s| Cell::Share(s.share())),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{breakdown, tests::entry};

    #[test]
    fn a_breakdown_file_has_each_standing_with_its_share() {
        let mut done = entry("E1", "総務課", "2026-06-30");
        done.completed_on = Some("2026-06-01".parse().unwrap());
        let entries = vec![
            done,
            entry("E2", "総務課", "2026-06-30"),
            entry("E3", "総務課", "2026-06-30"),
        ];
        let rows = breakdown(&entries, Dimension::Division, "2026-06-10".parse().unwrap());
        let csv = breakdown_table(Dimension::Division, &rows).to_csv();
        assert_eq!(
            csv,
            "\u{feff}所属,対象数,修了,修了率(%),受講中,受講中(%),未受講,未受講(%),期限超過,期限超過(%)\r\n\
             総務課,3,1,33.3,0,0.0,2,66.7,0,0.0\r\n"
        );
    }

    #[test]
    fn bands_are_named_in_minutes() {
        assert_eq!(
            band_names(),
            [
                "1分未満",
                "1分以上3分未満",
                "3分以上5分未満",
                "5分以上10分未満",
                "10分以上"
            ]
        );
    }
}
