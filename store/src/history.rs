//! Dated history of division membership and security roles: what was true on a given date.

use crate::{
    StoreError,
    entities::{division_membership, security_role_period, staff},
};
use chrono::NaiveDate;
use mamori_domain::SecurityRole;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
};
use std::collections::HashMap;

/// Rows whose period `[from, until]` (`until` empty = open) contains `date`.
pub(crate) fn valid_on(
    from: impl ColumnTrait,
    until: impl ColumnTrait,
    date: NaiveDate,
) -> Condition {
    Condition::all()
        .add(from.lte(date))
        .add(Condition::any().add(until.is_null()).add(until.gte(date)))
}

/// The date whose state describes a person "as of `date`": the date itself while they are on
/// staff, else their first or last day.
fn clamp_to_active(person: &staff::Model, date: NaiveDate) -> NaiveDate {
    let date = date.max(person.active_from);
    person.active_until.map_or(date, |until| date.min(until))
}

fn covers(from: NaiveDate, until: Option<NaiveDate>, date: NaiveDate) -> bool {
    from <= date && until.is_none_or(|until| until >= date)
}

/// Each person's division (id) as of `date` (see `clamp_to_active`).
pub(crate) async fn divisions_on(
    db: &impl ConnectionTrait,
    people: &[staff::Model],
    date: NaiveDate,
) -> Result<HashMap<i32, i32>, StoreError> {
    let dates: HashMap<i32, NaiveDate> = people
        .iter()
        .map(|p| (p.id, clamp_to_active(p, date)))
        .collect();
    let mut divisions = HashMap::new();
    for ids in chunks(&dates) {
        for m in division_membership::Entity::find()
            .filter(division_membership::Column::StaffId.is_in(ids))
            .all(db)
            .await?
        {
            if covers(m.valid_from, m.valid_until, dates[&m.staff_id]) {
                divisions.insert(m.staff_id, m.division_id);
            }
        }
    }
    Ok(divisions)
}

/// Bind parameters per `IN (…)` list, well under SQLite's and PostgreSQL's limits.
pub(crate) const IDS_PER_QUERY: usize = 10_000;

/// The keys of `by_id` in lists of at most `IDS_PER_QUERY`.
fn chunks<T>(by_id: &HashMap<i32, T>) -> Vec<Vec<i32>> {
    let ids: Vec<i32> = by_id.keys().copied().collect();
    ids.chunks(IDS_PER_QUERY).map(<[i32]>::to_vec).collect()
}

/// Each person's security roles as of `date` (see `clamp_to_active`), sorted; `staff` is implied
/// and not listed.
pub(crate) async fn roles_on(
    db: &impl ConnectionTrait,
    people: &[staff::Model],
    date: NaiveDate,
) -> Result<HashMap<i32, Vec<SecurityRole>>, StoreError> {
    let dates: HashMap<i32, NaiveDate> = people
        .iter()
        .map(|p| (p.id, clamp_to_active(p, date)))
        .collect();
    let mut roles: HashMap<i32, Vec<SecurityRole>> = HashMap::new();
    let mut periods = Vec::new();
    for ids in chunks(&dates) {
        periods.extend(
            security_role_period::Entity::find()
                .filter(security_role_period::Column::StaffId.is_in(ids))
                .all(db)
                .await?,
        );
    }
    for period in periods {
        if covers(
            period.valid_from,
            period.valid_until,
            dates[&period.staff_id],
        ) && let Ok(role) = period.role.parse()
        {
            roles.entry(period.staff_id).or_default().push(role);
        }
    }
    for list in roles.values_mut() {
        list.sort();
        list.dedup();
    }
    Ok(roles)
}

pub(crate) fn membership(
    staff_id: i32,
    division_id: i32,
    from: NaiveDate,
) -> division_membership::ActiveModel {
    division_membership::ActiveModel {
        staff_id: Set(staff_id),
        division_id: Set(division_id),
        valid_from: Set(from),
        valid_until: Set(None),
        ..Default::default()
    }
}

pub(crate) fn role_period(
    staff_id: i32,
    role: SecurityRole,
    from: NaiveDate,
) -> security_role_period::ActiveModel {
    security_role_period::ActiveModel {
        staff_id: Set(staff_id),
        role: Set(role.code().to_string()),
        valid_from: Set(from),
        valid_until: Set(None),
        ..Default::default()
    }
}
