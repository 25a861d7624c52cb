import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DeskError } from '../../shared/contract/errors.js';

/**
 * The file that travels on the stick between the centre and a remote workplace (R3.5):
 *
 *   "CNAPXCH1" | uint32 header length | header (JSON) | AES-256-GCM ciphertext | 16-byte tag
 *
 * The header says what the file is (kind, office, sequence) and how its key is found; it is not
 * secret (the file name says as much) but it is authenticated as GCM's additional data, so a
 * changed header fails like a changed body. The body is gzip of the signed JSON. Keys:
 * - `x25519`: an ephemeral X25519 key agreed with the recipient's key, HKDF-SHA256 → AES key
 *   (journal bundles to the centre, update packages to an office);
 * - `passphrase`: scrypt of a one-time passphrase (the workplace package, before the office has keys).
 */

const MAGIC = Buffer.from('CNAPXCH1', 'latin1');
const PREFIX = MAGIC.length + 4;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 64 * 1024;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export const packageKinds = ['workplace', 'bundle', 'update'] as const;
export type PackageKind = (typeof packageKinds)[number];

const wrapSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('x25519'), ephemeralKey: z.string(), salt: z.string(), recipient: z.string() }),
  z.object({ type: z.literal('passphrase'), salt: z.string(), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
]);

const headerSchema = z.object({
  format: z.literal(1),
  kind: z.enum(packageKinds),
  officeId: z.string().min(1),
  officeCode: z.string().min(1),
  sequence: z.number().int().nonnegative(),
  cipherBytes: z.number().int().nonnegative(),
  iv: z.string(),
  wrap: wrapSchema,
});
export type PackageHeader = z.infer<typeof headerSchema>;
export type PackageLabel = Pick<PackageHeader, 'kind' | 'officeId' | 'officeCode' | 'sequence'>;

export type SealKey = { type: 'x25519'; recipientPublicKey: string } | { type: 'passphrase'; passphrase: string };
export type OpenKey = { type: 'x25519'; privateKey: KeyObject; publicKey: string } | { type: 'passphrase'; passphrase: string };

function refuse(what: string, params?: Record<string, string | number>): DeskError {
  return new DeskError('rule_violation', `errors.exchange.${what}`, params);
}

/** A short, stable name of a public key: which register a package was made for. */
export function recipientId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 22);
}

function rawX25519(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

function agreedKey(shared: Buffer, salt: Buffer, ephemeralKey: string, recipient: string, kind: PackageKind): Buffer {
  const info = Buffer.from(`cnap-exchange/1|${kind}|${ephemeralKey}|${recipient}`, 'utf8');
  return Buffer.from(hkdfSync('sha256', shared, salt, info, 32));
}

/** Upper case, without spaces or dashes; O→0 and I/L→1 as in Crockford's alphabet. */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function passphraseKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(normalisePassphrase(passphrase), salt, 32, { ...params, maxmem: SCRYPT.maxmem });
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 20 Crockford characters (100 bits) in groups of four, easy to read out and type. */
export function newPassphrase(): string {
  const chars = Array.from(randomBytes(20), (byte) => CROCKFORD[byte & 31] ?? '0').join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
}

/** Encrypts `plaintext` (already signed where it must be) into the file's bytes. */
export function sealPackage(label: PackageLabel, plaintext: Buffer, key: SealKey): Buffer {
  const iv = randomBytes(12);
  const salt = randomBytes(32);
  let aesKey: Buffer;
  let wrap: PackageHeader['wrap'];
  if (key.type === 'x25519') {
    const ephemeral = generateKeyPairSync('x25519');
    const recipient = createPublicKey(key.recipientPublicKey);
    const ephemeralKey = rawX25519(ephemeral.publicKey);
    const recipientName = recipientId(key.recipientPublicKey);
    const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
    aesKey = agreedKey(shared, salt, ephemeralKey, recipientName, label.kind);
    wrap = { type: 'x25519', ephemeralKey, salt: salt.toString('base64'), recipient: recipientName };
  } else {
    aesKey = passphraseKey(key.passphrase, salt, SCRYPT);
    wrap = { type: 'passphrase', salt: salt.toString('base64'), N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p };
  }
  const body = gzipSync(plaintext);
  const header: PackageHeader = { format: 1, ...label, cipherBytes: body.length, iv: iv.toString('base64'), wrap };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32BE(headerBytes.length, MAGIC.length);
  const cipher = createCipheriv('aes-256-gcm', aesKey, iv);
  cipher.setAAD(Buffer.concat([prefix, headerBytes]));
  const ciphertext = Buffer.concat([cipher.update(body), cipher.final()]);
  return Buffer.concat([prefix, headerBytes, ciphertext, cipher.getAuthTag()]);
}

/**
 * Reads the header without decrypting: refuses what is not one of our packages, and a file cut
 * short (a stick pulled mid-copy) with its own message before any key is tried.
 */
export function readPackageHeader(file: Buffer): PackageHeader {
  if (file.length < PREFIX || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw refuse('notAPackage');
  const headerLength = file.readUInt32BE(MAGIC.length);
  if (headerLength > MAX_HEADER_BYTES) throw refuse('notAPackage');
  if (file.length < PREFIX + headerLength) throw refuse('truncated');
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.subarray(PREFIX, PREFIX + headerLength).toString('utf8'));
  } catch {
    throw refuse('tampered');
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw refuse('tampered');
  const expected = PREFIX + headerLength + header.data.cipherBytes + TAG_BYTES;
  if (file.length < expected) throw refuse('truncated');
  if (file.length > expected) throw refuse('tampered');
  return header.data;
}

/** Decrypts a package; any changed byte (header, body or tag) fails GCM's check. */
export function openPackage(file: Buffer, key: OpenKey): { header: PackageHeader; plaintext: Buffer } {
  const header = readPackageHeader(file);
  const headerLength = file.readUInt32BE(MAGIC.length);
  const bodyStart = PREFIX + headerLength;
  const salt = Buffer.from(header.wrap.salt, 'base64');
  let aesKey: Buffer;
  if (header.wrap.type === 'x25519') {
    if (key.type !== 'x25519') throw refuse('wrongKind', { kind: header.kind });
    if (header.wrap.recipient !== recipientId(key.publicKey)) throw refuse('otherRecipient');
    let shared: Buffer;
    try {
      const ephemeral = createPublicKey({ key: Buffer.from(header.wrap.ephemeralKey, 'base64'), format: 'der', type: 'spki' });
      shared = diffieHellman({ privateKey: key.privateKey, publicKey: ephemeral });
    } catch {
      throw refuse('tampered');
    }
    aesKey = agreedKey(shared, salt, header.wrap.ephemeralKey, header.wrap.recipient, header.kind);
  } else {
    if (key.type !== 'passphrase') throw refuse('wrongKind', { kind: header.kind });
    if (header.wrap.N > 2 ** 20 || header.wrap.r > 16 || header.wrap.p > 4) throw refuse('tampered');
    aesKey = passphraseKey(key.passphrase, salt, header.wrap);
  }
  const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(file.subarray(0, bodyStart));
  decipher.setAuthTag(file.subarray(bodyStart + header.cipherBytes));
  let body: Buffer;
  try {
    body = Buffer.concat([decipher.update(file.subarray(bodyStart, bodyStart + header.cipherBytes)), decipher.final()]);
  } catch {
    // With a passphrase, a typo and a changed byte look the same to GCM: say both.
    throw refuse(header.wrap.type === 'passphrase' ? 'badPassphrase' : 'tampered');
  }
  try {
    return { header, plaintext: gunzipSync(body) };
  } catch {
    throw refuse('tampered');
  }
}

/** SHA-256 of the whole file: how a replayed package is recognised. */
export function fileDigest(file: Buffer): string {
  return createHash('sha256').update(file).digest('hex');
}
