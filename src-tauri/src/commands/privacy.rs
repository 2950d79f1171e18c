//! Personal data (GDPR): consent history, access requests saved as HTML or JSON, erasure, and the
//! retention review. See docs/privacy.md.

use ponte::privacy::{self, AccessReport, ConsentRecord, ErasureReceipt, RetentionItem};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};

use crate::commands::report::report_language;
use crate::dialogs;
use crate::error::CommandError;
use crate::state::AppState;

#[tauri::command]
pub async fn privacy_consent_history(state: State<'_, AppState>, contact_id: String) -> Result<Vec<ConsentRecord>, CommandError> {
    state.read(move |c| privacy::consent_history(c, &contact_id)).await
}

#[tauri::command]
pub async fn privacy_access_request(state: State<'_, AppState>, contact_id: String, language: Option<String>) -> Result<AccessReport, CommandError> {
    state.read(move |c| privacy::access_request(c, &contact_id, &report_language(c, language)?)).await
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AccessFormat {
    Html,
    Json,
}

/// Asks where to save the access request (`access-request-<name>-<date>.html` or `.json`) and
/// writes it; `null` if cancelled.
#[tauri::command]
pub async fn privacy_save_access_request<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    contact_id: String,
    format: AccessFormat,
    language: Option<String>,
) -> Result<Option<String>, CommandError> {
    let report = state.read(move |c| privacy::access_request(c, &contact_id, &report_language(c, language)?)).await?;
    let (filter, ext) = match format {
        AccessFormat::Html => ("HTML", "html"),
        AccessFormat::Json => ("JSON", "json"),
    };
    let Some(path) = dialogs::save_path(&app, &privacy::file_name(&report, ext), filter, &[ext]).await? else { return Ok(None) };
    let bytes = match format {
        AccessFormat::Html => privacy::html(&report).into_bytes(),
        AccessFormat::Json => privacy::json(&report)?,
    };
    std::fs::write(&path, bytes).map_err(|e| CommandError::from(ponte::Error::Io(e)))?;
    Ok(Some(path.display().to_string()))
}

/// Erases the person, then overwrites what the deletion freed in the file and the WAL.
#[tauri::command]
pub async fn privacy_erase(state: State<'_, AppState>, contact_id: String) -> Result<ErasureReceipt, CommandError> {
    let receipt = state.write(move |tx| privacy::erase_contact(tx, &contact_id)).await?;
    state.read(privacy::scrub).await?;
    Ok(receipt)
}

#[tauri::command]
pub async fn privacy_erasures(state: State<'_, AppState>) -> Result<Vec<ErasureReceipt>, CommandError> {
    state.read(privacy::erasures).await
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RetentionReview {
    months: u32,
    items: Vec<RetentionItem>,
}

/// The review for `months`, or for the workspace's retention period when not given.
#[tauri::command]
pub async fn privacy_retention_review(state: State<'_, AppState>, months: Option<u32>) -> Result<RetentionReview, CommandError> {
    state
        .read(move |c| {
            let months = match months {
                Some(m) => m,
                None => ponte::settings::retention_months(c)?,
            };
            Ok(RetentionReview { months, items: privacy::retention_review(c, months)? })
        })
        .await
}

#[tauri::command]
pub async fn privacy_set_retention_months(state: State<'_, AppState>, months: u32) -> Result<u32, CommandError> {
    state.write(move |tx| ponte::settings::set_retention_months(tx, months)).await
}

#[tauri::command]
pub async fn privacy_confirm_retention(state: State<'_, AppState>, contact_ids: Vec<String>) -> Result<usize, CommandError> {
    state.write(move |tx| privacy::confirm_retention(tx, &contact_ids)).await
}
