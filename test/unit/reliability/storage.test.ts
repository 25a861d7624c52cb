import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { entriesChannels } from '../../../shared/contract/channels/entries.js';
import { jobResult } from '../../../electron/app/jobs.js';
import { entriesHandlers } from '../../../electron/app/handlers/entries.js';
import { createDispatcher } from '../../../electron/ipc/dispatch.js';
import type { SessionUser } from '../../../electron/register/services/session.js';
import { createRegisterServices, openRegister, registerPath } from '../../../electron/register/index.js';
import { issueInput, openDesk, prepareRegister, type OpenDesk, type PreparedRegister } from '../../reliability/support/desk.js';
import { registerDigest } from '../../reliability/support/digest.js';
import { inspectRegister, isGapFree } from '../../reliability/support/register-check.js';
import { sqliteOf } from '../register/fixtures.js';
import { onPostgres } from '../../support/register-backend.js';

let register: PreparedRegister | undefined;
let desk: OpenDesk | undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  desk?.desk.close();
  desk = undefined;
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  register?.remove();
  register = undefined;
});

async function deskWithEntries(count: number): Promise<{ register: PreparedRegister; desk: OpenDesk }> {
  register = await prepareRegister();
  desk = await openDesk(register.dataDir);
  for (let i = 0; i < count; i += 1) await desk.call('entries.issueCertificate', issueInput(register));
  return { register, desk };
}

/** A tmpfs of `size` mounted for the test: a real full or read-only stick. Needs root and mount rights. */
function mountTmpfs(options: string): string | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-stick-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  cleanups.push(() => {
    execFileSync('umount', [dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'desk-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

// A full or read-only disk under the embedded file and backup sticks: the workstation's own storage.
describe.skipIf(onPostgres)('a full disk under the register', () => {
  it('refuses with storage/full, takes no number and writes no entry, and continues gap-free once space returns', async () => {
    const { register, desk } = await deskWithEntries(1);
    const db = desk.desk.register.ctx.db;
    sqliteOf(db).pragma(`max_page_count = ${Number(sqliteOf(db).pragma('page_count', { simple: true }))}`);
    let lastIssued = 1;
    let refusal: unknown;
    for (let attempt = 0; attempt < 500 && !refusal; attempt += 1) {
      const answer = await desk.raw('entries.issueCertificate', issueInput(register));
      if (answer.ok) lastIssued = (answer.value as { entry: { number: number } }).entry.number;
      else refusal = answer;
    }
    expect(refusal).toEqual({ ok: false, error: { code: 'storage', messageKey: 'errors.storage.full' } });
    const full = await inspectRegister(register.dataDir, register.journalId);
    expect(full.integrity).toEqual(['ok']);
    expect(full.numbers).toHaveLength(lastIssued);
    expect(full.counter).toBe(lastIssued);
    expect(full.verify).toEqual({ ok: true, entries: lastIssued });

    sqliteOf(db).pragma('max_page_count = 1073741823');
    const { entry } = await desk.call('entries.issueCertificate', issueInput(register));
    expect(entry.number).toBe(lastIssued + 1);
    const after = await inspectRegister(register.dataDir, register.journalId);
    expect(isGapFree(after.numbers)).toBe(true);
    expect(after.verify).toEqual({ ok: true, entries: lastIssued + 1 });
  });
});

describe.skipIf(onPostgres)('a register on read-only media', () => {
  it('refuses writes with storage/readOnly, changes nothing, and works again read-write', async () => {
    const { register, desk: first } = await deskWithEntries(2);
    const entryId = (await first.call('journal.search', { page: 1, pageSize: 1 })).items[0]!.id;
    first.desk.close();
    desk = undefined;

    const readOnly = openRegister(registerPath(register.dataDir), { readonly: true });
    const before = registerDigest(sqliteOf(readOnly));
    try {
      const services = createRegisterServices({ db: readOnly, dataDir: register.dataDir });
      const head = sqliteOf(readOnly).prepare("SELECT id, login, full_name AS fullName, role, office_id AS officeId FROM users WHERE login = 'head'").get() as SessionUser;
      const dispatcher = createDispatcher(entriesChannels, entriesHandlers(services), { userFor: () => head });
      const call = (channel: string, input: unknown) => dispatcher.dispatch(channel, input, { sessionKey: 'ro', transport: 'cli' });
      const refused = { ok: false, error: { code: 'storage', messageKey: 'errors.storage.readOnly' } };
      expect(await call('entries.annul', { entryId, reason: 'Помилка' })).toEqual(refused);
      expect(await call('entries.handover', { entryId, receivedBy: 'subject', recipientName: 'Шевченко Т.' })).toEqual(refused);
      expect(await call('entries.get', { id: entryId })).toEqual(refused);
      expect(registerDigest(sqliteOf(readOnly))).toBe(before);
    } finally {
      await readOnly.close();
    }

    desk = await openDesk(register.dataDir);
    const annulled = await desk.call('entries.annul', { entryId, reason: 'Помилка' });
    expect(annulled.status).toBe('annulled');
  });
});

describe.skipIf(onPostgres)('a backup target that cannot be written', () => {
  /** A backup is a job: its failure arrives with its final status. */
  async function backUp(desk: OpenDesk) {
    return jobResult(desk.call, 'backup', (await desk.call('backup.create', {})).jobId);
  }

  function backupFiles(folder: string): string[] {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  }

  it('a folder that cannot exist (a path under a file) fails with storage/readOnly and leaves nothing', async () => {
    const { register, desk } = await deskWithEntries(1);
    const file = path.join(register.dataDir, 'not-a-folder.txt');
    writeFileSync(file, 'x');
    await desk.call('settings.update', { backupFolder: path.join(file, 'backups') });
    await expect(backUp(desk)).rejects.toMatchObject({ code: 'storage', messageKey: 'errors.storage.readOnly' });
    await desk.call('settings.update', { backupFolder: null });
    const made = await backUp(desk);
    expect(backupFiles(path.dirname(made.file))).toContain(made.name);
  });

  it.skipIf(!canMount)('a full stick fails with storage/full, leaves no .partial file, and works once space returns', async () => {
    const { register, desk } = await deskWithEntries(3);
    const stick = mountTmpfs('size=64k');
    expect(stick).toBeDefined();
    await desk.call('settings.update', { backupFolder: stick! });
    await expect(backUp(desk)).rejects.toMatchObject({ code: 'storage', messageKey: 'errors.storage.full' });
    expect(backupFiles(stick!)).toEqual([]);
    execFileSync('mount', ['-o', 'remount,size=16m', stick!], { stdio: 'ignore' });
    const made = await backUp(desk);
    expect(backupFiles(stick!)).toEqual([made.name]);
    expect(register.journalId).toBeTruthy();
  });

  it.skipIf(!canMount)('a read-only stick fails with storage/readOnly and leaves nothing', async () => {
    const { desk } = await deskWithEntries(1);
    const stick = mountTmpfs('size=16m,ro');
    await desk.call('settings.update', { backupFolder: stick! });
    await expect(backUp(desk)).rejects.toMatchObject({ code: 'storage', messageKey: 'errors.storage.readOnly' });
    expect(backupFiles(stick!)).toEqual([]);
  });
});
