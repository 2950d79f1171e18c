//! Importing files on a real workspace: every encoding, dialect and format generated here, then
//! duplicates, decisions, undo, re-import and bad input.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use ponte::contacts;
use ponte::import::{self, Action, Decision, Field, Format, Kind, MatchedBy, Options, ReadOptions, RowDecision, TextEncoding};
use ponte::{search, Error, ImportProblem};

fn write(ws: &common::Workspace, name: &str, bytes: &[u8]) -> PathBuf {
    let path = ws.dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn commit(ws: &common::Workspace, path: &Path, options: &Options) -> ponte::Result<import::Summary> {
    ws.store.write(|tx| import::commit(tx, path, options, &mut |_, _| {}))
}

fn contacts_options() -> Options {
    Options::default()
}

fn count(ws: &common::Workspace, table: &str) -> i64 {
    ws.store.read(|c| Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)).expect("count")
}

/// Counts of every table an import touches, and the integrity check.
fn fingerprint(ws: &common::Workspace) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = [
        "contacts", "organisations", "members", "persons", "participations", "delegates", "import_batches",
        "import_changes", "import_mappings", "search_docs",
    ]
    .iter()
    .map(|t| (t.to_string(), count(ws, t)))
    .collect();
    let ok: String = ws.store.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).expect("check");
    out.push((ok, 0));
    out
}

fn names(ws: &common::Workspace) -> Vec<String> {
    let mut v: Vec<String> = ws.store.read(contacts::list).expect("list").into_iter().map(|c| c.display_name).collect();
    v.sort();
    v
}

const PEOPLE_CSV: &str = "Nome;Cognome;Azienda;E-mail;Telefono;Paese\n\
Nicolò;Città;Ospedale Niguarda;nicolo.citta@example.it;+39 02 1234 5678;Italia\n\
Jürgen;Müller;Charité;j.mueller@example.de;+49 30 1234567;Germania\n";

#[test]
fn csv_in_every_encoding_and_dialect_imports_the_same_names() {
    let utf16 = |be: bool| -> Vec<u8> {
        let bom: [u8; 2] = if be { [0xFE, 0xFF] } else { [0xFF, 0xFE] };
        bom.into_iter().chain(PEOPLE_CSV.encode_utf16().flat_map(move |u| if be { u.to_be_bytes() } else { u.to_le_bytes() })).collect()
    };
    let cp1252: Vec<u8> = PEOPLE_CSV.chars().map(|c| u32::from(c) as u8).collect(); // these letters are Latin-1
    let cases: Vec<(&str, Vec<u8>, TextEncoding, char)> = vec![
        ("utf8.csv", PEOPLE_CSV.as_bytes().to_vec(), TextEncoding::Utf8, ';'),
        ("bom.csv", [&[0xEF, 0xBB, 0xBF][..], PEOPLE_CSV.as_bytes()].concat(), TextEncoding::Utf8Bom, ';'),
        ("utf16le.csv", utf16(false), TextEncoding::Utf16Le, ';'),
        ("utf16be.csv", utf16(true), TextEncoding::Utf16Be, ';'),
        ("excel-italiano.csv", cp1252, TextEncoding::Windows1252, ';'),
        ("comma-crlf.csv", PEOPLE_CSV.replace(';', ",").replace('\n', "\r\n").into_bytes(), TextEncoding::Utf8, ','),
        ("mac.csv", PEOPLE_CSV.replace('\n', "\r").into_bytes(), TextEncoding::Utf8, ';'),
        ("tabs.tsv", PEOPLE_CSV.replace(';', "\t").into_bytes(), TextEncoding::Utf8, '\t'),
    ];
    for (name, bytes, encoding, separator) in cases {
        let ws = common::empty();
        let path = write(&ws, name, &bytes);
        let inspection = ws.store.read(|c| import::inspect(c, &path, Kind::Contacts, &ReadOptions::default())).expect("inspect");
        assert_eq!(inspection.encoding, Some(encoding), "{name}");
        assert_eq!(inspection.separator, Some(separator), "{name}");
        assert_eq!(inspection.row_count, 2, "{name}");
        let summary = commit(&ws, &path, &contacts_options()).expect(name);
        assert_eq!(summary.created, 2, "{name}");
        assert_eq!(names(&ws), vec!["Jürgen Müller", "Nicolò Città"], "{name}");
        let hit = ws.store.read(|c| search::query(c, "citta", 5)).expect("search");
        assert_eq!(hit[0].subtitle, "Ospedale Niguarda", "{name}");
        let c = ws.store.read(|c| contacts::get(c, &hit[0].id)).expect("get");
        assert_eq!((c.country.as_str(), c.phone.as_str(), c.source.as_str()), ("IT", "+39 02 1234 5678", name));
        assert_eq!(c.lawful_basis, contacts::LawfulBasis::LegitimateInterest);
        assert_eq!(c.lawful_basis_on, chrono::Local::now().date_naive().to_string());
    }
}

#[test]
fn an_encoding_can_be_overridden() {
    let ws = common::empty();
    let path = write(&ws, "latin.csv", b"Cognome,Nome\nCitt\xe0,Anna\n");
    let read = ReadOptions { encoding: Some(TextEncoding::Windows1252), ..Default::default() };
    let rows = import::read_rows(&path, &read).expect("rows");
    assert_eq!(rows[1].cells, vec!["Città", "Anna"]);
}

#[test]
fn ragged_rows_are_padded_or_flagged_and_quoted_newlines_kept_in_notes() {
    let ws = common::empty();
    let path = write(&ws, "ragged.csv", b"First name,Last name,Notes\nAnna,Rossi\nLuca,Bianchi,\"two\nlines\",surplus\n");
    let preview = ws.store.read(|c| import::preview(c, &path, &contacts_options())).expect("preview");
    assert_eq!(preview.counts.create, 2);
    assert_eq!(preview.counts.warnings, 1);
    let luca = &preview.rows[1];
    assert_eq!(luca.row, 3);
    assert_eq!(luca.problems[0].issue, import::Issue::ExtraCells);
    assert_eq!(luca.record.notes, "two\nlines\nColumn 4: surplus");
}

fn xlsx_participants() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Workbook};
    let mut book = Workbook::new();
    let cover = book.add_worksheet();
    cover.set_name("Istruzioni").expect("name");
    cover.write_string(0, 0, "Compilare il foglio Partecipanti").expect("cell");
    let sheet = book.add_worksheet();
    sheet.set_name("Partecipanti").expect("name");
    sheet.write_string(0, 0, "Japan Health Expo 2025 — delegazione").expect("title");
    let headers = ["Nome", "Cognome", "Azienda", "E-mail", "Telefono", "Ruolo", "Arrivo", "Partenza"];
    for (i, h) in headers.iter().enumerate() {
        sheet.write_string(2, i as u16, *h).expect("header");
    }
    let date = XFormat::new().set_num_format("dd/mm/yyyy");
    let rows: [(&str, &str, &str, &str, f64, &str); 3] = [
        ("Giulia", "Ferrari", "BioTech Srl", "g.ferrari@biotech.example", 393471234567.0, "CEO"),
        ("浩", "田中", "Kansai Med KK", "tanaka@kansai.example", 81612345678.0, "研究員"),
        ("ゆき", "さとう", "Kansai Med KK", "", 81698765432.0, "営業"),
    ];
    for (r, (first, last, org, email, phone, role)) in rows.iter().enumerate() {
        let r = r as u32 + 3;
        sheet.write_string(r, 0, *first).expect("c");
        sheet.write_string(r, 1, *last).expect("c");
        sheet.write_string(r, 2, *org).expect("c");
        sheet.write_string(r, 3, *email).expect("c");
        sheet.write_number(r, 4, *phone).expect("c");
        sheet.write_string(r, 5, *role).expect("c");
        sheet.write_datetime_with_format(r, 6, ExcelDateTime::from_ymd(2025, 7, 6).expect("d"), &date).expect("c");
        sheet.write_datetime_with_format(r, 7, ExcelDateTime::from_ymd(2025, 7, 12).expect("d"), &date).expect("c");
    }
    book.save_to_buffer().expect("xlsx")
}

fn osaka(ws: &common::Workspace) -> String {
    ws.store.read(|c| ponte::missions::resolve(c, "Osaka")).expect("mission").id
}

#[test]
fn a_participants_workbook_fills_the_delegation_with_real_dates_and_phone_numbers_as_text() {
    let ws = common::demo();
    let path = write(&ws, "partecipanti.xlsx", &xlsx_participants());
    let inspection = ws.store.read(|c| import::inspect(c, &path, Kind::Participants, &ReadOptions::default())).expect("inspect");
    assert_eq!(inspection.format, Format::Xlsx);
    assert_eq!(inspection.sheets, vec!["Istruzioni", "Partecipanti"]);
    assert_eq!(inspection.sheet.as_deref(), Some("Istruzioni"), "the first sheet unless chosen");
    let read = ReadOptions { sheet: Some("Partecipanti".into()), ..Default::default() };
    let inspection = ws.store.read(|c| import::inspect(c, &path, Kind::Participants, &read)).expect("inspect");
    assert_eq!(inspection.header_row, 3, "the title line above the headers is skipped");
    assert_eq!(inspection.sample[0][4], "393471234567", "no 3.93e11, no .0");
    assert_eq!(inspection.sample[0][6], "2025-07-06");
    let mission = osaka(&ws);
    let options = Options { kind: Kind::Participants, mission_id: Some(mission.clone()), read, ..Default::default() };
    let persons_before = count(&ws, "persons");
    let summary = commit(&ws, &path, &options).expect("commit");
    assert_eq!((summary.created, summary.rejected), (3, 0));
    assert_eq!(count(&ws, "persons"), persons_before + 3);
    let delegates = ws.store.read(|c| ponte::missions::delegates(c, &mission)).expect("delegates");
    let tanaka = delegates.iter().find(|d| d.name == "田中 浩").expect("田中 浩 is a delegate");
    assert_eq!((tanaka.arrives_on.as_deref(), tanaka.departs_on.as_deref()), (Some("2025-07-06"), Some("2025-07-12")));
    let kana = delegates.iter().find(|d| d.name == "さとう ゆき").expect("kana names round-trip, family name first");
    assert_eq!(kana.role, "営業");
    let phone: String = ws.store.read(|c| Ok(c.query_row("SELECT phone FROM persons WHERE last_name = '田中'", [], |r| r.get(0))?)).expect("phone");
    assert_eq!(phone, "81612345678");
    assert_eq!(count(&ws, "members WHERE name = 'Kansai Med KK'"), 1, "one member for two of its people");

    // The same workbook again: everyone is recognised, nobody is added twice.
    let again = commit(&ws, &path, &options).expect("again");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 3));
    assert_eq!(count(&ws, "persons"), persons_before + 3);
    assert_eq!(ws.store.read(|c| ponte::missions::delegates(c, &mission)).expect("delegates").len(), delegates.len());
    ws.store.write(|tx| import::undo(tx, &again.batch_id)).expect("undo the empty batch");

    // Undo takes the new members, people, participations and delegates away again.
    ws.store.write(|tx| import::undo(tx, &summary.batch_id)).expect("undo");
    assert_eq!(count(&ws, "persons"), persons_before);
    assert_eq!(count(&ws, "members WHERE name = 'Kansai Med KK'"), 0);
}

fn ods(rows: &[Vec<(&str, &str)>]) -> Vec<u8> {
    // A minimal OpenDocument spreadsheet: cells are (value type, value).
    let mut body = String::new();
    for row in rows {
        body.push_str("<table:table-row>");
        for (kind, value) in row {
            match *kind {
                "float" => body.push_str(&format!("<table:table-cell office:value-type=\"float\" office:value=\"{value}\"><text:p>{value}</text:p></table:table-cell>")),
                "date" => body.push_str(&format!("<table:table-cell office:value-type=\"date\" office:date-value=\"{value}\"><text:p>{value}</text:p></table:table-cell>")),
                _ => body.push_str(&format!("<table:table-cell office:value-type=\"string\"><text:p>{value}</text:p></table:table-cell>")),
            }
        }
        body.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:spreadsheet><table:table table:name=\"Soci\">{body}</table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("zip");
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").expect("zip");
    zip.start_file("content.xml", stored).expect("zip");
    zip.write_all(content.as_bytes()).expect("zip");
    zip.start_file("META-INF/manifest.xml", stored).expect("zip");
    zip.write_all(manifest.as_bytes()).expect("zip");
    zip.finish().expect("zip").into_inner()
}

#[test]
fn an_ods_sheet_of_members_and_their_people_imports() {
    let ws = common::empty();
    let bytes = ods(&[
        vec![("string", "Socio"), ("string", "Nome"), ("string", "Cognome"), ("string", "Telefono"), ("string", "Data consenso")],
        vec![("string", "Vita Salus Srl"), ("string", "Chiara"), ("string", "Colombo"), ("float", "390612345678"), ("date", "2025-03-01")],
        vec![("string", "Vita Salus Srl"), ("string", "Marco"), ("string", "Greco"), ("float", "3902123"), ("string", "")],
    ]);
    let path = write(&ws, "soci.ods", &bytes);
    let inspection = ws.store.read(|c| import::inspect(c, &path, Kind::Members, &ReadOptions::default())).expect("inspect");
    assert_eq!(inspection.format, Format::Ods);
    assert_eq!(inspection.sample[0][3], "390612345678");
    assert_eq!(inspection.sample[0][4], "2025-03-01");
    let summary = commit(&ws, &path, &Options { kind: Kind::Members, ..Default::default() }).expect("commit");
    assert_eq!(summary.created, 2);
    assert_eq!(count(&ws, "members"), 1);
    assert_eq!(count(&ws, "persons"), 2);
}

const VCARDS: &str = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Goldberg;Emily;;;\r\nFN:Emily Goldberg\r\nORG:Mass General Brigham;Innovation\r\nTITLE:Director\r\nEMAIL;TYPE=INTERNET:emily.goldberg@mgb.example\r\nTEL;TYPE=CELL:+1 617 555 0100\r\nEND:VCARD\r\n\
BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E4=BD=90=E8=97=A4;=E7=94=B1=E7=B4=80\r\nX-PHONETIC-FIRST-NAME:ゆき\r\nX-PHONETIC-LAST-NAME:さとう\r\nORG:Takeda\r\nEMAIL:yuki.sato@takeda.example\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRg\r\n  ABAQAAAQABAAD\r\n\r\nEND:VCARD\r\n";

#[test]
fn a_vcard_file_with_several_cards_imports_contacts_with_their_organisations() {
    let ws = common::empty();
    let path = write(&ws, "phone.vcf", VCARDS.as_bytes());
    let summary = commit(&ws, &path, &contacts_options()).expect("commit");
    assert_eq!(summary.created, 2);
    assert_eq!(names(&ws), vec!["Emily Goldberg", "佐藤 由紀"]);
    let hit = ws.store.read(|c| search::query(c, "さとう", 5)).expect("search");
    assert_eq!(hit[0].title, "佐藤 由紀", "found by the kana reading");
    assert_eq!(hit[0].subtitle, "Takeda");
    let emily = ws.store.read(|c| search::query(c, "goldberg", 5)).expect("search").remove(0);
    let emily = ws.store.read(|c| contacts::get(c, &emily.id)).expect("get");
    assert_eq!((emily.organisation_name.as_deref(), emily.role.as_str(), emily.phone.as_str()), (Some("Mass General Brigham, Innovation"), "Director", "+1 617 555 0100"));
}

#[test]
fn imported_contacts_are_found_by_search_with_their_organisation() {
    let ws = common::empty();
    let mut csv = String::from("First Name,Last Name,Company,Email\n");
    for i in 0..1500 {
        csv.push_str(&format!("Person{i},Surname{i},Org {},p{i}@org.example\n", i % 7));
    }
    csv.push_str("Zoë,Lefèvre,Clinique Pasteur,zoe@pasteur.example\n");
    let path = write(&ws, "big.csv", csv.as_bytes());
    commit(&ws, &path, &contacts_options()).expect("commit");
    let hit = ws.store.read(|c| search::query(c, "lefevre", 5)).expect("search");
    assert_eq!(hit.len(), 1);
    assert_eq!((hit[0].title.as_str(), hit[0].subtitle.as_str()), ("Zoë Lefèvre", "Clinique Pasteur"));
    assert_eq!(ws.store.read(|c| search::query(c, "pasteur", 5)).expect("search").len(), 2, "organisation and contact");
    assert_eq!(ws.store.read(|c| search::query(c, "surname1499", 5)).expect("search").len(), 1);
    assert_eq!(count(&ws, "search_docs WHERE kind = 'contact'"), 1501);
    assert_eq!(count(&ws, "search_docs WHERE kind = 'organisation'"), 8);
    // The triggers are back: a contact and an organisation added by hand are indexed as before.
    ws.store.write(|tx| contacts::create(tx, &contacts::ContactInput { last_name: "Dopoimport".into(), ..Default::default() })).expect("create");
    assert_eq!(ws.store.read(|c| search::query(c, "dopoimport", 5)).expect("search").len(), 1);
    ws.store
        .write(|tx| Ok(tx.execute("INSERT INTO organisations (id, name, kind, created_at, updated_at) VALUES ('o-late', 'Fondazione Nuova', 'other', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')", [])?))
        .expect("organisation");
    assert_eq!(ws.store.read(|c| search::query(c, "fondazione", 5)).expect("search").len(), 1);
    // The FTS5 settings the batch changed for its write are FTS5's defaults again.
    let settings: Vec<(String, i64)> = ws
        .store
        .read(|c| {
            let mut stmt = c.prepare("SELECT k, v FROM search_fts_config WHERE k IN ('automerge', 'hashsize') ORDER BY k")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .expect("config");
    assert_eq!(settings, [("automerge".to_owned(), 4), ("hashsize".to_owned(), 1024 * 1024)]);
}

/// Contacts are stored while later rows are still being matched, so a row about a contact stored
/// blocks earlier is folded in afterwards: the contact must end as if both rows had been one.
#[test]
fn a_row_about_a_contact_stored_blocks_earlier_is_folded_into_it() {
    let ws = common::empty();
    let mut csv = String::from("Nome,Cognome,E-mail,Telefono,Ruolo,Azienda,Note\n");
    csv.push_str("Keiko,Fujita,k.fujita@example.jp,,,,Primo contatto\n");
    for i in 0..39_998 {
        csv.push_str(&format!("Person{i},Surname{i},p{i}@example.org,,,Org {},\n", i % 50));
    }
    csv.push_str("Keiko,Fujita,K.Fujita@example.jp,+81 90 1234 5678,Director,Osaka Bio,Incontrata al forum\n");
    let path = write(&ws, "forum.csv", csv.as_bytes());
    let summary = commit(&ws, &path, &contacts_options()).expect("commit");
    assert_eq!((summary.created, summary.updated, summary.unchanged), (39_999, 0, 1));
    let hits = ws.store.read(|c| search::query(c, "director", 5)).expect("search");
    assert_eq!(hits.len(), 1, "found by what only the later row said");
    let keiko = ws.store.read(|c| contacts::get(c, &hits[0].id)).expect("get");
    assert_eq!((keiko.email.as_str(), keiko.phone.as_str(), keiko.role.as_str()), ("k.fujita@example.jp", "+81 90 1234 5678", "Director"));
    assert_eq!(keiko.organisation_name.as_deref(), Some("Osaka Bio"));
    assert!(keiko.notes.contains("Primo contatto") && keiko.notes.contains("Incontrata al forum"), "{}", keiko.notes);
    assert_eq!(hits[0].subtitle, "Osaka Bio", "its search row was written from the folded record");
    assert_eq!(count(&ws, &format!("consent_history WHERE contact_id = '{}'", keiko.id)), 0, "folding is not a change of basis");
    // The update triggers suspended for the folding are back.
    let mut input = contacts::ContactInput { first_name: keiko.first_name.clone(), last_name: keiko.last_name.clone(), ..Default::default() };
    input.role = "Managing director".into();
    input.lawful_basis = contacts::LawfulBasis::Consent;
    ws.store.write(|tx| contacts::update(tx, &keiko.id, &input)).expect("update");
    assert_eq!(ws.store.read(|c| search::query(c, "managing", 5)).expect("search").len(), 1);
    assert_eq!(count(&ws, &format!("consent_history WHERE contact_id = '{}'", keiko.id)), 2, "created, then changed");
    let batch = ws.store.write(|tx| import::undo(tx, &summary.batch_id)).expect("undo");
    assert!(batch.undone_at.is_some());
    assert_eq!(count(&ws, "contacts"), 0);
}

#[test]
fn a_row_is_the_person_of_the_same_name_at_the_same_organisation_in_the_workspace() {
    use ponte::{members, organisations};
    let ws = common::empty();
    let (anna, luca) = ws
        .store
        .write(|tx| {
            let alfa = organisations::create(tx, &organisations::OrganisationInput { name: "Alfa Biotech".into(), ..Default::default() })?;
            let anna = contacts::create(
                tx,
                &contacts::ContactInput { organisation_id: Some(alfa.id), first_name: "Anna".into(), last_name: "Verdi".into(), ..Default::default() },
            )?;
            let beta = members::create(tx, &members::MemberInput { name: "Beta Lab".into(), ..Default::default() })?;
            let luca = members::add_person(tx, &beta.id, &members::PersonInput { first_name: "Luca".into(), last_name: "Neri".into(), ..Default::default() })?;
            Ok((anna, luca))
        })
        .expect("workspace");
    // No e-mail, no phone: only the name and the organisation can tell.
    let path = write(&ws, "names.csv", "Nome;Cognome;Azienda\nverdi;ÀNNA;ALFA BIOTECH\nAnna;Verdi;Gamma\n".as_bytes());
    let preview = ws.store.read(|c| import::preview(c, &path, &contacts_options())).expect("preview");
    let found: Vec<_> = preview.rows.iter().map(|r| (r.action, r.duplicate.as_ref().and_then(|d| d.existing_id.clone()))).collect();
    assert_eq!(found, vec![(Action::Update, Some(anna.id)), (Action::Create, None)], "same organisation, then another one");

    let path = write(&ws, "people.csv", "Azienda;Nome;Cognome\nbeta lab;Luca;Neri\nDelta;Luca;Neri\n".as_bytes());
    let options = Options { kind: Kind::Members, ..Default::default() };
    let preview = ws.store.read(|c| import::preview(c, &path, &options)).expect("preview");
    let found: Vec<_> = preview.rows.iter().map(|r| (r.action, r.duplicate.as_ref().and_then(|d| d.existing_id.clone()))).collect();
    assert_eq!(found, vec![(Action::Update, Some(luca.id)), (Action::Create, None)], "same member, then another one");
}

#[test]
fn duplicates_in_the_workspace_and_in_the_file_get_a_decision_each() {
    let ws = common::empty();
    let existing = ws
        .store
        .write(|tx| contacts::create(tx, &contacts::ContactInput { first_name: "Mario".into(), last_name: "Rossi".into(), email: "Mario.Rossi@Example.it".into(), role: "CTO".into(), ..Default::default() }))
        .expect("existing");
    let csv = "Nome,Cognome,E-mail,Telefono,Ruolo,Azienda\n\
Mario,Rossi,mario.rossi+boston@example.it,+39 347 123 4567,CEO,\n\
Anna,Verdi,anna@example.it,347 765 4321,,Alfa\n\
Anna,Verdi,,+39 347 765 4321,Medico,Alfa\n\
VERDI,anna,,,,ALFA\n";
    let path = write(&ws, "dupes.csv", csv.as_bytes());
    let preview = ws.store.read(|c| import::preview(c, &path, &contacts_options())).expect("preview");
    let actions: Vec<Action> = preview.rows.iter().map(|r| r.action).collect();
    assert_eq!(actions, vec![Action::Update, Action::Create, Action::Merge, Action::Merge]);
    let mario = preview.rows[0].duplicate.as_ref().expect("duplicate");
    assert_eq!((mario.matched_by, mario.sure, mario.existing_id.as_deref()), (MatchedBy::Email, true, Some(existing.id.as_str())));
    assert_eq!(mario.existing_name.as_deref(), Some("Mario Rossi"));
    let phone = preview.rows[2].duplicate.as_ref().expect("duplicate");
    assert_eq!((phone.matched_by, phone.same_as_row), (MatchedBy::Phone, Some(3)), "national and international forms of one number");
    assert_eq!(preview.rows[3].duplicate.as_ref().map(|d| (d.matched_by, d.sure)), Some((MatchedBy::Name, false)));

    let summary = commit(&ws, &path, &contacts_options()).expect("commit");
    assert_eq!((summary.created, summary.updated, summary.unchanged), (1, 1, 2));
    let mario = ws.store.read(|c| contacts::get(c, &existing.id)).expect("get");
    assert_eq!(mario.role, "CTO", "an update never replaces a value");
    assert_eq!(mario.phone, "+39 347 123 4567", "but fills an empty one");
    assert_eq!(mario.email, "Mario.Rossi@Example.it");
    let anna = ws.store.read(|c| search::query(c, "anna verdi", 5)).expect("search").remove(0);
    let anna = ws.store.read(|c| contacts::get(c, &anna.id)).expect("get");
    assert_eq!((anna.role.as_str(), anna.email.as_str()), ("Medico", "anna@example.it"), "the later row filled the first row's gaps");

    // Decisions chosen by the user: keep both, skip.
    let ws = common::empty();
    ws.store.write(|tx| contacts::create(tx, &contacts::ContactInput { last_name: "Rossi".into(), first_name: "Mario".into(), email: "mario.rossi@example.it".into(), ..Default::default() })).expect("existing");
    let path = write(&ws, "dupes.csv", csv.as_bytes());
    let options = Options {
        decisions: vec![RowDecision { row: 2, decision: Decision::KeepBoth }, RowDecision { row: 4, decision: Decision::Skip }],
        ..Default::default()
    };
    let summary = commit(&ws, &path, &options).expect("commit");
    assert_eq!((summary.created, summary.skipped, summary.unchanged), (2, 1, 1));
    assert_eq!(count(&ws, "contacts WHERE last_name = 'Rossi'"), 2);
}

#[test]
fn reimporting_the_same_file_creates_nothing_new() {
    let ws = common::empty();
    let path = write(&ws, "people.csv", PEOPLE_CSV.as_bytes());
    commit(&ws, &path, &contacts_options()).expect("first");
    let before = fingerprint(&ws);
    let summary = commit(&ws, &path, &contacts_options()).expect("again");
    assert_eq!((summary.created, summary.updated, summary.unchanged), (0, 0, 2));
    let after = fingerprint(&ws);
    let differs: Vec<_> = before.iter().zip(&after).filter(|(a, b)| a != b).map(|(a, _)| a.0.clone()).collect();
    assert_eq!(differs, vec!["import_batches"], "only the second batch itself is new");
}

#[test]
fn undo_deletes_what_a_batch_created_and_restores_what_it_filled_in() {
    let ws = common::empty();
    let existing = ws
        .store
        .write(|tx| contacts::create(tx, &contacts::ContactInput { first_name: "Nicolò".into(), last_name: "Città".into(), email: "nicolo.citta@example.it".into(), ..Default::default() }))
        .expect("existing");
    let before = fingerprint(&ws);
    let path = write(&ws, "people.csv", PEOPLE_CSV.as_bytes());
    let summary = commit(&ws, &path, &contacts_options()).expect("commit");
    assert_eq!((summary.created, summary.updated), (1, 1));
    let filled = ws.store.read(|c| contacts::get(c, &existing.id)).expect("get");
    assert_eq!(filled.phone, "+39 02 1234 5678");

    let batch = ws.store.write(|tx| import::undo(tx, &summary.batch_id)).expect("undo");
    assert!(batch.undone_at.is_some());
    let restored = ws.store.read(|c| contacts::get(c, &existing.id)).expect("get");
    assert_eq!(restored, existing, "every field as before the import, updated_at included");
    let after = fingerprint(&ws);
    let differs: Vec<_> = before.iter().zip(&after).filter(|(a, b)| a != b).map(|(a, _)| a.0.clone()).collect();
    assert_eq!(differs, vec!["import_batches", "import_changes", "import_mappings"], "only the history remains");
    assert!(ws.store.read(|c| search::query(c, "muller", 5)).expect("search").is_empty());
    assert!(matches!(
        ws.store.write(|tx| import::undo(tx, &summary.batch_id)),
        Err(Error::Import { problem: ImportProblem::AlreadyUndone, .. })
    ));
    let history = ws.store.read(import::history).expect("history");
    assert_eq!(history.len(), 1);
}

#[test]
fn undo_is_refused_when_an_imported_contact_was_met_since() {
    let ws = common::demo();
    let path = write(&ws, "people.csv", PEOPLE_CSV.as_bytes());
    let summary = commit(&ws, &path, &contacts_options()).expect("commit");
    let hit = ws.store.read(|c| search::query(c, "muller", 1)).expect("search").remove(0);
    ws.store
        .write(|tx| {
            let meeting: String = tx.query_row("SELECT id FROM meetings LIMIT 1", [], |r| r.get(0))?;
            tx.execute("INSERT INTO meeting_contacts (id, meeting_id, contact_id, created_at) VALUES ('mc-x', ?1, ?2, '2025-07-07T00:00:00Z')", [&meeting, &hit.id])?;
            Ok(())
        })
        .expect("meeting");
    let before = fingerprint(&ws);
    match ws.store.write(|tx| import::undo(tx, &summary.batch_id)) {
        Err(Error::Referenced { id, references, .. }) => {
            assert_eq!(id, hit.id);
            assert_eq!(references[0].count, 1);
        }
        other => panic!("expected Referenced, got {other:?}"),
    }
    assert_eq!(fingerprint(&ws), before, "nothing undone");
}

#[test]
fn a_saved_mapping_is_reused_for_the_next_file_with_the_same_headers() {
    let ws = common::empty();
    let path = write(&ws, "a.csv", b"Chi,Dove,Posta\nRossi,Alfa,r@alfa.example\n");
    let inspection = ws.store.read(|c| import::inspect(c, &path, Kind::Contacts, &ReadOptions::default())).expect("inspect");
    assert!(!inspection.mapping_saved);
    let mut mapping = inspection.mapping.clone();
    for (column, field) in mapping.columns.iter_mut().zip([Field::LastName, Field::Organisation, Field::Email]) {
        column.field = Some(field);
    }
    let options = Options { mapping: Some(mapping.clone()), ..Default::default() };
    commit(&ws, &path, &options).expect("commit");
    let next = write(&ws, "b.csv", b"CHI,dove,posta\nBianchi,Beta,b@beta.example\n");
    let inspection = ws.store.read(|c| import::inspect(c, &next, Kind::Contacts, &ReadOptions::default())).expect("inspect");
    assert!(inspection.mapping_saved);
    assert_eq!(inspection.mapping, mapping);
    commit(&ws, &next, &contacts_options()).expect("commit");
    assert_eq!(ws.store.read(|c| search::query(c, "bianchi", 1)).expect("search")[0].subtitle, "Beta");
}

#[test]
fn rejected_rows_are_written_back_with_a_reason() {
    let ws = common::empty();
    let path = write(&ws, "r.csv", "Nome,Cognome,E-mail\nAnna,Rossi,anna@x.example\n,,=cmd|' /C calc'!A0\n".as_bytes());
    let summary = commit(&ws, &path, &contacts_options()).expect("commit");
    assert_eq!((summary.created, summary.rejected), (1, 1));
    let mut out = Vec::new();
    import::write_rejected(&summary, &mut out).expect("write");
    let text = String::from_utf8(out).expect("utf8");
    assert_eq!(text, "\u{FEFF}row,Nome,Cognome,E-mail,reason\n3,,,'=cmd|' /C calc'!A0,missing_name\n");
}

fn assert_refused(ws: &common::Workspace, name: &str, bytes: &[u8], problem: ImportProblem) {
    let before = fingerprint(ws);
    let path = write(ws, name, bytes);
    match commit(ws, &path, &contacts_options()) {
        Err(Error::Import { file, problem: p, .. }) => {
            assert_eq!(file, name);
            assert_eq!(p, problem, "{name}");
        }
        other => panic!("{name}: expected an import error, got {other:?}"),
    }
    assert_eq!(fingerprint(ws), before, "{name}: the workspace is unchanged");
}

#[test]
fn bad_files_are_refused_by_name_and_leave_the_workspace_unchanged() {
    let ws = common::demo();
    assert_refused(&ws, "fake.xlsx", b"Nome,Cognome\nAnna,Rossi\n", ImportProblem::NotThisFormat);
    assert_refused(&ws, "fake.vcf", b"Nome,Cognome\nAnna,Rossi\n", ImportProblem::NotThisFormat);
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.resize(1024, 0);
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    encrypted.resize(4096, 0);
    assert_refused(&ws, "protetto.xlsx", &encrypted, ImportProblem::Encrypted);
    assert_refused(&ws, "broken.xlsx", b"PK\x03\x04 not really a zip", ImportProblem::NotThisFormat);

    let mut photos = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    photos.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).expect("zip");
    photos.write_all(b"<w:document/>").expect("zip");
    assert_refused(&ws, "lettera.xlsx", &photos.finish().expect("zip").into_inner(), ImportProblem::NotThisFormat);

    let mut bomb = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    bomb.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated)).expect("zip");
    let zeros = vec![b' '; 1024 * 1024];
    for _ in 0..40 {
        bomb.write_all(&zeros).expect("zip");
    }
    let bomb = bomb.finish().expect("zip").into_inner();
    assert!(bomb.len() < 1024 * 1024);
    assert_refused(&ws, "bomb.xlsx", &bomb, ImportProblem::TooLarge);

    match commit(&ws, &write(&ws, "nul.csv", b"Nome,Cognome\nAnna,Rossi\nLuca,Bi\0anchi\n"), &contacts_options()) {
        Err(Error::Import { problem: ImportProblem::NulByte, row, .. }) => assert_eq!(row, Some(3)),
        other => panic!("expected a NUL byte error, got {other:?}"),
    }
    assert_refused(&ws, "nul.csv", b"Nome,Cognome\nAnna,Rossi\nLuca,Bi\0anchi\n", ImportProblem::NulByte);
    assert_refused(&ws, "empty.csv", b"", ImportProblem::Empty);

    // A 500 MB sheet is refused from its size, before anything is read (a sparse file here).
    let huge = ws.dir.path().join("huge.csv");
    std::fs::File::create(&huge).expect("create").set_len(500 * 1024 * 1024).expect("grow");
    let before = fingerprint(&ws);
    assert!(matches!(commit(&ws, &huge, &contacts_options()), Err(Error::Import { problem: ImportProblem::TooLarge, .. })));
    assert_eq!(fingerprint(&ws), before);
    let e = commit(&ws, &huge, &contacts_options()).expect_err("too large");
    assert_eq!(e.code(), "import");
    assert_eq!(e.to_string(), "cannot import huge.csv: it holds more than Ponte can import at once; split it into smaller files (too_large)");
}

#[test]
fn participants_need_a_mission() {
    let ws = common::demo();
    let path = write(&ws, "p.xlsx", &xlsx_participants());
    let options = Options { kind: Kind::Participants, ..Default::default() };
    assert!(matches!(commit(&ws, &path, &options), Err(Error::Invalid { field: "missionId", .. })));
}

const TESTDATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/testdata");

fn testdata(folder: &str) -> Option<Vec<PathBuf>> {
    let dir = Path::new(TESTDATA).join(folder);
    if !dir.is_dir() {
        println!("skipped: ../shared/testdata not present");
        return None;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir).expect("dir").map(|e| e.expect("entry").path()).collect();
    files.sort();
    Some(files)
}

#[test]
fn every_outside_csv_file_reads_as_its_project_expects() {
    let Some(files) = testdata("csv") else { return };
    let s = |rows: &[&[&str]]| -> Vec<Vec<String>> { rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect() };
    let expected: Vec<(&str, Vec<Vec<String>>)> = vec![
        ("spectrum_comma_in_quotes.csv", s(&[&["first", "last", "address", "city", "zip"], &["John", "Doe", "120 any st.", "Anytown, WW", "08123"]])),
        ("spectrum_empty.csv", s(&[&["a", "b", "c"], &["1", "", ""], &["2", "3", "4"]])),
        ("spectrum_empty_crlf.csv", s(&[&["a", "b", "c"], &["1", "", ""], &["2", "3", "4"]])),
        ("spectrum_escaped_quotes.csv", s(&[&["a", "b"], &["1", "ha \"ha\" ha"], &["3", "4"]])),
        ("spectrum_json.csv", s(&[&["key", "val"], &["1", "{\"type\": \"Point\", \"coordinates\": [102.0, 0.5]}"]])),
        ("spectrum_newlines.csv", s(&[&["a", "b", "c"], &["1", "2", "3"], &["Once upon \na time", "5", "6"], &["7", "8", "9"]])),
        // The copy here has LF line ends despite its name (the upstream file has CRLF).
        ("spectrum_newlines_crlf.csv", s(&[&["a", "b", "c"], &["1", "2", "3"], &["Once upon \na time", "5", "6"], &["7", "8", "9"]])),
        ("spectrum_quotes_and_newlines.csv", s(&[&["a", "b"], &["1", "ha \n\"ha\" \nha"], &["3", "4"]])),
        ("spectrum_simple.csv", s(&[&["a", "b", "c"], &["1", "2", "3"]])),
        ("spectrum_simple_crlf.csv", s(&[&["a", "b", "c"], &["1", "2", "3"]])),
        ("spectrum_utf8.csv", s(&[&["a", "b", "c"], &["1", "2", "3"], &["4", "5", "ʤ"]])),
        ("csvkit_test_latin1.csv", s(&[&["a", "b", "c"], &["1", "2", "3"], &["4", "5", "©"]])),
        ("csvkit_test_utf16_little.csv", s(&[&["a", "b", "c"], &["1", "2", "3"], &["4", "5", "ʤ"]])),
        ("csvkit_test_utf8_bom.csv", s(&[&["foo", "bar", "baz"], &["1", "2", "3"], &["4", "5", "ʤ"]])),
        ("csvkit_mac_newlines.csv", s(&[&["a", "b", "c"], &["1", "2", "3"], &["Once upon\ra time", "5", "6"]])),
        ("csvkit_optional_quote_characters.csv", s(&[&["a", "b", "c"], &["1", "2", "3"]])),
        ("csvkit_test_locale.csv", s(&[&["a", "b", "c"], &["1,7", "200.000.000", ""]])),
        ("csvkit_bad.csv", s(&[&["column_a", "column_b", "column_c"], &["1", "27", "", "I'm too long!"], &["", "I'm too short!"], &["0", "mixed types.... uh oh", "17"]])),
    ];
    for file in &files {
        let name = file.file_name().expect("name").to_string_lossy().to_string();
        let rows = import::read_rows(file, &ReadOptions::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let cells: Vec<Vec<String>> = rows.into_iter().map(|r| r.cells.to_vec()).collect();
        match expected.iter().find(|(n, _)| *n == name) {
            Some((_, want)) => assert_eq!(&cells, want, "{name}"),
            None => panic!("{name}: no expectation written for this file"),
        }
        // Each also goes through a whole preview without failing.
        let ws = common::empty();
        ws.store.read(|c| import::preview(c, file, &contacts_options())).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let ws = common::empty();
    let bad = files.iter().find(|f| f.ends_with("csvkit_bad.csv")).expect("bad.csv");
    let preview = ws.store.read(|c| import::preview(c, bad, &contacts_options())).expect("preview");
    assert!(preview.rows.iter().any(|r| r.problems.iter().any(|p| p.issue == import::Issue::ExtraCells)), "the long row is flagged");
}

#[test]
fn every_outside_vcard_file_imports_its_cards() {
    let Some(files) = testdata("vcf") else { return };
    for file in &files {
        let name = file.file_name().expect("name").to_string_lossy().to_string();
        let ws = common::empty();
        let inspection = ws.store.read(|c| import::inspect(c, file, Kind::Contacts, &ReadOptions::default())).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(inspection.format, Format::Vcard, "{name}");
        assert!(inspection.row_count >= 1, "{name}: no card read");
        let summary = commit(&ws, file, &contacts_options()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(summary.created + summary.updated + summary.unchanged + summary.rejected + summary.skipped, inspection.row_count, "{name}");
        assert!(summary.created >= 1, "{name}: nothing created ({:?})", summary.rejected_rows);
        let ok: String = ws.store.read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)).expect("check");
        assert_eq!(ok, "ok");
    }
}

#[test]
fn an_update_never_moves_a_contact_to_another_organisation() {
    let ws = common::empty();
    let org = ws.store.write(|tx| ponte::organisations::create(tx, &ponte::organisations::OrganisationInput { name: "Takeda".into(), ..Default::default() })).expect("org");
    let existing = ws
        .store
        .write(|tx| contacts::create(tx, &contacts::ContactInput { organisation_id: Some(org.id.clone()), last_name: "Sato".into(), email: "sato@takeda.example".into(), ..Default::default() }))
        .expect("contact");
    let path = write(&ws, "g.csv", b"Last Name,Company,Email,Job Title\nSato,Shionogi,sato@takeda.example,Director\n");
    let summary = commit(&ws, &path, &contacts_options()).expect("commit");
    assert_eq!((summary.created, summary.updated), (0, 1));
    let after = ws.store.read(|c| contacts::get(c, &existing.id)).expect("get");
    assert_eq!((after.organisation_name.as_deref(), after.role.as_str()), (Some("Takeda"), "Director"));
    assert_eq!(count(&ws, "organisations"), 1, "no organisation made for nobody");
    assert_eq!(after.notes, "Organisation: Shionogi", "the file's other organisation is not lost");
}

/// Rewrites one part of an XLSX with `edit`.
fn rewrite_part(xlsx: &[u8], part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("xlsx");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry");
        let name = entry.name().expect("entry name").to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read");
        if name == part {
            bytes = edit(String::from_utf8(bytes).expect("utf8")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("zip");
        out.write_all(&bytes).expect("zip");
    }
    out.finish().expect("zip").into_inner()
}

/// Rewrites an XLSX so that it uses the 1904 date system (as Excel for Mac once did).
fn with_1904_dates(xlsx: &[u8]) -> Vec<u8> {
    rewrite_part(xlsx, "xl/workbook.xml", |xml| {
        assert!(xml.contains("<workbookPr"), "{xml}");
        xml.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
    })
}

#[test]
fn dates_read_right_in_workbooks_of_both_date_systems() {
    use rust_xlsxwriter::{Format as XFormat, Workbook};
    let ws = common::empty();
    let date = XFormat::new().set_num_format("yyyy-mm-dd");
    // The same day is serial 45845 counted from 1900 and 44383 counted from 1904.
    let book = |serial: f64| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "Cognome").expect("c");
        sheet.write_string(0, 1, "Data consenso").expect("c");
        sheet.write_string(1, 0, "Rossi").expect("c");
        sheet.write_number_with_format(1, 1, serial, &date).expect("c");
        book.save_to_buffer().expect("xlsx")
    };
    let d1900 = write(&ws, "d1900.xlsx", &book(45845.0));
    let d1904 = write(&ws, "d1904.xlsx", &with_1904_dates(&book(44383.0)));
    for path in [d1900, d1904] {
        let rows = import::read_rows(&path, &ReadOptions::default()).expect("rows");
        assert_eq!(&rows[1].cells[1], "2025-07-07", "{}", path.display());
    }
    let summary = commit(&ws, &ws.dir.path().join("d1904.xlsx"), &contacts_options()).expect("commit");
    assert_eq!(summary.created, 1);
    let c = ws.store.read(|c| search::query(c, "rossi", 1)).expect("search").remove(0);
    assert_eq!(ws.store.read(|x| contacts::get(x, &c.id)).expect("get").lawful_basis_on, "2025-07-07");
}

#[test]
fn progress_is_reported_up_to_the_total() {
    let ws = common::empty();
    let mut csv = String::from("Nome,Cognome\n");
    for i in 0..2500 {
        csv.push_str(&format!("N{i},C{i}\n"));
    }
    let path = write(&ws, "p.csv", csv.as_bytes());
    let mut seen = Vec::new();
    ws.store.write(|tx| import::commit(tx, &path, &contacts_options(), &mut |done, total| seen.push((done, total)))).expect("commit");
    assert_eq!(seen, vec![(1000, 2500), (2000, 2500), (2500, 2500)]);
}

#[test]
fn google_and_outlook_contact_exports_import_with_their_own_headers() {
    let ws = common::empty();
    let google = "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value\n\
健,,中村,けん,,なかむら,,,,,国立循環器病研究センター,部長,,,展示会で名刺交換,,* myContacts,Work,ken.nakamura@ncvc.example,Home,ken@home.example,Mobile,+81 90-1234-5678\n";
    let path = write(&ws, "contacts.csv", google.as_bytes());
    let inspection = ws.store.read(|c| import::inspect(c, &path, Kind::Contacts, &ReadOptions::default())).expect("inspect");
    assert_eq!(inspection.layout, Some("google_contacts"));
    commit(&ws, &path, &contacts_options()).expect("commit");
    let hit = ws.store.read(|c| search::query(c, "なかむら", 1)).expect("search").remove(0);
    let ken = ws.store.read(|c| contacts::get(c, &hit.id)).expect("get");
    assert_eq!((ken.display_name.as_str(), ken.name_reading.as_str(), ken.role.as_str()), ("中村 健", "なかむら けん", "部長"));
    assert_eq!((ken.email.as_str(), ken.phone.as_str()), ("ken.nakamura@ncvc.example", "+81 90-1234-5678"));
    assert_eq!(ken.organisation_name.as_deref(), Some("国立循環器病研究センター"));
    assert!(ken.notes.contains("展示会で名刺交換") && ken.notes.contains("E-mail 2 - Value: ken@home.example"), "{}", ken.notes);

    let outlook = "First Name,Middle Name,Last Name,Title,Suffix,Company,Department,Job Title,Business Street,Business City,Business Country/Region,Business Phone,Mobile Phone,E-mail Address,E-mail 2 Address,Notes\n\
Sarah,,Bennett,Dr.,,MassChallenge HealthTech,,Program Director,21 Drydock Ave,Boston,United States,(617) 555-0123,(617) 555-0199,sarah.bennett@masschallenge.example,,Met at Boston kickoff\n";
    let path = write(&ws, "outlook.csv", outlook.as_bytes());
    let inspection = ws.store.read(|c| import::inspect(c, &path, Kind::Contacts, &ReadOptions::default())).expect("inspect");
    assert_eq!(inspection.layout, Some("outlook"));
    let options = Options { default_country: "US".into(), ..Default::default() };
    commit(&ws, &path, &options).expect("commit");
    let hit = ws.store.read(|c| search::query(c, "bennett", 1)).expect("search").remove(0);
    let sarah = ws.store.read(|c| contacts::get(c, &hit.id)).expect("get");
    assert_eq!((sarah.role.as_str(), sarah.city.as_str(), sarah.country.as_str(), sarah.phone.as_str()), ("Program Director", "Boston", "US", "(617) 555-0123"));
    assert!(sarah.notes.contains("Mobile Phone: (617) 555-0199"), "{}", sarah.notes);

    // The same person from a phone's vCard, with her mobile in national form: one contact.
    let vcard = "BEGIN:VCARD\nVERSION:3.0\nN:Bennett;Sarah;;;\nTEL;TYPE=CELL:(617) 555-0123\nEND:VCARD\n";
    let path = write(&ws, "sarah.vcf", vcard.as_bytes());
    let summary = commit(&ws, &path, &options).expect("commit");
    assert_eq!((summary.created, summary.unchanged), (0, 1));
}

#[test]
fn the_search_rows_an_import_writes_are_those_the_triggers_would_write() {
    let ws = common::empty();
    let csv = "Nome,Cognome,Lettura cognome,Azienda,E-mail,Ruolo,Città\n\
由紀,佐藤,さとう,Takeda,yuki@takeda.example,研究員,大阪\n\
Nicolò,Città,,,nicolo@example.it,,Forlì\n\
,Müller,,Charité,,Arzt,\n";
    let path = write(&ws, "s.csv", csv.as_bytes());
    let options = Options {
        mapping: Some(import::Mapping {
            columns: ["Nome", "Cognome", "Lettura cognome", "Azienda", "E-mail", "Ruolo", "Città"]
                .iter()
                .zip([Field::FirstName, Field::LastName, Field::LastNameReading, Field::Organisation, Field::Email, Field::Role, Field::City])
                .map(|(h, f)| import::Column { header: h.to_string(), field: Some(f) })
                .collect(),
        }),
        ..Default::default()
    };
    commit(&ws, &path, &options).expect("commit");
    let docs = |ws: &common::Workspace| -> Vec<(String, String, Option<String>)> {
        ws.store
            .read(|c| {
                let mut stmt = c.prepare("SELECT title, subtitle, parent_id FROM search_docs ORDER BY ref_id")?;
                let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .expect("docs")
    };
    let words = ["佐藤", "さとう", "takeda", "yuki", "研究員", "大阪", "citta", "nicolo", "forli", "muller", "charite", "arzt", "example"];
    let found = |ws: &common::Workspace| -> Vec<Vec<String>> {
        words.iter().map(|w| ws.store.read(|c| search::query(c, w, 50)).expect("search").into_iter().map(|h| h.id).collect()).collect()
    };
    let (imported_docs, imported_found) = (docs(&ws), found(&ws));
    assert_eq!(imported_docs.len(), 5, "three contacts and two organisations");
    // Touching each row makes the update triggers index it the triggers' way.
    ws.store
        .write(|tx| Ok(tx.execute_batch("UPDATE contacts SET first_name = first_name; UPDATE organisations SET name = name")?))
        .expect("touch");
    assert_eq!(docs(&ws), imported_docs);
    assert_eq!(found(&ws), imported_found);
    assert!(imported_found.iter().all(|ids| !ids.is_empty()), "every word finds something: {imported_found:?}");
}

/// LibreOffice, when installed (scripts/setup.sh installs it): converts `src` to `ext` next to it.
fn libreoffice_convert(src: &Path, ext: &str) -> Option<PathBuf> {
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|n| std::process::Command::new(n).arg("--version").output().is_ok_and(|o| o.status.success()))?;
    let dir = src.parent().expect("dir");
    let out = std::process::Command::new(soffice)
        .arg(format!("-env:UserInstallation=file://{}", dir.join("lo-profile").display()))
        .args(["--headless", "--convert-to", ext, "--outdir"])
        .arg(dir)
        .arg(src)
        .output()
        .expect("run LibreOffice");
    let converted = src.with_extension(ext);
    assert!(converted.exists(), "LibreOffice did not write {}: {}", converted.display(), String::from_utf8_lossy(&out.stderr));
    Some(converted)
}

#[test]
fn xls_and_ods_workbooks_written_by_libreoffice_import_like_the_xlsx() {
    for (ext, format) in [("xls", Format::Xls), ("ods", Format::Ods)] {
        let ws = common::demo();
        let xlsx = write(&ws, "partecipanti.xlsx", &xlsx_participants());
        let Some(book) = libreoffice_convert(&xlsx, ext) else {
            println!("skipped: LibreOffice is not installed (scripts/setup.sh installs it)");
            return;
        };
        if format == Format::Xls {
            assert_eq!(&std::fs::read(&book).expect("read")[..4], &[0xD0, 0xCF, 0x11, 0xE0], "a real BIFF8 (OLE) file");
        }
        let read = ReadOptions { sheet: Some("Partecipanti".into()), ..Default::default() };
        let inspection = ws.store.read(|c| import::inspect(c, &book, Kind::Participants, &read)).expect("inspect");
        assert_eq!(inspection.format, format);
        assert_eq!(inspection.sheets, vec!["Istruzioni", "Partecipanti"]);
        assert_eq!(inspection.header_row, 3, "{ext}");
        assert_eq!(inspection.sample[0][4], "393471234567", "{ext}: a phone number stays digits");
        assert_eq!(inspection.sample[0][6], "2025-07-06", "{ext}: a date cell is a date");
        assert_eq!(inspection.sample[1][1], "田中", "{ext}: kanji survive");
        let mission = osaka(&ws);
        let options = Options { kind: Kind::Participants, mission_id: Some(mission.clone()), read, ..Default::default() };
        let summary = commit(&ws, &book, &options).expect("commit");
        assert_eq!((summary.created, summary.rejected), (3, 0), "{ext}");
        let delegates = ws.store.read(|c| ponte::missions::delegates(c, &mission)).expect("delegates");
        assert!(delegates.iter().any(|d| d.name == "田中 浩" && d.arrives_on.as_deref() == Some("2025-07-06")), "{ext}");
    }
}

#[test]
fn a_workbook_encrypted_with_a_password_by_a_real_tool_is_refused_as_such() {
    let ws = common::demo();
    let plain = write(&ws, "chiaro.xlsx", &xlsx_participants());
    let locked = ws.dir.path().join("protetto.xlsx");
    let tool = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tools/encrypt_xlsx.py");
    let out = std::process::Command::new("python3")
        .arg(tool)
        .arg(&plain)
        .arg(&locked)
        .arg("segreto")
        .output()
        .expect("python3 must be installed");
    assert!(
        out.status.success(),
        "msoffcrypto-tool could not encrypt the workbook (scripts/setup.sh installs it): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&locked).expect("read");
    assert_eq!(&bytes[..4], &[0xD0, 0xCF, 0x11, 0xE0], "an encrypted OOXML file is an OLE container");
    assert_refused(&ws, "protetto.xlsx", &bytes, ImportProblem::Encrypted);
}

#[test]
fn an_import_says_once_when_its_rows_are_matched_and_its_backup_then_holds_the_state_before_it() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    for (name, kind, bytes) in [
        ("people.csv", Kind::Contacts, "Nome;Cognome;E-mail\nKeiko;Fujita;k.fujita@example.jp\nKeiko;Fujita;K.Fujita@example.jp\nAda;Lovelace;ada@example.org\n"),
        ("members.csv", Kind::Members, "Azienda;Nome;Cognome;E-mail\nBioNova;Anna;Ferri;anna@bionova.example\n"),
    ] {
        let ws = common::demo();
        let file = write(&ws, name, bytes.as_bytes());
        let before = ws.store.read(ponte::workspace::counts).expect("counts");
        let signals = AtomicUsize::new(0);
        let options = Options { kind, ..Options::default() };
        let (summary, taken) = ponte::backup::with_before_import(&ws.store, |tx, spare_core| {
            let counted = || {
                signals.fetch_add(1, Ordering::SeqCst);
                spare_core();
            };
            import::commit_beside(tx, &file, &options, &mut |_, _| {}, &counted)
        })
        .expect("import with its backup");
        assert_eq!(signals.load(Ordering::SeqCst), 1, "{name}: one signal, once the rows are matched");
        assert!(summary.created >= 1, "{name}: {summary:?}");
        assert_ne!(ws.store.read(ponte::workspace::counts).expect("counts"), before, "{name}: the import is committed");
        let held = ponte::backup::preview(&taken.file, None).expect("preview").counts;
        assert_eq!(held, Some(before), "{name}: the backup is the state before the import");
    }
}

/// A participant list of `n` people across several blocks of rows: names in four languages, a
/// phone number stored as a number, every 997th row without a name (rejected), and row 9,000 (when
/// there is one) the same person as row 10. As an XLSX starting at column `first_column`, and as
/// the same rows in CSV.
fn many_people(n: usize, first_column: u16) -> (Vec<u8>, String) {
    let surnames = ["Rossi", "Müller", "田中", "Dubois", "Nakamura", "Bianchi"];
    let headers = ["Nome", "Cognome", "Azienda", "E-mail", "Telefono"];
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let mut csv = headers.join(",") + "\n";
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, first_column + c as u16, *h).expect("cell");
    }
    for i in 1..=n {
        let row = i as u32;
        let email = if i == 9000 { "p10@x.example".to_owned() } else { format!("p{i}@x.example") };
        let (first, last) = if i % 997 == 0 { (String::new(), String::new()) } else { (format!("N{i}"), surnames[i % surnames.len()].to_owned()) };
        let org = format!("Org {}", i % 50);
        let phone = 390_212_000_000u64 + i as u64;
        for (c, value) in [&first, &last, &org].iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(row, first_column + c as u16, value.as_str()).expect("cell");
            }
        }
        if i % 997 != 0 {
            sheet.write_string(row, first_column + 3, &email).expect("cell");
            sheet.write_number(row, first_column + 4, phone as f64).expect("cell");
            csv.push_str(&format!("{first},{last},{org},{email},{phone}\n"));
        } else {
            csv.push_str(&format!(",,{org},,\n"));
        }
    }
    (book.save_to_buffer().expect("xlsx"), csv)
}

/// What importing `csv` into an empty workspace makes.
fn outcome_of_csv(csv: &str) -> (Vec<usize>, Vec<String>, Vec<(usize, String)>) {
    let ws = common::empty();
    let path = write(&ws, "people.csv", csv.as_bytes());
    let summary = commit(&ws, &path, &contacts_options()).expect("csv");
    outcome(&ws, &summary)
}

/// What an import made: its counts, the names in the workspace, and the rejected rows.
fn outcome(ws: &common::Workspace, summary: &import::Summary) -> (Vec<usize>, Vec<String>, Vec<(usize, String)>) {
    let counts = vec![summary.created, summary.updated, summary.unchanged, summary.skipped, summary.rejected];
    (counts, names(ws), summary.rejected_rows.iter().map(|r| (r.row, r.reason.clone())).collect())
}

#[test]
fn a_workbook_matched_while_it_is_read_imports_what_the_same_rows_in_csv_import() {
    let (xlsx, csv) = many_people(10_000, 0);
    let expected = outcome_of_csv(&csv);
    assert_eq!(expected.0, vec![9_989, 0, 1, 0, 10], "created, updated, folded, skipped, rejected");

    let ws = common::empty();
    let path = write(&ws, "people.xlsx", &xlsx);
    let mut seen = Vec::new();
    let summary = ws.store.write(|tx| import::commit(tx, &path, &contacts_options(), &mut |done, total| seen.push((done, total)))).expect("xlsx");
    assert_eq!(outcome(&ws, &summary), expected);
    assert_eq!(seen.last(), Some(&(10_000, 10_000)), "progress ends at the rows stored");
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0 && w[0].0 <= w[0].1), "{seen:?}");
    let folded: i64 = ws.store.read(|c| Ok(c.query_row("SELECT count(*) FROM contacts WHERE email = 'p10@x.example'", [], |r| r.get(0))?)).expect("count");
    assert_eq!(folded, 1, "row 9,000 is folded into row 10's contact, three blocks earlier");
    // Imported again: every row is someone already there.
    let again = commit(&ws, &path, &contacts_options()).expect("again");
    assert_eq!((again.created, again.rejected), (0, 10));
}

#[test]
fn a_workbook_whose_rows_are_out_of_order_or_right_of_column_a_imports_all_the_same() {
    let (xlsx, csv) = many_people(6_000, 0);
    let expected = outcome_of_csv(&csv);

    // The first person's row listed last: seen only after every other row was stored.
    let unordered = rewrite_part(&xlsx, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<row r=\"2\"").expect("row 2");
        let end = start + xml[start..].find("</row>").expect("end of row 2") + "</row>".len();
        let row = xml[start..end].to_owned();
        xml.replacen(&row, "", 1).replacen("</sheetData>", &format!("{row}</sheetData>"), 1)
    });
    let (shifted, _) = many_people(6_000, 1);
    // In the last five columns: counted from column A, its rows would hold 98 million cells.
    let (far_right, _) = many_people(6_000, 16_379);
    for (name, bytes) in [("unordered.xlsx", unordered), ("shifted.xlsx", shifted), ("far-right.xlsx", far_right)] {
        let ws = common::empty();
        let path = write(&ws, name, &bytes);
        let summary = commit(&ws, &path, &contacts_options()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(outcome(&ws, &summary), expected, "{name}");
        assert_eq!(count(&ws, "import_batches"), 1, "{name}: one batch, nothing left of the first attempt");
    }
}

#[test]
fn a_workbook_refused_after_its_first_rows_were_stored_leaves_the_workspace_unchanged() {
    let (xlsx, _) = many_people(6_000, 0);
    // A cell in the last column, below the first blocks: the sheet's rectangle is then 6,001
    // rows of 16,384 columns, beyond what Ponte lays out.
    let far = rewrite_part(&xlsx, "xl/worksheets/sheet1.xml", |xml| {
        xml.replacen("</sheetData>", "<row r=\"6001\"><c r=\"XFD6001\"><v>1</v></c></row></sheetData>", 1)
    });
    let ws = common::demo();
    assert_refused(&ws, "far.xlsx", &far, ImportProblem::TooLarge);
    let path = ws.dir.path().join("far.xlsx");
    let preview = ws.store.read(|c| import::preview(c, &path, &contacts_options()));
    assert!(matches!(preview, Err(Error::Import { problem: ImportProblem::TooLarge, .. })), "the preview reads it whole and refuses it too: {preview:?}");
}

/// The import stores contacts with SQLite's CHECK constraints off (they cost it 0.15 s per
/// 100,000 rows): after it, whether it succeeded or was refused midway, the same connection
/// refuses a value outside the schema's list again.
#[test]
fn the_workspace_checks_its_values_again_after_an_import() {
    let refused_basis = |ws: &common::Workspace, when: &str| {
        let checks: i64 = ws.store.read(|c| Ok(c.query_row("PRAGMA ignore_check_constraints", [], |r| r.get(0))?)).expect("pragma");
        assert_eq!(checks, 0, "{when}: checks are on");
        let update = ws.store.write(|tx| Ok(tx.execute("UPDATE contacts SET lawful_basis = 'whim' WHERE rowid = (SELECT min(rowid) FROM contacts)", [])?));
        assert!(matches!(&update, Err(e) if e.to_string().contains("CHECK")), "{when}: a lawful basis outside the list is refused: {update:?}");
        // A contact written as the import writes one.
        let insert = ws.store.write(|tx| {
            Ok(tx.execute(
                "INSERT INTO contacts (id, organisation_id, first_name, last_name, name_reading, role, email, phone,
                    country, language, city, notes, source, lawful_basis, lawful_basis_on, import_batch_id, created_at, updated_at)
                 VALUES ('x', NULL, 'A', 'B', '', '', '', '', '', '', '', '', '', 'whim', '2026-01-01', NULL, 'now', 'now')",
                [],
            )?)
        });
        assert!(matches!(&insert, Err(e) if e.to_string().contains("CHECK")), "{when}: {insert:?}");
    };

    let ws = common::empty();
    let path = write(&ws, "people.csv", PEOPLE_CSV.as_bytes());
    let summary = commit(&ws, &path, &contacts_options()).expect("import");
    assert_eq!(summary.created, 2);
    refused_basis(&ws, "after an import");

    let (xlsx, _) = many_people(6_000, 0);
    let far = rewrite_part(&xlsx, "xl/worksheets/sheet1.xml", |xml| {
        xml.replacen("</sheetData>", "<row r=\"6001\"><c r=\"XFD6001\"><v>1</v></c></row></sheetData>", 1)
    });
    let path = write(&ws, "far.xlsx", &far);
    assert!(commit(&ws, &path, &contacts_options()).is_err(), "refused after its first rows were stored");
    refused_basis(&ws, "after a refused import");
}
