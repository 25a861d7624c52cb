import { readFileSync } from 'node:fs';
import path from 'node:path';
import { requireString, type CliCommand } from '../command.js';
import { tx, userOptions, withExchangeSession } from '../exchange-session.js';

/** R3.5, for the council's IT person: at the centre, verifies and imports one journal bundle; prints what came in. */
export const importBundleCommand: CliCommand = {
  name: 'import-bundle',
  summary: tx('cli.exchange.importBundleSummary'),
  usage: ['import-bundle --data-dir DIR --login LOGIN --file BUNDLE.cnapbundle', 'import-bundle --data-dir DIR --database URL [--ca-file FILE] --login LOGIN --file BUNDLE.cnapbundle'],
  options: { ...userOptions, file: { type: 'string' } },
  async run(values, io) {
    const file = requireString(values, 'file');
    return withExchangeSession(values, io, async ({ exchange, user }) => {
      const report = await exchange.importBundle(user, readFileSync(file), path.basename(file));
      if (report.status === 'already_imported') {
        io.out(tx('cli.exchange.alreadyImported', { sequence: report.sequence, office: report.officeCode }));
        return;
      }
      io.out(
        tx('cli.exchange.imported', {
          sequence: report.sequence,
          office: report.officeCode,
          entries: report.counts.entries ?? 0,
          handovers: report.counts.handovers ?? 0,
          annulments: report.counts.annulments ?? 0,
        }),
      );
      const superseded = report.counts.supersededBundles ?? 0;
      if (superseded > 0) io.out(tx('cli.exchange.superseded', { count: superseded, present: report.counts.alreadyPresent ?? 0 }));
      for (const line of report.journals) {
        io.out(tx('cli.exchange.journalLine', { index: line.journalIndex, count: line.count, from: line.fromNumber ?? '—', to: line.toNumber ?? '—' }));
      }
    });
  },
};
