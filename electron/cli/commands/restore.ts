import fs from 'node:fs';
import path from 'node:path';
import { DeskError } from '../../../shared/contract/errors.js';
import { openRegister, registerPath, type RegisterDb } from '../../register/database.js';
import { createRegisterServices } from '../../register/index.js';
import { dataDirOption, EXIT, requireString, t, type CliCommand } from '../command.js';

/**
 * Opens the current register; when the file is damaged or not a register (the usual reason for a
 * restore) it is moved aside untouched, with its WAL, and a fresh register receives the backup.
 */
function openOrSetAside(file: string, stamp: string): { db: RegisterDb; setAside?: string } {
  try {
    return { db: openRegister(file) };
  } catch (error) {
    const damaged = error instanceof DeskError && ['errors.register.notARegister', 'errors.register.truncated'].includes(error.messageKey);
    if (!damaged) throw error;
    const setAside = path.join(path.dirname(file), `register-damaged-${stamp}.sqlite`);
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, setAside + suffix);
    }
    return { db: openRegister(file), setAside };
  }
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: t('cli.restore.summary'),
  usage: ['restore --data-dir DIR --from FILE'],
  options: { ...dataDirOption, from: { type: 'string' } },
  async run(values, io) {
    const dataDir = requireString(values, 'data-dir');
    const from = path.resolve(requireString(values, 'from'));
    const { db, setAside } = openOrSetAside(registerPath(dataDir), new Date().toISOString().replace(/[:.]/g, '-'));
    try {
      const services = createRegisterServices({ db, dataDir });
      // The stages a restore goes through, each once, as the desk's dialog shows them (long operations show progress).
      let shown: string | undefined;
      const onStage = (stage: 'checking' | 'saving' | 'replacing') => {
        if (stage !== shown) io.out(t(`cli.restore.${stage}`));
        shown = stage;
      };
      const result = await services.backup.restore(null, from, { onStage });
      io.out(t('cli.restore.done', { from: result.restoredFrom, saved: setAside ?? result.savedCurrentAs.file }));
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
