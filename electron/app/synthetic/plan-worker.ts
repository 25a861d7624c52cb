import { parentPort, workerData } from 'node:worker_threads';
import { planBatches, type PlanSpec } from './plan.js';

/**
 * The planning thread's body (started by `planOnThread`): plans the batches and posts each to
 * the writing thread, never more than `AHEAD` it has not taken yet, so a million planned
 * entries do not pile up in memory while the writer is slower.
 */

const AHEAD = 2;

const port = parentPort;
if (!port) throw new Error('plan-worker runs as a worker thread');
const { spec } = workerData as { spec: PlanSpec };
let credits = AHEAD;
let taken: (() => void) | undefined;
port.on('message', () => {
  credits += 1;
  taken?.();
});
for await (const batch of planBatches(spec)) {
  while (credits === 0) await new Promise<void>((resolve) => (taken = resolve));
  credits -= 1;
  port.postMessage(batch);
}
port.postMessage(null);
