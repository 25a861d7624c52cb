import type { jobsChannels } from '../../../shared/contract/channels/jobs.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { JobRegistry } from '../jobs.js';

/** Status and cancel of long operations; the registry answers only the job's owner. */
export function jobsHandlers(jobs: JobRegistry): HandlerMap<typeof jobsChannels> {
  return {
    'jobs.status': async ({ jobId }, ctx) => jobs.status(jobId, { user: ctx.user, sessionKey: ctx.sessionKey }),
    'jobs.cancel': async ({ jobId }, ctx) => jobs.cancel(jobId, { user: ctx.user, sessionKey: ctx.sessionKey }),
  };
}
