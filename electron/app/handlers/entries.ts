import type { entriesChannels } from '../../../shared/contract/channels/entries.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function entriesHandlers(services: RegisterServices): HandlerMap<typeof entriesChannels> {
  return {
    'entries.get': async ({ id }, ctx) => services.entries.getEntry(signedIn(ctx), id),
    'entries.handover': async (input, ctx) => services.entries.handover(signedIn(ctx), input),
    'entries.annul': async (input, ctx) => services.entries.annul(signedIn(ctx), input),
    'entries.knownCase': async (input, ctx) => services.entries.knownCase(signedIn(ctx), input),
  };
}
