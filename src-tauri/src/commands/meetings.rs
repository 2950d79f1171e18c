use ponte::meetings::{self, LogInput, Meeting, MeetingInput, MeetingStatus};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn meetings_get(state: State<'_, AppState>, id: String) -> Result<Meeting, CommandError> {
    state.read(move |c| meetings::get(c, &id)).await
}

#[tauri::command]
pub async fn meetings_create(state: State<'_, AppState>, input: MeetingInput) -> Result<Meeting, CommandError> {
    state.write(move |tx| meetings::create(tx, &input)).await
}

#[tauri::command]
pub async fn meetings_update(state: State<'_, AppState>, id: String, input: MeetingInput) -> Result<Meeting, CommandError> {
    state.write(move |tx| meetings::update(tx, &id, &input)).await
}

#[tauri::command]
pub async fn meetings_set_status(state: State<'_, AppState>, id: String, status: MeetingStatus) -> Result<Meeting, CommandError> {
    state.write(move |tx| meetings::set_status(tx, &id, status)).await
}

#[tauri::command]
pub async fn meetings_delete(state: State<'_, AppState>, id: String) -> Result<(), CommandError> {
    state.write(move |tx| meetings::delete(tx, &id)).await
}

/// Saves a quick log — meeting, new contacts, follow-ups — and drops its draft, all at once.
#[tauri::command]
pub async fn meetings_log(state: State<'_, AppState>, input: LogInput, draft_key: Option<String>) -> Result<Meeting, CommandError> {
    state
        .write(move |tx| {
            let meeting = meetings::log(tx, &input)?;
            if let Some(key) = draft_key {
                ponte::drafts::discard(tx, &key)?;
            }
            Ok(meeting)
        })
        .await
}
