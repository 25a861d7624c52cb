import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '../../../electron/register/database.js';
import { allowAll, certificate, person, setUpRegister, tempDir, type TestRegister, sqliteOf } from './fixtures.js';
import { onPostgres } from '../../support/register-backend.js';
import { settingsChannels } from '../../../shared/contract/channels/settings.js';

let register: TestRegister | undefined;
const extraDirs: string[] = [];
afterEach(() => {
  register?.close();
  for (const dir of extraDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dumpEntries(db: RegisterDb): unknown[] {
  return sqliteOf(db).prepare('SELECT * FROM entries ORDER BY journal_id, year, number').all();
}

async function addEntries(r: TestRegister, count: number, family: string): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await r.services.entries.appendEntry({ journalId: r.journalId, content: certificate(person(family, 'Іван')), user: r.head, gate: allowAll });
    r.clock.advanceMinutes(1);
  }
}

// The embedded register's own backups; a server is backed up with pg_dump (docs/postgres.md).
describe.skipIf(onPostgres)('backup and restore', () => {
  it('backs up with progress, restores identical content with a verifying chain, saving the current file first', async () => {
    register = await setUpRegister();
    const { services, head, db } = register;
    await addEntries(register, 6, 'Мельник');
    const progress: number[] = [];
    const backup = await services.backup.create(head, { onProgress: (p) => progress.push(p.remainingPages) });
    expect(fs.existsSync(backup.file)).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    expect(backup.reason).toBe('manual');
    const atBackup = dumpEntries(db);

    register.clock.advanceMinutes(5);
    await addEntries(register, 3, 'Савченко');
    expect(dumpEntries(db)).toHaveLength(9);

    register.clock.advanceMinutes(5);
    const restored = await services.backup.restore(head, backup.file);
    expect(dumpEntries(db)).toEqual(atBackup);
    expect(sqliteOf(db).pragma('journal_mode', { simple: true })).toBe('wal');
    await expect(services.verification.verifyJournal(null, register.journalId)).resolves.toEqual({ ok: true, entries: 6 });
    expect(restored.savedCurrentAs.reason).toBe('before-restore');
    // The saved copy holds the content that was replaced.
    const names = (await services.backup.list(head)).map((b) => b.reason);
    expect(names).toEqual(expect.arrayContaining(['manual', 'before-restore']));
    expect(services.auth.userFor('head-window')).toBeNull();
    // Numbering continues from the restored state.
    const { user } = await services.auth.login('w', 'head', 'head-password-1');
    const next = await services.entries.appendEntry({ journalId: register.journalId, content: certificate(), user, gate: allowAll });
    expect(next.number).toBe(7);
  });

  it('backs up to a named folder and the copy opens as a register', async () => {
    register = await setUpRegister();
    await addEntries(register, 2, 'Гончар');
    const folder = tempDir();
    extraDirs.push(folder);
    const backup = await register.services.backup.create(null, { folder });
    expect(path.dirname(backup.file)).toBe(folder);
    expect(fs.readdirSync(folder)).toEqual([backup.name]);
  });

  it('makes the automatic backup once per Kyiv day', async () => {
    register = await setUpRegister('2025-06-02T20:00:00.000Z');
    const { services, clock } = register;
    expect(await services.backup.autoBackupIfDue()).toMatchObject({ reason: 'auto' });
    clock.advanceMinutes(30);
    expect(await services.backup.autoBackupIfDue()).toBeNull();
    clock.set('2025-06-02T21:30:00.000Z'); // 00:30 on 3 June in Kyiv
    expect(await services.backup.autoBackupIfDue()).toMatchObject({ reason: 'auto' });
  });

  it('refuses to restore a file that is not a register and changes nothing', async () => {
    register = await setUpRegister();
    await addEntries(register, 2, 'Лисенко');
    const before = dumpEntries(register.db);
    const garbage = path.join(register.dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, 'not a database at all, not even close'.repeat(200));
    await expect(register.services.backup.restore(register.head, garbage)).rejects.toMatchObject({ code: 'storage', messageKey: 'errors.register.notARegister' });
    expect(dumpEntries(register.db)).toEqual(before);
    expect(await register.services.backup.list(register.head)).toEqual([]);
  });

  it('runs the start-up checks: quick_check, the daily backup and background verification', async () => {
    register = await setUpRegister();
    await addEntries(register, 2, 'Кравець');
    const start = await register.services.onStart();
    expect(start.integrity.ok).toBe(true);
    expect(start.autoBackup?.reason).toBe('auto');
    const health = await start.verifying;
    expect(health.journals.map((j) => j.state)).toEqual(['ok']);
  });
});

describe('the backup folder setting', () => {
  const refused = ['backups', '../../etc/passwd', '/srv/../etc', '/srv//backups', '/srv/./backups', '/srv/back\u0000ups', 'C:backups'];

  it('takes only an absolute, normalised path without control characters, in the contract and in the service', async () => {
    register = await setUpRegister();
    const update = settingsChannels['settings.update'].input;
    for (const folder of refused) {
      expect(update.safeParse({ backupFolder: folder }).success, folder).toBe(false);
      await expect(register.services.settings.update(register.head, { backupFolder: folder }), folder).rejects.toMatchObject({
        code: 'invalid_input',
        details: [{ path: 'backupFolder', messageKey: 'validation.settings.backupFolder' }],
      });
    }
    expect((await register.services.settings.get()).backupFolder).toBeUndefined();
    for (const folder of ['/mnt/usb/backups', 'D:\\Backups', '\\\\server\\share\\cnap']) expect(update.safeParse({ backupFolder: folder }).success, folder).toBe(true);
  });

  it.skipIf(onPostgres)('that is a file answers a clear error from backup.list and backup.create, not `internal`', async () => {
    register = await setUpRegister();
    const file = path.join(register.dir, 'not-a-folder');
    fs.writeFileSync(file, 'x');
    await register.services.settings.update(register.head, { backupFolder: file });
    const unusable = { code: 'storage', messageKey: 'errors.backup.folderUnusable', params: { folder: file } };
    await expect(register.services.backup.list(register.head)).rejects.toMatchObject(unusable);
    await expect(register.services.backup.create(register.head)).rejects.toMatchObject(unusable);
  });
});
