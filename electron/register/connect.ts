import { openRegister, registerPath } from './database.js';
import { connectPostgresRegister } from './postgres/register-db.js';
import { checkPostgresSchema, preparePostgresSchema } from './postgres/migrate.js';
import type { RegisterDb } from './sql.js';

/** Where the desk keeps its register: the embedded file in the data folder, or a PostgreSQL server. */
export interface RegisterTarget {
  /** The workstation's own folder: the embedded register, signing keys, backups. */
  readonly dataDir: string;
  /** `postgres://user@host/db?sslmode=verify-full` — the shared register of several workstations. */
  readonly database?: string;
  /** The council's CA certificate for `sslmode=verify-full`. */
  readonly caFile?: string;
  /** Open without writing (verification from the command line): a server's schema is only checked, never migrated. */
  readonly readonly?: boolean;
}

/**
 * Opens the register the desk was pointed at. A server's schema is migrated when the role may
 * change it (the owner) and otherwise only checked, so a workstation never runs DDL as the app role;
 * `readonly` only checks it, whatever the role (`cli verify` must change nothing).
 */
export async function connectRegister(target: RegisterTarget): Promise<RegisterDb> {
  if (!target.database) return openRegister(registerPath(target.dataDir), { readonly: target.readonly ?? false });
  const db = await connectPostgresRegister({
    url: target.database,
    ...(target.caFile ? { caFile: target.caFile } : {}),
    applicationName: 'cnap-desk',
  });
  try {
    if (target.readonly) await checkPostgresSchema(db);
    else await preparePostgresSchema(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
