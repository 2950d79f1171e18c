//! The mission report: its data for the in-app view, and saving it as HTML or PDF.

use ponte::report::{self, Report, ReportFormat};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::AppState;

/// The language asked for, else the workspace's, else Italian.
pub(crate) fn report_language(conn: &rusqlite::Connection, asked: Option<String>) -> ponte::Result<String> {
    Ok(asked.or(ponte::settings::get(conn)?.language).unwrap_or_else(|| "it".to_owned()))
}

#[tauri::command]
pub async fn report_get(state: State<'_, AppState>, mission_id: String, language: Option<String>) -> Result<Report, CommandError> {
    state.read(move |c| report::of_mission(c, &mission_id, &report_language(c, language)?)).await
}

/// Asks where to save the report (`…-report.html` or `.pdf`) and writes it; `null` if cancelled.
#[tauri::command]
pub async fn report_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    mission_id: String,
    format: ReportFormat,
    language: Option<String>,
) -> Result<Option<String>, CommandError> {
    let name = {
        let id = mission_id.clone();
        state.read(move |c| report::file_name(c, &id, format)).await?
    };
    let (filter, ext) = match format {
        ReportFormat::Html => ("HTML", "html"),
        ReportFormat::Pdf => ("PDF", "pdf"),
    };
    let Some(path) = dialogs::save_path(&app, &name, filter, &[ext]).await? else { return Ok(None) };
    let bytes = state.read(move |c| report::render(c, &mission_id, &report_language(c, language)?, format)).await?;
    std::fs::write(&path, bytes).map_err(|e| CommandError::from(ponte::Error::Io(e)))?;
    Ok(Some(path.display().to_string()))
}
