import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/**
 * Checkpoints as C2SP signed notes (c2sp.org/tlog-checkpoint, c2sp.org/signed-note): the note
 * text is the origin line, the tree size, the base64 root hash and our extension lines; a blank
 * line; then one signature line per key, «— <key name> base64(key ID || Ed25519 signature)».
 */

const ED25519_SIGNATURE_TYPE = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';

/** How a signer names itself: the office's key as a schema-less URL (signed-note's recommendation). */
export function keyNameOfOffice(officeCode: string): string {
  return `cnap-desk.local/office/${officeCode}`;
}

/** The log's identity: one log per journal, named by the journal's id (its index may be renamed). */
export function originOfJournal(journalId: string): string {
  return `cnap-desk.local/journal/${journalId}`;
}

export interface CheckpointBody {
  origin: string;
  size: number;
  root: Buffer;
  /** Extension lines (non-empty, no newline): what a checkpoint says besides the tree head. */
  extensions: string[];
}

export interface NoteSigner {
  keyName: string;
  sign(message: Buffer): Buffer;
  publicKey: KeyObject;
}

/** The 32 raw bytes of an Ed25519 public key (RFC 8032 encoding): the SPKI's last 32 bytes. */
function rawEd25519(publicKey: KeyObject): Buffer {
  return publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
}

/** key ID = SHA-256(key name || 0x0A || 0x01 || public key)[:4]. */
export function keyId(keyName: string, publicKey: KeyObject): Buffer {
  return createHash('sha256')
    .update(`${keyName}\n`, 'utf8')
    .update(Buffer.from([ED25519_SIGNATURE_TYPE]))
    .update(rawEd25519(publicKey))
    .digest()
    .subarray(0, 4);
}

/** signed-note forbids every ASCII control character but the newline that ends a line. */
export function hasControlCharacter(text: string): boolean {
  return [...text].some((character) => character.charCodeAt(0) < 0x20);
}

export function checkpointText(body: CheckpointBody): string {
  const lines = [body.origin, String(body.size), body.root.toString('base64'), ...body.extensions];
  if (lines.some((line) => line.length === 0 || hasControlCharacter(line))) throw new Error('A checkpoint line is empty or holds a control character');
  return `${lines.join('\n')}\n`;
}

export function signNote(text: string, signer: NoteSigner): string {
  const signature = signer.sign(Buffer.from(text, 'utf8'));
  const blob = Buffer.concat([keyId(signer.keyName, signer.publicKey), signature]).toString('base64');
  return `${text}\n${SIGNATURE_PREFIX}${signer.keyName} ${blob}\n`;
}

export function ed25519Signer(keyName: string, privateKey: KeyObject): NoteSigner {
  return { keyName, publicKey: createPublicKey(privateKey), sign: (message) => sign(null, message, privateKey) };
}

export interface OpenedNote {
  body: CheckpointBody;
  /** The key names whose signature verified. */
  signedBy: string[];
}

/**
 * Parses a signed checkpoint and verifies its signatures against the known keys (by name). A note
 * with no verified signature of a known key is refused, as signed-note requires.
 */
export function openCheckpoint(note: string, knownKeys: (keyName: string) => KeyObject | undefined): OpenedNote | undefined {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return undefined;
  const text = note.slice(0, split + 1);
  const signedBy: string[] = [];
  for (const line of note.slice(split + 2).split('\n')) {
    if (!line.startsWith(SIGNATURE_PREFIX)) continue;
    const [name, blob] = line.slice(SIGNATURE_PREFIX.length).split(' ');
    const publicKey = name ? knownKeys(name) : undefined;
    if (!name || !blob || !publicKey) continue;
    const bytes = Buffer.from(blob, 'base64');
    if (bytes.length !== 68 || !bytes.subarray(0, 4).equals(keyId(name, publicKey))) continue;
    if (!verify(null, Buffer.from(text, 'utf8'), publicKey, bytes.subarray(4))) return undefined;
    signedBy.push(name);
  }
  if (signedBy.length === 0) return undefined;
  const body = parseCheckpointText(text);
  return body ? { body, signedBy } : undefined;
}

/** The note text's lines, unverified: for reading a log before choosing which record to check. */
export function parseCheckpointText(text: string): CheckpointBody | undefined {
  const [origin, size, root, ...rest] = text.split('\n');
  if (!origin || !size || !root || !/^\d+$/.test(size)) return undefined;
  return { origin, size: Number(size), root: Buffer.from(root, 'base64'), extensions: rest.filter((line) => line.length > 0) };
}

/** The note text of a signed note (everything before the blank line). */
export function noteText(note: string): string {
  const split = note.lastIndexOf('\n\n');
  return split < 0 ? note : note.slice(0, split + 1);
}
