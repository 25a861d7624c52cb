import path from 'node:path';
import type { backupChannels } from '../../../shared/contract/channels/backup.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function backupHandlers(services: RegisterServices): HandlerMap<typeof backupChannels> {
  return {
    'backup.create': async (_input, ctx) => services.backup.create(signedIn(ctx)),
    'backup.list': async (_input, ctx) => ({ folder: await services.backup.folder(), items: await services.backup.list(signedIn(ctx)) }),
    // Only a backup by name from the configured folder: a window never names an arbitrary path.
    'backup.restore': async ({ name }, ctx) => {
      const result = await services.backup.restore(signedIn(ctx), path.join(await services.backup.folder(), name));
      return { restoredFrom: path.basename(result.restoredFrom), savedCurrentAs: result.savedCurrentAs };
    },
    'register.health': async (_input, ctx) => services.verification.health(signedIn(ctx)),
    'register.acknowledgeTamper': async (input, ctx) => services.verification.acknowledgeTamper(signedIn(ctx), input),
  };
}
