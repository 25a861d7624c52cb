import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { createDesk } from '../../../electron/app/desk.js';
import { createExchangeService } from '../../../electron/exchange/index.js';
import { getJournal } from '../../../electron/register/repositories/journals.js';
import { journalLostNumbers } from '../../../electron/register/repositories/lost-numbers.js';
import { verifyJournalChain } from '../../../electron/register/services/verification.js';
import type { ServiceContext } from '../../../electron/register/services/context.js';
import { disposeRegisterOf, registerOptionsOf } from '../app/desk-harness.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, registerDigest, testClock, type Centre, type RemoteDesk, type RemoteOffice } from './helpers.js';

/**
 * R3.5 and section E: a dead office PC with no backup is re-created from the centre's copy. The
 * new PC continues the office's journal after the centre's last confirmed entry, and after the
 * last number the dead PC's paper journal shows (those numbers were printed; giving them again
 * would put two certificates under one number). The old PC, back from repair, is refused by name
 * with the numbers the centre never had.
 */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let office: RemoteOffice;
let oldPc: RemoteDesk;
let newPc: RemoteDesk | undefined;

async function refusal(work: () => Promise<unknown>): Promise<DeskError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The re-created PC, opened (again) from its data folder and signed in as the office's administrator. */
async function openPc(dataDir: string): Promise<RemoteDesk> {
  const desk = await createDesk({ dataDir, demo: false, appVersion: 'test', now: clock.now });
  const raw = (channel: string, input: unknown) => desk.dispatcher.dispatch(channel, input, { sessionKey: 'pc', transport: 'cli' });
  const call: RemoteDesk['call'] = async (channel, input) => {
    const result = await raw(channel, input);
    if (!result.ok) throw DeskError.fromShape(result.error);
    return result.value as never;
  };
  await call('auth.login', { login: office.login, password: office.password });
  const user = desk.register.sessions.userFor('pc');
  if (!user) throw new Error('not signed in');
  return { desk, dataDir, office, exchange: createExchangeService(desk.register), user, call, raw, close: () => desk.close() };
}

async function chainOf(ctx: ServiceContext) {
  const journal = await getJournal(ctx.db, office.journalId);
  if (!journal) throw new Error('no journal');
  return verifyJournalChain(ctx, journal);
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  office = await addRemoteOffice(centre, 'VRM-07', '07-01');
  oldPc = await installRemote(centre, office, clock.now);
}, 60_000);

afterAll(async () => {
  await oldPc?.close();
  if (newPc) await newPc.desk.close();
  for (const dir of [newPc?.dataDir, centre?.dataDir]) if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  if (centre) {
    await centre.desk.close().catch(() => undefined);
    await disposeRegisterOf(centre.dataDir);
  }
});

describe('a dead office PC re-created from the centre (R3.5, section E)', () => {
  it('continues the journal after the centre’s last entry and the dead PC’s last paper number', async () => {
    for (const name of ['Кравець', 'Бойко', 'Ткачук']) await issueFamily(oldPc, centre.signatoryId, name);
    const sent = await oldPc.exchange.exportBundle(oldPc.user);
    expect((await centre.exchange.importBundle(centre.head, sent.data, sent.fileName)).status).toBe('imported');
    // Two more certificates printed, never sent: the PC dies with them.
    const unsent = [await issueFamily(oldPc, centre.signatoryId, 'Шевчук'), await issueFamily(oldPc, centre.signatoryId, 'Поліщук')];
    const lastOnPaper = unsent[1]?.number ?? 0;
    expect(lastOnPaper).toBe(5);

    clock.advanceDays(3);
    const recreated = await centre.exchange.recreateWorkplace(centre.head, office.officeId, {
      lastNumbers: [{ journalId: office.journalId, lastNumber: lastOnPaper }],
      statement: 'Акт № 4: останній номер у паперовому журналі зламаного комп’ютера — 5',
    });
    expect(recreated.lost).toEqual([{ journalId: office.journalId, journalIndex: '07-01', year: 2026, fromNumber: 4, toNumber: 5 }]);

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-recreated-'));
    const installer = await createDesk({ dataDir, demo: false, appVersion: 'test', now: clock.now });
    await createExchangeService(installer.register).importWorkplace(recreated.data, recreated.passphrase);
    await installer.close();
    newPc = await openPc(dataDir);
    // The new PC holds the centre's copy of the journal, chain intact, and steps over the lost numbers.
    expect(await chainOf(newPc.desk.register.ctx)).toEqual({ ok: true, entries: 3 });
    const first = await issueFamily(newPc, centre.signatoryId, 'Мельник');
    expect(first.number).toBe(lastOnPaper + 1);

    const bundle = await newPc.exchange.exportBundle(newPc.user);
    expect(bundle.sequence).toBe(sent.sequence + 1);
    const report = await centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName);
    expect(report).toMatchObject({ status: 'imported', counts: { entries: 1 }, journals: [{ fromNumber: first.printedNumber, toNumber: first.printedNumber }] });
    // The centre's journal: 1–3, the lost 4–5 recorded with the head's statement, then 6 (R7.7 still verifies).
    expect(await chainOf(centre.desk.register.ctx)).toEqual({ ok: true, entries: 4 });
    expect(await journalLostNumbers(centre.desk.register.ctx.db, office.journalId)).toMatchObject([{ fromNumber: 4, toNumber: 5, statement: expect.stringContaining('Акт № 4') }]);
  });

  it('refuses the old PC back from repair, naming the numbers lost and those given twice, changing nothing', async () => {
    // Back from repair, the old PC even issued one more before anyone stopped it: 6 again.
    await oldPc.call('auth.login', { login: office.login, password: office.password });
    const again = await issueFamily(oldPc, centre.signatoryId, 'Гончар');
    expect(again.number).toBe(6);
    const late = await oldPc.exchange.exportBundle(oldPc.user);
    const before = registerDigest(centre.desk.register.ctx.db);
    const error = await refusal(() => centre.exchange.importBundle(centre.head, late.data, late.fileName));
    expect(error).toMatchObject({
      messageKey: 'errors.exchange.replacedInstallationTwice',
      params: { office: 'VRM-07', date: '2026-11-05', lost: '07-01/4–07-01/5', twice: '07-01/6' },
    });
    expect(registerDigest(centre.desk.register.ctx.db)).toBe(before);
  });

  it('after a restart of both, the new PC numbers on and the centre takes its next bundle', async () => {
    if (!newPc) throw new Error('no new PC');
    await newPc.desk.close();
    newPc = await openPc(newPc.dataDir);
    await centre.desk.close();
    const centreDesk = await createDesk({ dataDir: centre.dataDir, demo: false, appVersion: 'test', now: clock.now, ...registerOptionsOf(centre.dataDir) });
    try {
      const next = await issueFamily(newPc, centre.signatoryId, 'Савчук');
      expect(next.number).toBe(7);
      const bundle = await newPc.exchange.exportBundle(newPc.user);
      const report = await createExchangeService(centreDesk.register).importBundle(centre.head, bundle.data, bundle.fileName);
      expect(report).toMatchObject({ status: 'imported', counts: { entries: 1, alreadyPresent: 1 } });
      expect(await chainOf(centreDesk.register.ctx)).toEqual({ ok: true, entries: 5 });
    } finally {
      await centreDesk.close();
    }
  });
});

