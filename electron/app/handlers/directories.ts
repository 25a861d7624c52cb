import type { directoriesChannels } from '../../../shared/contract/channels/directories.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { DirectoriesService } from '../../register/services/directories.js';
import { signedIn as sessionUser } from './auth.js';

export function directoriesHandlers(service: DirectoriesService): HandlerMap<typeof directoriesChannels> {
  return {
    'directories.signatories.list': async (input) => service.listSignatories(input),
    'directories.signatories.save': async (input, ctx) => service.saveSignatory(input, sessionUser(ctx)),
    'directories.bodies.list': async (input) => service.listBodies(input),
    'directories.bodies.get': async ({ id }) => service.getBody(id),
    'directories.bodies.history': async ({ id }) => service.bodyHistory(id),
    'directories.bodies.save': async (input, ctx) => service.saveBody(input, sessionUser(ctx)),
    'directories.bodies.addPost': async (input, ctx) => service.addPost(input, sessionUser(ctx)),
    'directories.bodies.closePost': async (input, ctx) => service.closePost(input, sessionUser(ctx)),
    'directories.settlements.list': async () => service.listSettlements(),
    'directories.settlements.save': async (input, ctx) => service.saveSettlement(input, sessionUser(ctx)),
    'directories.streets.list': async ({ settlementId }) => service.listStreets(settlementId),
    'directories.streets.suggest': async (input) => service.suggestStreets(input),
    'directories.streets.save': async (input, ctx) => service.saveStreet(input, sessionUser(ctx)),
  };
}
