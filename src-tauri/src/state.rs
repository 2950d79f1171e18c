//! The workspace held by the app, and the bridge that keeps SQLite work off the window's thread.
//!
//! An encrypted workspace can be locked: the store is dropped (its connection closed, the key
//! gone from memory) and every command answers `locked` until the passphrase is given again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use ponte::Store;
use rusqlite::{Connection, Transaction};

use crate::error::CommandError;

pub struct AppState {
    path: PathBuf,
    store: RwLock<Option<Arc<Store>>>,
}

impl AppState {
    /// An app with its workspace open.
    pub fn new(store: Store) -> Self {
        let path = store.path().map(Path::to_owned).unwrap_or_default();
        AppState { path, store: RwLock::new(Some(Arc::new(store))) }
    }

    /// An app started on an encrypted workspace, waiting for its passphrase.
    pub fn locked(path: PathBuf) -> Self {
        AppState { path, store: RwLock::new(None) }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_locked(&self) -> bool {
        self.store.read().map(|s| s.is_none()).unwrap_or(true)
    }

    /// The open workspace, or the `locked` error the UI answers with its unlock screen.
    pub fn store(&self) -> Result<Arc<Store>, CommandError> {
        let guard = self.store.read().unwrap_or_else(|p| p.into_inner());
        guard.as_ref().map(Arc::clone).ok_or_else(|| CommandError::from(ponte::Error::Locked))
    }

    /// Opens the workspace with `passphrase`; a wrong one leaves the app locked and the file as it was.
    pub async fn unlock(&self, passphrase: String) -> Result<(), CommandError> {
        if !self.is_locked() {
            return Ok(());
        }
        let path = self.path.clone();
        let store = tauri::async_runtime::spawn_blocking(move || Store::open_with(&path, Some(&passphrase)))
            .await
            .map_err(|e| CommandError::internal(e.to_string()))??;
        let store = Arc::new(store);
        *self.store.write().unwrap_or_else(|p| p.into_inner()) = Some(Arc::clone(&store));
        // A workspace kept locked for days still gets its daily backup, as soon as it is opened.
        tauri::async_runtime::spawn_blocking(move || {
            if let Err(e) = ponte::backup::daily_if_due(&store) {
                eprintln!("Ponte could not take its daily backup: {e}");
            }
        });
        Ok(())
    }

    /// Closes an encrypted workspace. A plain one stays open: locking it would protect nothing.
    /// Work already running keeps its own handle and finishes first.
    pub fn lock(&self) -> Result<(), CommandError> {
        let mut guard = self.store.write().unwrap_or_else(|p| p.into_inner());
        match guard.as_ref() {
            Some(store) if store.is_encrypted() => {
                *guard = None;
                Ok(())
            }
            Some(_) => Err(CommandError::from(ponte::Error::NotEncrypted)),
            None => Ok(()),
        }
    }

    /// Runs `f` with the store on a blocking worker so the UI thread never waits on the disk.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> ponte::Result<T> + Send + 'static,
    {
        let store = self.store()?;
        tauri::async_runtime::spawn_blocking(move || f(&store))
            .await
            .map_err(|e| CommandError::internal(e.to_string()))?
            .map_err(CommandError::from)
    }

    /// Runs a read on a blocking worker.
    pub async fn read<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> ponte::Result<T> + Send + 'static,
    {
        self.with_store(move |store| store.read(f)).await
    }

    /// Runs `f` in one transaction on a blocking worker: all of it is saved, or none.
    pub async fn write<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> ponte::Result<T> + Send + 'static,
    {
        self.with_store(move |store| store.write(f)).await
    }
}
