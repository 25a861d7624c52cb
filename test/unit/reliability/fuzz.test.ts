import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../reliability/support/fuzz.js';
import { onPostgres } from '../../support/register-backend.js';

// Compares the embedded file's digest before and after; the same channels answer hostile input the same way on either backend (the dispatcher validates before any service runs).
describe.skipIf(onPostgres)('hostile input, short (`npm run test:reliability` sends 10 000)', () => {
  it('answers 700 hostile payloads on every channel with envelopes and leaves the register unchanged', async () => {
    const figures = await runFuzz({ payloads: 700, seed: 9 });
    expect(figures.problems).toEqual([]);
    expect(figures.payloads).toBeGreaterThanOrEqual(700);
    expect(figures.sentOverBridge).toBe(figures.payloads);
    expect(figures.changedTables).toEqual([]);
    expect(figures.digestAfter).toBe(figures.digestBefore);
    expect(figures.prototypePolluted).toBe(false);
  }, 120_000);
});
