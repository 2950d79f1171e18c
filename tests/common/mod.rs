//! Shared setup for scenario tests: a real workspace file in a temporary folder.

#![allow(dead_code)]

use std::path::PathBuf;

use ponte::Store;

pub struct Workspace {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Workspace {
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("workspace.ponte")
    }

    /// Closes and opens the file again, as a restart of the app does.
    pub fn reopen(self) -> Workspace {
        let Workspace { dir, store } = self;
        drop(store);
        let store = Store::open(&dir.path().join("workspace.ponte")).expect("reopen");
        Workspace { dir, store }
    }
}

pub fn empty() -> Workspace {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("workspace.ponte")).expect("open");
    Workspace { dir, store }
}

pub fn demo() -> Workspace {
    let ws = empty();
    ws.store.write(|tx| ponte::demo::load(tx)).expect("demo");
    ws
}
