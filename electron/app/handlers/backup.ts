import path from 'node:path';
import type { backupChannels } from '../../../shared/contract/channels/backup.js';
import type { registerChannels } from '../../../shared/contract/channels/register.js';
import { DeskError } from '../../../shared/contract/errors.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import type { BackupProgress } from '../../register/services/backup.js';
import type { JobRegistry } from '../jobs.js';
import { signedIn } from './auth.js';

/** Backup and restore both copy the whole register file: one at a time, as jobs with progress. */
const REGISTER_COPY = 'register-copy';

const pagesDone = ({ totalPages, remainingPages }: BackupProgress) => ({ done: totalPages - remainingPages, total: totalPages });

/** A register on a server is backed up by the server's own routine: refused before any job starts. */
function requireEmbedded(services: RegisterServices): void {
  if (!services.ctx.db.sqlite) throw new DeskError('conflict', 'errors.backup.onServer');
}

export function backupHandlers(services: RegisterServices, jobs: JobRegistry): HandlerMap<typeof backupChannels & typeof registerChannels> {
  return {
    'backup.create': async (_input, ctx) => {
      const user = signedIn(ctx);
      requireEmbedded(services);
      return jobs.start({
        kind: 'backup',
        owner: { userId: user.userId, sessionKey: ctx.sessionKey },
        firstStage: 'copying',
        exclusive: REGISTER_COPY,
        run: (report, signal) =>
          services.backup.create(user, {
            signal,
            onStage: (stage) => report({ stage, ...(stage === 'checking' ? { done: 0, total: null } : {}) }),
            onProgress: (progress) => report({ stage: 'copying', ...pagesDone(progress) }),
          }),
      });
    },
    'backup.list': async (_input, ctx) => ({ folder: await services.backup.folder(), items: await services.backup.list(signedIn(ctx)) }),
    // Only a backup by name from the configured folder: a window never names an arbitrary path.
    'backup.restore': async ({ name }, ctx) => {
      const user = signedIn(ctx);
      requireEmbedded(services);
      const file = path.join(await services.backup.folder(), name);
      let stage: 'checking' | 'saving' | 'replacing' = 'checking';
      return jobs.start({
        kind: 'restore',
        owner: { userId: user.userId, sessionKey: ctx.sessionKey },
        firstStage: 'checking',
        exclusive: REGISTER_COPY,
        // The restore logs everyone out; the window that started it still reads the outcome.
        outlivesSessions: true,
        run: async (report, signal) => {
          const result = await services.backup.restore(user, file, {
            signal,
            onStage: (next) => {
              stage = next;
              report({ stage, done: 0, total: null });
            },
            onProgress: (progress) => report({ stage, ...pagesDone(progress) }),
          });
          return { restoredFrom: path.basename(result.restoredFrom), savedCurrentAs: result.savedCurrentAs };
        },
      });
    },
    'register.health': async (_input, ctx) => services.verification.health(signedIn(ctx)),
    'register.acknowledgeTamper': async (input, ctx) => services.verification.acknowledgeTamper(signedIn(ctx), input),
  };
}
