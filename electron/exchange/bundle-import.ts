import { createHash } from 'node:crypto';
import { DeskError } from '../../shared/contract/errors.js';
import { canonicalJson } from '../../shared/domain/canonical-json.js';
import { entryContentSchema } from '../../shared/domain/entry.js';
import type { Journal, Office } from '../../shared/domain/directories-core.js';
import type { SessionUser } from '../register/services/session.js';
import { entryHash, GENESIS_HASH } from '../register/hash-chain.js';
import {
  entryOwner,
  exchangeByDigest,
  type ForeignEntryRow,
  getAnnulmentRow,
  getDocumentCodeRow,
  getHandoverRow,
  getJournal,
  getOffice,
  getPinnedKeys,
  getReissueRow,
  insertAnnulment,
  insertAudit,
  insertExchangeLog,
  insertForeignEntry,
  insertHandover,
  insertReissue,
  journalFirstNumbers,
  journalHead,
  journalLostNumbers,
  latestExchange,
  pinOfficeKeys,
  putDocumentCode,
  stepsOver,
  userExists,
} from '../register/services/replication.js';
import { writeAudit } from '../register/services/audit.js';
import type { ServiceContext } from '../register/services/context.js';
import { searchTextOf } from '../register/search-text.js';
import { fileDigest, openPackage, readPackageHeader } from './container.js';
import { receiveDocumentTrust } from './document-keys.js';
import { openExchangeIdentity, samePublicKey, type ExchangeIdentity } from './keys.js';
import { bundlePayloadSchema, readEnvelope, signatureValid, type BundlePayload } from './payloads.js';
import { refuseReplacedInstallation } from './recreate.js';
import { importMarksSchema, requireCentralDesk } from './state.js';
import { checkBundleWitness, keepWitnessed, recordWitnessFlag, WitnessRefusal } from './centre-witness.js';

export interface JournalImportLine {
  journalId: string;
  journalIndex: string;
  count: number;
  fromNumber: string | null;
  toNumber: string | null;
}

/** What came in (the import report, R3.5): counts by kind and the numbers from–to of each journal. */
export interface BundleImportReport {
  status: 'imported' | 'already_imported';
  officeId: string;
  officeCode: string;
  sequence: number;
  fileName: string;
  periodFrom: string | null;
  periodTo: string | null;
  counts: Record<string, number>;
  journals: JournalImportLine[];
  at: string;
}

function refuse(what: string, params?: Record<string, string | number>): DeskError {
  return new DeskError('rule_violation', `errors.exchange.${what}`, params);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The remote office a bundle claims to come from, if the centre ever issued it a workplace package. */
async function enrolledOffice(ctx: ServiceContext, officeId: string): Promise<Office> {
  const office = await getOffice(ctx.db, officeId);
  const issued = await latestExchange(ctx.db, officeId, 'workplace', 'export');
  if (!office || office.kind !== 'remote' || !issued) throw refuse('unknownOffice', { office: office?.code ?? officeId });
  return office;
}

/**
 * The signature must be the pinned key's. Before the first bundle nothing is pinned: then the
 * bundle must carry the one-time token of the office's latest workplace package, and its keys
 * are pinned with it (trust on the first bundle, R3.5).
 */
async function checkSigner(ctx: ServiceContext, office: Office, payload: BundlePayload, envelope: ReturnType<typeof readEnvelope>): Promise<boolean> {
  await refuseReplacedInstallation(ctx, office, payload, envelope);
  const pinned = await getPinnedKeys(ctx.db, office.id);
  if (pinned) {
    const sameKeys = samePublicKey(pinned.signingKey, payload.officeKeys.signingKey) && samePublicKey(pinned.encryptionKey, payload.officeKeys.encryptionKey);
    if (sameKeys && signatureValid(envelope, pinned.signingKey)) return false;
    await refuseSecondInstallation(ctx, office, payload, envelope, pinned.pinnedAt);
    throw refuse('wrongSigner', { office: office.code });
  }
  if (!(await enrolledByPackage(ctx, office, payload)) || !signatureValid(envelope, payload.officeKeys.signingKey)) throw refuse('wrongSigner', { office: office.code });
  return true;
}

/** The bundle carries the one-time token of the office's latest workplace package. */
async function enrolledByPackage(ctx: ServiceContext, office: Office, payload: BundlePayload): Promise<boolean> {
  const issued = await latestExchange(ctx.db, office.id, 'workplace', 'export');
  const expected = (issued?.marks as { enrolmentHash?: unknown } | undefined)?.enrolmentHash;
  return payload.enrolment !== undefined && typeof expected === 'string' && sha256(payload.enrolment) === expected;
}

/**
 * One package, one PC: the keys a desk makes when it is installed are its installation identity,
 * and the office's first bundle pins them. A genuine install from the same package on another
 * PC (right token, its own valid signature, other keys) is named as such, so nobody mistakes its
 * journal — numbered again from 1 — for the office's.
 */
async function refuseSecondInstallation(
  ctx: ServiceContext,
  office: Office,
  payload: BundlePayload,
  envelope: ReturnType<typeof readEnvelope>,
  pinnedAt: string,
): Promise<void> {
  if (!(await enrolledByPackage(ctx, office, payload)) || !signatureValid(envelope, payload.officeKeys.signingKey)) return;
  throw refuse('secondInstallation', { office: office.code, date: pinnedAt.slice(0, 10) });
}

/**
 * Never older than the last imported (a replay of a bundle the centre has gone past is refused).
 * A later bundle may skip lost ones: it carries everything since the last bundle the centre
 * confirmed, so it supersedes them, as long as it does not start after a bundle the centre lacks.
 */
async function checkSequence(ctx: ServiceContext, office: Office, payload: BundlePayload): Promise<{ auditUpTo: number; superseded: number }> {
  const last = await latestExchange(ctx.db, office.id, 'bundle', 'import');
  const lastSequence = last?.sequence ?? 0;
  if (payload.sequence <= lastSequence) throw refuse('outOfOrder', { office: office.code, sequence: payload.sequence, last: lastSequence });
  // The bundle starts after a bundle the centre does not have (its register restored from an older backup?).
  if (payload.baseSequence > lastSequence) throw refuse('gap', { office: office.code, sequence: payload.baseSequence, expected: lastSequence });
  const marks = importMarksSchema.safeParse(last?.marks);
  return { auditUpTo: marks.success ? marks.data.auditUpTo : 0, superseded: payload.sequence - lastSequence - 1 };
}

function recomputedHash(entry: ForeignEntryRow, content: unknown): string {
  return entryHash(entry.prevHash, {
    id: entry.id,
    journalId: entry.journalId,
    year: entry.year,
    number: entry.number,
    printedNumber: entry.printedNumber,
    sort: entry.sort,
    kinds: entry.kinds,
    createdAt: entry.createdAt,
    localDate: entry.localDate,
    createdBy: entry.createdBy,
    content,
  });
}

/**
 * Checks one journal's part of the bundle link by link (R7.7: gap-free numbers, every hash
 * recomputed), then finds where the centre's copy of the journal ends: the bundle must continue
 * exactly from there. Entries up to that point were carried by an earlier bundle and are skipped.
 */
async function planJournal(
  ctx: ServiceContext,
  office: Office,
  part: BundlePayload['journals'][number],
  entries: ForeignEntryRow[],
): Promise<{ journal: Journal; fresh: ForeignEntryRow[]; skipped: number }> {
  const journal = await getJournal(ctx.db, part.journalId);
  if (!journal || journal.officeId !== office.id) throw refuse('foreignJournal', { office: office.code });
  let prev = part.before ? { ...part.before } : { year: -1, number: 0, hash: GENESIS_HASH };
  // A year starts at 1, or where the head set it when the journal continued a paper one (the
  // centre sets it and hands it to the workplace in its packages).
  const firstNumbers = await journalFirstNumbers(ctx.db, journal.id);
  const stepOver = stepsOver(await journalLostNumbers(ctx.db, journal.id));
  for (const entry of entries) {
    const expected = stepOver(entry.year, entry.year === prev.year ? prev.number + 1 : (firstNumbers.get(entry.year) ?? 1));
    let content: unknown;
    try {
      content = JSON.parse(entry.contentJson);
    } catch {
      throw refuse('chainInvalid', { journal: journal.index, number: entry.printedNumber });
    }
    const sound =
      entry.year >= prev.year &&
      entry.number === expected &&
      entry.prevHash === prev.hash &&
      canonicalJson(content) === entry.contentJson &&
      entryContentSchema.safeParse(content).success &&
      recomputedHash(entry, content) === entry.hash;
    if (!sound) throw refuse('chainInvalid', { journal: journal.index, number: entry.printedNumber });
    prev = { year: entry.year, number: entry.number, hash: entry.hash };
  }
  const after = part.after ?? null;
  if ((after?.hash ?? GENESIS_HASH) !== prev.hash) throw refuse('chainInvalid', { journal: journal.index, number: after?.number ?? 0 });

  const centreHead = await journalHead(ctx.db, journal.id);
  const startsAt = part.before?.hash ?? GENESIS_HASH;
  if ((centreHead?.hash ?? GENESIS_HASH) === startsAt) return { journal, fresh: entries, skipped: 0 };
  const overlap = entries.findIndex((entry) => entry.hash === centreHead?.hash);
  if (overlap < 0) throw refuse('chainDiscontinuity', { journal: journal.index, office: office.code });
  return { journal, fresh: entries.slice(overlap + 1), skipped: overlap + 1 };
}

/** A record the centre already holds must be byte for byte the one in the bundle. */
function alreadyHeld<T>(existing: T | undefined, incoming: T, office: Office): boolean {
  if (existing === undefined) return false;
  if (canonicalJson(existing) !== canonicalJson(incoming)) throw refuse('conflictingRecord', { office: office.code });
  return true;
}

async function checkUsers(ctx: ServiceContext, payload: BundlePayload): Promise<void> {
  const ids = new Set([
    ...payload.entries.map((entry) => entry.createdBy),
    ...payload.handovers.map((row) => row.byUser),
    ...payload.annulments.map((row) => row.byUser),
    ...payload.reissues.map((row) => row.byUser),
  ]);
  for (const id of ids) if (!(await userExists(ctx.db, id))) throw refuse('unknownUser', { user: id });
}

function journalLine(journal: Journal, fresh: ForeignEntryRow[]): JournalImportLine {
  return {
    journalId: journal.id,
    journalIndex: journal.index,
    count: fresh.length,
    fromNumber: fresh[0]?.printedNumber ?? null,
    toNumber: fresh.at(-1)?.printedNumber ?? null,
  };
}

/**
 * Everything in one write transaction: any refusal or failed trigger rolls the whole bundle back,
 * and the keys are pinned by the same transaction that found nothing pinned. Only the register is
 * touched in here (PostgreSQL may run it again after a serialization failure).
 */
function insertBundle(
  ctx: ServiceContext,
  actor: SessionUser,
  office: Office,
  signed: { payload: BundlePayload; envelope: ReturnType<typeof readEnvelope> },
  file: { name: string; digest: string },
  identity: ExchangeIdentity,
): Promise<BundleImportReport> {
  const { payload } = signed;
  return ctx.db.write(async () => {
    const pinKeys = await checkSigner(ctx, office, payload, signed.envelope);
    const sequence = await checkSequence(ctx, office, payload);
    const superseded = sequence.superseded;
    // A new installation (first or re-created PC) numbers its audit rows from its own start.
    const auditUpTo = pinKeys ? 0 : sequence.auditUpTo;
    const witnessed = await checkBundleWitness(ctx, office, payload);
    await checkUsers(ctx, payload);
    const plans: Awaited<ReturnType<typeof planJournal>>[] = [];
    for (const part of payload.journals) {
      plans.push(await planJournal(ctx, office, part, payload.entries.filter((entry) => entry.journalId === part.journalId)));
    }
    const covered = new Set(payload.journals.map((part) => part.journalId));
    if (payload.entries.some((entry) => !covered.has(entry.journalId))) throw refuse('foreignJournal', { office: office.code });
    const freshIds = new Set<string>();
    for (const plan of plans) {
      for (const entry of plan.fresh) {
        const content = entryContentSchema.parse(JSON.parse(entry.contentJson));
        if (!(await insertForeignEntry(ctx.db, entry, searchTextOf(content, entry.printedNumber)))) {
          throw refuse('chainDiscontinuity', { journal: plan.journal.index, office: office.code });
        }
        freshIds.add(entry.id);
      }
    }
    const ownEntry = async (entryId: string) => {
      if (!freshIds.has(entryId) && (await entryOwner(ctx.db, entryId))?.officeId !== office.id) throw refuse('foreignEntry', { office: office.code });
    };
    const counts = { handovers: 0, annulments: 0, reissues: 0, documentCodes: 0, audit: 0 };
    for (const row of payload.annulments) {
      await ownEntry(row.entryId);
      if (alreadyHeld(await getAnnulmentRow(ctx.db, row.entryId), row, office)) continue;
      await insertAnnulment(ctx.db, row);
      counts.annulments += 1;
    }
    for (const row of payload.reissues) {
      await ownEntry(row.annulledId);
      await ownEntry(row.newEntryId);
      if (alreadyHeld(await getReissueRow(ctx.db, row.annulledId), row, office)) continue;
      await insertReissue(ctx.db, row);
      counts.reissues += 1;
    }
    for (const row of payload.handovers) {
      await ownEntry(row.entryId);
      if (alreadyHeld(await getHandoverRow(ctx.db, row.entryId), row, office)) continue;
      await insertHandover(ctx.db, row);
      counts.handovers += 1;
    }
    for (const row of payload.documentCodes) {
      await ownEntry(row.entryId);
      if (alreadyHeld(await getDocumentCodeRow(ctx.db, row.entryId), row, office)) continue;
      await putDocumentCode(ctx.db, row.entryId, row.shortCode);
      counts.documentCodes += 1;
    }
    const at = ctx.now().toISOString();
    const trust = await receiveDocumentTrust(ctx, office, payload, { sequence: payload.sequence, at, byUser: actor.userId });
    let auditReached = auditUpTo;
    for (const row of payload.audit) {
      if (row.id <= auditUpTo) continue;
      // The office's own audit trail, marked with where it happened; ids are the centre's.
      await insertAudit(ctx.db, {
        at: row.at,
        userId: row.userId !== null && (await userExists(ctx.db, row.userId)) ? row.userId : null,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        summary: `[${office.code}] ${row.summary}`,
      });
      auditReached = Math.max(auditReached, row.id);
      counts.audit += 1;
    }
    if (pinKeys) {
      await pinOfficeKeys(ctx.db, { officeId: office.id, signingKey: payload.officeKeys.signingKey, encryptionKey: payload.officeKeys.encryptionKey, pinnedAt: at }, actor.userId);
    }
    const fresh = plans.flatMap((plan) => plan.fresh);
    const bySort = (sort: string) => fresh.filter((entry) => entry.sort === sort).length;
    const allCounts = {
      entries: fresh.length,
      certificates: bySort('certificate'),
      certifications: bySort('certification'),
      refusals: bySort('refusal'),
      ...counts,
      ...trust,
      alreadyPresent: plans.reduce((sum, plan) => sum + plan.skipped, 0),
      supersededBundles: superseded,
    };
    await keepWitnessed(ctx, identity, office, payload.sequence, witnessed, at);
    await insertExchangeLog(ctx.db, {
      direction: 'import',
      kind: 'bundle',
      officeId: office.id,
      sequence: payload.sequence,
      periodFrom: payload.periodFrom,
      periodTo: payload.periodTo,
      fileName: file.name,
      fileDigest: file.digest,
      counts: allCounts,
      marks: { auditUpTo: auditReached },
      acknowledged: null,
      at,
      byUser: actor.userId,
    });
    await writeAudit(ctx, {
      userId: actor.userId,
      action: 'exchange.import_bundle',
      entity: 'exchange',
      entityId: office.id,
      summary: `${office.code} #${payload.sequence}; ${fresh.length} entries${pinKeys ? '; keys pinned' : ''}`,
    });
    return {
      status: 'imported',
      officeId: office.id,
      officeCode: office.code,
      sequence: payload.sequence,
      fileName: file.name,
      periodFrom: payload.periodFrom,
      periodTo: payload.periodTo,
      counts: allCounts,
      journals: plans.map((plan) => journalLine(plan.journal, plan.fresh)),
      at,
    };
  });
}

/**
 * Imports a journal bundle at the centre (R3.5). Checked in this order, each with its own
 * message, and nothing is written unless every check passes: our file and whole (not truncated),
 * from an office this register set up, decrypts with the centre's key (not altered), signed by
 * the office's pinned key, the next in sequence, and each journal continuing exactly from the
 * centre's copy. The same file twice is reported as already imported and changes nothing.
 */
export async function importBundle(ctx: ServiceContext, actor: SessionUser, file: Buffer, fileName: string): Promise<BundleImportReport> {
  await requireCentralDesk(ctx.db);
  const digest = fileDigest(file);
  const seen = await exchangeByDigest(ctx.db, digest, 'import');
  if (seen) {
    return {
      status: 'already_imported',
      officeId: seen.officeId,
      officeCode: (await getOffice(ctx.db, seen.officeId))?.code ?? seen.officeId,
      sequence: seen.sequence,
      fileName: seen.fileName,
      periodFrom: seen.periodFrom,
      periodTo: seen.periodTo,
      counts: seen.counts,
      journals: [],
      at: seen.at,
    };
  }
  const header = readPackageHeader(file);
  if (header.kind !== 'bundle') throw refuse('wrongKind', { kind: header.kind });
  const office = await enrolledOffice(ctx, header.officeId);
  const identity = openExchangeIdentity(ctx.dataDir);
  const { plaintext } = openPackage(file, { type: 'x25519', privateKey: identity.encryptionPrivateKey, publicKey: identity.encryptionPublicKey });
  const envelope = readEnvelope(plaintext);
  const parsed = bundlePayloadSchema.safeParse(envelope.value);
  if (!parsed.success) throw refuse('tampered');
  const payload = parsed.data;
  if (payload.officeId !== header.officeId || payload.sequence !== header.sequence) throw refuse('tampered');
  try {
    return await insertBundle(ctx, actor, office, { payload, envelope }, { name: fileName, digest }, identity);
  } catch (error) {
    // Nothing of the bundle was imported; the rewrite it shows is recorded, to survive a restart.
    if (error instanceof WitnessRefusal) await recordWitnessFlag(ctx, office, error, { sequence: payload.sequence, fileName }, actor.userId);
    if (error instanceof DeskError) throw error;
    // A trigger or key of the register refused a row: the transaction is rolled back whole.
    throw refuse('registerRefused', { office: office.code });
  }
}
