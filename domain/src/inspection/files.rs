//! The self-inspection's import files (self-inspection.md): `items.csv`
//! (`item_id,group,text,module`) and `answers.csv` (`employee_id,item_id,answer`). Each row is
//! checked on its own here, and every bad row is reported, so that an import is all or nothing;
//! whether a person or item belongs to the campaign is the store's to check.

use super::Answer;
use crate::{
    EmployeeId, InspectionGroup,
    csv::{self, LineError},
    training::Slug,
};
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

/// Parses `items.csv`: item IDs unique, groups known, texts present, modules valid slugs.
pub fn parse_items(bytes: &[u8]) -> Result<Vec<ItemRow>, Vec<LineError>> {
    let mut first_line: HashMap<String, usize> = HashMap::new();
    parse_rows(bytes, &ITEMS_HEADER, |line, field| {
        let mut reasons = Vec::new();
        let item_id = field[0];
        if item_id.is_empty() {
            reasons.push("item_id must not be empty".to_string());
        } else if let Some(first) = first_line.get(item_id) {
            reasons.push(format!("item_id {item_id} is also on line {first}"));
        } else {
            first_line.insert(item_id.to_string(), line);
        }
        let group = field[1]
            .parse::<InspectionGroup>()
            .map_err(|_| {
                reasons.push(format!(
                    "unknown group \"{}\" (officers, system or staff)",
                    field[1]
                ))
            })
            .ok();
        if field[2].is_empty() {
            reasons.push("text must not be empty".to_string());
        }
        let module = match field[3] {
            "" => None,
            slug => Slug::parse(slug)
                .map_err(|e| reasons.push(format!("module: {e}")))
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
            .map_err(|e| reasons.push(e.to_string()))
            .ok();
        let item_id = field[1];
        if item_id.is_empty() {
            reasons.push("item_id must not be empty".to_string());
        }
        let answer = field[2]
            .parse::<Answer>()
            .map_err(|e| reasons.push(e.to_string()))
            .ok();
        let key = (field[0].to_string(), item_id.to_string());
        match first_line.get(&key) {
            Some(first) => reasons.push(format!(
                "{} already answered {item_id} on line {first}",
                field[0]
            )),
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
    mut row: impl FnMut(usize, [&str; N]) -> Result<T, Vec<String>>,
) -> Result<Vec<T>, Vec<LineError>> {
    let (columns, records) = csv::read_table(bytes, header)?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for record in &records {
        if record.fields.len() != N {
            errors.push(LineError::new(
                record.line,
                format!("expected {N} fields, found {}", record.fields.len()),
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
