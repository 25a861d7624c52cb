import type { KeyStore, VerificationLookup } from '../../documents/verification.js';
import { entryIdByShortCode } from '../repositories/document-codes.js';
import { getEntryRecord } from '../repositories/entries.js';
import { latestExchange } from '../repositories/exchange.js';
import { listOffices } from '../repositories/offices.js';
import { allOfficeDocumentKeys, codeSealOf, documentKeysOfEntryOffice } from '../repositories/office-document-keys.js';
import type { Sql } from '../sql.js';
import { storedWorkplace } from './workplace.js';

/**
 * What «Перевірка документа» checks a paper against: the register's entries and short codes,
 * this desk's own document keys, and — at the centre — the keys and code seals the remote
 * offices' bundles brought (R3.5), so their papers answer exactly as the centre's own.
 */
export function registerVerificationLookup(db: Sql, keyStore: KeyStore): VerificationLookup {
  return {
    byId: async (id) => (await getEntryRecord(db, id)) ?? null,
    idByShortCode: async (code) => (await entryIdByShortCode(db, code)) ?? null,
    publicKeys: async () => [
      ...keyStore.publicKeys(),
      ...(await allOfficeDocumentKeys(db)).map((row) => ({ officeCode: row.officeCode, publicKeyPem: row.publicKeyPem })),
    ],
    async codeSeal(entryId) {
      const seal = await codeSealOf(db, entryId);
      return seal === undefined ? null : { seal, officeKeys: await documentKeysOfEntryOffice(db, entryId) };
    },
    async awaitingFrom(officeCode) {
      // Only the centre receives bundles; a remote desk holds nothing of other offices.
      if ((await storedWorkplace(db)) !== undefined) return null;
      const office = (await listOffices(db)).find((candidate) => candidate.code === officeCode && candidate.kind === 'remote');
      if (!office) return null;
      const last = await latestExchange(db, office.id, 'bundle', 'import');
      return { officeCode: office.code, officeName: office.name, lastBundleAt: last?.at ?? null };
    },
  };
}
