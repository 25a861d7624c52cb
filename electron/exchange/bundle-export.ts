import { DeskError } from '../../shared/contract/errors.js';
import type { SessionUser } from '../register/services/session.js';
import {
  annulmentsBetween,
  auditBetween,
  type ChainHead,
  currentRowMarks,
  documentCodesBetween,
  entriesBetween,
  exchangeBySequence,
  type ForeignEntryRow,
  getOffice,
  handoversBetween,
  insertExchangeLog,
  journalHead,
  latestAcknowledged,
  latestExchange,
  listJournals,
  reissuesBetween,
} from '../register/services/replication.js';
import { writeAudit } from '../register/services/audit.js';
import type { ServiceContext } from '../register/services/context.js';
import { fileDigest, sealPackage } from './container.js';
import { documentTrustForBundle } from './document-keys.js';
import { openExchangeIdentity } from './keys.js';
import { signPayload, type BundlePayload } from './payloads.js';
import { bundleWitness } from './centre-witness.js';
import { bundleMarksSchema, dateOf, requireRemoteDesk, safeFilePart, START_MARKS, type BundleMarks, type WorkplaceState } from './state.js';

export type ProgressFn = (step: { phase: 'collect' | 'seal' | 'write'; done: number; total: number }) => void;

export interface ExportedFile {
  fileName: string;
  data: Buffer;
}

export interface BundleExport extends ExportedFile {
  sequence: number;
  baseSequence: number;
  periodFrom: string;
  periodTo: string;
  counts: Record<string, number>;
}

const BEFORE_ANY = { year: -1, number: 0 };

/** Where the content of the next bundle starts: right after the last bundle the centre acknowledged. */
async function baseOf(ctx: ServiceContext, state: WorkplaceState): Promise<{ sequence: number; marks: BundleMarks; since: string; enrolling: boolean }> {
  const acknowledged = (await latestAcknowledged(ctx.db, state.officeId))?.acknowledged ?? 0;
  const installed = installedBase(state);
  // Until the centre acknowledges a bundle of this installation it may not have pinned its keys.
  if (acknowledged <= installed.sequence) return { ...installed, enrolling: true };
  const exported = await exchangeBySequence(ctx.db, state.officeId, 'bundle', 'export', acknowledged);
  const marks = bundleMarksSchema.safeParse(exported?.marks);
  // The centre acknowledged a bundle this register never wrote (restored from an older backup?).
  if (!exported || !marks.success) throw new DeskError('conflict', 'errors.exchange.acknowledgedUnknown', { sequence: acknowledged });
  return { sequence: acknowledged, marks: marks.data, since: exported.at, enrolling: false };
}

/** Where this installation began: nothing, or — on a re-created PC — the centre's copy it was installed with. */
function installedBase(state: WorkplaceState): { sequence: number; marks: BundleMarks; since: string } {
  const continued = state.continuesFrom;
  return continued ? { sequence: continued.sequence, marks: continued.marks, since: state.installedAt } : { sequence: 0, marks: START_MARKS, since: state.installedAt };
}

function headOrNull(head: ChainHead | undefined): ChainHead | null {
  return head ? { year: head.year, number: head.number, hash: head.hash } : null;
}

/** Reads everything since the base in one read transaction: a consistent cut of the register. */
function collect(ctx: ServiceContext, state: WorkplaceState, base: BundleMarks) {
  return ctx.db.read(async () => {
    const rows = await currentRowMarks(ctx.db);
    const journals: { journalId: string; before: ChainHead | null; after: ChainHead | null }[] = [];
    for (const journal of await listJournals(ctx.db, state.officeId)) {
      journals.push({ journalId: journal.id, before: base.heads[journal.id] ?? null, after: headOrNull(await journalHead(ctx.db, journal.id)) });
    }
    const entries: ForeignEntryRow[] = [];
    for (const journal of journals) {
      if (journal.after) entries.push(...(await entriesBetween(ctx.db, journal.journalId, journal.before ?? BEFORE_ANY, journal.after)));
    }
    const range = (key: keyof BundleMarks['rows']) => ({ after: base.rows[key], upTo: rows[key] });
    return {
      officeCode: (await getOffice(ctx.db, state.officeId))?.code,
      journals,
      entries,
      handovers: await handoversBetween(ctx.db, range('handovers')),
      annulments: await annulmentsBetween(ctx.db, range('annulments')),
      reissues: await reissuesBetween(ctx.db, range('reissues')),
      documentCodes: await documentCodesBetween(ctx.db, range('documentCodes')),
      audit: await auditBetween(ctx.db, range('audit')),
      marks: {
        heads: Object.fromEntries(journals.flatMap((journal) => (journal.after ? [[journal.journalId, journal.after]] : []))),
        rows,
      } satisfies BundleMarks,
    };
  });
}

function countsOf(payload: BundlePayload): Record<string, number> {
  const bySort = (sort: string) => payload.entries.filter((entry) => entry.sort === sort).length;
  return {
    entries: payload.entries.length,
    certificates: bySort('certificate'),
    certifications: bySort('certification'),
    refusals: bySort('refusal'),
    handovers: payload.handovers.length,
    annulments: payload.annulments.length,
    reissues: payload.reissues.length,
    audit: payload.audit.length,
  };
}

/**
 * Cuts the next journal bundle on a remote desk (R3.5): every entry, handover, annulment,
 * reissue link, document code and audit row since the last bundle the centre acknowledged, with
 * each journal's chain head before and after, signed with the office key and encrypted to the
 * centre's X25519 key. The export is logged with where it ended, so the next one can start there.
 * Signing and sealing happen outside the write transaction, which only logs the finished file.
 */
export async function exportBundle(ctx: ServiceContext, actor: SessionUser, onProgress: ProgressFn = () => undefined): Promise<BundleExport> {
  const state = await requireRemoteDesk(ctx.db);
  const identity = openExchangeIdentity(ctx.dataDir);
  const base = await baseOf(ctx, state);
  const sequence = Math.max((await latestExchange(ctx.db, state.officeId, 'bundle', 'export'))?.sequence ?? 0, base.sequence) + 1;
  onProgress({ phase: 'collect', done: 0, total: 1 });
  const cut = await collect(ctx, state, base.marks);
  onProgress({ phase: 'collect', done: 1, total: 1 });
  const createdAt = ctx.now().toISOString();
  const payload: BundlePayload = {
    format: 'cnap-bundle/1',
    officeId: state.officeId,
    officeCode: state.officeCode,
    sequence,
    baseSequence: base.sequence,
    createdAt,
    periodFrom: dateOf(base.since),
    periodTo: dateOf(createdAt),
    officeKeys: { signingKey: identity.signingPublicKey, encryptionKey: identity.encryptionPublicKey },
    ...(base.enrolling ? { enrolment: state.enrolment } : {}),
    journals: cut.journals,
    entries: cut.entries,
    handovers: cut.handovers,
    annulments: cut.annulments,
    reissues: cut.reissues,
    documentCodes: cut.documentCodes,
    audit: cut.audit,
    // So the centre can verify this office's papers by QR and by short code (document-keys.ts).
    ...documentTrustForBundle(ctx.dataDir, { installedCode: state.officeCode, currentCode: cut.officeCode ?? state.officeCode }, cut.documentCodes),
    witness: await bundleWitness(ctx, cut.journals, cut.entries),
  };
  onProgress({ phase: 'seal', done: 0, total: 1 });
  const data = sealPackage(
    { kind: 'bundle', officeId: state.officeId, officeCode: state.officeCode, sequence },
    signPayload(payload, identity),
    { type: 'x25519', recipientPublicKey: state.centreKeys.encryptionKey },
  );
  onProgress({ phase: 'seal', done: 1, total: 1 });
  const fileName = `${safeFilePart(state.officeCode)}_${payload.periodFrom}_${payload.periodTo}_${String(sequence).padStart(4, '0')}.cnapbundle`;
  const counts = countsOf(payload);
  await ctx.db.write(async () => {
    await insertExchangeLog(ctx.db, {
      direction: 'export',
      kind: 'bundle',
      officeId: state.officeId,
      sequence,
      periodFrom: payload.periodFrom,
      periodTo: payload.periodTo,
      fileName,
      fileDigest: fileDigest(data),
      counts,
      marks: cut.marks,
      acknowledged: null,
      at: createdAt,
      byUser: actor.userId,
    });
    await writeAudit(ctx, { userId: actor.userId, action: 'exchange.export_bundle', entity: 'exchange', entityId: String(sequence), summary: `${fileName}; ${counts.entries} entries` });
  });
  return { fileName, data, sequence, baseSequence: base.sequence, periodFrom: payload.periodFrom, periodTo: payload.periodTo, counts };
}
