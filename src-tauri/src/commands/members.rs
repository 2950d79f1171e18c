use ponte::members::{self, Member, MemberDetail, MemberInput, MemberSummary, Person, PersonInput, PersonSummary};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn members_list(state: State<'_, AppState>) -> Result<Vec<MemberSummary>, CommandError> {
    state.read(members::list).await
}

#[tauri::command]
pub async fn members_get(state: State<'_, AppState>, id: String) -> Result<MemberDetail, CommandError> {
    state.read(move |c| members::detail(c, &id)).await
}

#[tauri::command]
pub async fn members_create(state: State<'_, AppState>, input: MemberInput) -> Result<Member, CommandError> {
    state.write(move |tx| members::create(tx, &input)).await
}

#[tauri::command]
pub async fn members_update(state: State<'_, AppState>, id: String, input: MemberInput) -> Result<Member, CommandError> {
    state.write(move |tx| members::update(tx, &id, &input)).await
}

#[tauri::command]
pub async fn members_delete(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| members::delete(tx, &id)).await
}

#[tauri::command]
pub async fn members_add_person(state: State<'_, AppState>, member_id: String, input: PersonInput) -> Result<Person, CommandError> {
    state.write(move |tx| members::add_person(tx, &member_id, &input)).await
}

#[tauri::command]
pub async fn members_update_person(state: State<'_, AppState>, id: String, input: PersonInput) -> Result<Person, CommandError> {
    state.write(move |tx| members::update_person(tx, &id, &input)).await
}

#[tauri::command]
pub async fn members_delete_person(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| members::delete_person(tx, &id)).await
}

#[tauri::command]
pub async fn members_list_persons(state: State<'_, AppState>) -> Result<Vec<PersonSummary>, CommandError> {
    state.read(members::list_persons).await
}
