-- Drafts of forms being typed (the quick meeting log above all), saved as the user types so that
-- a crash or a closed window loses nothing. `key` names the form; `body` is its JSON as typed.
CREATE TABLE drafts (
    id          TEXT PRIMARY KEY NOT NULL,
    key         TEXT NOT NULL UNIQUE,
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
