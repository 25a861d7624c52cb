import { createHash, verify, type KeyObject } from 'node:crypto';
import { noteText } from './signed-note.js';

/**
 * A witness's cosignature over a checkpoint (c2sp.org/tlog-cosignature, cosignature/v1): the
 * witness signs «cosignature/v1», «time <seconds>» and the whole checkpoint text, and states by it
 * that the checkpoint extends every one it cosigned before. The signature line is
 * «— <name> base64(key ID || timestamp (8 bytes, big-endian) || Ed25519 signature)», key ID
 * computed with the cosignature's signature type 0x04.
 */

const COSIGNATURE_TYPE = 0x04;
const SIGNATURE_PREFIX = '\u2014 ';

/** The centre's name as a witness of its offices' journals. */
export const CENTRE_WITNESS_NAME = 'cnap-desk.local/centre';

export interface Cosigner {
  name: string;
  publicKey: KeyObject;
  sign(message: Buffer): Buffer;
}

function cosignatureKeyId(name: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(`${name}\n`, 'utf8')
    .update(Buffer.from([COSIGNATURE_TYPE]))
    .update(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32))
    .digest()
    .subarray(0, 4);
}

function signedMessage(checkpointText: string, time: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${time}\n${checkpointText}`, 'utf8');
}

/** The cosignature line for a signed checkpoint, at `time` (whole seconds since the epoch). */
export function cosignatureLine(note: string, cosigner: Cosigner, time: number): string {
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  const signature = cosigner.sign(signedMessage(noteText(note), time));
  return `${SIGNATURE_PREFIX}${cosigner.name} ${Buffer.concat([cosignatureKeyId(cosigner.name, cosigner.publicKey), stamp, signature]).toString('base64')}`;
}

/**
 * Checks a cosignature line over a checkpoint against the witness's known key; answers when it
 * was made (seconds since the epoch), or undefined when it is not a valid cosignature of that key.
 */
export function verifyCosignature(note: string, line: string, name: string, publicKey: KeyObject): number | undefined {
  if (!line.startsWith(`${SIGNATURE_PREFIX}${name} `)) return undefined;
  const bytes = Buffer.from(line.slice(SIGNATURE_PREFIX.length + name.length + 1), 'base64');
  if (bytes.length !== 4 + 8 + 64 || !bytes.subarray(0, 4).equals(cosignatureKeyId(name, publicKey))) return undefined;
  const time = Number(bytes.readBigUInt64BE(4));
  return verify(null, signedMessage(noteText(note), time), publicKey, bytes.subarray(12)) ? time : undefined;
}
