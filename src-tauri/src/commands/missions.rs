use ponte::missions::{self, Delegate, DelegateInput, Mission, MissionDetail, MissionInput, MissionSummary, ParticipationStatus};
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

#[tauri::command]
pub async fn missions_set_participation(
    state: State<'_, AppState>,
    mission_id: String,
    member_id: String,
    status: ParticipationStatus,
    notes: Option<String>,
) -> Result<String, CommandError> {
    state.write(move |tx| missions::set_participation(tx, &mission_id, &member_id, status, notes.as_deref().unwrap_or(""))).await
}

#[tauri::command]
pub async fn missions_remove_participation(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| missions::remove_participation(tx, &id)).await
}

#[tauri::command]
pub async fn missions_set_delegate(state: State<'_, AppState>, mission_id: String, person_id: String, input: DelegateInput) -> Result<Delegate, CommandError> {
    state.write(move |tx| missions::set_delegate(tx, &mission_id, &person_id, &input)).await
}

#[tauri::command]
pub async fn missions_remove_delegate(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| missions::remove_delegate(tx, &id)).await
}
