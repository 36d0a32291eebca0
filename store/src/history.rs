//! Dated history of division membership and security roles: what was true on a given date.

use crate::{
    StoreError,
    entities::{division, division_membership, security_role_period, staff},
};
use chrono::NaiveDate;
use mamori_domain::{SecurityRole, staff::StaffSummary};
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

/// One person's whole dated record, read in one statement: the staff row joined to every
/// division membership (with the division's name) and every security-role period they have
/// had (a row for each pair). It answers for any date, so a page that shows the person's
/// training today and their self-inspections on other reference dates reads them once.
pub(crate) struct PersonHistory {
    person: staff::Model,
    memberships: Vec<(String, NaiveDate, Option<NaiveDate>)>,
    roles: Vec<(SecurityRole, NaiveDate, Option<NaiveDate>)>,
}

impl PersonHistory {
    pub(crate) async fn read(
        db: &impl ConnectionTrait,
        staff_id: i32,
    ) -> Result<Option<Self>, StoreError> {
        use crate::entities::join_on;
        use sea_orm::{FromQueryResult, JoinType, QuerySelect, QueryTrait};
        let query = staff::Entity::find_by_id(staff_id)
            .join(
                JoinType::LeftJoin,
                join_on::<staff::Entity, division_membership::Entity>(
                    staff::Column::Id,
                    division_membership::Column::StaffId,
                ),
            )
            .join(
                JoinType::LeftJoin,
                join_on::<division_membership::Entity, division::Entity>(
                    division_membership::Column::DivisionId,
                    division::Column::Id,
                ),
            )
            .join(
                JoinType::LeftJoin,
                join_on::<staff::Entity, security_role_period::Entity>(
                    staff::Column::Id,
                    security_role_period::Column::StaffId,
                ),
            )
            .column_as(division::Column::Name, "division")
            .column_as(division_membership::Column::ValidFrom, "member_from")
            .column_as(division_membership::Column::ValidUntil, "member_until")
            .column_as(security_role_period::Column::Role, "role")
            .column_as(security_role_period::Column::ValidFrom, "role_from")
            .column_as(security_role_period::Column::ValidUntil, "role_until")
            .into_query();
        let rows = db.query_all(&query).await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let mut history = Self {
            person: staff::Model::from_query_result(first, "")?,
            memberships: Vec::new(),
            roles: Vec::new(),
        };
        for row in &rows {
            if let Some(from) = row.try_get::<Option<NaiveDate>>("", "member_from")? {
                let membership = (
                    row.try_get("", "division")?,
                    from,
                    row.try_get("", "member_until")?,
                );
                if !history.memberships.contains(&membership) {
                    history.memberships.push(membership);
                }
            }
            if let Some(from) = row.try_get::<Option<NaiveDate>>("", "role_from")?
                && let Ok(role) = row.try_get::<String>("", "role")?.parse::<SecurityRole>()
            {
                let period = (role, from, row.try_get("", "role_until")?);
                if !history.roles.contains(&period) {
                    history.roles.push(period);
                }
            }
        }
        Ok(Some(history))
    }

    pub(crate) fn person(&self) -> &staff::Model {
        &self.person
    }

    /// On staff that day, as `valid_on` asks of the staff table.
    pub(crate) fn on_staff(&self, date: NaiveDate) -> bool {
        covers(self.person.active_from, self.person.active_until, date)
    }

    /// The security roles held that day, in order, each once.
    pub(crate) fn roles_on(&self, date: NaiveDate) -> Vec<SecurityRole> {
        let mut roles: Vec<SecurityRole> = self
            .roles
            .iter()
            .filter(|(_, from, until)| covers(*from, *until, date))
            .map(|(role, _, _)| *role)
            .collect();
        roles.sort();
        roles.dedup();
        roles
    }

    /// The person as of `date` (see `clamp_to_active`): their division and roles then.
    pub(crate) fn as_of(&self, date: NaiveDate) -> Result<StaffSummary, StoreError> {
        let on = clamp_to_active(&self.person, date);
        let division = self
            .memberships
            .iter()
            .rfind(|(_, from, until)| covers(*from, *until, on))
            .map(|(name, _, _)| name.clone())
            .unwrap_or_default();
        Ok(StaffSummary {
            employee_id: staff::employee_id_of(&self.person.employee_id)?,
            name: self.person.name.clone(),
            email: self.person.email.clone(),
            division,
            security_roles: self.roles_on(on),
            active_from: self.person.active_from,
            active_until: self.person.active_until,
        })
    }
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
