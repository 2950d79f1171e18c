-- Ponte schema, version 1. Never edit once released: add a new numbered file instead.
-- Every table has a UUID (v7) text primary key so that workspaces from several laptops can be
-- merged; created_at/updated_at are UTC RFC 3339 instants.

CREATE TABLE members (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('startup','sme','large_company','research_lab',
                    'university','hospital','foundation','association','other')),
    city        TEXT NOT NULL DEFAULT '',
    region      TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX members_name ON members (name COLLATE NOCASE);

CREATE TABLE persons (
    id          TEXT PRIMARY KEY NOT NULL,
    member_id   TEXT NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
    first_name  TEXT NOT NULL DEFAULT '',
    last_name   TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX persons_member ON persons (member_id);

CREATE TABLE missions (
    id          TEXT PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL,
    destination TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',
    time_zone   TEXT NOT NULL,
    starts_on   TEXT NOT NULL,
    ends_on     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('planning','active','closed')),
    online      INTEGER NOT NULL DEFAULT 0 CHECK (online IN (0, 1)),
    objectives  TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (starts_on <= ends_on)
);

CREATE TABLE participations (
    id          TEXT PRIMARY KEY NOT NULL,
    mission_id  TEXT NOT NULL REFERENCES missions (id) ON DELETE RESTRICT,
    member_id   TEXT NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
    status      TEXT NOT NULL CHECK (status IN ('invited','confirmed','withdrawn')),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (mission_id, member_id)
);
CREATE INDEX participations_member ON participations (member_id);

-- The people a member sends on a mission, with their own travel details.
CREATE TABLE delegates (
    id               TEXT PRIMARY KEY NOT NULL,
    participation_id TEXT NOT NULL REFERENCES participations (id) ON DELETE CASCADE,
    person_id        TEXT NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
    status           TEXT NOT NULL CHECK (status IN ('invited','confirmed','withdrawn')),
    role             TEXT NOT NULL DEFAULT '',
    arrives_on       TEXT,
    departs_on       TEXT,
    needs            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (participation_id, person_id)
);
CREATE INDEX delegates_person ON delegates (person_id);

CREATE TABLE import_batches (
    id          TEXT PRIMARY KEY NOT NULL,
    file_name   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    mission_id  TEXT REFERENCES missions (id) ON DELETE SET NULL,
    created     INTEGER NOT NULL DEFAULT 0,
    updated     INTEGER NOT NULL DEFAULT 0,
    skipped     INTEGER NOT NULL DEFAULT 0,
    rejected    INTEGER NOT NULL DEFAULT 0,
    undone_at   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE organisations (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('university','hospital','research_centre','company',
                    'startup','incubator','investor','public_body','chamber','association','other')),
    country     TEXT NOT NULL DEFAULT '',
    city        TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX organisations_name ON organisations (name COLLATE NOCASE);

CREATE TABLE mission_partners (
    id              TEXT PRIMARY KEY NOT NULL,
    mission_id      TEXT NOT NULL REFERENCES missions (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE RESTRICT,
    role            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (mission_id, organisation_id)
);
CREATE INDEX mission_partners_organisation ON mission_partners (organisation_id);

CREATE TABLE contacts (
    id              TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT REFERENCES organisations (id) ON DELETE RESTRICT,
    first_name      TEXT NOT NULL DEFAULT '',
    last_name       TEXT NOT NULL DEFAULT '',
    -- Phonetic reading (e.g. kana for a Japanese name), used for sorting and vCard export.
    name_reading    TEXT NOT NULL DEFAULT '',
    role            TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    language        TEXT NOT NULL DEFAULT '',
    city            TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    -- Where the contact came from (business card, event list, ...) and why we may hold it (GDPR art. 6).
    source          TEXT NOT NULL DEFAULT '',
    lawful_basis    TEXT NOT NULL CHECK (lawful_basis IN ('consent','legitimate_interest','contract',
                        'legal_obligation','public_task','vital_interest')),
    lawful_basis_on TEXT NOT NULL,
    import_batch_id TEXT REFERENCES import_batches (id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX contacts_organisation ON contacts (organisation_id);
CREATE INDEX contacts_email ON contacts (email COLLATE NOCASE) WHERE email <> '';
CREATE INDEX contacts_name ON contacts (last_name COLLATE NOCASE, first_name COLLATE NOCASE);

-- Agenda items (planned) and logged encounters (held) are one entity: a planned item becomes a
-- logged meeting by changing its status and filling notes and outcome.
CREATE TABLE meetings (
    id          TEXT PRIMARY KEY NOT NULL,
    mission_id  TEXT REFERENCES missions (id) ON DELETE RESTRICT,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('b2b','forum','site_visit','training','mentoring',
                    'networking','other')),
    status      TEXT NOT NULL CHECK (status IN ('planned','held','cancelled')),
    -- Instants in UTC ('YYYY-MM-DDTHH:MM:SSZ', so text order is time order) plus the IANA zone
    -- the item was planned in, which is how it is shown.
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    place       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT '',
    interest    TEXT CHECK (interest IN ('hot','warm','cold')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (starts_at <= ends_at)
);
CREATE INDEX meetings_mission_start ON meetings (mission_id, starts_at);
CREATE INDEX meetings_start ON meetings (starts_at);

CREATE TABLE meeting_persons (
    id          TEXT PRIMARY KEY NOT NULL,
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id   TEXT NOT NULL REFERENCES persons (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    UNIQUE (meeting_id, person_id)
);
CREATE INDEX meeting_persons_person ON meeting_persons (person_id);

CREATE TABLE meeting_contacts (
    id          TEXT PRIMARY KEY NOT NULL,
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    contact_id  TEXT NOT NULL REFERENCES contacts (id) ON DELETE RESTRICT,
    created_at  TEXT NOT NULL,
    UNIQUE (meeting_id, contact_id)
);
CREATE INDEX meeting_contacts_contact ON meeting_contacts (contact_id);

CREATE TABLE follow_ups (
    id              TEXT PRIMARY KEY NOT NULL,
    meeting_id      TEXT REFERENCES meetings (id) ON DELETE CASCADE,
    mission_id      TEXT REFERENCES missions (id) ON DELETE RESTRICT,
    what            TEXT NOT NULL,
    owner_person_id TEXT REFERENCES persons (id) ON DELETE SET NULL,
    contact_id      TEXT REFERENCES contacts (id) ON DELETE SET NULL,
    due_on          TEXT,
    done_at         TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX follow_ups_meeting ON follow_ups (meeting_id);
CREATE INDEX follow_ups_open ON follow_ups (due_on) WHERE done_at IS NULL;

CREATE TABLE tags (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_name ON tags (name COLLATE NOCASE);

CREATE TABLE member_tags (
    id          TEXT PRIMARY KEY NOT NULL,
    member_id   TEXT NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    tag_id      TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    UNIQUE (member_id, tag_id)
);
CREATE TABLE contact_tags (
    id          TEXT PRIMARY KEY NOT NULL,
    contact_id  TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag_id      TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    UNIQUE (contact_id, tag_id)
);
CREATE TABLE meeting_tags (
    id          TEXT PRIMARY KEY NOT NULL,
    meeting_id  TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    tag_id      TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    UNIQUE (meeting_id, tag_id)
);

CREATE TABLE settings (
    id          TEXT PRIMARY KEY NOT NULL,
    key         TEXT NOT NULL UNIQUE,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Search. search_docs is derived data (rebuildable from the tables, never merged), so it keys
-- documents by a stable INTEGER id that the contentless FTS5 table uses as its rowid.
CREATE TABLE search_docs (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    ref_id    TEXT NOT NULL UNIQUE,
    parent_id TEXT,
    title     TEXT NOT NULL,
    subtitle  TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_fts USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

-- Triggers keep the index in step with every write, whatever code path made it.
-- A name whose family name is written in kana or kanji is shown family name first (田中 浩), as
-- in Japan; the same rule as fields::display_name.
CREATE TRIGGER members_search_ai AFTER INSERT ON members BEGIN
    INSERT INTO search_docs (kind, ref_id, parent_id, title, subtitle)
        VALUES ('member', NEW.id, NULL, NEW.name, NEW.city);
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id), NEW.name,
                concat_ws(' ', NEW.city, NEW.region, NEW.email, NEW.website));
END;
CREATE TRIGGER members_search_au AFTER UPDATE ON members BEGIN
    UPDATE search_docs SET title = NEW.name, subtitle = NEW.city WHERE ref_id = NEW.id;
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = NEW.id);
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id), NEW.name,
                concat_ws(' ', NEW.city, NEW.region, NEW.email, NEW.website));
    -- People show their member's name: touch them so their own trigger re-indexes them.
    UPDATE persons SET member_id = member_id WHERE member_id = NEW.id AND OLD.name IS NOT NEW.name;
END;
CREATE TRIGGER members_search_ad AFTER DELETE ON members BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = OLD.id);
    DELETE FROM search_docs WHERE ref_id = OLD.id;
END;

CREATE TRIGGER persons_search_ai AFTER INSERT ON persons BEGIN
    INSERT INTO search_docs (kind, ref_id, parent_id, title, subtitle)
        VALUES ('person', NEW.id, NEW.member_id, CASE WHEN NEW.last_name GLOB '*[ぁ-ヿ一-鿿]*'
                     THEN concat_ws(' ', NULLIF(NEW.last_name, ''), NULLIF(NEW.first_name, ''))
                     ELSE concat_ws(' ', NULLIF(NEW.first_name, ''), NULLIF(NEW.last_name, '')) END,
                (SELECT name FROM members WHERE id = NEW.member_id));
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id),
                concat_ws(' ', NEW.first_name, NEW.last_name),
                concat_ws(' ', NEW.role, NEW.email, (SELECT name FROM members WHERE id = NEW.member_id)));
END;
CREATE TRIGGER persons_search_au AFTER UPDATE ON persons BEGIN
    UPDATE search_docs SET parent_id = NEW.member_id,
        title = CASE WHEN NEW.last_name GLOB '*[ぁ-ヿ一-鿿]*'
                     THEN concat_ws(' ', NULLIF(NEW.last_name, ''), NULLIF(NEW.first_name, ''))
                     ELSE concat_ws(' ', NULLIF(NEW.first_name, ''), NULLIF(NEW.last_name, '')) END,
        subtitle = (SELECT name FROM members WHERE id = NEW.member_id)
        WHERE ref_id = NEW.id;
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = NEW.id);
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id),
                concat_ws(' ', NEW.first_name, NEW.last_name),
                concat_ws(' ', NEW.role, NEW.email, (SELECT name FROM members WHERE id = NEW.member_id)));
END;
CREATE TRIGGER persons_search_ad AFTER DELETE ON persons BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = OLD.id);
    DELETE FROM search_docs WHERE ref_id = OLD.id;
END;

CREATE TRIGGER organisations_search_ai AFTER INSERT ON organisations BEGIN
    INSERT INTO search_docs (kind, ref_id, parent_id, title, subtitle)
        VALUES ('organisation', NEW.id, NULL, NEW.name, concat_ws(', ', NULLIF(NEW.city, ''), NULLIF(NEW.country, '')));
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id), NEW.name,
                concat_ws(' ', NEW.city, NEW.country, NEW.website));
END;
CREATE TRIGGER organisations_search_au AFTER UPDATE ON organisations BEGIN
    UPDATE search_docs SET title = NEW.name,
        subtitle = concat_ws(', ', NULLIF(NEW.city, ''), NULLIF(NEW.country, ''))
        WHERE ref_id = NEW.id;
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = NEW.id);
    INSERT INTO search_fts (rowid, title, body)
        VALUES ((SELECT id FROM search_docs WHERE ref_id = NEW.id), NEW.name,
                concat_ws(' ', NEW.city, NEW.country, NEW.website));
    -- Contacts are found by their organisation's name too.
    UPDATE contacts SET organisation_id = organisation_id
        WHERE organisation_id = NEW.id AND OLD.name IS NOT NEW.name;
END;
CREATE TRIGGER organisations_search_ad AFTER DELETE ON organisations BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = OLD.id);
    DELETE FROM search_docs WHERE ref_id = OLD.id;
END;

CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts BEGIN
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
CREATE TRIGGER contacts_search_au AFTER UPDATE ON contacts BEGIN
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
CREATE TRIGGER contacts_search_ad AFTER DELETE ON contacts BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_docs WHERE ref_id = OLD.id);
    DELETE FROM search_docs WHERE ref_id = OLD.id;
END;
