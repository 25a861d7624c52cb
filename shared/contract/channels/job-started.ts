import { z } from 'zod';

/**
 * What a channel that starts a long operation answers at once: the job's id, whose
 * progress and outcome `jobs.status` reports. Kept apart from jobs.ts so the channel files that
 * start jobs and the status schema (which names their results) do not import each other.
 */
export const jobStartedSchema = z.object({ jobId: z.string().uuid() }).strict();
export type JobStarted = z.infer<typeof jobStartedSchema>;
