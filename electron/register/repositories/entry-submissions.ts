import type { Sql } from '../sql.js';

/** The entry a submitted form's key made, if any (read under the journal's write lock). */
export async function entryIdOfSubmission(db: Sql, submissionKey: string): Promise<string | undefined> {
  return (await db.get<{ entry_id: string }>('SELECT entry_id FROM entry_submissions WHERE submission_key = ?', [submissionKey]))?.entry_id;
}

/** Records which entry a form's key made, in that entry's transaction. */
export async function insertSubmission(db: Sql, submissionKey: string, entryId: string): Promise<void> {
  await db.run('INSERT INTO entry_submissions (submission_key, entry_id) VALUES (?, ?)', [submissionKey, entryId]);
}
