import { readFileSync } from 'node:fs';
import { requireString, type CliCommand } from '../command.js';
import { tx, userOptions, withExchangeSession } from '../exchange-session.js';

/** R3.5: on a remote desk, applies the centre's update package (and its acknowledgement). */
export const importUpdatesCommand: CliCommand = {
  name: 'import-updates',
  summary: tx('cli.exchange.importUpdatesSummary'),
  usage: ['import-updates --data-dir DIR --login LOGIN --file UPDATE.cnapupdate'],
  options: { ...userOptions, file: { type: 'string' } },
  async run(values, io) {
    const file = requireString(values, 'file');
    return withExchangeSession(values, io, async ({ exchange, user }) => {
      const result = await exchange.importUpdates(user, readFileSync(file));
      const key = result.status === 'applied' ? 'cli.exchange.applied' : 'cli.exchange.alreadyApplied';
      io.out(tx(key, { version: result.version, ack: result.acknowledgedSequence }));
    });
  },
};
