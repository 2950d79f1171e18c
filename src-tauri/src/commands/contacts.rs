use ponte::contacts::{self, Contact, ContactDetail, ContactInput, ContactSummary};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn contacts_list(state: State<'_, AppState>) -> Result<Vec<ContactSummary>, CommandError> {
    state.read(contacts::list).await
}

#[tauri::command]
pub async fn contacts_get(state: State<'_, AppState>, id: String) -> Result<ContactDetail, CommandError> {
    state.read(move |c| contacts::detail(c, &id)).await
}

#[tauri::command]
pub async fn contacts_create(state: State<'_, AppState>, input: ContactInput) -> Result<Contact, CommandError> {
    state.write(move |tx| contacts::create(tx, &input)).await
}

#[tauri::command]
pub async fn contacts_update(state: State<'_, AppState>, id: String, input: ContactInput) -> Result<Contact, CommandError> {
    state.write(move |tx| contacts::update(tx, &id, &input)).await
}

#[tauri::command]
pub async fn contacts_delete(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| contacts::delete(tx, &id)).await
}
