import { DeskError } from '../../../shared/contract/errors.js';
import type { authChannels } from '../../../shared/contract/channels/auth.js';
import type { HandlerContext, HandlerMap } from '../../ipc/handler-types.js';
import type { SessionUser } from '../../register/services/session.js';
import type { RegisterServices } from '../../register/index.js';

/** The dispatcher refuses session channels without a user; this narrows the type for services. */
export function signedIn(ctx: HandlerContext): SessionUser {
  if (!ctx.user) throw new DeskError('unauthenticated', 'errors.unauthenticated');
  return ctx.user;
}

export function authHandlers(services: RegisterServices): HandlerMap<typeof authChannels> {
  return {
    'auth.login': async ({ login, password }, ctx) => services.auth.login(ctx.sessionKey, login, password),
    'auth.logout': async (_input, ctx) => {
      await services.auth.logout(ctx.sessionKey);
      return { ok: true };
    },
    'auth.me': async (_input, ctx) => ({ user: await services.auth.me(ctx.sessionKey) }),
  };
}
