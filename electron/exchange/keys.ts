import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * This register's exchange identity: an Ed25519 key that signs what it sends and an X25519 key
 * that packages for it are encrypted to (remote workplaces, R3.5). Kept in `<dataDir>/keys/` beside the document
 * keys, outside the register file, so a copied register can neither read a stick nor forge a
 * bundle. The centre has one identity; every remote workplace makes its own at installation.
 */
export interface ExchangeIdentity {
  readonly signingPublicKey: string;
  readonly encryptionPublicKey: string;
  readonly encryptionPrivateKey: KeyObject;
  sign(data: Buffer): string;
}

/** Public keys of the other side, as PEM (SPKI). */
export interface PeerKeys {
  readonly signingKey: string;
  readonly encryptionKey: string;
}

const FILES = {
  signingPrivate: 'exchange.ed25519.key.pem',
  signingPublic: 'exchange.ed25519.pub.pem',
  encryptionPrivate: 'exchange.x25519.key.pem',
  encryptionPublic: 'exchange.x25519.pub.pem',
} as const;

function keysDir(dataDir: string): string {
  return join(dataDir, 'keys');
}

export function hasExchangeIdentity(dataDir: string): boolean {
  return existsSync(join(keysDir(dataDir), FILES.signingPrivate)) && existsSync(join(keysDir(dataDir), FILES.encryptionPrivate));
}

/** Writes a file whole or not at all: a crash never leaves half a private key. */
function writeKeyFile(path: string, data: string, secret: boolean): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, data, { mode: secret ? 0o600 : 0o644 });
  if (secret) chmodSync(partial, 0o600);
  renameSync(partial, path);
}

function createPair(dir: string, type: 'ed25519' | 'x25519', privateFile: string, publicFile: string): void {
  const { privateKey, publicKey } = type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  writeKeyFile(join(dir, publicFile), publicKey.export({ type: 'spki', format: 'pem' }).toString(), false);
  writeKeyFile(join(dir, privateFile), privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), true);
}

/** Opens this register's exchange identity, creating its two key pairs on first use. */
export function openExchangeIdentity(dataDir: string): ExchangeIdentity {
  const dir = keysDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(join(dir, FILES.signingPrivate))) createPair(dir, 'ed25519', FILES.signingPrivate, FILES.signingPublic);
  if (!existsSync(join(dir, FILES.encryptionPrivate))) createPair(dir, 'x25519', FILES.encryptionPrivate, FILES.encryptionPublic);
  const signingKey = createPrivateKey(readFileSync(join(dir, FILES.signingPrivate), 'utf8'));
  const encryptionPrivateKey = createPrivateKey(readFileSync(join(dir, FILES.encryptionPrivate), 'utf8'));
  return {
    signingPublicKey: readFileSync(join(dir, FILES.signingPublic), 'utf8'),
    encryptionPublicKey: readFileSync(join(dir, FILES.encryptionPublic), 'utf8'),
    encryptionPrivateKey,
    sign: (data) => sign(null, data, signingKey).toString('base64'),
  };
}

export function verifySignature(publicKeyPem: string, data: Buffer, signatureBase64: string): boolean {
  try {
    return verify(null, data, createPublicKey(publicKeyPem), Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** SHA-256 of a public key's DER, short and grouped, for the history screen and messages. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.slice(0, 16).match(/.{4}/g)?.join(' ') ?? hex;
}

export function samePublicKey(a: string, b: string): boolean {
  try {
    const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der(a).equals(der(b));
  } catch {
    return false;
  }
}
