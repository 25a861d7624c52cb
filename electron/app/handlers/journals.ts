import type { journalsChannels } from '../../../shared/contract/channels/journals.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function journalsHandlers(services: RegisterServices): HandlerMap<typeof journalsChannels> {
  return {
    'journals.list': async (input, ctx) => ({ items: await services.journals.list(signedIn(ctx), input) }),
    'journals.create': async (input, ctx) => services.journals.create(signedIn(ctx), input),
    'journals.update': async (input, ctx) => services.journals.update(signedIn(ctx), input),
    'journals.yearStarts.list': async ({ journalId }, ctx) => services.journals.yearStarts(signedIn(ctx), journalId),
    'journals.yearStarts.set': async (input, ctx) => services.journals.setYearStart(signedIn(ctx), input),
  };
}
