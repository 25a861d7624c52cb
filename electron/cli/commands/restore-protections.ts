import { openRegister, registerPath } from '../../register/database.js';
import { restoreSqliteProtections } from '../../register/schema-check.js';
import { dataDirOption, EXIT, requireString, t, type CliCommand } from '../command.js';
import { describeSchemaFault } from './verify.js';

/**
 * The way back after the register's triggers or indexes were dropped or changed outside the app
 * (`cli verify` lists them): each is put back as the migrations define it, no row touched, and
 * the next start finds the journals writable again. The embedded register only.
 */
export const restoreProtectionsCommand: CliCommand = {
  name: 'restore-protections',
  summary: t('schemaCheck.cli.summary'),
  usage: ['restore-protections --data-dir DIR'],
  options: { ...dataDirOption },
  async run(values, io) {
    const dataDir = requireString(values, 'data-dir');
    const db = openRegister(registerPath(dataDir));
    try {
      const { restored, left } = await restoreSqliteProtections(db);
      if (restored.length === 0 && left.length === 0) io.out(t('schemaCheck.cli.nothing'));
      if (restored.length > 0) io.out(t('schemaCheck.cli.restored'));
      for (const fault of restored) io.out(`  ${describeSchemaFault(fault)}`);
      if (left.length === 0) return EXIT.ok;
      io.err(t('schemaCheck.cli.left'));
      for (const fault of left) io.err(`  ${describeSchemaFault(fault)}`);
      return EXIT.failed;
    } finally {
      await db.close();
    }
  },
};
