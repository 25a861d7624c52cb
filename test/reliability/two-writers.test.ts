import { describe, expect, it } from 'vitest';
import { recordFigure } from './support/figures.js';
import { isGapFree } from './support/register-check.js';
import { runTwoWriters } from './support/two-writers.js';

const PER_WRITER = Number(process.env.RELIABILITY_WRITES ?? 300);

describe('two writers on one register file (R7.12)', () => {
  it(`two processes issuing ${PER_WRITER} certificates each never share or skip a number`, async () => {
    const outcome = await runTwoWriters(PER_WRITER);
    expect(outcome.exits).toEqual([{ code: 0, stderr: '' }, { code: 0, stderr: '' }]);
    const numbers = outcome.reported.flat().map((issued) => issued.number).sort((a, b) => a - b);
    expect(isGapFree(numbers)).toBe(true);
    expect(outcome.state.numbers).toEqual(numbers);
    expect(outcome.state.verify).toEqual({ ok: true, entries: 2 * PER_WRITER });
    const interleavings = countInterleavings(outcome.reported.map((issued) => issued.map((i) => i.number)));
    recordFigure('two writers', 'certificates issued by two processes at once', 2 * PER_WRITER);
    recordFigure('two writers', 'turns where the writer changed', interleavings);
  }, 600_000);
});

function countInterleavings([first = [], second = []]: number[][]): number {
  const owner = new Map<number, number>([...first.map((n): [number, number] => [n, 0]), ...second.map((n): [number, number] => [n, 1])]);
  const order = [...owner.keys()].sort((a, b) => a - b);
  return order.filter((n, i) => i > 0 && owner.get(n) !== owner.get(order[i - 1]!)).length;
}
