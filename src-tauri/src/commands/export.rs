//! Export commands: contact lists in every format, and a mission's per-member pack.

use ponte::export::{self, Column, Format, Options, Selection, Written};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnChoice {
    key: &'static str,
    label_it: &'static str,
    label_en: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Columns {
    available: Vec<ColumnChoice>,
    chosen: Vec<Column>,
}

#[tauri::command]
pub async fn export_columns(state: State<'_, AppState>) -> Result<Columns, CommandError> {
    let chosen = state.read(export::columns).await?;
    let available = Column::ALL.iter().map(|c| ColumnChoice { key: c.key(), label_it: c.label("it"), label_en: c.label("en") }).collect();
    Ok(Columns { available, chosen })
}

#[tauri::command]
pub async fn export_set_columns(state: State<'_, AppState>, columns: Vec<Column>) -> Result<Vec<Column>, CommandError> {
    state.write(move |tx| export::set_columns(tx, &columns)).await
}

/// How many contacts a selection holds, for the dialog's "N contacts" line.
#[tauri::command]
pub async fn export_count(state: State<'_, AppState>, selection: Selection) -> Result<usize, CommandError> {
    state.read(move |c| Ok(export::contacts(c, &selection)?.len())).await
}

/// Asks where to save (proposing e.g. `japan-health-expo-2025-contacts.xlsx`) and writes the list.
/// `null` when the user cancelled.
#[tauri::command]
pub async fn export_contacts<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    selection: Selection,
    format: Format,
    options: Options,
) -> Result<Option<Written>, CommandError> {
    let name = {
        let selection = selection.clone();
        state.read(move |c| export::file_name(c, &selection, format)).await?
    };
    let target = if options.one_file_per_contact && matches!(format, Format::Vcf | Format::Vcf4) {
        dialogs::folder_path(&app).await?.map(|dir| dir.join(name.trim_end_matches(".vcf")))
    } else {
        let ext = name.rsplit('.').next().unwrap_or("csv").to_owned();
        dialogs::save_path(&app, &name, &ext.to_uppercase(), &[ext.as_str()]).await?
    };
    let Some(path) = target else { return Ok(None) };
    state.read(move |c| export::write(c, &selection, format, &options, &path)).await.map(Some)
}

/// Writes the mission's per-member pack into a folder the user chooses; returns its path.
#[tauri::command]
pub async fn export_pack<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, mission_id: String) -> Result<Option<String>, CommandError> {
    let Some(dir) = dialogs::folder_path(&app).await? else { return Ok(None) };
    state
        .read(move |c| {
            let lang = ponte::settings::get(c)?.language.unwrap_or_else(|| "it".to_owned());
            let pack = export::pack::write(c, &mission_id, &dir, &lang)?;
            Ok(Some(pack.folder.display().to_string()))
        })
        .await
}
