/**
 * The register on PostgreSQL, version 3: the keys of submitted forms, as SQLite's migration 0006
 * has them. Checked in the entry's transaction, under the journal's lock, so a form sent again —
 * above all after the connection dropped with COMMIT's answer — returns the entry it made.
 */
export const postgresMigration0003 = `
CREATE TABLE entry_submissions (
  submission_key TEXT PRIMARY KEY,
  entry_id       TEXT NOT NULL REFERENCES entries (id)
);
` + ['update', 'delete', 'truncate']
  .map(
    (event) => `
CREATE TRIGGER entry_submissions_no_${event} BEFORE ${event.toUpperCase()} ON entry_submissions
FOR EACH ${event === 'truncate' ? 'STATEMENT' : 'ROW'} EXECUTE FUNCTION desk_refuse('entry_submissions: append-only');`,
  )
  .join('');
