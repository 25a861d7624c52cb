/**
 * Remote certificates verify at the centre (R3.5): what an office's journal bundles carry so the
 * centre can check the office's papers exactly as its own.
 *
 * - `office_document_keys`: each public Ed25519 key an office signs its certificates' QR codes
 *   with, as its authenticated bundles brought it. Append-only: a changed key (a new PC) is a new
 *   row beside the old one, so papers signed with the old key still verify.
 * - `office_code_seals`: the office's signature (with its document key) over an entry's short
 *   code. The centre does not hold the office's short-code secret, so it cannot recompute the
 *   code; the seal lets it detect a code row bound to another entry, as the secret does at home.
 */
const sql = `
CREATE TABLE office_document_keys (
  office_id       TEXT NOT NULL REFERENCES offices (id),
  office_code     TEXT NOT NULL,
  fingerprint     TEXT NOT NULL,
  public_key      TEXT NOT NULL,
  bundle_sequence INTEGER NOT NULL CHECK (bundle_sequence >= 1),
  received_at     TEXT NOT NULL,
  PRIMARY KEY (office_id, fingerprint)
) STRICT;

CREATE INDEX office_document_keys_code ON office_document_keys (office_code);

CREATE TRIGGER office_document_keys_no_update BEFORE UPDATE ON office_document_keys
BEGIN SELECT RAISE(ABORT, 'office_document_keys: append-only'); END;
CREATE TRIGGER office_document_keys_no_delete BEFORE DELETE ON office_document_keys
BEGIN SELECT RAISE(ABORT, 'office_document_keys: append-only'); END;

CREATE TABLE office_code_seals (
  entry_id TEXT PRIMARY KEY REFERENCES entries (id),
  seal     TEXT NOT NULL
) STRICT;

CREATE TRIGGER office_code_seals_no_update BEFORE UPDATE ON office_code_seals
BEGIN SELECT RAISE(ABORT, 'office_code_seals: append-only'); END;
CREATE TRIGGER office_code_seals_no_delete BEFORE DELETE ON office_code_seals
BEGIN SELECT RAISE(ABORT, 'office_code_seals: append-only'); END;
`;

export const migration0009 = { version: 9, name: 'office-document-keys', sql } as const;
