import path from 'node:path';
import { DeskError } from '../../../shared/contract/errors.js';
import { writeFileAtomically } from '../../exchange/atomic-file.js';
import { tx, userOptions, withExchangeSession } from '../exchange-session.js';
import { requireString, type CliCommand } from '../command.js';

/** R3.5, for the council's IT person: at the centre, writes the package a remote workplace is installed from, and shows its passphrase once. */
export const exportWorkplaceCommand: CliCommand = {
  name: 'export-workplace',
  summary: tx('cli.exchange.exportWorkplaceSummary'),
  usage: ['export-workplace --data-dir DIR --login LOGIN --office CODE --out FOLDER', 'export-workplace --data-dir DIR --database URL [--ca-file FILE] --login LOGIN --office CODE --out FOLDER'],
  options: { ...userOptions, office: { type: 'string' }, out: { type: 'string' } },
  async run(values, io) {
    const code = requireString(values, 'office');
    const folder = requireString(values, 'out');
    return withExchangeSession(values, io, async ({ register, exchange, user }) => {
      const office = (await register.offices.list()).find((candidate) => candidate.code === code);
      if (!office) throw new DeskError('not_found', 'cli.exchange.officeNotFound', { office: code });
      const workplace = await exchange.exportWorkplace(user, office.id);
      const file = path.join(folder, workplace.fileName);
      writeFileAtomically(file, workplace.data);
      io.out(tx('cli.exchange.written', { file }));
      io.out(tx('cli.exchange.passphrase', { passphrase: workplace.passphrase }));
    });
  },
};
