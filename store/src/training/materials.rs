//! A module's materials: pages, documents and videos, added, edited, reordered and removed in
//! the draft version, and described for the pages with their files.

use super::{materials_of, module_by_slug};
use crate::{
    Store, StoreError,
    entities::{material, material_file, training_module},
    markdown::render_markdown,
};
use chrono::{DateTime, Utc};
use mamori_domain::{
    media::{MediaType, UploadKind},
    training::{
        FileInfo, Material, MaterialBody, MaterialKind, Slug, TrainingRefusal, VideoSource,
        parse_video_link,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};
use std::collections::HashMap;

/// A file the server has written under the materials folder, named by its SHA-256.
pub struct StoredUpload {
    pub sha256: String,
    pub media: MediaType,
    pub file_name: String,
    pub size_bytes: i64,
}

/// A material as a trainer adds it.
pub struct NewMaterial<'a> {
    pub title: &'a str,
    pub content: NewContent<'a>,
}

pub enum NewContent<'a> {
    Page {
        markdown: &'a str,
        min_active_seconds: i32,
    },
    Document {
        description: &'a str,
        file: &'a StoredUpload,
    },
    Video {
        description: &'a str,
        video: NewVideo<'a>,
        captions: &'a StoredUpload,
    },
}

pub enum NewVideo<'a> {
    Upload(&'a StoredUpload),
    Link(&'a str),
}

/// A trainer's change to a material: its title, and its text (a page's Markdown, or a
/// document's or video's description).
pub struct MaterialEdit<'a> {
    pub title: &'a str,
    pub text: &'a str,
    pub min_active_seconds: i32,
}

/// Which way a material moves in the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

impl Store {
    /// Adds a material at the end of the draft. Changing a published module starts a new
    /// version: learners who began the old one keep it.
    pub async fn add_material(
        &self,
        slug: &Slug,
        new: NewMaterial<'_>,
        uploaded_by: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let title = required(new.title, TrainingRefusal::TitleEmpty)?;
        let mut row = material::ActiveModel {
            title: Set(title.to_string()),
            min_active_seconds: Set(0),
            file_id: Set(None),
            captions_file_id: Set(None),
            video_url: Set(None),
            ..Default::default()
        };
        let (kind, text) = match &new.content {
            NewContent::Page {
                markdown,
                min_active_seconds,
            } => {
                required(markdown, TrainingRefusal::PageTextEmpty)?;
                row.min_active_seconds = Set((*min_active_seconds).max(0));
                (MaterialKind::Page, *markdown)
            }
            NewContent::Document { description, file } => {
                suits(file, UploadKind::Document)?;
                (MaterialKind::Document, *description)
            }
            NewContent::Video {
                description,
                video,
                captions,
            } => {
                suits(captions, UploadKind::Captions)?;
                match video {
                    NewVideo::Upload(file) => suits(file, UploadKind::Video)?,
                    NewVideo::Link(link) => {
                        row.video_url = Set(Some(parse_video_link(link)?));
                    }
                }
                (MaterialKind::Video, *description)
            }
        };
        row.kind = Set(kind.code().to_string());
        row.body_markdown = Set(text.to_string());
        row.body_html = Set(render_markdown(text));
        let txn = self.db().begin().await?;
        let (file, captions) = match &new.content {
            NewContent::Page { .. } => (None, None),
            NewContent::Document { file, .. } => (Some(*file), None),
            NewContent::Video {
                video, captions, ..
            } => match video {
                NewVideo::Upload(file) => (Some(*file), Some(*captions)),
                NewVideo::Link(_) => (None, Some(*captions)),
            },
        };
        if let Some(upload) = file {
            row.file_id = Set(Some(file_row(&txn, upload, uploaded_by, now).await?));
        }
        if let Some(upload) = captions {
            row.captions_file_id = Set(Some(file_row(&txn, upload, uploaded_by, now).await?));
        }
        let module = module_by_slug(&txn, slug).await?;
        let (module_id, version) = draft_version(&txn, module, now).await?;
        row.module_id = Set(module_id);
        row.version = Set(version);
        row.position = Set(materials_of(&txn, module_id, version).await?.len() as i32 + 1);
        row.insert(&txn).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Changes the title and text of the draft's material at `position` (1-based).
    pub async fn edit_material(
        &self,
        slug: &Slug,
        position: i32,
        edit: MaterialEdit<'_>,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let title = required(edit.title, TrainingRefusal::TitleEmpty)?;
        self.change_draft(slug, now, |materials| {
            let row = at(materials, position)?;
            if row.kind == MaterialKind::Page.code() {
                required(edit.text, TrainingRefusal::PageTextEmpty)?;
            }
            let mut changed: material::ActiveModel = row.clone().into();
            changed.title = Set(title.to_string());
            changed.body_markdown = Set(edit.text.to_string());
            changed.body_html = Set(render_markdown(edit.text));
            changed.min_active_seconds = Set(edit.min_active_seconds.max(0));
            Ok(vec![changed])
        })
        .await
    }

    /// Swaps the draft's material at `position` with its neighbour.
    pub async fn move_material(
        &self,
        slug: &Slug,
        position: i32,
        direction: Move,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.change_draft(slug, now, |materials| {
            let other = match direction {
                Move::Up => position - 1,
                Move::Down => position + 1,
            };
            let (this, that) = (at(materials, position)?, at(materials, other)?);
            let mut a: material::ActiveModel = this.clone().into();
            a.position = Set(other);
            let mut b: material::ActiveModel = that.clone().into();
            b.position = Set(position);
            Ok(vec![a, b])
        })
        .await
    }

    /// Removes the draft's material at `position`; those after it move up.
    pub async fn remove_material(
        &self,
        slug: &Slug,
        position: i32,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let txn = self.db().begin().await?;
        let module = module_by_slug(&txn, slug).await?;
        let (module_id, version) = draft_version(&txn, module, now).await?;
        let materials = materials_of(&txn, module_id, version).await?;
        let removed = at(&materials, position)?.id;
        material::Entity::delete_by_id(removed).exec(&txn).await?;
        for later in materials.into_iter().filter(|m| m.position > position) {
            let mut row: material::ActiveModel = later.clone().into();
            row.position = Set(later.position - 1);
            row.update(&txn).await?;
        }
        txn.commit().await?;
        Ok(())
    }

    /// Applies `change` to the draft's materials in one transaction.
    async fn change_draft(
        &self,
        slug: &Slug,
        now: DateTime<Utc>,
        change: impl FnOnce(&[material::Model]) -> Result<Vec<material::ActiveModel>, StoreError>,
    ) -> Result<(), StoreError> {
        let txn = self.db().begin().await?;
        let module = module_by_slug(&txn, slug).await?;
        let (module_id, version) = draft_version(&txn, module, now).await?;
        let materials = materials_of(&txn, module_id, version).await?;
        for row in change(&materials)? {
            row.update(&txn).await?;
        }
        txn.commit().await?;
        Ok(())
    }
}

fn required(text: &str, reason: TrainingRefusal) -> Result<&str, StoreError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(reason.into())
    } else {
        Ok(trimmed)
    }
}

fn suits(upload: &StoredUpload, kind: UploadKind) -> Result<(), StoreError> {
    if upload.media.suits(kind) {
        Ok(())
    } else {
        Err(TrainingRefusal::WrongFileKind {
            file_name: upload.file_name.clone(),
            kind,
        }
        .into())
    }
}

fn at(materials: &[material::Model], position: i32) -> Result<&material::Model, StoreError> {
    materials
        .iter()
        .find(|m| m.position == position)
        .ok_or_else(|| StoreError::NotFound(format!("material {position}")))
}

async fn file_row(
    db: &impl ConnectionTrait,
    upload: &StoredUpload,
    uploaded_by: &str,
    now: DateTime<Utc>,
) -> Result<i32, StoreError> {
    let row = material_file::ActiveModel {
        sha256: Set(upload.sha256.clone()),
        media: Set(upload.media.code().to_string()),
        file_name: Set(upload.file_name.clone()),
        size_bytes: Set(upload.size_bytes),
        uploaded_by: Set(uploaded_by.to_string()),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// The module id and the version trainers may change: the draft, or — when the module is
/// published and unchanged since — a new version copied from the published one.
pub(super) async fn draft_version(
    db: &impl ConnectionTrait,
    module: training_module::Model,
    now: DateTime<Utc>,
) -> Result<(i32, i32), StoreError> {
    let id = module.id;
    if module.draft_version > module.published_version {
        let mut touched: training_module::ActiveModel = module.clone().into();
        touched.updated_at = Set(now);
        touched.update(db).await?;
        return Ok((id, module.draft_version));
    }
    let next = module.published_version + 1;
    for old in materials_of(db, id, module.published_version).await? {
        let mut copy: material::ActiveModel = old.into();
        copy.id = sea_orm::ActiveValue::NotSet;
        copy.version = Set(next);
        copy.insert(db).await?;
    }
    let mut module: training_module::ActiveModel = module.into();
    module.draft_version = Set(next);
    module.updated_at = Set(now);
    module.update(db).await?;
    Ok((id, next))
}

/// Materials as the pages show them, with their files described.
pub(super) async fn describe(
    db: &impl ConnectionTrait,
    rows: Vec<material::Model>,
) -> Result<Vec<Material>, StoreError> {
    let ids: Vec<i32> = rows
        .iter()
        .flat_map(|m| [m.file_id, m.captions_file_id])
        .flatten()
        .collect();
    // Pages alone have no files to look up.
    let files: HashMap<i32, material_file::Model> = if ids.is_empty() {
        HashMap::new()
    } else {
        material_file::Entity::find()
            .filter(material_file::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|f| (f.id, f))
            .collect()
    };
    rows.into_iter()
        .map(|row| material_of(row, &files))
        .collect()
}

fn material_of(
    row: material::Model,
    files: &HashMap<i32, material_file::Model>,
) -> Result<Material, StoreError> {
    let broken = |what: &str| StoreError::Corrupt(format!("material {}: {what}", row.id));
    let file = |id: Option<i32>| -> Result<FileInfo, StoreError> {
        let file = id
            .and_then(|id| files.get(&id))
            .ok_or_else(|| broken("file missing"))?;
        Ok(FileInfo {
            file_name: file.file_name.clone(),
            media: MediaType::from_code(&file.media).ok_or_else(|| broken("unknown media"))?,
            size_bytes: file.size_bytes,
        })
    };
    let body = match MaterialKind::from_code(&row.kind) {
        Some(MaterialKind::Page) => MaterialBody::Page {
            markdown: row.body_markdown,
            html: row.body_html,
        },
        Some(MaterialKind::Document) => MaterialBody::Document {
            file: file(row.file_id)?,
            description_markdown: row.body_markdown,
            description_html: row.body_html,
        },
        Some(MaterialKind::Video) => MaterialBody::Video {
            source: match row.video_url {
                Some(link) => VideoSource::Link(link),
                None => VideoSource::Upload(file(row.file_id)?),
            },
            captions: file(row.captions_file_id)?,
            description_markdown: row.body_markdown,
            description_html: row.body_html,
        },
        None => return Err(broken("unknown kind")),
    };
    Ok(Material {
        id: row.id,
        title: row.title,
        body,
        min_active_seconds: row.min_active_seconds,
    })
}
