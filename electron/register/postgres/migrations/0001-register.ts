/**
 * The register on PostgreSQL, version 1: the same tables and columns as SQLite's migrations
 * 0001–0004 (core, directories, exchange, search and chain head), so one SQL text serves both.
 *
 * Carried over as SQLite stores them: booleans are INTEGER 0/1, timestamps and dates are ISO
 * TEXT, JSON is TEXT checked to parse. Every SQLite trigger is here with the same message (the
 * services and tests match on it): issued entries, handovers, annulments, reissues, short codes,
 * the audit log, revisions, templates and the exchange log are append-only (R7.7, section E);
 * counters start at 1 and move by one; an entry's number comes from the counter and its
 * prev_hash links to the journal's latest entry. TRUNCATE, which skips row triggers, is refused
 * on the same tables.
 *
 * What PostgreSQL needs beyond SQLite:
 * - `rowid` columns on handovers, annulments, reissues and document_codes, which SQLite has
 *   implicitly and the exchange bundles page by;
 * - `entries_fts` as a table with a `tsvector` of tokens folded in JS (never the server's locale)
 *   and a GIN index, in place of FTS5;
 * - a unique (journal_id, prev_hash): two entries can never follow the same one, so a journal's
 *   chain cannot fork even if two writers got past the row lock.
 */
export const postgresMigration0001 = `
CREATE FUNCTION desk_json_valid(value TEXT) RETURNS BOOLEAN LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM value::json;
  RETURN TRUE;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN FALSE;
END $$;

-- The one trigger body for "never": the message is the trigger's argument.
CREATE FUNCTION desk_refuse() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END $$;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (desk_json_valid(value))
);

CREATE TABLE offices (
  id                TEXT PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('central', 'remote')),
  starosta_district TEXT,
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE journals (
  id                 TEXT PRIMARY KEY,
  office_id          TEXT NOT NULL REFERENCES offices (id),
  nomenclature_index TEXT NOT NULL,
  title              TEXT NOT NULL,
  sorts              TEXT NOT NULL CHECK (desk_json_valid(sorts)),
  number_format      TEXT,
  active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (office_id, nomenclature_index)
);

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
);

CREATE TABLE journal_counters (
  journal_id  TEXT NOT NULL REFERENCES journals (id),
  year        INTEGER NOT NULL,
  last_number INTEGER NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (journal_id, year)
);

CREATE TRIGGER journal_counters_start_at_one BEFORE INSERT ON journal_counters
FOR EACH ROW WHEN (NEW.last_number <> 1)
EXECUTE FUNCTION desk_refuse('journal_counters: a year starts at number 1');

CREATE TRIGGER journal_counters_step_by_one BEFORE UPDATE ON journal_counters
FOR EACH ROW WHEN (NEW.last_number <> OLD.last_number + 1 OR NEW.journal_id <> OLD.journal_id OR NEW.year <> OLD.year)
EXECUTE FUNCTION desk_refuse('journal_counters: numbers move forward by one');

CREATE TRIGGER journal_counters_no_delete BEFORE DELETE ON journal_counters
FOR EACH ROW EXECUTE FUNCTION desk_refuse('journal_counters: append-only');
CREATE TRIGGER journal_counters_no_truncate BEFORE TRUNCATE ON journal_counters
FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('journal_counters: append-only');

CREATE TABLE entries (
  id             TEXT PRIMARY KEY,
  journal_id     TEXT NOT NULL REFERENCES journals (id),
  year           INTEGER NOT NULL,
  number         INTEGER NOT NULL CHECK (number >= 1),
  printed_number TEXT NOT NULL,
  sort           TEXT NOT NULL CHECK (sort IN ('certificate', 'certification', 'refusal')),
  kinds          TEXT NOT NULL CHECK (desk_json_valid(kinds)),
  created_at     TEXT NOT NULL,
  local_date     TEXT NOT NULL,
  created_by     TEXT NOT NULL REFERENCES users (id),
  content        TEXT NOT NULL CHECK (desk_json_valid(content)),
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL UNIQUE,
  UNIQUE (journal_id, year, number)
);

CREATE INDEX entries_created ON entries (created_at DESC, id DESC);
CREATE INDEX entries_local_date ON entries (local_date, journal_id);
CREATE INDEX entries_created_by ON entries (created_by, created_at DESC);
CREATE UNIQUE INDEX entries_one_successor ON entries (journal_id, prev_hash);

-- The number must be the one the counter just reached, in the same transaction (gap-free).
CREATE FUNCTION entries_number_from_counter() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.number IS DISTINCT FROM
     (SELECT last_number FROM journal_counters WHERE journal_id = NEW.journal_id AND year = NEW.year) THEN
    RAISE EXCEPTION 'entries: number must come from the journal counter';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER entries_number_from_counter BEFORE INSERT ON entries
FOR EACH ROW EXECUTE FUNCTION entries_number_from_counter();

-- A journal never goes back to an earlier year (a wrong clock must not reopen a closed year).
CREATE FUNCTION entries_year_not_backwards() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.year < (SELECT year FROM entries WHERE journal_id = NEW.journal_id ORDER BY year DESC, number DESC LIMIT 1) THEN
    RAISE EXCEPTION 'entries: the journal is already in a later year';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER entries_year_not_backwards BEFORE INSERT ON entries
FOR EACH ROW EXECUTE FUNCTION entries_year_not_backwards();

-- The chain link must point at the journal's latest entry.
CREATE FUNCTION entries_chain_link() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.prev_hash IS DISTINCT FROM COALESCE(
    (SELECT hash FROM entries WHERE journal_id = NEW.journal_id ORDER BY year DESC, number DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000') THEN
    RAISE EXCEPTION 'entries: prev_hash must link to the latest entry';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER entries_chain_link BEFORE INSERT ON entries
FOR EACH ROW EXECUTE FUNCTION entries_chain_link();

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
FOR EACH ROW EXECUTE FUNCTION desk_refuse('entries: an issued entry is never edited');
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
FOR EACH ROW EXECUTE FUNCTION desk_refuse('entries: an issued entry is never deleted');
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON entries
FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('entries: an issued entry is never deleted');

CREATE TABLE handovers (
  entry_id       TEXT PRIMARY KEY REFERENCES entries (id),
  at             TEXT NOT NULL,
  received_by    TEXT NOT NULL CHECK (received_by IN ('subject', 'representative')),
  recipient_name TEXT NOT NULL,
  by_user        TEXT NOT NULL REFERENCES users (id),
  rowid          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE TABLE annulments (
  entry_id TEXT PRIMARY KEY REFERENCES entries (id),
  at       TEXT NOT NULL,
  reason   TEXT NOT NULL,
  by_user  TEXT NOT NULL REFERENCES users (id),
  rowid    BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

CREATE TABLE reissues (
  annulled_entry_id TEXT PRIMARY KEY REFERENCES annulments (entry_id),
  new_entry_id      TEXT NOT NULL UNIQUE REFERENCES entries (id),
  at                TEXT NOT NULL,
  by_user           TEXT NOT NULL REFERENCES users (id),
  rowid             BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  CHECK (annulled_entry_id <> new_entry_id)
);

CREATE TABLE audit_log (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   TEXT REFERENCES users (id),
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  summary   TEXT NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, action);
CREATE INDEX audit_log_user ON audit_log (user_id, at DESC);

CREATE TABLE document_codes (
  entry_id   TEXT PRIMARY KEY REFERENCES entries (id),
  short_code TEXT NOT NULL UNIQUE,
  rowid      BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);

-- Names, address and printed number of each entry; lexemes are tokens folded in JS.
CREATE TABLE entries_fts (
  rowid    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id TEXT NOT NULL UNIQUE REFERENCES entries (id),
  names    TEXT NOT NULL,
  address  TEXT NOT NULL,
  number   TEXT NOT NULL,
  lexemes  TSVECTOR NOT NULL
);

CREATE INDEX entries_fts_lexemes ON entries_fts USING GIN (lexemes);

CREATE TABLE directory_revisions (
  entity     TEXT NOT NULL CHECK (entity IN ('signatory', 'body', 'settlement', 'street')),
  entity_id  TEXT NOT NULL,
  revision   INTEGER NOT NULL CHECK (revision >= 1),
  data       TEXT NOT NULL CHECK (desk_json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id, revision)
);

CREATE TABLE signatories (
  id         TEXT PRIMARY KEY,
  position   TEXT NOT NULL,
  full_name  TEXT NOT NULL,
  seal       TEXT NOT NULL CHECK (seal IN ('for_certificates', 'executive_committee')),
  seal_name  TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT CHECK (valid_to IS NULL OR valid_to >= valid_from),
  office_id  TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE settlements (
  id                TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('city', 'settlement', 'village')),
  name              TEXT NOT NULL,
  starosta_district TEXT,
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at        TEXT NOT NULL
);

CREATE TABLE streets (
  id            TEXT PRIMARY KEY,
  settlement_id TEXT NOT NULL REFERENCES settlements (id),
  kind          TEXT NOT NULL CHECK (kind IN ('street', 'lane', 'avenue', 'boulevard', 'square',
                  'passage', 'descent', 'dead_end', 'highway', 'microdistrict')),
  name          TEXT NOT NULL,
  search_key    TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at    TEXT NOT NULL,
  UNIQUE (settlement_id, kind, search_key)
);

-- text_pattern_ops: prefix matches (search_key LIKE 'шев%') use the index whatever the collation.
CREATE INDEX streets_by_key ON streets (search_key text_pattern_ops);
CREATE INDEX streets_by_settlement_key ON streets (settlement_id, search_key text_pattern_ops);

CREATE TABLE bodies (
  id             TEXT PRIMARY KEY,
  type           TEXT NOT NULL CHECK (type IN ('committee', 'osbb')),
  committee_kind TEXT CHECK (committee_kind IN ('quarter', 'house')),
  number         TEXT,
  name           TEXT NOT NULL,
  territory      TEXT NOT NULL DEFAULT '',
  legal_entity   INTEGER NOT NULL CHECK (legal_entity IN (0, 1)),
  has_seal       INTEGER NOT NULL CHECK (has_seal IN (0, 1)),
  seal_name      TEXT,
  settlement_id  TEXT REFERENCES settlements (id),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at     TEXT NOT NULL,
  CHECK (type = 'committee' OR committee_kind IS NULL)
);

CREATE INDEX bodies_by_type ON bodies (type, active, name);

CREATE TABLE body_posts (
  id          TEXT PRIMARY KEY,
  body_id     TEXT NOT NULL REFERENCES bodies (id),
  role        TEXT NOT NULL CHECK (role IN ('head', 'deputy')),
  family_name TEXT NOT NULL,
  given_name  TEXT NOT NULL,
  patronymic  TEXT,
  held_from   TEXT NOT NULL,
  held_to     TEXT CHECK (held_to IS NULL OR held_to >= held_from),
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  closed_at   TEXT,
  closed_by   TEXT
);

CREATE INDEX body_posts_by_body ON body_posts (body_id, role, held_from);
CREATE UNIQUE INDEX body_posts_one_open ON body_posts (body_id, role) WHERE held_to IS NULL;

CREATE TRIGGER body_posts_no_delete BEFORE DELETE ON body_posts
FOR EACH ROW EXECUTE FUNCTION desk_refuse('body_posts: history is never deleted');
CREATE TRIGGER body_posts_no_truncate BEFORE TRUNCATE ON body_posts
FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('body_posts: history is never deleted');

CREATE TRIGGER body_posts_keep_holder BEFORE UPDATE OF id, body_id, role, family_name, given_name,
  patronymic, held_from, created_at, created_by ON body_posts
FOR EACH ROW EXECUTE FUNCTION desk_refuse('body_posts: a period is never rewritten; add a new one');

CREATE TRIGGER body_posts_close_once BEFORE UPDATE OF held_to, closed_at, closed_by ON body_posts
FOR EACH ROW WHEN (OLD.held_to IS NOT NULL)
EXECUTE FUNCTION desk_refuse('body_posts: a closed period stays closed');

CREATE TABLE templates (
  kind_id         TEXT NOT NULL,
  version         INTEGER NOT NULL CHECK (version >= 1),
  text            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  PRIMARY KEY (kind_id, version)
);

CREATE FUNCTION templates_next_version() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version <> (SELECT COALESCE(MAX(version), 0) + 1 FROM templates WHERE kind_id = NEW.kind_id) THEN
    RAISE EXCEPTION 'templates: versions go up by one';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER templates_next_version BEFORE INSERT ON templates
FOR EACH ROW EXECUTE FUNCTION templates_next_version();

CREATE TABLE custom_kinds (
  id               TEXT PRIMARY KEY CHECK (id ~ '^custom:[a-z]'),
  sort             TEXT NOT NULL CHECK (sort IN ('issued', 'certified')),
  title            TEXT NOT NULL,
  grounds          TEXT NOT NULL CHECK (desk_json_valid(grounds)),
  needs_household  INTEGER NOT NULL CHECK (needs_household IN (0, 1)),
  decision_number  TEXT NOT NULL,
  decision_date    TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL
);

CREATE TRIGGER custom_kinds_no_delete BEFORE DELETE ON custom_kinds
FOR EACH ROW EXECUTE FUNCTION desk_refuse('custom_kinds: a kind used by entries is never deleted');
CREATE TRIGGER custom_kinds_no_truncate BEFORE TRUNCATE ON custom_kinds
FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('custom_kinds: a kind used by entries is never deleted');

CREATE TABLE exchange_log (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  direction    TEXT NOT NULL CHECK (direction IN ('export', 'import')),
  kind         TEXT NOT NULL CHECK (kind IN ('workplace', 'bundle', 'update')),
  office_id    TEXT NOT NULL REFERENCES offices (id),
  sequence     INTEGER NOT NULL CHECK (sequence >= 0),
  period_from  TEXT,
  period_to    TEXT,
  file_name    TEXT NOT NULL,
  file_digest  TEXT NOT NULL,
  counts       TEXT NOT NULL CHECK (desk_json_valid(counts)),
  marks        TEXT NOT NULL CHECK (desk_json_valid(marks)),
  acknowledged INTEGER,
  at           TEXT NOT NULL,
  by_user      TEXT REFERENCES users (id)
);

CREATE INDEX exchange_log_by_office ON exchange_log (office_id, kind, direction, sequence);
CREATE UNIQUE INDEX exchange_log_one_import ON exchange_log (office_id, kind, sequence) WHERE direction = 'import';
CREATE UNIQUE INDEX exchange_log_one_export ON exchange_log (office_id, kind, sequence) WHERE direction = 'export';

CREATE TABLE exchange_office_keys (
  office_id      TEXT PRIMARY KEY REFERENCES offices (id),
  signing_key    TEXT NOT NULL,
  encryption_key TEXT NOT NULL,
  pinned_at      TEXT NOT NULL,
  pinned_by      TEXT REFERENCES users (id)
);
` + appendOnly([
  ['handovers', 'handovers: append-only'],
  ['annulments', 'annulments: append-only'],
  ['reissues', 'reissues: append-only'],
  ['audit_log', 'audit_log: append-only'],
  ['document_codes', 'document_codes: append-only'],
  ['directory_revisions', 'directory_revisions: append-only'],
  ['templates', 'templates: append-only'],
  ['exchange_log', 'exchange_log: append-only'],
  ['exchange_office_keys', 'exchange_office_keys: a pinned key never changes'],
]);

/** `<table>_no_update`, `_no_delete` and `_no_truncate`, each refusing with SQLite's message. */
function appendOnly(tables: readonly (readonly [table: string, message: string])[]): string {
  return tables
    .map(([table, message]) =>
      (['update', 'delete', 'truncate'] as const)
        .map(
          (event) => `
CREATE TRIGGER ${table}_no_${event} BEFORE ${event.toUpperCase()} ON ${table}
FOR EACH ${event === 'truncate' ? 'STATEMENT' : 'ROW'} EXECUTE FUNCTION desk_refuse('${message}');`,
        )
        .join(''),
    )
    .join('\n');
}
