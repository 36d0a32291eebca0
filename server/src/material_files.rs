//! Uploaded material files on disk: `$MAMORI_DATA_DIR/materials/<sha256>`. An upload is
//! streamed to a temporary file while it is hashed and measured, so that a large video never
//! sits in memory, and is moved to its final name only once it has been accepted.

use mamori_domain::media::{MediaType, UploadError, UploadKind, check_upload};
use mamori_store::training::StoredUpload;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

#[derive(Debug, Clone)]
pub struct MaterialFiles {
    root: PathBuf,
}

/// An upload written to a temporary file; removed unless kept.
pub struct ReceivedFile {
    temp: PathBuf,
    kept: bool,
    pub file_name: String,
    pub sha256: String,
    pub size: u64,
    head: Vec<u8>,
}

/// Why an upload could not be received.
#[derive(Debug, thiserror::Error)]
pub enum ReceiveError {
    #[error("the upload is refused: {0:?}")]
    Refused(UploadError),
    #[error("the upload was interrupted: {0}")]
    Interrupted(String),
    #[error("the file could not be written: {0}")]
    Io(#[from] std::io::Error),
}

impl MaterialFiles {
    pub fn new(root: PathBuf) -> Self {
        Self { root }
    }

    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.root.join(sha256)
    }

    /// Writes a form's file field to a temporary file, refusing it as soon as it outgrows
    /// `max_bytes`.
    pub async fn receive(
        &self,
        field: &mut axum::extract::multipart::Field<'_>,
        max_bytes: u64,
    ) -> Result<ReceivedFile, ReceiveError> {
        let file_name = field.file_name().unwrap_or_default().to_string();
        tokio::fs::create_dir_all(&self.root).await?;
        let temp = self.root.join(format!(
            ".upload-{}",
            mamori_store::accounts::random_secret()
        ));
        let mut received = ReceivedFile {
            temp,
            kept: false,
            file_name: clean_file_name(&file_name),
            sha256: String::new(),
            size: 0,
            head: Vec::new(),
        };
        let mut file = tokio::fs::File::create(&received.temp).await?;
        let mut hasher = Sha256::new();
        while let Some(chunk) = field.chunk().await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                ReceiveError::Refused(UploadError::TooLarge)
            } else {
                ReceiveError::Interrupted(e.body_text())
            }
        })? {
            received.size += chunk.len() as u64;
            if received.size > max_bytes {
                return Err(ReceiveError::Refused(UploadError::TooLarge));
            }
            if received.head.len() < 16 {
                let wanted = (16 - received.head.len()).min(chunk.len());
                received.head.extend_from_slice(&chunk[..wanted]);
            }
            hasher.update(&chunk);
            file.write_all(&chunk).await?;
        }
        file.sync_all().await?;
        received.sha256 = hex::encode(hasher.finalize());
        Ok(received)
    }

    /// Moves a checked upload to its final name.
    pub async fn keep(
        &self,
        mut received: ReceivedFile,
        media: MediaType,
    ) -> Result<StoredUpload, ReceiveError> {
        tokio::fs::rename(&received.temp, self.path_of(&received.sha256)).await?;
        received.kept = true;
        Ok(StoredUpload {
            sha256: received.sha256.clone(),
            media,
            file_name: received.file_name.clone(),
            size_bytes: received.size as i64,
        })
    }
}

impl ReceivedFile {
    /// The upload's type, if it suits what it is for.
    pub fn check(&self, kind: UploadKind) -> Result<MediaType, ReceiveError> {
        check_upload(kind, &self.head, self.size).map_err(ReceiveError::Refused)
    }
}

impl Drop for ReceivedFile {
    fn drop(&mut self) {
        if !self.kept {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// The last part of the name a browser sent, without control characters, for showing and
/// for the download's name.
fn clean_file_name(raw: &str) -> String {
    let name = Path::new(raw.rsplit(['/', '\\']).next().unwrap_or_default())
        .to_string_lossy()
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect::<String>();
    if name.trim().is_empty() {
        "file".into()
    } else {
        name.trim().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_folders_and_quotes() {
        assert_eq!(clean_file_name("C:\\Users\\me\\規程.pdf"), "規程.pdf");
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("a\"b\n.pdf"), "ab.pdf");
        assert_eq!(clean_file_name(""), "file");
    }
}
