use ponte::settings::{self, Settings};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> Result<Settings, CommandError> {
    state.read(settings::get).await
}

#[tauri::command]
pub async fn settings_set(state: State<'_, AppState>, settings: Settings) -> Result<Settings, CommandError> {
    state.write(move |tx| settings::set(tx, &settings)).await
}
