use mamori_domain::{
    PasswordRefusal, Refusal, inspection::InspectionRefusal, mail::MailRefusal, quiz::QuizRefusal,
    staff::DirectoryRefusal, training::TrainingRefusal,
};
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
    /// A rule refuses the change; the caller words the reason for its user.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// Data that does not convert to or from its stored form (a bug or a hand edit): logged,
    /// and an internal error to the user, who can do nothing about it.
    #[error("stored data does not convert: {0}")]
    Corrupt(String),
    #[error("password hashing failed: {0}")]
    PasswordHash(String),
}

/// Each area's refusal is a store error as it is, so the store writes `Err(reason.into())`.
macro_rules! refusal_into_store_error {
    ($($area:ty),*) => {$(
        impl From<$area> for StoreError {
            fn from(reason: $area) -> Self {
                StoreError::Refused(reason.into())
            }
        }
    )*};
}

refusal_into_store_error!(
    DirectoryRefusal,
    TrainingRefusal,
    QuizRefusal,
    MailRefusal,
    InspectionRefusal,
    PasswordRefusal
);
