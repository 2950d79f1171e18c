// The command list lives in one file that the crate includes too.
const COMMANDS: &[&str] = include!("src/commands/names.in");

fn main() {
    // Listing the app's commands makes Tauri require a permission for each, so the window can
    // call only what its capability grants.
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
