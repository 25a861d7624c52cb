import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { createDesk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { runCli } from '../../../electron/cli/main.js';
import { tx } from '../../../electron/cli/exchange-session.js';
import { createExchangeService } from '../../../electron/exchange/index.js';
import { disposeRegisterOf, registerOptionsOf } from '../app/desk-harness.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, registerDigest, testClock, type Centre, type RemoteDesk } from './helpers.js';

/**
 * R3.5 remote workplaces, when a stick is lost: every bundle carries everything since the last
 * bundle the centre confirmed, so a later one (or one written again on purpose) supersedes the
 * lost ones. What the centre already holds is skipped and counted; an older bundle is still
 * refused; and both sides remember where they are after a restart.
 */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remote: RemoteDesk;
let stick: string;
const lost: Buffer[] = [];

async function refusal(work: () => Promise<unknown>): Promise<DeskError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function cli(args: string[], password: string) {
  const out: string[] = [];
  const err: string[] = [];
  process.env.CNAP_PASSWORD = password;
  try {
    const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.CNAP_PASSWORD;
  }
}

async function centreEntryIds(): Promise<string[]> {
  const result = await centre.call('journal.search', { officeId: remote.office.officeId, page: 1, pageSize: 100 });
  return result.items.map((entry) => entry.id).sort();
}

async function remoteEntryIds(): Promise<string[]> {
  const result = await remote.call('journal.search', { page: 1, pageSize: 100 });
  return result.items.map((entry) => entry.id).sort();
}

function expectRefusedUnchanged(file: Buffer, messageKey: string) {
  return async () => {
    const before = registerDigest(centre.desk.register.ctx.db);
    const error = await refusal(() => centre.exchange.importBundle(centre.head, file, 'late'));
    expect(error.messageKey).toBe(messageKey);
    expect(registerDigest(centre.desk.register.ctx.db)).toBe(before);
  };
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  remote = await installRemote(centre, await addRemoteOffice(centre, 'VRM-05', '05-01'), clock.now);
  stick = mkdtempSync(path.join(os.tmpdir(), 'desk-heal-stick-'));
}, 60_000);

afterAll(async () => {
  rmSync(stick, { recursive: true, force: true });
  for (const dir of [remote?.dataDir, centre?.dataDir]) {
    if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
  if (centre) await disposeRegisterOf(centre.dataDir);
});

describe('a lost bundle is superseded by a later one (R3.5)', () => {
  it('takes bundle No. 3 when No. 1 and 2 were lost, with everything they carried', async () => {
    await issueFamily(remote, centre.signatoryId, 'Кравець');
    await issueFamily(remote, centre.signatoryId, 'Бойко');
    lost.push((await remote.exchange.exportBundle(remote.user)).data);
    const handed = await issueFamily(remote, centre.signatoryId, 'Ткачук');
    await remote.call('entries.handover', { entryId: handed.id, receivedBy: 'subject', recipientName: 'Ткачук Іван' });
    lost.push((await remote.exchange.exportBundle(remote.user)).data);

    // The office re-cuts from its last confirmation (none yet), from the command line.
    const written = await cli(['export-bundle', '--data-dir', remote.dataDir, '--login', remote.office.login, '--out', stick], remote.office.password);
    expect(written.code).toBe(0);
    expect(written.out).toContain(tx('cli.exchange.replaces', { ack: 0, from: 1, to: 2 }));
    const [name] = readdirSync(stick).filter((file) => file.endsWith('_0003.cnapbundle'));
    expect(name).toBeDefined();
    const recut = readFileSync(path.join(stick, name as string));

    const report = await centre.exchange.importBundle(centre.head, recut, name as string);
    expect(report).toMatchObject({ status: 'imported', sequence: 3 });
    expect(report.counts).toMatchObject({ entries: 3, handovers: 1, alreadyPresent: 0, supersededBundles: 2 });
    expect(await centreEntryIds()).toEqual(await remoteEntryIds());
  });

  it('still refuses the lost bundles when they turn up later (older than what the centre holds)', async () => {
    await expectRefusedUnchanged(lost[0] as Buffer, 'errors.exchange.outOfOrder')();
    await expectRefusedUnchanged(lost[1] as Buffer, 'errors.exchange.outOfOrder')();
  });

  it('skips what it already had and reports it, when a later bundle repeats an imported one', async () => {
    await issueFamily(remote, centre.signatoryId, 'Шевчук');
    const fourth = await remote.exchange.exportBundle(remote.user);
    expect(fourth.baseSequence).toBe(0);
    // Still nothing confirmed: No. 4 repeats the three entries the centre took from No. 3.
    expect((await centre.exchange.importBundle(centre.head, fourth.data, fourth.fileName)).counts).toMatchObject({ entries: 1, alreadyPresent: 3, supersededBundles: 0 });
    const update = await centre.exchange.exportUpdates(centre.head, remote.office.officeId);
    expect(update.acknowledgedSequence).toBe(4);
    await remote.exchange.importUpdates(remote.user, update.data);

    await issueFamily(remote, centre.signatoryId, 'Поліщук');
    const fifth = await remote.exchange.exportBundle(remote.user);
    expect((await centre.exchange.importBundle(centre.head, fifth.data, fifth.fileName)).counts).toMatchObject({ entries: 1, supersededBundles: 0 });
    await issueFamily(remote, centre.signatoryId, 'Мороз');
    lost.push((await remote.exchange.exportBundle(remote.user)).data);
    await issueFamily(remote, centre.signatoryId, 'Руденко');
    const seventh = await remote.exchange.exportBundle(remote.user);
    expect(seventh.baseSequence).toBe(4);
    const report = await centre.exchange.importBundle(centre.head, seventh.data, seventh.fileName);
    // No. 7 carries everything since No. 4: the entry of No. 5 was already here, No. 6 was lost.
    expect(report.counts).toMatchObject({ entries: 2, alreadyPresent: 1, supersededBundles: 1 });
    expect(report.journals[0]).toMatchObject({ count: 2 });
    expect(await centreEntryIds()).toEqual(await remoteEntryIds());
    const health = await centre.desk.register.verification.verifyAllJournals();
    for (const journal of health.journals) expect(journal.result).toMatchObject({ ok: true });
  });
});

describe('after both sides restart', () => {
  it('remembers the last bundle and confirmation, refuses the lost one, and goes on', async () => {
    await remote.desk.close();
    await centre.desk.close();
    const remoteDesk = await createDesk({ dataDir: remote.dataDir, demo: false, appVersion: 'test', now: clock.now });
    const centreDesk = await createDesk({ dataDir: centre.dataDir, demo: false, appVersion: 'test', now: clock.now, ...registerOptionsOf(centre.dataDir) });
    try {
      const remoteStatus = await createExchangeService(remoteDesk.register).status();
      expect(remoteStatus).toMatchObject({ mode: 'remote', lastExport: { sequence: 7 }, acknowledged: { sequence: 4 } });
      const centreStatus = await createExchangeService(centreDesk.register).status();
      expect(centreStatus.mode === 'central' && centreStatus.offices.find((office) => office.officeCode === 'VRM-05')).toMatchObject({ lastImport: { sequence: 7 } });
    } finally {
      await remoteDesk.close();
      await centreDesk.close();
    }
    // From the command line, each run opening the registers afresh.
    const late = path.join(stick, 'late_0006.cnapbundle');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(late, lost[2] as Buffer);
    const head = ['--data-dir', centre.dataDir, ...registerArgs(), '--login', SAMPLE_HEAD.login];
    const refused = await cli(['import-bundle', ...head, '--file', late], SAMPLE_HEAD.password);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(tx('errors.exchange.outOfOrder', { office: 'VRM-05', sequence: 6, last: 7 }));

    const next = mkdtempSync(path.join(os.tmpdir(), 'desk-heal-next-'));
    try {
      const written = await cli(['export-bundle', '--data-dir', remote.dataDir, '--login', remote.office.login, '--out', next], remote.office.password);
      expect(written.code).toBe(0);
      const file = path.join(next, readdirSync(next)[0] as string);
      const imported = await cli(['import-bundle', ...head, '--file', file], SAMPLE_HEAD.password);
      expect(imported.code).toBe(0);
      expect(imported.out).toContain(tx('cli.exchange.imported', { sequence: 8, office: 'VRM-05', entries: 0, handovers: 0, annulments: 0 }));
    } finally {
      rmSync(next, { recursive: true, force: true });
    }
  });
});

function registerArgs(): string[] {
  const { database } = registerOptionsOf(centre.dataDir);
  return database ? ['--database', database] : [];
}
