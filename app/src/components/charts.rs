//! Charts drawn as SVG in the page itself (rendered on the server, no script needed). Each
//! repeats a table printed beside it, which is what screen readers read: the picture is
//! named by its caption and its parts are hidden from them.

use crate::i18n::use_locale;
use chrono::NaiveDate;
use leptos::prelude::*;
use mamori_domain::{
    FiscalYear,
    report::{CurvePoint, Tally},
    training::ProgressStatus,
};

const WIDTH: f64 = 640.0;

/// One horizontal bar per row, split by standing, each bar the row's whole.
#[component]
pub fn StandingBars(
    /// Unique on the page: names the caption.
    id: &'static str,
    caption: String,
    rows: Vec<(String, Tally)>,
) -> impl IntoView {
    const ROW: f64 = 26.0;
    let height = ROW * rows.len() as f64 + 4.0;
    let label_column = label_column(rows.iter().map(|(label, _)| label.as_str()));
    let fits = ((label_column - LABEL_GAP) / HALF_WIDTH_PX) as usize;
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, tally))| {
            let y = 2.0 + ROW * i as f64;
            let total = tally.total().max(1) as f64;
            let mut x = label_column;
            let segments = ProgressStatus::ALL
                .into_iter()
                .filter(|s| tally.count(*s) > 0)
                .map(|status| {
                    let width = (WIDTH - label_column - 4.0) * tally.count(status) as f64 / total;
                    let segment = view! {
                        <rect class=format!("bar-{}", status.code()) x=x y=y + 3.0 width=width height=ROW - 6.0 />
                    };
                    x += width;
                    segment
                })
                .collect_view();
            view! {
                <text x=label_column - 8.0 y=y + ROW / 2.0 + 5.0 text-anchor="end" class="chart-label">{shorten(&label, fits)}</text>
                {segments}
            }
        })
        .collect_view();
    let caption_id = format!("{id}-caption");
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-labelledby=caption_id.clone()>
                <g aria-hidden="true">{bars}</g>
            </svg>
            <figcaption id=caption_id>{caption}</figcaption>
            <Legend />
        </figure>
    }
    .into_any()
}

/// A half-width character of the 12 px labels, roughly; a full-width one is two.
const HALF_WIDTH_PX: f64 = 6.5;
const LABEL_GAP: f64 = 12.0;

/// How wide a label is drawn, in half-widths: Japanese (full-width) characters count two.
fn half_widths(label: &str) -> usize {
    let wide = |c: char| {
        matches!(c, '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7A3}'
            | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
    };
    label.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

/// The label column fits the longest label (English role names run long), within bounds that
/// leave the bars most of the width.
fn label_column<'a>(labels: impl Iterator<Item = &'a str>) -> f64 {
    let longest = labels.map(half_widths).max().unwrap_or(0);
    (longest as f64 * HALF_WIDTH_PX + LABEL_GAP).clamp(100.0, 320.0)
}

/// Labels still longer than the column are cut with an ellipsis (the table has them whole).
fn shorten(label: &str, fits: usize) -> String {
    if half_widths(label) <= fits {
        return label.to_string();
    }
    let mut used = 1; // the ellipsis
    let mut kept: String = label
        .chars()
        .take_while(|c| {
            used += half_widths(c.encode_utf8(&mut [0; 4]));
            used <= fits
        })
        .collect();
    kept.push('…');
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_column_fits_english_role_names_and_japanese_ones_alike() {
        let labels = ["Chief information security officer", "Staff"];
        let column = label_column(labels.into_iter());
        let fits = ((column - LABEL_GAP) / HALF_WIDTH_PX) as usize;
        assert_eq!(shorten(labels[0], fits), labels[0]);
        // 最高情報セキュリティ責任者: 13 full-width characters, 26 half-widths.
        let japanese = "最高情報セキュリティ責任者";
        assert_eq!(half_widths(japanese), 26);
        let fits = ((label_column([japanese].into_iter()) - LABEL_GAP) / HALF_WIDTH_PX) as usize;
        assert_eq!(shorten(japanese, fits), japanese);
        // Beyond the widest column, cut within it.
        let long = "x".repeat(80);
        let cut = shorten(&long, 40);
        assert_eq!((half_widths(&cut), cut.ends_with('…')), (40, true));
    }
}

/// The colours of the standings, named.
#[component]
fn Legend() -> impl IntoView {
    let locale = use_locale();
    let items = ProgressStatus::ALL
        .into_iter()
        .map(|status| {
            view! {
                <li><span class=format!("swatch bar-{}", status.code()) aria-hidden="true"></span>{locale.progress_status(status)}</li>
            }
        })
        .collect_view();
    view! { <ul class="chart-legend">{items}</ul> }
}

/// The share completed over the fiscal year, with its due dates marked.
#[component]
pub fn CompletionCurve(
    caption: String,
    year: FiscalYear,
    points: Vec<CurvePoint>,
    due_dates: Vec<NaiveDate>,
) -> impl IntoView {
    let locale = use_locale();
    const HEIGHT: f64 = 240.0;
    const LEFT: f64 = 48.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 28.0;
    let days = (year.last_day() - year.first_day()).num_days() as f64;
    let x_of = move |date: NaiveDate| {
        LEFT + (WIDTH - LEFT - 12.0) * (date - year.first_day()).num_days() as f64 / days
    };
    let plot_height = HEIGHT - TOP - BOTTOM;
    let y_of = move |fraction: f64| TOP + plot_height * (1.0 - fraction);
    let line: Vec<String> = points
        .iter()
        .map(|p| {
            let fraction = if p.total == 0 {
                0.0
            } else {
                p.completed as f64 / p.total as f64
            };
            format!("{:.1},{:.1}", x_of(p.date), y_of(fraction))
        })
        .collect();
    let grid = [0.0, 0.5, 1.0]
        .into_iter()
        .map(|fraction| {
            let y = y_of(fraction);
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - 12.0 y1=y y2=y />
                <text class="chart-label" x=LEFT - 6.0 y=y + 4.0 text-anchor="end">{format!("{}%", (fraction * 100.0) as u32)}</text>
            }
        })
        .collect_view();
    let months = (0..12)
        .filter_map(|i| year.first_day().checked_add_months(chrono::Months::new(i)))
        .map(|month| {
            let label = chrono::Datelike::month(&month).to_string();
            view! { <text class="chart-label" x=x_of(month) y=HEIGHT - 8.0>{label}</text> }
        })
        .collect_view();
    let dues = due_dates
        .into_iter()
        .filter(|d| year.contains(*d))
        .map(|due| {
            let x = x_of(due);
            view! { <line class="chart-due" x1=x x2=x y1=TOP y2=HEIGHT - BOTTOM /> }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="curve-caption">
                <g aria-hidden="true">
                    {grid}
                    {months}
                    {dues}
                    <polyline class="chart-line" points=line.join(" ") />
                </g>
            </svg>
            <figcaption id="curve-caption">{caption}</figcaption>
            <ul class="chart-legend">
                <li><span class="swatch line-swatch" aria-hidden="true"></span>{locale.texts().reports.curve_line}</li>
                <li><span class="swatch due-swatch" aria-hidden="true"></span>{locale.texts().reports.curve_due}</li>
            </ul>
        </figure>
    }
    .into_any()
}
