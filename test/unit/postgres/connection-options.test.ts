import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { postgresPoolConfig } from '../../../electron/register/postgres/connection-options.js';
import { lookUpPassword } from '../../../electron/register/postgres/pgpass.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-pg-options-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const noEnv = { HOME: '/nonexistent' };

function tlsOf(url: string, caFile?: string): ConnectionOptions | false {
  return postgresPoolConfig({ url, ...(caFile ? { caFile } : {}) }, noEnv).config.ssl as ConnectionOptions | false;
}

function deskErrorOf(run: () => unknown): DeskError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a DeskError');
}

describe('TLS (sslmode=verify-full with the council CA)', () => {
  it('a CA file turns on verification against that CA, with the host name checked', () => {
    const caFile = path.join(dir, 'council-ca.crt');
    fs.writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nCOUNCIL\n-----END CERTIFICATE-----\n');
    const tls = tlsOf('postgres://desk@register.rada.local:5433/cnap', caFile);
    expect(tls).not.toBe(false);
    if (!tls) return;
    expect(tls.rejectUnauthorized).toBe(true);
    expect(tls.ca).toBe(fs.readFileSync(caFile, 'utf8'));
    expect(tls.servername).toBe('register.rada.local');
    // The identity check compares with the host we dialled, whatever name Node would pick.
    const certificate = { subject: { CN: 'other.host' }, subjectaltname: 'DNS:other.host' };
    expect(tls.checkServerIdentity?.('x', certificate as never)).toBeInstanceOf(Error);
    const matching = { subject: { CN: 'register.rada.local' }, subjectaltname: 'DNS:register.rada.local' };
    expect(tls.checkServerIdentity?.('x', matching as never)).toBeUndefined();
  });

  it('takes sslmode and sslrootcert from the URL as libpq does', () => {
    const caFile = path.join(dir, 'ca.pem');
    fs.writeFileSync(caFile, 'PEM');
    const tls = tlsOf(`postgres://desk@10.0.0.5/cnap?sslmode=verify-full&sslrootcert=${encodeURIComponent(caFile)}`);
    expect(tls && tls.ca).toBe('PEM');
    // An IP address is not sent as a TLS server name (Node forbids it) but is still checked.
    expect(tls && tls.servername).toBeUndefined();
    const byIp = { subject: {}, subjectaltname: 'IP Address:10.0.0.5' };
    expect(tls && tls.checkServerIdentity?.('localhost', byIp as never)).toBeUndefined();
  });

  it('no sslmode means verify-full against the system CAs for any server not on this computer', () => {
    for (const url of ['postgres://desk@register.rada.local/cnap', 'postgres://desk@10.0.0.5/cnap', 'postgres://desk@[fd00::5]/cnap', 'postgres://desk@localhost.rada.local/cnap']) {
      const tls = tlsOf(url);
      expect(tls, url).not.toBe(false);
      expect(tls && tls.rejectUnauthorized, url).toBe(true);
      expect(tls && tls.ca, url).toBeUndefined();
    }
  });

  it('no sslmode on this computer (loopback, a socket) means no TLS; sslmode=disable is taken as asked', () => {
    for (const url of ['postgres://desk@localhost/cnap', 'postgres://desk@127.0.0.1:5433/cnap', 'postgres://desk@127.3.2.1/cnap', 'postgres://desk@[::1]/cnap']) {
      expect(tlsOf(url), url).toBe(false);
    }
    expect(tlsOf('postgres:///cnap?host=/var/run/postgresql&sslmode=verify-full')).toBe(false);
    expect(tlsOf('postgres://desk@register.rada.local/cnap?sslmode=disable')).toBe(false);
  });

  it('refuses modes that do not verify the server, and a CA with sslmode=disable', () => {
    for (const mode of ['require', 'prefer', 'allow', 'verify-ca']) {
      const error = deskErrorOf(() => tlsOf(`postgres://desk@db/cnap?sslmode=${mode}`));
      expect(error.messageKey).toBe('errors.register.weakSslMode');
      expect(error.params).toEqual({ mode });
    }
    fs.writeFileSync(path.join(dir, 'ca.pem'), 'PEM');
    expect(deskErrorOf(() => tlsOf('postgres://desk@db/cnap?sslmode=disable', path.join(dir, 'ca.pem'))).messageKey).toBe(
      'errors.register.weakSslMode',
    );
  });

  it('an unreadable CA file is named in the error', () => {
    const error = deskErrorOf(() => tlsOf('postgres://desk@db/cnap', path.join(dir, 'missing.crt')));
    expect(error.messageKey).toBe('errors.register.caFileUnreadable');
    expect(error.params).toEqual({ file: path.join(dir, 'missing.crt') });
  });
});

describe('the database URL', () => {
  it('location names host, port and database', () => {
    const { config, location } = postgresPoolConfig({ url: 'postgresql://desk@db.rada.local:6432/cnap' }, noEnv);
    expect(location).toEqual({ backend: 'postgres', server: 'db.rada.local:6432', database: 'cnap' });
    expect(config.user).toBe('desk');
    expect(config.port).toBe(6432);
  });

  it('refuses a password in the address and says where to put it, never repeating it', () => {
    const error = deskErrorOf(() => postgresPoolConfig({ url: 'postgresql://desk:s3cr%40t@db.rada.local:6432/cnap' }, noEnv));
    expect(error.messageKey).toBe('errors.register.passwordInUrl');
    expect(JSON.stringify(error.toShape()) + error.message).not.toContain('s3cr');
  });

  it('the password comes from PGPASSWORD, else ~/.pgpass, only when asked for', async () => {
    const password = (url: string, env: NodeJS.ProcessEnv) => {
      const value = postgresPoolConfig({ url }, env).config.password;
      return typeof value === 'function' ? value() : value;
    };
    expect(await password('postgres://desk@db/cnap', { PGPASSWORD: 'from-env' })).toBe('from-env');
    const pgpass = path.join(dir, '.pgpass');
    fs.writeFileSync(pgpass, '# comment\nother:*:*:*:wrong\ndb:5432:cnap:desk:pa\\:ss\n', { mode: 0o600 });
    expect(await password('postgres://desk@db/cnap', { HOME: dir })).toBe('pa:ss');
    expect(await password('postgres://other-user@db/cnap', { HOME: dir })).toBe('');
  });

  it('ignores a .pgpass that others can read, as libpq does', () => {
    const pgpass = path.join(dir, 'pgpass');
    fs.writeFileSync(pgpass, '*:*:*:*:open\n', { mode: 0o644 });
    fs.chmodSync(pgpass, 0o644);
    const target = { host: 'db', port: 5432, database: 'cnap', user: 'desk' };
    expect(lookUpPassword(target, { PGPASSFILE: pgpass })).toBeUndefined();
    fs.chmodSync(pgpass, 0o600);
    expect(lookUpPassword(target, { PGPASSFILE: pgpass })).toBe('open');
  });

  it('refuses what is not a postgres URL and parameters it does not know', () => {
    for (const url of ['mysql://db/cnap', 'not a url', 'postgres://db/', 'postgres://db/a/b']) {
      expect(deskErrorOf(() => postgresPoolConfig({ url }, noEnv)).messageKey).toBe('errors.register.badDatabaseUrl');
    }
    const error = deskErrorOf(() => postgresPoolConfig({ url: 'postgres://db/cnap?password=x' }, noEnv));
    expect(error.messageKey).toBe('errors.register.unsupportedUrlParameter');
    expect(error.params).toEqual({ parameter: 'password' });
  });
});
