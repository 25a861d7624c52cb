/**
 * A desk in a process of its own that issues certificates through the real dispatcher and prints
 * `issued <number> <id>` to stdout after each one has committed. The parent kills it at random
 * moments (crash test) or runs two of them against one file (two writers).
 *
 * Environment: DESK_DATA_DIR, DESK_JOURNAL_ID, DESK_SIGNATORY_ID; DESK_ISSUE_COUNT (absent: forever);
 * DESK_DATABASE: a PostgreSQL register instead of the data folder's file (several workstations).
 */
import { issueInput, openDesk } from './desk.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const register = { journalId: required('DESK_JOURNAL_ID'), signatoryId: required('DESK_SIGNATORY_ID') };
const limit = process.env.DESK_ISSUE_COUNT ? Number(process.env.DESK_ISSUE_COUNT) : Infinity;
const database = process.env.DESK_DATABASE;
const { desk, raw } = await openDesk(required('DESK_DATA_DIR'), database ? { database } : {});
// Writes to a pipe are synchronous on Linux: once a line is written, a SIGKILL cannot lose it.
process.stdout.write('ready\n');
for (let issued = 0; issued < limit; issued += 1) {
  const result = await raw('entries.issueCertificate', issueInput(register));
  if (!result.ok) {
    process.stderr.write(`refused: ${JSON.stringify(result.error)}\n`);
    process.exit(2);
  }
  const { entry } = result.value as { entry: { number: number; id: string } };
  process.stdout.write(`issued ${entry.number} ${entry.id}\n`);
}
await desk.close();
