import { Worker } from 'node:worker_threads';
import type { PlannedItem, PlanSpec } from './plan.js';

/**
 * Planning on a second thread while this one writes: names, households, contents and
 * their checklists are about a third of a generated entry's cost, and the machines the bench
 * runs on have two cores. The plan is the same as on this thread (`planBatches`): same spec,
 * same code, same random sequence.
 */

const WORKER_ENTRY = new URL('./plan-worker.ts', import.meta.url).href;

/**
 * The worker runs the TypeScript sources through tsx, as `npm run cli` and `npm run bench` do; a
 * worker does not inherit the loader, so the worker registers it before loading its body.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.loader)
  .then(({ register }) => register())
  .then(() => import(workerData.entry))
  .catch((error) => setImmediate(() => { throw error; }));
`;

/** The tsx loader for the worker, when these are the TypeScript sources (not the app's bundle). */
function typeScriptLoader(): string | undefined {
  if (!import.meta.url.endsWith('.ts')) return undefined;
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
}

/** Whether `planOnThread` can run here: from the sources with tsx installed. */
export function canPlanOnThread(): boolean {
  return typeScriptLoader() !== undefined;
}

type Message = { batch: PlannedItem[] | null } | { error: Error };

/** The plan, batch by batch, planned on a worker thread a batch or two ahead of the caller. */
export async function* planOnThread(spec: PlanSpec): AsyncGenerator<PlannedItem[]> {
  const loader = typeScriptLoader();
  if (!loader) throw new Error('planning on a thread needs the TypeScript sources and tsx');
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { loader, entry: WORKER_ENTRY, spec } });
  const arrived: Message[] = [];
  let wake: (() => void) | undefined;
  const deliver = (message: Message) => {
    arrived.push(message);
    wake?.();
  };
  worker.on('message', (batch: PlannedItem[] | null) => deliver({ batch }));
  worker.on('error', (error) => deliver({ error }));
  worker.on('exit', (code) => deliver(code === 0 ? { batch: null } : { error: new Error(`the planning thread stopped (exit code ${code})`) }));
  try {
    for (;;) {
      const message = arrived.shift();
      if (!message) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('error' in message) throw message.error;
      if (message.batch === null) return;
      worker.postMessage('taken');
      yield message.batch;
    }
  } finally {
    await worker.terminate();
  }
}
