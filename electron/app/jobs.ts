import { v4 as uuidv4 } from 'uuid';
import {
  isCancellableStage,
  type JobKind,
  type JobResultOf,
  type JobStage,
  type JobState,
  type JobStatus,
  type JobStatusOf,
} from '../../shared/contract/channels/jobs.js';
import { DeskError, type DeskErrorShape } from '../../shared/contract/errors.js';
import type { DispatchLogger } from '../ipc/dispatch.js';
import type { SessionUser } from '../register/services/session.js';

/**
 * Long operations as jobs, so they show progress and can be cancelled: a channel starts the work
 * and answers at once; the work reports its stage and progress here, and a window polls the status
 * and may cancel through an AbortController where the stage allows it. Jobs live in memory only:
 * they belong to this process and to the window that started them.
 */

/** Who started a job: the user, and the window (session slot) they started it from. */
export interface JobOwner {
  readonly userId: string;
  readonly sessionKey: string;
}

/** Who asks: the session's user (null once logged out) and the window asking. */
export interface JobCaller {
  readonly user: SessionUser | null;
  readonly sessionKey: string;
}

export interface JobProgress<K extends JobKind> {
  readonly stage: JobStage<K>;
  readonly done?: number;
  /** Null while unknown; left out to keep the previous total. */
  readonly total?: number | null;
}

export type ReportProgress<K extends JobKind> = (progress: JobProgress<K>) => void;

export interface JobSpec<K extends JobKind> {
  readonly kind: K;
  readonly owner: JobOwner;
  readonly firstStage: JobStage<K>;
  readonly run: (report: ReportProgress<K>, signal: AbortSignal) => Promise<JobResultOf<K>>;
  /** Jobs sharing this name never run at once (backup and restore both copy the register file). */
  readonly exclusive?: string;
  /**
   * The job ends every session (restore): once finished, its status may still be read by the
   * window that started it, so the renderer learns the outcome before it returns to the login.
   */
  readonly outlivesSessions?: boolean;
}

interface Job {
  readonly id: string;
  readonly kind: JobKind;
  readonly owner: JobOwner;
  readonly exclusive: string | undefined;
  readonly outlivesSessions: boolean;
  readonly controller: AbortController;
  stage: string;
  done: number;
  total: number | null;
  state: JobState;
  result?: unknown;
  error?: DeskErrorShape;
  endedAt?: number;
  /** When a finished job is dropped: a while after it ended, sooner once its outcome was read. */
  forgetAt?: number;
  settled: Promise<void>;
}

export interface JobRegistryOptions {
  readonly now?: () => Date;
  readonly logger?: DispatchLogger;
  /** A finished job nobody read is forgotten after this long. */
  readonly keepFinishedMs?: number;
}

export type JobListener = (status: JobStatus) => void;

const KEEP_FINISHED_MS = 5 * 60_000;
const READ_GRACE_MS = 10_000;

function errorShapeOf(error: unknown, logger: DispatchLogger | undefined, kind: JobKind): DeskErrorShape {
  if (error instanceof DeskError) return error.toShape();
  // The class and code only: messages of database errors can quote personal data.
  logger?.error('job failed', { kind, error: error instanceof Error ? error.name : typeof error, code: String((error as { code?: unknown } | null)?.code ?? '') });
  return new DeskError('internal', 'errors.internal').toShape();
}

export function createJobRegistry(options: JobRegistryOptions = {}) {
  const now = options.now ?? (() => new Date());
  const keepFinishedMs = options.keepFinishedMs ?? KEEP_FINISHED_MS;
  const jobs = new Map<string, Job>();
  const listeners = new Set<JobListener>();

  function statusOf(job: Job): JobStatus {
    const cancellable = job.state === 'running' && !job.controller.signal.aborted && isCancellableStage(job.kind, job.stage as JobStage);
    return {
      jobId: job.id,
      kind: job.kind,
      stage: job.stage,
      state: job.state,
      done: job.done,
      total: job.total,
      cancellable,
      ...(job.state === 'done' ? { result: job.result } : {}),
      ...(job.error ? { error: job.error } : {}),
    } as JobStatus;
  }

  function notify(job: Job): void {
    if (listeners.size === 0) return;
    const status = statusOf(job);
    for (const listener of listeners) listener(status);
  }

  /** Finished jobs are dropped lazily, on the next use of the registry. */
  function forgetStale(): void {
    const at = now().getTime();
    for (const [id, job] of jobs) if (job.forgetAt !== undefined && job.forgetAt <= at) jobs.delete(id);
  }

  /** Not found for anyone else, so a job id reveals nothing about other people's work. */
  function ownJob(jobId: string, caller: JobCaller): Job {
    forgetStale();
    const job = jobs.get(jobId);
    const byUser = job !== undefined && caller.user?.userId === job.owner.userId;
    // A restore logs everyone out before its last step (signing the restored checkpoints) ends:
    // the window that started it keeps following it by its session key, running or finished.
    const byWindowAfterLogout = job !== undefined && job.outlivesSessions && caller.sessionKey === job.owner.sessionKey;
    if (!job || !(byUser || byWindowAfterLogout)) throw new DeskError('not_found', 'errors.jobs.notFound');
    return job;
  }

  /**
   * Once a finished job's outcome has been read it is kept only briefly (the result may be large):
   * long enough for a poll and a cancel that crossed each other to both get the final status.
   */
  function read(job: Job): JobStatus {
    if (job.state !== 'running') job.forgetAt = Math.min(job.forgetAt ?? Infinity, now().getTime() + READ_GRACE_MS);
    return statusOf(job);
  }

  async function execute<K extends JobKind>(job: Job, spec: JobSpec<K>): Promise<void> {
    const report: ReportProgress<K> = (progress) => {
      if (job.state !== 'running') return;
      job.stage = progress.stage;
      if (progress.done !== undefined) job.done = progress.done;
      if (progress.total !== undefined) job.total = progress.total;
      notify(job);
    };
    try {
      // The work starts on a later turn: the starting call answers with the id first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      job.controller.signal.throwIfAborted();
      job.result = await spec.run(report, job.controller.signal);
      job.state = 'done';
    } catch (error) {
      if (job.controller.signal.aborted) job.state = 'cancelled';
      else {
        job.state = 'failed';
        job.error = errorShapeOf(error, options.logger, job.kind);
      }
    }
    job.endedAt = now().getTime();
    job.forgetAt = job.endedAt + keepFinishedMs;
    notify(job);
  }

  return {
    /** Starts a job and answers its id at once; a conflict when an exclusive job of the same name runs. */
    start<K extends JobKind>(spec: JobSpec<K>): { jobId: string } {
      forgetStale();
      if (spec.exclusive !== undefined) {
        const running = [...jobs.values()].some((job) => job.exclusive === spec.exclusive && job.state === 'running');
        if (running) throw new DeskError('conflict', 'errors.jobs.busy');
      }
      const job: Job = {
        id: uuidv4(),
        kind: spec.kind,
        owner: spec.owner,
        exclusive: spec.exclusive,
        outlivesSessions: spec.outlivesSessions ?? false,
        controller: new AbortController(),
        stage: spec.firstStage,
        done: 0,
        total: null,
        state: 'running',
        settled: Promise.resolve(),
      };
      jobs.set(job.id, job);
      job.settled = execute(job, spec);
      return { jobId: job.id };
    },

    status(jobId: string, caller: JobCaller): JobStatus {
      return read(ownJob(jobId, caller));
    },

    /**
     * Stops the job where that is safe and waits for it to wind down (the work checks its signal
     * between steps), then answers the final status: 'cancelled', or 'done' if it finished first.
     */
    async cancel(jobId: string, caller: JobCaller): Promise<JobStatus> {
      const job = ownJob(jobId, caller);
      if (job.state === 'running') {
        if (!isCancellableStage(job.kind, job.stage as JobStage)) throw new DeskError('conflict', 'errors.jobs.cannotStopNow', { stage: job.stage });
        job.controller.abort();
        notify(job);
        await job.settled;
      }
      return read(job);
    },

    /** Every change of any job, as it happens (progress, end); answers a function that stops listening. */
    observe(listener: JobListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Stops every running job that can be stopped and waits for all of them (the desk is closing). */
    async stopAll(): Promise<void> {
      for (const job of jobs.values()) if (job.state === 'running' && isCancellableStage(job.kind, job.stage as JobStage)) job.controller.abort();
      await Promise.all([...jobs.values()].map((job) => job.settled));
    },
  };
}

export type JobRegistry = ReturnType<typeof createJobRegistry>;

type StatusCall = (channel: 'jobs.status', input: { jobId: string }) => Promise<JobStatus>;

/**
 * For callers without a window (the sample documents, tests): polls `jobs.status` until the job
 * ends and answers its result, or throws its error (a cancelled job throws conflict).
 */
export async function jobResult<K extends JobKind>(call: StatusCall, kind: K, jobId: string, pollMs = 10): Promise<JobResultOf<K>> {
  for (;;) {
    const status = await call('jobs.status', { jobId });
    if (status.kind !== kind) throw new DeskError('internal', 'errors.jobs.notFound');
    if (status.state === 'done') return (status as JobStatusOf<K>).result as JobResultOf<K>;
    if (status.state === 'failed') throw DeskError.fromShape(status.error ?? new DeskError('internal').toShape());
    if (status.state === 'cancelled') throw new DeskError('conflict', 'errors.jobs.cancelled');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
