//! Contact exports read back by programs Ponte did not write: LibreOffice and openpyxl for the
//! CSV and XLSX, vobject for vCards, Python's csv module against the published Google and
//! Outlook headers. Names with accents, kanji, emoji, commas, semicolons and newlines must come
//! back unchanged, and no cell may become a formula.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use ponte::contacts::{self, ContactInput};
use ponte::export::{self, Column, Format, Options, Selection, Separator};
use ponte::organisations::{self, OrganisationInput};
use ponte::{missions, Store};
use serde_json::{json, Value};

/// A contact as the fixture writes it; `role` may hold what validation would refuse (a tab), as a
/// partner's spreadsheet can.
struct Person {
    first: &'static str,
    last: &'static str,
    reading: &'static str,
    organisation: &'static str,
    role: &'static str,
    email: &'static str,
    phone: &'static str,
    notes: &'static str,
    tags: &'static [&'static str],
}

const PEOPLE: &[Person] = &[
    Person { first: "Nicolò", last: "Città", reading: "", organisation: "Università Bocconi, Milano; sede", role: "=1+2", email: "nicolo.citta@example.it", phone: "+39 02 1234", notes: "riga uno\nriga due; con virgola, e \\ barra", tags: &["ageing, longevity", "medtech"] },
    Person { first: "由美", last: "山田", reading: "やまだ ゆみ", organisation: "大阪商工会議所", role: "-5", email: "h.tanaka@example.jp", phone: "+81 6 0000 0001", notes: "東京大学との打ち合わせ、再生医療の共同研究について。東京大学との打ち合わせ、再生医療の共同研究について。", tags: &["regenerative medicine"] },
    Person { first: "Zoë 🚀", last: "O'Neill, Jr.", reading: "", organisation: "Mass General Brigham", role: "@SUM(1,1)", email: "zoe@example.com", phone: "", notes: "x\";=1", tags: &[] },
    Person { first: "Ann;a", last: "Lee", reading: "", organisation: "", role: "\t=1", email: "", phone: "(617) 555-0100", notes: "", tags: &[] },
    Person { first: "<img src=x onerror=alert(1)>", last: "Evil", reading: "", organisation: "", role: "+1+cmd|' /C calc'!A0", email: "", phone: "", notes: "\r=1", tags: &["medtech"] },
];

fn fixture(store: &Store) -> Vec<String> {
    store
        .write(|tx| {
            let mut ids = Vec::new();
            for p in PEOPLE {
                let organisation_id = if p.organisation.is_empty() {
                    None
                } else {
                    Some(organisations::create(tx, &OrganisationInput { name: p.organisation.into(), country: "JP".into(), city: "Ōsaka".into(), ..Default::default() })?.id)
                };
                let c = contacts::create(tx, &ContactInput {
                    organisation_id,
                    first_name: p.first.into(),
                    last_name: p.last.into(),
                    name_reading: p.reading.into(),
                    email: p.email.into(),
                    phone: p.phone.into(),
                    notes: p.notes.replace('\r', ""),
                    ..Default::default()
                })?;
                // Role and notes exactly as a partner's sheet may hold them, past validation.
                tx.execute("UPDATE contacts SET role = ?2, notes = ?3 WHERE id = ?1", rusqlite::params![c.id, p.role, p.notes])?;
                for tag in p.tags {
                    tx.execute("INSERT OR IGNORE INTO tags (id, name, created_at) VALUES (?1, ?2, '2025-01-01T00:00:00Z')", rusqlite::params![ponte::fields::new_id(), tag])?;
                    tx.execute(
                        "INSERT INTO contact_tags (id, contact_id, tag_id) SELECT ?1, ?2, id FROM tags WHERE name = ?3",
                        rusqlite::params![ponte::fields::new_id(), c.id, tag],
                    )?;
                }
                ids.push(c.id);
            }
            Ok(ids)
        })
        .expect("fixture")
}

fn person(first: &str) -> &'static Person {
    PEOPLE.iter().find(|p| p.first == first).expect("person")
}

fn run_python(script: &str, args: &[&Path], package: &str) -> Value {
    let path = format!("{}/tests/tools/{script}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .arg(&path)
        .args(args)
        .output()
        .expect("python3 must be installed to read the exports back");
    assert!(
        out.status.success(),
        "{script} failed (is the Python package `{package}` installed? `pip install {package}`):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json from the checker")
}

fn soffice() -> &'static str {
    for name in ["soffice", "libreoffice"] {
        if Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return name;
        }
    }
    panic!("LibreOffice is needed to open the CSV as a spreadsheet would: apt-get install -y --no-install-recommends libreoffice-calc-nogui");
}

/// Opens `csv` in LibreOffice Calc (formulas evaluated, as Excel does) and saves it as XLSX.
fn libreoffice_xlsx(csv: &Path, separator: u8) -> PathBuf {
    let dir = csv.parent().expect("dir");
    let profile = dir.join("lo-profile");
    // Tokens: separator, quote, UTF-8, first line, -, language, quoted as text, detect special
    // numbers, -, -, -, -, evaluate formulas.
    let filter = format!("CSV:{separator},34,76,1,,0,false,true,false,false,false,,true");
    let out = Command::new(soffice())
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "xlsx"])
        .arg(format!("--infilter={filter}"))
        .arg("--outdir")
        .arg(dir)
        .arg(csv)
        .output()
        .expect("run LibreOffice");
    let xlsx = csv.with_extension("xlsx");
    assert!(
        xlsx.exists(),
        "LibreOffice did not convert {}: {}{}",
        csv.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    xlsx
}

fn export(store: &Store, selection: &Selection, format: Format, options: &Options, path: &Path) {
    store
        .read(|c| export::write(c, selection, format, options, path))
        .expect("export");
}

fn all_columns() -> Options {
    Options {
        columns: Some(Column::ALL.to_vec()),
        ..Default::default()
    }
}

/// What a spreadsheet cell of the CSV for Excel should show: the value, neutralised.
fn shown(value: &str) -> String {
    if !value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        value.to_owned()
    } else if value.starts_with('+')
        && value[1..]
            .chars()
            .all(|c| c.is_ascii_digit() || " ()-./".contains(c))
    {
        format!("\u{2060}{value}")
    } else {
        format!("'{value}")
    }
}

fn sheet_rows(dump: &Value) -> Vec<Vec<Value>> {
    serde_json::from_value(dump["sheets"][0]["rows"].clone()).expect("rows")
}

fn column_of(header: &[Value], label: &str) -> usize {
    header
        .iter()
        .position(|h| h == label)
        .unwrap_or_else(|| panic!("no column {label} in {header:?}"))
}

fn row_of<'a>(rows: &'a [Vec<Value>], first_col: usize, first: &str) -> &'a [Value] {
    rows.iter()
        .find(|r| r[first_col] == shown(first))
        .unwrap_or_else(|| panic!("no row for {first}"))
}

fn text(v: &Value) -> String {
    v.as_str().map(str::to_owned).unwrap_or_default()
}

#[test]
fn the_csv_for_excel_opens_in_libreoffice_with_no_formula_and_every_value_as_typed() {
    let ws = common::empty();
    fixture(&ws.store);
    for (separator, byte) in [(Separator::Semicolon, b';'), (Separator::Comma, b',')] {
        let path = ws.dir.path().join(format!("contacts-{byte}.csv"));
        let options = Options {
            separator: Some(separator),
            ..all_columns()
        };
        export(
            &ws.store,
            &Selection::default(),
            Format::Csv,
            &options,
            &path,
        );
        let bytes = std::fs::read(&path).expect("csv");
        assert!(
            bytes.starts_with(b"\xEF\xBB\xBF"),
            "the CSV for Excel starts with a BOM"
        );
        assert!(
            bytes.windows(2).filter(|w| w == b"\r\n").count() > PEOPLE.len(),
            "rows end with CRLF"
        );

        let dump = run_python(
            "xlsx_dump.py",
            &[&libreoffice_xlsx(&path, byte)],
            "openpyxl",
        );
        assert_eq!(
            dump["sheets"][0]["formulas"],
            json!([]),
            "LibreOffice made formulas out of the CSV with separator {byte}"
        );
        let rows = sheet_rows(&dump);
        let header = &rows[0];
        assert_eq!(rows.len(), PEOPLE.len() + 1);
        let (first, last, role, phone, notes, organisation, tags) = (
            column_of(header, "First name"),
            column_of(header, "Last name"),
            column_of(header, "Role"),
            column_of(header, "Phone"),
            column_of(header, "Notes"),
            column_of(header, "Organisation"),
            column_of(header, "Tags"),
        );
        for p in PEOPLE {
            let row = row_of(&rows, first, p.first);
            assert_eq!(text(&row[last]), shown(p.last), "last name of {}", p.first);
            assert_eq!(text(&row[role]), shown(p.role), "role of {}", p.first);
            assert_eq!(text(&row[phone]), shown(p.phone), "phone of {}", p.first);
            // Calc keeps a lone CR as the line break of a cell, LF; the formula guard is still there.
            assert_eq!(
                text(&row[notes]),
                shown(p.notes).replace('\r', "\n"),
                "notes of {}",
                p.first
            );
            assert_eq!(
                text(&row[organisation]),
                p.organisation,
                "organisation of {}",
                p.first
            );
            assert_eq!(text(&row[tags]), p.tags.join(", "), "tags of {}", p.first);
        }
        // The phone reads as typed: the joiner in front is invisible.
        let citta = row_of(&rows, first, "Nicolò");
        assert_eq!(
            text(&citta[phone]).trim_start_matches('\u{2060}'),
            "+39 02 1234"
        );
    }
}

#[test]
fn the_raw_csv_keeps_values_exactly_and_libreoffice_would_run_them_which_proves_the_check_bites() {
    let ws = common::empty();
    fixture(&ws.store);
    let path = ws.dir.path().join("contacts-raw.csv");
    export(
        &ws.store,
        &Selection::default(),
        Format::CsvRaw,
        &all_columns(),
        &path,
    );
    let bytes = std::fs::read(&path).expect("csv");
    assert!(
        !bytes.starts_with(b"\xEF\xBB\xBF"),
        "the raw CSV has no BOM"
    );
    // Read by Python's csv module: values come back byte for byte.
    let script = "import csv,json,sys\nrows=list(csv.DictReader(open(sys.argv[1],encoding='utf-8',newline='')))\njson.dump(rows,sys.stdout,ensure_ascii=False)";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&path)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).expect("json");
    for p in PEOPLE {
        let row = rows
            .iter()
            .find(|r| r["firstName"] == p.first)
            .expect("row");
        assert_eq!(row["role"], p.role);
        assert_eq!(row["notes"], p.notes);
        assert_eq!(row["lastName"], p.last);
    }
    // The control: the same values unneutralised do become formulas in the spreadsheet.
    let dump = run_python(
        "xlsx_dump.py",
        &[&libreoffice_xlsx(&path, b',')],
        "openpyxl",
    );
    assert_ne!(
        dump["sheets"][0]["formulas"],
        json!([]),
        "LibreOffice should have evaluated =1+2 in the raw CSV"
    );
}

#[test]
fn the_xlsx_reads_back_in_openpyxl_as_text_cells_with_real_dates_a_table_and_a_frozen_header() {
    let ws = common::demo();
    fixture(&ws.store);
    let path = ws.dir.path().join("contacts.xlsx");
    export(
        &ws.store,
        &Selection::default(),
        Format::Xlsx,
        &all_columns(),
        &path,
    );
    let dump = run_python("xlsx_dump.py", &[&path], "openpyxl");
    let sheet = &dump["sheets"][0];
    assert_eq!(sheet["formulas"], json!([]), "no cell may hold a formula");
    assert_eq!(sheet["freeze_panes"], "A2", "the header row is frozen");
    let tables = sheet["tables"].as_array().expect("tables");
    assert_eq!(tables.len(), 1, "one Excel table");
    assert_eq!(tables[0]["autofilter"], true);
    let rows = sheet_rows(&dump);
    let all = ws
        .store
        .read(|c| export::contacts(c, &Selection::default()))
        .expect("contacts");
    assert_eq!(
        tables[0]["ref"],
        format!(
            "A1:{}{}",
            (b'A' + Column::ALL.len() as u8 - 1) as char,
            all.len() + 1
        )
    );
    let header = &rows[0];
    let (first, role, phone, notes, met, created) = (
        column_of(header, "First name"),
        column_of(header, "Role"),
        column_of(header, "Phone"),
        column_of(header, "Notes"),
        column_of(header, "Last met on"),
        column_of(header, "Created on"),
    );
    for p in PEOPLE {
        let row = rows
            .iter()
            .find(|r| r[first] == p.first)
            .unwrap_or_else(|| panic!("row of {}", p.first));
        // Typed text cells: stored exactly, nothing to neutralise.
        assert_eq!(text(&row[role]), p.role, "role of {}", p.first);
        assert_eq!(text(&row[phone]), p.phone, "phone of {}", p.first);
        // A lone CR becomes the LF that Excel uses for line breaks in a cell.
        assert_eq!(
            text(&row[notes]),
            p.notes.replace('\r', "\n"),
            "notes of {}",
            p.first
        );
        assert!(
            row[created]["date"].is_string(),
            "created on is a date: {:?}",
            row[created]
        );
    }
    let yamada = rows.iter().find(|r| r[first] == "由美").expect("山田");
    assert_eq!(yamada[column_of(header, "Name reading")], "やまだ ゆみ");
    // A demo contact met in Osaka has a real date.
    let sato = rows.iter().find(|r| r[first] == "Yuki").expect("Sato");
    assert_eq!(sato[met], json!({"date": "2025-07-09"}));
    let widths = sheet["widths"].as_object().expect("widths");
    assert!(
        widths.values().all(|w| w.as_f64().unwrap_or(0.0) >= 7.0),
        "every column has a width: {widths:?}"
    );
}

fn check_cards(cards: &[Value], version: &str) {
    assert_eq!(cards.len(), PEOPLE.len());
    for p in PEOPLE {
        let card = cards
            .iter()
            .find(|c| c["given"] == p.first)
            .unwrap_or_else(|| panic!("card of {}", p.first));
        assert_eq!(card["version"], version);
        assert_eq!(card["family"], p.last, "N family of {}", p.first);
        assert_eq!(card["fn"], ponte::fields::display_name(p.first, p.last));
        assert_eq!(card["title"], p.role.replace('\r', "\n"));
        let notes = if p.notes.is_empty() {
            Value::Null
        } else {
            json!(p.notes.replace('\r', "\n"))
        };
        assert_eq!(card["note"], notes, "note of {}", p.first);
        assert_eq!(
            card["org"],
            if p.organisation.is_empty() {
                Value::Null
            } else {
                json!(p.organisation)
            }
        );
        assert_eq!(card["categories"], json!(p.tags));
        assert_eq!(
            card["emails"],
            if p.email.is_empty() {
                json!([])
            } else {
                json!([p.email])
            }
        );
        assert_eq!(
            card["tels"],
            if p.phone.is_empty() {
                json!([])
            } else {
                json!([p.phone])
            }
        );
    }
    let tanaka = cards.iter().find(|c| c["family"] == "山田").expect("山田");
    assert_eq!(
        (
            tanaka["phonetic_last"].as_str(),
            tanaka["phonetic_first"].as_str()
        ),
        (Some("やまだ"), Some("ゆみ"))
    );
    assert_eq!(tanaka["adr"], json!([{"city": "Ōsaka", "country": "JP"}]));
}

#[test]
fn vcards_3_and_4_read_back_in_vobject_with_every_field_unchanged() {
    let ws = common::empty();
    fixture(&ws.store);
    for (format, version) in [(Format::Vcf, "3.0"), (Format::Vcf4, "4.0")] {
        let path = ws.dir.path().join(format!("contacts{}", format.suffix()));
        export(
            &ws.store,
            &Selection::default(),
            format,
            &Options::default(),
            &path,
        );
        let text = std::fs::read_to_string(&path).expect("vcf");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "a line longer than 75 octets: {line}");
        }
        let dump = run_python("vcard_dump.py", &[&path], "vobject");
        check_cards(dump["cards"].as_array().expect("cards"), version);
    }
}

#[test]
fn one_vcard_file_per_contact_goes_into_a_folder_with_distinct_names() {
    let ws = common::empty();
    fixture(&ws.store);
    let dir = ws.dir.path().join("cards");
    let options = Options {
        one_file_per_contact: true,
        ..Default::default()
    };
    export(
        &ws.store,
        &Selection::default(),
        Format::Vcf,
        &options,
        &dir,
    );
    let dump = run_python("vcard_dump.py", &[&dir], "vobject");
    assert_eq!(dump["files"], PEOPLE.len());
    check_cards(dump["cards"].as_array().expect("cards"), "3.0");
}

#[test]
fn google_and_outlook_layouts_carry_their_published_headers_and_the_values() {
    let ws = common::empty();
    fixture(&ws.store);
    let google = ws.dir.path().join("google.csv");
    export(
        &ws.store,
        &Selection::default(),
        Format::GoogleCsv,
        &Options::default(),
        &google,
    );
    let rows = run_python(
        "csv_layout_check.py",
        &[Path::new("google"), &google],
        "(none: standard library)",
    );
    let rows = rows.as_array().expect("rows");
    assert_eq!(rows.len(), PEOPLE.len());
    let tanaka = rows
        .iter()
        .find(|r| r["Last Name"] == "山田")
        .expect("山田");
    assert_eq!(tanaka["First Name"], "由美");
    assert_eq!(tanaka["Phonetic Last Name"], "やまだ");
    assert_eq!(tanaka["Phonetic First Name"], "ゆみ");
    assert_eq!(
        tanaka["Phone 1 - Value"], "+81 6 0000 0001",
        "Google reads phones as typed"
    );
    assert_eq!(
        tanaka["Organization Title"], "'-5",
        "text cells are neutralised for whoever opens the file in a spreadsheet"
    );
    let citta = rows
        .iter()
        .find(|r| r["First Name"] == "Nicolò")
        .expect("Città");
    assert_eq!(citta["Labels"], "ageing, longevity ::: medtech");
    assert_eq!(citta["Notes"], person("Nicolò").notes);
    assert_eq!(citta["E-mail 1 - Value"], "nicolo.citta@example.it");

    let outlook = ws.dir.path().join("outlook.csv");
    export(
        &ws.store,
        &Selection::default(),
        Format::OutlookCsv,
        &Options::default(),
        &outlook,
    );
    let rows = run_python(
        "csv_layout_check.py",
        &[Path::new("outlook"), &outlook],
        "(none: standard library)",
    );
    let rows = rows.as_array().expect("rows");
    let zoe = rows
        .iter()
        .find(|r| r["First Name"] == "Zoë 🚀")
        .expect("Zoë");
    assert_eq!(zoe["Last Name"], "O'Neill, Jr.");
    assert_eq!(zoe["Company"], "Mass General Brigham");
    assert_eq!(zoe["Job Title"], "'@SUM(1,1)");
    assert_eq!(zoe["Notes"], "x\";=1");
    assert_eq!(zoe["E-mail Address"], "zoe@example.com");
}

#[test]
fn a_mission_s_contacts_are_those_met_there_and_a_member_s_those_its_people_met() {
    let ws = common::demo();
    let (osaka, hit, cluster) = ws
        .store
        .read(|c| {
            Ok((
                missions::resolve(c, "osaka")?.id,
                ponte::members::resolve(c, "HIT")?.id,
                ponte::members::resolve(c, "Cluster lombardo")?.id,
            ))
        })
        .expect("ids");
    let names = |selection: &Selection| -> Vec<String> {
        ws.store
            .read(|c| export::contacts(c, selection))
            .expect("contacts")
            .into_iter()
            .map(|c| c.last_name)
            .collect()
    };
    let mission = names(&Selection {
        mission_id: Some(osaka.clone()),
        ..Default::default()
    });
    assert_eq!(
        mission,
        [
            "Ito",
            "Kobayashi",
            "Nakamura",
            "Rossini",
            "Sato",
            "Suzuki",
            "Watanabe",
            "Yamamoto",
            "田中"
        ]
    );
    let luca = names(&Selection {
        mission_id: Some(osaka.clone()),
        member_id: Some(hit.clone()),
        ..Default::default()
    });
    assert_eq!(
        luca,
        [
            "Ito",
            "Kobayashi",
            "Rossini",
            "Sato",
            "Suzuki",
            "Watanabe",
            "Yamamoto",
            "田中"
        ]
    );
    let chiara = names(&Selection {
        member_id: Some(cluster.clone()),
        ..Default::default()
    });
    assert_eq!(
        chiara,
        [
            "Ito",
            "Kobayashi",
            "Nakamura",
            "Rossini",
            "Watanabe",
            "田中"
        ]
    );

    // Where a member's people met a contact is about them: Tanaka met Chiara twice.
    let tanaka = ws
        .store
        .read(|c| {
            export::contacts(
                c,
                &Selection {
                    member_id: Some(cluster.clone()),
                    ..Default::default()
                },
            )
        })
        .expect("contacts")
        .into_iter()
        .find(|c| c.last_name == "田中")
        .expect("田中");
    assert_eq!(
        tanaka.met_at,
        [
            "Forum AGEVITY",
            "Incontro con OCCI – verticale Life Science"
        ]
    );
    assert_eq!(tanaka.last_met_on.as_deref(), Some("2025-07-10"));

    // Contacts imported for the mission count as its contacts too, until the import is undone.
    ws.store
        .write(|tx| {
            tx.execute(
                "INSERT INTO import_batches (id, file_name, kind, mission_id, created_at, updated_at)
                 VALUES ('b1', 'partecipanti.xlsx', 'contacts', ?1, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z')",
                [&osaka],
            )?;
            let c = contacts::create(tx, &ContactInput { first_name: "Kaori".into(), last_name: "Mori".into(), ..Default::default() })?;
            tx.execute("UPDATE contacts SET import_batch_id = 'b1' WHERE id = ?1", [&c.id])?;
            Ok(())
        })
        .expect("import");
    assert!(names(&Selection {
        mission_id: Some(osaka.clone()),
        ..Default::default()
    })
    .contains(&"Mori".to_owned()));
    assert!(
        !names(&Selection {
            mission_id: Some(osaka.clone()),
            member_id: Some(hit.clone()),
            ..Default::default()
        })
        .contains(&"Mori".to_owned()),
        "nobody of HIT met them"
    );
    ws.store
        .write(|tx| {
            Ok(tx.execute(
                "UPDATE import_batches SET undone_at = '2025-07-02T00:00:00Z'",
                [],
            )?)
        })
        .expect("undo");
    assert!(!names(&Selection {
        mission_id: Some(osaka.clone()),
        ..Default::default()
    })
    .contains(&"Mori".to_owned()));

    // A cancelled meeting meets nobody.
    ws.store
        .write(|tx| {
            let shionogi = ponte::meetings::list_of_mission(tx, &osaka)?
                .into_iter()
                .find(|m| m.title.contains("Shionogi"))
                .expect("meeting");
            ponte::meetings::set_status(tx, &shionogi.id, ponte::meetings::MeetingStatus::Cancelled)
        })
        .expect("cancel");
    assert!(!names(&Selection {
        mission_id: Some(osaka.clone()),
        ..Default::default()
    })
    .contains(&"Yamamoto".to_owned()));

    // Explicit ids (the UI's filter) and tags.
    let all = ws
        .store
        .read(|c| export::contacts(c, &Selection::default()))
        .expect("all");
    let two = vec![all[0].id.clone(), all[3].id.clone()];
    assert_eq!(
        ws.store
            .read(|c| export::contacts(
                c,
                &Selection {
                    ids: Some(two.clone()),
                    ..Default::default()
                }
            ))
            .expect("ids")
            .len(),
        2
    );
    ws.store
        .write(|tx| {
            tx.execute("INSERT INTO tags (id, name, created_at) VALUES ('t1', 'Medtech', '2025-01-01T00:00:00Z')", [])?;
            tx.execute("INSERT INTO contact_tags (id, contact_id, tag_id) VALUES ('ct1', ?1, 't1')", [&two[1]])?;
            Ok(())
        })
        .expect("tag");
    let tagged = ws
        .store
        .read(|c| {
            export::contacts(
                c,
                &Selection {
                    tag: Some("medtech".into()),
                    ..Default::default()
                },
            )
        })
        .expect("tag");
    assert_eq!(
        tagged.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        vec![two[1].clone()]
    );
    assert_eq!(tagged[0].tags, ["Medtech"]);
}

#[test]
fn file_names_come_from_the_selection() {
    let ws = common::demo();
    let osaka = ws
        .store
        .read(|c| missions::resolve(c, "osaka"))
        .expect("osaka")
        .id;
    let name = |selection: &Selection, format| {
        ws.store
            .read(|c| export::file_name(c, selection, format))
            .expect("name")
    };
    let mission = Selection {
        mission_id: Some(osaka),
        ..Default::default()
    };
    assert_eq!(
        name(&mission, Format::Xlsx),
        "japan-health-expo-2025-osaka-contacts.xlsx"
    );
    assert_eq!(
        name(&mission, Format::CsvRaw),
        "japan-health-expo-2025-osaka-contacts-raw.csv"
    );
    assert_eq!(name(&Selection::default(), Format::Vcf), "contacts.vcf");
}

#[test]
fn the_member_pack_holds_each_member_s_contacts_cards_and_meetings() {
    let ws = common::demo();
    let osaka = ws
        .store
        .read(|c| missions::resolve(c, "osaka"))
        .expect("osaka")
        .id;
    let dir = ws.dir.path().join("pack");
    let pack = ws
        .store
        .read(|c| export::pack::write(c, &osaka, &dir, "it"))
        .expect("pack");
    assert_eq!(
        pack.members.len(),
        5,
        "every confirmed member of the delegation"
    );
    let hit = pack
        .members
        .iter()
        .find(|m| m.member_name.contains("HIT"))
        .expect("HIT");
    assert_eq!((hit.contacts, hit.meetings), (8, 5));
    let xlsx = hit
        .files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "xlsx"))
        .expect("xlsx");
    let dump = run_python("xlsx_dump.py", &[xlsx], "openpyxl");
    assert_eq!(sheet_rows(&dump).len(), 9, "header and 8 contacts");
    let vcf = hit
        .files
        .iter()
        .find(|f| f.extension().is_some_and(|e| e == "vcf"))
        .expect("vcf");
    assert_eq!(
        run_python("vcard_dump.py", &[vcf], "vobject")["cards"]
            .as_array()
            .expect("cards")
            .len(),
        8
    );
    let html = std::fs::read_to_string(
        hit.files
            .iter()
            .find(|f| f.extension().is_some_and(|e| e == "html"))
            .expect("html"),
    )
    .expect("read");
    assert!(
        html.contains("Incontro con Shionogi")
            && html.contains("Condividere un documento non confidenziale"),
        "meetings with their follow-ups"
    );
    assert!(!html.contains("://"), "the page links to nothing");
    let bracco = pack
        .members
        .iter()
        .find(|m| m.member_name == "Bracco")
        .expect("Bracco");
    assert_eq!((bracco.contacts, bracco.meetings), (0, 0));
}

#[test]
fn the_cli_exports_contacts_packs_and_reports() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("w.ponte");
    let ponte = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_ponte"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("ponte")
    };
    assert!(ponte(&["demo"]).status.success());
    for format in [
        "csv",
        "csv-raw",
        "xlsx",
        "vcf",
        "vcf4",
        "google-csv",
        "outlook-csv",
    ] {
        let out_path = dir.path().join(format!("out-{format}"));
        let out = ponte(&[
            "export",
            "contacts",
            "--format",
            format,
            "--mission",
            "osaka",
            "--member",
            "HIT",
            "-o",
            out_path.to_str().expect("path"),
        ]);
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("8 contacts"),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = ponte(&[
        "export",
        "contacts",
        "--format",
        "csv",
        "--separator",
        ";",
        "--columns",
        "email,lastName",
        "-o",
        dir.path().join("c.csv").to_str().expect("p"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("c.csv")).expect("csv");
    assert!(
        text.starts_with("\u{feff}E-mail;Last name\r\n"),
        "chosen columns in order: {text:?}"
    );
    let out = ponte(&[
        "export",
        "pack",
        "osaka",
        "-o",
        dir.path().join("pack").to_str().expect("p"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir
        .path()
        .join("pack")
        .join("bracco")
        .join("bracco-contacts.xlsx")
        .exists());
    for file in ["r.html", "r.pdf"] {
        let out = ponte(&[
            "report",
            "osaka",
            "-o",
            dir.path().join(file).to_str().expect("p"),
        ]);
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = ponte(&["report", "osaka", "--json"]);
    let data: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(data["figures"]["meetingsHeld"], 7);
    let out = ponte(&["export", "contacts", "--format", "docx", "-o", "x"]);
    assert!(
        !out.status.success() && String::from_utf8_lossy(&out.stderr).contains("unknown format")
    );
}
