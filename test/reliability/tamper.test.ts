import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigure } from './support/figures.js';
import { applyTamper, copyOf, prepareBaseRegister, READ_ONLY_REFUSAL, startAndObserve, TAMPER_KINDS, type BaseRegister } from './support/tamper.js';

const CASES = Number(process.env.RELIABILITY_TAMPER_CASES ?? 120);
const ENTRIES = 25;

let base: BaseRegister;
beforeAll(async () => {
  base = await prepareBaseRegister(ENTRIES);
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

describe('tampering (R7.7)', () => {
  it(`finds ${CASES} random edits, deletions and reorderings with the exact entry and keeps the journal read-only`, async () => {
    const random = seeded(Number(process.env.RELIABILITY_SEED ?? 2025));
    let detectedExactly = 0;
    let refusedWrites = 0;
    for (let index = 0; index < CASES; index += 1) {
      const kind = TAMPER_KINDS[index % TAMPER_KINDS.length]!;
      // Any entry but the last (whose neighbour some kinds need); the last for `delete_last`.
      const at = kind === 'delete_last' ? ENTRIES : 1 + Math.floor(random() * (ENTRIES - 1));
      const register = copyOf(base);
      const expected = applyTamper(register, base.entries, kind, at);
      const someEntry = base.entries[at === 1 ? 1 : 0]!;
      const { outcome, desk } = await startAndObserve(register, someEntry.id);
      try {
        expect(outcome.firstBad, `${kind} at ${at}`).toMatchObject(expected);
        expect(outcome.readOnlyShown).toBe(true);
        expect(outcome.issueRefused).toBe(READ_ONLY_REFUSAL);
        expect(outcome.annulRefused).toBe(READ_ONLY_REFUSAL);
        expect(outcome.readsWork).toBe(true);
        detectedExactly += 1;
        refusedWrites += 2;
      } finally {
        desk.desk.close();
        register.remove();
      }
    }
    recordFigure('tamper', 'tampering cases detected with the exact entry', `${detectedExactly} of ${CASES} (${TAMPER_KINDS.length} kinds)`);
    recordFigure('tamper', 'writes refused as read-only', refusedWrites);
  }, 3_600_000);
});
