use ponte::dashboard::{self, Dashboard};
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn dashboard_get(state: State<'_, AppState>) -> Result<Dashboard, CommandError> {
    state
        .read(|c| {
            let home = ponte::settings::get(c)?.home_time_zone;
            dashboard::get(c, chrono::Utc::now(), &home)
        })
        .await
}
