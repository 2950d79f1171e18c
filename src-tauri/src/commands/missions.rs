use ponte::missions::{self, Mission, MissionDetail, MissionInput, MissionSummary};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn missions_list(state: State<'_, AppState>) -> Result<Vec<MissionSummary>, CommandError> {
    state.read(missions::list).await
}

#[tauri::command]
pub async fn missions_get(state: State<'_, AppState>, id: String) -> Result<MissionDetail, CommandError> {
    state.read(move |c| missions::detail(c, &id)).await
}

#[tauri::command]
pub async fn missions_create(state: State<'_, AppState>, input: MissionInput) -> Result<Mission, CommandError> {
    state.write(move |tx| missions::create(tx, &input)).await
}

#[tauri::command]
pub async fn missions_update(state: State<'_, AppState>, id: String, input: MissionInput) -> Result<Mission, CommandError> {
    state.write(move |tx| missions::update(tx, &id, &input)).await
}

#[tauri::command]
pub async fn missions_delete(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| missions::delete(tx, &id)).await
}
