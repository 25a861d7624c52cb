import path from 'node:path';
import { DeskError } from '../../../shared/contract/errors.js';
import { openRegister, registerPath } from '../../register/database.js';
import { isDataFolderHeld } from '../../register/desk-lock.js';
import { moveRegisterToPostgres, type MoveProgress, type MoveReport } from '../../register/move-to-postgres.js';
import { connectPostgresRegister } from '../../register/postgres/register-db.js';
import { databaseOptions, dataDirOption, EXIT, optionalString, requireString, t, type CliCommand, type CliIo } from '../command.js';
import { reportJournal } from './verify.js';

/**
 * Moving a register to a server: `migrate-to-postgres --data-dir DIR --database URL [--ca-file F]`. Copies the
 * embedded register (read-only; refused while a desk runs on the folder) into an empty, migrated database as
 * the owner role, then checks every count and chain on the server before committing.
 */
export const migrateToPostgresCommand: CliCommand = {
  name: 'migrate-to-postgres',
  summary: t('cli.moveToPostgres.summary'),
  usage: ['migrate-to-postgres --data-dir DIR --database URL [--ca-file FILE]'],
  options: { ...dataDirOption, ...databaseOptions },
  async run(values, io) {
    const dataDir = requireString(values, 'data-dir');
    const url = requireString(values, 'database');
    const caFile = optionalString(values, 'ca-file');
    // A desk still issuing would add entries the copy leaves behind.
    if (isDataFolderHeld(dataDir)) throw new DeskError('conflict', 'errors.registerMove.deskRunning', { dataDir });
    // Reading never changes the file: the office keeps it as it was, e.g. to fall back to.
    const source = openRegister(registerPath(dataDir), { readonly: true });
    try {
      const target = await connectPostgresRegister({ url, ...(caFile ? { caFile } : {}), applicationName: 'cnap-desk-cli', poolSize: 2 });
      try {
        const report = await moveRegisterToPostgres({ source, target, dataDir, onProgress: progressPrinter(io) });
        printReport(report, io);
        if (!report.ok) return EXIT.failed;
        io.out(t('cli.moveToPostgres.copyKeys', { keys: path.join(dataDir, 'keys') }));
        return EXIT.ok;
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  },
};

/** Tables as they are copied; entries at every tenth of the way. */
function progressPrinter(io: CliIo): (progress: MoveProgress) => void {
  let shownTenth = 0;
  return (progress) => {
    if (progress.phase === 'table') {
      io.out(t('cli.moveToPostgres.table', { table: progress.table, rows: progress.rows }));
    } else if (progress.phase === 'verify') {
      io.out(t('cli.moveToPostgres.verifying', { index: progress.journalIndex }));
    } else {
      const tenth = Math.floor((progress.done * 10) / Math.max(1, progress.total));
      if (tenth === shownTenth && progress.done !== progress.total) return;
      shownTenth = tenth;
      io.out(t('cli.moveToPostgres.entries', { done: progress.done, total: progress.total }));
    }
  };
}

function printReport(report: MoveReport, io: CliIo): void {
  for (const count of report.tables) {
    if (count.source === count.server) io.out(t('cli.moveToPostgres.countOk', { table: count.table, server: count.server }));
    else io.err(t('cli.moveToPostgres.countBad', { table: count.table, source: count.source, server: count.server }));
  }
  for (const journal of report.journals) reportJournal(journal, journal.result, io);
  if (report.ok) io.out(t('cli.moveToPostgres.done', { seconds: report.seconds.toFixed(1) }));
  else io.err(t('cli.moveToPostgres.rolledBack'));
}
