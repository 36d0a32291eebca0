//! The staff directory as pages read it: searching everyone, and the staff of given divisions.

use crate::outbox::{Stop, cancel_reminders};
use crate::{
    Store, StoreError, audit,
    entities::{division, division_membership, security_role_period, staff},
    history::{divisions_on, roles_on, valid_on},
};
use chrono::{DateTime, NaiveDate, Utc};
use mamori_domain::{AuditAction, EmployeeId, Period, StaffDetail, StaffPage, StaffSummary};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionTrait,
};
use std::collections::HashMap;

impl Store {
    /// Everyone whose employee ID, name, e-mail or division (current, or last for leavers)
    /// contains `query`, one page at a time (1-based), ordered by employee ID; divisions and
    /// roles shown as of `date`.
    pub async fn search_staff(
        &self,
        query: &str,
        page: u64,
        per_page: u64,
        date: NaiveDate,
    ) -> Result<StaffPage, StoreError> {
        let query = query.trim();
        let mut select = staff::Entity::find().order_by_asc(staff::Column::EmployeeId);
        if !query.is_empty() {
            let matching_divisions: Vec<i32> = division::Entity::find()
                .filter(division::Column::Name.contains(query))
                .select_only()
                .column(division::Column::Id)
                .into_tuple()
                .all(self.db())
                .await?;
            let members: Vec<i32> = division_membership::Entity::find()
                .filter(division_membership::Column::DivisionId.is_in(matching_divisions))
                .filter(division_membership::Column::ValidUntil.is_null())
                .select_only()
                .column(division_membership::Column::StaffId)
                .into_tuple()
                .all(self.db())
                .await?;
            select = select.filter(
                Condition::any()
                    .add(staff::Column::EmployeeId.contains(query))
                    .add(staff::Column::Name.contains(query))
                    .add(staff::Column::Email.contains(query.to_lowercase()))
                    .add(staff::Column::Id.is_in(members)),
            );
        }
        let per_page = per_page.clamp(1, 200);
        let paginator = select.paginate(self.db(), per_page);
        let total = paginator.num_items().await?;
        // A page past the end shows the last (an absurd number would overflow the offset).
        let page = page.clamp(1, total.div_ceil(per_page).max(1));
        let people = paginator.fetch_page(page - 1).await?;
        Ok(StaffPage {
            rows: self.summaries(people, date).await?,
            total,
            page,
            per_page,
        })
    }

    /// The staff of the given divisions on `date` (members then, and on staff then), by
    /// employee ID.
    pub async fn division_staff(
        &self,
        division_ids: &[i32],
        date: NaiveDate,
    ) -> Result<Vec<StaffSummary>, StoreError> {
        let members: Vec<i32> = division_membership::Entity::find()
            .filter(division_membership::Column::DivisionId.is_in(division_ids.iter().copied()))
            .filter(valid_on(
                division_membership::Column::ValidFrom,
                division_membership::Column::ValidUntil,
                date,
            ))
            .select_only()
            .column(division_membership::Column::StaffId)
            .into_tuple()
            .all(self.reads())
            .await?;
        let people = staff::Entity::find()
            .filter(staff::Column::Id.is_in(members))
            .filter(valid_on(
                staff::Column::ActiveFrom,
                staff::Column::ActiveUntil,
                date,
            ))
            .order_by_asc(staff::Column::EmployeeId)
            .all(self.reads())
            .await?;
        self.summaries(people, date).await
    }

    /// A person's current details with their division and security-role history.
    pub async fn staff_detail(
        &self,
        employee_id: &EmployeeId,
        now: DateTime<Utc>,
    ) -> Result<StaffDetail, StoreError> {
        let date = mamori_domain::agency_date(now);
        let person = self.staff_member(employee_id).await?;
        let division_names: HashMap<i32, String> = division::Entity::find()
            .all(self.db())
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();
        let divisions = division_membership::Entity::find()
            .filter(division_membership::Column::StaffId.eq(person.id))
            .order_by_asc(division_membership::Column::ValidFrom)
            .all(self.db())
            .await?
            .into_iter()
            .map(|m| Period {
                value: division_names
                    .get(&m.division_id)
                    .cloned()
                    .unwrap_or_default(),
                from: m.valid_from,
                until: m.valid_until,
            })
            .collect();
        let security_roles = security_role_period::Entity::find()
            .filter(security_role_period::Column::StaffId.eq(person.id))
            .order_by_asc(security_role_period::Column::ValidFrom)
            .order_by_asc(security_role_period::Column::Role)
            .all(self.db())
            .await?
            .into_iter()
            .filter_map(|r| {
                Some(Period {
                    value: r.role.parse().ok()?,
                    from: r.valid_from,
                    until: r.valid_until,
                })
            })
            .collect();
        let changes = self.audit_of(employee_id).await?;
        let mail = self.mail_of(employee_id).await?;
        let has_password = person.password_hash.is_some();
        let login_held_until = self.login_hold_of(&person, now).await?;
        let summary = self.summaries(vec![person], date).await?.remove(0);
        Ok(StaffDetail {
            summary,
            has_password,
            login_held_until,
            divisions,
            security_roles,
            changes,
            mail,
        })
    }

    /// One person as the directory lists them on `date`.
    pub async fn staff_summary(
        &self,
        employee_id: &EmployeeId,
        date: NaiveDate,
    ) -> Result<StaffSummary, StoreError> {
        let person = self.staff_member(employee_id).await?;
        Ok(self.summaries(vec![person], date).await?.remove(0))
    }

    /// The database id of a person (which the training records are kept under), or `NotFound`.
    pub async fn staff_id(&self, employee_id: &EmployeeId) -> Result<i32, StoreError> {
        Ok(self.staff_member(employee_id).await?.id)
    }

    /// A staff member by employee ID, or `NotFound`.
    pub(crate) async fn staff_member(
        &self,
        employee_id: &EmployeeId,
    ) -> Result<staff::Model, StoreError> {
        staff::Entity::find()
            .filter(staff::Column::EmployeeId.eq(employee_id.as_str()))
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("employee {employee_id}")))
    }

    /// Records that a person left: their active period ends on `last_day`; nobody is deleted.
    /// `changed_by` (an employee ID, or `cli:<user>`) goes into the audit log.
    pub async fn mark_left(
        &self,
        employee_id: &EmployeeId,
        last_day: NaiveDate,
        changed_by: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        let person = self.staff_member(employee_id).await?;
        let staff_id = person.id;
        let mut person: staff::ActiveModel = person.into();
        let txn = self.db().begin().await?;
        person.active_until = Set(Some(last_day));
        person.update(&txn).await?;
        crate::accounts::end_access_if_gone(&txn, staff_id, Some(last_day), now).await?;
        let stop = Stop::Left {
            employee_id: employee_id.as_str(),
        };
        cancel_reminders(&txn, stop, now).await?;
        audit::record(
            &txn,
            now,
            changed_by,
            AuditAction::StaffLeft,
            Some(employee_id.as_str()),
            &format!("active_until = {last_day}"),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }

    /// The names of divisions, in the agency's order.
    pub async fn division_names(&self, ids: &[i32]) -> Result<Vec<String>, StoreError> {
        self.division_names_where(division::Column::Id.is_in(ids.iter().copied()))
            .await
    }

    /// Every division's name, in the agency's order (for choosing one on a form).
    pub async fn all_division_names(&self) -> Result<Vec<String>, StoreError> {
        self.division_names_where(sea_orm::Condition::all()).await
    }

    async fn division_names_where(
        &self,
        condition: impl sea_orm::sea_query::IntoCondition,
    ) -> Result<Vec<String>, StoreError> {
        Ok(division::Entity::find()
            .filter(condition)
            .order_by_asc(division::Column::Position)
            .all(self.db())
            .await?
            .into_iter()
            .map(|d| d.name)
            .collect())
    }

    pub(crate) async fn summaries(
        &self,
        people: Vec<staff::Model>,
        date: NaiveDate,
    ) -> Result<Vec<StaffSummary>, StoreError> {
        let divisions: HashMap<i32, String> = division::Entity::find()
            .all(self.reads())
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();
        let memberships = divisions_on(self.reads(), &people, date).await?;
        let mut roles = roles_on(self.reads(), &people, date).await?;
        people
            .into_iter()
            .map(|p| {
                Ok(StaffSummary {
                    employee_id: staff::employee_id_of(&p.employee_id)?,
                    division: memberships
                        .get(&p.id)
                        .and_then(|id| divisions.get(id))
                        .cloned()
                        .unwrap_or_default(),
                    security_roles: roles.remove(&p.id).unwrap_or_default(),
                    name: p.name,
                    email: p.email,
                    active_from: p.active_from,
                    active_until: p.active_until,
                })
            })
            .collect()
    }
}
