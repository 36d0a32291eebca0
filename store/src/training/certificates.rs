//! Certificates of completed modules: a learner's own, and anyone's by its verification code.

use super::enrollment_of;
use crate::{
    Store, StoreError,
    accounts::random_secret,
    entities::{assignment, enrollment, security_role_period, staff, training_module},
};
use chrono::NaiveDate;
use mamori_domain::{
    SecurityRole, agency_date,
    training::{Certificate, Slug},
};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

impl Store {
    /// The certificate of a module the person completed this fiscal year.
    pub async fn certificate(
        &self,
        staff_id: i32,
        slug: &Slug,
        today: NaiveDate,
    ) -> Result<Certificate, StoreError> {
        let assigned = self.assigned_module(staff_id, slug, today).await?;
        let code = enrollment_of(self.db(), staff_id, assigned.assignment.id)
            .await?
            .and_then(|e| e.verification_code)
            .ok_or_else(|| StoreError::NotFound(format!("certificate for {slug}")))?;
        self.verify_certificate(&code)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("certificate for {slug}")))
    }

    /// The certificate carrying `code`, if there is one (codes are compared in upper case).
    pub async fn verify_certificate(&self, code: &str) -> Result<Option<Certificate>, StoreError> {
        let code = code.trim().to_ascii_uppercase();
        let Some(done) = enrollment::Entity::find()
            .filter(enrollment::Column::VerificationCode.eq(code.as_str()))
            .one(self.db())
            .await?
        else {
            return Ok(None);
        };
        let (Some(completed_at), Some(person), Some(assignment)) = (
            done.completed_at,
            staff::Entity::find_by_id(done.staff_id)
                .one(self.db())
                .await?,
            assignment::Entity::find_by_id(done.assignment_id)
                .one(self.db())
                .await?,
        ) else {
            return Ok(None);
        };
        let module = training_module::Entity::find_by_id(assignment.module_id)
            .one(self.db())
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("module {}", assignment.module_id)))?;
        let issued_by = self.ciso_on(agency_date(completed_at)).await?;
        Ok(Some(Certificate {
            employee_id: staff::employee_id_of(&person.employee_id)?,
            name: person.name,
            module_title: module.title,
            version: done.version,
            fiscal_year: assignment.fiscal_year,
            completed_at,
            verification_code: code,
            issued_by,
        }))
    }

    /// The chief information security officer on `date`, who issues the agency's training
    /// certificates: their name, if the directory names one.
    async fn ciso_on(&self, date: NaiveDate) -> Result<Option<String>, StoreError> {
        let held = security_role_period::Entity::find()
            .filter(security_role_period::Column::Role.eq(SecurityRole::Ciso.code()))
            .filter(security_role_period::Column::ValidFrom.lte(date))
            .filter(
                Condition::any()
                    .add(security_role_period::Column::ValidUntil.is_null())
                    .add(security_role_period::Column::ValidUntil.gte(date)),
            )
            .one(self.db())
            .await?;
        let Some(held) = held else {
            return Ok(None);
        };
        Ok(staff::Entity::find_by_id(held.staff_id)
            .one(self.db())
            .await?
            .map(|person| person.name))
    }
}

/// A certificate's code: short enough to read out, long enough not to guess (12 hex digits,
/// upper case).
pub(crate) fn verification_code() -> String {
    random_secret()[..12].to_ascii_uppercase()
}
