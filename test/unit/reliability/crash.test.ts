import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../../reliability/support/crash.js';
import { onPostgres } from '../../support/register-backend.js';

// SIGKILL of a process writing the embedded file; the server's counterpart (a connection dropped mid-transaction) is in test/unit/postgres.
describe.skipIf(onPostgres)('crash consistency, short (R7.7; `npm run test:reliability` kills 200 times)', () => {
  it('survives 6 SIGKILLs of a process issuing certificates', async () => {
    const figures = await runCrashTrials({ kills: 6, lanes: 2 });
    expect(figures.kills).toBe(6);
    expect(figures.reportedCommitted).toBeGreaterThan(0);
  }, 120_000);
});
