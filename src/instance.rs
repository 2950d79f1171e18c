//! One Ponte at a time on a workspace: the app holds an advisory lock on `<workspace>.lock`
//! for as long as it runs, and a restore from the command line takes it too, so a file is never
//! replaced under a running app. The operating system releases the lock when the process ends,
//! however it ends (a crash or `kill -9` leaves no stale lock to clean up).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Held while it lives; dropping it releases the workspace.
#[derive(Debug)]
pub struct InstanceLock {
    _file: Option<File>,
}

/// `cluster.ponte.lock` beside `cluster.ponte`.
pub fn lock_path(workspace: &Path) -> PathBuf {
    let mut name = workspace.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the workspace's instance lock, or `Error::InUse` when another Ponte holds it. Where no
/// lock file can be written (a read-only folder) nothing can be changed either: Ponte goes on
/// without the lock rather than refusing to show the data.
pub fn acquire(workspace: &Path) -> Result<InstanceLock> {
    let file = match OpenOptions::new().create(true).truncate(false).write(true).open(lock_path(workspace)) {
        Ok(file) => file,
        Err(_) => return Ok(InstanceLock { _file: None }),
    };
    match file.try_lock() {
        Ok(()) => Ok(InstanceLock { _file: Some(file) }),
        Err(TryLockError::WouldBlock) => Err(Error::InUse),
        Err(TryLockError::Error(_)) => Ok(InstanceLock { _file: None }),
    }
}

/// Like [`acquire`], but waits up to `patience` for the holder to let go: a Ponte closed a moment
/// ago may still be finishing its exit (its web processes last a little longer than its window)
/// when the user, or a test, opens the workspace again.
pub fn acquire_within(workspace: &Path, patience: std::time::Duration) -> Result<InstanceLock> {
    let deadline = std::time::Instant::now() + patience;
    loop {
        match acquire(workspace) {
            Err(Error::InUse) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_instance_is_refused_until_the_first_lets_go() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = dir.path().join("workspace.ponte");
        let first = acquire(&workspace).unwrap();
        assert!(matches!(acquire(&workspace), Err(Error::InUse)));
        assert_eq!(Error::InUse.code(), "in_use");
        drop(first);
        acquire(&workspace).expect("free again");
    }

    #[test]
    fn a_lock_let_go_while_waiting_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = dir.path().join("workspace.ponte");
        let first = acquire(&workspace).unwrap();
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            drop(first);
        });
        acquire_within(&workspace, std::time::Duration::from_secs(10)).expect("taken once the first lets go");
        releaser.join().unwrap();
        let _held = acquire(&workspace).unwrap();
        assert!(matches!(acquire_within(&workspace, std::time::Duration::from_millis(200)), Err(Error::InUse)));
    }
}
