import type { customKindsChannels } from '../../../shared/contract/channels/kinds.js';
import type { templatesChannels } from '../../../shared/contract/channels/templates.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { TemplatesService } from '../../register/services/templates.js';
import { signedIn as sessionUser } from './auth.js';

export function templatesHandlers(service: TemplatesService): HandlerMap<typeof templatesChannels & typeof customKindsChannels> {
  return {
    'templates.list': async () => service.listTemplates(),
    'templates.get': async ({ kindId, version }) =>
      version === undefined ? service.currentTemplate(kindId) : service.templateVersion(kindId, version),
    'templates.save': async ({ kindId, text }, ctx) => service.saveTemplate(kindId, text, sessionUser(ctx)),
    'kinds.listCustom': async () => service.listCustomKinds(),
    'kinds.addCustom': async ({ kind, templateText }, ctx) =>
      service.addCustomKind(kind, templateText, sessionUser(ctx)),
  };
}
