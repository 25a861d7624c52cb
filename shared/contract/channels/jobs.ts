import { z } from 'zod';
import { defineChannel } from '../define.js';
import { deskErrorSchema } from '../errors.js';
import { backupInfoSchema, restoreResultSchema } from './backup.js';
import { pdfFileSchema } from './documents.js';

/**
 * Long operations show progress and can be cancelled: journal pages, backup and restore start a job and answer its id;
 * the window polls `jobs.status` for the stage and progress, and may cancel where that is safe.
 */
export const jobKinds = ['journalPages', 'backup', 'restore'] as const;
export type JobKind = (typeof jobKinds)[number];

/** The stages of each kind, in the order they run. */
export const jobStages = {
  journalPages: ['reading', 'layout', 'rendering'],
  backup: ['copying', 'checking'],
  restore: ['checking', 'saving', 'replacing'],
} as const satisfies Record<JobKind, readonly string[]>;
export type JobStage<K extends JobKind = JobKind> = (typeof jobStages)[K][number];

/**
 * Stages where stopping would leave the register half-changed: the restore's replacing step
 * writes the backup over the live register, so it runs to its end once begun.
 */
export const uncancellableStages: { readonly [K in JobKind]: readonly JobStage<K>[] } = {
  journalPages: [],
  backup: [],
  restore: ['replacing'],
};

export function isCancellableStage<K extends JobKind>(kind: K, stage: JobStage<K>): boolean {
  return !(uncancellableStages[kind] as readonly string[]).includes(stage);
}

export const jobStateSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof jobStateSchema>;

const jobIdSchema = z.string().uuid();

/** Shared by every kind; `result` is present only when `state` is 'done', `error` only when 'failed'. */
const progressFields = {
  jobId: jobIdSchema,
  state: jobStateSchema,
  /** Units done of `total` (rows for journal pages, database pages for backup and restore). */
  done: z.number().nonnegative(),
  /** Null while the amount of work is not known yet: the progress bar is indeterminate. */
  total: z.number().nonnegative().nullable(),
  /** False in stages where stopping is unsafe (restore 'replacing') and once the job has ended. */
  cancellable: z.boolean(),
  error: deskErrorSchema.optional(),
};

export const jobStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('journalPages'), stage: z.enum(jobStages.journalPages), result: pdfFileSchema.optional(), ...progressFields }),
  z.object({ kind: z.literal('backup'), stage: z.enum(jobStages.backup), result: backupInfoSchema.optional(), ...progressFields }),
  z.object({ kind: z.literal('restore'), stage: z.enum(jobStages.restore), result: restoreResultSchema.optional(), ...progressFields }),
]);
export type JobStatus = z.infer<typeof jobStatusSchema>;
export type JobStatusOf<K extends JobKind> = Extract<JobStatus, { kind: K }>;
export type JobResultOf<K extends JobKind> = NonNullable<JobStatusOf<K>['result']>;

export const jobsChannels = {
  'jobs.status': defineChannel({
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: jobStatusSchema,
    // Public so the window that started a restore can read its outcome after the restore logged
    // everyone out; the handler lets only the user who started a job (or, for a finished restore,
    // the same window) see it, and a finished job's status is given once.
    access: 'public',
    mutates: false,
    summary:
      'Stage, progress and, once ended, the result or error of a job the caller started; a finished job is forgotten once read (or after a few minutes).',
  }),
  'jobs.cancel': defineChannel({
    input: z.object({ jobId: jobIdSchema }).strict(),
    output: jobStatusSchema,
    access: 'session',
    mutates: false,
    summary:
      "Stops a job of the caller's where that is safe and answers its final status ('cancelled', or 'done' if it finished first); conflict in a stage that cannot be stopped.",
  }),
} as const;
