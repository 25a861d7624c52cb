import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPackage, sealPackage } from '../../../electron/exchange/container.js';
import { openExchangeIdentity } from '../../../electron/exchange/keys.js';
import { readEnvelope, signPayload } from '../../../electron/exchange/payloads.js';

/**
 * Opens a genuine bundle with the centre's key and seals it again, as someone holding the
 * centre's public key could: the same content re-encrypted (a different file), signed by a key
 * of their own, or labelled with another office.
 */
export function resealed(centreDataDir: string, file: Buffer, change: { signWithNewKey?: boolean; officeId?: string }): Buffer {
  const centre = openExchangeIdentity(centreDataDir);
  const { header, plaintext } = openPackage(file, { type: 'x25519', privateKey: centre.encryptionPrivateKey, publicKey: centre.encryptionPublicKey });
  let inner = plaintext;
  if (change.signWithNewKey) {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'desk-forger-'));
    try {
      inner = signPayload(readEnvelope(plaintext).value, openExchangeIdentity(folder));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return sealPackage(
    { kind: header.kind, officeId: change.officeId ?? header.officeId, officeCode: header.officeCode, sequence: header.sequence },
    inner,
    { type: 'x25519', recipientPublicKey: centre.encryptionPublicKey },
  );
}
