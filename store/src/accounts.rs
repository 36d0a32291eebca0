//! Logging in: passwords (argon2id), server-side sessions and the actor behind a session.

use crate::{
    Store, StoreError,
    entities::{app_role_grant, division, managed_division, session, staff},
};
use argon2::{
    Argon2, PasswordHash, PasswordHasher, PasswordVerifier,
    password_hash::{
        SaltString,
        rand_core::{OsRng, RngCore},
    },
};
use chrono::{DateTime, Duration, Utc};
use mamori_domain::{Actor, AppRole, EmailAddress, EmployeeId, StaffName, staff::DirectoryRefusal};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, TransactionTrait,
    sea_query::ExprTrait,
};
use sha2::{Digest, Sha256};

/// The secret a session cookie carries. Only its hash is stored.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionToken(String);

/// A random secret for a cookie or a link (256 bits, hex).
pub fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What is stored of a secret: its SHA-256, so a leaked table yields no live cookie or link.
pub(crate) fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

impl SessionToken {
    fn generate() -> Self {
        Self(random_secret())
    }

    pub fn from_cookie(value: &str) -> Self {
        Self(value.to_string())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    fn hash(&self) -> String {
        secret_hash(&self.0)
    }
}

impl std::fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionToken(<redacted>)")
    }
}

/// A new password, checked for the minimum an agency policy would ask.
pub struct NewPassword(String);

const MIN_PASSWORD_CHARS: usize = 8;

impl NewPassword {
    pub fn parse(raw: &str) -> Result<Self, StoreError> {
        if raw.chars().count() < MIN_PASSWORD_CHARS {
            return Err(DirectoryRefusal::PasswordTooShort {
                min: MIN_PASSWORD_CHARS,
            }
            .into());
        }
        Ok(Self(raw.to_string()))
    }
}

pub(crate) fn hash_password(password: &NewPassword) -> Result<String, StoreError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.0.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| StoreError::PasswordHash(e.to_string()))
}

fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

/// A hash of nothing in particular, verified when the login name is unknown so that a wrong
/// name and a wrong password take the same time.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        hash_password(&NewPassword("not-a-real-password".into())).expect("hashing works")
    })
}

/// The first administrator, made by `mamori admin create`.
pub struct NewAdmin {
    pub employee_id: EmployeeId,
    pub name: StaffName,
    pub email: EmailAddress,
    pub division: String,
    pub password: NewPassword,
}

impl Store {
    /// Checks a login (employee ID or e-mail) and password. Returns the person only if the
    /// password matches and they are on staff on `now`'s date.
    pub async fn authenticate(
        &self,
        login: &str,
        password: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<i32>, StoreError> {
        let login = login.trim();
        let person = staff::Entity::find()
            .filter(
                staff::Column::EmployeeId
                    .eq(login)
                    .or(staff::Column::Email.eq(login.to_lowercase())),
            )
            .one(self.db())
            .await?;
        let Some(person) = person else {
            verify_password(password, dummy_hash());
            return Ok(None);
        };
        let Some(stored) = person.password_hash.as_deref() else {
            verify_password(password, dummy_hash());
            return Ok(None);
        };
        let ok = verify_password(password, stored)
            && person.is_active_on(mamori_domain::agency_date(now));
        Ok(ok.then_some(person.id))
    }

    pub async fn start_session(
        &self,
        staff_id: i32,
        now: DateTime<Utc>,
        lifetime: Duration,
    ) -> Result<SessionToken, StoreError> {
        let token = SessionToken::generate();
        session::ActiveModel {
            token_hash: Set(token.hash()),
            staff_id: Set(staff_id),
            created_at: Set(now),
            expires_at: Set(now + lifetime),
        }
        .insert(self.db())
        .await?;
        Ok(token)
    }

    pub async fn end_session(&self, token: &SessionToken) -> Result<(), StoreError> {
        session::Entity::delete_by_id(token.hash())
            .exec(self.db())
            .await?;
        Ok(())
    }

    /// The person behind a session, if the session exists, has not expired, and the person
    /// is still on staff today. Expired sessions are removed on sight.
    pub async fn session_actor(
        &self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<Option<Actor>, StoreError> {
        let Some(found) = session::Entity::find_by_id(token.hash())
            .one(self.db())
            .await?
        else {
            return Ok(None);
        };
        if found.expires_at <= now {
            self.end_session(token).await?;
            return Ok(None);
        }
        let Some(person) = staff::Entity::find_by_id(found.staff_id)
            .one(self.db())
            .await?
        else {
            return Ok(None);
        };
        if !person.is_active_on(mamori_domain::agency_date(now)) {
            return Ok(None);
        }
        self.actor_for(person).await.map(Some)
    }

    async fn actor_for(&self, person: staff::Model) -> Result<Actor, StoreError> {
        let grants = app_role_grant::Entity::find()
            .filter(app_role_grant::Column::StaffId.eq(person.id))
            .all(self.db())
            .await?;
        let mut roles = vec![AppRole::Learner];
        roles.extend(grants.iter().filter_map(|g| g.role.parse::<AppRole>().ok()));
        roles.sort();
        roles.dedup();
        let managed_division_ids = managed_division::Entity::find()
            .filter(managed_division::Column::StaffId.eq(person.id))
            .all(self.db())
            .await?
            .into_iter()
            .map(|m| m.division_id)
            .collect();
        Ok(Actor {
            staff_id: person.id,
            employee_id: staff::employee_id_of(&person.employee_id)?,
            name: person.name,
            roles,
            managed_division_ids,
        })
    }

    /// Sets a person's password (`mamori user set-password`), ending their open sessions.
    pub async fn set_password(
        &self,
        employee_id: &EmployeeId,
        password: &NewPassword,
    ) -> Result<(), StoreError> {
        let person = self.staff_member(employee_id).await?;
        let hash = hash_password(password)?;
        let txn = self.db().begin().await?;
        session::Entity::delete_many()
            .filter(session::Column::StaffId.eq(person.id))
            .exec(&txn)
            .await?;
        let mut person: staff::ActiveModel = person.into();
        person.password_hash = Set(Some(hash));
        person.update(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Creates a staff member with the admin role and a password, in the division named
    /// (created if missing). Refuses an employee ID or e-mail that is taken.
    pub async fn create_admin(
        &self,
        admin: NewAdmin,
        today: chrono::NaiveDate,
    ) -> Result<(), StoreError> {
        let taken = staff::Entity::find()
            .filter(
                staff::Column::EmployeeId
                    .eq(admin.employee_id.as_str())
                    .or(staff::Column::Email.eq(admin.email.as_str())),
            )
            .one(self.db())
            .await?;
        if taken.is_some() {
            return Err(DirectoryRefusal::Taken {
                employee_id: admin.employee_id.to_string(),
                email: admin.email.to_string(),
            }
            .into());
        }
        let hash = hash_password(&admin.password)?;
        let txn = self.db().begin().await?;
        let division_id = match division::Entity::find()
            .filter(division::Column::Name.eq(admin.division.as_str()))
            .one(&txn)
            .await?
        {
            Some(found) => found.id,
            None => {
                division::ActiveModel {
                    name: Set(admin.division.clone()),
                    position: Set(0),
                    ..Default::default()
                }
                .insert(&txn)
                .await?
                .id
            }
        };
        let person = staff::ActiveModel {
            employee_id: Set(admin.employee_id.to_string()),
            name: Set(admin.name.to_string()),
            email: Set(admin.email.to_string()),
            active_from: Set(today),
            active_until: Set(None),
            title: Set(None),
            password_hash: Set(Some(hash)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        crate::history::membership(person.id, division_id, today)
            .insert(&txn)
            .await?;
        app_role_grant::ActiveModel {
            staff_id: Set(person.id),
            role: Set(AppRole::Admin.code().into()),
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(())
    }
}

/// One hash shared by the demo accounts: hashing once keeps `mamori demo` quick.
pub(crate) fn hash_for_demo(password: &NewPassword) -> Result<String, StoreError> {
    hash_password(password)
}
