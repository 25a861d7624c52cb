import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/contract/channels/jobs.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { createJobRegistry, jobResult } from '../../../electron/app/jobs.js';
import { onPostgres } from '../../support/register-backend.js';
import { completeFamilyDraft, openTestDesk, type TestDesk } from './desk-harness.js';

/**
 * Long operations as jobs (progress and cancel), through the real dispatcher. Cancels are made
 * deterministic with the registry's observer: the test cancels from inside a progress report, so
 * the job is known to be mid-way, without timing assumptions.
 */

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(() => t.close());

const complete = completeFamilyDraft();

const ADMIN = { login: 'clerk', password: 'clerk-password-1', session: 'clerk-session' } as const;

async function issue(count: number): Promise<{ first: string; last: string; localDate: string }> {
  const numbers: string[] = [];
  let localDate = '';
  for (let i = 0; i < count; i += 1) {
    const { entry } = await t.call('entries.issueCertificate', { journalId: t.journalId, signatoryId: t.signatoryId, certificate: complete });
    numbers.push(entry.printedNumber);
    localDate = entry.localDate;
  }
  return { first: numbers[0] ?? '', last: numbers.at(-1) ?? '', localDate };
}

async function auditCount(action: string): Promise<number> {
  return (await t.call('audit.list', { action, page: 1, pageSize: 50 })).total;
}

/** Every status the registry reports for one job, in order. */
function recordStatuses(): { statuses: JobStatus[]; stop: () => void } {
  const statuses: JobStatus[] = [];
  const stop = t.desk.jobs.observe((status) => statuses.push(status));
  return { statuses, stop };
}

/** Cancels through the channel the first time `when` holds for a report; answers the cancel's outcome. */
function cancelWhen(when: (status: JobStatus) => boolean, sessionKey?: string): Promise<PromiseSettledResult<JobStatus>> {
  return new Promise((resolve) => {
    const stop = t.desk.jobs.observe((status) => {
      if (status.state !== 'running' || !when(status)) return;
      stop();
      t.call('jobs.cancel', { jobId: status.jobId }, sessionKey).then(
        (value) => resolve({ status: 'fulfilled', value }),
        (reason: unknown) => resolve({ status: 'rejected', reason }),
      );
    });
  });
}

function textOf(pdfBase64: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-jobs-pdf-')), 'pages.pdf');
  fs.writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function withClerk(): Promise<void> {
  await t.call('users.create', { login: ADMIN.login, fullName: 'Ірина Коваль', role: 'admin', officeId: t.officeId, password: ADMIN.password });
  await t.call('auth.login', { login: ADMIN.login, password: ADMIN.password }, ADMIN.session);
}

describe('journal pages as a job', () => {
  it('reports rows laid out and drawn, rising to the total, then delivers the PDF and audits the print once', async () => {
    const { first, last, localDate } = await issue(30);
    const { statuses, stop } = recordStatuses();
    const { jobId } = await t.call('documents.journalPages', { journalId: t.journalId, dateFrom: localDate, dateTo: localDate });
    const file = await jobResult(t.call, 'journalPages', jobId);
    stop();

    const text = textOf(file.pdfBase64);
    expect(text).toContain(first);
    expect(text).toContain(last);
    const drawn = statuses.filter((s) => s.jobId === jobId && s.stage === 'rendering').map((s) => s.done);
    // Page by page: several reports, never going back, ending at every row.
    expect(drawn.length).toBeGreaterThan(1);
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
    expect(drawn.at(-1)).toBe(30);
    expect(statuses.find((s) => s.jobId === jobId && s.stage === 'rendering')?.total).toBe(30);
    expect(await auditCount('journal.print')).toBe(1);
    // Read again at once (a poll and a cancel that crossed): the same outcome, not an error.
    expect(await t.raw('jobs.status', { jobId })).toMatchObject({ ok: true, value: { state: 'done' } });
  });

  it('stops between pages when cancelled: no PDF, no audit row', async () => {
    const { localDate } = await issue(30);
    const cancelled = cancelWhen((s) => s.stage === 'rendering' && s.done > 0 && s.total !== null && s.done < s.total);
    const { jobId } = await t.call('documents.journalPages', { journalId: t.journalId, dateFrom: localDate, dateTo: localDate });
    const outcome = await cancelled;
    expect(outcome).toMatchObject({ status: 'fulfilled', value: { jobId, state: 'cancelled', cancellable: false } });
    expect(outcome.status === 'fulfilled' && outcome.value.result).toBeFalsy();
    expect(await auditCount('journal.print')).toBe(0);
    // A poll that crossed the cancel learns the same end, not an error.
    await expect(jobResult(t.call, 'journalPages', jobId)).rejects.toMatchObject({ code: 'conflict', messageKey: 'errors.jobs.cancelled' });
  });

  it('belongs to the user who started it: another user can neither read nor cancel it', async () => {
    const { localDate } = await issue(2);
    await withClerk();
    const { jobId } = await t.call('documents.journalPages', { journalId: t.journalId, dateFrom: localDate, dateTo: localDate });
    const notFound = { ok: false, error: { code: 'not_found', messageKey: 'errors.jobs.notFound' } };
    expect(await t.raw('jobs.status', { jobId }, ADMIN.session)).toMatchObject(notFound);
    expect(await t.raw('jobs.cancel', { jobId }, ADMIN.session)).toMatchObject(notFound);
    // Nor anyone without a session.
    expect(await t.raw('jobs.status', { jobId }, 'nobody')).toMatchObject(notFound);
    expect(await t.raw('jobs.cancel', { jobId }, 'nobody')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // The owner still gets the pages.
    expect((await jobResult(t.call, 'journalPages', jobId)).fileName).toMatch(/^zhurnal-/);
  });

  it('reports a failure as the DeskError a direct call would have given', async () => {
    const { jobId } = await t.call('documents.journalPages', { journalId: t.journalId, dateFrom: '2025-02-01', dateTo: '2025-01-01' });
    await expect(jobResult(t.call, 'journalPages', jobId)).rejects.toMatchObject({ code: 'invalid_input', messageKey: 'errors.printing.badRange' });
  });
});

// Backups copy the embedded register file; a server is backed up with pg_dump (docs/postgres.md),
// and `backup.*` refuses there before any job starts (test/unit/register/channels.test.ts).
describe.skipIf(onPostgres)('backup and restore as jobs', () => {
  /** Enough pages that the copy reports progress more than once (the copy moves 256 pages a step). */
  function growRegister(megabytes: number): void {
    const sqlite = t.desk.register.ctx.db.sqlite;
    if (!sqlite) throw new Error('embedded register expected');
    sqlite.exec('CREATE TABLE test_filler (chunk BLOB NOT NULL)');
    const insert = sqlite.prepare('INSERT INTO test_filler (chunk) VALUES (?)');
    for (let i = 0; i < megabytes * 16; i += 1) insert.run(Buffer.alloc(64 * 1024, i % 251));
  }

  async function backupFolder(): Promise<string> {
    return (await t.call('backup.list', {})).folder;
  }

  function filesIn(folder: string): string[] {
    return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
  }

  function entryNumbers(): unknown[] {
    return t.desk.register.ctx.db.sqlite?.prepare('SELECT printed_number FROM entries ORDER BY year, number').pluck().all() ?? [];
  }

  it('a backup reports copied pages rising to the total and delivers the BackupInfo, which lands in the list', async () => {
    growRegister(3);
    const { statuses, stop } = recordStatuses();
    const { jobId } = await t.call('backup.create', {});
    const info = await jobResult(t.call, 'backup', jobId);
    stop();
    const copied = statuses.filter((s) => s.jobId === jobId && s.stage === 'copying' && s.total !== null);
    expect(copied.length).toBeGreaterThan(2);
    expect(copied.map((s) => s.done)).toEqual(copied.map((s) => s.done).sort((a, b) => a - b));
    expect(copied.at(-1)?.done).toBe(copied.at(-1)?.total);
    expect(statuses.some((s) => s.jobId === jobId && s.stage === 'checking')).toBe(true);
    expect(fs.existsSync(info.file)).toBe(true);
    expect((await t.call('backup.list', {})).items.map((item) => item.name)).toContain(info.name);
    expect(await auditCount('backup.create')).toBe(1);
  });

  it('a cancelled backup leaves no file, partial or whole, and no audit row; it ends cancelled, not failed', async () => {
    // About 32 copy steps of 1 MB: the cancel, which goes through the dispatcher, lands during the
    // copy even on a loaded machine (with 3 MB the copy sometimes ended first: CI).
    growRegister(32);
    const folder = await backupFolder();
    const before = filesIn(folder);
    const cancelled = cancelWhen((s) => s.stage === 'copying' && s.total !== null && s.done < s.total);
    const { jobId } = await t.call('backup.create', {});
    expect(await cancelled).toMatchObject({ status: 'fulfilled', value: { jobId, kind: 'backup', state: 'cancelled' } });
    expect(filesIn(folder)).toEqual(before);
    expect(await auditCount('backup.create')).toBe(0);
  });

  it('a backup cancelled while its copy is checked (quick_check in a worker) leaves nothing either', async () => {
    growRegister(1);
    const folder = await backupFolder();
    const before = filesIn(folder);
    const cancelled = cancelWhen((s) => s.stage === 'checking');
    const { jobId } = await t.call('backup.create', {});
    expect(await cancelled).toMatchObject({ status: 'fulfilled', value: { jobId, state: 'cancelled' } });
    expect(filesIn(folder)).toEqual(before);
    expect(await auditCount('backup.create')).toBe(0);
  });

  it('refuses a second backup or a restore while one runs', async () => {
    const { jobId } = await t.call('backup.create', {});
    expect(await t.raw('backup.create', {})).toMatchObject({ ok: false, error: { code: 'conflict', messageKey: 'errors.jobs.busy' } });
    expect(await t.raw('backup.restore', { name: 'register-2025-01-01T00-00-00-000Z-manual.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', messageKey: 'errors.jobs.busy' },
    });
    const info = await jobResult(t.call, 'backup', jobId);
    // Once it ended, the next one may start.
    const next = await t.call('backup.create', {});
    expect((await jobResult(t.call, 'backup', next.jobId)).name).not.toBe(info.name);
  });

  it('a restore cancelled while saving the current register leaves the register and the folder as they were', async () => {
    const backup = await jobResult(t.call, 'backup', (await t.call('backup.create', {})).jobId);
    await issue(2);
    growRegister(3);
    const numbers = entryNumbers();
    const folder = await backupFolder();
    const files = filesIn(folder);
    const audits = await auditCount('backup.restore');
    const cancelled = cancelWhen((s) => s.stage === 'saving' && s.total !== null && s.done < s.total);
    const { jobId } = await t.call('backup.restore', { name: backup.name });
    expect(await cancelled).toMatchObject({ status: 'fulfilled', value: { jobId, kind: 'restore', state: 'cancelled' } });
    expect(entryNumbers()).toEqual(numbers);
    expect(filesIn(folder)).toEqual(files);
    expect(await auditCount('backup.restore')).toBe(audits);
    // Nobody was logged out.
    await expect(t.call('auth.me', {})).resolves.toMatchObject({ user: { login: 'head' } });
  });

  it('refuses to stop a restore while replacing; the window that started it reads the outcome after the logout', async () => {
    const backup = await jobResult(t.call, 'backup', (await t.call('backup.create', {})).jobId);
    const atBackup = entryNumbers();
    await issue(2);
    growRegister(3);
    const refused = cancelWhen((s) => s.stage === 'replacing');
    const { jobId } = await t.call('backup.restore', { name: backup.name });
    const outcome = await refused;
    expect(outcome.status).toBe('rejected');
    expect(outcome.status === 'rejected' && outcome.reason).toMatchObject({ code: 'conflict', messageKey: 'errors.jobs.cannotStopNow' });
    expect(outcome.status === 'rejected' && outcome.reason instanceof DeskError).toBe(true);

    // Logged out by the restore, the starting window still learns how it ended; nobody else does.
    const final = await pollUntilEnded(jobId, 'head-session');
    expect(final).toMatchObject({ kind: 'restore', state: 'done', result: { restoredFrom: backup.name, savedCurrentAs: { reason: 'before-restore' } } });
    expect(await t.raw('auth.me', {})).toMatchObject({ ok: true, value: { user: null } });
    expect(entryNumbers()).toEqual(atBackup);
  });

  it('keeps a finished restore from other windows even once everyone is logged out', async () => {
    const backup = await jobResult(t.call, 'backup', (await t.call('backup.create', {})).jobId);
    await withClerk();
    const ended = new Promise<void>((resolve) => {
      const stop = t.desk.jobs.observe((status) => {
        if (status.kind === 'restore' && status.state !== 'running') {
          stop();
          resolve();
        }
      });
    });
    const { jobId } = await t.call('backup.restore', { name: backup.name });
    await ended;
    expect(await t.raw('jobs.status', { jobId }, ADMIN.session)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.raw('jobs.status', { jobId }, 'head-session')).toMatchObject({ ok: true, value: { state: 'done' } });
  });
});

/** Polls as the window `sessionKey` (which may have been logged out meanwhile) until the job ends. */
async function pollUntilEnded(jobId: string, sessionKey: string): Promise<JobStatus> {
  for (;;) {
    const answer = await t.raw('jobs.status', { jobId }, sessionKey);
    if (!answer.ok) throw DeskError.fromShape(answer.error);
    const status = answer.value as JobStatus;
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the job registry forgets finished jobs', () => {
  const owner = { userId: 'u1', sessionKey: 's1' };
  const caller = { user: { userId: 'u1', login: 'head', fullName: 'Голова', role: 'head' as const, officeId: 'o1' }, sessionKey: 's1' };

  function registryAt(clock: { ms: number }) {
    return createJobRegistry({ now: () => new Date(clock.ms), keepFinishedMs: 60_000 });
  }

  async function finishedJob(registry: ReturnType<typeof createJobRegistry>): Promise<string> {
    const ended = new Promise<void>((resolve) => {
      const stop = registry.observe((status) => {
        if (status.state === 'running') return;
        stop();
        resolve();
      });
    });
    const { jobId } = registry.start({ kind: 'backup', owner, firstStage: 'copying', run: async () => ({ file: 'f', name: 'n', bytes: 1, createdAt: '2026-11-25T00:00:00.000Z', reason: 'manual' as const }) });
    await ended;
    return jobId;
  }

  it('keeps a read outcome for a few seconds (a poll and a cancel may cross), then drops it', async () => {
    const clock = { ms: Date.parse('2026-11-25T10:00:00Z') };
    const registry = registryAt(clock);
    const jobId = await finishedJob(registry);
    expect(registry.status(jobId, caller).state).toBe('done');
    clock.ms += 5_000;
    expect(registry.status(jobId, caller).state).toBe('done');
    clock.ms += 6_000;
    expect(() => registry.status(jobId, caller)).toThrow(DeskError);
  });

  it('drops an outcome nobody read once the keeping time has passed', async () => {
    const clock = { ms: Date.parse('2026-11-25T10:00:00Z') };
    const registry = registryAt(clock);
    const jobId = await finishedJob(registry);
    clock.ms += 59_000;
    const unread = await finishedJob(registry);
    clock.ms += 2_000;
    expect(() => registry.status(jobId, caller)).toThrow(DeskError);
    expect(registry.status(unread, caller).state).toBe('done');
  });
});
