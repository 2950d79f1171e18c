//! Backups from Settings: list them, take one now, preview one, restore one. A restore first
//! backs up the current state, then swaps the workspace under the store's lock; the UI reloads.

use std::path::PathBuf;

use ponte::backup::{self, BackupInfo, Preview, Reason, Restored};
use ponte::settings;
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Backups {
    /// The folder beside the workspace that holds them.
    folder: String,
    /// How many are kept.
    keep: usize,
    /// Newest first.
    backups: Vec<BackupInfo>,
}

#[tauri::command]
pub async fn backup_list(state: State<'_, AppState>) -> Result<Backups, CommandError> {
    state
        .with_store(|store| {
            let Some(path) = store.path() else {
                return Ok(Backups { folder: String::new(), keep: 0, backups: Vec::new() });
            };
            let keep = store.read(settings::backups_kept)?;
            // Backups taken before the last erasure still hold the erased people: flagged, so a
            // restore does not bring them back unnoticed.
            let last_erasure = store.read(ponte::privacy::last_erasure_at)?;
            let backups = backup::list_flagged(path, last_erasure.as_deref())?;
            Ok(Backups { folder: backup::folder(path).display().to_string(), keep, backups })
        })
        .await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo, CommandError> {
    state.with_store(|store| backup::take(store, Reason::Manual)).await
}

/// What a backup holds. `passphrase`: the backup's, when it differs from the workspace's.
#[tauri::command]
pub async fn backup_preview(state: State<'_, AppState>, file: String, passphrase: Option<String>) -> Result<Preview, CommandError> {
    state.with_store(move |store| backup::preview(&PathBuf::from(file), passphrase.or_else(|| store.passphrase()).as_deref())).await
}

/// Backs up the current state, then replaces the workspace by the backup `file`.
#[tauri::command]
pub async fn backup_restore(state: State<'_, AppState>, file: String, passphrase: Option<String>) -> Result<Restored, CommandError> {
    state.with_store(move |store| backup::restore(store, &PathBuf::from(file), passphrase.as_deref())).await
}

/// How many backups to keep (1–100).
#[tauri::command]
pub async fn backup_set_keep(state: State<'_, AppState>, keep: usize) -> Result<usize, CommandError> {
    state.write(move |tx| settings::set_backups_kept(tx, keep)).await
}
