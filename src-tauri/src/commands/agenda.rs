use ponte::agenda::{self, Agenda};
use tauri::{AppHandle, Runtime, State};

use crate::dialogs;
use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn agenda_get(state: State<'_, AppState>, mission_id: String) -> Result<Agenda, CommandError> {
    state
        .read(move |c| {
            let home = ponte::settings::get(c)?.home_time_zone;
            agenda::of_mission(c, &mission_id, &home)
        })
        .await
}

/// Asks where to save the mission's (or one delegate's) calendar and writes it there.
/// Returns the path written, or `null` when the user cancelled the dialog.
#[tauri::command]
pub async fn agenda_export_ics<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    mission_id: String,
    person_id: Option<String>,
) -> Result<Option<String>, CommandError> {
    let (title, ics) = {
        let mission_id = mission_id.clone();
        state
            .read(move |c| {
                let mission = ponte::missions::get(c, &mission_id)?;
                let suffix = match person_id.as_deref() {
                    Some(p) => format!("-{}", ponte::members::get_person(c, p)?.display_name()),
                    None => String::new(),
                };
                Ok((format!("{}{suffix}", mission.title), ponte::ics::mission(c, &mission_id, person_id.as_deref())?))
            })
            .await?
    };
    let name = format!("{}-agenda.ics", dialogs::file_stem(&title));
    let Some(path) = dialogs::save_path(&app, &name, "iCalendar", &["ics"]).await? else {
        return Ok(None);
    };
    std::fs::write(&path, ics).map_err(|e| CommandError::from(ponte::Error::Io(e)))?;
    Ok(Some(path.display().to_string()))
}
