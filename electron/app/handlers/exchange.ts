import { DeskError } from '../../../shared/contract/errors.js';
import { EXCHANGE_UPLOAD_MAX_BYTES, type exchangeChannels } from '../../../shared/contract/channels/exchange.js';
import type { ExchangeService } from '../../exchange/index.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import { signedIn } from './auth.js';

function decode(dataBase64: string): Buffer {
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length > EXCHANGE_UPLOAD_MAX_BYTES) throw new DeskError('invalid_input', 'errors.exchange.tooLarge');
  return data;
}

export function exchangeHandlers(exchange: ExchangeService): HandlerMap<typeof exchangeChannels> {
  return {
    'exchange.exportWorkplace': async ({ officeId }, ctx) => {
      const { fileName, data, passphrase, version } = await exchange.exportWorkplace(signedIn(ctx), officeId);
      return { fileName, dataBase64: data.toString('base64'), passphrase, version };
    },
    'exchange.recreateWorkplace': async ({ officeId, lastNumbers, statement }, ctx) => {
      const { data, fileName, passphrase, version, generation, lost } = await exchange.recreateWorkplace(signedIn(ctx), officeId, { lastNumbers, statement });
      return { fileName, dataBase64: data.toString('base64'), passphrase, version, generation, lost };
    },
    'exchange.offices': async () => exchange.offices(),
    'exchange.importWorkplace': async ({ dataBase64, passphrase }) => {
      const { officeId, officeCode, officeName, version } = await exchange.importWorkplace(decode(dataBase64), passphrase);
      return { officeId, officeCode, officeName, version };
    },
    'exchange.exportBundle': async (_input, ctx) => {
      const { data, ...bundle } = await exchange.exportBundle(signedIn(ctx));
      return { ...bundle, dataBase64: data.toString('base64') };
    },
    'exchange.importBundle': async ({ fileName, dataBase64 }, ctx) => exchange.importBundle(signedIn(ctx), decode(dataBase64), fileName),
    'exchange.exportUpdates': async ({ officeId }, ctx) => {
      const { fileName, data, version, acknowledgedSequence } = await exchange.exportUpdates(signedIn(ctx), officeId);
      return { fileName, dataBase64: data.toString('base64'), version, acknowledgedSequence };
    },
    'exchange.importUpdates': async ({ dataBase64 }, ctx) => {
      const { status, version, acknowledgedSequence } = await exchange.importUpdates(signedIn(ctx), decode(dataBase64));
      return { status, version, acknowledgedSequence };
    },
    'exchange.history': async (input, ctx) => {
      const rows = await exchange.history(signedIn(ctx), input);
      return { items: rows.map(({ fileDigest: _digest, marks: _marks, byUser: _by, ...row }) => row) };
    },
    'exchange.status': async () => exchange.status(),
  };
}
