import { describe, expect, it } from 'vitest';
import { recordFigure } from './support/figures.js';
import { runFuzz } from './support/fuzz.js';

const PAYLOADS = Number(process.env.RELIABILITY_PAYLOADS ?? 10_000);

describe('hostile input (rejected, nothing changed)', () => {
  it(`answers ${PAYLOADS} hostile payloads on every channel, directly and over the bridge, and leaves the register unchanged`, async () => {
    const figures = await runFuzz({ payloads: PAYLOADS, seed: Number(process.env.RELIABILITY_SEED ?? 2025) });
    recordFigure('fuzz', 'channels', figures.channels);
    recordFigure('fuzz', 'payloads sent (each to the dispatcher and over HTTP)', figures.payloads);
    recordFigure('fuzz', 'anonymous payloads', figures.anonymous);
    recordFigure('fuzz', 'valid writes not sent', figures.skippedValidWrites);
    recordFigure('fuzz', 'ok answers (valid reads)', figures.okAnswers);
    recordFigure('fuzz', 'error codes', Object.entries(figures.errorCodes).map(([code, n]) => `${code} ${n}`).join(', '));
    recordFigure('fuzz', 'register digest unchanged', String(figures.digestAfter === figures.digestBefore));
    expect(figures.problems).toEqual([]);
    expect(figures.payloads).toBeGreaterThanOrEqual(PAYLOADS);
    expect(figures.changedTables).toEqual([]);
    expect(figures.digestAfter).toBe(figures.digestBefore);
    expect(figures.prototypePolluted).toBe(false);
  }, 3_600_000);
});
