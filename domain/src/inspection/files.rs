//! The self-inspection's import files (self-inspection.md): `items.csv`
//! (`item_id,group,text,module`) and `answers.csv` (`employee_id,item_id,answer`). Each row is
//! checked on its own here, and every bad row is reported, so that an import is all or nothing;
//! whether a person or item belongs to the campaign is the store's to check.

use super::Answer;
use crate::{
    EmployeeId, InspectionGroup,
    csv::{self, FileProblem, LineError},
    training::Slug,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

pub const ITEMS_HEADER: [&str; 4] = ["item_id", "group", "text", "module"];
pub const ANSWERS_HEADER: [&str; 3] = ["employee_id", "item_id", "answer"];

/// One compliance item as a file gives it, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub line: usize,
    pub item_id: String,
    pub group: InspectionGroup,
    pub text: String,
    /// The training module whose completion answers the item.
    pub module: Option<Slug>,
}

/// One typed answer as a file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRow {
    pub line: usize,
    pub employee_id: EmployeeId,
    pub item_id: String,
    pub answer: Answer,
}

/// Why a row of `items.csv` or `answers.csv` is refused: by the parsers here, or by the store,
/// which knows the staff, the items and the modules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum InspectionRowProblem {
    #[error("item_id must not be empty")]
    NoItemId,
    #[error("item_id {item_id} is also on line {first_line}")]
    ItemIdTwice { item_id: String, first_line: usize },
    #[error("unknown group \"{value}\" (officers, system or staff)")]
    UnknownGroup { value: String },
    #[error("text must not be empty")]
    NoText,
    #[error("module: slug {value:?} must be 1 to 64 lower-case letters, digits and inner hyphens")]
    BadModule { value: String },
    #[error("employee ID must be 1–32 letters, digits, '-' or '_' (got `{value}`)")]
    BadEmployeeId { value: String },
    #[error("unknown answer \"{value}\" (yes, no or na)")]
    UnknownAnswer { value: String },
    #[error("{employee_id} already answered {item_id} on line {first_line}")]
    AnsweredTwice {
        employee_id: String,
        item_id: String,
        first_line: usize,
    },
    #[error("module {module} does not exist")]
    UnknownModule { module: String },
    #[error("{employee_id} is not on staff on the reference date {reference_date}")]
    NotOnStaff {
        employee_id: String,
        reference_date: NaiveDate,
    },
    #[error("unknown item {item_id}")]
    UnknownItem { item_id: String },
    #[error("item {item_id} is answered by the training module {module}")]
    AnsweredByModule { item_id: String, module: String },
    /// `group` is the group's code (`officers`, `system`, `staff`).
    #[error("{employee_id} is not in the group {group} of item {item_id}")]
    NotInGroup {
        employee_id: String,
        group: String,
        item_id: String,
    },
}

/// Parses `items.csv`: item IDs unique, groups known, texts present, modules valid slugs.
pub fn parse_items(bytes: &[u8]) -> Result<Vec<ItemRow>, Vec<LineError>> {
    let mut first_line: HashMap<String, usize> = HashMap::new();
    parse_rows(bytes, &ITEMS_HEADER, |line, field| {
        let mut reasons = Vec::new();
        let item_id = field[0];
        if item_id.is_empty() {
            reasons.push(InspectionRowProblem::NoItemId);
        } else if let Some(first) = first_line.get(item_id) {
            reasons.push(InspectionRowProblem::ItemIdTwice {
                item_id: item_id.to_string(),
                first_line: *first,
            });
        } else {
            first_line.insert(item_id.to_string(), line);
        }
        let group = field[1]
            .parse::<InspectionGroup>()
            .map_err(|_| {
                reasons.push(InspectionRowProblem::UnknownGroup {
                    value: field[1].to_string(),
                })
            })
            .ok();
        if field[2].is_empty() {
            reasons.push(InspectionRowProblem::NoText);
        }
        let module = match field[3] {
            "" => None,
            slug => Slug::parse(slug)
                .map_err(|_| {
                    reasons.push(InspectionRowProblem::BadModule {
                        value: slug.to_string(),
                    })
                })
                .ok(),
        };
        match (reasons.is_empty(), group) {
            (true, Some(group)) => Ok(ItemRow {
                line,
                item_id: item_id.to_string(),
                group,
                text: field[2].to_string(),
                module,
            }),
            _ => Err(reasons),
        }
    })
}

/// Parses `answers.csv`: employee IDs valid, answers `yes`, `no` or `na`, one answer per person
/// and item.
pub fn parse_answers(bytes: &[u8]) -> Result<Vec<AnswerRow>, Vec<LineError>> {
    let mut first_line: HashMap<(String, String), usize> = HashMap::new();
    parse_rows(bytes, &ANSWERS_HEADER, |line, field| {
        let mut reasons = Vec::new();
        let employee_id = EmployeeId::parse(field[0])
            .map_err(|_| {
                reasons.push(InspectionRowProblem::BadEmployeeId {
                    value: field[0].to_string(),
                })
            })
            .ok();
        let item_id = field[1];
        if item_id.is_empty() {
            reasons.push(InspectionRowProblem::NoItemId);
        }
        let answer = field[2]
            .parse::<Answer>()
            .map_err(|_| {
                reasons.push(InspectionRowProblem::UnknownAnswer {
                    value: field[2].to_string(),
                })
            })
            .ok();
        let key = (field[0].to_string(), item_id.to_string());
        match first_line.get(&key) {
            Some(first) => reasons.push(InspectionRowProblem::AnsweredTwice {
                employee_id: field[0].to_string(),
                item_id: item_id.to_string(),
                first_line: *first,
            }),
            None => {
                first_line.insert(key, line);
            }
        }
        match (reasons.is_empty(), employee_id, answer) {
            (true, Some(employee_id), Some(answer)) => Ok(AnswerRow {
                line,
                employee_id,
                item_id: item_id.to_string(),
                answer,
            }),
            _ => Err(reasons),
        }
    })
}

/// Reads a file with `header`, checking each record with `row` (given its line and its
/// trimmed fields in `header` order): the rows, or every bad line's reasons.
fn parse_rows<const N: usize, T>(
    bytes: &[u8],
    header: &[&str; N],
    mut row: impl FnMut(usize, [&str; N]) -> Result<T, Vec<InspectionRowProblem>>,
) -> Result<Vec<T>, Vec<LineError>> {
    let (columns, records) = csv::read_table(bytes, header)?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in &records {
        if record.fields.len() != N {
            errors.push(LineError::new(
                record.line,
                FileProblem::FieldCount {
                    expected: N,
                    found: record.fields.len(),
                },
            ));
            continue;
        }
        match row(
            record.line,
            columns.map(|column| record.fields[column].trim()),
        ) {
            Ok(parsed) => rows.push(parsed),
            Err(reasons) => {
                errors.extend(reasons.into_iter().map(|r| LineError::new(record.line, r)))
            }
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(errors: Vec<LineError>) -> Vec<String> {
        errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_the_documentation_example_with_a_byte_order_mark() {
        let file = "\u{feff}item_id,group,text,module\r\nS01,staff,離席時にはスクリーンロックを行っている,\r\nS02,staff,情報セキュリティ教育を受講した,security-basics\r\n";
        let items = parse_items(file.as_bytes()).unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].item_id, "S01");
        assert_eq!(items[0].group, InspectionGroup::Staff);
        assert_eq!(items[0].module, None);
        assert_eq!(
            items[1].module.as_ref().map(Slug::as_str),
            Some("security-basics")
        );
        assert_eq!(items[1].line, 3);
    }

    #[test]
    fn every_bad_item_row_is_reported_on_its_line() {
        let file = "group,item_id,text,module\nstaff,S01,ok,\nboss,S02,text,\nstaff,S01,again,\nstaff,S03,,\nstaff,S04,text,Not A Slug\nstaff,S05\n";
        let errors = lines(parse_items(file.as_bytes()).unwrap_err());
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert!(errors[0].starts_with("3: unknown group \"boss\""));
        assert_eq!(errors[1], "4: item_id S01 is also on line 2");
        assert_eq!(errors[2], "5: text must not be empty");
        assert!(errors[3].starts_with("6: module: "));
        assert_eq!(
            parse_items(file.as_bytes()).unwrap_err()[0],
            LineError::new(
                3,
                InspectionRowProblem::UnknownGroup {
                    value: "boss".into()
                }
            )
        );
        assert_eq!(errors[4], "7: expected 4 fields, found 2");
    }

    #[test]
    fn answers_are_checked_row_by_row() {
        let good = "employee_id,item_id,answer\nE0001,S01,yes\nE0001,S02,na\nE0002,S01,no\n";
        let answers = parse_answers(good.as_bytes()).unwrap();
        assert_eq!(
            answers.iter().map(|a| a.answer).collect::<Vec<_>>(),
            [Answer::Yes, Answer::NotApplicable, Answer::No]
        );
        assert_eq!(answers[2].employee_id.as_str(), "E0002");

        let bad =
            "employee_id,item_id,answer\nE0001,S01,maybe\n,S01,yes\nE0001,S01,no\nE0002,,yes\n";
        let errors = lines(parse_answers(bad.as_bytes()).unwrap_err());
        assert!(
            errors[0].starts_with("2: unknown answer \"maybe\""),
            "{errors:?}"
        );
        assert!(errors[1].starts_with("3: "));
        assert_eq!(errors[2], "4: E0001 already answered S01 on line 2");
        assert_eq!(errors[3], "5: item_id must not be empty");
    }

    #[test]
    fn a_wrong_header_is_refused_on_line_1() {
        let errors = lines(parse_answers(b"employee_id,item,answer\n").unwrap_err());
        assert_eq!(
            errors,
            ["1: the header lacks the column item_id; expected employee_id,item_id,answer"]
        );
    }
}
