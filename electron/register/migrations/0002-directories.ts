/**
 * Reference data (signatories and seals, R7.10, R7.13; committees and their heads, R7.5) and
 * template storage (versioned forms, R7.3).
 *
 * History is kept, never rewritten: a body's post periods are append-only except for closing an
 * open period once; every other directory row keeps each previous version in
 * `directory_revisions` before it changes. Templates are append-only: saving makes version n+1
 * (R7.3: a printed certificate records which version printed it, so old versions must stay).
 * Ids of users and offices are plain TEXT here, without foreign keys into the core schema.
 */
const sql = `
CREATE TABLE directory_revisions (
  entity     TEXT NOT NULL CHECK (entity IN ('signatory', 'body', 'settlement', 'street')),
  entity_id  TEXT NOT NULL,
  revision   INTEGER NOT NULL CHECK (revision >= 1),
  data       TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  PRIMARY KEY (entity, entity_id, revision)
) STRICT;

CREATE TRIGGER directory_revisions_no_update BEFORE UPDATE ON directory_revisions
BEGIN SELECT RAISE(ABORT, 'directory_revisions: append-only'); END;
CREATE TRIGGER directory_revisions_no_delete BEFORE DELETE ON directory_revisions
BEGIN SELECT RAISE(ABORT, 'directory_revisions: append-only'); END;

-- R7.10 «Для довідок» / R7.13 executive committee seal with the керуючий справами.
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
) STRICT;

CREATE TABLE settlements (
  id                TEXT PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('city', 'settlement', 'village')),
  name              TEXT NOT NULL,
  starosta_district TEXT,
  active            INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE streets (
  id            TEXT PRIMARY KEY,
  settlement_id TEXT NOT NULL REFERENCES settlements (id),
  kind          TEXT NOT NULL CHECK (kind IN ('street', 'lane', 'avenue', 'boulevard', 'square',
                  'passage', 'descent', 'dead_end', 'highway', 'microdistrict')),
  name          TEXT NOT NULL,
  -- Folded in JS (Ukrainian lower case, U+02BC apostrophe): SQLite's lower() leaves Cyrillic alone.
  search_key    TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  updated_at    TEXT NOT NULL,
  UNIQUE (settlement_id, kind, search_key)
) STRICT;

CREATE INDEX streets_by_key ON streets (search_key);
CREATE INDEX streets_by_settlement_key ON streets (settlement_id, search_key);

-- Quarter/house committees (R7.5) and ОСББ (R7.8).
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
) STRICT;

CREATE INDEX bodies_by_type ON bodies (type, active, name);

-- Who held the head's and deputy's posts, and when (inclusive dates; held_to NULL while in office).
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
) STRICT;

CREATE INDEX body_posts_by_body ON body_posts (body_id, role, held_from);
CREATE UNIQUE INDEX body_posts_one_open ON body_posts (body_id, role) WHERE held_to IS NULL;

CREATE TRIGGER body_posts_no_delete BEFORE DELETE ON body_posts
BEGIN SELECT RAISE(ABORT, 'body_posts: history is never deleted'); END;

CREATE TRIGGER body_posts_keep_holder BEFORE UPDATE OF id, body_id, role, family_name, given_name,
  patronymic, held_from, created_at, created_by ON body_posts
BEGIN SELECT RAISE(ABORT, 'body_posts: a period is never rewritten; add a new one'); END;

CREATE TRIGGER body_posts_close_once BEFORE UPDATE OF held_to, closed_at, closed_by ON body_posts
WHEN OLD.held_to IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'body_posts: a closed period stays closed'); END;

-- R7.3 templates, versioned and append-only.
CREATE TABLE templates (
  kind_id         TEXT NOT NULL,
  version         INTEGER NOT NULL CHECK (version >= 1),
  text            TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  PRIMARY KEY (kind_id, version)
) STRICT;

CREATE TRIGGER templates_next_version BEFORE INSERT ON templates
WHEN NEW.version <> (SELECT COALESCE(MAX(version), 0) + 1 FROM templates WHERE kind_id = NEW.kind_id)
BEGIN SELECT RAISE(ABORT, 'templates: versions go up by one'); END;
CREATE TRIGGER templates_no_update BEFORE UPDATE ON templates
BEGIN SELECT RAISE(ABORT, 'templates: append-only'); END;
CREATE TRIGGER templates_no_delete BEFORE DELETE ON templates
BEGIN SELECT RAISE(ABORT, 'templates: append-only'); END;

-- R7.15 kinds added by an executive committee decision.
CREATE TABLE custom_kinds (
  id               TEXT PRIMARY KEY CHECK (id GLOB 'custom:[a-z]*'),
  sort             TEXT NOT NULL CHECK (sort IN ('issued', 'certified')),
  title            TEXT NOT NULL,
  grounds          TEXT NOT NULL CHECK (json_valid(grounds)),
  needs_household  INTEGER NOT NULL CHECK (needs_household IN (0, 1)),
  decision_number  TEXT NOT NULL,
  decision_date    TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  created_by       TEXT NOT NULL
) STRICT;

CREATE TRIGGER custom_kinds_no_delete BEFORE DELETE ON custom_kinds
BEGIN SELECT RAISE(ABORT, 'custom_kinds: a kind used by entries is never deleted'); END;
`;

export const migration0002 = { version: 2, name: 'directories', sql } as const;
