import { requireString, type CliCommand } from '../command.js';
import { tx, userOptions, withExchangeSession } from '../exchange-session.js';

/** R3.5, for the council's IT person: on a remote desk, writes the next journal bundle into a folder (the stick), atomically. */
export const exportBundleCommand: CliCommand = {
  name: 'export-bundle',
  summary: tx('cli.exchange.exportBundleSummary'),
  usage: ['export-bundle --data-dir DIR --login LOGIN --out FOLDER'],
  options: { ...userOptions, out: { type: 'string' } },
  async run(values, io) {
    const folder = requireString(values, 'out');
    return withExchangeSession(values, io, async ({ exchange, user }) => {
      const written = await exchange.writeBundle(user, folder, ({ phase, done, total }) => {
        if (phase === 'write') io.out(tx('cli.exchange.progress', { phase, done, total }));
      });
      io.out(tx('cli.exchange.written', { file: written.file }));
      // Every bundle is cut from the last confirmation: writing one again is how a lost one is replaced.
      if (written.sequence - 1 > written.baseSequence) {
        io.out(tx('cli.exchange.replaces', { ack: written.baseSequence, from: written.baseSequence + 1, to: written.sequence - 1 }));
      }
    });
  },
};
