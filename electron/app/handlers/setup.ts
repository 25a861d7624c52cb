import type { setupChannels } from '../../../shared/contract/channels/setup.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';

export function setupHandlers(services: RegisterServices): HandlerMap<typeof setupChannels> {
  return {
    'setup.status': async () => services.setup.status(),
    'setup.run': async (input) => services.setup.run(input),
  };
}
