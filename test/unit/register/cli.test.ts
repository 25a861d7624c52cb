import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../../electron/cli/command.js';
import { runCli } from '../../../electron/cli/main.js';
import { allowAll, certificate, setUpRegister, tempDir, type TestRegister } from './fixtures.js';
import { onPostgres } from '../../support/register-backend.js';

let register: TestRegister | undefined;
const extraDirs: string[] = [];
afterEach(() => {
  register?.close();
  for (const dir of extraDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

/** The app is closed before the IT person runs the command line. */
async function closedRegisterWithEntries(count: number): Promise<TestRegister> {
  const r = await setUpRegister();
  for (let i = 0; i < count; i += 1) {
    await r.services.entries.appendEntry({ journalId: r.journalId, content: certificate(), user: r.head, gate: allowAll });
  }
  r.db.close();
  return r;
}

// The command line on the embedded register's data folder; the server's commands are tested in test/unit/postgres.
describe.skipIf(onPostgres)('npm run cli (verify, backup, restore)', () => {
  it('verify exits 0 for a sound register', async () => {
    register = await closedRegisterWithEntries(3);
    const { io, out } = captureIo();
    await expect(runCli(['verify', '--data-dir', register.dir], io)).resolves.toBe(0);
    expect(out.join('\n')).toMatch(/01-21/);
  });

  it('verify exits non-zero and names the first bad entry by journal index, year and number', async () => {
    register = await closedRegisterWithEntries(4);
    const raw = new Database(register.file);
    raw.exec('DROP TRIGGER entries_no_update');
    const year = (raw.prepare('SELECT year FROM entries WHERE number = 2').get() as { year: number }).year;
    raw.prepare("UPDATE entries SET content = replace(content, 'Тарас', 'Тарaс') WHERE number = 2").run();
    raw.close();
    const { io, err } = captureIo();
    await expect(runCli(['verify', '--data-dir', register.dir], io)).resolves.toBe(1);
    const report = err.join('\n');
    expect(report).toContain('01-21');
    expect(report).toContain(String(year));
    expect(report).toMatch(/№ 01-21\/2 |No\. 01-21\/2 /);
    expect(report).not.toContain('hash_mismatch');
    expect(report).toContain('змінено після внесення');
  });

  it('backup and restore through the command line give back the same entries', async () => {
    register = await closedRegisterWithEntries(3);
    const folder = tempDir();
    extraDirs.push(folder);
    const backupRun = captureIo();
    await expect(runCli(['backup', '--data-dir', register.dir, '--to', folder], backupRun.io)).resolves.toBe(0);
    const [backupName] = fs.readdirSync(folder);
    expect(backupName).toMatch(/^register-.*-manual\.sqlite$/);
    const before = dumpEntries(register.file);

    fs.writeFileSync(register.file, 'wreckage');
    fs.rmSync(`${register.file}-wal`, { force: true });
    fs.rmSync(`${register.file}-shm`, { force: true });
    const restoreRun = captureIo();
    await expect(runCli(['restore', '--data-dir', register.dir, '--from', path.join(folder, backupName!)], restoreRun.io)).resolves.toBe(0);
    expect(dumpEntries(register.file)).toEqual(before);
    expect(restoreRun.out.slice(0, 3)).toEqual([t('cli.restore.checking'), t('cli.restore.saving'), t('cli.restore.replacing')]);
    // The damaged file was set aside untouched, not overwritten.
    const aside = fs.readdirSync(register.dir).find((name) => name.startsWith('register-damaged-'));
    expect(fs.readFileSync(path.join(register.dir, aside!), 'utf8')).toBe('wreckage');
    await expect(runCli(['verify', '--data-dir', register.dir], captureIo().io)).resolves.toBe(0);
  });

  it('prints help, and refuses unknown commands and missing options with exit 2', async () => {
    const help = captureIo();
    await expect(runCli(['restore', '--help'], help.io)).resolves.toBe(0);
    expect(help.out.join('\n')).toContain('restore --data-dir DIR --from FILE');
    await expect(runCli(['frobnicate'], captureIo().io)).resolves.toBe(2);
    await expect(runCli(['backup', '--data-dir', '/tmp'], captureIo().io)).resolves.toBe(2);
    await expect(runCli(['verify', '--bogus'], captureIo().io)).resolves.toBe(2);
  });

  it('runs as a real process with the exit code', async () => {
    register = await closedRegisterWithEntries(1);
    const output = execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'verify', '--data-dir', register.dir], {
      cwd: path.resolve(__dirname, '../../..'),
      encoding: 'utf8',
    });
    expect(output).toMatch(/01-21/);
  });
});

function dumpEntries(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM entries ORDER BY year, number').all();
  } finally {
    db.close();
  }
}
