//! Tauri commands: one module per aggregate, each command one core call.

pub mod agenda;
pub mod backup;
pub mod contacts;
pub mod dashboard;
pub mod drafts;
pub mod export;
pub mod follow_ups;
pub mod import;
pub mod meetings;
pub mod members;
pub mod missions;
pub mod organisations;
pub mod privacy;
pub mod report;
pub mod search;
pub mod security;
pub mod settings;
pub mod workspace;

/// Every command name, for the permission manifest and the handler.
pub const ALL: &[&str] = include!("names.in");
