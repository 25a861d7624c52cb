import Database from 'better-sqlite3';
import { connectRegister } from '../../electron/register/connect.js';
import { registerPath } from '../../electron/register/database.js';
import { numberPlaceholders } from '../../electron/register/postgres/placeholders.js';
import type { RegisterDb, SqlValue } from '../../electron/register/sql.js';
import { asAdmin, clusterFromEnv, createTestDatabase } from './postgres/cluster.js';

/**
 * The backend the register suites run on: the embedded SQLite file by default, PostgreSQL under
 * vitest.postgres.config.ts (`DESK_TEST_BACKEND=postgres`). The suites are the same; only where
 * the register lives changes (parameterised, not copied).
 */
export const testBackend: 'sqlite' | 'postgres' = process.env.DESK_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

export const onPostgres = testBackend === 'postgres';

/** Where a test's register lives: `database` is set on PostgreSQL (a fresh database, as the app's role). */
export interface TestRegisterTarget {
  readonly database?: string;
  /**
   * Changes rows behind the register's back with its protecting triggers off — what someone with
   * the file, or with the server's superuser, could do. Statements use `?` placeholders.
   */
  tamper(statements: readonly (readonly [string, readonly SqlValue[]])[]): Promise<void>;
  /** Another connection to the same register: a second workstation, or a second process on the file. */
  connectAgain(): Promise<RegisterDb>;
  /** Drops the test's database (PostgreSQL); nothing to do for a file in a temporary folder. */
  dispose(): Promise<void>;
}

export async function testRegisterTarget(dataDir: string): Promise<TestRegisterTarget> {
  if (!onPostgres) {
    return {
      tamper: async (statements) => tamperWithFile(registerPath(dataDir), statements),
      connectAgain: () => connectRegister({ dataDir }),
      dispose: async () => undefined,
    };
  }
  const database = await createTestDatabase();
  const cluster = clusterFromEnv();
  if (!cluster) throw new Error('no test cluster');
  return {
    database: database.appUrl,
    tamper: (statements) =>
      asAdmin(
        cluster,
        async (admin) => {
          // A superuser's session with replication role: no trigger fires.
          await admin.query('SET session_replication_role = replica');
          for (const [sql, params] of statements) await admin.query(numberPlaceholders(sql).text, [...params]);
        },
        database.name,
      ),
    connectAgain: () => connectRegister({ dataDir, database: database.appUrl }),
    dispose: () => database.drop(),
  };
}

/** A second connection to the file with the protecting triggers dropped, inside one transaction. */
function tamperWithFile(file: string, statements: readonly (readonly [string, readonly SqlValue[]])[]): void {
  const raw = new Database(file);
  try {
    raw.transaction(() => {
      const triggers = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string }[];
      for (const { name } of triggers) raw.exec(`DROP TRIGGER ${name}`);
      for (const [sql, params] of statements) raw.prepare(sql).run(...params);
    })();
  } finally {
    raw.close();
  }
}

/** A fresh register for a test: the file in `dataDir`, or a fresh database on the test cluster. */
export async function openTestRegisterDb(dataDir: string): Promise<{ db: RegisterDb; target: TestRegisterTarget; dispose(): Promise<void> }> {
  const target = await testRegisterTarget(dataDir);
  const db = await connectRegister({ dataDir, ...(target.database ? { database: target.database } : {}) });
  return {
    db,
    target,
    dispose: async () => {
      await db.close();
      await target.dispose();
    },
  };
}
