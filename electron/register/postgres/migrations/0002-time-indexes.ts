/**
 * The register on PostgreSQL, version 2: the time indexes ascending, as SQLite's migration 0005
 * has them. A B-tree reads backwards as well as forwards, so the desk's newest-first pages still
 * come from the index, and a new row lands at the right edge of a time index, where PostgreSQL
 * appends to the rightmost leaf instead of splitting pages in the middle. (FTS5's settings in
 * that migration have no counterpart here: the GIN word index is unchanged.)
 */
export const postgresMigration0002 = `
DROP INDEX entries_created;
CREATE INDEX entries_created ON entries (created_at, id);
DROP INDEX entries_created_by;
CREATE INDEX entries_created_by ON entries (created_by, created_at);
DROP INDEX audit_log_at;
CREATE INDEX audit_log_at ON audit_log (at);
DROP INDEX audit_log_user;
CREATE INDEX audit_log_user ON audit_log (user_id, at);
`;
