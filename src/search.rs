//! Search as you type over contacts, external organisations, members and their people.
//!
//! The index is a contentless FTS5 table (diacritics folded by `unicode61 remove_diacritics 2`,
//! prefix indexes for 1–3 characters) kept in step by triggers; `search_docs` maps its rowids to
//! records and holds what a result line shows.
//!
//! Ranking every match with bm25 costs tens of milliseconds once a prefix matches thousands of
//! rows, so the query works on a bounded candidate set instead: the exact-word matches plus the
//! newest `CANDIDATES` prefix matches, both served straight from the index in rowid order, then
//! ranked here by how well the *title* (the name) matches. See docs/performance.md.

use rusqlite::{Connection, Row};
use serde::Serialize;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

use crate::error::Result;

/// How many prefix matches are ranked at most.
const CANDIDATES: usize = 200;
const MAX_TOKENS: usize = 8;
const MAX_TOKEN_CHARS: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// `contact`, `organisation`, `member` or `person`.
    pub kind: String,
    pub id: String,
    pub title: String,
    pub subtitle: String,
    /// The member of a person, the organisation of a contact.
    pub parent_id: Option<String>,
}

impl SearchHit {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(SearchHit {
            kind: row.get("kind")?,
            id: row.get("ref_id")?,
            title: row.get("title")?,
            subtitle: row.get("subtitle")?,
            parent_id: row.get("parent_id")?,
        })
    }
}

/// Lower case without accents, as the index sees text: "Città" → "citta".
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The words of a query, folded. Anything that is not a letter or digit separates words, so
/// FTS5 syntax typed by a user (quotes, `*`, `NEAR`, `-`) can never reach the query parser.
pub fn tokens(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(MAX_TOKENS)
        .map(|t| t.chars().take(MAX_TOKEN_CHARS).collect())
        .collect()
}

fn fts_query(tokens: &[String], prefix: bool) -> String {
    // Words are quoted, and a lone "AND"/"OR"/"NOT" is therefore a word, not an operator.
    let star = if prefix { "*" } else { "" };
    tokens.iter().map(|t| format!("\"{t}\"{star}")).collect::<Vec<_>>().join(" ")
}

fn candidates(conn: &Connection, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.kind, d.ref_id, d.parent_id, d.title, d.subtitle FROM search_docs d
         WHERE d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?1
                        ORDER BY rowid DESC LIMIT ?2)",
    )?;
    let rows = stmt.query_map(rusqlite::params![query, limit as i64], SearchHit::from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How well a title matches, lower is better: the whole query starts the name; every word is a
/// whole word of the name; every word starts a word of the name; matched elsewhere (e-mail, role,
/// organisation). Within a class, the closer the completion the better: "ros" puts Rossi before
/// Rossini.
fn score(title: &str, query: &[String]) -> (u8, usize) {
    let folded = fold(title);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let last = query.last().map(String::as_str).unwrap_or_default();
    let completion = words
        .iter()
        .filter(|w| w.starts_with(last))
        .map(|w| w.chars().count() - last.chars().count())
        .min()
        .unwrap_or(usize::MAX);
    let class = if words.len() >= query.len()
        && words.iter().zip(query).enumerate().all(|(i, (w, q))| {
            if i + 1 == query.len() { w.starts_with(q.as_str()) } else { w == q }
        }) {
        0
    } else if query.iter().all(|q| words.iter().any(|w| w == q)) {
        1
    } else if query.iter().all(|q| words.iter().any(|w| w.starts_with(q.as_str()))) {
        2
    } else {
        3
    };
    (class, completion)
}

/// The best `limit` hits for what the user typed so far.
pub fn query(conn: &Connection, text: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let words = tokens(text);
    if words.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut hits = candidates(conn, &fts_query(&words, false), limit)?;
    for hit in candidates(conn, &fts_query(&words, true), CANDIDATES.max(limit))? {
        if !hits.iter().any(|h| h.id == hit.id) {
            hits.push(hit);
        }
    }
    let mut ranked: Vec<((u8, usize), String, SearchHit)> =
        hits.into_iter().map(|h| (score(&h.title, &words), fold(&h.title), h)).collect();
    ranked.sort_by(|a, b| (a.0, &a.1, &a.2.id).cmp(&(b.0, &b.1, &b.2.id)));
    Ok(ranked.into_iter().take(limit).map(|(_, _, h)| h).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_and_case() {
        assert_eq!(fold("Città NICOLÒ Müller"), "citta nicolo muller");
    }

    #[test]
    fn query_syntax_cannot_leak_into_fts() {
        assert_eq!(tokens("\"ros*\" OR -x NEAR(a)"), vec!["ros", "or", "x", "near", "a"]);
        assert_eq!(fts_query(&tokens("mario ros"), true), "\"mario\"* \"ros\"*");
    }

    #[test]
    fn names_starting_with_the_query_rank_first() {
        let q = tokens("ros");
        assert!(score("Rossi Mario", &q) < score("Mario Rossi", &q));
        assert!(score("Mario Rossi", &q) < score("Mario Bianchi", &q));
        assert_eq!(score("Ros", &q), (0, 0));
        assert!(score("Mario Rossi", &q) < score("Anna Rossini", &q), "the closer completion first");
    }
}
