/**
 * Remote workplaces (R3.5): what travelled between the central register and the
 * starosta offices, and the office keys the centre trusts.
 *
 * `exchange_log` is append-only: one row per package written or accepted (a refused package
 * leaves no trace in the register — refusals must change nothing). `marks` holds, for a journal
 * bundle, where it ended (each journal's chain head and the last row id of every exported table),
 * so the next bundle starts exactly there. `exchange_office_keys` pins a remote office's Ed25519
 * and X25519 public keys once, from its first bundle; they never change afterwards.
 */
const sql = `
CREATE TABLE exchange_log (
  id           INTEGER PRIMARY KEY,
  direction    TEXT NOT NULL CHECK (direction IN ('export', 'import')),
  kind         TEXT NOT NULL CHECK (kind IN ('workplace', 'bundle', 'update')),
  office_id    TEXT NOT NULL REFERENCES offices (id),
  sequence     INTEGER NOT NULL CHECK (sequence >= 0),
  period_from  TEXT,
  period_to    TEXT,
  file_name    TEXT NOT NULL,
  file_digest  TEXT NOT NULL,
  counts       TEXT NOT NULL CHECK (json_valid(counts)),
  marks        TEXT NOT NULL CHECK (json_valid(marks)),
  acknowledged INTEGER,
  at           TEXT NOT NULL,
  by_user      TEXT REFERENCES users (id)
) STRICT;

CREATE INDEX exchange_log_by_office ON exchange_log (office_id, kind, direction, sequence);
CREATE UNIQUE INDEX exchange_log_one_import ON exchange_log (office_id, kind, sequence) WHERE direction = 'import';
CREATE UNIQUE INDEX exchange_log_one_export ON exchange_log (office_id, kind, sequence) WHERE direction = 'export';

CREATE TRIGGER exchange_log_no_update BEFORE UPDATE ON exchange_log
BEGIN SELECT RAISE(ABORT, 'exchange_log: append-only'); END;
CREATE TRIGGER exchange_log_no_delete BEFORE DELETE ON exchange_log
BEGIN SELECT RAISE(ABORT, 'exchange_log: append-only'); END;

CREATE TABLE exchange_office_keys (
  office_id      TEXT PRIMARY KEY REFERENCES offices (id),
  signing_key    TEXT NOT NULL,
  encryption_key TEXT NOT NULL,
  pinned_at      TEXT NOT NULL,
  pinned_by      TEXT REFERENCES users (id)
) STRICT;

CREATE TRIGGER exchange_office_keys_no_update BEFORE UPDATE ON exchange_office_keys
BEGIN SELECT RAISE(ABORT, 'exchange_office_keys: a pinned key never changes'); END;
CREATE TRIGGER exchange_office_keys_no_delete BEFORE DELETE ON exchange_office_keys
BEGIN SELECT RAISE(ABORT, 'exchange_office_keys: a pinned key never changes'); END;
`;

export const migration0003 = { version: 3, name: 'exchange', sql } as const;
