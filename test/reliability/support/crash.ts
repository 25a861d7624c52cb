import { expect } from 'vitest';
import { spawnIssuer, type Issued } from './children.js';
import { prepareRegister, type PreparedRegister } from './desk.js';
import { inspectRegister, isGapFree } from './register-check.js';

export interface CrashFigures {
  kills: number;
  killedDuringStart: number;
  entriesCommitted: number;
  reportedCommitted: number;
}

/** Most kills land while certificates are being issued; some during start-up (migrations, login). */
const START_KILL_SHARE = 0.15;
const MAX_ISSUING_MS = 400;

/**
 * Kills an issuing child with SIGKILL `kills` times, spread over `lanes` registers worked in
 * parallel, and checks the register after every kill (R7.7).
 */
export async function runCrashTrials(options: { kills: number; lanes: number; random?: () => number }): Promise<CrashFigures> {
  const random = options.random ?? Math.random;
  const figures: CrashFigures = { kills: 0, killedDuringStart: 0, entriesCommitted: 0, reportedCommitted: 0 };
  const lanes = Array.from({ length: options.lanes }, (_, lane) => Math.floor(options.kills / options.lanes) + (lane < options.kills % options.lanes ? 1 : 0));
  await Promise.all(lanes.map((kills) => runLane(kills, random, figures)));
  return figures;
}

async function runLane(kills: number, random: () => number, figures: CrashFigures): Promise<void> {
  const register = await prepareRegister();
  const reported: Issued[] = [];
  let startupMs = 1500;
  try {
    for (let trial = 0; trial < kills; trial += 1) {
      const started = Date.now();
      const issuer = spawnIssuer(register);
      if (random() < START_KILL_SHARE) {
        await delay(random() * startupMs);
        figures.killedDuringStart += 1;
      } else {
        await Promise.race([issuer.ready, issuer.exited]);
        startupMs = Date.now() - started;
        await delay(random() * MAX_ISSUING_MS);
      }
      issuer.child.kill('SIGKILL');
      const exit = await issuer.exited;
      // A child that stopped by itself failed: the kill must be what ended it.
      expect(exit.signal, exit.stderr).toBe('SIGKILL');
      reported.push(...issuer.issued);
      figures.kills += 1;
      await checkAfterKill(register, reported);
    }
    figures.reportedCommitted += reported.length;
    figures.entriesCommitted += (await inspectRegister(register.dataDir, register.journalId)).numbers.length;
  } finally {
    register.remove();
  }
}

async function checkAfterKill(register: PreparedRegister, reported: readonly Issued[]): Promise<void> {
  const state = await inspectRegister(register.dataDir, register.journalId);
  expect(state.integrity).toEqual(['ok']);
  expect(isGapFree(state.numbers), `numbers ${state.numbers.slice(-5).join(',')}`).toBe(true);
  // The counter never runs ahead of the entries: a number is taken only with its entry.
  expect(state.counter).toBe(state.numbers.length);
  expect(state.verify).toEqual({ ok: true, entries: state.numbers.length });
  for (const issued of reported) expect(state.ids.get(issued.id), `reported ${issued.number}`).toBe(issued.number);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
