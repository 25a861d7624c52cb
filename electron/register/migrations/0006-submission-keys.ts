/**
 * The key of each submitted form (issuing, certifying, refusing), written in the transaction of
 * the entry it made. A form sent twice — a double click, a request the browser bridge retried, a
 * retry after the connection to the server dropped while COMMIT's answer was on its way — finds
 * its key here and gets back the entry already written instead of a second number (R7.7: a
 * number, once given, belongs to one document). Append-only, as the entries are.
 */
const sql = `
CREATE TABLE entry_submissions (
  submission_key TEXT PRIMARY KEY,
  entry_id       TEXT NOT NULL REFERENCES entries (id)
) STRICT;

CREATE TRIGGER entry_submissions_no_update BEFORE UPDATE ON entry_submissions
BEGIN SELECT RAISE(ABORT, 'entry_submissions: append-only'); END;
CREATE TRIGGER entry_submissions_no_delete BEFORE DELETE ON entry_submissions
BEGIN SELECT RAISE(ABORT, 'entry_submissions: append-only'); END;
`;

export const migration0006 = { version: 6, name: 'submission-keys', sql } as const;
