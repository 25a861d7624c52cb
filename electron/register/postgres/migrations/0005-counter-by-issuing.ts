/**
 * The register on PostgreSQL, version 5: a journal's counter moves only when an entry takes its
 * number. Until now the application role could `UPDATE journal_counters` by one without writing
 * an entry, and the gap it left could never be closed (numbers are gap-free, R7.7). Now the
 * entry's own insert takes the number: the trigger that checked it (same name as SQLite's)
 * advances the counter too, in a function that runs with its owner's (the owner role's) rights,
 * and roles.ts gives the application role only SELECT on the counters. The number must still be
 * the one after the counter's (for a new year 1, or its set first number), as before.
 */
export const postgresMigration0005 = `
CREATE OR REPLACE FUNCTION entries_number_from_counter() RETURNS TRIGGER LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  reached INTEGER;
  expected INTEGER;
BEGIN
  SELECT last_number INTO reached FROM journal_counters
   WHERE journal_id = NEW.journal_id AND year = NEW.year FOR UPDATE;
  IF reached IS NULL THEN
    -- A year's first entry: 1, or the number set for the year when the journal continues a paper one.
    expected := COALESCE((SELECT first_number FROM journal_year_starts WHERE journal_id = NEW.journal_id AND year = NEW.year), 1);
  ELSE
    expected := reached + 1;
  END IF;
  IF NEW.number IS DISTINCT FROM expected THEN
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
`;
