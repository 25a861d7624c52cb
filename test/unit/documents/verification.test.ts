import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentsChannels } from '../../../shared/contract/channels/documents.js';
import type { EntryRecord } from '../../../shared/domain/entry.js';
import { documentsHandlers } from '../../../electron/app/handlers/documents.js';
import { fixtureEntries, fixtureRequisites, type FixtureSet } from './fixtures.js';
import { councilHeaderFrom } from '../../../electron/documents/header.js';
import {
  codeSealValid,
  groupShortCode,
  initialsOf,
  type KeyStore,
  normaliseShortCode,
  openKeyStore,
  sealShortCode,
  shortCodeFor,
  stampEntry,
  type VerificationLookup,
  verifyDocument,
} from '../../../electron/documents/verification.js';
import type { HandlerContext } from '../../../electron/ipc/handler-types.js';

let keys: KeyStore;
let dataDir: string;
let fixtures: FixtureSet;

/** The register side as the lead wires it: entries by id, `document_codes` by short code. */
function lookupOver(entries: EntryRecord[], store: KeyStore, codes?: Map<string, string>): VerificationLookup {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const byCode = codes ?? new Map(entries.map((entry) => [shortCodeFor(entry.id, store.shortCodeSecret()), entry.id]));
  return {
    byId: async (id) => byId.get(id) ?? null,
    idByShortCode: async (code) => byCode.get(code) ?? null,
    publicKeys: async () => store.publicKeys(),
  };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cnap-keys-'));
  keys = openKeyStore(dataDir);
  fixtures = fixtureEntries();
  keys.ensureOfficeKey(fixtures.combined.officeCode);
});

describe('key store', () => {
  it('keeps PEM keys and the short-code secret in <dataDir>/keys, private files 0600', () => {
    const files = readdirSync(join(dataDir, 'keys')).sort();
    expect(files).toEqual(['HLK.ed25519.key.pem', 'HLK.ed25519.pub.pem', 'short-code.secret']);
    expect(statSync(join(dataDir, 'keys', 'HLK.ed25519.key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'keys', 'short-code.secret')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'keys', 'short-code.secret')).size).toBe(32);
  });

  it('keeps an existing key when asked again (setup is idempotent)', () => {
    const before = keys.publicKeys();
    const again = openKeyStore(dataDir).ensureOfficeKey('HLK');
    expect(again.publicKeyPem).toBe(before[0]?.publicKeyPem);
  });
});

describe('QR text', () => {
  it('has the compact versioned form with the person’s initials', () => {
    const { qrText } = stampEntry(fixtures.combined, keys);
    const fields = qrText.split('|');
    expect(fields.slice(0, 6)).toEqual([
      'CNAP2',
      fixtures.combined.id,
      encodeURIComponent(fixtures.combined.printedNumber),
      fixtures.combined.localDate,
      encodeURIComponent('К.М.В.'),
      'HLK',
    ]);
    // ASCII only: a QR code has no charset, and scanners guess (zbar read «С.С.» as «苤.苤.»).
    expect(qrText).toMatch(/^[\x21-\x7e]+$/);
    expect(initialsOf({ familyName: 'Шевченко', givenName: 'Тарас', patronymic: 'Григорович' })).toBe('Ш.Т.Г.');
  });

  it('verifies as valid for its own entry', async () => {
    const result = await verifyDocument(stampEntry(fixtures.combined, keys).qrText, lookupOver(fixtures.journal, keys), keys.shortCodeSecret());
    expect(result).toMatchObject({ status: 'valid', entry: { id: fixtures.combined.id, printedNumber: fixtures.combined.printedNumber } });
    expect(documentsChannels['documents.verify'].output.parse(result)).toEqual(result);
  });

  it('reports forged when any single character is changed', async () => {
    const { qrText } = stampEntry(fixtures.breadwinner, keys);
    const lookup = lookupOver(fixtures.journal, keys);
    for (let i = 0; i < qrText.length; i++) {
      const original = qrText[i] ?? '';
      const replacement = original === 'A' ? 'B' : original === '1' ? '2' : 'A';
      const tampered = qrText.slice(0, i) + replacement + qrText.slice(i + 1);
      const result = await verifyDocument(tampered, lookup, keys.shortCodeSecret());
      expect(result.status, `position ${i}: ${tampered}`).toBe('forged');
    }
  });

  it('reports forged for a text signed by another key under the same office code', async () => {
    const stranger = openKeyStore(mkdtempSync(join(tmpdir(), 'cnap-stranger-')));
    stranger.ensureOfficeKey('HLK');
    const result = await verifyDocument(stampEntry(fixtures.combined, stranger).qrText, lookupOver(fixtures.journal, keys), keys.shortCodeSecret());
    expect(result).toEqual({ status: 'forged', reason: 'bad_signature' });
  });

  /** A paper printed before the QR text was ASCII: `CNAP1`, the fields as UTF-8. */
  function legacyQr(entry: EntryRecord, initials = initialsOf(entry.content.subject.name)): { payload: string; signature: string } {
    const payload = ['CNAP1', entry.id, entry.printedNumber, entry.localDate, initials, entry.officeCode].join('|');
    return { payload, signature: keys.signPayload(entry.officeCode, payload) };
  }

  it('still verifies a CNAP1 paper, also when a scanner garbled its Cyrillic initials, and never a tampered one', async () => {
    const lookup = lookupOver(fixtures.journal, keys);
    const { payload, signature } = legacyQr(fixtures.combined);
    expect(await verifyDocument(`${payload}|${signature}`, lookup, keys.shortCodeSecret())).toMatchObject({ status: 'valid', entry: { id: fixtures.combined.id, initials: 'К.М.В.' } });
    const garbled = `${payload.replace('К.М.В.', '苤.苤.苤.')}|${signature}`;
    expect(await verifyDocument(garbled, lookup, keys.shortCodeSecret())).toMatchObject({ status: 'valid', entry: { initials: 'К.М.В.' } });
    const otherNumber = `${payload.replace('К.М.В.', '苤.苤.苤.').replace(fixtures.combined.printedNumber, `${fixtures.combined.printedNumber}9`)}|${signature}`;
    expect(await verifyDocument(otherNumber, lookup, keys.shortCodeSecret())).toEqual({ status: 'forged', reason: 'bad_signature' });
    const asciiInitials = `${payload.replace('К.М.В.', 'K.M.V.')}|${signature}`;
    expect(await verifyDocument(asciiInitials, lookup, keys.shortCodeSecret())).toEqual({ status: 'forged', reason: 'bad_signature' });
  });

  it('reports annulled with the replacing number', async () => {
    const result = await verifyDocument(stampEntry(fixtures.annulled, keys).qrText, lookupOver(fixtures.journal, keys), keys.shortCodeSecret());
    expect(result).toMatchObject({ status: 'annulled', replacedBy: fixtures.annulled.annulment?.replacedByPrintedNumber });
  });

  it('reports unknown for a genuine signature of an entry this register does not hold', async () => {
    const others = fixtures.journal.filter((entry) => entry.id !== fixtures.training.id);
    const result = await verifyDocument(stampEntry(fixtures.training, keys).qrText, lookupOver(others, keys), keys.shortCodeSecret());
    expect(result).toEqual({ status: 'unknown' });
  });
});

describe('short code', () => {
  it('is 10 Crockford characters grouped 5-5 and reads back however it is typed', () => {
    const { shortCode } = stampEntry(fixtures.combined, keys);
    expect(shortCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const bare = shortCode.replace('-', '');
    expect(normaliseShortCode(` ${shortCode.toLowerCase()} `)).toBe(bare);
    expect(normaliseShortCode(bare.replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(bare);
    expect(groupShortCode(bare)).toBe(shortCode);
  });

  it('verifies its own entry, and another entry’s code names that entry, not this one', async () => {
    const lookup = lookupOver(fixtures.journal, keys);
    const own = await verifyDocument(stampEntry(fixtures.combined, keys).shortCode, lookup, keys.shortCodeSecret());
    expect(own).toMatchObject({ status: 'valid', entry: { id: fixtures.combined.id } });
    const other = await verifyDocument(stampEntry(fixtures.breadwinner, keys).shortCode, lookup, keys.shortCodeSecret());
    expect(other.status === 'valid' && other.entry.id).not.toBe(fixtures.combined.id);
  });

  it('reports forged when the stored code points at an entry it was not made for', async () => {
    const code = shortCodeFor(fixtures.combined.id, keys.shortCodeSecret());
    const tamperedTable = new Map([[code, fixtures.breadwinner.id]]);
    const result = await verifyDocument(code, lookupOver(fixtures.journal, keys, tamperedTable), keys.shortCodeSecret());
    expect(result).toEqual({ status: 'forged', reason: 'code_mismatch' });
  });

  it('reports unknown for a well-formed code nobody was given, forged for a malformed one', async () => {
    const lookup = lookupOver(fixtures.journal, keys);
    const codes = new Set(fixtures.journal.map((entry) => shortCodeFor(entry.id, keys.shortCodeSecret())));
    const unused = ['ZZZZZ-ZZZZZ', '00000-00000'].find((code) => !codes.has(code.replace('-', ''))) ?? '';
    expect(await verifyDocument(unused, lookup, keys.shortCodeSecret())).toEqual({ status: 'unknown' });
    expect(await verifyDocument('K7M2-U', lookup, keys.shortCodeSecret())).toEqual({ status: 'forged', reason: 'malformed' });
  });
});

/**
 * R3.5: at the centre a remote office's paper is checked with the office's keys, which its bundles
 * brought, and its short code with the office's seal: the centre never holds the office's secret.
 */
describe('a remote office’s papers at the centre', () => {
  let office: KeyStore;
  let centre: KeyStore;
  const remoteEntry = () => ({ ...fixtures.combined, officeCode: 'VRM-01' });

  beforeAll(() => {
    office = openKeyStore(mkdtempSync(join(tmpdir(), 'cnap-office-')));
    office.ensureOfficeKey('VRM-01');
    centre = openKeyStore(mkdtempSync(join(tmpdir(), 'cnap-centre-')));
    centre.ensureOfficeKey('HLK');
  });

  /** The centre's lookup: its own keys, the keys `carried` by bundles, and the seals they brought. */
  function centreLookup(entries: EntryRecord[], carried: KeyStore[], codes: Map<string, string>, seals: Map<string, string>): VerificationLookup {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    return {
      byId: async (id) => byId.get(id) ?? null,
      idByShortCode: async (code) => codes.get(code) ?? null,
      publicKeys: async () => [...centre.publicKeys(), ...carried.flatMap((store) => store.publicKeys())],
      // Every entry here is the office's: its seal is checked with the office's keys.
      codeSeal: async (entryId) => {
        const seal = seals.get(entryId);
        return seal === undefined ? null : { seal, officeKeys: office.publicKeys().map((key) => key.publicKeyPem) };
      },
      awaitingFrom: async (officeCode) => (officeCode === 'VRM-01' ? { officeCode, officeName: 'Старостинський округ', lastBundleAt: null } : null),
    };
  }

  function carriedCode(entry: EntryRecord, store: KeyStore) {
    const code = shortCodeFor(entry.id, store.shortCodeSecret());
    return { code, seal: sealShortCode(store, entry.officeCode, entry.id, code) };
  }

  it('verifies by QR and short code with the keys and seals a bundle carried, and waits for them before', async () => {
    const entry = remoteEntry();
    const { code, seal } = carriedCode(entry, office);
    const { qrText } = stampEntry(entry, office);
    const arrived = centreLookup([entry], [office], new Map([[code, entry.id]]), new Map([[entry.id, seal]]));
    expect(await verifyDocument(qrText, arrived, centre.shortCodeSecret())).toMatchObject({ status: 'valid', entry: { id: entry.id, officeCode: 'VRM-01' } });
    expect(await verifyDocument(groupShortCode(code), arrived, centre.shortCodeSecret())).toMatchObject({ status: 'valid', entry: { id: entry.id } });
    const beforeBundle = centreLookup([], [], new Map(), new Map());
    expect(await verifyDocument(qrText, beforeBundle, centre.shortCodeSecret())).toEqual({
      status: 'unknown',
      awaiting: { officeCode: 'VRM-01', officeName: 'Старостинський округ', lastBundleAt: null },
    });
    // Without the seal the code would be checked against the centre's own secret, and fail.
    const unsealed = centreLookup([entry], [office], new Map([[code, entry.id]]), new Map());
    expect(await verifyDocument(code, unsealed, centre.shortCodeSecret())).toEqual({ status: 'forged', reason: 'code_mismatch' });
  });

  it('reports forged when a carried code row points at another entry, or its seal is another office’s', async () => {
    const entry = remoteEntry();
    const other = { ...fixtures.breadwinner, officeCode: 'VRM-01' };
    const { code, seal } = carriedCode(entry, office);
    const { seal: otherSeal } = carriedCode(other, office);
    const rebound = centreLookup([entry, other], [office], new Map([[code, other.id]]), new Map([[entry.id, seal], [other.id, otherSeal]]));
    expect(await verifyDocument(code, rebound, centre.shortCodeSecret())).toEqual({ status: 'forged', reason: 'code_mismatch' });
    const stranger = openKeyStore(mkdtempSync(join(tmpdir(), 'cnap-stranger-office-')));
    stranger.ensureOfficeKey('VRM-01');
    const strangeSeal = sealShortCode(stranger, 'VRM-01', entry.id, code);
    const officeKeys = office.publicKeys().map((key) => key.publicKeyPem);
    expect(codeSealValid(entry.id, code, strangeSeal, officeKeys)).toBe(false);
    expect(codeSealValid(entry.id, code, seal, officeKeys)).toBe(true);
    const sealedByStranger = centreLookup([entry], [office], new Map([[code, entry.id]]), new Map([[entry.id, strangeSeal]]));
    expect(await verifyDocument(code, sealedByStranger, centre.shortCodeSecret())).toEqual({ status: 'forged', reason: 'code_mismatch' });
  });

  it('checks a paper with every key the office has had, never with another office’s', async () => {
    const entry = remoteEntry();
    const newPc = openKeyStore(mkdtempSync(join(tmpdir(), 'cnap-office-new-pc-')));
    newPc.ensureOfficeKey('VRM-01');
    const both = centreLookup([entry], [office, newPc], new Map(), new Map());
    expect(await verifyDocument(stampEntry(entry, office).qrText, both, centre.shortCodeSecret())).toMatchObject({ status: 'valid' });
    expect(await verifyDocument(stampEntry(entry, newPc).qrText, both, centre.shortCodeSecret())).toMatchObject({ status: 'valid' });
    // Another office's key, even one the centre trusts, does not sign for this office.
    const neighbour = openKeyStore(mkdtempSync(join(tmpdir(), 'cnap-neighbour-')));
    neighbour.ensureOfficeKey('VRM-02');
    const payload = stampEntry(entry, office).qrText.split('|').slice(0, 6).join('|');
    const signedByNeighbour = `${payload}|${neighbour.signPayload('VRM-02', payload)}`;
    const withNeighbour = centreLookup([entry], [office, neighbour], new Map(), new Map());
    expect(await verifyDocument(signedByNeighbour, withNeighbour, centre.shortCodeSecret())).toEqual({ status: 'forged', reason: 'bad_signature' });
  });
});

describe('documents handlers', () => {
  const ctx: HandlerContext = {
    user: { userId: 'u1', login: 'admin', fullName: 'Адміністратор', role: 'admin', officeId: 'office-central' },
    sessionKey: 'test',
    transport: 'cli',
  };

  it('verifies through the channel and prints the public keys', async () => {
    const handlers = documentsHandlers({
      lookup: lookupOver(fixtures.journal, keys),
      keyStore: keys,
      // One workstation: its keys are the register's (test/unit/app/key-witness.test.ts covers two).
      keys: { verdict: async () => 'same', assertSame: async () => undefined },
      councilHeader: async () => councilHeaderFrom(fixtureRequisites),
      now: () => new Date('2025-03-20T10:00:00Z'),
    });
    const input = documentsChannels['documents.verify'].input.parse({ text: stampEntry(fixtures.refusal, keys).shortCode });
    const verified = await handlers['documents.verify'](input, ctx);
    expect(verified).toMatchObject({ status: 'valid', entry: { id: fixtures.refusal.id, sort: 'refusal' } });
    const published = await handlers['documents.publicKeys']({}, ctx);
    expect(documentsChannels['documents.publicKeys'].output.parse(published)).toEqual(published);
    expect(published.keys.map((key) => key.officeCode)).toEqual(['HLK']);
    expect(Buffer.from(published.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses input longer than 2000 characters at the contract', () => {
    expect(documentsChannels['documents.verify'].input.safeParse({ text: 'x'.repeat(2001) }).success).toBe(false);
  });
});
