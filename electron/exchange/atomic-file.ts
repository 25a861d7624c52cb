import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK_BYTES = 256 * 1024;

/**
 * Writes `data` to `target` so that a pulled stick never holds a half-written package: the bytes
 * go to `<target>.partial`, are flushed to the device, and only then renamed into place (and the
 * folder flushed where the system allows). A failure removes the partial file.
 */
export function writeFileAtomically(target: string, data: Buffer, onProgress: (written: number, total: number) => void = () => undefined): void {
  const partial = `${target}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
      const end = Math.min(offset + CHUNK_BYTES, data.length);
      let written = offset;
      while (written < end) written += writeSync(fd, data, written, end - written);
      onProgress(end, data.length);
    }
    if (data.length === 0) onProgress(0, 0);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(partial, target);
  syncFolder(dirname(target));
}

/** Makes the rename itself durable; Windows cannot open a folder for fsync, and does not need to. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this file system; the file's own data are already flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
