import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import type { PoolConfig } from 'pg';
import { DeskError } from '../../../shared/contract/errors.js';
import type { RegisterLocation } from '../sql.js';
import { lookUpPassword } from './pgpass.js';

export interface PostgresRegisterOptions {
  /** `postgres://user@host:port/database?sslmode=verify-full&sslrootcert=/path/ca.crt` — never with a password. */
  readonly url: string;
  /** The council's CA certificate (PEM): turns on `sslmode=verify-full` against it. */
  readonly caFile?: string;
  /** Shown in `pg_stat_activity`, so IT can tell which workstation holds a connection. */
  readonly applicationName?: string;
  readonly poolSize?: number;
}

export type PostgresLocation = Extract<RegisterLocation, { backend: 'postgres' }>;

/** Only the two modes libpq calls safe and plain: TLS that checks the server's name and CA, or none. */
type SslMode = 'disable' | 'verify-full';

const WEAK_SSL_MODES = new Set(['allow', 'prefer', 'require', 'verify-ca']);
const URL_PARAMETERS = new Set(['sslmode', 'sslrootcert', 'host', 'application_name']);
const DEFAULT_PORT = 5432;
const DEFAULT_POOL_SIZE = 10;
/** An unreachable server must be reported in seconds, not after the operating system's TCP timeout. */
const CONNECT_TIMEOUT_MS = 10_000;

interface DatabaseUrl {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
  readonly viaSocket: boolean;
  readonly sslMode: string | undefined;
  readonly caFile: string | undefined;
  readonly applicationName: string | undefined;
}

/**
 * The pool's settings and the register's location from a `postgres://` URL. The password comes
 * from `PGPASSWORD` or `~/.pgpass` (an address carrying one is refused), and is asked for only
 * when the server wants it; it never enters the location, an error or a log line.
 */
export function postgresPoolConfig(
  options: PostgresRegisterOptions,
  env: NodeJS.ProcessEnv = process.env,
): { config: PoolConfig; location: PostgresLocation } {
  const url = parseDatabaseUrl(options.url, env);
  const caFile = options.caFile ?? url.caFile;
  const sslMode = chooseSslMode(url.sslMode, caFile, url);
  const target = { host: url.host, port: url.port, database: url.database, user: url.user };
  const config: PoolConfig = {
    ...target,
    // No password found: an empty one, so the server's refusal is reported as a failed login.
    password: async () => lookUpPassword(target, env) ?? '',
    application_name: options.applicationName ?? url.applicationName ?? 'cnap-desk',
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    ssl: sslMode === 'verify-full' && !url.viaSocket ? verifyFullTls(url.host, caFile) : false,
  };
  return { config, location: { backend: 'postgres', server: `${url.host}:${url.port}`, database: url.database } };
}

/**
 * An explicit `sslmode` is taken as given (only the two plain ones exist). Without one the
 * connection is TLS that verifies the server, except to a server on this very computer (a
 * loopback address or a Unix socket), where nothing crosses a network.
 */
function chooseSslMode(requested: string | undefined, caFile: string | undefined, url: Pick<DatabaseUrl, 'host' | 'viaSocket'>): SslMode {
  if (requested !== undefined && WEAK_SSL_MODES.has(requested)) {
    throw new DeskError('storage', 'errors.register.weakSslMode', { mode: requested });
  }
  if (requested !== undefined && requested !== 'disable' && requested !== 'verify-full') throw badUrl();
  if (requested === 'disable' && caFile !== undefined) {
    throw new DeskError('storage', 'errors.register.weakSslMode', { mode: requested });
  }
  if (requested === 'verify-full' || requested === 'disable') return requested;
  return caFile !== undefined || !isLoopback(url) ? 'verify-full' : 'disable';
}

/** This computer: a Unix socket, `localhost`, 127.0.0.0/8 or ::1. A name that merely resolves there does not count. */
export function isLoopback(url: Pick<DatabaseUrl, 'host' | 'viaSocket'>): boolean {
  if (url.viaSocket || url.host === 'localhost' || url.host === '::1') return true;
  return net.isIPv4(url.host) && url.host.startsWith('127.');
}

/**
 * `sslmode=verify-full`: the server's certificate must chain to the council's CA (or the system's
 * CAs when no file is given) and name the host we dialled. The name is checked against the host
 * ourselves, because for an IP address pg sends no server name and Node would compare with
 * "localhost".
 */
function verifyFullTls(host: string, caFile: string | undefined): NonNullable<PoolConfig['ssl']> {
  return {
    rejectUnauthorized: true,
    ...(caFile !== undefined ? { ca: readCaFile(caFile) } : {}),
    ...(net.isIP(host) === 0 ? { servername: host } : {}),
    checkServerIdentity: (_name, certificate) => tls.checkServerIdentity(host, certificate),
  };
}

function readCaFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new DeskError('storage', 'errors.register.caFileUnreadable', { file });
  }
}

function parseDatabaseUrl(text: string, env: NodeJS.ProcessEnv): DatabaseUrl {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUrl();
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw badUrl();
  for (const name of url.searchParams.keys()) {
    if (!URL_PARAMETERS.has(name)) throw new DeskError('storage', 'errors.register.unsupportedUrlParameter', { parameter: name });
  }
  const socketDir = url.searchParams.get('host') ?? undefined;
  const host = socketDir ?? url.hostname.replace(/^\[(.*)\]$/, '$1');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (host === '' || database === '' || database.includes('/')) throw badUrl();
  // A password in the address is seen in the shell's history, the process list and shortcuts.
  if (url.password !== '') throw new DeskError('storage', 'errors.register.passwordInUrl');
  return {
    host,
    port: url.port === '' ? DEFAULT_PORT : Number(url.port),
    database,
    user: url.username !== '' ? decodeURIComponent(url.username) : (env.PGUSER ?? env.USER ?? env.USERNAME ?? 'postgres'),
    viaSocket: socketDir !== undefined,
    sslMode: url.searchParams.get('sslmode') ?? undefined,
    caFile: url.searchParams.get('sslrootcert') ?? undefined,
    applicationName: url.searchParams.get('application_name') ?? undefined,
  };
}

function badUrl(): DeskError {
  return new DeskError('storage', 'errors.register.badDatabaseUrl');
}
