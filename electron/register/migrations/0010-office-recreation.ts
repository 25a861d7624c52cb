/**
 * A remote office's PC re-created without a backup (R3.5), both tables append-only:
 *
 * - `journal_lost_numbers`: numbers of a journal's year that the dead PC gave on paper but whose
 *   entries never reached the centre. They are recorded, with the head's statement, before the
 *   journal's counter reaches them, and the counter then steps over them in one move (section E:
 *   a number is never reused, and a printed number is never given twice). A range starts at the
 *   journal's next number, so nothing already issued can be declared lost.
 * - `exchange_recreations`: each re-creation of an office's workplace opens a new installation
 *   generation (the first installation is generation 1, pinned in `exchange_office_keys`); the
 *   centre keeps where the office's journals stood then, and which bundle was the last of the old
 *   PC. `exchange_reinstalled_keys` pins the keys of each later generation, from its first bundle.
 */
const sql = `
CREATE TABLE journal_lost_numbers (
  journal_id       TEXT NOT NULL REFERENCES journals (id),
  year             INTEGER NOT NULL,
  from_number      INTEGER NOT NULL CHECK (from_number >= 1),
  to_number        INTEGER NOT NULL,
  statement        TEXT NOT NULL,
  recorded_at      TEXT NOT NULL,
  -- Not a reference: the re-created workplace holds the record but not the head's user row.
  recorded_by      TEXT NOT NULL,
  recorded_by_name TEXT NOT NULL,
  PRIMARY KEY (journal_id, year, from_number),
  CHECK (to_number >= from_number)
) STRICT;

-- A lost range starts at the number the journal would give next: never over an issued entry.
CREATE TRIGGER journal_lost_numbers_at_next BEFORE INSERT ON journal_lost_numbers
WHEN NEW.from_number IS NOT COALESCE(
  (SELECT last_number + 1 FROM journal_counters WHERE journal_id = NEW.journal_id AND year = NEW.year),
  (SELECT first_number FROM journal_year_starts WHERE journal_id = NEW.journal_id AND year = NEW.year), 1)
BEGIN SELECT RAISE(ABORT, 'journal_lost_numbers: a lost range starts at the journal''s next number'); END;
CREATE TRIGGER journal_lost_numbers_no_update BEFORE UPDATE ON journal_lost_numbers
BEGIN SELECT RAISE(ABORT, 'journal_lost_numbers: append-only'); END;
CREATE TRIGGER journal_lost_numbers_no_delete BEFORE DELETE ON journal_lost_numbers
BEGIN SELECT RAISE(ABORT, 'journal_lost_numbers: append-only'); END;

-- A year continued from paper is set before anything else happens in it, lost numbers included.
CREATE TRIGGER journal_year_starts_before_lost_numbers BEFORE INSERT ON journal_year_starts
WHEN EXISTS (SELECT 1 FROM journal_lost_numbers WHERE journal_id = NEW.journal_id AND year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'journal_year_starts: the year already has entries'); END;

-- A year's counter starts at 1 (or the set first number), or just past a lost range starting there.
DROP TRIGGER journal_counters_start_at_one;
CREATE TRIGGER journal_counters_start_at_one BEFORE INSERT ON journal_counters
WHEN NEW.last_number IS NOT COALESCE(
  (SELECT to_number + 1 FROM journal_lost_numbers l WHERE l.journal_id = NEW.journal_id AND l.year = NEW.year
      AND l.from_number = COALESCE((SELECT first_number FROM journal_year_starts s WHERE s.journal_id = NEW.journal_id AND s.year = NEW.year), 1)),
  (SELECT first_number FROM journal_year_starts WHERE journal_id = NEW.journal_id AND year = NEW.year), 1)
BEGIN SELECT RAISE(ABORT, 'journal_counters: a year starts at number 1'); END;

-- Numbers move forward by one, or over a lost range in one move.
DROP TRIGGER journal_counters_step_by_one;
CREATE TRIGGER journal_counters_step_by_one BEFORE UPDATE ON journal_counters
WHEN NEW.last_number IS NOT COALESCE(
  (SELECT to_number + 1 FROM journal_lost_numbers WHERE journal_id = OLD.journal_id AND year = OLD.year AND from_number = OLD.last_number + 1),
  OLD.last_number + 1) OR NEW.journal_id <> OLD.journal_id OR NEW.year <> OLD.year
BEGIN SELECT RAISE(ABORT, 'journal_counters: numbers move forward by one'); END;

CREATE TABLE exchange_recreations (
  office_id        TEXT NOT NULL REFERENCES offices (id),
  generation       INTEGER NOT NULL CHECK (generation >= 2),
  workplace_version INTEGER NOT NULL,
  -- The last bundle imported from the replaced PC; the new PC's bundles are numbered after it.
  base_sequence    INTEGER NOT NULL CHECK (base_sequence >= 0),
  -- Each journal's chain head at the centre when the office was re-created (JSON).
  heads            TEXT NOT NULL CHECK (json_valid(heads)),
  recreated_at     TEXT NOT NULL,
  recreated_by     TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (office_id, generation)
) STRICT;

CREATE TRIGGER exchange_recreations_in_order BEFORE INSERT ON exchange_recreations
WHEN NEW.generation IS NOT 2 + (SELECT COUNT(*) FROM exchange_recreations WHERE office_id = NEW.office_id)
BEGIN SELECT RAISE(ABORT, 'exchange_recreations: generations follow one another'); END;
CREATE TRIGGER exchange_recreations_no_update BEFORE UPDATE ON exchange_recreations
BEGIN SELECT RAISE(ABORT, 'exchange_recreations: append-only'); END;
CREATE TRIGGER exchange_recreations_no_delete BEFORE DELETE ON exchange_recreations
BEGIN SELECT RAISE(ABORT, 'exchange_recreations: append-only'); END;

CREATE TABLE exchange_reinstalled_keys (
  office_id      TEXT NOT NULL,
  generation     INTEGER NOT NULL,
  signing_key    TEXT NOT NULL,
  encryption_key TEXT NOT NULL,
  pinned_at      TEXT NOT NULL,
  pinned_by      TEXT REFERENCES users (id),
  PRIMARY KEY (office_id, generation),
  FOREIGN KEY (office_id, generation) REFERENCES exchange_recreations (office_id, generation)
) STRICT;

CREATE TRIGGER exchange_reinstalled_keys_no_update BEFORE UPDATE ON exchange_reinstalled_keys
BEGIN SELECT RAISE(ABORT, 'exchange_office_keys: a pinned key never changes'); END;
CREATE TRIGGER exchange_reinstalled_keys_no_delete BEFORE DELETE ON exchange_reinstalled_keys
BEGIN SELECT RAISE(ABORT, 'exchange_office_keys: a pinned key never changes'); END;
`;

export const migration0010 = { version: 10, name: 'office-recreation', sql } as const;
