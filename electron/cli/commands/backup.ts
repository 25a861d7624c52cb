import { openRegister, registerPath } from '../../register/database.js';
import { createRegisterServices } from '../../register/index.js';
import { dataDirOption, EXIT, requireString, t, type CliCommand } from '../command.js';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: t('cli.backup.summary'),
  usage: ['backup --data-dir DIR --to FOLDER'],
  options: { ...dataDirOption, to: { type: 'string' } },
  async run(values, io) {
    const dataDir = requireString(values, 'data-dir');
    const folder = requireString(values, 'to');
    const db = openRegister(registerPath(dataDir));
    try {
      const services = createRegisterServices({ db, dataDir });
      let lastPercent = -1;
      const info = await services.backup.create(null, {
        folder,
        onProgress: ({ totalPages, remainingPages }) => {
          const percent = totalPages ? Math.floor(((totalPages - remainingPages) / totalPages) * 100) : 100;
          if (percent >= lastPercent + 25) {
            lastPercent = percent;
            io.out(t('cli.backup.progress', { percent }));
          }
        },
      });
      io.out(t('cli.backup.done', { file: info.file }));
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
