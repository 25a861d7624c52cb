import fs from 'node:fs';

/**
 * What a register's write-ahead log (`<file>-wal`) holds, read the way SQLite's own recovery reads
 * it (https://www.sqlite.org/fileformat2.html#walformat): the frames after the header, each with
 * the header's salts and a running checksum, up to the last commit frame. A torn frame (power cut
 * mid-write) or a frame left over from an earlier generation of the log ends the valid part, just
 * as SQLite ignores it.
 */
export interface CommittedWal {
  /** The database's size in pages after the last commit in the log. */
  readonly pageCount: number;
  /** Every page number the committed frames hold. */
  readonly pages: ReadonlySet<number>;
}

const WAL_HEADER_SIZE = 32;
const FRAME_HEADER_SIZE = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;

/** The committed part of `walFile`, or null when there is no log or it holds no valid commit for `pageSize`. */
export function readCommittedWal(walFile: string, pageSize: number): CommittedWal | null {
  let fd: number;
  try {
    fd = fs.openSync(walFile, 'r');
  } catch {
    return null;
  }
  try {
    return readFrames(fd, pageSize);
  } finally {
    fs.closeSync(fd);
  }
}

function readFrames(fd: number, pageSize: number): CommittedWal | null {
  const header = Buffer.alloc(WAL_HEADER_SIZE);
  if (fs.readSync(fd, header, 0, WAL_HEADER_SIZE, 0) < WAL_HEADER_SIZE) return null;
  const magic = header.readUInt32BE(0);
  if (magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN) return null;
  if (header.readUInt32BE(8) !== pageSize) return null;
  const bigEndian = magic === MAGIC_BIG_ENDIAN;
  let sum = walChecksum(header.subarray(0, 24), bigEndian, [0, 0]);
  if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return null;
  const salt1 = header.readUInt32BE(16);
  const salt2 = header.readUInt32BE(20);

  const frame = Buffer.alloc(FRAME_HEADER_SIZE + pageSize);
  const committed = new Set<number>();
  const pending: number[] = [];
  let pageCount = 0;
  for (let offset = WAL_HEADER_SIZE; ; offset += frame.length) {
    if (fs.readSync(fd, frame, 0, frame.length, offset) < frame.length) break;
    if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
    sum = walChecksum(frame.subarray(0, 8), bigEndian, sum);
    sum = walChecksum(frame.subarray(FRAME_HEADER_SIZE), bigEndian, sum);
    if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
    pending.push(frame.readUInt32BE(0));
    const sizeAfterCommit = frame.readUInt32BE(4);
    if (sizeAfterCommit > 0) {
      for (const page of pending.splice(0)) committed.add(page);
      pageCount = sizeAfterCommit;
    }
  }
  return pageCount > 0 ? { pageCount, pages: committed } : null;
}

/** SQLite's WAL checksum: two 32-bit sums over pairs of words, in the log's byte order. */
function walChecksum(data: Buffer, bigEndian: boolean, [start0, start1]: readonly [number, number]): [number, number] {
  let s0 = start0;
  let s1 = start1;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * Whether the log holds every page the main file lacks: a checkpoint on a full disk writes the
 * new page count into the file's header but cannot extend the file, while the pages stay safe in
 * the log, which SQLite reads them from (and copies them over once the disk has room).
 */
export function walHoldsMissingPages(walFile: string, pageSize: number, pagesInFile: number): boolean {
  const wal = readCommittedWal(walFile, pageSize);
  if (!wal) return false;
  for (let page = pagesInFile + 1; page <= wal.pageCount; page += 1) {
    if (!wal.pages.has(page)) return false;
  }
  return true;
}
