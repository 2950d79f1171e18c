//! Crash safety: the real `ponte` binary is killed (SIGKILL, no chance to clean up) in the middle
//! of a large import and while it logs meetings, several times at different moments; then the
//! workspace is reopened as the app would. It must pass `PRAGMA integrity_check`, hold all of an
//! interrupted import or none of it, and every meeting reported saved before the kill.
//!
//! The kill moments are random; the seed is printed, and `PONTE_CRASH_SEED` replays a run.
//! `PONTE_CRASH_ROWS` sets the size of the imported file (default 50,000 rows).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ponte::{workspace, Store};

fn ponte(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ponte"));
    cmd.arg("--db").arg(db).stdin(Stdio::null()).env_remove("PONTE_PASSPHRASE");
    cmd
}

/// A small deterministic generator for the kill moments (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn seeded() -> Lcg {
        let seed = std::env::var("PONTE_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(42)
        });
        eprintln!("crash test seed: PONTE_CRASH_SEED={seed}");
        Lcg(seed)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

fn rows() -> usize {
    std::env::var("PONTE_CRASH_ROWS").ok().and_then(|s| s.parse().ok()).unwrap_or(50_000)
}

/// A participants' list of `rows` new people; `round` keeps each file's people distinct.
/// Their e-mails, names and phones all differ from every other round's: a shared phone alone
/// makes two people the same person, and a finished import would then store no one new.
fn big_csv(path: &Path, rows: usize, round: usize) {
    let mut text = String::with_capacity(rows * 80);
    text.push_str("Nome;Cognome;Email;Azienda;Telefono;Città\n");
    for i in 0..rows {
        text.push_str(&format!("Nome{round}x{i};Cognome{i};p{round}x{i}@example{}.org;Azienda {};+39 3{round} {:08};Milano\n", i % 97, i % 500, i));
    }
    std::fs::write(path, text).expect("write csv");
}

struct State {
    contacts: i64,
    batches: i64,
    triggers: i64,
}

/// Reopens the workspace as the app does and checks it is whole.
fn reopen(db: &Path, passphrase: Option<&str>) -> (Store, State) {
    let store = Store::open_with(db, passphrase).expect("the workspace reopens after the kill");
    let check: String = store.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).expect("integrity_check");
    assert_eq!(check, "ok", "integrity after the kill");
    let fk: i64 = store.read(|c| Ok(c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?)).expect("foreign_key_check");
    assert_eq!(fk, 0, "no dangling references after the kill");
    let state = store
        .read(|c| {
            Ok(State {
                contacts: workspace::counts(c)?.contacts,
                batches: c.query_row("SELECT count(*) FROM import_batches", [], |r| r.get(0))?,
                triggers: c.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'", [], |r| r.get(0))?,
            })
        })
        .expect("state");
    (store, state)
}

/// Kills `child` with SIGKILL and reaps it; true when it had already finished.
fn kill(child: &mut Child) -> bool {
    let finished = child.try_wait().ok().flatten().is_some();
    let _ = child.kill();
    let _ = child.wait();
    finished
}

/// Runs an import of `csv`, killing it `kill_after` after it started (never, for `None`).
/// Returns when the process is gone, and the time from start to its first progress line.
fn import_and_kill(db: &Path, csv: &Path, kill_after: Option<Duration>) -> (bool, Option<Duration>) {
    let mut child = ponte(db).arg("import").arg(csv).arg("--progress").stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("spawn ponte import");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    let reader = std::thread::spawn(move || {
        let mut first = true;
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if first && line.starts_with("progress ") {
                first = false;
                let _ = tx.send(started.elapsed());
            }
        }
    });
    let (finished, first_progress) = match kill_after {
        None => {
            let status = child.wait().expect("wait");
            assert!(status.success(), "the uninterrupted import failed");
            (true, rx.recv_timeout(Duration::from_secs(1)).ok())
        }
        Some(delay) => {
            std::thread::sleep(delay);
            (kill(&mut child), rx.try_recv().ok())
        }
    };
    let _ = reader.join();
    (finished, first_progress)
}

#[test]
fn an_import_killed_at_any_moment_is_all_or_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("workspace.ponte");
    assert!(ponte(&db).arg("demo").status().expect("demo").success());
    let rows = rows() as i64;
    let mut rng = Lcg::seeded();
    let (store, state) = reopen(&db, None);
    drop(store);
    let triggers = state.triggers;
    let mut expected = (state.contacts, state.batches);

    // One import to the end, to learn how long one takes on this machine.
    let csv = dir.path().join("round-0.csv");
    big_csv(&csv, rows as usize, 0);
    let start = Instant::now();
    let (_, first_progress) = import_and_kill(&db, &csv, None);
    let whole = start.elapsed();
    eprintln!("an import of {rows} rows takes {whole:?}; rows are stored from {first_progress:?}");
    let (store, state) = reopen(&db, None);
    drop(store);
    expected = (expected.0 + rows, expected.1 + 1);
    assert_eq!((state.contacts, state.batches), expected);

    let mut outcomes = Vec::new();
    for round in 1..=6 {
        let csv = dir.path().join(format!("round-{round}.csv"));
        big_csv(&csv, rows as usize, round);
        // Anywhere from the start (reading the file, the backup) to the end (the commit).
        let at = Duration::from_millis(rng.below(whole.as_millis() as u64 * 11 / 10));
        let (finished, progress) = import_and_kill(&db, &csv, Some(at));
        let (store, state) = reopen(&db, None);
        drop(store);
        assert_eq!(state.triggers, triggers, "the import's trigger swap is undone with it");
        let none = (expected.0, expected.1);
        let all = (expected.0 + rows, expected.1 + 1);
        let found = (state.contacts, state.batches);
        assert!(found == none || found == all, "round {round}, killed at {at:?}: {found:?} contacts/batches, expected {none:?} or {all:?}");
        let stored = if found == all { "all" } else { "none" };
        outcomes.push(format!("killed at {at:?} ({}): {stored}", if finished { "already done" } else if progress.is_some() { "while storing" } else { "while reading" }));
        expected = found;
    }
    eprintln!("{}", outcomes.join("\n"));

    // And one more to the end, so that "all" is known to be what a finished import leaves even
    // when no kill above came late enough to see it.
    let csv = dir.path().join("round-7.csv");
    big_csv(&csv, rows as usize, 7);
    import_and_kill(&db, &csv, None);
    let (store, state) = reopen(&db, None);
    drop(store);
    assert_eq!((state.contacts, state.batches), (expected.0 + rows, expected.1 + 1), "a finished import stores every new person");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("list").flatten().map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.contains("tmp")).collect();
    assert!(leftovers.is_empty(), "temporary files next to the workspace: {leftovers:?}");
}

/// Logs meetings in a loop and kills the process after `delay`; the ids it printed as saved.
fn log_and_kill(db: &Path, delay: Duration, passphrase: Option<&str>) -> Vec<String> {
    let mut cmd = ponte(db);
    if let Some(p) = passphrase {
        cmd.env("PONTE_PASSPHRASE", p);
    }
    let mut child = cmd.args(["log-meeting", "--title", "Crash test", "--repeat", "1000000"]).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let saved = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&saved);
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(id) = line.strip_prefix("saved ") {
                sink.lock().expect("lock").push(id.to_owned());
            }
        }
    });
    std::thread::sleep(delay);
    assert!(!kill(&mut child), "the logging loop ended by itself before the kill");
    // The pipe holds what was printed before the kill: read to its end.
    reader.join().expect("reader");
    let ids = saved.lock().expect("lock").clone();
    ids
}

fn check_meetings_survive(passphrase: Option<&str>) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("workspace.ponte");
    let store = Store::open(&db).expect("open");
    store.write(|tx| ponte::demo::load(tx)).expect("demo");
    if let Some(p) = passphrase {
        store.set_passphrase(Some(p)).expect("encrypt");
    }
    drop(store);
    let mut rng = Lcg::seeded();
    let mut all_saved: Vec<String> = Vec::new();
    for round in 0..6 {
        let delay = Duration::from_millis(300 + rng.below(1500));
        let saved = log_and_kill(&db, delay, passphrase);
        let (store, _) = reopen(&db, passphrase);
        let logged: i64 = store.read(|c| Ok(c.query_row("SELECT count(*) FROM meetings WHERE title = 'Crash test'", [], |r| r.get(0))?)).expect("count");
        for id in saved.iter().chain(all_saved.iter()) {
            let found: i64 = store.read(|c| Ok(c.query_row("SELECT count(*) FROM meetings WHERE id = ?1 AND status = 'held'", [id], |r| r.get(0))?)).expect("find");
            assert_eq!(found, 1, "round {round}: meeting {id} was reported saved and is gone");
        }
        all_saved.extend(saved.iter().cloned());
        // At most the one being committed when the kill came is there without being reported.
        let reported = all_saved.len() as i64;
        assert!(logged - reported <= round as i64 + 1, "round {round}: {logged} stored but only {reported} reported");
        eprintln!("round {round}: killed after {delay:?}, {} saved this round, {logged} in all", saved.len());
    }
    assert!(!all_saved.is_empty(), "no meeting was saved before any kill: the test proved nothing");
}

#[test]
fn every_meeting_reported_saved_survives_a_kill() {
    check_meetings_survive(None);
}

#[test]
fn every_meeting_reported_saved_survives_a_kill_in_an_encrypted_workspace() {
    check_meetings_survive(Some("Boston-Osaka 2025"));
}
