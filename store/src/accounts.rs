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
use mamori_domain::{
    Actor, AppRole, EmailAddress, EmployeeId, NewPassword, StaffName, session::OpenSession,
    staff::DirectoryRefusal,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult,
    QueryFilter, TransactionTrait, sea_query::ExprTrait,
};
use sha2::{Digest, Sha256};

/// How long a session lasts: at most `lifetime` from login, and `idle` without a request
/// (a shared office PC left logged in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    pub lifetime: Duration,
    pub idle: Duration,
}

impl Default for SessionPolicy {
    /// Twelve hours, and thirty minutes idle.
    fn default() -> Self {
        Self {
            lifetime: Duration::hours(12),
            idle: Duration::minutes(30),
        }
    }
}

impl SessionPolicy {
    /// Whether `found` has neither outlived its lifetime nor been left unused too long.
    fn is_live(&self, found: &session::Model, now: DateTime<Utc>) -> bool {
        now < found.expires_at && now < last_seen(found) + self.idle
    }
}

/// When a session was last used (or opened, if not since).
fn last_seen(found: &session::Model) -> DateTime<Utc> {
    found.last_seen_at.unwrap_or(found.created_at)
}

const SESSION_COLUMNS: &str = "s_";
const PERSON_COLUMNS: &str = "p_";
const GRANTED_ROLE: &str = "granted_role";
const MANAGED_DIVISION: &str = "managed_division_id";

/// The session with `token`, its person, and each pair of the person's application roles and
/// managed divisions (none when they have neither).
fn session_with_person(token: &SessionToken) -> sea_orm::sea_query::SelectStatement {
    use crate::entities::{join_on, select_prefixed};
    use sea_orm::{JoinType, QuerySelect, QueryTrait};
    let mut query = session::Entity::find_by_id(token.hash())
        .select_only()
        .join(
            JoinType::InnerJoin,
            join_on::<session::Entity, staff::Entity>(session::Column::StaffId, staff::Column::Id),
        )
        .join(
            JoinType::LeftJoin,
            join_on::<session::Entity, app_role_grant::Entity>(
                session::Column::StaffId,
                app_role_grant::Column::StaffId,
            ),
        )
        .join(
            JoinType::LeftJoin,
            join_on::<session::Entity, managed_division::Entity>(
                session::Column::StaffId,
                managed_division::Column::StaffId,
            ),
        )
        .column_as(app_role_grant::Column::Role, GRANTED_ROLE)
        .column_as(managed_division::Column::DivisionId, MANAGED_DIVISION)
        .into_query();
    select_prefixed::<session::Entity>(&mut query, SESSION_COLUMNS);
    select_prefixed::<staff::Entity>(&mut query, PERSON_COLUMNS);
    query
}

/// Where a session is opened from: the client's address and its `User-Agent`.
#[derive(Debug, Clone, Copy)]
pub struct SessionClient<'a> {
    pub address: &'a str,
    pub user_agent: &'a str,
}

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

pub(crate) fn hash_password(password: &NewPassword) -> Result<String, StoreError> {
    hash_secret(password.expose())
}

fn hash_secret(secret: &str) -> Result<String, StoreError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| StoreError::PasswordHash(e.to_string()))
}

/// Whether `password` is the one `stored` hashes. Without a stored hash (an unknown name, or
/// no password set yet) a hash of nothing in particular is checked, so that every refusal
/// takes the same time and none reveals whether the account exists.
pub(crate) fn password_matches(password: &str, stored: Option<&str>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash_secret("not-a-real-password").expect("hashing works"));
    let verified = PasswordHash::new(stored.unwrap_or(dummy)).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    });
    verified && stored.is_some()
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
    /// Opens a session for a person who has just logged in, from `client`.
    pub async fn start_session(
        &self,
        staff_id: i32,
        client: SessionClient<'_>,
        now: DateTime<Utc>,
    ) -> Result<SessionToken, StoreError> {
        let token = SessionToken::generate();
        session::ActiveModel {
            token_hash: Set(token.hash()),
            staff_id: Set(staff_id),
            created_at: Set(now),
            expires_at: Set(now + self.sessions.lifetime),
            last_seen_at: Set(Some(now)),
            address: Set(Some(client.address.to_string())),
            user_agent: Set(Some(client.user_agent.chars().take(300).collect())),
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

    /// Ends every session of a person ("log out everywhere"); answers how many there were.
    pub async fn end_sessions_of(&self, staff_id: i32) -> Result<u64, StoreError> {
        end_sessions(self.db(), staff_id).await
    }

    /// The person behind a session, if the session exists, has been used within the idle
    /// timeout and not outlived its lifetime, and the person is still on staff today. Expired
    /// sessions are removed on sight; a live one is marked as used (at most once a minute, to
    /// spare the database a write per request).
    pub async fn session_actor(
        &self,
        token: &SessionToken,
        now: DateTime<Utc>,
    ) -> Result<Option<Actor>, StoreError> {
        // Every request asks this: one statement reads the session, the person, their
        // application roles and managed divisions (a row for each role and division pair).
        let rows = self.reads().query_all(&session_with_person(token)).await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let found = session::Model::from_query_result(first, SESSION_COLUMNS)?;
        if !self.sessions.is_live(&found, now) {
            self.end_session(token).await?;
            return Ok(None);
        }
        let person = staff::Model::from_query_result(first, PERSON_COLUMNS)?;
        if !person.is_active_on(mamori_domain::agency_date(now)) {
            return Ok(None);
        }
        let mut roles = vec![AppRole::Learner];
        let mut managed_division_ids = Vec::new();
        for row in &rows {
            let granted: Option<String> = row.try_get("", GRANTED_ROLE)?;
            roles.extend(granted.and_then(|code| code.parse::<AppRole>().ok()));
            let managed: Option<i32> = row.try_get("", MANAGED_DIVISION)?;
            managed_division_ids.extend(managed);
        }
        roles.sort();
        roles.dedup();
        managed_division_ids.sort_unstable();
        managed_division_ids.dedup();
        if now - last_seen(&found) >= Duration::minutes(1) {
            let mut seen: session::ActiveModel = found.into();
            seen.last_seen_at = Set(Some(now));
            seen.update(self.db()).await?;
        }
        Ok(Some(Actor {
            staff_id: person.id,
            employee_id: staff::employee_id_of(&person.employee_id)?,
            name: person.name,
            roles,
            managed_division_ids,
        }))
    }

    /// A person's live sessions, the most recently used first; `current` is marked.
    pub async fn open_sessions(
        &self,
        staff_id: i32,
        current: Option<&SessionToken>,
        now: DateTime<Utc>,
    ) -> Result<Vec<OpenSession>, StoreError> {
        let current = current.map(SessionToken::hash);
        let mut open: Vec<OpenSession> = session::Entity::find()
            .filter(session::Column::StaffId.eq(staff_id))
            .all(self.db())
            .await?
            .into_iter()
            .filter(|s| self.sessions.is_live(s, now))
            .map(|s| OpenSession {
                started_at: s.created_at,
                last_seen_at: last_seen(&s),
                browser: mamori_domain::session::browser_of(
                    s.user_agent.as_deref().unwrap_or_default(),
                ),
                current: current.as_deref() == Some(s.token_hash.as_str()),
                address: s.address.unwrap_or_default(),
            })
            .collect();
        open.sort_by_key(|session| std::cmp::Reverse(session.last_seen_at));
        Ok(open)
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
        end_sessions(&txn, person.id).await?;
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

/// Ends every session of a person: logging out everywhere, a new password, a leaver's last
/// day. Answers how many there were.
pub(crate) async fn end_sessions(
    db: &impl sea_orm::ConnectionTrait,
    staff_id: i32,
) -> Result<u64, StoreError> {
    Ok(session::Entity::delete_many()
        .filter(session::Column::StaffId.eq(staff_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// Ends a leaver's access at once when their last day has come (`last_day` on or before
/// `now`'s date): every session ends and the password is revoked, so that nobody keeps working
/// until midnight. A leaving recorded ahead of time leaves access alone; it ends after the
/// last day, when the person is no longer on staff. Re-joining needs a new set-password link.
pub(crate) async fn end_access_if_gone(
    db: &impl sea_orm::ConnectionTrait,
    staff_id: i32,
    last_day: Option<chrono::NaiveDate>,
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    if last_day.is_none_or(|last| last > mamori_domain::agency_date(now)) {
        return Ok(());
    }
    end_sessions(db, staff_id).await?;
    staff::Entity::update_many()
        .col_expr(
            staff::Column::PasswordHash,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .filter(staff::Column::Id.eq(staff_id))
        .exec(db)
        .await?;
    Ok(())
}

/// One hash shared by the demo accounts: hashing once keeps `mamori demo` quick. The demo's
/// password is printed on its login page, so the policy for real passwords does not apply.
pub(crate) fn hash_for_demo(password: &str) -> Result<String, StoreError> {
    hash_secret(password)
}
