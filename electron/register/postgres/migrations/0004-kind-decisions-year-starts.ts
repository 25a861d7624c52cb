/**
 * The register on PostgreSQL, version 4: SQLite's migration 0007 (decisions on kinds, journals
 * continued from paper), with the same tables, checks and trigger messages.
 */
export const postgresMigration0004 = `
CREATE TABLE kind_decisions (
  id                  TEXT PRIMARY KEY,
  kind_id             TEXT NOT NULL,
  action              TEXT NOT NULL CHECK (action IN ('suspend', 'retire', 'replace', 'revoke')),
  successor_kind_id   TEXT,
  revokes_decision_id TEXT REFERENCES kind_decisions (id),
  decision_number     TEXT NOT NULL,
  decision_date       TEXT NOT NULL,
  effective_date      TEXT NOT NULL,
  point               TEXT NOT NULL,
  recorded_at         TEXT NOT NULL,
  -- Not a reference: a remote workplace holds the decision but not the head's user row.
  recorded_by         TEXT NOT NULL,
  recorded_by_name    TEXT NOT NULL,
  CHECK ((action = 'replace') = (successor_kind_id IS NOT NULL)),
  CHECK ((action = 'revoke') = (revokes_decision_id IS NOT NULL)),
  CHECK (successor_kind_id IS DISTINCT FROM kind_id)
);

CREATE INDEX kind_decisions_kind ON kind_decisions (kind_id, effective_date);
CREATE UNIQUE INDEX kind_decisions_revoked_once ON kind_decisions (revokes_decision_id) WHERE revokes_decision_id IS NOT NULL;

CREATE TRIGGER kind_decisions_no_update BEFORE UPDATE ON kind_decisions
FOR EACH ROW EXECUTE FUNCTION desk_refuse('kind_decisions: append-only');
CREATE TRIGGER kind_decisions_no_delete BEFORE DELETE ON kind_decisions
FOR EACH ROW EXECUTE FUNCTION desk_refuse('kind_decisions: append-only');
CREATE TRIGGER kind_decisions_no_truncate BEFORE TRUNCATE ON kind_decisions
FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('kind_decisions: append-only');

CREATE TABLE journal_year_starts (
  journal_id        TEXT NOT NULL REFERENCES journals (id),
  year              INTEGER NOT NULL,
  first_number      INTEGER NOT NULL,
  paper_last_number INTEGER NOT NULL CHECK (paper_last_number >= 1),
  paper_closed_by   TEXT NOT NULL,
  set_at            TEXT NOT NULL,
  set_by            TEXT NOT NULL,
  set_by_name       TEXT NOT NULL,
  PRIMARY KEY (journal_id, year),
  CHECK (first_number = paper_last_number + 1)
);

CREATE FUNCTION journal_year_starts_before_entries() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM journal_counters WHERE journal_id = NEW.journal_id AND year = NEW.year) THEN
    RAISE EXCEPTION 'journal_year_starts: the year already has entries';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_year_starts_before_entries BEFORE INSERT ON journal_year_starts
FOR EACH ROW EXECUTE FUNCTION journal_year_starts_before_entries();
CREATE TRIGGER journal_year_starts_no_update BEFORE UPDATE ON journal_year_starts
FOR EACH ROW EXECUTE FUNCTION desk_refuse('journal_year_starts: append-only');
CREATE TRIGGER journal_year_starts_no_delete BEFORE DELETE ON journal_year_starts
FOR EACH ROW EXECUTE FUNCTION desk_refuse('journal_year_starts: append-only');
CREATE TRIGGER journal_year_starts_no_truncate BEFORE TRUNCATE ON journal_year_starts
FOR EACH STATEMENT EXECUTE FUNCTION desk_refuse('journal_year_starts: append-only');

-- A year's counter starts at 1, or at the number set for the year when the journal continues a paper one.
DROP TRIGGER journal_counters_start_at_one ON journal_counters;
CREATE FUNCTION journal_counters_start() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.last_number IS DISTINCT FROM COALESCE(
    (SELECT first_number FROM journal_year_starts WHERE journal_id = NEW.journal_id AND year = NEW.year), 1) THEN
    RAISE EXCEPTION 'journal_counters: a year starts at number 1';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_counters_start_at_one BEFORE INSERT ON journal_counters
FOR EACH ROW EXECUTE FUNCTION journal_counters_start();
`;
