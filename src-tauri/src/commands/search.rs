use ponte::search::{self, SearchHit};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

/// Results beyond this are never shown, whatever the UI asks for.
const MAX_LIMIT: usize = 200;

#[tauri::command]
pub async fn search_query(state: State<'_, AppState>, text: String, limit: Option<usize>) -> Result<Vec<SearchHit>, CommandError> {
    let limit = limit.unwrap_or(50).min(MAX_LIMIT);
    state.read(move |c| search::query(c, &text, limit)).await
}
