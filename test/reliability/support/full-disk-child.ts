/**
 * A desk in a process of its own that issues certificates until its disk is full and goes on
 * trying, as a clerk would. Prints `ready`, `issued <number> <id>` after each commit and
 * `refused <messageKey>` after each refusal. The parent stops it cleanly (SIGTERM: the desk is
 * closed as the app closes it on quit, then `closed`), kills it, or freezes it to copy its files.
 *
 * Environment: DESK_DATA_DIR, DESK_JOURNAL_ID, DESK_SIGNATORY_ID; DESK_PAGE_ROOM: when set, the
 * register may grow only that many pages (`PRAGMA max_page_count`, where no small disk can be made).
 */
import { sqliteOf } from '../../unit/register/fixtures.js';
import { issueInput, openDesk } from './desk.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const register = { journalId: required('DESK_JOURNAL_ID'), signatoryId: required('DESK_SIGNATORY_ID') };
const { desk, raw } = await openDesk(required('DESK_DATA_DIR'));
await desk.startupChecks;
const pageRoom = process.env.DESK_PAGE_ROOM;
if (pageRoom) {
  const sqlite = sqliteOf(desk.register.ctx.db);
  sqlite.pragma(`max_page_count = ${Number(sqlite.pragma('page_count', { simple: true })) + Number(pageRoom)}`);
}

let stopping = false;
process.on('SIGTERM', () => {
  stopping = true;
});
process.stdout.write('ready\n');
while (!stopping) {
  const result = await raw('entries.issueCertificate', issueInput(register));
  if (result.ok) {
    const { entry } = result.value as { entry: { number: number; id: string } };
    process.stdout.write(`issued ${entry.number} ${entry.id}\n`);
  } else {
    process.stdout.write(`refused ${result.error.messageKey}\n`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
await desk.close();
process.stdout.write('closed\n');
