use thiserror::Error;

/// Everything that can go wrong in the store. Callers map it to what a user can understand.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sea_orm::DbErr),
    #[error("could not create {0}: {1}")]
    Io(String, std::io::Error),
    #[error("not found: {0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(String),
    #[error("password hashing failed: {0}")]
    PasswordHash(String),
}
