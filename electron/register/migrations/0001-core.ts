/**
 * The core register: settings, offices, journals, users, the journal entries with their hash
 * chain and gap-free counters, handovers, annulments, reissue links, the audit log, short codes
 * of printed documents and the full-text index.
 *
 * Append-only tables (entries, journal_counters history, handovers, annulments, reissues,
 * document_codes, audit_log) refuse UPDATE and DELETE by trigger: an issued entry is never edited
 * or deleted (R7.7, section E); a mistake is corrected by annulling and issuing anew.
 */
export const migration0001Core = `
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE offices (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('central', 'remote')),
  starosta_district TEXT,
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE journals (
  id                 TEXT PRIMARY KEY,
  office_id          TEXT NOT NULL REFERENCES offices (id),
  nomenclature_index TEXT NOT NULL,
  title              TEXT NOT NULL,
  sorts              TEXT NOT NULL CHECK (json_valid(sorts)),
  number_format      TEXT,
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (office_id, nomenclature_index)
) STRICT;

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  login         TEXT NOT NULL UNIQUE,
  full_name     TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('head', 'admin', 'remote_admin')),
  office_id     TEXT NOT NULL REFERENCES offices (id),
  password_hash TEXT NOT NULL,
  failed_count  INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- Last number given per journal per Kyiv calendar year. Moves only forward by one, so a number
-- is never skipped or reused, and a deleted last entry is still visible to verification.
CREATE TABLE journal_counters (
  journal_id  TEXT NOT NULL REFERENCES journals (id),
  year        INTEGER NOT NULL,
  last_number INTEGER NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (journal_id, year)
) STRICT;

CREATE TRIGGER journal_counters_start_at_one BEFORE INSERT ON journal_counters
WHEN NEW.last_number <> 1
BEGIN SELECT RAISE(ABORT, 'journal_counters: a year starts at number 1'); END;

CREATE TRIGGER journal_counters_step_by_one BEFORE UPDATE ON journal_counters
WHEN NEW.last_number <> OLD.last_number + 1 OR NEW.journal_id <> OLD.journal_id OR NEW.year <> OLD.year
BEGIN SELECT RAISE(ABORT, 'journal_counters: numbers move forward by one'); END;

CREATE TRIGGER journal_counters_no_delete BEFORE DELETE ON journal_counters
BEGIN SELECT RAISE(ABORT, 'journal_counters: append-only'); END;

CREATE TABLE entries (
  id             TEXT PRIMARY KEY,
  journal_id     TEXT NOT NULL REFERENCES journals (id),
  year           INTEGER NOT NULL,
  number         INTEGER NOT NULL CHECK (number >= 1),
  printed_number TEXT NOT NULL,
  sort           TEXT NOT NULL CHECK (sort IN ('certificate', 'certification', 'refusal')),
  kinds          TEXT NOT NULL CHECK (json_valid(kinds)),
  created_at     TEXT NOT NULL,
  local_date     TEXT NOT NULL,
  created_by     TEXT NOT NULL REFERENCES users (id),
  content        TEXT NOT NULL CHECK (json_valid(content)),
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL UNIQUE,
  UNIQUE (journal_id, year, number)
) STRICT;

CREATE INDEX entries_created ON entries (created_at DESC, id DESC);
CREATE INDEX entries_local_date ON entries (local_date, journal_id);
CREATE INDEX entries_created_by ON entries (created_by, created_at DESC);

-- The number must be the one the counter just reached, in the same transaction (gap-free).
CREATE TRIGGER entries_number_from_counter BEFORE INSERT ON entries
WHEN NEW.number IS NOT (SELECT last_number FROM journal_counters WHERE journal_id = NEW.journal_id AND year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'entries: number must come from the journal counter'); END;

-- A journal never goes back to an earlier year (a wrong clock must not reopen a closed year).
CREATE TRIGGER entries_year_not_backwards BEFORE INSERT ON entries
WHEN NEW.year < (SELECT MAX(year) FROM entries WHERE journal_id = NEW.journal_id)
BEGIN SELECT RAISE(ABORT, 'entries: the journal is already in a later year'); END;

-- The chain link must point at the journal's latest entry.
CREATE TRIGGER entries_chain_link BEFORE INSERT ON entries
WHEN NEW.prev_hash IS NOT COALESCE(
  (SELECT hash FROM entries WHERE journal_id = NEW.journal_id ORDER BY year DESC, number DESC LIMIT 1),
  '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'entries: prev_hash must link to the latest entry'); END;

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'entries: an issued entry is never edited'); END;

CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'entries: an issued entry is never deleted'); END;

CREATE TABLE handovers (
  entry_id       TEXT PRIMARY KEY REFERENCES entries (id),
  at             TEXT NOT NULL,
  received_by    TEXT NOT NULL CHECK (received_by IN ('subject', 'representative')),
  recipient_name TEXT NOT NULL,
  by_user        TEXT NOT NULL REFERENCES users (id)
) STRICT;

CREATE TRIGGER handovers_no_update BEFORE UPDATE ON handovers
BEGIN SELECT RAISE(ABORT, 'handovers: append-only'); END;
CREATE TRIGGER handovers_no_delete BEFORE DELETE ON handovers
BEGIN SELECT RAISE(ABORT, 'handovers: append-only'); END;

CREATE TABLE annulments (
  entry_id TEXT PRIMARY KEY REFERENCES entries (id),
  at       TEXT NOT NULL,
  reason   TEXT NOT NULL,
  by_user  TEXT NOT NULL REFERENCES users (id)
) STRICT;

CREATE TRIGGER annulments_no_update BEFORE UPDATE ON annulments
BEGIN SELECT RAISE(ABORT, 'annulments: append-only'); END;
CREATE TRIGGER annulments_no_delete BEFORE DELETE ON annulments
BEGIN SELECT RAISE(ABORT, 'annulments: append-only'); END;

-- The entry issued in place of an annulled one; set once, after the new entry exists.
CREATE TABLE reissues (
  annulled_entry_id TEXT PRIMARY KEY REFERENCES annulments (entry_id),
  new_entry_id      TEXT NOT NULL UNIQUE REFERENCES entries (id),
  at                TEXT NOT NULL,
  by_user           TEXT NOT NULL REFERENCES users (id),
  CHECK (annulled_entry_id <> new_entry_id)
) STRICT;

CREATE TRIGGER reissues_no_update BEFORE UPDATE ON reissues
BEGIN SELECT RAISE(ABORT, 'reissues: append-only'); END;
CREATE TRIGGER reissues_no_delete BEFORE DELETE ON reissues
BEGIN SELECT RAISE(ABORT, 'reissues: append-only'); END;

-- Who did what and when. Summaries name entities by id or printed number, never personal data.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT REFERENCES users (id),
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  summary   TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, action);
CREATE INDEX audit_log_user ON audit_log (user_id, at DESC);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log: append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log: append-only'); END;

-- Short code printed on a document (QR / check code) pointing back at its entry.
CREATE TABLE document_codes (
  entry_id   TEXT PRIMARY KEY REFERENCES entries (id),
  short_code TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER document_codes_no_update BEFORE UPDATE ON document_codes
BEGIN SELECT RAISE(ABORT, 'document_codes: append-only'); END;
CREATE TRIGGER document_codes_no_delete BEFORE DELETE ON document_codes
BEGIN SELECT RAISE(ABORT, 'document_codes: append-only'); END;

-- Names, address and printed number of each entry, apostrophes normalised to U+02BC on write.
CREATE VIRTUAL TABLE entries_fts USING fts5(
  entry_id UNINDEXED,
  names,
  address,
  number,
  tokenize = "unicode61 remove_diacritics 2"
);
`;
