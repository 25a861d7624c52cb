/**
 * What the exchange (electron/exchange/) may do to the register, granted here and nowhere else.
 * A bundle or package carries rows another desk already wrote under the services' rules, signed
 * and chained there: they are copied as they are, under the exchange's own checks (signatures,
 * pinned keys, chain continuity, R3.5), so the exchange reads and writes rows rather than calling
 * the services that made them. Anything the exchange needs beyond this list is added here, in
 * view of the reviewer, not imported from the repositories behind it.
 */
export { insertAudit } from '../repositories/audit.js';
// The centre as witness of remote journals: the journal's hashes, the checkpoints it kept, the bundles it flagged.
export { entryAtPosition, entryHashesAfter, type EntryHashRow } from '../repositories/checkpoints.js';
export { insertWitnessedCheckpoint, insertWitnessFlag, journalHashesAfter, latestWitnessedCheckpoint, latestWitnessedOfOffice, witnessFlagsOfOffice, type WitnessFlagReason } from '../repositories/centre-witness.js';
export { closePostPeriod, insertPost, selectBodies, selectPosts, selectSettlements, selectSignatories, selectStreets, upsertBody, upsertSettlement, upsertSignatory, upsertStreet } from '../repositories/directories.js';
export { putDocumentCode, shortCodeOfEntry } from '../repositories/document-codes.js';
export { firstNumberOfYear, insertAnnulment, insertHandover, insertReissue, journalCounters, journalFirstNumbers } from '../repositories/entries.js';
export { annulmentsBetween, auditBetween, currentRowMarks, documentCodesBetween, entriesBetween, entryOwner, exchangeByDigest, exchangeBySequence, getAnnulmentRow, getDocumentCodeRow, getHandoverRow, getPinnedKeys, getReissueRow, handoversBetween, insertExchangeLog, insertForeignEntry, journalHead, latestAcknowledged, latestExchange, latestPackageVersion, latestTemplateVersions, listExchangeLog, NO_ROWS, pinOfficeKeys, reissuesBetween, selectAllTemplateVersions, userExists, type ChainHead, type ExchangeLogRow, type ForeignEntryRow, type RowMarks } from '../repositories/exchange.js';
export { getJournal, insertJournal, insertJournalYearStart, journalYearCounted, listJournals, selectJournalYearStarts, updateJournal, type JournalYearStartRow } from '../repositories/journals.js';
export { insertKindDecision, kindDecisionExists, selectKindDecisions, type KindDecisionRow } from '../repositories/kind-decisions.js';
export { getOffice, insertOffice, listOffices, updateOffice } from '../repositories/offices.js';
export { codeSealOf, insertOfficeDocumentKey, officeDocumentKeys, putCodeSeal } from '../repositories/office-document-keys.js';
export { insertLostNumbers, journalLostNumbers, lostRangeAt, stepsOver, type LostNumbers } from '../repositories/lost-numbers.js';
export { currentGeneration, insertRecreation, installationKeys, listRecreations, officeRecords, type JournalHeadMark } from '../repositories/office-recreations.js';
export { putSetting } from '../repositories/settings.js';
export { customKindExists, insertCustomKind, insertNextTemplateVersion, selectCustomKinds, type CustomKindRecord, type TemplateVersionRow } from '../repositories/templates.js';
export { getUser, insertUser, listUsers, setPasswordHash, updateUserProfile, type UserRow } from '../repositories/users.js';
