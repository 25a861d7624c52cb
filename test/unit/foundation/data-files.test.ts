import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import type { CliCommand } from '../../../electron/cli/command.js';
import { runCli } from '../../../electron/cli/main.js';
import { describeFailure, hasText, t } from '../../../electron/console/messages.js';
import { openRegister, registerPath } from '../../../electron/register/database.js';
import { holdDataFolder, isDataFolderHeld } from '../../../electron/register/desk-lock.js';
import { DeskError } from '../../../shared/contract/errors.js';

const root = path.resolve(import.meta.dirname, '../../..');
const folders: string[] = [];
const desks: Desk[] = [];
const children: ChildProcess[] = [];

function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-files-'));
  folders.push(dir);
  return dir;
}

async function deskIn(dataDir: string): Promise<Desk> {
  const desk = await createDesk({ dataDir, demo: false, appVersion: 'test' });
  desks.push(desk);
  return desk;
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const desk of desks.splice(0)) await desk.close();
  for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('data files only the desk account can read (0600, folders 0700)', () => {
  it('a new register with its WAL and shared memory, its folder, a backup and the keys folder', async () => {
    const dataDir = path.join(scratch(), 'new', 'cnap-desk');
    const desk = await deskIn(dataDir);
    const file = registerPath(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(path.dirname(dataDir))).toBe(0o700);
    for (const part of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(part), part).toBe(0o600);
    const backup = await desk.register.backup.create(null);
    expect(modeOf(backup.file)).toBe(0o600);
    expect(modeOf(path.dirname(backup.file))).toBe(0o700);
    const keys = path.join(dataDir, 'keys');
    if (fs.existsSync(keys)) expect(modeOf(keys)).toBe(0o700);
  });

  it('a register an older version left readable to all is narrowed when opened', async () => {
    const dataDir = scratch();
    const file = registerPath(dataDir);
    await (await openRegister(file)).close();
    fs.chmodSync(file, 0o644);
    const db = openRegister(file);
    try {
      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(`${file}-wal`)).toBe(0o600);
    } finally {
      await db.close();
    }
  });
});

describe('migrate-to-postgres beside a running desk', () => {
  /** A real desk in another process, as `npm start` would run it. */
  async function deskInAnotherProcess(dataDir: string): Promise<ChildProcess> {
    const script = `const { createDesk } = await import(${JSON.stringify(path.join(root, 'electron/app/desk.ts'))});
      await createDesk({ dataDir: ${JSON.stringify(dataDir)}, demo: false, appVersion: 'test' });
      console.log('desk up');`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the desk did not start:\n${output}`)), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('desk up')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', () => reject(new Error(`the desk exited:\n${output}`)));
    });
    return child;
  }

  it('is refused while a desk runs on the folder, with a sentence saying so; a crashed desk holds nothing', async () => {
    const dataDir = scratch();
    const desk = await deskInAnotherProcess(dataDir);
    expect(isDataFolderHeld(dataDir)).toBe(true);
    const run = captureIo();
    // No server is ever reached: the refusal comes first.
    const code = await runCli(['migrate-to-postgres', '--data-dir', dataDir, '--database', 'postgres://cnap_owner@localhost/cnap'], run.io);
    expect(code).toBe(1);
    expect(run.err.join('\n')).toContain(t('errors.registerMove.deskRunning', { dataDir }));

    // Killed outright, as by a crash or a power cut: the lock goes with the process.
    desk.kill('SIGKILL');
    await new Promise((resolve) => desk.once('exit', resolve));
    expect(isDataFolderHeld(dataDir)).toBe(false);
  }, 90_000);

  it('a desk in this process holds the folder until it closes; a second hold is not taken', async () => {
    const dataDir = scratch();
    const desk = await deskIn(dataDir);
    expect(isDataFolderHeld(dataDir)).toBe(true);
    expect(holdDataFolder(dataDir)).toBeNull();
    await desk.close();
    desks.splice(desks.indexOf(desk), 1);
    expect(isDataFolderHeld(dataDir)).toBe(false);
  });
});

describe('what the command line and the bridge print', () => {
  function electronSources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return electronSources(full);
      return entry.name.endsWith('.ts') ? [full] : [];
    });
  }

  it('every message key a DeskError is thrown with in electron/ is a sentence', () => {
    const keys = new Set<string>();
    for (const file of electronSources(path.join(root, 'electron'))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/new DeskError\(\s*'[a-z_]+',\s*'([\w.]+)'/g)) keys.add(match[1]!);
    }
    expect(keys.size).toBeGreaterThan(20);
    expect([...keys].filter((key) => !hasText(key))).toEqual([]);
  });

  it('every string of every area of shared/i18n is known to the console', async () => {
    const dir = path.join(root, 'shared/i18n');
    const language = /^en/i.test(process.env.CNAP_LANG ?? process.env.LANG ?? '') ? 'en' : 'uk';
    const missing: string[] = [];
    for (const name of fs.readdirSync(dir).filter((file) => file.endsWith(`.${language}.ts`))) {
      const fragment = ((await import(path.join(dir, name))) as { default: Record<string, unknown> }).default;
      const walk = (node: Record<string, unknown>, prefix: string): void => {
        for (const [key, value] of Object.entries(node)) {
          const full = prefix ? `${prefix}.${key}` : key;
          if (typeof value === 'string') {
            if (!hasText(full)) missing.push(`${name}: ${full}`);
          } else walk(value as Record<string, unknown>, full);
        }
      };
      walk(fragment, '');
    }
    expect(missing).toEqual([]);
  });

  it('a register error is its sentence, a missing file is a sentence naming it, never a key or an errno', () => {
    const pending = describeFailure(new DeskError('storage', 'errors.register.migrationsPending', { found: 2, supported: 5 }));
    expect(pending).toBe(t('errors.register.migrationsPending', { found: 2, supported: 5 }));
    expect(pending).not.toMatch(/errors\.|storage:/);
    let missing: unknown;
    try {
      fs.readFileSync('/nonexistent/bundle.cnap');
    } catch (error) {
      missing = error;
    }
    const sentence = describeFailure(missing);
    expect(sentence).toContain('/nonexistent/bundle.cnap');
    expect(sentence).not.toMatch(/ENOENT|no such file/);
  });

  it('the CLI reports a file that is not there as a sentence naming it (as import-bundle --file does)', async () => {
    const run = captureIo();
    const missing = path.join(scratch(), 'no-such-bundle.cnapbundle');
    const reading: CliCommand = {
      name: 'read',
      summary: 'reads a file',
      usage: ['read --file FILE'],
      options: { file: { type: 'string' } },
      run: async (values) => {
        fs.readFileSync(String(values.file));
        return 0;
      },
    };
    expect(await runCli(['read', '--file', missing], run.io, [reading])).toBe(1);
    const printed = run.err.join('\n');
    expect(printed).toContain(t('errors.system.ENOENT', { path: missing }));
    expect(printed).not.toMatch(/ENOENT|errors\.[a-z]/);
  });
});
