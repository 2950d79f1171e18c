-- Personal data (GDPR): the history of each contact's lawful basis, the log of erasures, the
-- retention review, and the anonymised stand-ins that keep an erased person's meetings counted.
-- See docs/privacy.md.

-- A trigger cannot call fields::new_id(), so ids made in SQL come from this view: a UUID v7 like
-- the ones Rust makes (48 bits of Unix milliseconds, version 7, random bits, variant 10xx), new at
-- every read. Read it in a subquery that refers to the row at hand (`WHERE c.id IS NOT NULL`):
-- SQLite runs a subquery that refers to nothing outside only once per statement.
CREATE VIEW new_uuid AS
    SELECT lower(substr(ms, 1, 8) || '-' || substr(ms, 9, 4) || '-7' || substr(hex(randomblob(2)), 2)
                 || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2)
                 || '-' || hex(randomblob(6))) AS id
    FROM (SELECT printf('%012x', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)) AS ms);

-- Every value a contact's lawful basis, source and basis date has had, newest last. Written by
-- the triggers below on every write to contacts, whatever code path made it (forms, the quick
-- log, imports and their undo). `event`: created, changed, or recorded (already there when this
-- migration ran; `changed_at` is then the contact's last update).
CREATE TABLE consent_history (
    id              TEXT PRIMARY KEY NOT NULL,
    contact_id      TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    event           TEXT NOT NULL CHECK (event IN ('created','changed','recorded')),
    lawful_basis    TEXT NOT NULL,
    source          TEXT NOT NULL,
    lawful_basis_on TEXT NOT NULL,
    changed_at      TEXT NOT NULL
);
CREATE INDEX consent_history_contact ON consent_history (contact_id, changed_at);

-- A contact erased while meetings still count it is replaced by a stand-in row: a new id, no
-- personal field, `erased_at` set. It keeps the organisation and country so that the mission
-- figures (stakeholders, organisations and countries met) stay what they were.
ALTER TABLE contacts ADD COLUMN erased_at TEXT;

-- One row per erasure: when, what kind, and how many records were removed or anonymised. The id
-- is new and random (the reference given to the person who asked); nothing here names them.
CREATE TABLE erasures (
    id                TEXT PRIMARY KEY NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('contact')),
    erased_at         TEXT NOT NULL,
    meetings          INTEGER NOT NULL DEFAULT 0,
    follow_ups        INTEGER NOT NULL DEFAULT 0,
    mentions          INTEGER NOT NULL DEFAULT 0,
    consent_records   INTEGER NOT NULL DEFAULT 0,
    import_records    INTEGER NOT NULL DEFAULT 0,
    tags              INTEGER NOT NULL DEFAULT 0,
    drafts            INTEGER NOT NULL DEFAULT 0
);

-- The retention review: when someone last confirmed that a contact may be kept. A confirmed
-- contact leaves the review until the retention period has passed again.
CREATE TABLE retention_confirmations (
    id           TEXT PRIMARY KEY NOT NULL,
    contact_id   TEXT NOT NULL UNIQUE REFERENCES contacts (id) ON DELETE CASCADE,
    confirmed_at TEXT NOT NULL
);

INSERT INTO consent_history (id, contact_id, event, lawful_basis, source, lawful_basis_on, changed_at)
    SELECT (SELECT id FROM new_uuid WHERE c.id IS NOT NULL),
           c.id, 'recorded', c.lawful_basis, c.source, c.lawful_basis_on, c.updated_at
    FROM contacts c;

CREATE TRIGGER contacts_consent_ai AFTER INSERT ON contacts WHEN NEW.erased_at IS NULL BEGIN
    INSERT INTO consent_history (id, contact_id, event, lawful_basis, source, lawful_basis_on, changed_at)
        VALUES ((SELECT id FROM new_uuid WHERE NEW.id IS NOT NULL),
                NEW.id, 'created', NEW.lawful_basis, NEW.source, NEW.lawful_basis_on, NEW.created_at);
END;

CREATE TRIGGER contacts_consent_au AFTER UPDATE OF lawful_basis, source, lawful_basis_on ON contacts
    WHEN NEW.erased_at IS NULL AND (OLD.lawful_basis IS NOT NEW.lawful_basis OR OLD.source IS NOT NEW.source
                                    OR OLD.lawful_basis_on IS NOT NEW.lawful_basis_on) BEGIN
    INSERT INTO consent_history (id, contact_id, event, lawful_basis, source, lawful_basis_on, changed_at)
        VALUES ((SELECT id FROM new_uuid WHERE NEW.id IS NOT NULL),
                NEW.id, 'changed', NEW.lawful_basis, NEW.source, NEW.lawful_basis_on,
                strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

-- Stand-ins are not searchable: the search triggers of 0001 now skip rows with erased_at set.
-- Bodies unchanged otherwise (import/batch.rs `index_created_contacts` computes the same).
DROP TRIGGER contacts_search_ai;
CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts WHEN NEW.erased_at IS NULL BEGIN
    INSERT INTO search_docs (kind, ref_id, parent_id, title, subtitle)
        VALUES ('contact', NEW.id, NEW.organisation_id,
                CASE WHEN NEW.last_name GLOB '*[ぁ-ヿ一-鿿]*'
                     THEN concat_ws(' ', NULLIF(NEW.last_name, ''), NULLIF(NEW.first_name, ''))
                     ELSE concat_ws(' ', NULLIF(NEW.first_name, ''), NULLIF(NEW.last_name, '')) END,
                coalesce((SELECT name FROM organisations WHERE id = NEW.organisation_id), ''));
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id),
                concat_ws(' ', NEW.first_name, NEW.last_name, NEW.name_reading),
                concat_ws(' ', NEW.email, NEW.role, NEW.city,
                          (SELECT name FROM organisations WHERE id = NEW.organisation_id)));
END;
DROP TRIGGER contacts_search_au;
CREATE TRIGGER contacts_search_au AFTER UPDATE ON contacts WHEN NEW.erased_at IS NULL BEGIN
    UPDATE search_docs SET parent_id = NEW.organisation_id,
        title = CASE WHEN NEW.last_name GLOB '*[ぁ-ヿ一-鿿]*'
                     THEN concat_ws(' ', NULLIF(NEW.last_name, ''), NULLIF(NEW.first_name, ''))
                     ELSE concat_ws(' ', NULLIF(NEW.first_name, ''), NULLIF(NEW.last_name, '')) END,
        subtitle = coalesce((SELECT name FROM organisations WHERE id = NEW.organisation_id), '')
        WHERE ref_id = NEW.id;
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = NEW.id);
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id),
                concat_ws(' ', NEW.first_name, NEW.last_name, NEW.name_reading),
                concat_ws(' ', NEW.email, NEW.role, NEW.city,
                          (SELECT name FROM organisations WHERE id = NEW.organisation_id)));
END;
