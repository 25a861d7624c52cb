import type { auditChannels } from '../../../shared/contract/channels/audit.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function auditHandlers(services: RegisterServices): HandlerMap<typeof auditChannels> {
  return {
    'audit.list': async (input, ctx) => services.audit.list(signedIn(ctx), input),
    'audit.viewersOfEntry': async ({ entryId }, ctx) => ({ items: await services.audit.viewersOfEntry(signedIn(ctx), entryId) }),
  };
}
