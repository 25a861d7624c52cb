import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type {
  forgeryReasons,
  verificationResultSchema,
  verifiedEntrySummarySchema,
} from '../../shared/contract/channels/documents.js';
import { DeskError } from '../../shared/contract/errors.js';
import type { EntryRecord } from '../../shared/domain/entry.js';
import type { PersonName } from '../../shared/domain/person.js';
import type { VerificationStamp } from './models.js';

/**
 * Paper verification (anyone can check a certificate offline). The QR code carries a compact signed statement
 * `CNAP2|<entryId>|<printedNumber>|<yyyy-mm-dd>|<initials>|<officeCode>|<signature>`, signed with
 * the office's Ed25519 key, so anyone holding the published public key can check a paper offline.
 * Every field is percent-encoded (UTF-8, as in a URL), so the whole text is ASCII: a QR code has no
 * charset of its own and common scanners (zbar) read Cyrillic bytes as Shift JIS («С.С.» came out
 * «苤.苤.»). Papers printed before carry `CNAP1` with the fields as UTF-8 and still verify.
 * The short code, for reading out over the phone, is a truncated HMAC of the entry id under a
 * separate secret: it proves nothing offline but the desk can look it up. Keys live in
 * `<dataDir>/keys/`, outside the register file, so a copied register cannot forge documents.
 *
 * A remote office's papers verify at the centre too (R3.5): its bundles bring its public document
 * keys, and for each short code a seal — the office's Ed25519 signature over the entry id and
 * the code — since the centre never holds the office's short-code secret.
 */

export const QR_VERSION = 'CNAP2';
/** Papers printed before the QR text was made ASCII: the same fields, unencoded UTF-8. */
export const LEGACY_QR_VERSION = 'CNAP1';
const SHORT_CODE_LENGTH = 10;
export const SHORT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const OFFICE_CODE = /^[A-Z0-9-]{1,12}$/;

export interface OfficePublicKey {
  officeCode: string;
  publicKeyPem: string;
}

export interface KeyStore {
  /** Creates the office's key pair when it has none; returns its public key. */
  ensureOfficeKey(officeCode: string): OfficePublicKey;
  signPayload(officeCode: string, payload: string): string;
  publicKeys(): OfficePublicKey[];
  shortCodeSecret(): Buffer;
}

function privateKeyPath(dir: string, officeCode: string): string {
  return join(dir, `${officeCode}.ed25519.key.pem`);
}

function publicKeyPath(dir: string, officeCode: string): string {
  return join(dir, `${officeCode}.ed25519.pub.pem`);
}

function writeSecretFile(path: string, data: string | Buffer): void {
  writeFileSync(path, data, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

/** The key store on disk: `<dataDir>/keys/<OFFICE>.ed25519.{key,pub}.pem` and `short-code.secret`. */
export function openKeyStore(dataDir: string): KeyStore {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secretPath = join(dir, 'short-code.secret');
  if (!existsSync(secretPath)) writeSecretFile(secretPath, randomBytes(32));
  const privateKeys = new Map<string, KeyObject>();

  function privateKeyFor(officeCode: string): KeyObject {
    let key = privateKeys.get(officeCode);
    if (!key) {
      const path = privateKeyPath(dir, officeCode);
      if (!existsSync(path)) throw new DeskError('not_found', 'errors.documents.noOfficeKey', { officeCode });
      key = createPrivateKey(readFileSync(path, 'utf8'));
      privateKeys.set(officeCode, key);
    }
    return key;
  }

  return {
    ensureOfficeKey(officeCode) {
      if (!OFFICE_CODE.test(officeCode)) throw new DeskError('invalid_input', 'errors.documents.badOfficeCode');
      const pubPath = publicKeyPath(dir, officeCode);
      if (!existsSync(privateKeyPath(dir, officeCode))) {
        const { privateKey, publicKey } = generateKeyPairSync('ed25519');
        writeSecretFile(privateKeyPath(dir, officeCode), privateKey.export({ type: 'pkcs8', format: 'pem' }));
        writeFileSync(pubPath, publicKey.export({ type: 'spki', format: 'pem' }));
      }
      return { officeCode, publicKeyPem: readFileSync(pubPath, 'utf8') };
    },
    signPayload(officeCode, payload) {
      return sign(null, Buffer.from(payload, 'utf8'), privateKeyFor(officeCode)).toString('base64url');
    },
    publicKeys() {
      return readdirSync(dir)
        .filter((name) => name.endsWith('.ed25519.pub.pem'))
        .sort()
        .map((name) => ({
          officeCode: name.slice(0, -'.ed25519.pub.pem'.length),
          publicKeyPem: readFileSync(join(dir, name), 'utf8'),
        }));
    },
    shortCodeSecret() {
      return readFileSync(secretPath);
    },
  };
}

/** «Ш.Т.Г.»: initials of family, given and patronymic names (apostrophes never start a name). */
export function initialsOf(name: PersonName): string {
  return [name.familyName, name.givenName, name.patronymic]
    .filter((part): part is string => Boolean(part && part.trim()))
    .map((part) => `${Array.from(part.trim())[0]?.toLocaleUpperCase('uk-UA') ?? ''}.`)
    .join('');
}

export function subjectNameOf(entry: EntryRecord): PersonName {
  return entry.content.subject.name;
}

/** The signed fields after the version: id, printed number, date, initials, office code. */
function qrFields(entry: EntryRecord): string[] {
  return [entry.id, entry.printedNumber, entry.localDate, initialsOf(subjectNameOf(entry)), entry.officeCode];
}

/** A field of the QR text in ASCII («С.С.» → «%D0%A1.%D0%A1.»); `|` is encoded too, so it never splits a field. */
function encodeQrField(field: string): string {
  return encodeURIComponent(field);
}

function decodeQrField(field: string): string | null {
  try {
    return decodeURIComponent(field);
  } catch {
    return null;
  }
}

export function encodeCrockford(bytes: Uint8Array, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += SHORT_CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= length) break;
  }
  return out;
}

/** The bare short code (10 Crockford base32 characters, 50 bits) the register stores. */
export function shortCodeFor(entryId: string, secret: Uint8Array): string {
  const mac = createHmac('sha256', secret).update(entryId, 'utf8').digest();
  return encodeCrockford(mac, SHORT_CODE_LENGTH);
}

/** `K7M2Q9QXDA` → `K7M2Q-9QXDA`, for print and for reading aloud. */
export function groupShortCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Accepts what a person types or reads: any case, spaces and dashes; O→0, I/L→1 (Crockford). */
export function normaliseShortCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`).test(code) ? code : null;
}

/** Signs an entry for print: the QR text and the short code. */
export function stampEntry(entry: EntryRecord, keys: KeyStore): VerificationStamp {
  const payload = [QR_VERSION, ...qrFields(entry).map(encodeQrField)].join('|');
  const signature = keys.signPayload(entry.officeCode, payload);
  return {
    qrText: `${payload}|${signature}`,
    shortCode: groupShortCode(shortCodeFor(entry.id, keys.shortCodeSecret())),
  };
}

/**
 * What an office signs to vouch for a short code it bound (its bundles carry the seal to the centre).
 * The code itself is printed on paper and is no secret; the seal binds it to its entry, so a
 * code row pointed at another entry is caught at the centre as the secret catches it at home.
 */
function codeSealText(entryId: string, code: string): string {
  return `CNAPCODE1|${entryId}|${code}`;
}

export function sealShortCode(keys: KeyStore, officeCode: string, entryId: string, code: string): string {
  return keys.signPayload(officeCode, codeSealText(entryId, code));
}

/** The seal holds under one of the keys (PEM) of the office that owns the entry. */
export function codeSealValid(entryId: string, code: string, seal: string, officeKeys: readonly string[]): boolean {
  const text = codeSealText(entryId, code);
  return officeKeys.some((publicKeyPem) => signatureValid(text, seal, publicKeyPem));
}

/** SHA-256 of the raw public key, grouped, to compare a published key by eye. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.slice(0, 32).match(/.{4}/g)?.join(' ') ?? hex;
}

export interface VerificationLookup {
  byId(id: string): Promise<EntryRecord | null>;
  idByShortCode(code: string): Promise<string | null>;
  /** This desk's own keys and, at the centre, every key a remote office's bundles brought (an office may have several). */
  publicKeys(): Promise<OfficePublicKey[]>;
  /** A remote entry's code seal with the keys of the office that owns it; null for the desk's own entries (their code is our HMAC). */
  codeSeal?(entryId: string): Promise<{ seal: string; officeKeys: string[] } | null>;
  /** A remote office whose bundles this desk receives: its paper may simply not have arrived yet. */
  awaitingFrom?(officeCode: string): Promise<AwaitingBundle | null>;
}

export type AwaitingBundle = NonNullable<Extract<VerificationResult, { status: 'unknown' }>['awaiting']>;

export type VerifiedEntrySummary = z.infer<typeof verifiedEntrySummarySchema>;
export type VerificationResult = z.infer<typeof verificationResultSchema>;
export type ForgeryReason = (typeof forgeryReasons)[number];

function summaryOf(entry: EntryRecord): VerifiedEntrySummary {
  return {
    id: entry.id,
    printedNumber: entry.printedNumber,
    date: entry.localDate,
    initials: initialsOf(subjectNameOf(entry)),
    officeCode: entry.officeCode,
    journalIndex: entry.journalIndex,
    sort: entry.sort,
    kinds: entry.kinds,
  };
}

function statusOf(entry: EntryRecord): VerificationResult {
  if (entry.status === 'annulled' || entry.annulment) {
    return {
      status: 'annulled',
      entry: summaryOf(entry),
      annulledAt: entry.annulment?.at ?? '',
      ...(entry.annulment?.replacedByPrintedNumber ? { replacedBy: entry.annulment.replacedByPrintedNumber } : {}),
    };
  }
  return { status: 'valid', entry: summaryOf(entry) };
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function signatureValid(payload: string, signature: string, publicKeyPem: string): boolean {
  let signed = false;
  try {
    signed = verify(null, Buffer.from(payload, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64url'));
  } catch {
    signed = false;
  }
  // base64url decoding ignores stray characters, so the signature must also round-trip exactly.
  return signed && Buffer.from(signature, 'base64url').toString('base64url') === signature;
}

interface ScannedQr {
  version: string;
  /** Decoded: id, printed number, date, initials, office code. */
  fields: string[];
  /** The signed text as scanned. */
  payload: string;
  signature: string;
}

/** A scanned QR text split into its version, decoded fields and signature; null when it is not one. */
function parseQrText(text: string): ScannedQr | null {
  const parts = text.split('|');
  const [version = ''] = parts;
  if (parts.length !== 7 || (version !== QR_VERSION && version !== LEGACY_QR_VERSION)) return null;
  const raw = parts.slice(1, 6);
  const fields = version === QR_VERSION ? raw.map(decodeQrField) : raw;
  if (fields.some((field) => field === null)) return null;
  return { version, fields: fields as string[], payload: parts.slice(0, 6).join('|'), signature: parts[6] ?? '' };
}

/**
 * A `CNAP1` paper read by a scanner that guessed another charset: its initials came out garbled
 * («苤.苤.»), so its text no longer matches the signature. The signature is checked over the
 * register's initials instead: it holds only if the office signed exactly this entry, and the
 * desk shows the register's initials, so nothing a forger could choose is accepted.
 */
function legacyGarbledInitials(scanned: ScannedQr, entry: EntryRecord, publicKeyPem: string): boolean {
  const [entryId, printedNumber, date, initials = '', officeCode] = scanned.fields;
  if (scanned.version !== LEGACY_QR_VERSION || /^[\x20-\x7e]*$/.test(initials)) return false;
  const stored = qrFields(entry);
  const sameOtherwise = stored[0] === entryId && stored[1] === printedNumber && stored[2] === date && stored[4] === officeCode;
  return sameOtherwise && signatureValid([LEGACY_QR_VERSION, ...stored].join('|'), scanned.signature, publicKeyPem);
}

/** Not in this register: from a remote office, say whose bundle has not brought it yet. */
async function unknownFrom(officeCode: string, lookup: VerificationLookup): Promise<VerificationResult> {
  const awaiting = await lookup.awaitingFrom?.(officeCode);
  return awaiting ? { status: 'unknown', awaiting } : { status: 'unknown' };
}

async function verifyQrText(text: string, lookup: VerificationLookup): Promise<VerificationResult> {
  const scanned = parseQrText(text);
  if (!scanned) return { status: 'forged', reason: 'malformed' };
  const [entryId = '', printedNumber, date, initials, officeCode = ''] = scanned.fields;
  // Every key the office has signed with: a key that changed never stops older papers verifying.
  const officeKeys = (await lookup.publicKeys()).filter((key) => key.officeCode === officeCode);
  if (officeKeys.length === 0) {
    // A remote office whose bundles have not brought its key yet: nothing can be said of the signature.
    const awaiting = await lookup.awaitingFrom?.(officeCode);
    return awaiting ? { status: 'unknown', awaiting } : { status: 'forged', reason: 'unknown_office' };
  }
  if (!officeKeys.some((key) => signatureValid(scanned.payload, scanned.signature, key.publicKeyPem))) {
    const entry = await lookup.byId(entryId);
    const legacy = entry && officeKeys.some((key) => legacyGarbledInitials(scanned, entry, key.publicKeyPem));
    return entry && legacy ? statusOf(entry) : { status: 'forged', reason: 'bad_signature' };
  }
  const entry = await lookup.byId(entryId);
  if (!entry) return unknownFrom(officeCode, lookup);
  const stored = qrFields(entry);
  if (stored[1] !== printedNumber || stored[2] !== date || stored[3] !== initials || stored[4] !== officeCode) {
    return { status: 'forged', reason: 'fields_mismatch' };
  }
  return statusOf(entry);
}

async function verifyShortCode(input: string, lookup: VerificationLookup, secret: Uint8Array): Promise<VerificationResult> {
  const code = normaliseShortCode(input);
  if (!code) return { status: 'forged', reason: 'malformed' };
  const entryId = await lookup.idByShortCode(code);
  if (!entryId) return { status: 'unknown' };
  const entry = await lookup.byId(entryId);
  if (!entry) return { status: 'unknown' };
  if (!(await codeGenuine(entry, code, lookup, secret))) return { status: 'forged', reason: 'code_mismatch' };
  return statusOf(entry);
}

/** Our own code is our HMAC of the entry id; a remote office's code carries that office's seal. */
async function codeGenuine(entry: EntryRecord, code: string, lookup: VerificationLookup, secret: Uint8Array): Promise<boolean> {
  const sealed = await lookup.codeSeal?.(entry.id);
  if (sealed) return codeSealValid(entry.id, code, sealed.seal, sealed.officeKeys);
  return sameText(shortCodeFor(entry.id, secret), code);
}

/**
 * Checks a QR text or a short code against the register: valid, annulled (with the replacing
 * entry's number), forged (signature or stored code disagrees, or the input is malformed) or unknown.
 */
export async function verifyDocument(
  textOrCode: string,
  lookup: VerificationLookup,
  shortCodeSecret: Uint8Array,
): Promise<VerificationResult> {
  const input = textOrCode.trim();
  if (input.includes('|')) return verifyQrText(input, lookup);
  return verifyShortCode(input, lookup, shortCodeSecret);
}
