use ponte::workspace::{self, Counts};
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[derive(Serialize)]
pub struct WorkspaceInfo {
    path: String,
    counts: Counts,
}

#[tauri::command]
pub async fn workspace_info(state: State<'_, AppState>) -> Result<WorkspaceInfo, CommandError> {
    let path = state.path().display().to_string();
    let counts = state.read(workspace::counts).await?;
    Ok(WorkspaceInfo { path, counts })
}
