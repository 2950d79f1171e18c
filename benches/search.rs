//! Search-as-you-type latency on generated workspaces (run: `cargo bench --bench search`).
//!
//! Builds workspaces of 100,000 and 1,000,000 contacts once (cached under
//! `target/bench-data/`), then times `search::query` with limit 50 for prefixes of 1 to 5
//! letters and two-word queries, the way a user types them. Prints p50 / p99 / max per query
//! shape. Sizes can be chosen with `PONTE_BENCH_SIZES=100000,1000000`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ponte::{generate, search, Store};

const QUERIES_PER_SHAPE: usize = 400;

/// Words users type: surnames and first names from the generator's lists and a few others.
const WORDS: &[&str] = &[
    "rossi", "rossini", "ferrari", "bianchi", "colombo", "citta", "conti", "marino", "tanaka",
    "sato", "suzuki", "yamamoto", "nakamura", "smith", "johnson", "carter", "goldberg", "chen",
    "muller", "schmidt", "dubois", "lefevre", "novak", "nielsen", "mario", "giulia", "nicolo",
    "hiroshi", "yuki", "emily", "michael", "sarah", "jurgen", "zoe", "chloe", "wei", "anna",
    "pharma", "health", "boston", "osaka", "zzyzx", "qwerty",
];

fn workspace(contacts: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("bench-data");
    std::fs::create_dir_all(&dir).expect("bench dir");
    let path = dir.join(format!("search-{contacts}.ponte"));
    if !path.exists() {
        let partial = dir.join(format!("search-{contacts}.partial"));
        let _ = std::fs::remove_file(&partial);
        let started = Instant::now();
        let store = Store::open(&partial).expect("open");
        store.write(|tx| generate::contacts(tx, contacts, 42)).expect("generate");
        store.read(|c| Ok(c.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?)).expect("checkpoint");
        drop(store);
        std::fs::rename(&partial, &path).expect("rename");
        eprintln!("generated {contacts} contacts in {:.1} s", started.elapsed().as_secs_f64());
    }
    path
}

/// Turns two dictionary words into what a user types.
type Shape = Box<dyn Fn(&str, &str) -> String>;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing: then only a smoke run.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let sizes: Vec<usize> = match std::env::var("PONTE_BENCH_SIZES") {
        Ok(v) => v.split(',').filter_map(|s| s.trim().parse().ok()).collect(),
        Err(_) if smoke => vec![2_000],
        Err(_) => vec![100_000, 1_000_000],
    };
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    println!("| contacts | query | n | p50 ms | p99 ms | max ms | hits (median) |");
    println!("|---:|---|---:|---:|---:|---:|---:|");
    for contacts in sizes {
        let store = Store::open(&workspace(contacts)).expect("open");
        let shapes: Vec<(&str, Shape)> = vec![
            ("1 letter", Box::new(|w: &str, _: &str| w[..1].to_owned())),
            ("2 letters", Box::new(|w: &str, _: &str| w[..2].to_owned())),
            ("3 letters", Box::new(|w: &str, _: &str| w[..3].to_owned())),
            ("4 letters", Box::new(|w: &str, _: &str| w[..4.min(w.len())].to_owned())),
            ("whole word", Box::new(|w: &str, _: &str| w.to_owned())),
            ("word + prefix", Box::new(|w: &str, v: &str| format!("{w} {}", &v[..3]))),
        ];
        let mut all = Vec::new();
        for (name, shape) in &shapes {
            let mut times = Vec::new();
            let mut hits = Vec::new();
            let n = if smoke { 20 } else { QUERIES_PER_SHAPE };
            for _ in 0..n {
                let a = WORDS[(next() % WORDS.len() as u64) as usize];
                let b = WORDS[(next() % WORDS.len() as u64) as usize];
                let q = shape(a, b);
                let started = Instant::now();
                let found = store.read(|c| search::query(c, &q, 50)).expect("query");
                times.push(started.elapsed());
                hits.push(found.len());
            }
            times.sort();
            hits.sort();
            println!(
                "| {contacts} | {name} | {} | {} | {} | {} | {} |",
                times.len(),
                ms(percentile(&times, 0.5)),
                ms(percentile(&times, 0.99)),
                ms(*times.last().expect("times")),
                hits[hits.len() / 2]
            );
            all.extend(times);
        }
        all.sort();
        println!(
            "| {contacts} | **all** | {} | {} | {} | {} | |",
            all.len(),
            ms(percentile(&all, 0.5)),
            ms(percentile(&all, 0.99)),
            ms(*all.last().expect("times"))
        );
    }
}
