import type { usersChannels } from '../../../shared/contract/channels/users.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function usersHandlers(services: RegisterServices): HandlerMap<typeof usersChannels> {
  return {
    'users.list': async (_input, ctx) => ({ items: await services.users.list(signedIn(ctx)) }),
    'users.create': async (input, ctx) => services.users.create(signedIn(ctx), input),
    'users.update': async (input, ctx) => services.users.update(signedIn(ctx), input),
    'users.resetPassword': async (input, ctx) => {
      await services.users.resetPassword(signedIn(ctx), input);
      return { ok: true };
    },
  };
}
