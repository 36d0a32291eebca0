//! Why a request is refused: every reason the rules or the store can give, with its data (the
//! line, the item, the limit), one enum per area beside that area's rules. Each interface words
//! a refusal in its own language: the pages in the viewer's (`app/src/i18n`), the CLI and the
//! log in English through `Display`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Refusal {
    #[error(transparent)]
    Directory(#[from] crate::staff::DirectoryRefusal),
    #[error(transparent)]
    Training(#[from] crate::training::TrainingRefusal),
    #[error(transparent)]
    Quiz(#[from] crate::quiz::QuizRefusal),
    #[error(transparent)]
    Mail(#[from] crate::mail::MailRefusal),
    #[error(transparent)]
    Inspection(#[from] crate::inspection::InspectionRefusal),
    #[error(transparent)]
    Password(#[from] crate::password::PasswordRefusal),
}
