import path from 'node:path';
import { DeskError } from '../../../shared/contract/errors.js';
import type { Journal } from '../../../shared/domain/directories-core.js';
import { writeFileAtomically } from '../../exchange/atomic-file.js';
import { tx, userOptions, withExchangeSession } from '../exchange-session.js';
import { requireString, UsageError, type CliCommand } from '../command.js';

/**
 * `--last-number 5` for an office with one journal, or `--last-number 07-01=5,07-02=0` naming
 * each journal by its index: this year's last number on the dead PC's paper journal.
 */
function parseLastNumbers(text: string, journals: readonly Journal[]): { journalId: string; lastNumber: number }[] {
  const only = journals.length === 1 ? journals[0] : undefined;
  if (/^\d+$/.test(text.trim()) && only) return [{ journalId: only.id, lastNumber: Number(text.trim()) }];
  return text.split(',').map((part) => {
    const match = /^\s*([^=\s]+)\s*=\s*(\d+)\s*$/.exec(part);
    const journal = match ? journals.find((candidate) => candidate.index === match[1]) : undefined;
    if (!match || !journal) throw new UsageError(tx('cli.exchange.lastNumberUsage', { journals: journals.map((candidate) => candidate.index).join(', ') }));
    return { journalId: journal.id, lastNumber: Number(match[2]) };
  });
}

/** R3.5, section E, for the council's IT person: at the centre, re-creates a dead office PC that has no backup. */
export const recreateWorkplaceCommand: CliCommand = {
  name: 'recreate-workplace',
  summary: tx('cli.exchange.recreateWorkplaceSummary'),
  usage: [
    'recreate-workplace --data-dir DIR [--database URL [--ca-file FILE]] --login LOGIN --office CODE --last-number N|INDEX=N,… --statement TEXT --out FOLDER',
  ],
  options: { ...userOptions, office: { type: 'string' }, 'last-number': { type: 'string' }, statement: { type: 'string' }, out: { type: 'string' } },
  async run(values, io) {
    const code = requireString(values, 'office');
    const lastNumberText = requireString(values, 'last-number');
    const statement = requireString(values, 'statement');
    const folder = requireString(values, 'out');
    return withExchangeSession(values, io, async ({ register, exchange, user }) => {
      const office = (await register.offices.list()).find((candidate) => candidate.code === code);
      if (!office) throw new DeskError('not_found', 'cli.exchange.officeNotFound', { office: code });
      const lastNumbers = parseLastNumbers(lastNumberText, await register.journals.list(user, { officeId: office.id }));
      const recreated = await exchange.recreateWorkplace(user, office.id, { lastNumbers, statement });
      const file = path.join(folder, recreated.fileName);
      writeFileAtomically(file, recreated.data);
      io.out(tx('cli.exchange.written', { file }));
      for (const line of recreated.lost) io.out(tx('cli.exchange.lostLine', { index: line.journalIndex, year: line.year, from: line.fromNumber, to: line.toNumber }));
      if (recreated.lost.length === 0) io.out(tx('cli.exchange.nothingLost'));
      io.out(tx('cli.exchange.passphrase', { passphrase: recreated.passphrase }));
    });
  },
};
