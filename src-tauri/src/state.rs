//! The workspace held by the app, and the bridge that keeps SQLite work off the window's thread.

use std::sync::Arc;

use ponte::Store;
use rusqlite::{Connection, Transaction};

use crate::error::CommandError;

pub struct AppState {
    store: Arc<Store>,
}

impl AppState {
    pub fn new(store: Store) -> Self {
        AppState { store: Arc::new(store) }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs a read on a blocking worker so the UI thread never waits on the disk.
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

    /// Runs `f` with the store itself on a blocking worker: backups and restore need the file
    /// and the passphrase, not only a connection.
    pub async fn with_store<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> ponte::Result<T> + Send + 'static,
    {
        let store = Arc::clone(&self.store);
        tauri::async_runtime::spawn_blocking(move || f(&store))
            .await
            .map_err(|e| CommandError::internal(e.to_string()))?
            .map_err(CommandError::from)
    }
}
