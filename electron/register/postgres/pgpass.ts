import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a password is looked up by, as libpq does. */
export interface PasswordTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly user: string;
}

/**
 * The password for a connection, never from the register or its settings: `PGPASSWORD`, else the
 * first matching line of the password file (`PGPASSFILE`, `~/.pgpass`, or on Windows
 * `%APPDATA%\postgresql\pgpass.conf`), read the way libpq reads it — fields
 * `host:port:database:user:password`, `*` matches anything, `\:` and `\\` escape, and a file
 * that others can read is ignored.
 */
export function lookUpPassword(target: PasswordTarget, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.PGPASSWORD) return env.PGPASSWORD;
  const file = env.PGPASSFILE ?? defaultPasswordFile(env);
  const text = readPrivateFile(file);
  if (text === undefined) return undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const fields = splitPgpassLine(line);
    if (fields.length !== 5) continue;
    const [host, port, database, user, password] = fields as [string, string, string, string, string];
    const wanted = [target.host, String(target.port), target.database, target.user];
    if ([host, port, database, user].every((field, i) => field === '*' || field === wanted[i])) return password;
  }
  return undefined;
}

/** libpq's places: `%APPDATA%\postgresql\pgpass.conf` on Windows, `~/.pgpass` elsewhere. */
function defaultPasswordFile(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'postgresql', 'pgpass.conf');
  return path.join(env.HOME ?? os.homedir(), '.pgpass');
}

function readPrivateFile(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    // libpq: "the permissions on .pgpass must disallow any access to world or group".
    if (!stat.isFile() || (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function splitPgpassLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (char === '\\' && i + 1 < line.length) {
      i += 1;
      field += line[i];
    } else if (char === ':' && fields.length < 4) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
