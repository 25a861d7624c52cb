/**
 * What the application role may do (immutability in the server, R7.7). It reads everything, adds rows, and
 * changes only the tables whose rows the app edits (directories, users, settings); a journal's
 * counter moves only with the entry that takes its number.
 * It may never delete, truncate, change the schema or touch triggers: an issued entry stays as
 * it was written (R7.7) even if the app's password leaks. Migrations run as the owner role.
 */

/** Rows are only ever added (append-only by trigger as well). */
export const APPEND_ONLY_TABLES = [
  'entries', 'handovers', 'annulments', 'reissues', 'audit_log', 'document_codes', 'entries_fts',
  'directory_revisions', 'templates', 'custom_kinds', 'exchange_log', 'exchange_office_keys', 'entry_submissions',
  'kind_decisions', 'journal_year_starts', 'witnessed_checkpoints', 'witness_flags',
  'office_document_keys', 'office_code_seals',
  'journal_lost_numbers', 'exchange_recreations', 'exchange_reinstalled_keys',
] as const;

/** Rows the app updates in place (their history, where kept, goes to directory_revisions). */
export const UPDATABLE_TABLES = [
  'settings', 'offices', 'journals', 'users', 'signatories', 'settlements', 'streets', 'bodies', 'body_posts',
] as const;

/**
 * Read by the app, written only by the owner: the schema's version by its migrations, and a
 * journal's counters by the trigger that gives an entry its number (migration 5), so the app
 * role cannot leave a gap by moving a counter without an entry; the search words by the trigger
 * on the full-text rows (migration 9), so they always are the words of the rows they point at.
 */
export const READ_ONLY_TABLES = ['schema_migrations', 'journal_counters', 'entry_words'] as const;

/**
 * The GRANT statements for the application role, for the owner to run after each migration
 * (`migratePostgres(…, { grantTo })` does it in the migration's transaction). Idempotent: every
 * right is first taken away, then the listed ones given.
 */
export function applicationRoleGrants(appRole: string): string {
  const role = quoteIdentifier(appRole);
  const all = [...APPEND_ONLY_TABLES, ...UPDATABLE_TABLES, ...READ_ONLY_TABLES].join(', ');
  return [
    `GRANT USAGE ON SCHEMA public TO ${role};`,
    `REVOKE ALL ON ${all} FROM ${role};`,
    `GRANT SELECT ON ${READ_ONLY_TABLES.join(', ')} TO ${role};`,
    `GRANT SELECT, INSERT ON ${APPEND_ONLY_TABLES.join(', ')} TO ${role};`,
    `GRANT SELECT, INSERT, UPDATE ON ${UPDATABLE_TABLES.join(', ')} TO ${role};`,
  ].join('\n');
}

/** A role name as an SQL identifier: always quoted, so no name can carry SQL with it. */
export function quoteIdentifier(name: string): string {
  if (name.length === 0 || name.includes('\0')) throw new Error('a role name must be non-empty text');
  return `"${name.replace(/"/g, '""')}"`;
}
