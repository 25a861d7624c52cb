/**
 * The register on PostgreSQL, version 6: the checkpoints the centre witnessed for its remote
 * offices and the bundles it flagged, as SQLite's migration 0008 has them. Append-only.
 */
export const postgresMigration0006 = `
CREATE TABLE witnessed_checkpoints (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES offices (id),
  journal_id      TEXT NOT NULL REFERENCES journals (id),
  size            BIGINT NOT NULL CHECK (size >= 0),
  root            TEXT NOT NULL,
  note            TEXT NOT NULL,
  cosignature     TEXT NOT NULL,
  bundle_sequence INTEGER NOT NULL,
  accepted_at     TEXT NOT NULL
);

CREATE INDEX witnessed_checkpoints_by_journal ON witnessed_checkpoints (journal_id, size);

CREATE TABLE witness_flags (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  office_id       TEXT NOT NULL REFERENCES offices (id),
  journal_id      TEXT NOT NULL REFERENCES journals (id),
  reason          TEXT NOT NULL CHECK (reason IN ('rewritten', 'tail_cut')),
  position        BIGINT NOT NULL CHECK (position >= 1),
  entry_id        TEXT REFERENCES entries (id),
  printed_number  TEXT NOT NULL,
  confirmed_size  BIGINT NOT NULL,
  bundle_sequence INTEGER NOT NULL,
  file_name       TEXT NOT NULL,
  flagged_at      TEXT NOT NULL,
  flagged_by      TEXT REFERENCES users (id)
);

CREATE INDEX witness_flags_by_office ON witness_flags (office_id, flagged_at);
` + ['witnessed_checkpoints', 'witness_flags']
  .flatMap((table) =>
    ['update', 'delete', 'truncate'].map(
      (event) => `
CREATE TRIGGER ${table}_no_${event} BEFORE ${event.toUpperCase()} ON ${table}
FOR EACH ${event === 'truncate' ? 'STATEMENT' : 'ROW'} EXECUTE FUNCTION desk_refuse('${table}: append-only');`,
    ),
  )
  .join('');
