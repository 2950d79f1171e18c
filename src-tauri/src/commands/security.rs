//! Locking and the passphrase: what the unlock screen and the Settings "Security" panel call.

use ponte::settings;
use serde::Serialize;
use tauri::State;

use crate::error::CommandError;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityStatus {
    locked: bool,
    encrypted: bool,
    /// Minutes of inactivity before the app locks itself; 0 = never. `None` while locked.
    lock_after_minutes: Option<u32>,
    min_passphrase_chars: usize,
}

#[tauri::command]
pub async fn security_status(state: State<'_, AppState>) -> Result<SecurityStatus, CommandError> {
    let min_passphrase_chars = ponte::store::MIN_PASSPHRASE_CHARS;
    if state.is_locked() {
        return Ok(SecurityStatus { locked: true, encrypted: true, lock_after_minutes: None, min_passphrase_chars });
    }
    let (encrypted, minutes) = state
        .with_store(|store| Ok((store.is_encrypted(), store.read(settings::lock_after_minutes)?)))
        .await?;
    Ok(SecurityStatus { locked: false, encrypted, lock_after_minutes: Some(minutes), min_passphrase_chars })
}

#[tauri::command]
pub async fn security_unlock(state: State<'_, AppState>, passphrase: String) -> Result<(), CommandError> {
    state.unlock(passphrase).await
}

#[tauri::command]
pub async fn security_lock(state: State<'_, AppState>) -> Result<(), CommandError> {
    state.lock()
}

/// Sets, changes or (with `new` = `None`) removes the passphrase. Changing or removing one asks
/// for the current passphrase again: an unlocked laptop left on a stand must not be enough.
#[tauri::command]
pub async fn security_set_passphrase(
    state: State<'_, AppState>,
    current: Option<String>,
    new: Option<String>,
) -> Result<(), CommandError> {
    state
        .with_store(move |store| {
            if let Some(held) = store.passphrase() {
                if current.as_deref() != Some(held.as_str()) {
                    return Err(ponte::Error::WrongPassphrase);
                }
            } else if new.is_none() {
                return Err(ponte::Error::NotEncrypted);
            }
            store.set_passphrase(new.as_deref())
        })
        .await
}

#[tauri::command]
pub async fn security_set_lock_after(state: State<'_, AppState>, minutes: u32) -> Result<u32, CommandError> {
    state.write(move |tx| settings::set_lock_after_minutes(tx, minutes)).await
}
