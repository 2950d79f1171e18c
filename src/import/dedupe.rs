//! Recognising a person already known: in the workspace, or earlier in the same file.
//!
//! Three keys, from surest to likeliest: the e-mail address (case and `+tag` ignored), the phone
//! number in E.164 (national numbers read with the workspace's default country), and the name at
//! the same organisation (accents, case and word order ignored, so "Rossi Mario" at "Ospedale
//! Niguarda" is "Mario Rossi" at "OSPEDALE NIGUARDA").

use std::collections::HashMap;

use serde::Serialize;

use crate::search::fold;

/// What made two records the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MatchedBy {
    Email,
    Phone,
    Name,
}

/// `Mario.Rossi+boston@Example.it` → `mario.rossi@example.it`.
pub fn email_key(email: &str) -> Option<String> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let local = local.split('+').next().unwrap_or(local);
    if local.is_empty() || domain.is_empty() {
        return None;
    }
    Some(format!("{local}@{domain}"))
}

/// The number in E.164, or `None` when it cannot be read as one.
pub fn phone_key(phone: &str, default_country: phonenumber::country::Id) -> Option<String> {
    let phone = phone.trim();
    if phone.chars().filter(char::is_ascii_digit).count() < 5 {
        return None;
    }
    // International numbers need no metadata lookup: digits after `+` or `00` are the E.164 form.
    // This keeps a 100,000-row import from spending seconds in the phone parser.
    let international = phone.strip_prefix('+').or_else(|| phone.strip_prefix("00"));
    if let Some(rest) = international {
        if rest.chars().all(|c| c.is_ascii_digit() || " -./()".contains(c)) {
            let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
            return (8..=15).contains(&digits.len()).then(|| format!("+{digits}"));
        }
    }
    let number = phonenumber::parse(Some(default_country), phone).ok()?;
    Some(number.format().mode(phonenumber::Mode::E164).to_string())
}

/// [`fold`] without the Unicode decomposition for plain ASCII, which most names are: this runs
/// for every contact in the workspace and every row of the file.
fn quick_fold(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        fold(text)
    }
}

/// Name words sorted, with the organisation: `None` without a name.
pub fn name_key(first: &str, last: &str, organisation: &str) -> Option<String> {
    let mut words: Vec<String> = quick_fold(&format!("{first} {last}"))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.is_empty() {
        return None;
    }
    words.sort();
    let org: Vec<String> = quick_fold(organisation).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
    Some(format!("{}|{}", words.join(" "), org.join(" ")))
}

/// The keys of one person.
#[derive(Debug, Clone, Default)]
pub struct Keys {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
}

/// Who is known under each key. `T` is a record id for the workspace, a plan index for the file.
#[derive(Debug)]
pub struct Index<T> {
    email: KeyMap<T>,
    phone: KeyMap<T>,
    name: KeyMap<T>,
}

/// foldhash, seeded per map: SipHash made hashing 200,000 people's keys a tenth of a large
/// import, and a random seed still keeps a crafted file from forcing collisions.
type KeyMap<T> = HashMap<String, T, foldhash::fast::RandomState>;

impl<T: Clone> Default for Index<T> {
    fn default() -> Self {
        Index::with_capacity(0)
    }
}

impl<T: Clone> Index<T> {
    /// An index sized for `n` people, so a large one is not rehashed as it grows.
    pub fn with_capacity(n: usize) -> Self {
        let map = || KeyMap::with_capacity_and_hasher(n, foldhash::fast::RandomState::default());
        Index { email: map(), phone: map(), name: map() }
    }

    /// Remembers `who` under its keys; the first holder of a key keeps it.
    pub fn insert(&mut self, keys: Keys, who: T) {
        if let Some(k) = keys.email {
            self.email.entry(k).or_insert_with(|| who.clone());
        }
        if let Some(k) = keys.phone {
            self.phone.entry(k).or_insert_with(|| who.clone());
        }
        if let Some(k) = keys.name {
            self.name.entry(k).or_insert(who);
        }
    }

    /// The surest match for these keys.
    pub fn find(&self, keys: &Keys) -> Option<(T, MatchedBy)> {
        let by = |map: &KeyMap<T>, key: &Option<String>, how| key.as_ref().and_then(|k| map.get(k)).map(|t| (t.clone(), how));
        by(&self.email, &keys.email, MatchedBy::Email)
            .or_else(|| by(&self.phone, &keys.phone, MatchedBy::Phone))
            .or_else(|| by(&self.name, &keys.name, MatchedBy::Name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use phonenumber::country::Id;

    #[test]
    fn emails_match_ignoring_case_and_plus_tags() {
        let cases = [
            ("Mario.Rossi@Example.it", Some("mario.rossi@example.it")),
            ("mario.rossi+boston@example.it", Some("mario.rossi@example.it")),
            ("  a@b.jp ", Some("a@b.jp")),
            ("no-at-sign", None),
            ("", None),
        ];
        for (email, key) in cases {
            assert_eq!(email_key(email).as_deref(), key, "{email}");
        }
    }

    #[test]
    fn phones_match_in_e164_whatever_their_format() {
        let cases = [
            ("+39 02 1234 5678", Id::IT, Some("+390212345678")),
            ("0039 02 1234 5678", Id::IT, Some("+390212345678")),
            ("02 1234 5678", Id::IT, Some("+390212345678")),
            ("347 123 4567", Id::IT, Some("+393471234567")),
            ("(617) 555-0100", Id::US, Some("+16175550100")),
            ("03-1234-5678", Id::JP, Some("+81312345678")),
            ("123", Id::IT, None),
            ("call me", Id::IT, None),
        ];
        for (phone, country, key) in cases {
            assert_eq!(phone_key(phone, country).as_deref(), key, "{phone}");
        }
    }

    #[test]
    fn names_match_ignoring_accents_case_and_word_order_at_the_same_organisation() {
        let a = name_key("Nicolò", "Rossi", "Ospedale Niguarda");
        assert_eq!(a, name_key("ROSSI", "nicolo", "ospedale  niguarda"));
        assert_eq!(a, name_key("", "Rossi Nicolò", "Ospedale Niguarda"));
        assert_ne!(a, name_key("Nicolò", "Rossi", "Takeda"));
        assert_eq!(name_key("", "", "Takeda"), None);
        assert_eq!(name_key("由紀", "佐藤", ""), name_key("佐藤", "由紀", ""));
    }

    #[test]
    fn the_surest_key_wins() {
        let mut index = Index::default();
        index.insert(Keys { email: Some("a@b.it".into()), phone: None, name: Some("x".into()) }, 1);
        index.insert(Keys { email: None, phone: Some("+391".into()), name: Some("y".into()) }, 2);
        let probe = Keys { email: Some("a@b.it".into()), phone: Some("+391".into()), name: Some("y".into()) };
        assert_eq!(index.find(&probe), Some((1, MatchedBy::Email)));
        assert_eq!(index.find(&Keys { name: Some("y".into()), ..Keys::default() }), Some((2, MatchedBy::Name)));
    }
}
