//! `ponte`: the workspace from the command line, for scripts, benchmarks and tests.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ponte::{demo, generate, search, store, workspace, Store};

#[derive(Parser)]
#[command(name = "ponte", version, about = "Ponte: members, missions, contacts and meetings of an innovation cluster")]
struct Cli {
    /// Workspace file (default: the app's own, in the user's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill an empty workspace with the demo missions to Boston and Osaka.
    Demo,
    /// Count the records of each kind.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Search contacts, organisations, members and people as the app does; one hit a line.
    Search {
        text: Vec<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Add generated contacts (for benchmarks and load tests).
    Generate {
        #[arg(long)]
        contacts: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ponte: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let path = cli.db.unwrap_or_else(store::default_path);
    let store = Store::open(&path)?;
    match cli.command {
        Command::Demo => {
            store.write(|tx| demo::load(tx)).map_err(|e| match e {
                ponte::Error::NotEmpty => format!("{} already holds data; the demo goes into an empty workspace", path.display()).into(),
                other => Box::<dyn std::error::Error>::from(other),
            })?;
            println!("demo workspace written to {}", path.display());
        }
        Command::Stats { json } => {
            let counts = store.read(workspace::counts)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&counts)?);
            } else {
                println!("members        {}", counts.members);
                println!("persons        {}", counts.persons);
                println!("missions       {}", counts.missions);
                println!("organisations  {}", counts.organisations);
                println!("contacts       {}", counts.contacts);
                println!("meetings       {}", counts.meetings);
                println!("follow-ups     {}", counts.follow_ups);
            }
        }
        Command::Search { text, limit, json } => {
            let hits = store.read(|c| search::query(c, &text.join(" "), limit))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&hits)?);
            } else {
                for hit in hits {
                    if hit.subtitle.is_empty() {
                        println!("{}\t{}\t{}", hit.kind, hit.title, hit.id);
                    } else {
                        println!("{}\t{} — {}\t{}", hit.kind, hit.title, hit.subtitle, hit.id);
                    }
                }
            }
        }
        Command::Generate { contacts, seed } => {
            store.write(|tx| generate::contacts(tx, contacts, seed))?;
            println!("{contacts} contacts added to {}", path.display());
        }
    }
    Ok(())
}
