use ponte::drafts::{self, Draft};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn drafts_get(state: State<'_, AppState>, key: String) -> Result<Option<Draft>, CommandError> {
    state.read(move |c| drafts::get(c, &key)).await
}

#[tauri::command]
pub async fn drafts_save(state: State<'_, AppState>, key: String, body: String) -> Result<Draft, CommandError> {
    state.write(move |tx| drafts::save(tx, &key, &body)).await
}

#[tauri::command]
pub async fn drafts_discard(state: State<'_, AppState>, key: String) -> Result<(), CommandError> {
    state.write(move |tx| drafts::discard(tx, &key)).await
}
