import { existsSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import type { OutputOf } from '../../../shared/contract/define.js';
import type { Contract } from '../../../shared/contract/index.js';
import { createDesk } from '../../../electron/app/desk.js';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { initialsOf, openKeyStore, stampEntry } from '../../../electron/documents/verification.js';
import { openPackage, readPackageHeader, sealPackage } from '../../../electron/exchange/container.js';
import { openExchangeIdentity } from '../../../electron/exchange/keys.js';
import { readEnvelope, signPayload, type BundlePayload } from '../../../electron/exchange/payloads.js';
import { getEntryRecord } from '../../../electron/register/repositories/entries.js';
import { shortCodeOfEntry } from '../../../electron/register/repositories/document-codes.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, testClock, type Centre, type RemoteDesk } from '../exchange/helpers.js';
import { disposeRegisterOf, registerOptionsOf } from './desk-harness.js';

/**
 * R3.5: a certificate issued at a remote office verifies at the centre, by its QR code and by its
 * short code, once the office's bundle has brought it — valid, annulled (the annulment came with a
 * later bundle), forged or not yet arrived — as the centre's own do. The office's document keys
 * and short-code seals ride in its signed bundles; under vitest.postgres.config.ts the centre's
 * register is on PostgreSQL (the remote desk stays on its own file).
 */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remote: RemoteDesk;

type Verdict = OutputOf<Contract['documents.verify']>;

async function printed(entryId: string): Promise<{ qrText: string; shortCode: string; initials: string }> {
  const entry = await getEntryRecord(remote.desk.register.ctx.db, entryId);
  if (!entry) throw new Error('no such entry at the office');
  // What the office's printer puts on the paper (printing.ts: stampEntry with the office's keys).
  const stamp = stampEntry(entry, openKeyStore(remote.dataDir));
  expect(stamp.shortCode.replace('-', '')).toBe(await shortCodeOfEntry(remote.desk.register.ctx.db, entryId));
  return { ...stamp, initials: initialsOf(entry.content.subject.name) };
}

function verifyAtCentre(text: string): Promise<Verdict> {
  return centre.call('documents.verify', { text });
}

async function carryBundle() {
  const bundle = await remote.exchange.exportBundle(remote.user);
  return centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName);
}

/** The office's next bundle with its signed payload changed, signed again with the office's own exchange key. */
async function alteredBundle(change: (payload: BundlePayload) => void): Promise<Buffer> {
  const file = (await remote.exchange.exportBundle(remote.user)).data;
  const centreKeys = openExchangeIdentity(centre.dataDir);
  const { plaintext } = openPackage(file, { type: 'x25519', privateKey: centreKeys.encryptionPrivateKey, publicKey: centreKeys.encryptionPublicKey });
  const payload = readEnvelope(plaintext).value as BundlePayload;
  change(payload);
  const header = readPackageHeader(file);
  return sealPackage(header, signPayload(payload, openExchangeIdentity(remote.dataDir)), { type: 'x25519', recipientPublicKey: centreKeys.encryptionPublicKey });
}

async function refusalOf(work: () => Promise<unknown>): Promise<DeskError> {
  const error = await work().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DeskError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  remote = await installRemote(centre, await addRemoteOffice(centre, 'VRM-09', '09-01'), clock.now);
}, 60_000);

afterAll(async () => {
  await remote?.close();
  if (centre) {
    await centre.desk.close().catch(() => undefined);
    await disposeRegisterOf(centre.dataDir);
    if (existsSync(centre.dataDir)) rmSync(centre.dataDir, { recursive: true, force: true });
  }
});

describe('a remote certificate at the centre (R3.5)', () => {
  let first: { id: string; qrText: string; shortCode: string; initials: string };
  let renamedPaper: { id: string; qrText: string; shortCode: string };

  it('is not yet arrived, in words, before the office’s bundle brings it', async () => {
    const entry = await issueFamily(remote, centre.signatoryId, 'Кравець');
    first = { id: entry.id, ...(await printed(entry.id)) };
    expect(await verifyAtCentre(first.qrText)).toEqual({
      status: 'unknown',
      awaiting: { officeCode: 'VRM-09', officeName: 'Старостинський округ VRM-09', lastBundleAt: null },
    });
    // A short code names no office: nothing more can be said of it than of any unknown code.
    expect(await verifyAtCentre(first.shortCode)).toEqual({ status: 'unknown' });
  });

  it('verifies by QR and by short code once its bundle is imported', async () => {
    const report = await carryBundle();
    expect(report.counts).toMatchObject({ entries: 1, documentKeys: 1, codeSeals: 1 });
    const byQr = await verifyAtCentre(first.qrText);
    expect(byQr).toMatchObject({ status: 'valid', entry: { id: first.id, officeCode: 'VRM-09', journalIndex: '09-01', initials: first.initials } });
    expect(await verifyAtCentre(first.shortCode.toLowerCase())).toEqual(byQr);
  });

  it('still calls a tampered QR or a made-up short code what it is', async () => {
    const fields = first.qrText.split('|');
    const otherInitials = [...fields.slice(0, 4), encodeURIComponent(`Б${first.initials.slice(1)}`), ...fields.slice(5)].join('|');
    expect(await verifyAtCentre(otherInitials)).toEqual({ status: 'forged', reason: 'bad_signature' });
    const signature = fields[6] ?? '';
    const otherSignature = [...fields.slice(0, 6), `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`].join('|');
    expect(await verifyAtCentre(otherSignature)).toEqual({ status: 'forged', reason: 'bad_signature' });
    // The centre's own key does not sign for the office, nor the office's for an office it is not.
    expect(await verifyAtCentre(first.shortCode.replace(/^./, (c) => (c === 'Z' ? 'Y' : 'Z')))).toEqual({ status: 'unknown' });
    expect(await verifyAtCentre('K7M2-U')).toEqual({ status: 'forged', reason: 'malformed' });
  });

  it('names the office whose bundle has not brought a later certificate yet', async () => {
    const later = await issueFamily(remote, centre.signatoryId, 'Бойко');
    const { qrText } = await printed(later.id);
    const lastImport = await centre.exchange.history(centre.head, { officeId: remote.office.officeId });
    expect(await verifyAtCentre(qrText)).toMatchObject({ status: 'unknown', awaiting: { officeCode: 'VRM-09', lastBundleAt: lastImport[0]?.at } });
    await carryBundle();
    expect(await verifyAtCentre(qrText)).toMatchObject({ status: 'valid', entry: { id: later.id } });
  });

  it('answers annulled once a later bundle carries the annulment', async () => {
    await remote.call('entries.annul', { entryId: first.id, reason: 'Помилка в даті народження' });
    expect(await verifyAtCentre(first.qrText)).toMatchObject({ status: 'valid' });
    expect((await carryBundle()).counts).toMatchObject({ annulments: 1, documentKeys: 0 });
    expect(await verifyAtCentre(first.qrText)).toMatchObject({ status: 'annulled', entry: { id: first.id } });
    expect(await verifyAtCentre(first.shortCode)).toMatchObject({ status: 'annulled', entry: { id: first.id } });
  });

  it('keeps an office’s old document key beside a new one, so both its old and new papers verify', async () => {
    // The office's PC got a new document key (its key files lost and made again).
    const keysDir = path.join(remote.dataDir, 'keys');
    for (const name of readdirSync(keysDir).filter((file) => file.startsWith('VRM-09.ed25519.'))) unlinkSync(path.join(keysDir, name));
    const renewed = await issueFamily(remote, centre.signatoryId, 'Ткачук');
    const stamp = await printed(renewed.id);
    const report = await carryBundle();
    expect(report.counts).toMatchObject({ entries: 1, documentKeys: 1, codeSeals: 1 });
    const audit = await centre.call('audit.list', { action: 'exchange.document_key_added', page: 1, pageSize: 10 });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]?.summary).toContain('VRM-09: new document key');
    expect(await verifyAtCentre(stamp.qrText)).toMatchObject({ status: 'valid', entry: { id: renewed.id } });
    expect(await verifyAtCentre(stamp.shortCode)).toMatchObject({ status: 'valid', entry: { id: renewed.id } });
    expect(await verifyAtCentre(first.qrText)).toMatchObject({ status: 'annulled', entry: { id: first.id } });
    const published = await centre.call('documents.publicKeys', {});
    expect(published.keys.filter((key) => key.officeCode === 'VRM-09')).toHaveLength(2);
  });

  it('refuses a bundle that vouches for another office’s papers, or carries a seal that does not hold, changing nothing', async () => {
    const own = (await centre.call('offices.list', {})).items.find((office) => office.kind !== 'remote');
    const before = { history: (await centre.exchange.history(centre.head)).length, keys: (await centre.call('documents.publicKeys', {})).keys };
    const officeKey = openKeyStore(remote.dataDir).publicKeys().find((key) => key.officeCode === 'VRM-09');
    const foreign = await alteredBundle((payload) => {
      payload.documentKeys = [{ officeCode: own?.code ?? 'HLK', publicKeyPem: officeKey?.publicKeyPem ?? '' }];
    });
    expect(await refusalOf(() => centre.exchange.importBundle(centre.head, foreign, 'foreign'))).toMatchObject({ messageKey: 'errors.exchange.documentKeyForeign' });

    await issueFamily(remote, centre.signatoryId, 'Шевчук');
    const badSeal = await alteredBundle((payload) => {
      const [seal] = payload.documentCodeSeals ?? [];
      if (seal) seal.seal = `${seal.seal.slice(0, -2)}${seal.seal.endsWith('AA') ? 'BB' : 'AA'}`;
    });
    expect(await refusalOf(() => centre.exchange.importBundle(centre.head, badSeal, 'bad-seal'))).toMatchObject({ messageKey: 'errors.exchange.codeSealInvalid' });
    expect((await centre.exchange.history(centre.head)).length).toBe(before.history);
    expect((await centre.call('documents.publicKeys', {})).keys).toEqual(before.keys);
    expect((await carryBundle()).counts).toMatchObject({ entries: 1, codeSeals: 1 });
  });

  it('goes on taking the office’s bundles, and verifying its new papers, after the centre renames its code', async () => {
    await centre.call('offices.update', { id: remote.office.officeId, code: 'VRM-19' });
    const update = await centre.exchange.exportUpdates(centre.head, remote.office.officeId);
    await remote.exchange.importUpdates(remote.user, update.data);
    const renamed = await issueFamily(remote, centre.signatoryId, 'Мельник');
    const stamp = await printed(renamed.id);
    renamedPaper = { id: renamed.id, ...stamp };
    expect(stamp.qrText).toContain('|VRM-19|');
    expect((await carryBundle()).counts).toMatchObject({ entries: 1, documentKeys: 1, codeSeals: 1 });
    expect(await verifyAtCentre(stamp.qrText)).toMatchObject({ status: 'valid', entry: { id: renamed.id, officeCode: 'VRM-19' } });
    expect(await verifyAtCentre(stamp.shortCode)).toMatchObject({ status: 'valid', entry: { id: renamed.id } });
  });

  it('still verifies both ways after the centre restarts', async () => {
    await centre.desk.close();
    const reopened = await createDesk({ dataDir: centre.dataDir, demo: false, appVersion: 'test', now: clock.now, ...registerOptionsOf(centre.dataDir) });
    try {
      const context = { sessionKey: 'after-restart', transport: 'cli' } as const;
      expect((await reopened.dispatcher.dispatch('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password }, context)).ok).toBe(true);
      const verify = (text: string) => reopened.dispatcher.dispatch('documents.verify', { text }, context);
      expect(await verify(renamedPaper.qrText)).toMatchObject({ ok: true, value: { status: 'valid', entry: { id: renamedPaper.id } } });
      expect(await verify(renamedPaper.shortCode)).toMatchObject({ ok: true, value: { status: 'valid', entry: { id: renamedPaper.id } } });
      expect(await verify(first.shortCode)).toMatchObject({ ok: true, value: { status: 'annulled', entry: { id: first.id } } });
    } finally {
      await reopened.close();
    }
  });
});
