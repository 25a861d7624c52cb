import { afterEach, describe, expect, it } from 'vitest';
import { prepareRegister, type PreparedRegister } from '../../reliability/support/desk.js';
import { expectTrialSurvived, fullDiskTrial, tmpfsUnavailable, type DiskLimit, type FullDiskTrial } from '../../reliability/support/full-disk.js';
import { onPostgres } from '../../support/register-backend.js';

let register: PreparedRegister | undefined;
afterEach(async () => {
  await register?.remove();
  register = undefined;
});

if (tmpfsUnavailable) console.log(`[full disk] the tmpfs cases are skipped: ${tmpfsUnavailable}`);

async function trial(limit: DiskLimit, stop: 'clean' | 'killed'): Promise<FullDiskTrial> {
  register = await prepareRegister();
  const result = await fullDiskTrial(register, limit, stop);
  expectTrialSurvived(result);
  if (stop === 'killed') expect(result.powerCut).toBeDefined();
  return result;
}

// The short form of test/reliability/full-disk.test.ts. The embedded register's own disk: a server keeps its files itself.
describe.skipIf(onPostgres)('a full disk is survived (R7.7: no committed entry lost, no number skipped)', () => {
  describe.skipIf(tmpfsUnavailable !== null)('on a real 3 MB tmpfs', () => {
    it('stopped cleanly while full: the desk and cli verify open every committed entry once space returns', async () => {
      const result = await trial({ kind: 'tmpfs', sizeMb: 3 }, 'clean');
      // The closing checkpoint wrote the header but could not extend the file: the state SQLite
      // recovers from the WAL and the old size check refused as «truncated».
      expect(result.header.headerPages).toBeGreaterThan(result.header.filePages);
    }, 120_000);

    it('killed while full, and the files copied at that moment (a power cut)', async () => {
      await trial({ kind: 'tmpfs', sizeMb: 3 }, 'killed');
    }, 120_000);
  });

  describe('by PRAGMA max_page_count', () => {
    it('stopped cleanly while full', async () => {
      await trial({ kind: 'pages', room: 60 }, 'clean');
    }, 120_000);

    it('killed while full, and the files copied at that moment (a power cut)', async () => {
      await trial({ kind: 'pages', room: 60 }, 'killed');
    }, 120_000);
  });
});
