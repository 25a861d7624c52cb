import { openRegister, registerPath } from '../../register/database.js';
import { createRegisterServices } from '../../register/index.js';
import { dataDirOption, EXIT, requireString, t, type CliCommand } from '../command.js';

/** Issue 4 §10: integrity check and every journal's chain; exit 0 only when all is sound. */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: t('cli.verify.summary'),
  usage: ['verify --data-dir DIR'],
  options: dataDirOption,
  async run(values, io) {
    const dataDir = requireString(values, 'data-dir');
    // Read-only: checking a register must never change it.
    const db = openRegister(registerPath(dataDir), { readonly: true });
    try {
      const services = createRegisterServices({ db, dataDir });
      const integrity = await services.verification.quickCheck();
      if (!integrity.ok) {
        io.err(t('cli.verify.integrityFailed'));
        for (const message of integrity.messages) io.err(`  ${message}`);
        return EXIT.failed;
      }
      const health = await services.verification.verifyAllJournals();
      let sound = true;
      for (const journal of health.journals) {
        const result = journal.result;
        if (!result) continue;
        if (result.ok) {
          io.out(t('cli.verify.journalOk', { index: journal.journalIndex, office: journal.officeCode, entries: result.entries }));
          continue;
        }
        sound = false;
        const bad = result.firstBad;
        io.err(
          t('cli.verify.journalBad', {
            index: journal.journalIndex,
            office: journal.officeCode,
            year: bad.year,
            number: bad.number,
            printedNumber: bad.printedNumber,
            reason: bad.reason,
          }),
        );
      }
      if (sound) io.out(t('cli.verify.allOk'));
      return sound ? EXIT.ok : EXIT.failed;
    } finally {
      db.close();
    }
  },
};
