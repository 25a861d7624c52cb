import type { officesChannels } from '../../../shared/contract/channels/offices.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function officesHandlers(services: RegisterServices): HandlerMap<typeof officesChannels> {
  return {
    'offices.list': async () => ({ items: await services.offices.list() }),
    'offices.create': async (input, ctx) => services.offices.create(signedIn(ctx), input),
    'offices.update': async (input, ctx) => services.offices.update(signedIn(ctx), input),
  };
}
