-- Agreements started: a meeting held can record that an agreement was started with the people
-- met there (the figure funders ask for), and of which kind. The kind is optional and only
-- kept when an agreement was started.
ALTER TABLE meetings ADD COLUMN agreement_started INTEGER NOT NULL DEFAULT 0
    CHECK (agreement_started IN (0, 1));
ALTER TABLE meetings ADD COLUMN agreement_kind TEXT
    CHECK (agreement_kind IN ('mou','research','pilot','commercial','other'));
CREATE INDEX meetings_agreement ON meetings (mission_id) WHERE agreement_started = 1;
