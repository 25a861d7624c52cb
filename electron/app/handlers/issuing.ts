import type { issuingChannels } from '../../../shared/contract/channels/entries.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { IssuingService } from '../issuing.js';
import { signedIn } from './auth.js';

export function issuingHandlers(issuing: IssuingService): HandlerMap<typeof issuingChannels> {
  return {
    'entries.issueCertificate': async (input, ctx) => ({ entry: await issuing.issueCertificate(signedIn(ctx), input) }),
    'entries.certify': async (input, ctx) => ({ entry: await issuing.certify(signedIn(ctx), input) }),
    'entries.refuse': async (input, ctx) => ({ entry: await issuing.refuse(signedIn(ctx), input) }),
  };
}
