//! `staff.csv`, the staff directory's import and export format (self-inspection.md):
//! `employee_id,name,email,division,roles,active_from,active_until`. Parsing checks every row and
//! reports every bad one, so that an import is all or nothing.

use crate::{
    EmailAddress, EmployeeId, SecurityRole, StaffName,
    csv::{self, FileProblem, LineError},
    staff::InvalidValue,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub const HEADER: [&str; 7] = [
    "employee_id",
    "name",
    "email",
    "division",
    "roles",
    "active_from",
    "active_until",
];

/// One valid row of `staff.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub line: usize,
    pub employee_id: EmployeeId,
    pub name: StaffName,
    pub email: EmailAddress,
    pub division: String,
    /// The listed role codes; `staff` is implied for everyone and not required in the file.
    pub roles: Vec<SecurityRole>,
    pub active_from: NaiveDate,
    pub active_until: Option<NaiveDate>,
}

/// Why a row of `staff.csv` (or the admin's edit of one person) is refused. `column` is a
/// `staff.csv` column name, e.g. `active_until`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum StaffRowProblem {
    #[error("employee ID must be 1–32 letters, digits, '-' or '_' (got `{value}`)")]
    BadEmployeeId { value: String },
    #[error("name must not be empty and at most 100 characters")]
    BadName,
    #[error("`{value}` is not an e-mail address")]
    BadEmail { value: String },
    #[error("division must not be empty")]
    NoDivision,
    #[error("unknown role code {code:?}")]
    UnknownRole { code: String },
    #[error("{column} {value:?} is not a date in the form YYYY-MM-DD")]
    BadDate { column: String, value: String },
    #[error("active_from must not be empty")]
    NoActiveFrom,
    #[error("active_until {until} is before active_from {from}")]
    UntilBeforeFrom { from: NaiveDate, until: NaiveDate },
    #[error("employee_id {employee_id} is also on line {first_line}")]
    EmployeeIdTwice {
        employee_id: String,
        first_line: usize,
    },
    #[error("email {email} is also on line {first_line}")]
    EmailTwice { email: String, first_line: usize },
    /// Found by the store: the address is another person's.
    #[error("email {email} belongs to {owner} in the directory")]
    EmailTaken { email: String, owner: String },
    /// Found by the store: the person's history already has a later change.
    #[error("{employee_id} has directory history from {last}; import as of that date or later")]
    LaterHistory {
        employee_id: String,
        last: NaiveDate,
    },
}

impl From<InvalidValue> for StaffRowProblem {
    fn from(invalid: InvalidValue) -> Self {
        match invalid {
            InvalidValue::EmployeeId(value) => StaffRowProblem::BadEmployeeId { value },
            InvalidValue::Email(value) => StaffRowProblem::BadEmail { value },
            InvalidValue::Name => StaffRowProblem::BadName,
        }
    }
}

/// Parses a whole file. Either every row is valid, or every problem is returned, in line order.
pub fn parse(bytes: &[u8]) -> Result<Vec<StaffRow>, Vec<LineError>> {
    let (columns, records) = csv::read_table(bytes, &HEADER)?;

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    // First line of each employee ID and e-mail, noted even for otherwise bad rows so that
    // every duplicate is reported.
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut emails: HashMap<String, usize> = HashMap::new();
    for record in records {
        if record.fields.len() != HEADER.len() {
            errors.push(LineError::new(
                record.line,
                FileProblem::FieldCount {
                    expected: HEADER.len(),
                    found: record.fields.len(),
                },
            ));
            continue;
        }
        let mut reasons = match parse_row(record.line, &record.fields, &columns) {
            Ok(row) => {
                rows.push(row);
                Vec::new()
            }
            Err(reasons) => reasons,
        };
        let id = record.fields[columns[0]].trim().to_string();
        let email = record.fields[columns[2]].trim().to_lowercase();
        if let Some(first) = ids.get(&id).filter(|_| !id.is_empty()) {
            reasons.push(StaffRowProblem::EmployeeIdTwice {
                employee_id: id.clone(),
                first_line: *first,
            });
        }
        if let Some(first) = emails.get(&email).filter(|_| !email.is_empty()) {
            reasons.push(StaffRowProblem::EmailTwice {
                email: email.clone(),
                first_line: *first,
            });
        }
        ids.entry(id).or_insert(record.line);
        emails.entry(email).or_insert(record.line);
        errors.extend(reasons.into_iter().map(|r| LineError::new(record.line, r)));
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// One person given as the seven values in `HEADER` order (the admin's edit form), checked
/// exactly as a file's row is.
pub fn parse_fields(values: [&str; 7]) -> Result<StaffRow, Vec<StaffRowProblem>> {
    let fields: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    parse_row(0, &fields, &[0, 1, 2, 3, 4, 5, 6])
}

/// A field of a staff member that an import or an edit can change, known by its `staff.csv`
/// column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffField {
    Name,
    Email,
    Division,
    Roles,
    ActiveFrom,
    ActiveUntil,
}

impl StaffField {
    pub fn column(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Email => "email",
            Self::Division => "division",
            Self::Roles => "roles",
            Self::ActiveFrom => "active_from",
            Self::ActiveUntil => "active_until",
        }
    }

    /// The columns, comma-separated, for the log and the command line.
    pub fn columns(fields: &[StaffField]) -> String {
        fields
            .iter()
            .map(|f| f.column())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What an import did (or, in a dry run, would do), by employee ID.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub created: Vec<String>,
    /// Employee IDs with the fields that changed.
    pub updated: Vec<(String, Vec<StaffField>)>,
    pub unchanged: usize,
    /// Marked as having left (sync mode).
    pub left: Vec<String>,
    pub new_divisions: Vec<String>,
    /// The name of everyone listed above, for people reading the report.
    pub names: BTreeMap<String, String>,
}

impl ImportReport {
    pub fn name_of(&self, employee_id: &str) -> &str {
        self.names.get(employee_id).map_or("", String::as_str)
    }
}

/// A staff file uploaded in the admin UI, and what importing it would do (or did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub upload_id: i32,
    pub file_name: String,
    pub effective: NaiveDate,
    pub sync: bool,
    pub uploaded_by: String,
    pub applied: Option<AppliedImport>,
    /// A dry run of the import now, or its bad rows; once applied, what it did.
    pub outcome: Result<ImportReport, Vec<LineError>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppliedImport {
    pub at: chrono::DateTime<chrono::Utc>,
    pub by: String,
}

/// A row of seven fields, `columns` saying where each of `HEADER`'s is.
fn parse_row(
    line: usize,
    fields: &[String],
    columns: &[usize; 7],
) -> Result<StaffRow, Vec<StaffRowProblem>> {
    let field = |name: &str| {
        let slot = HEADER
            .iter()
            .position(|h| *h == name)
            .expect("known column");
        fields[columns[slot]].trim()
    };
    let mut reasons = Vec::new();

    let employee_id = keep(
        &mut reasons,
        EmployeeId::parse(field("employee_id")).map_err(Into::into),
    );
    let name = keep(
        &mut reasons,
        StaffName::parse(field("name")).map_err(Into::into),
    );
    let email = keep(
        &mut reasons,
        EmailAddress::parse(field("email")).map_err(Into::into),
    );
    let division = keep(
        &mut reasons,
        if field("division").is_empty() {
            Err(StaffRowProblem::NoDivision)
        } else {
            Ok(field("division").to_string())
        },
    );
    let roles = keep(&mut reasons, parse_roles(field("roles")));
    let active_from = keep(
        &mut reasons,
        parse_date("active_from", field("active_from"))
            .and_then(|d| d.ok_or(StaffRowProblem::NoActiveFrom)),
    );
    let active_until = keep(
        &mut reasons,
        parse_date("active_until", field("active_until")),
    );
    if let (Some(from), Some(Some(until))) = (active_from, active_until)
        && until < from
    {
        reasons.push(StaffRowProblem::UntilBeforeFrom { from, until });
    }
    match (
        employee_id,
        name,
        email,
        division,
        roles,
        active_from,
        active_until,
    ) {
        (
            Some(employee_id),
            Some(name),
            Some(email),
            Some(division),
            Some(roles),
            Some(active_from),
            Some(active_until),
        ) if reasons.is_empty() => Ok(StaffRow {
            line,
            employee_id,
            name,
            email,
            division,
            roles,
            active_from,
            active_until,
        }),
        _ => Err(reasons),
    }
}

/// The value if valid; otherwise the reason is noted and parsing goes on, to report them all.
fn keep<T>(reasons: &mut Vec<StaffRowProblem>, result: Result<T, StaffRowProblem>) -> Option<T> {
    result.map_err(|reason| reasons.push(reason)).ok()
}

fn parse_roles(raw: &str) -> Result<Vec<SecurityRole>, StaffRowProblem> {
    let mut roles = Vec::new();
    for code in raw.split(';').map(str::trim).filter(|c| !c.is_empty()) {
        let role: SecurityRole = code.parse().map_err(|_| StaffRowProblem::UnknownRole {
            code: code.to_string(),
        })?;
        if role != SecurityRole::Staff && !roles.contains(&role) {
            roles.push(role);
        }
    }
    roles.sort();
    Ok(roles)
}

fn parse_date(column: &str, raw: &str) -> Result<Option<NaiveDate>, StaffRowProblem> {
    if raw.is_empty() {
        return Ok(None);
    }
    let valid_shape = raw.len() == 10 && raw.as_bytes()[4] == b'-' && raw.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(date) if valid_shape => Ok(Some(date)),
        _ => Err(StaffRowProblem::BadDate {
            column: column.to_string(),
            value: raw.to_string(),
        }),
    }
}

/// Writes rows in the same format, header first, so that an export imports back unchanged.
pub fn write(rows: &[StaffRow]) -> String {
    crate::csv::write(
        &HEADER,
        rows.iter().map(|row| {
            let roles = row
                .roles
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(";");
            [
                row.employee_id.to_string(),
                row.name.to_string(),
                row.email.to_string(),
                row.division.clone(),
                roles,
                row.active_from.to_string(),
                row.active_until.map(|d| d.to_string()).unwrap_or_default(),
            ]
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER_LINE: &str = "employee_id,name,email,division,roles,active_from,active_until\n";

    #[test]
    fn an_edited_person_is_checked_like_a_row_of_the_file() {
        let row = parse_fields([
            "E0300",
            "山田 太郎",
            "Taro@Agency.example",
            "総務課",
            "security_officer;staff",
            "2011-04-01",
            "",
        ])
        .unwrap();
        assert_eq!(row.email.as_str(), "taro@agency.example");
        assert_eq!(row.roles, vec![SecurityRole::SecurityOfficer]);
        let reasons =
            parse_fields(["E0300", "", "nope", "", "wizard", "2011-04-01", ""]).unwrap_err();
        assert_eq!(
            reasons,
            [
                StaffRowProblem::BadName,
                StaffRowProblem::BadEmail {
                    value: "nope".into()
                },
                StaffRowProblem::NoDivision,
                StaffRowProblem::UnknownRole {
                    code: "wizard".into()
                },
            ]
        );
    }

    fn file(rows: &str) -> Vec<u8> {
        format!("{HEADER_LINE}{rows}").into_bytes()
    }

    fn errors(rows: &str) -> Vec<String> {
        parse(&file(rows))
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn reads_the_example_of_the_contract() {
        let rows = parse(&file(
            "E0001,山田 太郎,taro.yamada@agency.example,総務課,chief_security_officer;security_officer,2009-09-01,\n",
        ))
        .unwrap();
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(
            (row.line, row.employee_id.as_str(), row.division.as_str()),
            (2, "E0001", "総務課")
        );
        assert_eq!(
            row.roles,
            vec![
                SecurityRole::ChiefSecurityOfficer,
                SecurityRole::SecurityOfficer
            ]
        );
        assert_eq!(row.active_until, None);
    }

    #[test]
    fn excel_csv_utf8_with_a_byte_order_mark_and_crlf_imports() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(file(
            "E0002,鈴木 花子,hanako@agency.example,食品表示課,,2011-04-01,2012-03-31\r\n",
        ));
        let rows = parse(&bytes).unwrap();
        assert_eq!(rows[0].active_until, NaiveDate::from_ymd_opt(2012, 3, 31));
        assert!(rows[0].roles.is_empty(), "plain staff");
    }

    #[test]
    fn columns_may_come_in_any_order() {
        let bytes = "name,employee_id,roles,email,division,active_until,active_from\n山田 太郎,E1,,a@b.example,総務課,,2020-04-01\n";
        let rows = parse(bytes.as_bytes()).unwrap();
        assert_eq!(rows[0].employee_id.as_str(), "E1");
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let found = errors(concat!(
            "E0001,山田 太郎,taro@agency.example,総務課,,2009-09-01,\n",
            "E 2,,not-an-email,,root,2009-13-01,\n",
            "E0003,佐藤 一郎,ichiro@agency.example,総務課,,2012-04-01,2012-03-31\n",
            "E0001,山田 次郎,jiro@agency.example,総務課,,2009-09-01,\n",
            "E0005,田中 花子,TARO@agency.example,総務課,,2009-09-01,\n",
            "E0006,too,few\n",
            "E0007,伊藤 誠,makoto@agency.example,総務課,,2009/09/01,\n",
        ));
        assert_eq!(
            found,
            vec![
                "3: employee ID must be 1–32 letters, digits, '-' or '_' (got `E 2`)",
                "3: name must not be empty and at most 100 characters",
                "3: `not-an-email` is not an e-mail address",
                "3: division must not be empty",
                "3: unknown role code \"root\"",
                "3: active_from \"2009-13-01\" is not a date in the form YYYY-MM-DD",
                "4: active_until 2012-03-31 is before active_from 2012-04-01",
                "5: employee_id E0001 is also on line 2",
                "6: email taro@agency.example is also on line 2",
                "7: expected 7 fields, found 3",
                "8: active_from \"2009/09/01\" is not a date in the form YYYY-MM-DD",
            ]
        );
        let typed = parse(&file("E1,山田 太郎,a@b.example,総務課,,2020-04-01,\nE1,山田 次郎,c@b.example,総務課,,2020-04-01,2020-03-01\n")).unwrap_err();
        assert_eq!(
            typed,
            [
                LineError::new(
                    3,
                    StaffRowProblem::UntilBeforeFrom {
                        from: NaiveDate::from_ymd_opt(2020, 4, 1).unwrap(),
                        until: NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
                    }
                ),
                LineError::new(
                    3,
                    StaffRowProblem::EmployeeIdTwice {
                        employee_id: "E1".into(),
                        first_line: 2
                    }
                ),
            ]
        );
    }

    #[test]
    fn a_wrong_header_is_line_one() {
        let found = parse(b"id,name\nE1,x\n").unwrap_err();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, 1);
        assert_eq!(
            found[0].reason,
            FileProblem::MissingColumn {
                column: "employee_id".into(),
                expected: HEADER.join(","),
            }
            .into()
        );
        assert_eq!(parse(b"").unwrap_err()[0].line, 1);
    }

    #[test]
    fn written_files_read_back_the_same() {
        let original = file(concat!(
            "E0001,\"山田, 太郎\",taro@agency.example,総務課,security_officer;ciso,2009-09-01,\n",
            "E0002,鈴木 花子,hanako@agency.example,\"食品\"\"表示\"\"課\",,2011-04-01,2012-03-31\n",
        ));
        let rows = parse(&original).unwrap();
        assert!(
            write(&rows).starts_with("\u{feff}employee_id,"),
            "Excel needs the byte-order mark"
        );
        let again = parse(write(&rows).as_bytes()).unwrap();
        let strip = |rows: Vec<StaffRow>| {
            rows.into_iter()
                .map(|r| StaffRow { line: 0, ..r })
                .collect::<Vec<_>>()
        };
        assert_eq!(strip(again), strip(rows));
    }
}
