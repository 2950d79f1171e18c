//! Importing a big participant list into a full workspace (run: `cargo bench --bench import`).
//!
//! Generates a 100,000-row sheet of 10 columns as XLSX and as CSV, and a workspace of 100,000
//! contacts (cached under `target/bench-data/`). Each run copies that workspace and imports one
//! file through `import::commit` in one `Store::write` — what `ponte import` does — including the
//! duplicate check against the 100,000 contacts and the search index — and then runs the `ponte`
//! binary on a fresh copy, timed from start to exit (opening, the backup before the import,
//! closing). Prints the medians of `PONTE_BENCH_RUNS` runs (default 3). Row count:
//! `PONTE_BENCH_ROWS`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ponte::{generate, import, Store};

// The allocator of the `ponte` binary and the app, so `import::commit` is timed as they run it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const HEADERS: [&str; 10] = ["Nome", "Cognome", "Azienda", "E-mail", "Telefono", "Ruolo", "Paese", "Città", "Lingua", "Note"];
const FIRST: &[&str] = &["Giulia", "Marco", "Hiroshi", "Emily", "Jürgen", "Chloé", "Nicolò", "Yuki", "Sarah", "Luca"];
const LAST: &[&str] = &["Bianchi", "Tanaka", "Smith", "Müller", "Città", "Dubois", "佐藤", "Colombo", "Goldberg", "Nakamura"];
const ROLES: &[&str] = &["CEO", "CTO", "Researcher", "Business development", "Professor"];
const COUNTRIES: &[&str] = &["Italia", "Japan", "USA", "Germany", "France"];

fn row(i: usize) -> [String; 10] {
    let first = FIRST[i % FIRST.len()];
    let last = LAST[(i / 7) % LAST.len()];
    [
        first.to_owned(),
        last.to_owned(),
        format!("Impresa {} S.r.l.", i / 25),
        format!("partecipante{i}@impresa{}.example", i / 25),
        format!("+39 347 {:07}", i),
        ROLES[i % ROLES.len()].to_owned(),
        COUNTRIES[i % COUNTRIES.len()].to_owned(),
        "Milano".to_owned(),
        "it".to_owned(),
        format!("Iscritto al B2B, tavolo {}", i % 40),
    ]
}

fn data_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench dir");
    dir
}

fn write_files(rows: usize) -> (PathBuf, PathBuf) {
    let dir = data_dir();
    let csv = dir.join(format!("import-{rows}.csv"));
    let xlsx = dir.join(format!("import-{rows}.xlsx"));
    if !csv.exists() {
        let mut w = csv::Writer::from_path(&csv).expect("csv");
        w.write_record(HEADERS).expect("csv");
        for i in 0..rows {
            w.write_record(row(i)).expect("csv");
        }
        w.flush().expect("csv");
    }
    if !xlsx.exists() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, h) in HEADERS.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).expect("xlsx");
        }
        for i in 0..rows {
            for (c, value) in row(i).iter().enumerate() {
                sheet.write_string(i as u32 + 1, c as u16, value).expect("xlsx");
            }
        }
        book.save(&xlsx).expect("xlsx");
    }
    (xlsx, csv)
}

fn workspace(contacts: usize) -> PathBuf {
    let path = data_dir().join(format!("import-base-{contacts}.ponte"));
    if !path.exists() {
        let partial = path.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let store = Store::open(&partial).expect("open");
        store.write(|tx| generate::contacts(tx, contacts, 42)).expect("generate");
        store.read(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?)).expect("checkpoint");
        drop(store);
        std::fs::rename(&partial, &path).expect("rename");
    }
    path
}

/// Copies the workspace and waits until the copy is on disk. A person's workspace sits on disk;
/// a copy just made is 80 MB of the page cache still to be written, and the import's first fsync
/// of the file would write it all out and count it as the import's. Then waits for everything
/// else to be written too (`sync`): the run before left a 180 MB workspace, its backup and the
/// files it deleted to be written out, and the timed run would otherwise pay for them.
fn copy_to_disk(base: &Path, copy: &Path) {
    std::fs::copy(base, copy).expect("copy");
    std::fs::File::open(copy).and_then(|f| f.sync_all()).expect("sync the copy");
    // Where there is no `sync` command the run is only noisier.
    let _ = std::process::Command::new("sync").status();
}

fn run(base: &Path, file: &Path) -> (Duration, import::Summary) {
    let copy = data_dir().join("import-run.ponte");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    copy_to_disk(base, &copy);
    let store = Store::open(&copy).expect("open");
    let options = import::Options::default();
    let started = Instant::now();
    let summary = store.write(|tx| import::commit(tx, file, &options, &mut |_, _| {})).expect("import");
    let took = started.elapsed();
    let found = store.read(|c| ponte::search::query(c, "partecipante1", 5)).expect("search");
    assert!(!found.is_empty(), "imported contacts are searchable");
    (took, summary)
}

/// The same import as a person runs it: `ponte --db COPY import FILE --json`, timed from process
/// start to exit. Adds opening the workspace, the backup taken before every import, and closing.
fn run_cli(base: &Path, file: &Path) -> Duration {
    let copy = data_dir().join("import-cli.ponte");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
    }
    let _ = std::fs::remove_dir_all(data_dir().join("import-cli.backups"));
    copy_to_disk(base, &copy);
    let started = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ponte"))
        .arg("--db")
        .arg(&copy)
        .arg("import")
        .arg(file)
        .arg("--json")
        .output()
        .expect("ponte");
    let took = started.elapsed();
    assert!(out.status.success(), "ponte import failed: {}", String::from_utf8_lossy(&out.stderr));
    took
}

fn median(mut times: Vec<Duration>) -> (f64, f64) {
    times.sort();
    (times[times.len() / 2].as_secs_f64(), times[0].as_secs_f64())
}

fn main() {
    let smoke = !std::env::args().any(|a| a == "--bench");
    let env = |k: &str, d: usize| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let rows = env("PONTE_BENCH_ROWS", if smoke { 2_000 } else { 100_000 });
    let contacts = env("PONTE_BENCH_CONTACTS", if smoke { 2_000 } else { 100_000 });
    let runs = env("PONTE_BENCH_RUNS", if smoke { 1 } else { 3 });
    let started = Instant::now();
    let (xlsx, csv) = write_files(rows);
    let base = workspace(contacts);
    eprintln!("fixtures ready in {:.1} s", started.elapsed().as_secs_f64());
    println!("| file | rows | workspace contacts | runs | import::commit median s | min s | `ponte import` median s | min s | created |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (label, file) in [("XLSX", &xlsx), ("CSV", &csv)] {
        let mut times = Vec::new();
        let mut cli = Vec::new();
        let mut created = 0;
        for _ in 0..runs {
            let (took, summary) = run(&base, file);
            created = summary.created;
            times.push(took);
            cli.push(run_cli(&base, file));
        }
        let ((median_s, min_s), (cli_median, cli_min)) = (median(times), median(cli));
        println!("| {label} | {rows} | {contacts} | {runs} | {median_s:.2} | {min_s:.2} | {cli_median:.2} | {cli_min:.2} | {created} |");
    }
}
