//! The staff directory as pages read it: searching everyone, and the staff of given divisions.

use crate::{
    Store, StoreError,
    entities::{division, staff, staff_security_role},
};
use chrono::NaiveDate;
use mamori_domain::{EmployeeId, SecurityRole, StaffPage, StaffSummary};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashMap;

impl Store {
    /// Everyone whose employee ID, name, e-mail or division contains `query`, one page at a
    /// time (1-based), ordered by employee ID.
    pub async fn search_staff(
        &self,
        query: &str,
        page: u64,
        per_page: u64,
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
            select = select.filter(
                Condition::any()
                    .add(staff::Column::EmployeeId.contains(query))
                    .add(staff::Column::Name.contains(query))
                    .add(staff::Column::Email.contains(query.to_lowercase()))
                    .add(staff::Column::DivisionId.is_in(matching_divisions)),
            );
        }
        let per_page = per_page.clamp(1, 200);
        let paginator = select.paginate(self.db(), per_page);
        let total = paginator.num_items().await?;
        let page = page.max(1);
        let people = paginator.fetch_page(page - 1).await?;
        Ok(StaffPage {
            rows: self.summaries(people).await?,
            total,
            page,
            per_page,
        })
    }

    /// The staff of the given divisions who are on staff on `date`, by division then ID.
    pub async fn division_staff(
        &self,
        division_ids: &[i32],
        date: NaiveDate,
    ) -> Result<Vec<StaffSummary>, StoreError> {
        let people = staff::Entity::find()
            .filter(staff::Column::DivisionId.is_in(division_ids.iter().copied()))
            .filter(staff::Column::ActiveFrom.lte(date))
            .filter(
                Condition::any()
                    .add(staff::Column::ActiveUntil.is_null())
                    .add(staff::Column::ActiveUntil.gte(date)),
            )
            .order_by_asc(staff::Column::DivisionId)
            .order_by_asc(staff::Column::EmployeeId)
            .all(self.db())
            .await?;
        self.summaries(people).await
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
    pub async fn mark_left(
        &self,
        employee_id: &EmployeeId,
        last_day: NaiveDate,
    ) -> Result<(), StoreError> {
        let mut person: staff::ActiveModel = self.staff_member(employee_id).await?.into();
        person.active_until = Set(Some(last_day));
        person.update(self.db()).await?;
        Ok(())
    }

    /// The names of divisions, in the agency's order.
    pub async fn division_names(&self, ids: &[i32]) -> Result<Vec<String>, StoreError> {
        Ok(division::Entity::find()
            .filter(division::Column::Id.is_in(ids.iter().copied()))
            .order_by_asc(division::Column::Position)
            .all(self.db())
            .await?
            .into_iter()
            .map(|d| d.name)
            .collect())
    }

    async fn summaries(&self, people: Vec<staff::Model>) -> Result<Vec<StaffSummary>, StoreError> {
        let divisions: HashMap<i32, String> = division::Entity::find()
            .all(self.db())
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect();
        let mut roles: HashMap<i32, Vec<SecurityRole>> = HashMap::new();
        for grant in staff_security_role::Entity::find()
            .filter(staff_security_role::Column::StaffId.is_in(people.iter().map(|p| p.id)))
            .all(self.db())
            .await?
        {
            if let Ok(role) = grant.role.parse() {
                roles.entry(grant.staff_id).or_default().push(role);
            }
        }
        Ok(people
            .into_iter()
            .map(|p| {
                let mut security_roles = roles.remove(&p.id).unwrap_or_default();
                security_roles.sort();
                StaffSummary {
                    division: divisions.get(&p.division_id).cloned().unwrap_or_default(),
                    employee_id: p.employee_id,
                    name: p.name,
                    email: p.email,
                    security_roles,
                    active_from: p.active_from,
                    active_until: p.active_until,
                }
            })
            .collect())
    }
}
