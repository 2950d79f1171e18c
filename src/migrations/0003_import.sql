-- Imports: mappings remembered for the next file with the same headers, and what a batch needs
-- to be undone.

-- `fingerprint` is a hash of the file's normalised headers and the import kind; `body` is the
-- mapping as JSON (see docs/import.md).
CREATE TABLE import_mappings (
    id          TEXT PRIMARY KEY NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    headers     TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One row per record a batch created (other than contacts, which carry import_batch_id) or
-- updated. For an update, `previous` holds the changed columns' values before the import as a
-- JSON object, so undo can put them back.
CREATE TABLE import_changes (
    id          TEXT PRIMARY KEY NOT NULL,
    batch_id    TEXT NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    entity      TEXT NOT NULL CHECK (entity IN ('organisation','contact','member','person',
                    'participation','delegate')),
    record_id   TEXT NOT NULL,
    action      TEXT NOT NULL CHECK (action IN ('created','updated')),
    previous    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX import_changes_batch ON import_changes (batch_id);
CREATE INDEX contacts_import_batch ON contacts (import_batch_id) WHERE import_batch_id IS NOT NULL;
