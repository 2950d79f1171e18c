-- The consent history keeps a contact's first lawful basis in the contact row itself until the
-- basis first changes. Writing a `created` record for every new contact doubled the cost of a
-- large import and added about 270 bytes per contact (row and two indexes) that repeat the
-- contact's own columns. Now the first change writes that `created` record from the old values,
-- then the `changed` one; a contact whose basis never changed has no rows here, and
-- privacy::consent_history shows its contact row as the `created` record. Rows written before
-- this migration stay as they are.
DROP TRIGGER contacts_consent_ai;
DROP TRIGGER contacts_consent_au;
CREATE TRIGGER contacts_consent_au AFTER UPDATE OF lawful_basis, source, lawful_basis_on ON contacts
    WHEN NEW.erased_at IS NULL AND (OLD.lawful_basis IS NOT NEW.lawful_basis OR OLD.source IS NOT NEW.source
                                    OR OLD.lawful_basis_on IS NOT NEW.lawful_basis_on) BEGIN
    INSERT INTO consent_history (id, contact_id, event, lawful_basis, source, lawful_basis_on, changed_at)
        SELECT (SELECT id FROM new_uuid WHERE OLD.id IS NOT NULL),
               OLD.id, 'created', OLD.lawful_basis, OLD.source, OLD.lawful_basis_on, OLD.created_at
        WHERE NOT EXISTS (SELECT 1 FROM consent_history WHERE contact_id = OLD.id);
    INSERT INTO consent_history (id, contact_id, event, lawful_basis, source, lawful_basis_on, changed_at)
        VALUES ((SELECT id FROM new_uuid WHERE NEW.id IS NOT NULL),
                NEW.id, 'changed', NEW.lawful_basis, NEW.source, NEW.lawful_basis_on,
                strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
