//! Storing an analysed file as one import batch, and undoing it.
//!
//! A batch remembers what it did: contacts it created carry its id (`import_batch_id`); other
//! records it created, and the previous values of records it filled in, are listed in
//! `import_changes`. Undo deletes the first and restores the second, newest first.
//!
//! Speed: the search index is normally kept by per-row triggers, which make a bulk load 2–4×
//! slower. A commit therefore drops the contacts' insert trigger inside its own savepoint, inserts
//! the contacts, writes their search rows with two set-based statements that compute exactly what
//! the trigger would, and recreates the trigger from its stored SQL. All of it is one savepoint,
//! so a failure anywhere leaves schema and data as they were. See docs/performance.md.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::dedupe::{self, Index, Keys};
use super::record::Packed;
use super::{mapping, Action, Analysed, Kind, Options, Record};
use crate::error::{Entity, Error, ImportProblem, Reference, Result};
use crate::fields;

/// One import in the history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    pub id: String,
    pub file_name: String,
    pub kind: String,
    pub mission_id: Option<String>,
    pub created: i64,
    pub updated: i64,
    pub skipped: i64,
    pub rejected: i64,
    pub undone_at: Option<String>,
    pub created_at: String,
}

impl Batch {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Batch {
            id: row.get("id")?,
            file_name: row.get("file_name")?,
            kind: row.get("kind")?,
            mission_id: row.get("mission_id")?,
            created: row.get("created")?,
            updated: row.get("updated")?,
            skipped: row.get("skipped")?,
            rejected: row.get("rejected")?,
            undone_at: row.get("undone_at")?,
            created_at: row.get("created_at")?,
        })
    }
}

/// A row that was not imported, with why; written back as CSV for the user to fix.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    pub row: usize,
    /// The issues, e.g. `missing_name`.
    pub reason: String,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub batch_id: String,
    pub file_name: String,
    pub kind: Kind,
    pub created: usize,
    pub updated: usize,
    /// Duplicates whose record already held everything the row had.
    pub unchanged: usize,
    pub skipped: usize,
    pub rejected: usize,
    pub headers: Vec<String>,
    pub rejected_rows: Vec<RejectedRow>,
}

/// Writes the rejected rows as CSV (UTF-8 with a BOM, so Excel opens it right): the file's
/// headers, then a `reason` column.
pub fn write_rejected(summary: &Summary, mut out: impl Write) -> Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut writer = ::csv::WriterBuilder::new().flexible(true).from_writer(out);
    let mut header: Vec<String> = vec!["row".into()];
    header.extend(summary.headers.iter().cloned());
    header.push("reason".into());
    writer.write_record(&header).map_err(csv_error)?;
    for r in &summary.rejected_rows {
        let mut line: Vec<String> = vec![r.row.to_string()];
        // A cell starting with = + - @ would run as a formula in a spreadsheet: quote it as text.
        line.extend(r.cells.iter().map(|c| if c.starts_with(['=', '+', '-', '@']) { format!("'{c}") } else { c.clone() }));
        line.resize(summary.headers.len() + 1, String::new());
        line.push(r.reason.clone());
        writer.write_record(&line).map_err(csv_error)?;
    }
    writer.flush()?;
    Ok(())
}

fn csv_error(e: ::csv::Error) -> Error {
    Error::Io(std::io::Error::other(e.to_string()))
}

pub(crate) fn keys_of(r: &Record, country: phonenumber::country::Id) -> Keys {
    Keys {
        email: dedupe::email_key(&r.email),
        phone: dedupe::phone_key(&r.phone, country),
        name: dedupe::name_key(&r.first_name, &r.last_name, &r.organisation),
    }
}

/// A person already in the workspace: id, first and last name, e-mail, phone, organisation.
pub(crate) type Known = (String, String, String, String, String, String);

/// Everyone already in the workspace who a row of this kind could be.
///
/// The organisation's (or member's) name comes from a map read first rather than from a join:
/// looking up 100,000 text keys in SQLite takes a third of reading the people (0.03 s).
pub(crate) fn existing(conn: &Connection, kind: Kind) -> Result<Vec<Known>> {
    let (parents, people) = match kind {
        Kind::Contacts => (
            "SELECT id, name FROM organisations",
            "SELECT id, first_name, last_name, email, phone, organisation_id FROM contacts WHERE erased_at IS NULL",
        ),
        Kind::Members | Kind::Participants => {
            ("SELECT id, name FROM members", "SELECT id, first_name, last_name, email, phone, member_id FROM persons")
        }
    };
    let names: HashMap<String, String> =
        conn.prepare(parents)?.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(people)?;
    let known = stmt
        .query_map([], |row| {
            let parent = row.get_ref(5)?.as_str_or_null()?.and_then(|id| names.get(id)).cloned().unwrap_or_default();
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?, parent))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(known)
}

/// Those people by their duplicate keys. No database access: runs while the file is read.
/// `parallel`: on every core, or on this thread alone (when another thread is busy reading).
pub(crate) fn index_of(known: Vec<Known>, country: phonenumber::country::Id, parallel: bool) -> Index<String> {
    let key = |(_, first, last, email, phone, org): &Known| Keys {
        email: dedupe::email_key(email),
        phone: dedupe::phone_key(phone, country),
        name: dedupe::name_key(first, last, org),
    };
    let keys: Vec<Keys> = if parallel { super::in_parallel(&known, key) } else { known.iter().map(key).collect() };
    let mut index = Index::with_capacity(known.len());
    for ((id, ..), keys) in known.into_iter().zip(keys) {
        index.insert(keys, id);
    }
    index
}

pub(crate) fn existing_name(conn: &Connection, kind: Kind, id: &str) -> Result<Option<String>> {
    let sql = match kind {
        Kind::Contacts => "SELECT first_name, last_name FROM contacts WHERE id = ?1",
        Kind::Members | Kind::Participants => "SELECT first_name, last_name FROM persons WHERE id = ?1",
    };
    Ok(conn
        .query_row(sql, [id], |r| Ok(fields::display_name(&r.get::<_, String>(0)?, &r.get::<_, String>(1)?)))
        .optional()?)
}

/// Step three: stores the file as one batch. Runs in a savepoint of its own, so it is all or
/// nothing even outside a transaction; `progress(done, total)` is called as rows are stored.
pub fn commit(conn: &Connection, path: &Path, options: &Options, progress: &mut dyn FnMut(usize, usize)) -> Result<Summary> {
    commit_beside(conn, path, options, progress, &|| {})
}

/// [`commit`], calling `spare_core` (from any thread) once the import has matched every row and
/// so leaves a core idle until it ends: the time to start other work beside it, such as the
/// backup of the state before it ([`crate::backup::with_before_import`]).
pub fn commit_beside(
    conn: &Connection,
    path: &Path,
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
    spare_core: &(dyn Fn() + Sync),
) -> Result<Summary> {
    // A big load touches every index of a large table: with SQLite's default 8 MB page cache
    // the transaction spills pages to the WAL file midway. A larger cache for this call only.
    let cache_size: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -256 * 1024)?;
    let result = commit_in_savepoint(conn, path, options, progress, spare_core);
    conn.pragma_update(None, "cache_size", cache_size)?;
    result
}

fn commit_in_savepoint(conn: &Connection, path: &Path, options: &Options, progress: &mut dyn FnMut(usize, usize), spare_core: &(dyn Fn() + Sync)) -> Result<Summary> {
    conn.execute_batch("SAVEPOINT import_commit")?;
    // A sheet that cannot be streamed (rows out of order, cells far right) shows it only while
    // it is read: what was stored is rolled back and the file is read whole.
    let mut result = commit_inner(conn, path, options, progress, spare_core, true);
    if matches!(result, Ok(None)) {
        conn.execute_batch("ROLLBACK TO import_commit")?;
        result = commit_inner(conn, path, options, progress, spare_core, false);
    }
    match result {
        Ok(Some(summary)) => {
            conn.execute_batch("RELEASE import_commit")?;
            Ok(summary)
        }
        Ok(None) => {
            conn.execute_batch("ROLLBACK TO import_commit; RELEASE import_commit")?;
            Err(Error::Import { file: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(), row: None, problem: ImportProblem::Unreadable })
        }
        Err(e) => {
            conn.execute_batch("ROLLBACK TO import_commit; RELEASE import_commit")?;
            Err(e)
        }
    }
}

struct Writer<'c> {
    conn: &'c Connection,
    batch_id: String,
    now: String,
    today: String,
    source: String,
    options: &'c Options,
    /// Organisations (or members) by folded name.
    parents: HashMap<String, String>,
    /// Organisations by their name as spelled in the file.
    spelled: HashMap<String, String>,
    /// Prepared on the first contact created.
    insert_contact: Option<rusqlite::Statement<'c>>,
    created: usize,
    updated: usize,
    unchanged: usize,
}

/// `None`: the sheet was streamed (`stream`) but cannot be (`sheet::Streamed::ReadWhole`); read
/// it whole.
fn commit_inner(
    conn: &Connection,
    path: &Path,
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
    spare_core: &(dyn Fn() + Sync),
    stream: bool,
) -> Result<Option<Summary>> {
    // Contacts are stored as they are matched (below), so they can also be matched as the
    // sheet is read; members and participants are folded before anything is stored.
    let streamed = if stream && options.kind == Kind::Contacts { super::prepare_streamed(conn, path, options)? } else { None };
    let super::Prepared { headers, inspection, rows: pending } = match streamed {
        Some(prepared) => prepared,
        None => super::prepare(conn, path, options)?,
    };
    let empty = || Error::Import { file: inspection.file_name.clone(), row: None, problem: ImportProblem::Empty };
    let mut total = pending.expected();
    if total == 0 && !pending.streaming() {
        // A header line alone: nothing to record as a batch.
        return Err(empty());
    }
    if options.save_mapping {
        mapping::save(conn, &headers, options.kind, &inspection.mapping)?;
    }
    let now = fields::now();
    let batch_id = fields::new_id();
    conn.execute(
        "INSERT INTO import_batches (id, file_name, kind, mission_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![batch_id, inspection.file_name, options.kind.as_str(), options.mission_id, now],
    )?;
    let mut w = Writer {
        conn,
        batch_id: batch_id.clone(),
        now: now.clone(),
        today: chrono::Local::now().date_naive().format("%Y-%m-%d").to_string(),
        source: inspection.file_name.clone(),
        options,
        parents: HashMap::new(),
        spelled: HashMap::new(),
        insert_contact: None,
        created: 0,
        updated: 0,
        unchanged: 0,
    };
    let mut t = std::time::Instant::now();
    let mut stored = Stored { count: 0, created: Vec::with_capacity(total), merged: BTreeMap::new(), skipped: 0, rejected: Vec::new() };
    if options.kind == Kind::Contacts {
        // Contacts are stored as they are matched: the rows are mapped and matched on another
        // thread, a block ahead, while this one writes (mapping 100,000 rows is 0.35 s). A later
        // row about a contact already stored is folded into its record and the contact rewritten
        // once all are stored (`rewrite_merged`), so the result is what folding first gives.
        let trigger = suspend_triggers(conn, &BULK_TRIGGERS)?;
        let checks = ChecksOff::new(conn)?;
        let file_name = inspection.file_name.clone();
        let matched = std::thread::scope(|scope| -> Result<std::result::Result<(), super::Interrupted>> {
            let (sender, blocks) = std::sync::mpsc::sync_channel::<(Vec<Ready>, usize)>(2);
            // Blocks the writer is done with go back to be freed on the matching thread: freeing
            // 100,000 records made on other threads is 0.015 s of the writer's time otherwise.
            let (spend, spent) = std::sync::mpsc::channel::<Vec<Ready>>();
            let matching = scope.spawn(move || {
                let matched = pending.analyse(&file_name, |block, expected| {
                    spent.try_iter().for_each(drop);
                    sender.send((block.into_iter().map(Ready::of).collect(), expected)).is_ok()
                });
                spare_core();
                matched
            });
            let written = (|| -> Result<()> {
                for (mut block, expected) in blocks.iter() {
                    total = expected;
                    for ready in &mut block {
                        stored.store(&mut ready.row, ready.made.take(), &mut w, true, total, progress)?;
                    }
                    // The matching thread may have ended: then this block is freed here.
                    let _ = spend.send(block);
                }
                Ok(())
            })();
            // Hanging up stops the matching thread if writing failed.
            drop(blocks);
            let matched = matching.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            written.map(|()| matched)
        })?;
        match matched {
            Ok(()) | Err(super::Interrupted::Stopped) => {}
            Err(super::Interrupted::File(file, (row, problem))) => return Err(Error::Import { file, row, problem }),
            Err(super::Interrupted::ReadWhole) => return Ok(None),
        }
        if stored.count == 0 {
            return Err(empty());
        }
        total = stored.count;
        stored.rewrite_merged(&mut w)?;
        drop(checks);
        super::trace("map, match and insert rows", &mut t);
        bulk_fts(conn, || index_created_contacts(conn, &batch_id))?;
        super::trace("search index", &mut t);
        conn.execute_batch(&trigger)?;
    } else {
        let mut rows = Vec::with_capacity(total);
        // Read whole: nothing interrupts it.
        let _ = pending.analyse(&inspection.file_name, |block, _| {
            rows.extend(block);
            true
        });
        spare_core();
        // Later rows about a person first created by an earlier row are folded into that record.
        for i in 0..rows.len() {
            if let (Action::Merge, Some(target)) = (rows[i].action, rows[i].merge_into) {
                let later = rows[i].record.clone();
                rows[target].record.fill_from(&later);
            }
        }
        for mut a in rows {
            stored.store(&mut a, None, &mut w, false, total, progress)?;
        }
        super::trace("map, match and insert rows", &mut t);
    }
    progress(total, total);
    let (skipped, rejected_rows) = (stored.skipped, stored.rejected);
    // Rows folded into an earlier one count as unchanged in the summary and skipped in history.
    conn.execute(
        "UPDATE import_batches SET created = ?2, updated = ?3, skipped = ?4, rejected = ?5 WHERE id = ?1",
        params![batch_id, w.created as i64, w.updated as i64, (skipped + w.unchanged) as i64, rejected_rows.len() as i64],
    )?;
    Ok(Some(Summary {
        batch_id,
        file_name: w.source.clone(),
        kind: options.kind,
        created: w.created,
        updated: w.updated,
        unchanged: w.unchanged,
        skipped,
        rejected: rejected_rows.len(),
        headers,
        rejected_rows,
    }))
}

const INSERT_CONTACT: &str = "INSERT INTO contacts (id, organisation_id, first_name, last_name, name_reading, role, email, phone,
        country, language, city, notes, source, lawful_basis, lawful_basis_on, import_batch_id, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17)";

/// The rows of a batch as they are stored, in file order.
struct Stored {
    /// Rows stored so far.
    count: usize,
    /// By row, when stored with late merges: the contact the row created and its record, packed,
    /// in case a later row is about the same person. Only a created contact can be such a target.
    /// Packed, the records of a million-row file take a fifth of the memory they take whole.
    created: Vec<Option<(String, Packed)>>,
    /// Created contacts later rows were folded into after they were stored, with their whole
    /// folded record.
    merged: BTreeMap<usize, Record>,
    skipped: usize,
    rejected: Vec<RejectedRow>,
}

/// A row of a batch that stores contacts as they are matched, made ready on the matching
/// thread: what a new contact needs besides its record is made there, off the one thread that
/// writes SQLite (0.03 s of its time for 100,000 contacts).
struct Ready {
    row: Analysed,
    /// For a row that creates a contact; taken by [`Stored::store`].
    made: Option<Made>,
}

/// A new contact's id, and its record packed in case a later row is about the same person.
struct Made {
    id: String,
    packed: Packed,
}

impl Ready {
    fn of(row: Analysed) -> Ready {
        let made = (row.action == Action::Create).then(|| Made { id: fields::new_id(), packed: Packed::of(&row.record) });
        Ready { row, made }
    }
}

impl Stored {
    /// Stores one more row (see [`Stored::step`]); reports progress every thousand rows.
    fn store(
        &mut self,
        a: &mut Analysed,
        made: Option<Made>,
        w: &mut Writer<'_>,
        late_merges: bool,
        total: usize,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<()> {
        self.step(a, made, w, late_merges)?;
        self.count += 1;
        if self.count % 1000 == 0 {
            progress(self.count, total);
        }
        Ok(())
    }

    /// Stores row `a`, a new contact with what `made` holds ([`Ready`]). With `late_merges`,
    /// a row folded into an earlier contact is folded into that contact's record now, for
    /// [`Stored::rewrite_merged`]; otherwise the folding was done before anything was stored.
    fn step(&mut self, a: &mut Analysed, made: Option<Made>, w: &mut Writer<'_>, late_merges: bool) -> Result<()> {
        let mut created = None;
        match a.action {
            Action::Create => match w.options.kind {
                Kind::Contacts => {
                    let v = w.contact_values(&a.record)?;
                    let r = &a.record;
                    let (new, packed) = match made {
                        Some(Made { id, packed }) => (id, Some(packed)),
                        None => (fields::new_id(), None),
                    };
                    let insert = match w.insert_contact.as_mut() {
                        Some(statement) => statement,
                        None => w.insert_contact.insert(w.conn.prepare(INSERT_CONTACT)?),
                    };
                    insert.execute(params![
                        new, v.organisation_id, r.first_name, r.last_name, r.name_reading, r.role, r.email, r.phone, r.country,
                        r.language, r.city, v.notes, w.source, v.basis, v.basis_on, w.batch_id, w.now
                    ])?;
                    if late_merges {
                        created = Some((new, packed.unwrap_or_else(|| Packed::of(r))));
                    }
                    w.created += 1;
                }
                Kind::Members | Kind::Participants => {
                    let person_id = w.create_person(&a.record)?;
                    w.delegate(&person_id, &a.record)?;
                    w.created += 1;
                }
            },
            Action::Update => {
                let existing = a.duplicate.as_ref().and_then(|d| d.existing_id.clone()).unwrap_or_default();
                let changed = match w.options.kind {
                    Kind::Contacts => w.fill_contact(&existing, &a.record)?,
                    Kind::Members | Kind::Participants => {
                        let changed = w.fill_person(&existing, &a.record)?;
                        w.delegate(&existing, &a.record)? || changed
                    }
                };
                if changed {
                    w.updated += 1;
                } else {
                    w.unchanged += 1;
                }
            }
            Action::Merge => {
                w.unchanged += 1;
                if let (true, Some(target)) = (late_merges, a.merge_into) {
                    if let Some(Some((_, packed))) = self.created.get(target) {
                        self.merged.entry(target).or_insert_with(|| packed.unpack()).fill_from(&a.record);
                    }
                }
            }
            Action::Skip => self.skipped += 1,
            Action::Reject => self.rejected.push(RejectedRow {
                row: a.row,
                reason: a.problems.iter().filter(|p| p.rejects).map(|p| p.issue.as_str()).collect::<Vec<_>>().join(", "),
                cells: std::mem::take(&mut a.cells),
            }),
        }
        self.created.push(created);
        Ok(())
    }

    /// Writes the contacts later rows were folded into with their whole folded record: the row
    /// a classic fold-then-insert would have written. Runs before the batch's search rows are
    /// written, with the update triggers suspended: the search rows do not exist yet, and a
    /// contact is not "changed" by rows of the file that created it.
    fn rewrite_merged(&self, w: &mut Writer<'_>) -> Result<()> {
        if self.merged.is_empty() {
            return Ok(());
        }
        let restore = suspend_triggers(w.conn, &["contacts_search_au", "contacts_consent_au"])?;
        for (&i, r) in &self.merged {
            let Some(Some((id, _))) = self.created.get(i) else { continue };
            let v = w.contact_values(r)?;
            w.conn
                .prepare_cached(
                    "UPDATE contacts SET organisation_id = ?2, first_name = ?3, last_name = ?4, name_reading = ?5, role = ?6,
                            email = ?7, phone = ?8, country = ?9, language = ?10, city = ?11, notes = ?12,
                            lawful_basis = ?13, lawful_basis_on = ?14
                     WHERE id = ?1",
                )?
                .execute(params![
                    id, v.organisation_id, r.first_name, r.last_name, r.name_reading, r.role, r.email, r.phone, r.country,
                    r.language, r.city, v.notes, v.basis, v.basis_on
                ])?;
        }
        w.conn.execute_batch(&restore)?;
        Ok(())
    }
}

/// The columns of a new contact that are not copied from its record as they are.
struct ContactValues {
    organisation_id: Option<String>,
    notes: String,
    basis: crate::contacts::LawfulBasis,
    basis_on: String,
}

/// Contacts have no website: it is kept in the notes.
fn with_website(r: &Record) -> String {
    if r.website.is_empty() {
        r.notes.clone()
    } else if r.notes.is_empty() {
        format!("Web: {}", r.website)
    } else {
        format!("{}\nWeb: {}", r.notes, r.website)
    }
}

/// The per-row triggers on new contacts and organisations that a batch replaces by one statement
/// each: the search index. A trigger makes every INSERT open a statement savepoint, which on a
/// large transaction cost 25 s for 100,000 rows (measured: 74 % of the time in
/// `sqlite3PagerSavepoint`); and each statement that writes to FTS5 flushes its pending terms as a
/// new segment, so 4,000 new organisations made 4,000 tiny segments to merge (0.3 s).
const BULK_TRIGGERS: [&str; 2] = ["contacts_search_ai", "organisations_search_ai"];

/// SQLite's CHECK constraints off while a batch stores contacts, back on when dropped, on every
/// path out.
///
/// `contacts.lawful_basis` is checked against a list of six values. SQLite evaluates such an
/// `IN` list through a temporary B-tree, and in a CHECK constraint it builds that tree anew for
/// every row written: 0.15 s of storing 100,000 contacts. What a batch writes while the checks
/// are off comes from types, never from the file's text: the lawful basis is a `LawfulBasis`,
/// an organisation's kind and an import change's entity and action are constants. Turning the
/// checks back on expires every compiled statement, so none keeps running without them
/// (`tests::a_statement_compiled_while_checks_were_off_checks_again`).
struct ChecksOff<'c>(&'c Connection);

impl<'c> ChecksOff<'c> {
    fn new(conn: &'c Connection) -> Result<ChecksOff<'c>> {
        conn.pragma_update(None, "ignore_check_constraints", true)?;
        Ok(ChecksOff(conn))
    }
}

impl Drop for ChecksOff<'_> {
    fn drop(&mut self) {
        // Setting a flag cannot fail on an open connection; nothing to report from a drop.
        let _ = self.0.pragma_update(None, "ignore_check_constraints", false);
    }
}

/// Drops the named triggers and returns their SQL to recreate them (in the same savepoint).
fn suspend_triggers(conn: &Connection, names: &[&str]) -> Result<String> {
    let mut sql = String::new();
    for name in names {
        let body: String = conn.query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [name], |r| r.get(0))?;
        conn.execute_batch(&format!("DROP TRIGGER {name}"))?;
        sql.push_str(&body);
        sql.push_str(";\n");
    }
    Ok(sql)
}

/// FTS5 settings for one large write, restored afterwards. FTS5 keeps new terms in a 1 MB hash
/// and writes a segment each time it fills, merging segments as they pile up (`automerge`): for
/// 100,000 contacts, about 100 segments and their merges, 0.7 s. With a 64 MB hash and no
/// merging during the batch, the same terms are one or two segments, 0.4 s; later writes merge
/// them in small steps as usual.
fn bulk_fts(conn: &Connection, write: impl FnOnce() -> Result<()>) -> Result<()> {
    let setting = |key: &str, default: i64| -> Result<i64> {
        Ok(conn
            .query_row("SELECT v FROM search_fts_config WHERE k = ?1", [key], |r| r.get::<_, i64>(0))
            .optional()?
            .unwrap_or(default))
    };
    let set = |key: &str, value: i64| -> Result<()> {
        conn.execute("INSERT INTO search_fts (search_fts, rank) VALUES (?1, ?2)", params![key, value])?;
        Ok(())
    };
    // FTS5's defaults (fts5_config.c): a 1 MB hash, automerge 4.
    let (hashsize, automerge) = (setting("hashsize", 1024 * 1024)?, setting("automerge", 4)?);
    set("hashsize", 64 * 1024 * 1024)?;
    set("automerge", 0)?;
    write()?;
    set("hashsize", hashsize)?;
    set("automerge", automerge)?;
    Ok(())
}

/// What `organisations_search_ai` (0001_init.sql) and `contacts_search_ai` (0004_privacy.sql)
/// write for each new row, for a whole batch at once.
fn index_created_contacts(conn: &Connection, batch_id: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO search_docs (kind, ref_id, parent_id, title, subtitle)
         SELECT 'organisation', o.id, NULL, o.name, concat_ws(', ', NULLIF(o.city, ''), NULLIF(o.country, ''))
         FROM import_changes ch JOIN organisations o ON o.id = ch.record_id
         WHERE ch.batch_id = ?1 AND ch.entity = 'organisation' AND ch.action = 'created'",
        [batch_id],
    )?;
    conn.execute(
        "INSERT INTO search_docs (kind, ref_id, parent_id, title, subtitle)
         SELECT 'contact', c.id, c.organisation_id,
                CASE WHEN c.last_name GLOB '*[ぁ-ヿ一-鿿]*'
                     THEN concat_ws(' ', NULLIF(c.last_name, ''), NULLIF(c.first_name, ''))
                     ELSE concat_ws(' ', NULLIF(c.first_name, ''), NULLIF(c.last_name, '')) END,
                coalesce(o.name, '')
         FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.import_batch_id = ?1",
        [batch_id],
    )?;
    conn.execute(
        "INSERT INTO search_fts (rowid, title, body)
         SELECT d.id, o.name, concat_ws(' ', o.city, o.country, o.website)
         FROM import_changes ch JOIN organisations o ON o.id = ch.record_id JOIN search_docs d ON d.ref_id = o.id
         WHERE ch.batch_id = ?1 AND ch.entity = 'organisation' AND ch.action = 'created'",
        [batch_id],
    )?;
    conn.execute(
        "INSERT INTO search_fts (rowid, title, body)
         SELECT d.id, concat_ws(' ', c.first_name, c.last_name, c.name_reading),
                concat_ws(' ', c.email, c.role, c.city, o.name)
         FROM contacts c JOIN search_docs d ON d.ref_id = c.id
              LEFT JOIN organisations o ON o.id = c.organisation_id
         WHERE c.import_batch_id = ?1",
        [batch_id],
    )?;
    Ok(())
}

const INSERT_CHANGE: &str = "INSERT INTO import_changes (id, batch_id, entity, record_id, action, previous, created_at, updated_at)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";

impl Writer<'_> {
    fn change(&self, entity: &str, id: &str, action: &str, previous: Option<String>) -> Result<()> {
        self.conn
            .prepare_cached(INSERT_CHANGE)?
            .execute(params![fields::new_id(), self.batch_id, entity, id, action, previous, self.now])?;
        Ok(())
    }

    /// What a contact created from this record stores besides the record's own fields.
    fn contact_values(&mut self, r: &Record) -> Result<ContactValues> {
        Ok(ContactValues {
            organisation_id: self.organisation(&r.organisation)?,
            notes: with_website(r),
            basis: r.lawful_basis.unwrap_or(self.options.lawful_basis),
            basis_on: r.lawful_basis_on.clone().unwrap_or_else(|| self.today.clone()),
        })
    }

    /// The external organisation of this name (case and accents ignored), created if new.
    fn organisation(&mut self, name: &str) -> Result<Option<String>> {
        let name = name.trim();
        if name.is_empty() {
            return Ok(None);
        }
        // Rows of one organisation mostly spell it the same way: no folding for those.
        if let Some(id) = self.spelled.get(name) {
            return Ok(Some(id.clone()));
        }
        let key = crate::search::fold(name);
        if let Some(id) = self.parents.get(&key) {
            self.spelled.insert(name.to_owned(), id.clone());
            return Ok(Some(id.clone()));
        }
        let existing: Option<String> = self
            .conn
            .prepare_cached("SELECT id FROM organisations WHERE name = ?1 COLLATE NOCASE ORDER BY created_at LIMIT 1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => {
                let id = fields::new_id();
                self.conn
                    .prepare_cached(
                        "INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES (?1, ?2, 'other', ?3, ?3)",
                    )?
                    .execute(params![id, name, self.now])?;
                self.change("organisation", &id, "created", None)?;
                id
            }
        };
        self.parents.insert(key, id.clone());
        self.spelled.insert(name.to_owned(), id.clone());
        Ok(Some(id))
    }

    fn member(&mut self, name: &str, record: &Record) -> Result<String> {
        let key = crate::search::fold(name.trim());
        if let Some(id) = self.parents.get(&key) {
            return Ok(id.clone());
        }
        let existing: Option<String> = self
            .conn
            .query_row("SELECT id FROM members WHERE name = ?1 COLLATE NOCASE", [name.trim()], |r| r.get(0))
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => {
                let id = fields::new_id();
                let website = fields::website("website", &record.website).unwrap_or_default();
                self.conn.execute(
                    "INSERT INTO members (id, name, kind, city, website, created_at, updated_at) VALUES (?1, ?2, 'other', ?3, ?4, ?5, ?5)",
                    params![id, name.trim(), record.city, website, self.now],
                )?;
                self.change("member", &id, "created", None)?;
                id
            }
        };
        self.parents.insert(key, id.clone());
        Ok(id)
    }

    /// Persons have no country, city or language: those are kept in the notes.
    fn person_notes(record: &Record) -> String {
        let mut notes = record.notes.clone();
        for (label, value) in [("Country", &record.country), ("City", &record.city), ("Language", &record.language)] {
            if !value.is_empty() {
                if !notes.is_empty() {
                    notes.push('\n');
                }
                notes.push_str(&format!("{label}: {value}"));
            }
        }
        notes
    }

    fn create_person(&mut self, r: &Record) -> Result<String> {
        let member_id = self.member(&r.organisation, r)?;
        let id = fields::new_id();
        self.conn
            .prepare_cached(
                "INSERT INTO persons (id, member_id, first_name, last_name, role, email, phone, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?
            .execute(params![id, member_id, r.first_name, r.last_name, r.role, r.email, r.phone, Self::person_notes(r), self.now])?;
        self.change("person", &id, "created", None)?;
        Ok(id)
    }

    /// Puts a participant on the mission's delegation; true when something was added.
    fn delegate(&mut self, person_id: &str, r: &Record) -> Result<bool> {
        let Some(mission_id) = self.options.mission_id.as_deref().filter(|_| self.options.kind == Kind::Participants) else {
            return Ok(false);
        };
        let member_id: String = self.conn.query_row("SELECT member_id FROM persons WHERE id = ?1", [person_id], |row| row.get(0))?;
        let participation: Option<String> = self
            .conn
            .query_row("SELECT id FROM participations WHERE mission_id = ?1 AND member_id = ?2", [mission_id, &member_id], |row| row.get(0))
            .optional()?;
        let participation = match participation {
            Some(id) => id,
            None => {
                let id = fields::new_id();
                self.conn.execute(
                    "INSERT INTO participations (id, mission_id, member_id, status, created_at, updated_at) VALUES (?1, ?2, ?3, 'confirmed', ?4, ?4)",
                    params![id, mission_id, member_id, self.now],
                )?;
                self.change("participation", &id, "created", None)?;
                id
            }
        };
        let (arrives, departs) = match (&r.arrives_on, &r.departs_on) {
            (Some(a), Some(d)) if d < a => (None, None), // impossible trip: the dates stay in the notes
            (a, d) => (a.clone(), d.clone()),
        };
        let id = fields::new_id();
        let added = self.conn.execute(
            "INSERT INTO delegates (id, participation_id, person_id, status, role, arrives_on, departs_on, created_at, updated_at)
             VALUES (?1, ?2, ?3, 'confirmed', ?4, ?5, ?6, ?7, ?7) ON CONFLICT (participation_id, person_id) DO NOTHING",
            params![id, participation, person_id, r.role, arrives, departs, self.now],
        )?;
        if added > 0 {
            self.change("delegate", &id, "created", None)?;
        }
        Ok(added > 0)
    }

    /// Fills the empty columns of a record from the row; remembers their previous values.
    fn fill(&mut self, entity: &str, table: &str, id: &str, values: &[(&str, String)]) -> Result<bool> {
        let columns: Vec<&str> = values.iter().map(|(c, _)| *c).collect();
        let current: Vec<String> = self.conn.query_row(
            &format!("SELECT {} FROM {table} WHERE id = ?1", columns.iter().map(|c| format!("coalesce({c}, '')")).collect::<Vec<_>>().join(", ")),
            [id],
            |row| (0..columns.len()).map(|i| row.get::<_, String>(i)).collect(),
        )?;
        let mut previous = serde_json::Map::new();
        let mut sets = Vec::new();
        let mut args: Vec<String> = vec![id.to_owned()];
        for ((column, new), old) in values.iter().zip(current) {
            let next = if *column == "notes" {
                if new.is_empty() || old.contains(new.as_str()) {
                    continue;
                }
                if old.is_empty() { new.clone() } else { format!("{old}\n{new}") }
            } else if old.is_empty() && !new.is_empty() {
                new.clone()
            } else {
                continue;
            };
            previous.insert((*column).to_owned(), serde_json::Value::String(old));
            args.push(next);
            sets.push(format!("{column} = ?{}", args.len()));
        }
        if sets.is_empty() {
            return Ok(false);
        }
        args.push(self.now.clone());
        sets.push(format!("updated_at = ?{}", args.len()));
        let previous_updated: String = self.conn.query_row(&format!("SELECT updated_at FROM {table} WHERE id = ?1"), [id], |r| r.get(0))?;
        previous.insert("updated_at".into(), serde_json::Value::String(previous_updated));
        self.conn.execute(&format!("UPDATE {table} SET {} WHERE id = ?1", sets.join(", ")), rusqlite::params_from_iter(args.iter()))?;
        self.change(entity, id, "updated", Some(serde_json::Value::Object(previous).to_string()))?;
        Ok(true)
    }

    fn fill_contact(&mut self, id: &str, r: &Record) -> Result<bool> {
        // Only a contact without an organisation takes the file's (which may then be created);
        // a different one named by the file is kept in the notes.
        let current: Option<String> = self.conn.query_row(
            "SELECT o.name FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?1",
            [id],
            |row| row.get(0),
        )?;
        let mut notes = with_website(r);
        let organisation_id = match current {
            None => self.organisation(&r.organisation)?.unwrap_or_default(),
            Some(name) => {
                if !r.organisation.is_empty() && crate::search::fold(&name) != crate::search::fold(&r.organisation) {
                    let line = format!("Organisation: {}", r.organisation);
                    notes = if notes.is_empty() { line } else { format!("{notes}\n{line}") };
                }
                String::new()
            }
        };
        self.fill(
            "contact",
            "contacts",
            id,
            &[
                ("organisation_id", organisation_id),
                ("first_name", r.first_name.clone()),
                ("last_name", r.last_name.clone()),
                ("name_reading", r.name_reading.clone()),
                ("role", r.role.clone()),
                ("email", r.email.clone()),
                ("phone", r.phone.clone()),
                ("country", r.country.clone()),
                ("language", r.language.clone()),
                ("city", r.city.clone()),
                ("notes", notes),
            ],
        )
    }

    fn fill_person(&mut self, id: &str, r: &Record) -> Result<bool> {
        self.fill(
            "person",
            "persons",
            id,
            &[
                ("first_name", r.first_name.clone()),
                ("last_name", r.last_name.clone()),
                ("role", r.role.clone()),
                ("email", r.email.clone()),
                ("phone", r.phone.clone()),
                ("notes", Self::person_notes(r)),
            ],
        )
    }
}

/// Columns undo may write back, per table: previous values are applied only to these.
const RESTORABLE: &[(&str, &str, &[&str])] = &[
    ("contact", "contacts", &["organisation_id", "first_name", "last_name", "name_reading", "role", "email", "phone", "country", "language", "city", "notes", "updated_at"]),
    ("person", "persons", &["first_name", "last_name", "role", "email", "phone", "notes", "updated_at"]),
];

pub fn history(conn: &Connection) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare("SELECT * FROM import_batches ORDER BY created_at DESC, id DESC")?;
    let rows = stmt.query_map([], Batch::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Batch> {
    conn.query_row("SELECT * FROM import_batches WHERE id = ?1", [id], Batch::from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(Entity::ImportBatch, id))
}

/// Deletes what a batch created and restores what it filled in; refused (nothing changed) if a
/// created contact or person has since been used in a meeting.
pub fn undo(conn: &Connection, batch_id: &str) -> Result<Batch> {
    let batch = get(conn, batch_id)?;
    if batch.undone_at.is_some() {
        return Err(Error::Import { file: batch.file_name, row: None, problem: ImportProblem::AlreadyUndone });
    }
    let used: Option<(String, i64)> = conn
        .query_row(
            "SELECT c.id, count(*) FROM contacts c JOIN meeting_contacts mc ON mc.contact_id = c.id
             WHERE c.import_batch_id = ?1 GROUP BY c.id LIMIT 1",
            [batch_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((id, count)) = used {
        return Err(Error::Referenced { entity: Entity::Contact, id, references: vec![Reference { entity: Entity::Meeting, count }] });
    }
    let used: Option<(String, i64)> = conn
        .query_row(
            "SELECT ch.record_id, count(*) FROM import_changes ch JOIN meeting_persons mp ON mp.person_id = ch.record_id
             WHERE ch.batch_id = ?1 AND ch.entity = 'person' AND ch.action = 'created' GROUP BY ch.record_id LIMIT 1",
            [batch_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((id, count)) = used {
        return Err(Error::Referenced { entity: Entity::Person, id, references: vec![Reference { entity: Entity::Meeting, count }] });
    }
    conn.execute_batch("SAVEPOINT import_undo")?;
    let result = undo_inner(conn, batch_id);
    match result {
        Ok(()) => conn.execute_batch("RELEASE import_undo")?,
        Err(e) => {
            conn.execute_batch("ROLLBACK TO import_undo; RELEASE import_undo")?;
            return Err(e);
        }
    }
    get(conn, batch_id)
}

fn undo_inner(conn: &Connection, batch_id: &str) -> Result<()> {
    let changes: Vec<(String, String, String, Option<String>)> = {
        let mut stmt = conn.prepare("SELECT entity, record_id, action, previous FROM import_changes WHERE batch_id = ?1 ORDER BY rowid DESC")?;
        let rows = stmt.query_map([batch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Updates first (newest first), so each record ends with the values it had before the batch.
    for (entity, id, _, previous) in changes.iter().filter(|c| c.2 == "updated") {
        let Some((_, table, allowed)) = RESTORABLE.iter().find(|(e, _, _)| e == entity) else { continue };
        let Some(serde_json::Value::Object(values)) = previous.as_deref().and_then(|p| serde_json::from_str(p).ok()) else { continue };
        for (column, value) in values {
            if !allowed.contains(&column.as_str()) {
                continue;
            }
            let value = value.as_str().map(str::to_owned);
            let value = if column == "organisation_id" { value.filter(|v| !v.is_empty()) } else { value };
            conn.execute(&format!("UPDATE {table} SET {column} = ?2 WHERE id = ?1"), params![id, value])?;
        }
    }
    conn.execute("DELETE FROM contact_tags WHERE contact_id IN (SELECT id FROM contacts WHERE import_batch_id = ?1)", [batch_id])?;
    conn.execute("DELETE FROM contacts WHERE import_batch_id = ?1", [batch_id])?;
    for (entity, id, _, _) in changes.iter().filter(|c| c.2 == "created") {
        let (table, entity_kind) = match entity.as_str() {
            "delegate" => ("delegates", Entity::Delegate),
            "participation" => ("participations", Entity::Participation),
            "person" => ("persons", Entity::Person),
            "member" => ("members", Entity::Member),
            "organisation" => ("organisations", Entity::Organisation),
            _ => continue,
        };
        // A record made by the batch that something newer now points at stays refused.
        match conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id]) {
            Ok(_) => {}
            Err(rusqlite::Error::SqliteFailure(e, _)) if e.code == rusqlite::ErrorCode::ConstraintViolation => {
                return Err(Error::Referenced { entity: entity_kind, id: id.clone(), references: Vec::new() });
            }
            Err(e) => return Err(e.into()),
        }
    }
    conn.execute("UPDATE import_batches SET undone_at = ?2, updated_at = ?2 WHERE id = ?1", params![batch_id, fields::now()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_statement_compiled_while_checks_were_off_checks_again() {
        let store = crate::Store::open_in_memory().unwrap();
        store
            .write(|tx| {
                tx.execute("INSERT INTO import_batches (id, file_name, kind, created_at, updated_at) VALUES ('b', 'f.csv', 'contacts', 'now', 'now')", [])?;
                let insert = |entity: &str, id: &str| tx.prepare_cached(INSERT_CHANGE)?.execute(params![id, "b", entity, "r", "created", None::<String>, "now"]);
                {
                    let _off = ChecksOff::new(tx)?;
                    insert("planet", "1")?;
                }
                // The same cached statement, compiled while the checks were off.
                let again = insert("planet", "2");
                assert!(matches!(&again, Err(e) if e.to_string().contains("CHECK")), "{again:?}");
                insert("contact", "3")?;
                Ok(())
            })
            .unwrap();
    }
}
