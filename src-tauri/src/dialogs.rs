//! Native file dialogs (rfd). GTK wants dialogs on the main thread, so the dialog runs there
//! and the command awaits its answer.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};

use crate::error::CommandError;

/// When set, exports go into this folder under the proposed name without asking: for unattended
/// use (and the end-to-end tests, which cannot click a GTK dialog).
pub const EXPORT_DIR_ENV: &str = "PONTE_EXPORT_DIR";

/// A file name from a title: "Japan Health Expo 2025 — Osaka" → "japan-health-expo-2025-osaka".
pub fn file_stem(title: &str) -> String {
    let folded = ponte::search::fold(title);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out: String = out.trim_end_matches('-').chars().take(80).collect();
    if out.is_empty() { "ponte".to_owned() } else { out }
}

/// Asks where to save `proposed`; `None` when the user cancels.
pub async fn save_path<R: Runtime>(
    app: &AppHandle<R>,
    proposed: &str,
    filter_name: &str,
    extensions: &[&str],
) -> Result<Option<PathBuf>, CommandError> {
    if let Some(dir) = std::env::var_os(EXPORT_DIR_ENV) {
        return Ok(Some(PathBuf::from(dir).join(proposed)));
    }
    let proposed = proposed.to_owned();
    let filter_name = filter_name.to_owned();
    let extensions: Vec<String> = extensions.iter().map(|e| (*e).to_owned()).collect();
    on_main_thread(app, move || {
        let mut dialog = rfd::FileDialog::new().set_file_name(&proposed).add_filter(&filter_name, &extensions);
        if let Some(dir) = dirs_documents() {
            dialog = dialog.set_directory(dir);
        }
        dialog.save_file()
    })
    .await
}

/// When set, "choose a file to import" answers with this file without asking (unattended use and
/// the end-to-end tests).
pub const OPEN_FILE_ENV: &str = "PONTE_OPEN_FILE";

/// Asks for a file to open; `None` when the user cancels.
pub async fn open_path<R: Runtime>(
    app: &AppHandle<R>,
    filter_name: &str,
    extensions: &[&str],
) -> Result<Option<PathBuf>, CommandError> {
    if let Some(file) = std::env::var_os(OPEN_FILE_ENV) {
        return Ok(Some(PathBuf::from(file)));
    }
    let filter_name = filter_name.to_owned();
    let extensions: Vec<String> = extensions.iter().map(|e| (*e).to_owned()).collect();
    on_main_thread(app, move || {
        let mut dialog = rfd::FileDialog::new().add_filter(&filter_name, &extensions);
        if let Some(dir) = dirs_documents() {
            dialog = dialog.set_directory(dir);
        }
        dialog.pick_file()
    })
    .await
}

/// Asks for a folder to write into; `None` when the user cancels.
pub async fn folder_path<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>, CommandError> {
    if let Some(dir) = std::env::var_os(EXPORT_DIR_ENV) {
        return Ok(Some(PathBuf::from(dir)));
    }
    on_main_thread(app, move || {
        let mut dialog = rfd::FileDialog::new();
        if let Some(dir) = dirs_documents() {
            dialog = dialog.set_directory(dir);
        }
        dialog.pick_folder()
    })
    .await
}

async fn on_main_thread<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    f: impl FnOnce() -> Option<T> + Send + 'static,
) -> Result<Option<T>, CommandError> {
    let (tx, rx) = std::sync::mpsc::channel();
    app.run_on_main_thread(move || {
        let _ = tx.send(f());
    })
    .map_err(|e| CommandError::internal(e.to_string()))?;
    tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten())
        .await
        .map_err(|e| CommandError::internal(e.to_string()))
}

fn dirs_documents() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join("Documents")).filter(|p| p.is_dir())
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn titles_become_plain_file_names() {
        assert_eq!(file_stem("Japan Health Expo 2025 — Osaka"), "japan-health-expo-2025-osaka");
        assert_eq!(file_stem("Città: \"tour\"/2026"), "citta-tour-2026");
        assert_eq!(file_stem("***"), "ponte");
    }
}
