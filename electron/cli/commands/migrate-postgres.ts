import { migratePostgres } from '../../register/postgres/migrate.js';
import { connectPostgresRegister } from '../../register/postgres/register-db.js';
import { databaseOptions, EXIT, optionalString, requireString, t, type CliCommand } from '../command.js';

/**
 * `migrate-postgres --database URL [--ca-file F] [--app-role ROLE]`, run by IT as the
 * owner role. Applies the pending migrations in one transaction under the advisory lock and, with
 * `--app-role`, gives the application role its rights in the same transaction. A schema newer
 * than the app is refused with the message SQLite gives.
 */
export const migratePostgresCommand: CliCommand = {
  name: 'migrate-postgres',
  summary: t('cli.migratePostgres.summary'),
  usage: ['migrate-postgres --database URL [--ca-file FILE] [--app-role ROLE]'],
  options: { ...databaseOptions, 'app-role': { type: 'string' } },
  async run(values, io) {
    const url = requireString(values, 'database');
    const caFile = optionalString(values, 'ca-file');
    const appRole = optionalString(values, 'app-role');
    const db = await connectPostgresRegister({ url, ...(caFile ? { caFile } : {}), applicationName: 'cnap-desk-cli', poolSize: 1 });
    try {
      const { from, to } = await migratePostgres(db.pool, appRole ? { grantTo: appRole } : {});
      io.out(from === to ? t('cli.migratePostgres.upToDate', { to }) : t('cli.migratePostgres.done', { from, to }));
      if (appRole) io.out(t('cli.migratePostgres.granted', { role: appRole }));
      return EXIT.ok;
    } finally {
      await db.close();
    }
  },
};
