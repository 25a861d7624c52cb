import type { kindDecisionsChannels } from '../../../shared/contract/channels/kinds.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { KindDecisionsService } from '../../register/services/kind-decisions.js';
import { signedIn } from './auth.js';

export function kindDecisionsHandlers(service: KindDecisionsService): HandlerMap<typeof kindDecisionsChannels> {
  return {
    'kinds.decisions.list': async () => service.list(),
    'kinds.decisions.record': async (input, ctx) => service.record(signedIn(ctx), input),
  };
}
