import { afterEach, describe, expect, it } from 'vitest';
import { prepareRegister, type PreparedRegister } from './support/desk.js';
import { recordFigure } from './support/figures.js';
import { expectTrialSurvived, fullDiskTrial, tmpfsUnavailable, type DiskLimit } from './support/full-disk.js';

const TMPFS_MB = Number(process.env.RELIABILITY_DISK_MB ?? 20);
const PAGE_ROOM = Number(process.env.RELIABILITY_PAGE_ROOM ?? 2000);

let register: PreparedRegister | undefined;
afterEach(async () => {
  await register?.remove();
  register = undefined;
});

if (tmpfsUnavailable) {
  console.log(`[full disk] the tmpfs cases are skipped: ${tmpfsUnavailable}`);
  recordFigure('full disk', 'tmpfs cases', `skipped: ${tmpfsUnavailable}`);
}

async function trialWithFigures(name: string, limit: DiskLimit, stop: 'clean' | 'killed'): Promise<void> {
  register = await prepareRegister();
  const trial = await fullDiskTrial(register, limit, stop, 5);
  recordFigure(name, 'entries issued before the disk filled', trial.issued);
  recordFigure(name, 'refusals (all errors.storage.full)', trial.refusals.length);
  recordFigure(name, 'file header / file, pages, when stopped', `${trial.header.headerPages} / ${trial.header.filePages}`);
  recordFigure(name, 'entries found after restart (desk and cli verify)', `${trial.after.entriesFound} (verify exit ${trial.after.verifyExit})`);
  recordFigure(name, 'next number once space returned', trial.after.nextNumber);
  if (trial.powerCut) recordFigure(name, 'entries found in the power-cut copy', trial.powerCut.entriesFound);
  expectTrialSurvived(trial);
  if (stop === 'killed') expect(trial.powerCut).toBeDefined();
}

describe('a full disk is survived (R7.7: no committed entry lost, no number skipped)', () => {
  describe.skipIf(tmpfsUnavailable !== null)(`on a real ${TMPFS_MB} MB tmpfs`, () => {
    it('stopped cleanly while full', async () => {
      await trialWithFigures(`full disk: ${TMPFS_MB} MB tmpfs, clean stop`, { kind: 'tmpfs', sizeMb: TMPFS_MB }, 'clean');
    }, 1_800_000);

    it('killed while full, the files copied at that moment (power cut)', async () => {
      await trialWithFigures(`full disk: ${TMPFS_MB} MB tmpfs, SIGKILL and power cut`, { kind: 'tmpfs', sizeMb: TMPFS_MB }, 'killed');
    }, 1_800_000);
  });

  describe(`by PRAGMA max_page_count (${PAGE_ROOM} pages of room)`, () => {
    it('stopped cleanly while full', async () => {
      await trialWithFigures('full disk: max_page_count, clean stop', { kind: 'pages', room: PAGE_ROOM }, 'clean');
    }, 1_800_000);

    it('killed while full, the files copied at that moment (power cut)', async () => {
      await trialWithFigures('full disk: max_page_count, SIGKILL and power cut', { kind: 'pages', room: PAGE_ROOM }, 'killed');
    }, 1_800_000);
  });
});
