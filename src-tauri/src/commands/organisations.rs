use ponte::organisations::{self, Organisation, OrganisationDetail, OrganisationInput, OrganisationSummary};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn organisations_list(state: State<'_, AppState>) -> Result<Vec<OrganisationSummary>, CommandError> {
    state.read(organisations::list).await
}

#[tauri::command]
pub async fn organisations_get(state: State<'_, AppState>, id: String) -> Result<OrganisationDetail, CommandError> {
    state.read(move |c| organisations::detail(c, &id)).await
}

#[tauri::command]
pub async fn organisations_create(state: State<'_, AppState>, input: OrganisationInput) -> Result<Organisation, CommandError> {
    state.write(move |tx| organisations::create(tx, &input)).await
}

#[tauri::command]
pub async fn organisations_update(state: State<'_, AppState>, id: String, input: OrganisationInput) -> Result<Organisation, CommandError> {
    state.write(move |tx| organisations::update(tx, &id, &input)).await
}

#[tauri::command]
pub async fn organisations_delete(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| organisations::delete(tx, &id)).await
}
