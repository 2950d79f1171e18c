//! `ponte`: the workspace from the command line, for scripts, benchmarks and tests.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ponte::agenda::{self, Agenda};
use ponte::export::{self, Column, Format, Selection, Separator};
use ponte::report::{self, ReportFormat};
use ponte::{backup, contacts, demo, follow_ups, generate, import, members, missions, privacy, search, settings, store, workspace, Store};

// An import makes and frees millions of small strings: mimalloc does that faster than the
// system allocator (a million-row CSV: 25.5 -> 22.3 s; docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Write a mission's agenda: as an iCalendar file with --ics, else as text in both time zones.
    Agenda {
        /// The mission's id or a part of its title that only it has.
        mission: String,
        #[arg(long)]
        ics: bool,
        /// Only this delegate's items (a person's id).
        #[arg(long)]
        person: Option<String>,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List open follow-ups, the earliest due first.
    Followups {
        #[arg(long)]
        json: bool,
        /// Only this mission's (id or unique part of the title).
        #[arg(long)]
        mission: Option<String>,
        #[arg(long)]
        overdue: bool,
    },
    /// Export contact lists, or every member's pack after a mission.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Write a mission's report for the funder: HTML or PDF, from the file name's extension.
    Report {
        /// The mission's id or a part of its title that only it has.
        mission: String,
        /// `FILE.html` or `FILE.pdf`; with --json, the report data (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print the report data as JSON instead.
        #[arg(long)]
        json: bool,
        /// Language of the labels: it or en (default: the workspace's, else Italian).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Import a spreadsheet, CSV or vCard file as one batch (undo it with import-undo).
    Import {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ImportKind::Contacts)]
        kind: ImportKind,
        /// The mission of the participants (id or unique part of the title).
        #[arg(long)]
        mission: Option<String>,
        /// The sheet of a workbook (default: the first).
        #[arg(long)]
        sheet: Option<String>,
        /// A JSON mapping file (see docs/import.md); default: the saved or suggested mapping.
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// Show what would be imported; store nothing.
        #[arg(long)]
        dry_run: bool,
        /// Write the rows that could not be imported here, as CSV with a reason column.
        #[arg(long, value_name = "CSV")]
        rejected: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Print `progress DONE/TOTAL` lines on standard error while rows are stored.
        #[arg(long)]
        progress: bool,
    },
    /// Undo an import batch: delete what it created, restore what it filled in.
    ImportUndo { batch: String },
    /// The import history, newest first.
    Imports {
        #[arg(long)]
        json: bool,
    },
    /// Protect the workspace with a passphrase, change it, or remove it. Passphrases are read
    /// from the terminal, or from PONTE_PASSPHRASE (the current one) and PONTE_NEW_PASSPHRASE.
    Passphrase {
        #[command(subcommand)]
        action: PassphraseAction,
    },
    /// Everything held about one person (GDPR access request), as HTML or JSON.
    Access {
        /// The contact's id, or a part of the name (or the e-mail) that only they have.
        contact: String,
        /// Write JSON (the default is a readable HTML page).
        #[arg(long, conflicts_with = "html")]
        json: bool,
        #[arg(long)]
        html: bool,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Language of the HTML: it or en (default: the workspace's, else Italian).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Erase a person (GDPR): their data goes, their meetings count an "erased contact". No undo.
    Erase {
        /// The contact's id, or a part of the name (or the e-mail) that only they have.
        contact: String,
        /// Confirm: without it nothing is erased.
        #[arg(long)]
        yes: bool,
    },
    /// Contacts nobody met within the retention period, oldest first; --confirm keeps some.
    Retention {
        /// The period in months (default: the workspace's setting, else 24).
        #[arg(long)]
        months: Option<u32>,
        /// Confirm that these contacts (ids) may be kept: they leave the list for a period.
        #[arg(long, value_delimiter = ',')]
        confirm: Option<Vec<String>>,
        #[arg(long)]
        json: bool,
    },
    /// Back up the workspace now (into the backups folder beside it), or list its backups.
    /// An encrypted workspace is opened with $PONTE_PASSPHRASE.
    Backup {
        #[arg(long)]
        list: bool,
        #[arg(long)]
        json: bool,
    },
    /// Replace the workspace by a backup, after backing up its current state. Shows what the
    /// backup holds and asks first, unless --yes. An encrypted workspace or backup is opened
    /// with $PONTE_PASSPHRASE (the backup's passphrase: the one the workspace had then).
    Restore {
        file: PathBuf,
        /// Only show what the backup holds.
        #[arg(long)]
        preview: bool,
        /// Do not ask.
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
    /// Log a meeting held now (or at --at), one transaction; prints `saved ID` once it is stored.
    LogMeeting {
        #[arg(long)]
        title: String,
        /// The mission (id or unique part of the title); its time zone is the default.
        #[arg(long)]
        mission: Option<String>,
        /// Local start, YYYY-MM-DDTHH:MM (default: now).
        #[arg(long)]
        at: Option<String>,
        #[arg(long, default_value_t = 30)]
        minutes: i64,
        /// IANA zone of --at (default: the mission's, else the home zone).
        #[arg(long)]
        time_zone: Option<String>,
        #[arg(long, default_value = "")]
        notes: String,
        /// Log it this many times, one transaction each (for load and crash tests).
        #[arg(long, default_value_t = 1, hide = true)]
        repeat: usize,
    },
    /// Add generated contacts (for benchmarks and load tests).
    Generate {
        #[arg(long)]
        contacts: usize,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Contacts as csv (for Excel), csv-raw (for machines), xlsx, vcf (vCard 3.0), vcf4,
    /// google-csv or outlook-csv. Filters combine; none exports every contact.
    Contacts {
        #[arg(long, value_parser = parse_format)]
        format: Format,
        /// Contacts met in this mission's meetings (id or unique part of the title).
        #[arg(long)]
        mission: Option<String>,
        /// Contacts this member's people met (id or unique part of the name).
        #[arg(long)]
        member: Option<String>,
        #[arg(long)]
        tag: Option<String>,
        /// Exactly these contact ids, comma-separated.
        #[arg(long, value_delimiter = ',')]
        ids: Option<Vec<String>>,
        /// Columns in order, comma-separated keys (firstName,lastName,...); remembered.
        #[arg(long, value_delimiter = ',')]
        columns: Option<Vec<String>>,
        /// Separator of the CSV for Excel: ';' or ',' (default: from the language).
        #[arg(long)]
        separator: Option<String>,
        /// vCard only: write a folder with one file per contact.
        #[arg(long)]
        one_per_contact: bool,
        /// Output file (a folder with --one-per-contact); default: a name from the selection.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// For every member of a mission's delegation: who they met (XLSX, vCard) and their meetings.
    Pack {
        mission: String,
        /// Folder to write into (created if needed).
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
}

#[derive(Subcommand)]
enum PassphraseAction {
    /// Encrypt a plain workspace (the new passphrase: PONTE_PASSPHRASE or asked twice).
    Set,
    /// Replace the passphrase (current: PONTE_PASSPHRASE or asked; new: PONTE_NEW_PASSPHRASE or asked twice).
    Change,
    /// Decrypt the workspace back to a plain file (current: PONTE_PASSPHRASE or asked).
    Remove,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ImportKind {
    Contacts,
    Members,
    Participants,
}

impl From<ImportKind> for import::Kind {
    fn from(kind: ImportKind) -> Self {
        match kind {
            ImportKind::Contacts => import::Kind::Contacts,
            ImportKind::Members => import::Kind::Members,
            ImportKind::Participants => import::Kind::Participants,
        }
    }
}

fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text).ok_or_else(|| {
        format!("unknown format {text:?}; one of {}", Format::ALL.iter().map(|f| f.key()).collect::<Vec<_>>().join(", "))
    })
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

/// A passphrase from the environment, else asked on the terminal without echo. Never from an
/// argument: those end up in the shell history and in `ps`.
fn passphrase_from(var: &str, prompt: &str, confirm: bool) -> Result<String, Box<dyn std::error::Error>> {
    if let Ok(value) = std::env::var(var) {
        if !value.is_empty() {
            return Ok(value);
        }
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Err(format!("no passphrase: set {var} or run in a terminal").into());
    }
    let first = rpassword::prompt_password(prompt)?;
    if confirm && rpassword::prompt_password("Again, to confirm / Ripeti per conferma: ")? != first {
        return Err("the two passphrases differ; nothing was changed".into());
    }
    Ok(first)
}

/// Opens the workspace, asking for its passphrase when it is encrypted.
fn open(path: &std::path::Path) -> Result<Store, Box<dyn std::error::Error>> {
    if store::protection(path)? != store::Protection::Encrypted {
        return Ok(Store::open(path)?);
    }
    let passphrase = passphrase_from("PONTE_PASSPHRASE", &format!("Passphrase for {}: ", path.display()), false)?;
    Store::open_with(path, Some(&passphrase)).map_err(|e| match e {
        ponte::Error::WrongPassphrase => format!("wrong passphrase for {}; the file was not changed", path.display()).into(),
        other => other.into(),
    })
}

fn passphrase(store: &Store, action: PassphraseAction) -> Result<(), Box<dyn std::error::Error>> {
    let too_short = |e: ponte::Error| -> Box<dyn std::error::Error> {
        match e {
            ponte::Error::Invalid { field: "passphrase", .. } => {
                format!("the passphrase must have at least {} characters; nothing was changed", store::MIN_PASSPHRASE_CHARS).into()
            }
            other => other.into(),
        }
    };
    match action {
        PassphraseAction::Set => {
            if store.is_encrypted() {
                return Err("the workspace already has a passphrase; use `passphrase change`".into());
            }
            let new = passphrase_from("PONTE_PASSPHRASE", "New passphrase / Nuova passphrase: ", true)?;
            store.set_passphrase(Some(&new)).map_err(too_short)?;
            println!("the workspace is now encrypted; keep the passphrase safe: without it the data cannot be recovered");
        }
        PassphraseAction::Change => {
            if !store.is_encrypted() {
                return Err("the workspace has no passphrase yet; use `passphrase set`".into());
            }
            let new = passphrase_from("PONTE_NEW_PASSPHRASE", "New passphrase / Nuova passphrase: ", true)?;
            store.set_passphrase(Some(&new)).map_err(too_short)?;
            println!("passphrase changed");
        }
        PassphraseAction::Remove => {
            if !store.is_encrypted() {
                return Err("the workspace has no passphrase".into());
            }
            store.set_passphrase(None)?;
            println!("the passphrase was removed; the workspace file is no longer encrypted");
        }
    }
    Ok(())
}

fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let path = cli.db.unwrap_or_else(store::default_path);
    match cli.command {
        Command::Backup { list, json } => return backup_command(&path, list, json),
        Command::Restore { file, preview, yes, json } => return restore_command(&path, &file, preview, yes, json),
        Command::LogMeeting { title, mission, at, minutes, time_zone, notes, repeat } => {
            let input = LogMeeting { title, mission, at, minutes, time_zone, notes };
            return log_meeting_command(&path, &input, repeat);
        }
        _ => {}
    }
    let mut t = std::time::Instant::now();
    let store = open(&path)?;
    match cli.command {
        Command::Passphrase { action } => passphrase(&store, action)?,
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
        Command::Agenda { mission, ics, person, output } => {
            let text = store.read(|c| {
                let mission = missions::resolve(c, &mission)?;
                if ics {
                    ponte::ics::mission(c, &mission.id, person.as_deref())
                } else {
                    let home = settings::get(c)?.home_time_zone;
                    let agenda = agenda::of_mission(c, &mission.id, &home)?;
                    Ok(agenda_text(&agenda, person.as_deref()))
                }
            })?;
            match output {
                Some(path) => {
                    std::fs::write(&path, text)?;
                    eprintln!("agenda written to {}", path.display());
                }
                None => print!("{text}"),
            }
        }
        Command::Followups { json, mission, overdue } => {
            let list = store.read(|c| {
                let mission_id = mission.as_deref().map(|m| missions::resolve(c, m)).transpose()?.map(|m| m.id);
                let filter = follow_ups::Filter { mission_id, overdue_only: overdue, ..Default::default() };
                follow_ups::list(c, &filter, chrono::Local::now().date_naive())
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                for f in list {
                    let due = f.follow_up.due_on.as_deref().unwrap_or("—");
                    let flag = if f.overdue { " (overdue)" } else { "" };
                    let owner = f.owner_name.as_deref().unwrap_or("—");
                    println!("{due}{flag}\t{}\t{owner}\t{}", f.follow_up.what, f.mission_title.as_deref().unwrap_or(""));
                }
            }
        }
        Command::Export { what: ExportCommand::Contacts { format, mission, member, tag, ids, columns, separator, one_per_contact, output } } => {
            let columns = columns
                .map(|keys| {
                    keys.iter()
                        .map(|k| Column::parse(k).ok_or_else(|| format!("unknown column {k:?}; one of {}", Column::ALL.iter().map(|c| c.key()).collect::<Vec<_>>().join(", "))))
                        .collect::<Result<Vec<_>, String>>()
                })
                .transpose()?;
            let separator = separator
                .map(|s| Separator::parse(&s).ok_or_else(|| format!("unknown separator {s:?}; ';' or ','")))
                .transpose()?;
            let written = store.write(|tx| {
                let selection = Selection {
                    mission_id: mission.as_deref().map(|m| missions::resolve(tx, m)).transpose()?.map(|m| m.id),
                    member_id: member.as_deref().map(|m| members::resolve(tx, m)).transpose()?.map(|m| m.id),
                    tag,
                    ids,
                };
                if let Some(columns) = &columns {
                    export::set_columns(tx, columns)?;
                }
                let path = match &output {
                    Some(p) => p.clone(),
                    None => PathBuf::from(export::file_name(tx, &selection, format)?),
                };
                let options = export::Options { columns: None, separator, one_file_per_contact: one_per_contact };
                export::write(tx, &selection, format, &options, &path)
            })?;
            let target = if written.files.len() == 1 { written.files[0].display().to_string() } else { format!("{} files", written.files.len()) };
            eprintln!("{} contacts written as {} to {target}", written.contacts, format.key());
        }
        Command::Export { what: ExportCommand::Pack { mission, output, lang } } => {
            let pack = store.read(|c| {
                let mission = missions::resolve(c, &mission)?;
                let lang = language(c, lang.as_deref())?;
                export::pack::write(c, &mission.id, &output, &lang)
            })?;
            for m in &pack.members {
                eprintln!("{}: {} contacts, {} meetings in {}", m.member_name, m.contacts, m.meetings, m.folder.display());
            }
        }
        Command::Report { mission, output, json, lang } => {
            let bytes = store.read(|c| {
                let mission = missions::resolve(c, &mission)?;
                let lang = language(c, lang.as_deref())?;
                if json {
                    let data = report::of_mission(c, &mission.id, &lang)?;
                    return serde_json::to_vec_pretty(&data).map_err(|e| ponte::Error::Export { format: "json", reason: e.to_string() });
                }
                let format = match &output {
                    Some(p) => ReportFormat::from_path(p).ok_or(ponte::Error::Invalid { field: "output", reason: ponte::Reason::Choice })?,
                    None => ReportFormat::Html,
                };
                report::render(c, &mission.id, &lang, format)
            })?;
            write_output(output.as_deref(), &bytes, "report")?;
        }
        Command::Import { file, kind, mission, sheet, mapping, dry_run, rejected, json, progress } => {
            let mapping = match mapping {
                Some(path) => Some(serde_json::from_str::<import::Mapping>(&std::fs::read_to_string(&path)?)
                    .map_err(|e| format!("{}: not a mapping file: {e}", path.display()))?),
                None => None,
            };
            let mission_id = match mission {
                Some(m) => Some(store.read(|c| missions::resolve(c, &m))?.id),
                None => None,
            };
            let options = import::Options {
                kind: kind.into(),
                mission_id,
                read: import::ReadOptions { sheet, ..Default::default() },
                mapping,
                ..Default::default()
            };
            if dry_run {
                let preview = store.read(|c| import::preview(c, &file, &options))?;
                if preview.counts.rows == 0 {
                    return Err(format!("{}: no rows could be read", file.display()).into());
                }
                if json {
                    println!("{}", serde_json::to_string_pretty(&preview)?);
                } else {
                    let n = &preview.counts;
                    println!("{} ({:?}): {} rows", preview.inspection.file_name, preview.inspection.format, n.rows);
                    println!("would create {}, update {}, merge {}, skip {}, reject {} ({} with warnings)", n.create, n.update, n.merge, n.skip, n.reject, n.warnings);
                }
                return Ok(());
            }
            import::trace("open workspace", &mut t);
            let mut last = 0;
            let (summary, taken) = backup::with_before_import(&store, |tx, spare_core| {
                let mut report = |done: usize, total: usize| {
                    if progress && (done == total || done >= last + (total / 100).max(1)) {
                        last = done;
                        eprintln!("progress {done}/{total}");
                    }
                };
                import::commit_beside(tx, &file, &options, &mut report, spare_core)
            })?;
            if progress {
                eprintln!("backup {}", taken.file.display());
            }
            import::trace("import, committed", &mut t);
            let rows = summary.created + summary.updated + summary.unchanged + summary.skipped + summary.rejected;
            if let Some(path) = rejected {
                import::write_rejected(&summary, std::fs::File::create(&path)?)?;
            }
            if json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                println!(
                    "{}: created {}, updated {}, unchanged {}, skipped {}, rejected {} (batch {})",
                    summary.file_name, summary.created, summary.updated, summary.unchanged, summary.skipped, summary.rejected, summary.batch_id
                );
                for r in summary.rejected_rows.iter().take(20) {
                    println!("  row {}: {}", r.row, r.reason);
                }
            }
            if rows == 0 {
                return Err(format!("{}: no rows could be read", file.display()).into());
            }
        }
        Command::ImportUndo { batch } => {
            let batch = store.write(|tx| import::undo(tx, &batch))?;
            println!("undone: {} ({} created records removed, {} updated records restored)", batch.file_name, batch.created, batch.updated);
        }
        Command::Imports { json } => {
            let list = store.read(import::history)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                for b in list {
                    let undone = if b.undone_at.is_some() { " (undone)" } else { "" };
                    println!("{}\t{}\t{}\t{}\tcreated {} updated {} skipped {} rejected {}{undone}", b.id, b.created_at, b.kind, b.file_name, b.created, b.updated, b.skipped, b.rejected);
                }
            }
        }
        Command::Access { contact, json, html: _, output, lang } => {
            let bytes = store.read(|c| {
                let id = contacts::resolve(c, &contact)?.id;
                let report = privacy::access_request(c, &id, &language(c, lang.as_deref())?)?;
                if json { privacy::json(&report) } else { Ok(privacy::html(&report).into_bytes()) }
            })?;
            write_output(output.as_deref(), &bytes, "access request")?;
        }
        Command::Erase { contact, yes } => {
            let found = store.read(|c| contacts::resolve(c, &contact))?;
            if !yes {
                return Err(format!("this erases {} for good; run again with --yes", found.display_name).into());
            }
            let receipt = store.write(|tx| privacy::erase_contact(tx, &found.id))?;
            store.read(privacy::scrub)?;
            println!(
                "erased (reference {}): {} meetings keep an erased contact, {} follow-ups, {} mentions replaced, {} consent records, {} import records, {} tags, {} drafts",
                receipt.id, receipt.meetings, receipt.follow_ups, receipt.mentions, receipt.consent_records, receipt.import_records, receipt.tags, receipt.drafts
            );
        }
        Command::Retention { months, confirm, json } => {
            if let Some(ids) = confirm {
                let n = store.write(|tx| privacy::confirm_retention(tx, &ids))?;
                eprintln!("{n} contacts confirmed");
            }
            let list = store.read(|c| {
                let months = match months {
                    Some(m) => m,
                    None => settings::retention_months(c)?,
                };
                privacy::retention_review(c, months)
            })?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else {
                for item in list {
                    let since = item.last_met_at.as_deref().unwrap_or(&item.created_at);
                    let met = if item.last_met_at.is_some() { "last met" } else { "added" };
                    println!("{}\t{}\t{}\t{met} {}", item.id, item.display_name, item.organisation_name.as_deref().unwrap_or(""), &since[..10]);
                }
            }
        }
        Command::Generate { contacts, seed } => {
            store.write(|tx| generate::contacts(tx, contacts, seed))?;
            println!("{contacts} contacts added to {}", path.display());
        }
        Command::Backup { .. } | Command::Restore { .. } | Command::LogMeeting { .. } => unreachable!("handled above"),
    }
    Ok(())
}

/// `PONTE_PASSPHRASE`, for encrypted backups (restore never prompts: it may run unattended).
fn env_passphrase() -> Option<String> {
    std::env::var("PONTE_PASSPHRASE").ok().filter(|p| !p.is_empty())
}

fn open_store(path: &std::path::Path) -> ponte::Result<Store> {
    Store::open_with(path, env_passphrase().as_deref())
}

fn backup_command(path: &std::path::Path, list: bool, json: bool) -> Result<(), Box<dyn std::error::Error>> {
    if list {
        // Flag the backups that still hold people erased since (needs the workspace open).
        let last_erasure = open(path)?.read(privacy::last_erasure_at)?;
        let backups = backup::list_flagged(path, last_erasure.as_deref())?;
        if json {
            println!("{}", serde_json::to_string_pretty(&backups)?);
        } else {
            for b in backups {
                let lock = if b.encrypted { "\tencrypted" } else { "" };
                let erased = if b.before_erasure { "\tbefore an erasure" } else { "" };
                println!("{}\t{}\t{} bytes\t{}{lock}{erased}", b.taken_at, b.reason.as_str(), b.size, b.file.display());
            }
        }
        return Ok(());
    }
    let store = open(path)?;
    let taken = backup::take(&store, backup::Reason::Manual)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&taken)?);
    } else {
        println!("backed up to {}", taken.file.display());
    }
    Ok(())
}

fn restore_command(path: &std::path::Path, file: &std::path::Path, preview_only: bool, yes: bool, json: bool) -> Result<(), Box<dyn std::error::Error>> {
    let key = env_passphrase();
    let preview = backup::preview(file, key.as_deref())?;
    if json && preview_only {
        println!("{}", serde_json::to_string_pretty(&preview)?);
        return Ok(());
    }
    print_preview(&preview);
    if preview.too_new {
        return Err(ponte::Error::SchemaTooNew { found: preview.schema_version, supported: preview.supported_version }.into());
    }
    if preview_only {
        return Ok(());
    }
    if !yes {
        eprint!("Replace {} by this backup? Its current state is backed up first. [y/N] ", path.display());
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "s" | "si" | "sì") {
            return Err("not restored".into());
        }
    }
    // Never under a running app: it would go on writing to the replaced file.
    let _lock = ponte::instance::acquire(path).map_err(|e| match e {
        ponte::Error::InUse => format!("{} is open in the Ponte app: restore from its Settings, or close it first", path.display()).into(),
        other => Box::<dyn std::error::Error>::from(other),
    })?;
    let restored = match store::protection(path)? {
        store::Protection::New => backup::restore_file(path, file, key.as_deref())?,
        _ => match open_store(path) {
            Ok(store) => backup::restore(&store, file, key.as_deref())?,
            Err(e) => {
                eprintln!("the workspace does not open ({e}); it is kept as it is in the backups folder");
                backup::restore_file(path, file, key.as_deref())?
            }
        },
    };
    if json {
        println!("{}", serde_json::to_string_pretty(&restored)?);
    } else {
        if let Some(before) = &restored.before_restore {
            println!("the previous state is backed up to {}", before.file.display());
        }
        println!("restored {} from {}", path.display(), file.display());
    }
    Ok(())
}

fn print_preview(p: &backup::Preview) {
    let reason = p.reason.map(|r| r.as_str()).unwrap_or("—");
    println!("backup       {}", p.file.display());
    println!("taken at     {} ({reason})", p.taken_at.as_deref().unwrap_or("—"));
    println!("size         {} bytes{}", p.size, if p.encrypted { ", encrypted" } else { "" });
    println!("schema       {} (this Ponte: up to {}){}", p.schema_version, p.supported_version, if p.too_new { " — written by a newer Ponte" } else { "" });
    println!("newest edit  {}", p.newest_record_at.as_deref().unwrap_or("—"));
    if let Some(c) = &p.counts {
        println!("holds        {} members, {} persons, {} missions, {} organisations, {} contacts, {} meetings, {} follow-ups", c.members, c.persons, c.missions, c.organisations, c.contacts, c.meetings, c.follow_ups);
    }
}

struct LogMeeting {
    title: String,
    mission: Option<String>,
    at: Option<String>,
    minutes: i64,
    time_zone: Option<String>,
    notes: String,
}

fn log_meeting_command(path: &std::path::Path, args: &LogMeeting, repeat: usize) -> Result<(), Box<dyn std::error::Error>> {
    use ponte::meetings::{self, LogInput, MeetingInput};
    let store = open(path)?;
    let (mission_id, zone) = store.read(|c| {
        let mission = args.mission.as_deref().map(|m| missions::resolve(c, m)).transpose()?;
        let zone = match (&args.time_zone, &mission) {
            (Some(z), _) => z.clone(),
            (None, Some(m)) => m.time_zone.clone(),
            (None, None) => settings::get(c)?.home_time_zone,
        };
        Ok((mission.map(|m| m.id), zone))
    })?;
    let tz: chrono_tz::Tz = zone.parse().map_err(|_| ponte::Error::Invalid { field: "timeZone", reason: ponte::Reason::TimeZone })?;
    let start = match &args.at {
        Some(at) => chrono::NaiveDateTime::parse_from_str(at, "%Y-%m-%dT%H:%M").map_err(|_| ponte::Error::Invalid { field: "startsLocal", reason: ponte::Reason::Date })?,
        None => chrono::Utc::now().with_timezone(&tz).naive_local(),
    };
    let end = start + chrono::Duration::minutes(args.minutes.max(1));
    let input = LogInput {
        meeting: MeetingInput {
            mission_id,
            title: args.title.clone(),
            starts_local: start.format("%Y-%m-%dT%H:%M").to_string(),
            ends_local: end.format("%Y-%m-%dT%H:%M").to_string(),
            time_zone: zone,
            notes: args.notes.clone(),
            ..Default::default()
        },
        ..Default::default()
    };
    for _ in 0..repeat.max(1) {
        let saved = store.write(|tx| meetings::log(tx, &input))?;
        println!("saved {}", saved.id);
    }
    Ok(())
}

/// Writes `bytes` to `output`, saying so on standard error, or to standard output.
fn write_output(output: Option<&std::path::Path>, bytes: &[u8], what: &str) -> std::io::Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, bytes)?;
            eprintln!("{what} written to {}", path.display());
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(bytes)?;
        }
    }
    Ok(())
}

/// The language of labels: the one asked for, else the workspace's, else Italian (the clusters'
/// funders read Italian).
fn language(conn: &rusqlite::Connection, asked: Option<&str>) -> ponte::Result<String> {
    let lang = match asked {
        Some(l) => l.to_owned(),
        None => settings::get(conn)?.language.unwrap_or_else(|| "it".to_owned()),
    };
    if matches!(lang.as_str(), "it" | "en") {
        Ok(lang)
    } else {
        Err(ponte::Error::Invalid { field: "lang", reason: ponte::Reason::Choice })
    }
}

/// The agenda as plain text: one block a day, each item in the mission's zone and at home.
fn agenda_text(agenda: &Agenda, person: Option<&str>) -> String {
    let mut out = format!("{} ({}; home {})\n", agenda.mission.title, agenda.mission.time_zone, agenda.home_time_zone);
    for day in &agenda.days {
        let items: Vec<_> = day
            .items
            .iter()
            .filter(|i| person.is_none_or(|p| i.meeting.persons.iter().any(|x| x.id == p)))
            .collect();
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", day.date));
        for item in items {
            let clash = if item.clashes.is_empty() { "" } else { "  [clash]" };
            out.push_str(&format!(
                "  {}–{}  (home {} {}–{})  {}  [{}]{clash}\n",
                &item.local_start[11..],
                &item.local_end[11..],
                &item.home_start[..10],
                &item.home_start[11..],
                &item.home_end[11..],
                item.meeting.title,
                item.meeting.status.as_str()
            ));
        }
    }
    out
}
