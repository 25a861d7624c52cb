/**
 * Decisions on kinds, and journals continued from paper (both append-only, never edited):
 *
 * - `kind_decisions`: the council's decision (No., date, effective date, the text of its point)
 *   that suspends, retires or replaces a kind, or revokes an earlier decision. Entries issued
 *   under a kind are never touched: a decision only stops new ones from its effective date.
 * - `journal_year_starts`: the number a journal's first entry of a year takes when the journal
 *   continues a paper one mid-year (section E: numbering per journal per year, gap-free across
 *   paper and desk), with the paper journal's last number and who closed it. Set once, before the
 *   year's counter exists; the counter then starts there instead of at 1.
 */
const sql = `
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
  CHECK (successor_kind_id IS NOT kind_id)
) STRICT;

CREATE INDEX kind_decisions_kind ON kind_decisions (kind_id, effective_date);
-- A decision is revoked at most once.
CREATE UNIQUE INDEX kind_decisions_revoked_once ON kind_decisions (revokes_decision_id) WHERE revokes_decision_id IS NOT NULL;

CREATE TRIGGER kind_decisions_no_update BEFORE UPDATE ON kind_decisions
BEGIN SELECT RAISE(ABORT, 'kind_decisions: append-only'); END;
CREATE TRIGGER kind_decisions_no_delete BEFORE DELETE ON kind_decisions
BEGIN SELECT RAISE(ABORT, 'kind_decisions: append-only'); END;

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
) STRICT;

CREATE TRIGGER journal_year_starts_before_entries BEFORE INSERT ON journal_year_starts
WHEN EXISTS (SELECT 1 FROM journal_counters WHERE journal_id = NEW.journal_id AND year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'journal_year_starts: the year already has entries'); END;
CREATE TRIGGER journal_year_starts_no_update BEFORE UPDATE ON journal_year_starts
BEGIN SELECT RAISE(ABORT, 'journal_year_starts: append-only'); END;
CREATE TRIGGER journal_year_starts_no_delete BEFORE DELETE ON journal_year_starts
BEGIN SELECT RAISE(ABORT, 'journal_year_starts: append-only'); END;

-- A year's counter starts at 1, or at the number set for the year when the journal continues a paper one.
DROP TRIGGER journal_counters_start_at_one;
CREATE TRIGGER journal_counters_start_at_one BEFORE INSERT ON journal_counters
WHEN NEW.last_number IS NOT COALESCE(
  (SELECT first_number FROM journal_year_starts WHERE journal_id = NEW.journal_id AND year = NEW.year), 1)
BEGIN SELECT RAISE(ABORT, 'journal_counters: a year starts at number 1'); END;
`;

export const migration0007 = { version: 7, name: 'kind-decisions-year-starts', sql } as const;
