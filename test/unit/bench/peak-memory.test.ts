import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const harness = path.resolve(import.meta.dirname, '../../../electron/bench/harness.ts');
const MB = 1024 * 1024;

describe.runIf(process.platform === 'linux')('peak resident memory of a bench child', () => {
  it('is the child’s own, not the resident size of the parent that started it', () => {
    // The parent holds (and touches) 400 MB while it starts the child, as the bench does after
    // generating a register in-process.
    const held = Buffer.alloc(400 * MB, 1);
    const script = `import { peakResidentMb } from ${JSON.stringify(harness)}; console.log(peakResidentMb());`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    const childPeak = Number(output.trim().split('\n').at(-1));
    expect(held.length).toBe(400 * MB);
    expect(childPeak).toBeGreaterThan(10);
    expect(childPeak).toBeLessThan(300);
  });
});
