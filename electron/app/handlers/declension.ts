import type { declensionChannels } from '../../../shared/contract/channels/declension.js';
import type { Decliner } from '../../declension/decliner.js';
import type { HandlerMap } from '../../ipc/handler-types.js';

export function declensionHandlers(decliner: Decliner): HandlerMap<typeof declensionChannels> {
  return {
    'declension.decline': async ({ gender, ...name }) => decliner.decline(name, gender),
  };
}
