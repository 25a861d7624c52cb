import type { journalChannels } from '../../../shared/contract/channels/journal.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { RegisterServices } from '../../register/index.js';
import { signedIn } from './auth.js';

export function journalHandlers(services: RegisterServices): HandlerMap<typeof journalChannels> {
  return {
    'journal.search': async (input, ctx) => services.entries.searchEntries(signedIn(ctx), input),
    'journal.dayTotals': async ({ localDate }, ctx) => services.entries.dayTotals(signedIn(ctx), localDate),
    'journal.verify': async ({ journalId }, ctx) => services.verification.verifyJournal(signedIn(ctx), journalId),
  };
}
