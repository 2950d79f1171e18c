//! The import wizard's commands: pick a file, inspect it, preview, commit with progress, undo.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use ponte::import::{self, Batch, Inspection, Kind, Options, Preview, ReadOptions, Summary};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::AppState;

/// Summaries of this session's imports, so their rejected rows can be saved after the fact.
#[derive(Default)]
pub struct Summaries(Mutex<HashMap<String, Summary>>);

#[derive(Clone, Serialize)]
struct Progress {
    done: usize,
    total: usize,
}

/// Asks for the file to import; `null` when the user cancels.
#[tauri::command]
pub async fn import_pick_file<R: Runtime>(app: AppHandle<R>) -> Result<Option<String>, CommandError> {
    let picked = dialogs::open_path(&app, "CSV, Excel, OpenDocument, vCard", &["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods", "vcf", "vcard"]).await?;
    Ok(picked.map(|p| p.display().to_string()))
}

#[tauri::command]
pub async fn import_inspect(state: State<'_, AppState>, path: String, kind: Kind, read: Option<ReadOptions>) -> Result<Inspection, CommandError> {
    state.read(move |c| import::inspect(c, &PathBuf::from(path), kind, &read.unwrap_or_default())).await
}

#[tauri::command]
pub async fn import_preview(state: State<'_, AppState>, path: String, options: Options) -> Result<Preview, CommandError> {
    state.read(move |c| import::preview(c, &PathBuf::from(path), &options)).await
}

/// Imports the file as one batch, emitting `import-progress` `{done, total}` as rows are stored.
#[tauri::command]
pub async fn import_commit<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, path: String, options: Options) -> Result<Summary, CommandError> {
    // The backup before the import is taken beside it, and the import commits only once the
    // backup is on disk; the import itself can always be undone whole.
    let emitter = app.clone();
    let summary = state
        .with_store(move |store| {
            let mut last = 0;
            let (summary, _) = ponte::backup::with_before_import(store, |tx, spare_core| {
                let mut report = |done: usize, total: usize| {
                    // About a hundred events for a whole file: enough for a smooth bar, cheap for IPC.
                    if done == total || done >= last + (total / 100).max(1) {
                        last = done;
                        let _ = emitter.emit("import-progress", Progress { done, total });
                    }
                };
                import::commit_beside(tx, &PathBuf::from(path), &options, &mut report, spare_core)
            })?;
            Ok(summary)
        })
        .await?;
    if let Some(cache) = app.try_state::<Summaries>() {
        if let Ok(mut map) = cache.0.lock() {
            map.insert(summary.batch_id.clone(), summary.clone());
        }
    }
    Ok(summary)
}

#[tauri::command]
pub async fn import_history(state: State<'_, AppState>) -> Result<Vec<Batch>, CommandError> {
    state.read(import::history).await
}

#[tauri::command]
pub async fn import_undo(state: State<'_, AppState>, batch_id: String) -> Result<Batch, CommandError> {
    state.write(move |tx| import::undo(tx, &batch_id)).await
}

/// Saves the rejected rows of an import made in this session as CSV, asking where.
#[tauri::command]
pub async fn import_save_rejected<R: Runtime>(app: AppHandle<R>, batch_id: String) -> Result<Option<String>, CommandError> {
    let summary = app
        .try_state::<Summaries>()
        .and_then(|cache| cache.0.lock().ok().and_then(|m| m.get(&batch_id).cloned()))
        .ok_or_else(|| CommandError::from(ponte::Error::NotFound { entity: ponte::Entity::Participation, id: batch_id.clone() }))?;
    let stem = dialogs::file_stem(summary.file_name.rsplit_once('.').map_or(summary.file_name.as_str(), |(s, _)| s));
    let Some(path) = dialogs::save_path(&app, &format!("{stem}-rejected.csv"), "CSV", &["csv"]).await? else {
        return Ok(None);
    };
    let file = std::fs::File::create(&path).map_err(|e| CommandError::from(ponte::Error::Io(e)))?;
    import::write_rejected(&summary, file).map_err(CommandError::from)?;
    Ok(Some(path.display().to_string()))
}
