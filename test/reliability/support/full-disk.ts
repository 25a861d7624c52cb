import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, openSync, readSync, closeSync, fstatSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../../electron/cli/main.js';
import { registerPath } from '../../../electron/register/database.js';
import { issueInput, openDesk, type PreparedRegister } from './desk.js';
import { inspectRegister, isGapFree } from './register-check.js';

const root = path.resolve(import.meta.dirname, '../../..');
const childScript = path.join(import.meta.dirname, 'full-disk-child.ts');

/** Why a real small filesystem cannot be made here, or null when it can (root on Linux with mount rights). */
export const tmpfsUnavailable: string | null = (() => {
  if (process.platform !== 'linux') return `not Linux (${process.platform}): no tmpfs`;
  if (process.getuid?.() !== 0) return 'not root: mount -t tmpfs needs root';
  const probe = mkdtempSync(path.join(os.tmpdir(), 'desk-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount -t tmpfs failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

/** A tmpfs of `sizeMb` mounted on a fresh folder; `grow` gives the disk room again. */
export interface SmallDisk {
  readonly dir: string;
  grow(sizeMb: number): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMb: number): SmallDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'desk-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
  let mounted = true;
  return {
    dir,
    grow: (size) => execFileSync('mount', ['-o', `remount,size=${size}m`, dir], { stdio: 'pipe' }),
    unmount: () => {
      if (mounted) execFileSync('umount', [dir], { stdio: 'pipe' });
      mounted = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the register file's header promises against what the file holds, in pages. */
export function headerAgainstFile(file: string): { headerPages: number; filePages: number } {
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    return { headerPages: header.readUInt32BE(28), filePages: Math.floor(fstatSync(fd).size / pageSize) };
  } finally {
    closeSync(fd);
  }
}

export interface FullDiskChild {
  readonly child: ChildProcess;
  readonly issued: { number: number; id: string }[];
  readonly refusals: string[];
  /** Resolves once the child has been refused `count` times in a row since its last issue. */
  refusedInARow(count: number): Promise<void>;
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `full-disk-child.ts` on `dataDir`: issues until the disk is full and keeps trying. */
export function spawnFullDiskChild(register: PreparedRegister, dataDir: string, pageRoom?: number): FullDiskChild {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    cwd: root,
    env: {
      ...process.env,
      DESK_DATA_DIR: dataDir,
      DESK_JOURNAL_ID: register.journalId,
      DESK_SIGNATORY_ID: register.signatoryId,
      ...(pageRoom !== undefined ? { DESK_PAGE_ROOM: String(pageRoom) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issued: { number: number; id: string }[] = [];
  const refusals: string[] = [];
  let inARow = 0;
  let waiting: { count: number; resolve: () => void } | undefined;
  let stdout = '';
  let stderr = '';
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const issue = /^issued (\d+) (\S+)$/.exec(line);
      const refusal = /^refused (\S+)$/.exec(line);
      if (issue) {
        issued.push({ number: Number(issue[1]), id: issue[2] ?? '' });
        inARow = 0;
      }
      if (refusal) {
        refusals.push(refusal[1] ?? '');
        inARow += 1;
      }
      if (waiting && inARow >= waiting.count) waiting.resolve();
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  const refusedInARow = (count: number) =>
    new Promise<void>((resolve, reject) => {
      waiting = { count, resolve };
      void exited.then(({ code, stderr: err }) => reject(new Error(`the issuing child ended (${code}) before the disk was full: ${err}`)));
    });
  return { child, issued, refusals, refusedInARow, exited };
}

/** Copies the data folder (register, -wal, -shm, keys) as it is now: what a disk holds when the power goes. */
export function copyDataFolder(dataDir: string, to: string): void {
  mkdirSync(to, { recursive: true });
  cpSync(dataDir, to, { recursive: true });
}

export interface AfterRestart {
  /** Exit code of `npm run cli -- verify --data-dir` and what it printed. */
  verifyExit: number;
  verifyReport: string;
  /** Entries in the journal after the desk opened the register again. */
  entriesFound: number;
  gapFree: boolean;
  chainOk: boolean;
  integrity: string[];
  /** Ids the desk reported issued that are not in the register. */
  missingIds: string[];
  /** The number the next certificate took once there was room again. */
  nextNumber: number;
}

/**
 * What the next start sees: `cli verify` on the data folder first (read-only, before anything
 * has touched the files), then the desk opened on it as the app opens it, its start-up checks,
 * and one more certificate.
 */
export async function restartAndCount(register: PreparedRegister, dataDir: string, issued: readonly { id: string }[]): Promise<AfterRestart> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const verifyExit = await runCli(['verify', '--data-dir', dataDir], io);
  const desk = await openDesk(dataDir);
  let nextNumber: number;
  try {
    await desk.desk.startupChecks;
    const health = await desk.desk.register.verification.verifyAllJournals();
    const journal = health.journals.find((check) => check.journalId === register.journalId);
    if (!journal?.result?.ok) throw new Error(`the start-up check did not pass the journal: ${JSON.stringify(journal)}`);
    const { entry } = await desk.call('entries.issueCertificate', issueInput(register));
    nextNumber = entry.number;
  } finally {
    await desk.desk.close();
  }
  const state = await inspectRegister(dataDir, register.journalId);
  const before = state.numbers.filter((number) => number !== nextNumber);
  return {
    verifyExit,
    verifyReport: lines.join('\n'),
    entriesFound: before.length,
    gapFree: isGapFree(state.numbers),
    chainOk: state.verify.ok,
    integrity: state.integrity,
    missingIds: issued.map((entry) => entry.id).filter((id) => !state.ids.has(id)),
    nextNumber,
  };
}

export type DiskLimit = { kind: 'tmpfs'; sizeMb: number } | { kind: 'pages'; room: number };

export interface FullDiskTrial {
  /** Certificates the desk reported issued before the disk was full. */
  issued: number;
  /** Every refusal's message key (all must be `errors.storage.full`). */
  refusals: string[];
  /** The file's header against its size when the desk had stopped, before space returned. */
  header: { headerPages: number; filePages: number };
  /** The next start on the data folder once there is room again. */
  after: AfterRestart;
  /** `stop: 'killed'` only: the files as they were at the moment of the kill, opened elsewhere (power cut). */
  powerCut?: AfterRestart;
}

/**
 * Issues on a disk that fills up (a tmpfs of `sizeMb`, or `room` pages of `max_page_count`) until
 * `refusals` refusals in a row, then stops the desk while the disk is still full — cleanly (as the
 * app closes) or by SIGKILL, after freezing the writer mid-attempt and copying its files (what a
 * power cut leaves) — gives the disk room again and restarts on the folder and on the copy.
 */
export async function fullDiskTrial(register: PreparedRegister, limit: DiskLimit, stop: 'clean' | 'killed', refusals = 3): Promise<FullDiskTrial> {
  const disk = limit.kind === 'tmpfs' ? mountSmallDisk(limit.sizeMb) : undefined;
  const powerCutDir = stop === 'killed' ? mkdtempSync(path.join(os.tmpdir(), 'desk-power-cut-')) : undefined;
  try {
    const dataDir = disk ? path.join(disk.dir, 'data') : register.dataDir;
    if (disk) cpSync(register.dataDir, dataDir, { recursive: true });
    const child = spawnFullDiskChild(register, dataDir, limit.kind === 'pages' ? limit.room : undefined);
    await child.refusedInARow(refusals);
    if (stop === 'clean') {
      child.child.kill('SIGTERM');
      const { code, stdout, stderr } = await child.exited;
      if (code !== 0 || !stdout.includes('closed')) throw new Error(`the desk did not close cleanly (${code}): ${stderr}`);
    } else {
      child.child.kill('SIGSTOP');
      if (powerCutDir) copyDataFolder(dataDir, powerCutDir);
      child.child.kill('SIGKILL');
      await child.exited;
    }
    const header = headerAgainstFile(registerPath(dataDir));
    disk?.grow(limit.kind === 'tmpfs' ? limit.sizeMb * 4 : 0);
    const after = await restartAndCount(register, dataDir, child.issued);
    const powerCut = powerCutDir ? await restartAndCount(register, powerCutDir, child.issued) : undefined;
    return { issued: child.issued.length, refusals: child.refusals, header, after, ...(powerCut ? { powerCut } : {}) };
  } finally {
    disk?.unmount();
    if (powerCutDir) rmSync(powerCutDir, { recursive: true, force: true });
  }
}

/** Everything committed before the disk filled is there after the restart, and numbering goes on from it (R7.7). */
export function expectEverythingCommittedSurvives(after: AfterRestart, issued: number): void {
  expect(after.verifyExit, after.verifyReport).toBe(0);
  expect(after.integrity).toEqual(['ok']);
  expect(after.missingIds).toEqual([]);
  expect(after.entriesFound).toBe(issued);
  expect(after.gapFree).toBe(true);
  expect(after.chainOk).toBe(true);
  expect(after.nextNumber).toBe(issued + 1);
}

/** A trial whose every refusal was the clear «disk full» and whose every committed entry survived, in the folder and in the power-cut copy. */
export function expectTrialSurvived(trial: FullDiskTrial): void {
  expect(trial.issued).toBeGreaterThan(0);
  expect(new Set(trial.refusals)).toEqual(new Set(['errors.storage.full']));
  expectEverythingCommittedSurvives(trial.after, trial.issued);
  if (trial.powerCut) expectEverythingCommittedSurvives(trial.powerCut, trial.issued);
}
