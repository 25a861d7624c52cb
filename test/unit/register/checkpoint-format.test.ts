import { createHash, generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, leafHash, MerkleFrontier, merkleRoot, nodeHash } from '../../../electron/register/checkpoints/merkle.js';
import { checkpointText, ed25519Signer, keyId, openCheckpoint, signNote } from '../../../electron/register/checkpoints/signed-note.js';

const hashes = Array.from({ length: 40 }, (_, i) => createHash('sha256').update(`entry ${i}`).digest('hex'));

describe('the Merkle tree of a journal (RFC 6962 §2.1)', () => {
  it('grows incrementally to the same root as the definition, for every size', () => {
    const frontier = new MerkleFrontier();
    expect(frontier.root()).toEqual(EMPTY_ROOT);
    for (let size = 1; size <= hashes.length; size += 1) {
      frontier.appendEntryHash(hashes[size - 1]!);
      expect(frontier.root().toString('hex'), `size ${size}`).toBe(merkleRoot(hashes.slice(0, size)).toString('hex'));
    }
  });

  it('follows the RFC: leaves prefixed 0x00, nodes 0x01, the left subtree the largest power of two', () => {
    const [a, b, c] = hashes as [string, string, string];
    expect(merkleRoot([a, b, c])).toEqual(nodeHash(nodeHash(leafHash(a), leafHash(b)), leafHash(c)));
    expect(leafHash(a)).toEqual(createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(a, 'hex')])).digest());
    expect(EMPTY_ROOT.toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // One entry changed anywhere changes the root.
    const changed = [...hashes.slice(0, 7)];
    changed[2] = hashes[30]!;
    expect(merkleRoot(changed)).not.toEqual(merkleRoot(hashes.slice(0, 7)));
  });
});

describe('checkpoints as C2SP signed notes', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signer = ed25519Signer('cnap-desk.local/office/CNAP', privateKey);
  const text = checkpointText({ origin: 'cnap-desk.local/journal/j1', size: 3, root: merkleRoot(hashes.slice(0, 3)), extensions: ['at 2026-01-01T00:00:00.000Z'] });

  it('writes origin, size, base64 root, a blank line and «— name base64(key ID || signature)»', () => {
    const note = signNote(text, signer);
    const [body, signatures] = note.split('\n\n');
    expect(`${body}\n`).toBe(text);
    const match = /^\u2014 (\S+) (\S+)\n$/.exec(signatures!);
    expect(match?.[1]).toBe('cnap-desk.local/office/CNAP');
    const blob = Buffer.from(match![2]!, 'base64');
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const expectedId = createHash('sha256').update('cnap-desk.local/office/CNAP\n').update(Buffer.from([1])).update(raw).digest().subarray(0, 4);
    expect(blob.subarray(0, 4)).toEqual(expectedId);
    expect(keyId('cnap-desk.local/office/CNAP', publicKey)).toEqual(expectedId);
    expect(verify(null, Buffer.from(text), publicKey, blob.subarray(4))).toBe(true);
  });

  it('opens only with the right key and unchanged text', () => {
    const note = signNote(text, signer);
    const keys = (name: string) => (name === signer.keyName ? publicKey : undefined);
    expect(openCheckpoint(note, keys)?.body).toMatchObject({ origin: 'cnap-desk.local/journal/j1', size: 3 });
    expect(openCheckpoint(note.replace('\n3\n', '\n4\n'), keys)).toBeUndefined();
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(openCheckpoint(note, () => other)).toBeUndefined();
  });
});
