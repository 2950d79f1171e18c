//! Ponte's core: the domain of an innovation cluster's missions abroad — members, missions,
//! contacts, meetings — kept in one SQLite workspace file. No UI and no Tauri here: the desktop
//! shell and the `ponte` command line are thin layers over these modules.

#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod agenda;
pub mod backup;
pub mod contacts;
pub mod dashboard;
pub mod drafts;
pub mod demo;
pub mod error;
pub mod export;
pub mod fields;
pub mod follow_ups;
pub mod generate;
pub mod ics;
pub mod import;
pub mod instance;
pub mod meetings;
pub mod members;
pub mod missions;
pub mod organisations;
pub mod privacy;
pub mod report;
pub mod search;
pub mod settings;
pub mod store;
pub mod workspace;

pub use error::{Entity, Error, ImportProblem, Reason, Result};
pub use store::Store;
