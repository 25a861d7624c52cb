import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from './support/crash.js';
import { recordFigure } from './support/figures.js';

const KILLS = Number(process.env.RELIABILITY_KILLS ?? 200);

describe('crash consistency (R7.7: no committed entry lost, no number skipped)', () => {
  it(`survives ${KILLS} SIGKILLs of a process issuing certificates`, async () => {
    const figures = await runCrashTrials({ kills: KILLS, lanes: Math.max(1, Math.min(4, os.cpus().length)) });
    expect(figures.kills).toBe(KILLS);
    recordFigure('crash', 'kills survived', figures.kills);
    recordFigure('crash', 'kills during start-up', figures.killedDuringStart);
    recordFigure('crash', 'entries committed', figures.entriesCommitted);
    recordFigure('crash', 'issues reported committed (all found)', figures.reportedCommitted);
  }, 3_600_000);
});
