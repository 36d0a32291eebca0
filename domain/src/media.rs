//! Uploaded material files: what they are (told from their first bytes, never from the name or
//! the browser's word) and how large each kind may be.

use serde::{Deserialize, Serialize};

/// A file type Mamori accepts. Anything else — SVG and HTML above all, which can carry
/// scripts — is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediaType {
    Pdf,
    Png,
    Jpeg,
    Gif,
    WebP,
    Mp4,
    WebM,
    WebVtt,
}

/// What an upload is for, which decides the types and size it may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum UploadKind {
    /// A PDF or an image.
    Document,
    Video,
    /// A WebVTT captions track for a video.
    Captions,
}

impl MediaType {
    const ALL: [MediaType; 8] = [
        MediaType::Pdf,
        MediaType::Png,
        MediaType::Jpeg,
        MediaType::Gif,
        MediaType::WebP,
        MediaType::Mp4,
        MediaType::WebM,
        MediaType::WebVtt,
    ];

    /// The type of a file from its first bytes (16 are enough).
    pub fn sniff(head: &[u8]) -> Option<MediaType> {
        let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        if head.starts_with(b"%PDF-") {
            Some(MediaType::Pdf)
        } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(MediaType::Png)
        } else if head.starts_with(b"\xFF\xD8\xFF") {
            Some(MediaType::Jpeg)
        } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
            Some(MediaType::Gif)
        } else if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
            Some(MediaType::WebP)
        } else if head.len() >= 8 && &head[4..8] == b"ftyp" {
            Some(MediaType::Mp4)
        } else if head.starts_with(b"\x1A\x45\xDF\xA3") {
            Some(MediaType::WebM)
        } else if text.starts_with(b"WEBVTT")
            && matches!(text.get(6), None | Some(b' ' | b'\t' | b'\r' | b'\n'))
        {
            Some(MediaType::WebVtt)
        } else {
            None
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Gif => "image/gif",
            MediaType::WebP => "image/webp",
            MediaType::Mp4 => "video/mp4",
            MediaType::WebM => "video/webm",
            MediaType::WebVtt => "text/vtt; charset=utf-8",
        }
    }

    /// The code kept in the database.
    pub fn code(self) -> &'static str {
        match self {
            MediaType::Pdf => "pdf",
            MediaType::Png => "png",
            MediaType::Jpeg => "jpeg",
            MediaType::Gif => "gif",
            MediaType::WebP => "webp",
            MediaType::Mp4 => "mp4",
            MediaType::WebM => "webm",
            MediaType::WebVtt => "vtt",
        }
    }

    pub fn from_code(code: &str) -> Option<MediaType> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn is_image(self) -> bool {
        matches!(
            self,
            MediaType::Png | MediaType::Jpeg | MediaType::Gif | MediaType::WebP
        )
    }

    pub fn suits(self, kind: UploadKind) -> bool {
        match kind {
            UploadKind::Document => self == MediaType::Pdf || self.is_image(),
            UploadKind::Video => matches!(self, MediaType::Mp4 | MediaType::WebM),
            UploadKind::Captions => self == MediaType::WebVtt,
        }
    }
}

impl UploadKind {
    /// The largest file accepted: documents and captions are small; a training video of
    /// ten to twenty minutes fits.
    pub fn max_bytes(self) -> u64 {
        const MB: u64 = 1024 * 1024;
        match self {
            UploadKind::Document => 20 * MB,
            UploadKind::Video => 500 * MB,
            UploadKind::Captions => MB,
        }
    }
}

/// Why an upload was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UploadError {
    Missing,
    TooLarge,
    WrongType,
}

/// Checks an upload's first bytes against what it is for.
pub fn check_upload(kind: UploadKind, head: &[u8], size: u64) -> Result<MediaType, UploadError> {
    if size == 0 {
        return Err(UploadError::Missing);
    }
    if size > kind.max_bytes() {
        return Err(UploadError::TooLarge);
    }
    MediaType::sniff(head)
        .filter(|t| t.suits(kind))
        .ok_or(UploadError::WrongType)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_told_from_the_first_bytes() {
        assert_eq!(MediaType::sniff(b"%PDF-1.4\n"), Some(MediaType::Pdf));
        assert_eq!(
            MediaType::sniff(b"\x89PNG\r\n\x1a\n\0\0"),
            Some(MediaType::Png)
        );
        assert_eq!(MediaType::sniff(b"\xFF\xD8\xFF\xE0"), Some(MediaType::Jpeg));
        assert_eq!(
            MediaType::sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Some(MediaType::WebP)
        );
        assert_eq!(
            MediaType::sniff(b"\0\0\0\x18ftypmp42"),
            Some(MediaType::Mp4)
        );
        assert_eq!(
            MediaType::sniff(b"\x1A\x45\xDF\xA3\x9f"),
            Some(MediaType::WebM)
        );
        assert_eq!(
            MediaType::sniff(b"WEBVTT\n\n00:00"),
            Some(MediaType::WebVtt)
        );
        assert_eq!(
            MediaType::sniff(b"\xEF\xBB\xBFWEBVTT - captions\n"),
            Some(MediaType::WebVtt)
        );
        assert_eq!(MediaType::sniff(b"WEBVTTX"), None);
        // A script in disguise is refused whatever its name says.
        assert_eq!(MediaType::sniff(b"<svg onload=alert(1)>"), None);
        assert_eq!(MediaType::sniff(b"<html><script>"), None);
        assert_eq!(MediaType::sniff(b""), None);
    }

    #[test]
    fn each_upload_takes_its_own_types_and_size() {
        let pdf = b"%PDF-1.7";
        assert_eq!(
            check_upload(UploadKind::Document, pdf, 10),
            Ok(MediaType::Pdf)
        );
        assert_eq!(
            check_upload(UploadKind::Video, pdf, 10),
            Err(UploadError::WrongType)
        );
        assert_eq!(
            check_upload(UploadKind::Captions, b"\x1A\x45\xDF\xA3", 10),
            Err(UploadError::WrongType)
        );
        assert_eq!(
            check_upload(UploadKind::Document, pdf, 20 * 1024 * 1024 + 1),
            Err(UploadError::TooLarge)
        );
        assert_eq!(
            check_upload(UploadKind::Document, b"", 0),
            Err(UploadError::Missing)
        );
    }

    #[test]
    fn codes_round_trip() {
        for t in MediaType::ALL {
            assert_eq!(MediaType::from_code(t.code()), Some(t));
        }
    }
}
