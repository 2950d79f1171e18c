//! Exporting a large workspace (run: `cargo bench --bench export`).
//!
//! Builds a workspace of 100,000 generated contacts once (cached under `target/bench-data/`),
//! then times, for every format, `export::write` end to end — the query that reads the contacts,
//! rendering, and writing the file — as the app and `ponte export contacts` call it, and the
//! query alone. Prints the median and the slowest of the runs. Targets: CSV and vCard under
//! 0.5 s, XLSX under 1.5 s. The size can be chosen with `PONTE_BENCH_CONTACTS=100000`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ponte::export::{self, Column, Format, Options, Selection, Separator};
use ponte::{generate, Store};

fn workspace(contacts: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join(format!("export-{contacts}.ponte"));
    if !path.exists() {
        let partial = dir.join(format!("export-{contacts}.partial"));
        let _ = std::fs::remove_file(&partial);
        let started = Instant::now();
        let store = Store::open(&partial).expect("open");
        store
            .write(|tx| generate::contacts(tx, contacts, 7))
            .expect("generate");
        store
            .read(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
            .expect("checkpoint");
        drop(store);
        std::fs::rename(&partial, &path).expect("rename");
        eprintln!(
            "generated {contacts} contacts in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    path
}

fn secs(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64())
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing: then only a smoke run.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let contacts: usize = match std::env::var("PONTE_BENCH_CONTACTS") {
        Ok(v) => v.trim().parse().expect("PONTE_BENCH_CONTACTS is a number"),
        Err(_) if smoke => 1_000,
        Err(_) => 100_000,
    };
    let runs = if smoke { 1 } else { 5 };
    let store = Store::open(&workspace(contacts)).expect("open");
    let out_dir = tempfile_dir();
    let default = Options {
        columns: Some(export::DEFAULT_COLUMNS.to_vec()),
        separator: Some(Separator::Semicolon),
        one_file_per_contact: false,
    };
    let all = Options {
        columns: Some(Column::ALL.to_vec()),
        ..default.clone()
    };

    println!("| step ({contacts} contacts) | runs | median s | max s | file MB |");
    println!("|---|---:|---:|---:|---:|");
    let mut times = Vec::new();
    let mut n = 0;
    for _ in 0..runs {
        let started = Instant::now();
        n = store
            .read(|c| export::contacts(c, &Selection::default()))
            .expect("contacts")
            .len();
        times.push(started.elapsed());
    }
    assert_eq!(n, contacts);
    times.sort();
    println!(
        "| query only (`export::contacts`) | {runs} | {} | {} | |",
        secs(times[times.len() / 2]),
        secs(*times.last().expect("times"))
    );
    // Spreadsheets with the default 10 columns (what a first export shows), then with all of them.
    let cases: Vec<(Format, &Options, &str)> = Format::ALL
        .iter()
        .map(|f| {
            (
                *f,
                &default,
                if matches!(f, Format::Csv | Format::CsvRaw | Format::Xlsx) {
                    "10 columns"
                } else {
                    "fixed layout"
                },
            )
        })
        .chain([
            (Format::Csv, &all, "all 21 columns"),
            (Format::Xlsx, &all, "all 21 columns"),
        ])
        .collect();
    for (format, options, what) in cases {
        let path = out_dir.join(format!("contacts{}", format.suffix()));
        let mut times = Vec::new();
        for _ in 0..runs {
            let started = Instant::now();
            let written = store
                .read(|c| export::write(c, &Selection::default(), format, options, &path))
                .expect("export");
            times.push(started.elapsed());
            assert_eq!(written.contacts, contacts);
        }
        times.sort();
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1_048_576.0;
        println!(
            "| {} ({what}; query, render, write) | {runs} | {} | {} | {size:.1} |",
            format.key(),
            secs(times[times.len() / 2]),
            secs(*times.last().expect("times"))
        );
    }
    let _ = std::fs::remove_dir_all(&out_dir);
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ponte-bench-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
