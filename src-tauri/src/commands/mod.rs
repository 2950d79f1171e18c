//! Tauri commands: one module per aggregate, each command one core call.

pub mod contacts;
pub mod members;
pub mod missions;
pub mod organisations;
pub mod search;
pub mod settings;
pub mod workspace;

/// Every command name, for the permission manifest and the handler.
pub const ALL: &[&str] = &[
    "workspace_info",
    "settings_get",
    "settings_set",
    "search_query",
    "members_list",
    "members_get",
    "members_create",
    "members_update",
    "members_delete",
    "members_add_person",
    "members_update_person",
    "members_delete_person",
    "organisations_list",
    "organisations_get",
    "organisations_create",
    "organisations_update",
    "organisations_delete",
    "contacts_list",
    "contacts_get",
    "contacts_create",
    "contacts_update",
    "contacts_delete",
    "missions_list",
    "missions_get",
    "missions_create",
    "missions_update",
    "missions_delete",
];
