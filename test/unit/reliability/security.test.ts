import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/index.js';
import { jobResult } from '../../../electron/app/jobs.js';
import { startBridge } from '../../../electron/bridge/server.js';
import { createWindowOptions } from '../../../electron/main/window-options.js';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp.js';
import { fieldNamesOf } from '../../reliability/support/fuzz.js';
import { HEAD_PASSWORD, issueInput, openDesk, prepareRegister, type OpenDesk, type PreparedRegister } from '../../reliability/support/desk.js';
import { onPostgres } from '../../support/register-backend.js';

const root = path.resolve(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(item.name) ? [full] : [];
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const full = path.join(dir, item.name);
    return item.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the window and its content policy (extends test/unit/foundation/shell.test.ts)', () => {
  it('sets no web preference beyond the reviewed list, and only the PDF viewer is relaxed', () => {
    const preferences = createWindowOptions({ preloadPath: '/p.cjs', title: 't' }).webPreferences ?? {};
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent', 'contextIsolation', 'experimentalFeatures', 'navigateOnDragDrop', 'nodeIntegration',
        'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'plugins', 'preload', 'sandbox', 'spellcheck', 'webSecurity', 'webviewTag',
      ].sort(),
    );
    expect(preferences).toMatchObject({ navigateOnDragDrop: false, plugins: true });
  });

  it('has every CSP directive locked down: nothing remote, no inline or eval scripts, no framing, no forms, no base', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-src')).toEqual(['blob:']);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      expect(values.join(' '), name).not.toMatch(/https?:|\*|unsafe-eval|wasm-unsafe-eval|data:.*script/);
    }
  });

  it('sends the CSP, frame-ancestors none and nosniff on every bridge answer', async () => {
    const bridge = await startBridge({ dispatcher: { channels: [], dispatch: async () => ({ ok: true, value: null }) } });
    try {
      const response = await fetch(`http://127.0.0.1:${bridge.port}/anything`);
      expect(response.headers.get('content-security-policy')).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await bridge.close();
    }
  });

  it('the shell blocks navigation, new windows, webviews and every permission request', () => {
    const main = readFileSync(path.join(root, 'electron/main/index.ts'), 'utf8');
    expect(main).toMatch(/will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(main).toMatch(/will-redirect', \(event\) => event\.preventDefault\(\)/);
    expect(main).toMatch(/will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(main).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(main).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });
});

describe('nothing from the renderer reaches the shell or the file system unchecked', () => {
  it('no file in electron/ or renderer/ opens external URLs or paths through the shell', () => {
    const offenders = [...sourceFiles(path.join(root, 'electron')), ...sourceFiles(path.join(root, 'renderer'))].filter((file) =>
      /\bopenExternal\b|shell\s*\.\s*openPath|shell\s*\.\s*showItemInFolder/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the only path-shaped inputs of the contract are the reviewed ones', () => {
    const pathShaped = Object.entries(contract).flatMap(([name, def]) =>
      fieldNamesOf(def.input)
        .filter((field) => /path|file|folder|dir/i.test(field))
        .map((field) => `${name}.${field}`),
    );
    // settings.backupFolder: set by the head, resolved by the backup service, names only the folder;
    // nothing is ever read from or written to a path a window sends with a file name in it.
    expect(pathShaped.filter((field) => !field.startsWith('exchange.')).sort()).toEqual(['settings.update.backupFolder']);
  });

  // The embedded register's backups; a server's register is backed up with pg_dump.
  describe.skipIf(onPostgres)('backup.restore takes a name from the configured folder only', () => {
    let register: PreparedRegister;
    let desk: OpenDesk;
    beforeAll(async () => {
      register = await prepareRegister();
      desk = await openDesk(register.dataDir);
    }, 60_000);
    afterAll(() => {
      desk.desk.close();
      register.remove();
    });

    it.each([
      '../register.sqlite',
      '../../../../etc/passwd',
      'register-2025-01-01T00-00-00-000Z-manual.sqlite/../../register.sqlite',
      '..\\register-2025-01-01T00-00-00-000Z-manual.sqlite',
      '/tmp/register-2025-01-01T00-00-00-000Z-manual.sqlite',
      'register-2025-01-01T00-00-00-000Z-manual.sqlite\u0000.txt',
    ])('refuses %j before anything is opened', async (name) => {
      const before = (await desk.call('backup.list', {})).items.length;
      expect(await desk.raw('backup.restore', { name })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect((await desk.call('backup.list', {})).items).toHaveLength(before);
    });

    it('a well-formed name that is not in the folder is not found', async () => {
      const { jobId } = await desk.call('backup.restore', { name: 'register-2025-01-01T00-00-00-000Z-manual.sqlite' });
      await expect(jobResult(desk.call, 'restore', jobId)).rejects.toMatchObject({ code: 'not_found' });
    });
  });
});

describe('passwords, lockout and what the logs hold', () => {
  const CLERK_PASSWORD = 'Сонях-2025-секрет';
  const DISTINCTIVE = ['Зюзюкало', 'Ксенофонтівна', 'Вул. Пустельна', 'ЮЮ', '998877', 'Оксана Зюзюкало-Бей'];
  let register: PreparedRegister;
  let desk: OpenDesk;
  const logged: string[] = [];

  beforeAll(async () => {
    register = await prepareRegister();
    desk = await openDesk(register.dataDir, { logger: { error: (message, details) => logged.push(`${message} ${JSON.stringify(details)}`) } });
    const office = (await desk.call('offices.list', {})).items[0]!;
    await desk.call('users.create', { login: 'clerk', fullName: 'Ірина Коваль', role: 'admin', officeId: office.id, password: CLERK_PASSWORD });
    // Personal data in every field that takes it: names, address, document numbers, recipient, annulment reason, search text.
    const input = issueInput(register, 'Зюзюкало');
    input.certificate.subject.name.patronymic = 'Ксенофонтівна';
    input.certificate.address.street = 'Вул. Пустельна';
    input.certificate.documents = input.certificate.documents.map((document) =>
      'series' in document && document.type === 'passport_book' ? { ...document, series: 'ЮЮ', number: '998877' } : document,
    );
    const { entry } = await desk.call('entries.issueCertificate', input);
    await desk.call('entries.get', { id: entry.id });
    await desk.call('entries.handover', {
      entryId: entry.id,
      receivedBy: 'representative',
      recipientName: 'Оксана Зюзюкало-Бей',
      powerOfAttorney: { number: '1234', date: '2020-01-15', issuer: 'приватний нотаріус Коваль О. П.' },
    });
    const second = await desk.call('entries.issueCertificate', issueInput(register, 'Зюзюкало'));
    await desk.call('entries.annul', { entryId: second.entry.id, reason: 'Помилка в імені: Оксана Зюзюкало-Бей' });
    await desk.call('journal.search', { text: 'Зюзюкало Ксенофонтівна', page: 1, pageSize: 10 });
    // People type passwords into the login field.
    await desk.raw('auth.login', { login: CLERK_PASSWORD, password: 'x' }, 'typo-session');
    // A server's register is backed up by the server; the files checked below are the embedded one's.
    if (!onPostgres) await jobResult(desk.call, 'backup', (await desk.call('backup.create', {})).jobId);
  }, 60_000);
  afterAll(async () => {
    await desk.desk.close();
    await register.remove();
  });

  it('stores passwords only as salted scrypt hashes', async () => {
    const db = desk.desk.register.ctx.db;
    const users = await db.all<{ login: string; password_hash: string }>('SELECT login, password_hash FROM users');
    expect(users).toHaveLength(2);
    const salts = new Set<string>();
    for (const user of users) {
      expect(user.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
      salts.add(user.password_hash.split('$')[4] ?? '');
    }
    expect(salts.size).toBe(2);
    const everything = JSON.stringify(await db.all('SELECT value FROM settings')) + JSON.stringify(await db.all('SELECT * FROM users'));
    for (const password of [HEAD_PASSWORD, CLERK_PASSWORD]) expect(everything).not.toContain(password);
  });

  it('locks an account after five failed logins, for the right password too', async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await desk.raw('auth.login', { login: 'clerk', password: `wrong-${attempt}` }, 'lock-session')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    }
    expect(await desk.raw('auth.login', { login: 'clerk', password: 'wrong-5' }, 'lock-session')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
    expect(await desk.raw('auth.login', { login: 'clerk', password: CLERK_PASSWORD }, 'lock-session')).toMatchObject({ ok: false, error: { code: 'account_locked' } });
  });

  it('the audit log holds no passwords and no personal data, only ids and numbers', async () => {
    // Searches' rows wait in memory for up to a second: written first, so they are checked too.
    await desk.desk.register.audit.flush();
    const rows = await desk.desk.register.ctx.db.all('SELECT action, entity, entity_id, summary FROM audit_log');
    const text = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(8);
    for (const secret of [HEAD_PASSWORD, CLERK_PASSWORD, ...DISTINCTIVE]) expect(text, secret).not.toContain(secret);
  });

  it('no other file in the data folder (keys, logs) and no dispatcher log line holds them', () => {
    const others = filesUnder(register.dataDir).filter((file) => {
      const name = path.relative(register.dataDir, file);
      return !name.startsWith('register.sqlite') && !name.startsWith(`backups${path.sep}`) && statSync(file).isFile();
    });
    for (const file of others) {
      const content = readFileSync(file).toString('utf8');
      for (const secret of [HEAD_PASSWORD, CLERK_PASSWORD, ...DISTINCTIVE]) expect(content, `${file}: ${secret}`).not.toContain(secret);
    }
    for (const secret of [HEAD_PASSWORD, CLERK_PASSWORD, ...DISTINCTIVE]) expect(logged.join('\n')).not.toContain(secret);
  });
});
