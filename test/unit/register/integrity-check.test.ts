import fs from 'node:fs';
import type * as NodeModule from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateRegister } from '../../../electron/app/synthetic/generator.js';
import { quickCheck, registerPath, type QuickCheckResult } from '../../../electron/register/database.js';
import { quickCheckFile } from '../../../electron/register/integrity-check.js';
import { putSetting } from '../../../electron/register/repositories/settings.js';
import { onPostgres } from '../../support/register-backend.js';
import { allowAll, certificate, person, setUpRegister, tempDir, type TestRegister } from './fixtures.js';

/** Enough entries that quick_check takes a while (tens of milliseconds), few enough to generate in seconds. */
const GENERATED_ENTRIES = 4000;

/** The check the desk ran before: on this thread, on a read-only connection. */
function checkOnThisThread(file: string): QuickCheckResult {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return quickCheck(db);
  } finally {
    db.close();
  }
}

function errorOnThisThread(file: string): unknown {
  try {
    checkOnThisThread(file);
  } catch (error) {
    return error;
  }
  throw new Error('the check on this thread did not fail');
}

/** Descriptors of this process (worker threads included) open on the file or its WAL side files. */
function handlesOn(file: string): number {
  const fdDir = '/proc/self/fd';
  return fs.readdirSync(fdDir).filter((fd) => {
    try {
      return fs.readlinkSync(path.join(fdDir, fd)).startsWith(file);
    } catch {
      return false;
    }
  }).length;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Overwrites the first bytes of an index's root page: the page no longer parses as a b-tree page. */
function damageIndexPage(file: string, indexName: string): void {
  const db = new Database(file, { readonly: true });
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE type = ? AND name = ?').get('index', indexName) as { rootpage: number };
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

describe.skipIf(onPostgres)('quickCheckFile: quick_check in a worker thread', () => {
  let generatedDir = '';
  let generated = '';
  const dirs: string[] = [];
  let register: TestRegister | undefined;

  /** A copy of the generated register, to damage or to lock without touching the shared one. */
  function copyOfGenerated(): string {
    const dir = tempDir();
    dirs.push(dir);
    const file = registerPath(dir);
    fs.copyFileSync(generated, file);
    return file;
  }

  beforeAll(async () => {
    generatedDir = tempDir();
    await generateRegister({ dataDir: generatedDir, entries: GENERATED_ENTRIES });
    generated = registerPath(generatedDir);
  });

  afterEach(async () => {
    await register?.close();
    register = undefined;
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  afterAll(() => fs.rmSync(generatedDir, { recursive: true, force: true }));

  it('passes a sound register with the verdict of the check on this thread', async () => {
    const result = await quickCheckFile(generated);
    expect(result).toEqual(checkOnThisThread(generated));
    expect(result.ok).toBe(true);
  });

  it('reports a damaged index page with the same messages as the check on this thread', async () => {
    const file = copyOfGenerated();
    damageIndexPage(file, 'entries_created');
    const result = await quickCheckFile(file);
    expect(result.ok).toBe(false);
    expect(result.messages.length).toBeGreaterThan(0);
    expect(result).toEqual(checkOnThisThread(file));
  });

  it('rejects a file that is not a database with the SQLite error the check on this thread throws', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'not-a-register.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 0x37));
    const expected = errorOnThisThread(file) as { name: string; code: string; message: string };
    await expect(quickCheckFile(file)).rejects.toMatchObject({ name: expected.name, code: expected.code, message: expected.message });
  });

  it('keeps the event loop turning while the check runs', async () => {
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    try {
      const result = await quickCheckFile(generated);
      expect(result.ok).toBe(true);
      // On this thread the check would resolve before a single tick.
      expect(ticks).toBeGreaterThanOrEqual(3);
    } finally {
      clearInterval(ticker);
    }
  });

  it('aborted mid-check: rejects with the abort reason and leaves nothing holding the file', async () => {
    const file = copyOfGenerated();
    const controller = new AbortController();
    const check = quickCheckFile(file, { signal: controller.signal });
    const settled = check.catch((error: unknown) => error);
    // The worker has opened the file: the check is under way.
    await until(() => handlesOn(file) > 0, 'the worker opens the file');
    controller.abort();
    expect(await settled).toBe(controller.signal.reason);
    expect((controller.signal.reason as Error).name).toBe('AbortError');
    expect(handlesOn(file)).toBe(0);
  });

  it('aborted before it starts: rejects at once and opens nothing', async () => {
    const file = copyOfGenerated();
    const reason = new Error('desk closing');
    const check = quickCheckFile(file, { signal: AbortSignal.abort(reason) });
    await expect(check).rejects.toBe(reason);
    expect(handlesOn(file)).toBe(0);
  });

  it('checks a live WAL register while the main connection keeps writing', async () => {
    register = await setUpRegister();
    const { services, head, journalId, db, file } = register;
    const writes = 30;
    let writing = true;
    const writer = (async () => {
      try {
        for (let i = 0; i < writes; i += 1) {
          await services.entries.appendEntry({ journalId, content: certificate(person('Мельник', `Ім${i}я`)), user: head, gate: allowAll });
        }
      } finally {
        writing = false;
      }
    })();
    const results: QuickCheckResult[] = [];
    while (writing) results.push(await quickCheckFile(file));
    await writer;
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((result) => result.ok)).toBe(true);

    // A write transaction left open: the check reads the last committed state beside it.
    const duringTransaction = await db.write(async () => {
      await putSetting(db, 'integrity_check_probe', { note: 'x'.repeat(100_000) });
      return quickCheckFile(file);
    });
    expect(duringTransaction).toEqual({ ok: true, messages: ['ok'] });
    await expect(services.verification.verifyJournal(head, journalId)).resolves.toEqual({ ok: true, entries: writes });
  });

  it('the start-up check of the verification service runs in the worker and is remembered for the health screen', async () => {
    register = await setUpRegister();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 1);
    try {
      const result = await register.services.verification.quickCheck();
      expect(result).toEqual(checkOnThisThread(register.file));
      expect(ticks).toBeGreaterThan(0);
    } finally {
      clearInterval(ticker);
    }
    expect((await register.services.verification.health(register.head)).quickCheck).toMatchObject({ ok: true, messages: ['ok'] });
  });

  it('falls back to the check on this thread when no worker can load better-sqlite3', async () => {
    const file = copyOfGenerated();
    damageIndexPage(file, 'entries_local_date');
    const missing = path.join(path.dirname(file), 'missing', 'better-sqlite3.js');
    const handedToWorker: string[] = [];
    vi.resetModules();
    // A packaged app laid out differently: the path handed to the worker leads nowhere.
    vi.doMock('node:module', async (importOriginal) => {
      const actual = await importOriginal<typeof NodeModule>();
      const resolve = (): string => {
        handedToWorker.push(missing);
        return missing;
      };
      return { ...actual, createRequire: (from: string | URL) => Object.assign(actual.createRequire(from), { resolve }) };
    });
    try {
      const { quickCheckFile: withoutDriver } = await import('../../../electron/register/integrity-check.js');
      const result = await withoutDriver(file);
      // The worker got the missing path, so the verdict came from the check on this thread.
      expect(handedToWorker).toEqual([missing]);
      expect(result.ok).toBe(false);
      expect(result).toEqual(checkOnThisThread(file));
    } finally {
      vi.doUnmock('node:module');
      vi.resetModules();
    }
  });
});
