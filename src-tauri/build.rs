// The command list is repeated here because build scripts cannot import the crate they build;
// a unit test checks it matches `commands::ALL`.
const COMMANDS: &[&str] = &[
    "workspace_info", "settings_get", "settings_set", "search_query",
    "members_list", "members_get", "members_create", "members_update", "members_delete",
    "members_add_person", "members_update_person", "members_delete_person",
    "organisations_list", "organisations_get", "organisations_create", "organisations_update", "organisations_delete",
    "contacts_list", "contacts_get", "contacts_create", "contacts_update", "contacts_delete",
    "missions_list", "missions_get", "missions_create", "missions_update", "missions_delete",
];

fn main() {
    // Listing the app's commands makes Tauri require a permission for each, so the window can
    // call only what its capability grants.
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
