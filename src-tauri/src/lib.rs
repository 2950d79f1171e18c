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

pub fn run() {
    let path = workspace_path();
    // Held until the process ends: a second Ponte on this workspace is refused below.
    let lock = instance::acquire(&path);
    let store = match lock.as_ref().map_err(|_| ponte::Error::InUse).and_then(|_| open_workspace(&path)) {
        Ok(store) => store,
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
    if let Err(e) = ponte::backup::daily_if_due(&store) {
        eprintln!("Ponte could not take its daily backup: {e}");
    }
    let result = build_app(Builder::default(), AppState::new(store))
        .setup(|app| {
            // The daily backup while the app stays open for days: checked every hour.
            let handle = app.handle().clone();
            std::thread::spawn(move || loop {
                std::thread::sleep(std::time::Duration::from_secs(3600));
                let state = tauri::Manager::state::<AppState>(&handle);
                if let Err(e) = ponte::backup::daily_if_due(state.store()) {
                    eprintln!("Ponte could not take its daily backup: {e}");
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
