import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addRemoteOffice,
  certifyCommittee,
  installRemote,
  issueFamily,
  openCentre,
  refuseFamily,
  registerDigest,
  testClock,
  type Centre,
  type RemoteDesk,
} from './helpers.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';

/**
 * R3.5: two starosta offices work offline for days and their journals travel to the centre
 * as bundles, in several orders, with replays; the centre ends up with every remote entry once.
 */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remoteA: RemoteDesk;
let remoteB: RemoteDesk;
const bundles: Record<string, Buffer> = {};

/** Days pass: sessions lock when idle, so everyone logs in again, as they would in the morning. */
async function daysPass(days: number): Promise<void> {
  clock.advanceDays(days);
  await centre.call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
  for (const remote of [remoteA, remoteB]) await remote.call('auth.login', { login: remote.office.login, password: remote.office.password });
}

async function refusal(work: () => Promise<unknown>): Promise<DeskError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function remoteEntries(remote: RemoteDesk): Promise<EntryRecord[]> {
  const result = await remote.call('journal.search', { page: 1, pageSize: 100 });
  return result.items;
}

async function centreEntriesOf(officeId: string): Promise<EntryRecord[]> {
  const result = await centre.call('journal.search', { officeId, page: 1, pageSize: 100 });
  return result.items;
}

/** A working week at a remote office: issue, certify, refuse, hand over, annul and reissue. */
async function offlineWork(remote: RemoteDesk, people: string[]): Promise<void> {
  const [first, second, third] = people as [string, string, string];
  const issued = await issueFamily(remote, centre.signatoryId, first);
  await remote.call('entries.handover', { entryId: issued.id, receivedBy: 'subject', recipientName: `${first} Тарас` });
  await daysPass(1);
  await certifyCommittee(remote, centre.signatoryId, centre.bodyId, second);
  await refuseFamily(remote, centre.signatoryId, third);
  await daysPass(1);
  const mistaken = await issueFamily(remote, centre.signatoryId, second);
  await remote.call('entries.annul', { entryId: mistaken.id, reason: 'Помилка в даті народження' });
  await issueFamily(remote, centre.signatoryId, second, mistaken.id);
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  const officeA = await addRemoteOffice(centre, 'VRM-01', '02-01');
  const officeB = await addRemoteOffice(centre, 'VRM-02', '03-01');
  remoteA = await installRemote(centre, officeA, clock.now);
  remoteB = await installRemote(centre, officeB, clock.now);
}, 60_000);

afterAll(async () => {
  await remoteA?.close();
  await remoteB?.close();
  await centre?.close();
});

describe('a remote install from the workplace package', () => {
  it('starts without the first-run wizard, with the office, its journal and its users', async () => {
    expect((await remoteA.call('setup.status', {})).needsSetup).toBe(false);
    const journals = (await remoteA.call('journals.list', {})).items;
    expect(journals.map((journal) => journal.id)).toEqual([remoteA.office.journalId]);
    expect(journals[0]?.index).toBe('02-01');
    expect(remoteA.user.role).toBe('remote_admin');
    const status = await remoteA.exchange.status();
    expect(status).toMatchObject({ mode: 'remote', officeCode: 'VRM-01', lastExport: null, acknowledged: null });
  });

  it('refuses a second install and a wrong passphrase', async () => {
    // A third office: a new package makes the earlier ones of the same office unusable for enrolment.
    const officeC = await addRemoteOffice(centre, 'VRM-03', '04-01');
    const workplace = await centre.exchange.exportWorkplace(centre.head, officeC.officeId);
    const again = await refusal(() => remoteA.exchange.importWorkplace(workplace.data, workplace.passphrase));
    expect(again.messageKey).toBe('errors.setup.alreadyDone');
    const fresh = await import('../../../electron/app/desk.js');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-wrong-pass-'));
    const desk = await fresh.createDesk({ dataDir, demo: false, appVersion: 'test', now: clock.now });
    try {
      const { createExchangeService } = await import('../../../electron/exchange/index.js');
      const wrong = await refusal(() => createExchangeService(desk.register).importWorkplace(workplace.data, 'AAAA-BBBB-CCCC-DDDD-EEEE'));
      expect(wrong.messageKey).toBe('errors.exchange.badPassphrase');
      expect((await desk.register.setup.status()).needsSetup).toBe(true);
    } finally {
      await desk.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('journal bundles from two offline offices (R3.5 remote workplaces)', () => {
  it('keeps issuing offline and cuts bundles that say office, period and sequence', async () => {
    await offlineWork(remoteA, ['Ковальчук', 'Мельниченко', 'Гнатюк']);
    await offlineWork(remoteB, ['Литвиненко', 'Ярошенко', 'Савчук']);
    const progress: string[] = [];
    const a1 = await remoteA.exchange.exportBundle(remoteA.user, (step) => progress.push(step.phase));
    // From the installation to today (08:30 UTC is the same day in Kyiv).
    const today = clock.now().toISOString().slice(0, 10);
    expect(a1.fileName).toBe(`VRM-01_2026-11-02_${today}_0001.cnapbundle`);
    expect(a1.counts).toMatchObject({ entries: 5, certificates: 3, certifications: 1, refusals: 1, handovers: 1, annulments: 1, reissues: 1 });
    expect(progress).toContain('seal');
    bundles.a1 = a1.data;
    // Still offline: the office keeps working and cuts a second bundle before any acknowledgement.
    await daysPass(1);
    const later = await issueFamily(remoteA, centre.signatoryId, 'Данилюк');
    // Handed to a representative: the power of attorney travels with the handover (R7.4.4).
    await remoteA.call('entries.handover', {
      entryId: later.id,
      receivedBy: 'representative',
      recipientName: 'Данилюк Ольга',
      powerOfAttorney: { number: '88', date: clock.now().toISOString().slice(0, 10), issuer: 'приватний нотаріус Коваль О. П.' },
    });
    const folder = mkdtempSync(path.join(os.tmpdir(), 'desk-stick-'));
    try {
      const a2 = await remoteA.exchange.writeBundle(remoteA.user, folder);
      expect(a2.sequence).toBe(2);
      expect(a2.baseSequence).toBe(0);
      bundles.a2 = readFileSync(a2.file);
      expect(bundles.a2.equals(a2.data)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    bundles.b1 = (await remoteB.exchange.exportBundle(remoteB.user)).data;
    // The bundle is encrypted: no personal data on the stick.
    expect(bundles.a1.includes(Buffer.from('Ковальчук', 'utf8'))).toBe(false);
  });

  it('imports bundles in order, reports what came in, and a replay changes nothing', async () => {
    const first = await centre.exchange.importBundle(centre.head, bundles.a1 as Buffer, 'a1');
    expect(first.status).toBe('imported');
    expect(first.counts).toMatchObject({ entries: 5, certificates: 3, certifications: 1, refusals: 1, handovers: 1, annulments: 1, reissues: 1 });
    expect(first.journals).toEqual([
      expect.objectContaining({ journalId: remoteA.office.journalId, count: 5, fromNumber: '02-01/1', toNumber: '02-01/5' }),
    ]);
    const digest = registerDigest(centre.desk.register.ctx.db);
    const replay = await centre.exchange.importBundle(centre.head, bundles.a1 as Buffer, 'a1');
    expect(replay.status).toBe('already_imported');
    expect(registerDigest(centre.desk.register.ctx.db)).toBe(digest);

    expect((await centre.exchange.importBundle(centre.head, bundles.b1 as Buffer, 'b1')).status).toBe('imported');
    // The second bundle repeats the first (no acknowledgement yet): only what is new comes in.
    const second = await centre.exchange.importBundle(centre.head, bundles.a2 as Buffer, 'a2');
    expect(second.counts).toMatchObject({ entries: 1, alreadyPresent: 5, handovers: 1 });
    expect(second.journals[0]).toMatchObject({ fromNumber: '02-01/6', toNumber: '02-01/6' });
    expect((await centre.exchange.importBundle(centre.head, bundles.b1 as Buffer, 'b1')).status).toBe('already_imported');
  });

  it('holds every remote entry exactly once, with its office, number and hash, and every chain verifies', async () => {
    for (const remote of [remoteA, remoteB]) {
      const local = await remoteEntries(remote);
      const atCentre = await centreEntriesOf(remote.office.officeId);
      expect(atCentre.map((entry) => entry.id).sort()).toEqual(local.map((entry) => entry.id).sort());
      const byId = new Map(atCentre.map((entry) => [entry.id, entry]));
      for (const entry of local) {
        const copy = byId.get(entry.id);
        expect(copy).toMatchObject({ officeCode: remote.office.code, number: entry.number, hash: entry.hash, status: entry.status });
        expect(copy?.handover?.powerOfAttorney).toEqual(entry.handover?.powerOfAttorney);
      }
      const numbers = atCentre.map((entry) => `${entry.journalId}/${entry.year}/${entry.number}`);
      expect(new Set(numbers).size).toBe(numbers.length);
    }
    const represented = (await centreEntriesOf(remoteA.office.officeId)).filter((entry) => entry.handover?.receivedBy === 'representative');
    expect(represented.map((entry) => entry.handover?.powerOfAttorney?.number)).toEqual(['88']);
    const health = await centre.desk.register.verification.verifyAllJournals();
    expect(health.journals.map((journal) => journal.journalId)).toEqual(expect.arrayContaining([remoteA.office.journalId, remoteB.office.journalId]));
    for (const journal of health.journals) expect(journal.result).toMatchObject({ ok: true });
  });

  it('finds a remote person by a lowercase name and counts per office', async () => {
    const found = await centre.call('journal.search', { text: 'ковальчук', page: 1, pageSize: 20 });
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((entry) => entry.officeCode === 'VRM-01')).toBe(true);
    const perOffice = async (officeId: string) => (await centre.call('journal.search', { officeId, page: 1, pageSize: 1 })).total;
    expect(await perOffice(remoteA.office.officeId)).toBe((await remoteEntries(remoteA)).length);
    expect(await perOffice(remoteB.office.officeId)).toBe((await remoteEntries(remoteB)).length);
    // The day totals (the report the day is closed with) count each office's entries on its own lines.
    for (const remote of [remoteA, remoteB]) {
      const local = await remoteEntries(remote);
      let counted = 0;
      for (const localDate of new Set(local.map((entry) => entry.localDate))) {
        const day = await centre.call('journal.dayTotals', { localDate });
        counted += day.journals.filter((line) => line.officeId === remote.office.officeId).reduce((sum, line) => sum + line.total, 0);
      }
      expect(counted).toBe(local.length);
    }
  });

  it('refuses a tampered, foreign-signed, truncated or older bundle, each with its own message, changing nothing', async () => {
    await issueFamily(remoteA, centre.signatoryId, 'Остапчук');
    const next = (await remoteA.exchange.exportBundle(remoteA.user)).data;
    const before = registerDigest(centre.desk.register.ctx.db);
    const expectRefused = async (file: Buffer, messageKey: string) => {
      const error = await refusal(() => centre.exchange.importBundle(centre.head, file, 'bad'));
      expect(error.messageKey).toBe(messageKey);
      expect(registerDigest(centre.desk.register.ctx.db)).toBe(before);
    };
    const flipped = Buffer.from(next);
    const middle = Math.floor(flipped.length * 0.75);
    flipped[middle] = (flipped[middle] ?? 0) ^ 0x01;
    await expectRefused(flipped, 'errors.exchange.tampered');
    await expectRefused(next.subarray(0, next.length - 40), 'errors.exchange.truncated');
    const { resealed } = await import('./forge.js');
    await expectRefused(resealed(centre.dataDir, next, { signWithNewKey: true }), 'errors.exchange.wrongSigner');
    await expectRefused(resealed(centre.dataDir, bundles.a1 as Buffer, {}), 'errors.exchange.outOfOrder');
    await expectRefused(resealed(centre.dataDir, next, { officeId: 'no-such-office' }), 'errors.exchange.unknownOffice');
    // The genuine bundle still goes in afterwards.
    expect((await centre.exchange.importBundle(centre.head, next, 'a3')).status).toBe('imported');
  });
});

describe('update packages back to the office', () => {
  it('carries a new template version and the acknowledgement; the next bundle starts after it', async () => {
    const current = await centre.call('templates.get', { kindId: 'family' });
    await centre.call('templates.save', { kindId: 'family', text: `${current.text}\n` });
    const update = await centre.exchange.exportUpdates(centre.head, remoteA.office.officeId);
    expect(update.acknowledgedSequence).toBe(3);
    const applied = await remoteA.exchange.importUpdates(remoteA.user, update.data);
    expect(applied.status).toBe('applied');
    expect((await remoteA.exchange.importUpdates(remoteA.user, update.data)).status).toBe('already_applied');
    expect((await remoteA.call('templates.get', { kindId: 'family' })).version).toBe(current.version + 1);
    const entry = await issueFamily(remoteA, centre.signatoryId, 'Пилипенко');
    expect(entry.content.sort === 'certificate' && entry.content.templateVersions.family).toBe(current.version + 1);

    const status = await remoteA.exchange.status();
    expect(status).toMatchObject({ mode: 'remote', acknowledged: { sequence: 3 }, warning: false });
    const bundle = await remoteA.exchange.exportBundle(remoteA.user);
    expect(bundle.baseSequence).toBe(3);
    expect(bundle.counts.entries).toBe(1);
    const report = await centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName);
    expect(report.counts).toMatchObject({ entries: 1, alreadyPresent: 0 });
  });

  it('refuses an update older than the one applied, and one meant for another office', async () => {
    const older = await centre.exchange.exportUpdates(centre.head, remoteA.office.officeId);
    const newer = await centre.exchange.exportUpdates(centre.head, remoteA.office.officeId);
    await remoteA.exchange.importUpdates(remoteA.user, newer.data);
    const error = await refusal(() => remoteA.exchange.importUpdates(remoteA.user, older.data));
    expect(error.messageKey).toBe('errors.exchange.updateOlder');
    const forB = await centre.exchange.exportUpdates(centre.head, remoteB.office.officeId);
    const wrong = await refusal(() => remoteA.exchange.importUpdates(remoteA.user, forB.data));
    expect(wrong.messageKey).toBe('errors.exchange.wrongOffice');
  });

  it('warns the remote desk when its last acknowledged export is older than the setting', async () => {
    await daysPass(10);
    const status = await remoteB.exchange.status();
    expect(status.mode === 'remote' && status.daysSinceAcknowledged).toBeGreaterThan(7);
    expect(status).toMatchObject({ warning: true, warnAfterDays: 7 });
    await centre.call('settings.update', { exchangeWarningDays: 30 });
    const update = await centre.exchange.exportUpdates(centre.head, remoteB.office.officeId);
    await remoteB.exchange.importUpdates(remoteB.user, update.data);
    expect(await remoteB.exchange.status()).toMatchObject({ warning: false, warnAfterDays: 30, acknowledged: { sequence: 1 } });
  });

  it('lists the history of exchanges per office', async () => {
    const history = await centre.exchange.history(centre.head, { officeId: remoteA.office.officeId });
    const imports = history.filter((row) => row.direction === 'import' && row.kind === 'bundle').map((row) => row.sequence);
    expect(imports.sort()).toEqual([1, 2, 3, 4]);
    const remoteHistory = await remoteA.exchange.history(remoteA.user, {});
    expect(remoteHistory.every((row) => row.officeId === remoteA.office.officeId)).toBe(true);
  });
});
