use ponte::follow_ups::{self, Filter, FollowUp, FollowUpView};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn follow_ups_list(state: State<'_, AppState>, filter: Filter) -> Result<Vec<FollowUpView>, CommandError> {
    state.read(move |c| follow_ups::list(c, &filter, chrono::Local::now().date_naive())).await
}

#[tauri::command]
pub async fn follow_ups_set_done(state: State<'_, AppState>, id: String, done: bool) -> Result<FollowUp, CommandError> {
    state.write(move |tx| follow_ups::set_done(tx, &id, done)).await
}
