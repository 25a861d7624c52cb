import { createPublicKey } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { createDesk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { openPackage, sealPackage } from '../../../electron/exchange/container.js';
import { createExchangeService } from '../../../electron/exchange/index.js';
import { openExchangeIdentity } from '../../../electron/exchange/keys.js';
import { readEnvelope, signPayload, type UpdatePayload } from '../../../electron/exchange/payloads.js';
import { checkpointFolder, readCosigned } from '../../../electron/register/checkpoints/checkpoint-log.js';
import { CENTRE_WITNESS_NAME, verifyCosignature } from '../../../electron/register/checkpoints/cosignature.js';
import { entryHash } from '../../../electron/register/hash-chain.js';
import { latestWitnessedCheckpoint } from '../../../electron/register/repositories/centre-witness.js';
import { tamperWith } from '../../reliability/support/register-check.js';
import { disposeRegisterOf, registerOptionsOf } from '../app/desk-harness.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, reopenRemote, testClock, type Centre, type RemoteDesk, type RemoteOffice } from '../exchange/helpers.js';

/**
 * The centre as witness of a remote office's journal (R3.5, R7.7: an entry is never altered or
 * removed unnoticed). The office's checkpoint travels with each bundle; the centre checks it,
 * cosigns it back, and refuses — and records — a journal rewritten or cut short after an exchange
 * it confirmed. The centre's register runs on both backends; a remote desk is always a file.
 */

const clock = testClock('2026-11-09T08:30:00Z');
let centre: Centre;
let office: RemoteOffice;
let remote: RemoteDesk;
const issued: EntryRecord[] = [];
const copies: string[] = [];

beforeAll(async () => {
  centre = await openCentre(clock.now);
  office = await addRemoteOffice(centre, 'SVD-01', '04-01');
  remote = await installRemote(centre, office, clock.now);
  for (const family of ['Шевченко', 'Бондаренко', 'Коваленко']) issued.push(await issueFamily(remote, centre.signatoryId, family));
}, 120_000);

afterAll(async () => {
  await remote?.close();
  await centre?.close();
  for (const folder of copies) rmSync(folder, { recursive: true, force: true });
});

async function refusal(work: () => Promise<unknown>): Promise<DeskError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** What the centre holds of the office: its entries and its exchange history (nothing else may move). */
async function centreHoldings(): Promise<{ entries: number; history: number }> {
  const entries = (await centre.call('journal.search', { officeId: office.officeId, page: 1, pageSize: 100 })).total;
  const history = (await centre.exchange.history(centre.head, { officeId: office.officeId })).length;
  return { entries, history };
}

/**
 * A copy of the office's data folder (the desk stopped for the copy), then changed with a SQLite
 * editor by someone who also deletes the checkpoint log, so the office's own start-up check has
 * nothing to compare with: only the centre can still see it.
 */
async function tamperedCopy(change: (raw: Parameters<Parameters<typeof tamperWith>[1]>[0]) => void): Promise<RemoteDesk> {
  await remote.desk.close();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'desk-remote-copy-'));
  copies.push(folder);
  cpSync(remote.dataDir, folder, { recursive: true });
  remote = await reopenRemote(remote.dataDir, office, clock.now);
  tamperWith(folder, change);
  rmSync(path.join(checkpointFolder(folder), `${office.journalId}.log`));
  return reopenRemote(folder, office, clock.now);
}

interface RawEntry {
  id: string;
  year: number;
  number: number;
  printed_number: string;
  sort: string;
  kinds: string;
  created_at: string;
  local_date: string;
  created_by: string;
  content: string;
}

/** Edits one entry's content and recomputes its hash and every later one exactly as hash-chain.ts does. */
function rewriteAndRechain(journalId: string, number: number) {
  return (raw: Parameters<Parameters<typeof tamperWith>[1]>[0]) => {
    const rows = raw.prepare('SELECT * FROM entries WHERE journal_id = ? AND number >= ? ORDER BY year, number').all(journalId, number) as RawEntry[];
    raw.prepare("UPDATE entries SET content = replace(content, 'Бондаренко', 'Бондар') WHERE id = ?").run(rows[0]!.id);
    let prevHash = (raw.prepare('SELECT hash FROM entries WHERE journal_id = ? AND number = ?').get(journalId, number - 1) as { hash: string }).hash;
    for (const stale of rows) {
      const row = raw.prepare('SELECT * FROM entries WHERE id = ?').get(stale.id) as RawEntry;
      const hash = entryHash(prevHash, {
        id: row.id,
        journalId,
        year: row.year,
        number: row.number,
        printedNumber: row.printed_number,
        sort: row.sort,
        kinds: JSON.parse(row.kinds) as string[],
        createdAt: row.created_at,
        localDate: row.local_date,
        createdBy: row.created_by,
        content: JSON.parse(row.content) as unknown,
      });
      raw.prepare('UPDATE entries SET prev_hash = ?, hash = ? WHERE id = ?').run(prevHash, hash, row.id);
      prevHash = hash;
    }
  };
}

describe('the centre as witness of a remote journal (R3.5, R7.7)', () => {
  it('checks the checkpoint a bundle carries, and the next update returns its cosignature, kept beside the office log', async () => {
    const bundle = await remote.exchange.exportBundle(remote.user);
    expect((await centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName)).status).toBe('imported');
    const kept = await latestWitnessedCheckpoint(centre.desk.register.ctx.db, office.journalId);
    expect(kept?.size).toBe(issued.length);

    const update = await centre.exchange.exportUpdates(centre.head, office.officeId);
    expect((await remote.exchange.importUpdates(remote.user, update.data)).status).toBe('applied');
    const cosigned = readCosigned(remote.dataDir, office.journalId);
    expect(cosigned).toHaveLength(1);
    // The office's own checkpoint with the centre's cosignature line: checked here with the centre's public key.
    const lines = cosigned[0]!.trimEnd().split('\n');
    const centreKey = createPublicKey(readFileSync(path.join(centre.dataDir, 'keys', 'exchange.ed25519.pub.pem'), 'utf8'));
    expect(verifyCosignature(`${lines.slice(0, -1).join('\n')}\n`, lines.at(-1)!, CENTRE_WITNESS_NAME, centreKey)).toBeGreaterThan(0);
    expect(lines[1]).toBe(String(issued.length));
    const status = await remote.exchange.status();
    expect(status.mode === 'remote' && status.witnessed).toEqual([
      { journalId: office.journalId, journalIndex: '04-01', size: issued.length, printedNumber: issued.at(-1)!.printedNumber, cosignedAt: expect.any(String) as string },
    ]);
  });

  it('refuses an update whose cosignature does not verify with the centre key, keeping nothing', async () => {
    const update = await centre.exchange.exportUpdates(centre.head, office.officeId);
    const officeIdentity = openExchangeIdentity(remote.dataDir);
    const { header, plaintext } = openPackage(update.data, { type: 'x25519', privateKey: officeIdentity.encryptionPrivateKey, publicKey: officeIdentity.encryptionPublicKey });
    const payload = readEnvelope(plaintext).value as UpdatePayload;
    const cosigned = payload.witness!.cosigned[0]!;
    // One signature byte changed; the package itself is signed again with the centre's real key.
    const blob = Buffer.from(cosigned.cosignature.split(' ').at(-1)!, 'base64');
    blob[blob.length - 1] = (blob[blob.length - 1] ?? 0) ^ 0x01;
    cosigned.cosignature = `${cosigned.cosignature.split(' ').slice(0, -1).join(' ')} ${blob.toString('base64')}`;
    const forged = sealPackage(header, signPayload(payload, openExchangeIdentity(centre.dataDir)), { type: 'x25519', recipientPublicKey: officeIdentity.encryptionPublicKey });
    const before = readCosigned(remote.dataDir, office.journalId);
    const error = await refusal(() => remote.exchange.importUpdates(remote.user, forged));
    expect(error.messageKey).toBe('errors.exchange.witnessCosignatureInvalid');
    expect(readCosigned(remote.dataDir, office.journalId)).toEqual(before);
  });

  it('refuses and flags a journal rewritten and rechained after the confirmed exchange, naming the first entry that differs; nothing is imported', async () => {
    const copy = await tamperedCopy(rewriteAndRechain(office.journalId, 2));
    try {
      // The office's desk itself sees nothing: its log is gone, and it signs the rewritten journal afresh.
      await issueFamily(copy, centre.signatoryId, 'Мельник');
      const bundle = await copy.exchange.exportBundle(copy.user);
      const before = await centreHoldings();
      const error = await refusal(() => centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName));
      expect(error.messageKey).toBe('errors.exchange.witnessRewritten');
      expect(error.params).toMatchObject({ office: office.code, journal: '04-01', number: issued[1]!.printedNumber, confirmed: issued.length });
      expect(await centreHoldings()).toEqual(before);
    } finally {
      await copy.close();
    }
  });

  it('refuses and flags a journal whose tail was cut after the confirmed exchange', async () => {
    const copy = await tamperedCopy((raw) => {
      raw.prepare('DELETE FROM entries WHERE journal_id = ? AND number > 2').run(office.journalId);
      raw.prepare('UPDATE journal_counters SET last_number = 2 WHERE journal_id = ?').run(office.journalId);
    });
    try {
      const bundle = await copy.exchange.exportBundle(copy.user);
      const before = await centreHoldings();
      const error = await refusal(() => centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName));
      expect(error.messageKey).toBe('errors.exchange.witnessTailCut');
      expect(error.params).toMatchObject({ office: office.code, journal: '04-01', number: issued[2]!.printedNumber });
      expect(await centreHoldings()).toEqual(before);
    } finally {
      await copy.close();
    }
  });

  it('keeps both flags after the centre register is reopened, and still accepts the genuine office’s next bundle', async () => {
    await centre.desk.close();
    const reopened = await createDesk({ dataDir: centre.dataDir, demo: false, appVersion: 'test', now: clock.now, ...registerOptionsOf(centre.dataDir) });
    try {
      const status = await createExchangeService(reopened.register).status();
      const flags = status.mode === 'central' ? status.offices.find((item) => item.officeId === office.officeId)?.witnessFlags : undefined;
      expect(flags?.map((flag) => [flag.reason, flag.printedNumber, flag.journalIndex])).toEqual([
        ['rewritten', issued[1]!.printedNumber, '04-01'],
        ['tail_cut', issued[2]!.printedNumber, '04-01'],
      ]);
    } finally {
      await reopened.close();
    }
    const again = await openCentreOn(centre);
    centre = again;
    issued.push(await issueFamily(remote, centre.signatoryId, 'Ткаченко'));
    const bundle = await remote.exchange.exportBundle(remote.user);
    const report = await centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName);
    expect(report.counts).toMatchObject({ entries: 1 });
    expect((await latestWitnessedCheckpoint(centre.desk.register.ctx.db, office.journalId))?.size).toBe(issued.length);
    const update = await centre.exchange.exportUpdates(centre.head, office.officeId);
    await remote.exchange.importUpdates(remote.user, update.data);
    const status = await remote.exchange.status();
    expect(status.mode === 'remote' && status.witnessed.map((item) => item.printedNumber)).toEqual([issued.at(-1)!.printedNumber]);
  });
});

/** The centre's desk started again on its own register (file or test database), the head logged in. */
async function openCentreOn(previous: Centre): Promise<Centre> {
  const desk = await createDesk({ dataDir: previous.dataDir, demo: false, appVersion: 'test', now: clock.now, ...registerOptionsOf(previous.dataDir) });
  const raw = (channel: string, input: unknown) => desk.dispatcher.dispatch(channel, input, { sessionKey: 'head-session', transport: 'cli' });
  const call = (async (channel: string, input: unknown) => {
    const result = await raw(channel, input);
    if (!result.ok) throw DeskError.fromShape(result.error);
    return result.value;
  }) as Centre['call'];
  await call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
  const head = desk.register.sessions.userFor('head-session');
  if (!head) throw new Error('the head is not logged in');
  return {
    ...previous,
    desk,
    call,
    raw,
    exchange: createExchangeService(desk.register),
    head,
    close: async () => {
      await desk.close();
      await disposeRegisterOf(previous.dataDir);
      rmSync(previous.dataDir, { recursive: true, force: true });
    },
  };
}
