import fs from 'node:fs';
import path from 'node:path';

/**
 * The checkpoint log: `<data folder>/checkpoints/<journal id>.log`, outside the register file, one
 * signed note per line (JSON-encoded, so a note's newlines stay inside its line). Lines are only
 * ever appended, each with one write and an fdatasync. A crash can leave the last line torn: it
 * does not parse and is skipped, and the next append starts on a fresh line, so a torn line
 * never stops the desk nor hides the lines before it.
 */

export const CHECKPOINT_FOLDER = 'checkpoints';
const TAIL_BYTES = 64 * 1024;

export function checkpointFolder(dataDir: string): string {
  return path.join(dataDir, CHECKPOINT_FOLDER);
}

function logFile(dataDir: string, journalId: string, suffix = '.log'): string {
  if (!/^[0-9A-Za-z-]+$/.test(journalId)) throw new Error('Not a journal id');
  return path.join(checkpointFolder(dataDir), `${journalId}${suffix}`);
}

/** Beside each log, the checkpoints the centre cosigned (remote offices): `<journal id>.cosigned`. */
const COSIGNED = '.cosigned';

/**
 * Appends one note, durable when the promise settles (the folder too, when the file is new). The
 * data is synced on libuv's threads, so a slow disk never holds up the desk's event loop. Whether
 * the file ends with a torn line is looked at once per process and journal: after that every line
 * this process writes is whole (one write of a whole line, O_APPEND).
 */
export async function appendNote(dataDir: string, journalId: string, note: string, lookForTornEnd: boolean, suffix = '.log'): Promise<void> {
  const folder = checkpointFolder(dataDir);
  const file = logFile(dataDir, journalId, suffix);
  const fresh = !fs.existsSync(file);
  if (fresh) await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 });
  const handle = await fs.promises.open(file, 'a+', 0o600);
  try {
    let torn = false;
    if (lookForTornEnd && !fresh) {
      const { size } = await handle.stat();
      const last = Buffer.alloc(1);
      torn = size > 0 && (await handle.read(last, 0, 1, size - 1)).bytesRead === 1 && last[0] !== 0x0a;
    }
    await handle.write(`${torn ? '\n' : ''}${JSON.stringify(note)}\n`);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  if (fresh) syncFolder(folder);
}

function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a folder (Windows); the file's own data is already synced.
  }
}

function notesOf(text: string): string[] {
  const notes: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('"')) continue;
    try {
      const note: unknown = JSON.parse(line);
      if (typeof note === 'string') notes.push(note);
    } catch {
      // A torn line (a crash during an append) or a foreign one: not a checkpoint.
    }
  }
  return notes;
}

/** The last notes of a journal's log (its last 64 KB), oldest first; none when there is no log. */
export function readRecentNotes(dataDir: string, journalId: string): string[] {
  const file = logFile(dataDir, journalId);
  if (!fs.existsSync(file)) return [];
  const fd = fs.openSync(file, 'r');
  try {
    const { size } = fs.fstatSync(fd);
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    fs.readSync(fd, buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    // Starting mid-file, the first line is a fragment.
    return notesOf(start === 0 ? text : text.slice(text.indexOf('\n') + 1));
  } finally {
    fs.closeSync(fd);
  }
}

/** Every note of a journal's log, oldest first: for finding where a rewrite starts and for witness codes. */
export function readAllNotes(dataDir: string, journalId: string): string[] {
  const file = logFile(dataDir, journalId);
  return fs.existsSync(file) ? notesOf(fs.readFileSync(file, 'utf8')) : [];
}

/** The journals that have a checkpoint log in this data folder. */
export function loggedJournalIds(dataDir: string): string[] {
  const folder = checkpointFolder(dataDir);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .map((name) => name.slice(0, -'.log'.length));
}

/** Appends a checkpoint the centre cosigned (the office's note with the centre's line added). */
export function appendCosigned(dataDir: string, journalId: string, cosigned: string): Promise<void> {
  return appendNote(dataDir, journalId, cosigned, true, COSIGNED);
}

/** Every cosigned checkpoint kept for a journal, oldest first (unverified). */
export function readCosigned(dataDir: string, journalId: string): string[] {
  const file = logFile(dataDir, journalId, COSIGNED);
  return fs.existsSync(file) ? notesOf(fs.readFileSync(file, 'utf8')) : [];
}
