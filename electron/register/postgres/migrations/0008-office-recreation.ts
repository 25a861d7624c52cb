/**
 * The register on PostgreSQL, version 8: SQLite's migration 0010 (a remote office's PC re-created
 * without a backup: lost numbers a journal steps over, installation generations and their keys),
 * with the same tables, checks and trigger messages. The counter, moved only by the entry's own
 * insert (version 5), may step over a lost range in one move.
 */
export const postgresMigration0008 = `
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
);

/* The number a journal's year gives next after 'reached' (NULL: the year has no entry yet). */
CREATE FUNCTION journal_next_number(journal TEXT, in_year INTEGER, reached INTEGER) RETURNS INTEGER
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  WITH plain AS (
    SELECT COALESCE(reached + 1,
      (SELECT first_number FROM journal_year_starts WHERE journal_id = journal AND year = in_year), 1) AS number
  )
  SELECT COALESCE(
    (SELECT l.to_number + 1 FROM journal_lost_numbers l, plain WHERE l.journal_id = journal AND l.year = in_year AND l.from_number = plain.number),
    (SELECT number FROM plain))
$$;

CREATE FUNCTION journal_lost_numbers_at_next() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.from_number IS DISTINCT FROM COALESCE(
    (SELECT last_number + 1 FROM journal_counters WHERE journal_id = NEW.journal_id AND year = NEW.year),
    (SELECT first_number FROM journal_year_starts WHERE journal_id = NEW.journal_id AND year = NEW.year), 1) THEN
    RAISE EXCEPTION 'journal_lost_numbers: a lost range starts at the journal''s next number';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_lost_numbers_at_next BEFORE INSERT ON journal_lost_numbers
FOR EACH ROW EXECUTE FUNCTION journal_lost_numbers_at_next();

CREATE FUNCTION journal_year_starts_before_lost_numbers() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM journal_lost_numbers WHERE journal_id = NEW.journal_id AND year = NEW.year) THEN
    RAISE EXCEPTION 'journal_year_starts: the year already has entries';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_year_starts_before_lost_numbers BEFORE INSERT ON journal_year_starts
FOR EACH ROW EXECUTE FUNCTION journal_year_starts_before_lost_numbers();

CREATE OR REPLACE FUNCTION journal_counters_start() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.last_number IS DISTINCT FROM journal_next_number(NEW.journal_id, NEW.year, NULL) THEN
    RAISE EXCEPTION 'journal_counters: a year starts at number 1';
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER journal_counters_step_by_one ON journal_counters;
CREATE FUNCTION journal_counters_step() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.journal_id <> OLD.journal_id OR NEW.year <> OLD.year
     OR NEW.last_number IS DISTINCT FROM journal_next_number(OLD.journal_id, OLD.year, OLD.last_number) THEN
    RAISE EXCEPTION 'journal_counters: numbers move forward by one';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_counters_step_by_one BEFORE UPDATE ON journal_counters
FOR EACH ROW EXECUTE FUNCTION journal_counters_step();

CREATE OR REPLACE FUNCTION entries_number_from_counter() RETURNS TRIGGER LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  reached INTEGER;
BEGIN
  SELECT last_number INTO reached FROM journal_counters
   WHERE journal_id = NEW.journal_id AND year = NEW.year FOR UPDATE;
  -- The next number: after the counter, or the year's first; past a lost range starting there.
  IF NEW.number IS DISTINCT FROM journal_next_number(NEW.journal_id, NEW.year, reached) THEN
    RAISE EXCEPTION 'entries: number must come from the journal counter';
  END IF;
  IF reached IS NULL THEN
    INSERT INTO journal_counters (journal_id, year, last_number) VALUES (NEW.journal_id, NEW.year, NEW.number);
  ELSE
    UPDATE journal_counters SET last_number = NEW.number WHERE journal_id = NEW.journal_id AND year = NEW.year;
  END IF;
  RETURN NEW;
END $$;
REVOKE ALL ON FUNCTION entries_number_from_counter() FROM PUBLIC;

CREATE TABLE exchange_recreations (
  office_id         TEXT NOT NULL REFERENCES offices (id),
  generation        INTEGER NOT NULL CHECK (generation >= 2),
  workplace_version INTEGER NOT NULL,
  base_sequence     INTEGER NOT NULL CHECK (base_sequence >= 0),
  heads             TEXT NOT NULL CHECK (desk_json_valid(heads)),
  recreated_at      TEXT NOT NULL,
  recreated_by      TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (office_id, generation)
);

CREATE FUNCTION exchange_recreations_in_order() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.generation IS DISTINCT FROM 2 + (SELECT COUNT(*) FROM exchange_recreations WHERE office_id = NEW.office_id) THEN
    RAISE EXCEPTION 'exchange_recreations: generations follow one another';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER exchange_recreations_in_order BEFORE INSERT ON exchange_recreations
FOR EACH ROW EXECUTE FUNCTION exchange_recreations_in_order();

CREATE TABLE exchange_reinstalled_keys (
  office_id      TEXT NOT NULL,
  generation     INTEGER NOT NULL,
  signing_key    TEXT NOT NULL,
  encryption_key TEXT NOT NULL,
  pinned_at      TEXT NOT NULL,
  pinned_by      TEXT REFERENCES users (id),
  PRIMARY KEY (office_id, generation),
  FOREIGN KEY (office_id, generation) REFERENCES exchange_recreations (office_id, generation)
);
` + ['journal_lost_numbers', 'exchange_recreations', 'exchange_reinstalled_keys']
  .flatMap((table) => {
    const message = table === 'exchange_reinstalled_keys' ? 'exchange_office_keys: a pinned key never changes' : `${table}: append-only`;
    return (['update', 'delete', 'truncate'] as const).map(
      (event) => `
CREATE TRIGGER ${table}_no_${event} BEFORE ${event.toUpperCase()} ON ${table}
FOR EACH ${event === 'truncate' ? 'STATEMENT' : 'ROW'} EXECUTE FUNCTION desk_refuse('${message}');`,
    );
  })
  .join('\n');
