import { createHash } from 'node:crypto';

/**
 * The Merkle tree hash of RFC 6962 §2.1 (RFC 9162 §2.1.1) over a journal's entries, one leaf per
 * entry: the leaf's data is the entry's chain hash (32 bytes). A checkpoint signs this root, so a
 * later checkpoint can be shown to extend an earlier one with a consistency proof, and no entry
 * before the checkpoint's size can change without changing the root.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(entryHashHex: string): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(Buffer.from(entryHashHex, 'hex')).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT = createHash('sha256').digest();

/**
 * The right edge of the tree as it grows (a «compact range»): the roots of the perfect subtrees
 * the leaves so far split into, largest first. Appending a leaf merges equal-sized subtrees, so
 * each leaf costs two hashes on average and the root is one fold over at most log2(n) nodes.
 */
export class MerkleFrontier {
  private readonly nodes: { size: number; hash: Buffer }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  appendEntryHash(entryHashHex: string): void {
    let node = { size: 1, hash: leafHash(entryHashHex) };
    for (let last = this.nodes.at(-1); last && last.size === node.size; last = this.nodes.at(-1)) {
      this.nodes.pop();
      node = { size: node.size * 2, hash: nodeHash(last.hash, node.hash) };
    }
    this.nodes.push(node);
    this.count += 1;
  }

  /** RFC 6962's MTH over every leaf appended: the smaller subtrees fold right to left. */
  root(): Buffer {
    const last = this.nodes.at(-1);
    if (!last) return EMPTY_ROOT;
    let hash = last.hash;
    for (let index = this.nodes.length - 2; index >= 0; index -= 1) hash = nodeHash(this.nodes[index]!.hash, hash);
    return hash;
  }

  clone(): MerkleFrontier {
    const copy = new MerkleFrontier();
    copy.nodes.push(...this.nodes);
    copy.count = this.count;
    return copy;
  }
}

/** MTH(D[n]) straight from the definition, for tests and small trees. */
export function merkleRoot(entryHashesHex: readonly string[]): Buffer {
  if (entryHashesHex.length === 0) return EMPTY_ROOT;
  if (entryHashesHex.length === 1) return leafHash(entryHashesHex[0]!);
  let split = 1;
  while (split * 2 < entryHashesHex.length) split *= 2;
  return nodeHash(merkleRoot(entryHashesHex.slice(0, split)), merkleRoot(entryHashesHex.slice(split)));
}
