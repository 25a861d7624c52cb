import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.js';
import { applyCheckpointAttack, CHECKPOINT_ATTACKS, prepareCheckpointedRegister, type CheckpointedRegister } from './support/checkpoint-attacks.js';
import { issueInput, openDesk } from './support/desk.js';
import { recordFigure } from './support/figures.js';
import { copyOf, READ_ONLY_REFUSAL, startAndObserve } from './support/tamper.js';

const CASES = Number(process.env.RELIABILITY_CHECKPOINT_CASES ?? 60);
const RESTORES = Math.max(1, Math.round(CASES / 12));
const ENTRIES = 25;
const OLD_AT = 17;

let base: CheckpointedRegister;
beforeAll(async () => {
  base = await prepareCheckpointedRegister(ENTRIES, OLD_AT);
}, 600_000);
afterAll(() => base.remove());

/** A small deterministic generator, so a failing case can be replayed with the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const quiet = { out: () => undefined, err: () => undefined };

describe('signed checkpoints outside the register (R7.7)', () => {
  it(`finds ${CASES} rewrites with recomputed chains, cut tails and old copies put back, after a restart`, async () => {
    const random = seeded(Number(process.env.RELIABILITY_SEED ?? 2025));
    const found: Record<string, number> = {};
    for (let index = 0; index < CASES; index += 1) {
      const kind = CHECKPOINT_ATTACKS[index % CHECKPOINT_ATTACKS.length]!;
      // Rewrite any entry; cut the tail to any length but the full one.
      const at = 1 + Math.floor(random() * (ENTRIES - 1));
      const register = copyOf(base);
      const expected = applyCheckpointAttack(register, base, kind, at);
      const { outcome, desk } = await startAndObserve(register, base.entries[0]!.id);
      try {
        expect(outcome.firstBad, `${kind} at ${at}`).toMatchObject(expected);
        expect(outcome.readOnlyShown).toBe(true);
        expect(outcome.issueRefused).toBe(READ_ONLY_REFUSAL);
      } finally {
        await desk.desk.close();
      }
      await expect(runCli(['verify', '--data-dir', register.dataDir], quiet)).resolves.toBe(1);
      await register.remove();
      found[kind] = (found[kind] ?? 0) + 1;
    }
    const detail = CHECKPOINT_ATTACKS.map((kind) => `${kind} ${found[kind] ?? 0}`).join(', ');
    recordFigure('checkpoints', 'attacks the chain alone misses, found with the exact entry after a restart', `${CASES} of ${CASES} (${detail})`);
  });

  it(`${RESTORES} legitimate restores verify after a restart and name the backup`, async () => {
    let verified = 0;
    for (let index = 0; index < RESTORES; index += 1) {
      const register = copyOf(base);
      try {
        const { desk } = await openDesk(register.dataDir);
        const backup = await desk.register.backup.create(null);
        await desk.close();
        const more = await openDesk(register.dataDir);
        for (let extra = 0; extra <= index % 3; extra += 1) await more.call('entries.issueCertificate', issueInput(register));
        await more.desk.close();
        // Alternate the desk's own restore and the command line's.
        if (index % 2) {
          const again = await openDesk(register.dataDir);
          await again.desk.register.backup.restore(null, backup.file);
          await again.desk.close();
        } else {
          await expect(runCli(['restore', '--data-dir', register.dataDir, '--from', backup.file], quiet)).resolves.toBe(0);
        }
        const { outcome, desk: after } = await startAndObserve(register, base.entries[0]!.id);
        try {
          expect(outcome.detected).toBe(false);
          const health = await after.call('register.health', {});
          expect(health.journals.find((journal) => journal.journalId === register.journalId)?.checkpoint?.restored?.from).toBe(backup.name);
        } finally {
          await after.desk.close();
        }
        verified += 1;
      } finally {
        await register.remove();
      }
    }
    recordFigure('checkpoints', 'legitimate restores (desk and cli) verified after a restart', `${verified} of ${RESTORES}`);
  });
});
