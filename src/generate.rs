//! Synthetic workspaces of any size, for benchmarks and load tests. Names are drawn from Italian,
//! English and Japanese lists with a fixed seed, so a run is repeatable.

use rusqlite::{params, Connection};

use crate::error::Result;
use crate::fields;

const FIRST: &[&str] = &[
    "Mario", "Giulia", "Luca", "Chiara", "Marco", "Francesca", "Nicolò", "Elena", "Paolo", "Sara",
    "Andrea", "Martina", "Emily", "Michael", "Sarah", "David", "Laura", "James", "Priya", "Olivia",
    "Hiroshi", "Yuki", "Kenji", "Aiko", "Takeshi", "Haruka", "Daisuke", "Mei", "Sofia", "Lukas",
    "Anna", "Jürgen", "Zoë", "Ines", "Tomás", "Chloé", "Ruth", "Omar", "Lin", "Wei",
];
const LAST: &[&str] = &[
    "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino",
    "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
    "Lombardi", "Moretti", "Città", "Rossini", "Rosso", "Smith", "Johnson", "Williams", "Brown",
    "Jones", "Garcia", "Miller", "Davis", "Carter", "Goldberg", "Chen", "Bennett", "O'Neill",
    "Tanaka", "Sato", "Suzuki", "Takahashi", "Watanabe", "Ito", "Yamamoto", "Nakamura",
    "Kobayashi", "Kato", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Dubois", "Martin",
    "Bernard", "Moreau", "Lefèvre", "Novak", "Kowalski", "Nielsen", "Jensen", "Andersson",
];
const ORG_WORDS: &[&str] = &[
    "Bio", "Med", "Health", "Gen", "Cardio", "Neuro", "Life", "Care", "Pharma", "Tech", "Lab",
    "Clinic", "Vita", "Salus", "Kansai", "Boston", "Osaka", "Tokyo", "Milano", "Nova", "Omni",
];
const ORG_SUFFIX: &[&str] = &["Inc.", "KK", "S.p.A.", "Srl", "Hospital", "University", "Institute", "GmbH", "Ltd"];
const ROLES: &[&str] = &["CEO", "CTO", "Business development", "Researcher", "Professor", "Partnerships", "Innovation office"];
const COUNTRIES: &[&str] = &["US", "JP", "IT", "DE", "FR", "GB", "CH", "NL"];

/// A small, fast, seeded generator (xorshift64*): no dependency and the same data every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Adds `contacts` contacts spread over one organisation per 20 contacts.
pub fn contacts(conn: &Connection, contacts: usize, seed: u64) -> Result<()> {
    let mut rng = Rng(seed.max(1));
    let now = fields::now();
    let org_count = (contacts / 20).max(1);
    let mut org_ids = Vec::with_capacity(org_count);
    {
        let mut stmt = conn.prepare(
            "INSERT INTO organisations (id, name, kind, country, city, created_at, updated_at)
             VALUES (?1, ?2, 'company', ?3, '', ?4, ?4)",
        )?;
        for i in 0..org_count {
            let id = fields::new_id();
            let (a, b) = (rng.pick(ORG_WORDS), rng.pick(ORG_WORDS));
            let name = format!("{a}{} {} {i}", b.to_lowercase(), rng.pick(ORG_SUFFIX));
            let domain = format!("{}{}.example", a.to_lowercase(), b.to_lowercase());
            stmt.execute(params![id, name, rng.pick(COUNTRIES), now])?;
            org_ids.push((id, domain));
        }
    }
    let mut stmt = conn.prepare(
        "INSERT INTO contacts (id, organisation_id, first_name, last_name, role, email, country,
                lawful_basis, lawful_basis_on, source, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'legitimate_interest', '2025-01-01', 'generated', ?8, ?8)",
    )?;
    for _ in 0..contacts {
        let first = rng.pick(FIRST);
        let last = rng.pick(LAST);
        // Addresses as people have them (name.surname@organisation), not made unique with a
        // counter: a million distinct "rossi123" words would model no real workspace.
        let (org, domain) = &org_ids[(rng.next() % org_ids.len() as u64) as usize];
        let email = format!("{}.{}@{domain}", crate::search::fold(first), crate::search::fold(last).replace([' ', '\''], ""));
        stmt.execute(params![fields::new_id(), org, first, last, rng.pick(ROLES), email, rng.pick(COUNTRIES), now])?;
    }
    Ok(())
}
