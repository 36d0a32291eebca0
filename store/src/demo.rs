//! Loads the demo agency (`mamori demo`) into an empty database.

use crate::{
    Store, StoreError,
    entities::{
        app_role_grant, division, division_membership, managed_division, security_role_period,
        staff,
    },
    history,
};
use mamori_domain::{
    SecurityRole,
    demo::{self, DEMO_PASSWORD},
    staff::DirectoryRefusal,
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, TransactionTrait,
};
use std::collections::HashMap;

/// What the login page shows of a demo account.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    pub employee_id: String,
    pub name: String,
    pub title: String,
    pub app_roles: Vec<mamori_domain::AppRole>,
}

impl Store {
    /// Fills an empty database with the agency of the annual report and marks it as a demo.
    /// Refuses a database that already has staff, so a real directory is never mixed with it.
    pub async fn load_demo(&self) -> Result<usize, StoreError> {
        if staff::Entity::find().count(self.db()).await? > 0 {
            return Err(DirectoryRefusal::NotEmptyForDemo.into());
        }
        let agency = demo::agency();
        let password_hash = crate::accounts::hash_for_demo(DEMO_PASSWORD)?;
        let txn = self.db().begin().await?;

        division::Entity::insert_many(demo::DIVISIONS.iter().enumerate().map(
            |(position, (name, _))| division::ActiveModel {
                name: Set(name.to_string()),
                position: Set(position as i32 + 1),
                ..Default::default()
            },
        ))
        .exec(&txn)
        .await?;
        let division_ids: HashMap<String, i32> = division::Entity::find()
            .all(&txn)
            .await?
            .into_iter()
            .map(|d| (d.name, d.id))
            .collect();

        let account_ids: Vec<&str> = agency
            .accounts
            .iter()
            .map(|a| a.employee_id.as_str())
            .collect();
        staff::Entity::insert_many(agency.staff.iter().map(|person| {
            staff::ActiveModel {
                employee_id: Set(person.employee_id.to_string()),
                name: Set(person.name.to_string()),
                email: Set(person.email.to_string()),
                active_from: Set(person.active_from),
                active_until: Set(None),
                title: Set(Some(person.title.to_string())),
                password_hash: Set(account_ids
                    .contains(&person.employee_id.as_str())
                    .then(|| password_hash.clone())),
                ..Default::default()
            }
        }))
        .exec(&txn)
        .await?;
        let staff_ids: HashMap<String, i32> = staff::Entity::find()
            .all(&txn)
            .await?
            .into_iter()
            .map(|s| (s.employee_id, s.id))
            .collect();

        division_membership::Entity::insert_many(agency.staff.iter().map(|person| {
            history::membership(
                staff_ids[person.employee_id.as_str()],
                division_ids[person.division],
                person.active_from,
            )
        }))
        .exec(&txn)
        .await?;
        security_role_period::Entity::insert_many(agency.staff.iter().flat_map(|person| {
            let staff_id = staff_ids[person.employee_id.as_str()];
            person
                .security_roles
                .iter()
                .filter(|role| **role != SecurityRole::Staff)
                .map(move |role| history::role_period(staff_id, *role, person.active_from))
        }))
        .exec(&txn)
        .await?;

        for account in &agency.accounts {
            let staff_id = staff_ids[account.employee_id.as_str()];
            for role in &account.app_roles {
                app_role_grant::Entity::insert(app_role_grant::ActiveModel {
                    staff_id: Set(staff_id),
                    role: Set(role.code().to_string()),
                })
                .exec(&txn)
                .await?;
            }
            for name in &account.managed_divisions {
                managed_division::Entity::insert(managed_division::ActiveModel {
                    staff_id: Set(staff_id),
                    division_id: Set(division_ids[*name]),
                })
                .exec(&txn)
                .await?;
            }
        }
        txn.commit().await?;
        self.mark_demo().await?;
        Ok(agency.staff.len())
    }

    /// The demo accounts to list on the login page; empty unless this is a demo database.
    pub async fn demo_logins(&self) -> Result<Vec<DemoLogin>, StoreError> {
        if !self.is_demo().await? {
            return Ok(Vec::new());
        }
        let agency = demo::agency();
        let mut logins = Vec::new();
        for account in agency.accounts {
            let Some(person) = staff::Entity::find()
                .filter(staff::Column::EmployeeId.eq(account.employee_id.as_str()))
                .one(self.db())
                .await?
            else {
                continue;
            };
            logins.push(DemoLogin {
                employee_id: person.employee_id,
                name: person.name,
                title: person.title.unwrap_or_default(),
                app_roles: account.app_roles,
            });
        }
        Ok(logins)
    }
}
