//! Ponte's desktop shell: opens the workspace, builds the window, and exposes the core to the UI
//! through thin commands. Everything the app knows lives in the `ponte` core crate.

pub mod commands;
pub mod dialogs;
pub mod error;
pub mod state;

use std::path::PathBuf;

use ponte::{demo, instance, store, Store};
use tauri::{Builder, Runtime};

pub use state::AppState;

/// Registers the state and every command on a builder; tests pass Tauri's mock builder here.
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    use commands::*;
    builder.manage(state).manage(commands::import::Summaries::default()).invoke_handler(tauri::generate_handler![
        workspace::workspace_info,
        settings::settings_get,
        settings::settings_set,
        search::search_query,
        dashboard::dashboard_get,
        members::members_list,
        members::members_get,
        members::members_create,
        members::members_update,
        members::members_delete,
        members::members_add_person,
        members::members_update_person,
        members::members_delete_person,
        members::members_list_persons,
        organisations::organisations_list,
        organisations::organisations_get,
        organisations::organisations_create,
        organisations::organisations_update,
        organisations::organisations_delete,
        contacts::contacts_list,
        contacts::contacts_get,
        contacts::contacts_create,
        contacts::contacts_update,
        contacts::contacts_delete,
        missions::missions_list,
        missions::missions_get,
        missions::missions_create,
        missions::missions_update,
        missions::missions_delete,
        missions::missions_set_participation,
        missions::missions_remove_participation,
        missions::missions_set_delegate,
        missions::missions_remove_delegate,
        agenda::agenda_get,
        agenda::agenda_export_ics,
        meetings::meetings_get,
        meetings::meetings_create,
        meetings::meetings_update,
        meetings::meetings_set_status,
        meetings::meetings_delete,
        meetings::meetings_log,
        follow_ups::follow_ups_list,
        follow_ups::follow_ups_set_done,
        drafts::drafts_get,
        drafts::drafts_save,
        drafts::drafts_discard,
        import::import_pick_file,
        import::import_inspect,
        import::import_preview,
        import::import_commit,
        import::import_history,
        import::import_undo,
        import::import_save_rejected,
        export::export_columns,
        export::export_set_columns,
        export::export_count,
        export::export_contacts,
        export::export_pack,
        report::report_get,
        report::report_save,
        security::security_status,
        security::security_unlock,
        security::security_lock,
        security::security_set_passphrase,
        security::security_set_lock_after,
        privacy::privacy_consent_history,
        privacy::privacy_access_request,
        privacy::privacy_save_access_request,
        privacy::privacy_erase,
        privacy::privacy_erasures,
        privacy::privacy_retention_review,
        privacy::privacy_set_retention_months,
        privacy::privacy_confirm_retention,
        backup::backup_list,
        backup::backup_now,
        backup::backup_preview,
        backup::backup_restore,
        backup::backup_set_keep,
    ])
}

/// The workspace the app opens: `PONTE_DB` if set, else the one the CLI uses by default.
pub fn workspace_path() -> PathBuf {
    std::env::var_os("PONTE_DB").map(PathBuf::from).unwrap_or_else(store::default_path)
}

/// Opens the workspace, filling a brand-new one with the demo so a first start shows something.
pub fn open_workspace(path: &std::path::Path) -> ponte::Result<Store> {
    let store = Store::open(path)?;
    if store.was_created() {
        store.write(|tx| demo::load(tx))?;
    }
    Ok(store)
}

/// The app's state for the workspace at `path`: open, or locked when it needs a passphrase (the
/// window then shows the unlock screen instead of failing).
pub fn open_state(path: &std::path::Path) -> ponte::Result<AppState> {
    match open_workspace(path) {
        Ok(store) => Ok(AppState::new(store)),
        Err(ponte::Error::Locked) => Ok(AppState::locked(path.to_owned())),
        Err(e) => Err(e),
    }
}

pub fn run() {
    let path = workspace_path();
    // Held until the process ends: a second Ponte on this workspace is refused below.
    let lock = instance::acquire_within(&path, std::time::Duration::from_secs(10));
    let state = match lock.as_ref().map_err(|_| ponte::Error::InUse).and_then(|_| open_state(&path)) {
        Ok(state) => state,
        Err(e) => {
            let text = match &e {
                ponte::Error::InUse => format!(
                    "Questo spazio di lavoro è già aperto in un'altra finestra di Ponte.\n\
                     This workspace is already open in another Ponte window.\n\n{}",
                    path.display()
                ),
                ponte::Error::SchemaTooNew { .. } => format!(
                    "Questo spazio di lavoro è stato creato da una versione più recente di Ponte: aggiorna Ponte.\n\
                     This workspace was written by a newer Ponte: please update Ponte.\n\n{}",
                    path.display()
                ),
                other => format!(
                    "Impossibile aprire lo spazio di lavoro / Cannot open the workspace\n{}\n\n{other}",
                    path.display()
                ),
            };
            eprintln!("{text}");
            rfd::MessageDialog::new()
                .set_title("Ponte")
                .set_description(text)
                .set_level(rfd::MessageLevel::Error)
                .show();
            std::process::exit(1);
        }
    };
    if let Ok(store) = state.store() {
        if let Err(e) = ponte::backup::daily_if_due(&store) {
            eprintln!("Ponte could not take its daily backup: {e}");
        }
    }
    let result = build_app(Builder::default(), state)
        .setup(|app| {
            // The daily backup while the app stays open for days: checked every hour (a locked
            // workspace is skipped; unlocking checks at once).
            let handle = app.handle().clone();
            std::thread::spawn(move || loop {
                std::thread::sleep(std::time::Duration::from_secs(3600));
                let state = tauri::Manager::state::<AppState>(&handle);
                if let Ok(store) = state.store() {
                    if let Err(e) = ponte::backup::daily_if_due(&store) {
                        eprintln!("Ponte could not take its daily backup: {e}");
                    }
                }
            });
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("Ponte could not start its window: {e}");
        std::process::exit(1);
    }
}
