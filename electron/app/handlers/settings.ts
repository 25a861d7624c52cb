import type { requisitesChannels } from '../../../shared/contract/channels/requisites.js';
import type { settingsChannels } from '../../../shared/contract/channels/settings.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function settingsHandlers(services: RegisterServices): HandlerMap<typeof settingsChannels & typeof requisitesChannels> {
  return {
    'settings.get': async () => services.settings.get(),
    'settings.update': async (input, ctx) => services.settings.update(signedIn(ctx), input),
    'requisites.get': async () => services.settings.getRequisites(),
    'requisites.update': async (input, ctx) => services.settings.updateRequisites(signedIn(ctx), input),
  };
}
