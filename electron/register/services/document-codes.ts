import { putDocumentCode, shortCodeOfEntry } from '../repositories/document-codes.js';
import type { ServiceContext } from './context.js';

/**
 * The short check codes printed on certificates, each bound to its entry once: issuing binds it in
 * the entry's transaction, printing binds one an older entry lacks, the exchange carries it to the
 * centre, and checking a paper finds the entry by it.
 */
export function createDocumentCodesService(ctx: ServiceContext) {
  return {
    codeOf: (entryId: string): Promise<string | undefined> => shortCodeOfEntry(ctx.db, entryId),
    bind: (entryId: string, code: string): Promise<void> => putDocumentCode(ctx.db, entryId, code),
  };
}

export type DocumentCodesService = ReturnType<typeof createDocumentCodesService>;
