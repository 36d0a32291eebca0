//! Importing and exporting the staff directory (`staff.csv`, self-inspection.md).
//!
//! An import takes effect on one date (by default today): the file says who is in which
//! division with which roles from that date on. It compares each row with the directory as of
//! that date, so importing a file exported as of the same date changes nothing. Everything runs
//! in one transaction: a bad row anywhere changes nothing, and a dry run is the same work
//! rolled back.

use crate::outbox::{Stop, cancel_reminders};
use crate::{
    Store, StoreError, audit,
    entities::{division, division_membership, security_role_period, staff},
    history::{self, divisions_on, roles_on},
};
use chrono::NaiveDate;
use mamori_domain::{
    AuditAction, EmailAddress, StaffName,
    csv::LineError,
    staff_file::{StaffField, StaffRow, StaffRowProblem},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy)]
pub struct ImportOptions<'a> {
    /// The date the file describes; changes of division and roles take effect on it.
    pub effective: NaiveDate,
    /// Mark people on staff that day but missing from the file as having left that day.
    pub sync: bool,
    /// Check and report, then roll everything back.
    pub dry_run: bool,
    /// Who imports (an employee ID, or `cli:<user>`), and when: for the audit log.
    pub changed_by: &'a str,
    pub now: chrono::DateTime<chrono::Utc>,
}

pub use mamori_domain::staff_file::ImportReport;

/// Where a change to the directory comes from, for the audit log.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Source {
    Import,
    Edit,
}

impl Source {
    fn action(self) -> AuditAction {
        match self {
            Source::Import => AuditAction::StaffImport,
            Source::Edit => AuditAction::StaffEdit,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Source::Import => "import",
            Source::Edit => "edit",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{} bad rows", .0.len())]
    Rows(Vec<LineError>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sea_orm::DbErr> for ImportError {
    fn from(error: sea_orm::DbErr) -> Self {
        ImportError::Store(error.into())
    }
}

impl Store {
    pub async fn import_staff(
        &self,
        rows: &[StaffRow],
        options: ImportOptions<'_>,
    ) -> Result<ImportReport, ImportError> {
        let txn = self.db().begin().await?;
        let report = import(&txn, rows, options, Source::Import).await?;
        if options.dry_run {
            txn.rollback().await?;
        } else {
            txn.commit().await?;
        }
        Ok(report)
    }

    /// An admin's edit of one person from `effective` on: the same rules and history as
    /// importing a one-row file (without sync), audited as an edit.
    pub async fn edit_staff(
        &self,
        row: &StaffRow,
        effective: NaiveDate,
        changed_by: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<ImportReport, ImportError> {
        let txn = self.db().begin().await?;
        staff::Entity::find()
            .filter(staff::Column::EmployeeId.eq(row.employee_id.as_str()))
            .one(&txn)
            .await?
            .ok_or_else(|| StoreError::NotFound(row.employee_id.to_string()))?;
        let options = ImportOptions {
            effective,
            sync: false,
            dry_run: false,
            changed_by,
            now,
        };
        let report = import(&txn, std::slice::from_ref(row), options, Source::Edit).await?;
        txn.commit().await?;
        Ok(report)
    }

    /// The directory as of `date`: everyone on staff that day, with that day's division and
    /// roles, ordered by employee ID.
    pub async fn staff_rows_as_of(&self, date: NaiveDate) -> Result<Vec<StaffRow>, StoreError> {
        let people = staff::Entity::find()
            .filter(history::valid_on(
                staff::Column::ActiveFrom,
                staff::Column::ActiveUntil,
                date,
            ))
            .order_by_asc(staff::Column::EmployeeId)
            .all(self.db())
            .await?;
        // The same reading of the directory as the pages', turned into typed rows.
        self.summaries(people, date)
            .await?
            .into_iter()
            .map(|p| {
                let invalid = |e: mamori_domain::staff::InvalidValue| {
                    StoreError::Corrupt(format!("staff {}: {e}", p.employee_id))
                };
                Ok(StaffRow {
                    line: 0,
                    name: StaffName::parse(&p.name).map_err(invalid)?,
                    email: EmailAddress::parse(&p.email).map_err(invalid)?,
                    employee_id: p.employee_id,
                    division: p.division,
                    roles: p.security_roles,
                    active_from: p.active_from,
                    active_until: p.active_until,
                })
            })
            .collect()
    }
}

pub(crate) async fn import(
    txn: &DatabaseTransaction,
    rows: &[StaffRow],
    options: ImportOptions<'_>,
    source: Source,
) -> Result<ImportReport, ImportError> {
    let date = options.effective;
    let people = staff::Entity::find().all(txn).await?;
    let by_id: HashMap<&str, &staff::Model> =
        people.iter().map(|p| (p.employee_id.as_str(), p)).collect();
    let by_email: HashMap<&str, &staff::Model> =
        people.iter().map(|p| (p.email.as_str(), p)).collect();
    let divisions_then = divisions_on(txn, &people, date).await?;
    let roles_then = roles_on(txn, &people, date).await?;
    let latest_change = latest_history_change(txn).await?;

    // Problems only the directory can reveal, reported like the file's own.
    let mut errors = Vec::new();
    for row in rows {
        if let Some(owner) = by_email.get(row.email.as_str())
            && owner.employee_id != row.employee_id.as_str()
        {
            errors.push(LineError::new(
                row.line,
                StaffRowProblem::EmailTaken {
                    email: row.email.to_string(),
                    owner: owner.employee_id.clone(),
                },
            ));
        }
        if let Some(person) = by_id.get(row.employee_id.as_str())
            && let Some(last) = latest_change.get(&person.id)
            && *last > date
        {
            errors.push(LineError::new(
                row.line,
                StaffRowProblem::LaterHistory {
                    employee_id: row.employee_id.to_string(),
                    last: *last,
                },
            ));
        }
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportError::Rows(errors));
    }

    let mut report = ImportReport::default();
    let mut division_ids = existing_divisions(txn).await?;
    for row in rows {
        let division_id = match division_ids.get(&row.division) {
            Some(id) => *id,
            None => {
                let position = division_ids.len() as i32 + 1;
                let id = division::ActiveModel {
                    name: Set(row.division.clone()),
                    position: Set(position),
                    ..Default::default()
                }
                .insert(txn)
                .await?
                .id;
                division_ids.insert(row.division.clone(), id);
                report.new_divisions.push(row.division.clone());
                id
            }
        };
        match by_id.get(row.employee_id.as_str()) {
            None => {
                create(txn, row, division_id).await?;
                log(txn, &options, source, row.employee_id.as_str(), "created").await?;
                report.created.push(row.employee_id.to_string());
                report
                    .names
                    .insert(row.employee_id.to_string(), row.name.to_string());
            }
            Some(person) => {
                let mut changed = Vec::new();
                update_person(txn, person, row, &mut changed).await?;
                if changed.contains(&StaffField::ActiveUntil) {
                    crate::accounts::end_access_if_gone(
                        txn,
                        person.id,
                        row.active_until,
                        options.now,
                    )
                    .await?;
                }
                if divisions_then.get(&person.id) != Some(&division_id) {
                    move_to_division(txn, person.id, division_id, date.max(row.active_from))
                        .await?;
                    changed.push(StaffField::Division);
                }
                let before: BTreeSet<_> = roles_then
                    .get(&person.id)
                    .into_iter()
                    .flatten()
                    .copied()
                    .collect();
                let after: BTreeSet<_> = row.roles.iter().copied().collect();
                if before != after {
                    change_roles(txn, person.id, &before, &after, date.max(row.active_from))
                        .await?;
                    changed.push(StaffField::Roles);
                }
                if changed.is_empty() {
                    report.unchanged += 1;
                } else {
                    report
                        .names
                        .insert(row.employee_id.to_string(), row.name.to_string());
                    log(
                        txn,
                        &options,
                        source,
                        row.employee_id.as_str(),
                        &format!("changed {}", StaffField::columns(&changed)),
                    )
                    .await?;
                    report.updated.push((row.employee_id.to_string(), changed));
                }
            }
        }
    }

    if options.sync {
        let in_file: BTreeSet<&str> = rows.iter().map(|r| r.employee_id.as_str()).collect();
        for person in people
            .iter()
            .filter(|p| p.is_active_on(date) && !in_file.contains(p.employee_id.as_str()))
        {
            let mut leaver: staff::ActiveModel = (*person).clone().into();
            leaver.active_until = Set(Some(date));
            leaver.update(txn).await?;
            crate::accounts::end_access_if_gone(txn, person.id, Some(date), options.now).await?;
            let stop = Stop::Left {
                employee_id: &person.employee_id,
            };
            cancel_reminders(txn, stop, options.now).await?;
            log(
                txn,
                &options,
                source,
                &person.employee_id,
                &format!("left (sync): active_until = {date}"),
            )
            .await?;
            report.left.push(person.employee_id.clone());
            report
                .names
                .insert(person.employee_id.clone(), person.name.clone());
        }
    }
    Ok(report)
}

async fn log(
    txn: &DatabaseTransaction,
    options: &ImportOptions<'_>,
    source: Source,
    employee_id: &str,
    what: &str,
) -> Result<(), StoreError> {
    let detail = format!("{what} ({} as of {})", source.label(), options.effective);
    audit::record(
        txn,
        options.now,
        options.changed_by,
        source.action(),
        Some(employee_id),
        &detail,
    )
    .await
}

async fn existing_divisions(txn: &DatabaseTransaction) -> Result<HashMap<String, i32>, StoreError> {
    Ok(division::Entity::find()
        .all(txn)
        .await?
        .into_iter()
        .map(|d| (d.name, d.id))
        .collect())
}

/// The latest start or end of a membership or role period, per person: an import may not take
/// effect before it, or it would rewrite history.
async fn latest_history_change(
    txn: &DatabaseTransaction,
) -> Result<HashMap<i32, NaiveDate>, StoreError> {
    let mut latest: HashMap<i32, NaiveDate> = HashMap::new();
    let mut note = |staff_id: i32, from: NaiveDate, until: Option<NaiveDate>| {
        // A period that ended on D changed things on D + 1.
        let last = until
            .and_then(|u| u.succ_opt())
            .map_or(from, |u| u.max(from));
        let entry = latest.entry(staff_id).or_insert(last);
        *entry = (*entry).max(last);
    };
    for m in division_membership::Entity::find().all(txn).await? {
        note(m.staff_id, m.valid_from, m.valid_until);
    }
    for r in security_role_period::Entity::find().all(txn).await? {
        note(r.staff_id, r.valid_from, r.valid_until);
    }
    Ok(latest)
}

async fn create(
    txn: &DatabaseTransaction,
    row: &StaffRow,
    division_id: i32,
) -> Result<(), StoreError> {
    let person = staff::ActiveModel {
        employee_id: Set(row.employee_id.to_string()),
        name: Set(row.name.to_string()),
        email: Set(row.email.to_string()),
        active_from: Set(row.active_from),
        active_until: Set(row.active_until),
        title: Set(None),
        password_hash: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    history::membership(person.id, division_id, row.active_from)
        .insert(txn)
        .await?;
    for role in &row.roles {
        history::role_period(person.id, *role, row.active_from)
            .insert(txn)
            .await?;
    }
    Ok(())
}

async fn update_person(
    txn: &DatabaseTransaction,
    person: &staff::Model,
    row: &StaffRow,
    changed: &mut Vec<StaffField>,
) -> Result<(), StoreError> {
    let mut model: staff::ActiveModel = person.clone().into();
    if person.name != row.name.as_str() {
        model.name = Set(row.name.to_string());
        changed.push(StaffField::Name);
    }
    if person.email != row.email.as_str() {
        model.email = Set(row.email.to_string());
        changed.push(StaffField::Email);
    }
    if person.active_from != row.active_from {
        model.active_from = Set(row.active_from);
        changed.push(StaffField::ActiveFrom);
    }
    if person.active_until != row.active_until {
        model.active_until = Set(row.active_until);
        changed.push(StaffField::ActiveUntil);
    }
    if !changed.is_empty() {
        model.update(txn).await?;
    }
    Ok(())
}

/// Ends the open membership the day before `from` and opens one in the new division (a
/// transfer). A membership that starts on or after `from` is simply moved.
async fn move_to_division(
    txn: &DatabaseTransaction,
    staff_id: i32,
    division_id: i32,
    from: NaiveDate,
) -> Result<(), StoreError> {
    let open = division_membership::Entity::find()
        .filter(division_membership::Column::StaffId.eq(staff_id))
        .filter(division_membership::Column::ValidUntil.is_null())
        .one(txn)
        .await?;
    if let Some(open) = open {
        let mut open: division_membership::ActiveModel = open.into();
        if *open.valid_from.as_ref() >= from {
            open.division_id = Set(division_id);
            open.update(txn).await?;
            return Ok(());
        }
        open.valid_until = Set(from.pred_opt());
        open.update(txn).await?;
    }
    history::membership(staff_id, division_id, from)
        .insert(txn)
        .await?;
    Ok(())
}

async fn change_roles(
    txn: &DatabaseTransaction,
    staff_id: i32,
    before: &BTreeSet<mamori_domain::SecurityRole>,
    after: &BTreeSet<mamori_domain::SecurityRole>,
    from: NaiveDate,
) -> Result<(), StoreError> {
    for role in before.difference(after) {
        for period in security_role_period::Entity::find()
            .filter(security_role_period::Column::StaffId.eq(staff_id))
            .filter(security_role_period::Column::Role.eq(role.code()))
            .filter(security_role_period::Column::ValidUntil.is_null())
            .all(txn)
            .await?
        {
            if period.valid_from >= from {
                security_role_period::Entity::delete_by_id(period.id)
                    .exec(txn)
                    .await?;
            } else {
                let mut period: security_role_period::ActiveModel = period.into();
                period.valid_until = Set(from.pred_opt());
                period.update(txn).await?;
            }
        }
    }
    for role in after.difference(before) {
        history::role_period(staff_id, *role, from)
            .insert(txn)
            .await?;
    }
    Ok(())
}
