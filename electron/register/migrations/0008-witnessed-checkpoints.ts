/**
 * The centre as witness of every remote office (R3.5, R7.7). `witnessed_checkpoints` keeps each
 * signed checkpoint of an office journal the centre accepted with a bundle, with the centre's
 * cosignature over it: the next bundle must extend the last one. `witness_flags` records a bundle
 * refused because the office's journal no longer holds what the centre confirmed (rewritten, or
 * cut short), naming the first entry that differs. Both append-only, as the journal is.
 */
const sql = `
CREATE TABLE witnessed_checkpoints (
  id              INTEGER PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES offices (id),
  journal_id      TEXT NOT NULL REFERENCES journals (id),
  size            INTEGER NOT NULL CHECK (size >= 0),
  root            TEXT NOT NULL,
  note            TEXT NOT NULL,
  cosignature     TEXT NOT NULL,
  bundle_sequence INTEGER NOT NULL,
  accepted_at     TEXT NOT NULL
) STRICT;

CREATE INDEX witnessed_checkpoints_by_journal ON witnessed_checkpoints (journal_id, size);

CREATE TRIGGER witnessed_checkpoints_no_update BEFORE UPDATE ON witnessed_checkpoints
BEGIN SELECT RAISE(ABORT, 'witnessed_checkpoints: append-only'); END;
CREATE TRIGGER witnessed_checkpoints_no_delete BEFORE DELETE ON witnessed_checkpoints
BEGIN SELECT RAISE(ABORT, 'witnessed_checkpoints: append-only'); END;

CREATE TABLE witness_flags (
  id              INTEGER PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES offices (id),
  journal_id      TEXT NOT NULL REFERENCES journals (id),
  reason          TEXT NOT NULL CHECK (reason IN ('rewritten', 'tail_cut')),
  position        INTEGER NOT NULL CHECK (position >= 1),
  entry_id        TEXT REFERENCES entries (id),
  printed_number  TEXT NOT NULL,
  confirmed_size  INTEGER NOT NULL,
  bundle_sequence INTEGER NOT NULL,
  file_name       TEXT NOT NULL,
  flagged_at      TEXT NOT NULL,
  flagged_by      TEXT REFERENCES users (id)
) STRICT;

CREATE INDEX witness_flags_by_office ON witness_flags (office_id, flagged_at);

CREATE TRIGGER witness_flags_no_update BEFORE UPDATE ON witness_flags
BEGIN SELECT RAISE(ABORT, 'witness_flags: append-only'); END;
CREATE TRIGGER witness_flags_no_delete BEFORE DELETE ON witness_flags
BEGIN SELECT RAISE(ABORT, 'witness_flags: append-only'); END;
`;

export const migration0008 = { version: 8, name: 'witnessed-checkpoints', sql } as const;
