import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { PreparedRegister } from './desk.js';

const root = path.resolve(import.meta.dirname, '../../..');
const childScript = path.join(import.meta.dirname, 'issuing-child.ts');

export interface Issued {
  number: number;
  id: string;
}

/** A running issuing child: what it reported so far, and when it became ready. */
export interface IssuerProcess {
  readonly child: ChildProcess;
  readonly issued: Issued[];
  readonly ready: Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) and stderr. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** `node --import tsx issuing-child.ts` against the prepared register. */
export function spawnIssuer(register: PreparedRegister & { database?: string }, count?: number): IssuerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    cwd: root,
    env: {
      ...process.env,
      DESK_DATA_DIR: register.dataDir,
      DESK_JOURNAL_ID: register.journalId,
      DESK_SIGNATORY_ID: register.signatoryId,
      ...(count !== undefined ? { DESK_ISSUE_COUNT: String(count) } : {}),
      ...(register.database ? { DESK_DATABASE: register.database } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const issued: Issued[] = [];
  let stderr = '';
  let pending = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') markReady();
      const match = /^issued (\d+) (\S+)$/.exec(line);
      if (match) issued.push({ number: Number(match[1]), id: match[2] ?? '' });
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    // 'close' waits for stdout to drain, so every line written before the kill has been read.
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
  return { child, issued, ready, exited };
}
