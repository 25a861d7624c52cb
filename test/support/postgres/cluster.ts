import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { migratePostgres } from '../../../electron/register/postgres/migrate.js';

const run = promisify(execFile);

/** How test workers find the run's cluster: JSON of `ClusterInfo`, set by the global setup. */
export const CLUSTER_ENV = 'DESK_PG_CLUSTER';

/** A throwaway PostgreSQL cluster on loopback, with the roles and migrated template the tests use. */
export interface ClusterInfo {
  readonly baseDir: string;
  readonly dataDir: string;
  readonly socketDir: string;
  readonly binDir: string;
  readonly port: number;
  /** Superuser, for creating and dropping databases. */
  readonly adminUrl: string;
  readonly owner: { readonly role: string; readonly password: string };
  readonly app: { readonly role: string; readonly password: string };
  /** A database already migrated to the current schema, with the app role's grants. */
  readonly template: string;
  /** Run the server binaries as the `postgres` user (we are root, which PostgreSQL refuses to be). */
  readonly asPostgresUser: boolean;
  /** Extra `-c name=value` server settings (e.g. TLS), kept across restarts. */
  readonly settings: readonly string[];
}

export interface TestCluster {
  readonly info: ClusterInfo;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestDatabase {
  readonly name: string;
  /** As the owner role (migrations, DDL). */
  readonly url: string;
  /** As the application role: what a workstation connects with. */
  readonly appUrl: string;
  drop(): Promise<void>;
}

const OWNER = { role: 'desk_owner', password: 'owner-secret-pw' };
const APP = { role: 'desk_app', password: 'app-secret-pw' };
const ADMIN_PASSWORD = 'admin-secret-pw';
const TEMPLATE = 'desk_template';

/** The newest installed server's binaries (Debian: /usr/lib/postgresql/<major>/bin), or none. */
export function postgresBinDir(): string | undefined {
  const fromEnv = process.env.DESK_PG_BIN;
  if (fromEnv) return fs.existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : undefined;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const majors = fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : path.join(root, majors[0], 'bin');
}

export function clusterFromEnv(): ClusterInfo | undefined {
  const text = process.env[CLUSTER_ENV];
  return text ? (JSON.parse(text) as ClusterInfo) : undefined;
}

/**
 * Starts a cluster in a new temporary folder: initdb, a server on 127.0.0.1, roles, template.
 * `prepare` runs on the folder before the server starts (e.g. to place TLS files in `baseDir`).
 */
export async function startTestCluster(
  options: { settings?: readonly string[]; prepare?: (baseDir: string) => void } = {},
): Promise<TestCluster> {
  const binDir = postgresBinDir();
  if (!binDir) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb)');
  const asPostgresUser = process.getuid?.() === 0;
  const baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pg-'));
  const port = await freePort();
  const base = { baseDir, dataDir: path.join(baseDir, 'data'), socketDir: path.join(baseDir, 'socket'), binDir, port, asPostgresUser };
  fs.mkdirSync(base.socketDir);
  const passwordFile = path.join(baseDir, 'admin-password');
  fs.writeFileSync(passwordFile, ADMIN_PASSWORD, { mode: 0o600 });
  options.prepare?.(baseDir);
  if (asPostgresUser) await run('chown', ['-R', 'postgres:postgres', baseDir]);
  const info: ClusterInfo = {
    ...base,
    adminUrl: `postgres://postgres:${ADMIN_PASSWORD}@127.0.0.1:${port}/postgres`,
    owner: OWNER,
    app: APP,
    template: TEMPLATE,
    settings: options.settings ?? [],
  };
  try {
    await serverCommand(info, 'initdb', [
      '-D', info.dataDir, '--locale=C.UTF-8', '--encoding=UTF8', '-U', 'postgres',
      '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${passwordFile}`,
    ]);
    await pgCtl(info, 'start');
    await prepareRolesAndTemplate(info);
  } catch (error) {
    const failure = withServerLog(info, error);
    await stopCluster(info);
    throw failure;
  }
  return { info, restart: () => restartServer(info), stop: () => stopCluster(info) };
}

/** Restarts the server (fast shutdown): every open connection is dropped, as in a real outage. */
export async function restartServer(info: ClusterInfo | undefined = clusterFromEnv()): Promise<void> {
  if (!info) throw new Error(`no test cluster (${CLUSTER_ENV} is not set)`);
  await pgCtl(info, 'restart');
}

export async function stopCluster(info: ClusterInfo): Promise<void> {
  await pgCtl(info, 'stop').catch(() => undefined);
  fs.rmSync(info.baseDir, { recursive: true, force: true });
}

/**
 * A fresh database for one test, copied from the migrated template (or empty, for migration
 * tests), owned by the owner role. `drop()` removes it even with connections still open.
 */
export async function createTestDatabase(
  options: { migrated?: boolean; cluster?: ClusterInfo } = {},
): Promise<TestDatabase> {
  const info = options.cluster ?? clusterFromEnv();
  if (!info) throw new Error(`no test cluster (${CLUSTER_ENV} is not set): run under vitest.postgres.config.ts`);
  const name = `desk_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : info.template;
  await asAdmin(info, (admin) => admin.query(`CREATE DATABASE ${name} OWNER ${info.owner.role} TEMPLATE ${template}`));
  return {
    name,
    url: roleUrl(info, info.owner, name),
    appUrl: roleUrl(info, info.app, name),
    drop: () => asAdmin(info, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A role's address as a workstation is given it: without a password (the desk refuses one in the
 * address). The password is where IT would put it, in a password file (`PGPASSFILE`).
 */
export function roleUrl(info: ClusterInfo, role: { role: string; password: string }, database: string): string {
  usePasswordFile();
  return `postgres://${role.role}@127.0.0.1:${info.port}/${database}`;
}

/** One 0600 password file per test process for the test roles, on every test cluster (they share the passwords). */
function usePasswordFile(): void {
  if (process.env.PGPASSFILE !== undefined && fs.existsSync(process.env.PGPASSFILE)) return;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pgpass-')), 'pgpass');
  const lines = [OWNER, APP].map((role) => `*:*:*:${role.role}:${role.password}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  process.env.PGPASSFILE = file;
}

export async function asAdmin<T>(info: ClusterInfo, work: (client: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> {
  const client = new pg.Client({ connectionString: info.adminUrl.replace(/\/postgres$/, `/${database}`) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function prepareRolesAndTemplate(info: ClusterInfo): Promise<void> {
  await asAdmin(info, async (admin) => {
    for (const role of [info.owner, info.app]) {
      await admin.query(`CREATE ROLE ${role.role} LOGIN PASSWORD '${role.password}'`);
    }
    await admin.query(`CREATE DATABASE ${info.template} OWNER ${info.owner.role}`);
  });
  const owner = new pg.Client({ connectionString: roleUrl(info, info.owner, info.template) });
  await owner.connect();
  try {
    await migratePostgres(owner, { grantTo: info.app.role });
  } finally {
    await owner.end();
  }
  await asAdmin(info, (admin) => admin.query(`ALTER DATABASE ${info.template} IS_TEMPLATE true`));
}

async function pgCtl(info: ClusterInfo, action: 'start' | 'restart' | 'stop'): Promise<void> {
  const options = [
    `-p ${info.port}`, `-k ${info.socketDir}`, '-c listen_addresses=127.0.0.1', '-c fsync=off',
    '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200',
    ...info.settings.map((setting) => `-c ${setting}`),
  ].join(' ');
  const logFile = path.join(info.baseDir, 'server.log');
  const args = action === 'stop'
    ? ['stop', '-D', info.dataDir, '-m', 'immediate', '-w']
    : [action, '-D', info.dataDir, '-l', logFile, '-w', '-t', '60', '-m', 'fast', '-o', options];
  await serverCommand(info, 'pg_ctl', args);
}

async function serverCommand(info: Pick<ClusterInfo, 'binDir' | 'asPostgresUser'>, program: string, args: string[]): Promise<void> {
  const binary = path.join(info.binDir, program);
  if (info.asPostgresUser) await run('runuser', ['-u', 'postgres', '--', binary, ...args]);
  else await run(binary, args);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function withServerLog(info: ClusterInfo, error: unknown): Error {
  const logFile = path.join(info.baseDir, 'server.log');
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '(no server log)';
  return new Error(`could not start the test PostgreSQL cluster: ${String(error)}\n${log}`);
}
