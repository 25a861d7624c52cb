import type { documentsChannels } from '../../../shared/contract/channels/documents.js';
import { kyivDate } from '../../documents/format.js';
import type { CouncilHeader } from '../../documents/models.js';
import { buildPublicKeysPdf, publicKeysModel } from '../../documents/public-keys-pdf.js';
import { type KeyStore, type VerificationLookup, verifyDocument } from '../../documents/verification.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { KeysOfRegister } from '../key-witness.js';

export interface DocumentsHandlerDeps {
  /** Whether this workstation's keys are the register's: with others, every document would look forged. */
  readonly keys: KeysOfRegister;
  /** Entries and short codes from the register (`document_codes`), and the offices' public keys. */
  readonly lookup: VerificationLookup;
  readonly keyStore: KeyStore;
  readonly councilHeader: () => Promise<CouncilHeader>;
  readonly now?: () => Date;
}

export function documentsHandlers(deps: DocumentsHandlerDeps): HandlerMap<typeof documentsChannels> {
  const now = deps.now ?? (() => new Date());
  return {
    'documents.verify': async (input) => {
      await deps.keys.assertSame({ record: false });
      return verifyDocument(input.text, deps.lookup, deps.keyStore.shortCodeSecret());
    },
    'documents.publicKeys': async () => {
      const at = now();
      const model = publicKeysModel(await deps.councilHeader(), await deps.lookup.publicKeys(), kyivDate(at));
      const pdf = await buildPublicKeysPdf(model, at);
      return { keys: model.keys, pdfBase64: pdf.toString('base64') };
    },
  };
}
