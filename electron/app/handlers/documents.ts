import type { documentsChannels } from '../../../shared/contract/channels/documents.js';
import { kyivDate } from '../../documents/format.js';
import type { CouncilHeader } from '../../documents/models.js';
import { buildPublicKeysPdf, publicKeysModel } from '../../documents/public-keys-pdf.js';
import { type KeyStore, type VerificationLookup, verifyDocument } from '../../documents/verification.js';
import type { HandlerMap } from '../../ipc/handler-types.js';
import type { KeysOfRegister } from '../key-witness.js';
import type { WitnessVerdict } from '../../register/services/verification.js';

export interface DocumentsHandlerDeps {
  /** Whether this workstation's keys are the register's: with others, every document would look forged. */
  readonly keys: KeysOfRegister;
  /** Entries and short codes from the register (`document_codes`), and the offices' public keys. */
  readonly lookup: VerificationLookup;
  readonly keyStore: KeyStore;
  readonly councilHeader: () => Promise<CouncilHeader>;
  readonly now?: () => Date;
  /** A journal page's witness code against the register and its checkpoint log. */
  readonly witness?: (code: string) => Promise<WitnessVerdict>;
}

/** A journal page's footer code: 16 hexadecimal characters (a short code has 10 of its own alphabet). */
const WITNESS_CODE = /^[0-9a-f]{16}$/i;

export function documentsHandlers(deps: DocumentsHandlerDeps): HandlerMap<typeof documentsChannels> {
  const now = deps.now ?? (() => new Date());
  return {
    'documents.verify': async (input) => {
      if (WITNESS_CODE.test(input.text)) return { status: 'witness', witness: deps.witness ? await deps.witness(input.text.toLowerCase()) : { state: 'unknown' } };
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
