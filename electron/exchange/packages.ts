import { createHash, randomBytes } from 'node:crypto';
import { DeskError } from '../../shared/contract/errors.js';
import type { Office } from '../../shared/domain/directories-core.js';
import type { SessionUser } from '../register/services/session.js';
import {
  currentGeneration,
  exchangeByDigest,
  getOffice,
  getPinnedKeys,
  insertExchangeLog,
  latestExchange,
  latestPackageVersion,
  putSetting,
} from '../register/services/replication.js';
import { writeAudit } from '../register/services/audit.js';
import type { ServiceContext } from '../register/services/context.js';
import { SETTING_KEYS } from '../register/services/settings.js';
import { isSetupDone } from '../register/services/setup.js';
import type { ExportedFile } from './bundle-export.js';
import { fileDigest, newPassphrase, openPackage, readPackageHeader, sealPackage } from './container.js';
import { openExchangeIdentity } from './keys.js';
import { readEnvelope, signatureValid, signPayload, unsignedPayload, type UpdatePayload, type WorkplacePayload } from './payloads.js';
import { applyReferenceData, collectReferenceData, type AppliedCounts, type ReferenceData } from './reference-data.js';
import { collectContinuation, continuationSchema, installContinuation, recordRecreation, requireRecreatable, type Continuation, type LostLine, type RecreateRequest } from './recreate.js';
import { requireCentralDesk, requireRemoteDesk, safeFilePart, writeWorkplaceState } from './state.js';
import { checkUpdateWitness, keepCosignatures, updateWitness } from './centre-witness.js';

function refuse(what: string, params?: Record<string, string | number>): DeskError {
  return new DeskError('rule_violation', `errors.exchange.${what}`, params);
}

async function remoteOffice(ctx: ServiceContext, officeId: string): Promise<Office> {
  const office = await getOffice(ctx.db, officeId);
  if (!office) throw new DeskError('not_found', 'errors.offices.notFound');
  if (office.kind !== 'remote' || !office.active) throw new DeskError('conflict', 'errors.exchange.notRemoteOffice', { office: office.code });
  return office;
}

function isReferenceData(value: unknown): value is ReferenceData {
  const data = value as Partial<ReferenceData> | null;
  return (
    typeof data === 'object' &&
    data !== null &&
    [data.offices, data.journals, data.users, data.signatories, data.settlements, data.streets, data.bodies, data.posts, data.customKinds, data.templates].every(Array.isArray) &&
    typeof data.settings === 'object'
  );
}

// ── Workplace package: centre → a new remote install (R3.5) ─────────────────────────────────────

export interface WorkplaceExport extends ExportedFile {
  passphrase: string;
  version: number;
}

/** A workplace package's payload; a re-creation package also carries the office's journals. */
type WorkplacePackagePayload = WorkplacePayload & { continuation?: Continuation };

/**
 * The package a remote install starts from, encrypted with a one-time passphrase shown once to
 * the head. It carries a one-time enrolment token; the centre keeps only its hash, and pins the
 * keys of the first bundle that presents it. Once an office has sent its first bundle it cannot
 * be set up again from a plain package: its numbers continue in its own register (section E);
 * a dead PC is re-created instead (`recreateWorkplace`).
 */
export async function exportWorkplace(ctx: ServiceContext, actor: SessionUser, officeId: string): Promise<WorkplaceExport> {
  await requireCentralDesk(ctx.db);
  const office = await remoteOffice(ctx, officeId);
  if ((await getPinnedKeys(ctx.db, office.id)) || (await currentGeneration(ctx.db, office.id)) > 1) throw refuse('officeJoined', { office: office.code });
  const version = (await latestPackageVersion(ctx.db, office.id, 'export')) + 1;
  return writeWorkplacePackage(ctx, actor, office, version, undefined);
}

export interface WorkplaceRecreation extends WorkplaceExport {
  generation: number;
  lost: LostLine[];
}

/**
 * A dead office PC with no backup (R3.5, section E): records the numbers its paper journal shows
 * beyond the centre's last entry as lost, opens the office's next installation generation (the
 * old PC's bundles are refused from now on), and writes the package the new PC is installed
 * from, carrying the office's journals as the centre holds them.
 */
export async function recreateWorkplace(ctx: ServiceContext, actor: SessionUser, officeId: string, request: RecreateRequest): Promise<WorkplaceRecreation> {
  await requireCentralDesk(ctx.db);
  const office = await remoteOffice(ctx, officeId);
  await requireRecreatable(ctx, office);
  const version = (await latestPackageVersion(ctx.db, office.id, 'export')) + 1;
  const { generation, lost } = await ctx.db.write(() => recordRecreation(ctx, actor, office, request, version));
  const continuation = await ctx.db.read(() => collectContinuation(ctx, office, generation));
  const written = await writeWorkplacePackage(ctx, actor, office, version, continuation);
  return { ...written, generation, lost };
}

async function writeWorkplacePackage(
  ctx: ServiceContext,
  actor: SessionUser,
  office: Office,
  version: number,
  continuation: Continuation | undefined,
): Promise<WorkplaceExport> {
  const identity = openExchangeIdentity(ctx.dataDir);
  const enrolment = randomBytes(32).toString('base64url');
  const createdAt = ctx.now().toISOString();
  const payload: WorkplacePackagePayload = {
    format: 'cnap-workplace/1',
    officeId: office.id,
    officeCode: office.code,
    version,
    createdAt,
    centreKeys: { signingKey: identity.signingPublicKey, encryptionKey: identity.encryptionPublicKey },
    enrolment,
    reference: await collectReferenceData(ctx, office.id),
    ...(continuation ? { continuation } : {}),
  };
  const passphrase = newPassphrase();
  const data = sealPackage({ kind: 'workplace', officeId: office.id, officeCode: office.code, sequence: version }, unsignedPayload(payload), {
    type: 'passphrase',
    passphrase,
  });
  const fileName = `${safeFilePart(office.code)}_workplace_${String(version).padStart(4, '0')}.cnapworkplace`;
  await ctx.db.write(async () => {
    await insertExchangeLog(ctx.db, {
      direction: 'export',
      kind: 'workplace',
      officeId: office.id,
      sequence: version,
      periodFrom: null,
      periodTo: null,
      fileName,
      fileDigest: fileDigest(data),
      counts: {
        users: payload.reference.users.length,
        journals: payload.reference.journals.length,
        templates: payload.reference.templates.length,
        ...(continuation ? { entries: continuation.entries.length } : {}),
      },
      marks: { enrolmentHash: createHash('sha256').update(enrolment, 'utf8').digest('hex'), ...(continuation ? { generation: continuation.generation } : {}) },
      acknowledged: null,
      at: createdAt,
      byUser: actor.userId,
    });
    await writeAudit(ctx, { userId: actor.userId, action: 'exchange.export_workplace', entity: 'office', entityId: office.id, summary: `${office.code} v${version}` });
  });
  return { fileName, data, passphrase, version };
}

export interface WorkplaceImport {
  officeId: string;
  officeCode: string;
  officeName: string;
  version: number;
  applied: AppliedCounts;
}

function parseWorkplace(value: unknown): WorkplacePackagePayload {
  const payload = value as Partial<WorkplacePackagePayload> | null;
  const sound =
    payload?.format === 'cnap-workplace/1' &&
    typeof payload.officeId === 'string' &&
    typeof payload.officeCode === 'string' &&
    typeof payload.version === 'number' &&
    typeof payload.enrolment === 'string' &&
    typeof payload.centreKeys?.signingKey === 'string' &&
    typeof payload.centreKeys.encryptionKey === 'string' &&
    isReferenceData(payload.reference) &&
    (payload.continuation === undefined || continuationSchema.safeParse(payload.continuation).success);
  if (!sound) throw refuse('tampered');
  return payload as WorkplacePackagePayload;
}

/**
 * Installs a remote workplace from its package instead of the first-run wizard: only on a register
 * that has not been set up. The office's own exchange keys are made here; they travel to the
 * centre with the first bundle.
 */
export async function importWorkplace(ctx: ServiceContext, file: Buffer, passphrase: string): Promise<WorkplaceImport> {
  if (await isSetupDone(ctx)) throw new DeskError('conflict', 'errors.setup.alreadyDone');
  const header = readPackageHeader(file);
  if (header.kind !== 'workplace') throw refuse('wrongKind', { kind: header.kind });
  const { plaintext } = openPackage(file, { type: 'passphrase', passphrase });
  const payload = parseWorkplace(readEnvelope(plaintext).value);
  const office = payload.reference.offices.find((candidate) => candidate.id === payload.officeId);
  if (!office || payload.officeId !== header.officeId) throw refuse('tampered');
  openExchangeIdentity(ctx.dataDir);
  const at = ctx.now().toISOString();
  const applied = await ctx.db.write(async () => {
    // Checked again under the write lock: two windows must not both install.
    if (await isSetupDone(ctx)) throw new DeskError('conflict', 'errors.setup.alreadyDone');
    const counts = await applyReferenceData(ctx, payload.reference, 'centre');
    // A re-created PC continues the office's journals from the centre's last entry.
    const continuesFrom = payload.continuation ? await installContinuation(ctx, payload.continuation) : undefined;
    await putSetting(ctx.db, SETTING_KEYS.setupDone, true);
    await writeWorkplaceState(ctx.db, {
      officeId: office.id,
      officeCode: office.code,
      centreKeys: payload.centreKeys,
      enrolment: payload.enrolment,
      installedAt: at,
      ...(continuesFrom ? { continuesFrom } : {}),
    });
    await insertExchangeLog(ctx.db, {
      direction: 'import',
      kind: 'workplace',
      officeId: office.id,
      sequence: payload.version,
      periodFrom: null,
      periodTo: null,
      fileName: `${safeFilePart(office.code)}_workplace_${String(payload.version).padStart(4, '0')}.cnapworkplace`,
      fileDigest: fileDigest(file),
      counts: { ...counts },
      marks: {},
      acknowledged: null,
      at,
      byUser: null,
    });
    await writeAudit(ctx, { userId: null, action: 'exchange.import_workplace', entity: 'office', entityId: office.id, summary: `${office.code} v${payload.version}` });
    return counts;
  });
  return { officeId: office.id, officeCode: office.code, officeName: office.name, version: payload.version, applied };
}

// ── Update package: centre → an installed remote (R3.5) ─────────────────────────────────────────

export interface UpdateExport extends ExportedFile {
  version: number;
  acknowledgedSequence: number;
}

/** Directory, template and user changes for one office, signed by the centre and encrypted to the office. */
export async function exportUpdates(ctx: ServiceContext, actor: SessionUser, officeId: string): Promise<UpdateExport> {
  await requireCentralDesk(ctx.db);
  const office = await remoteOffice(ctx, officeId);
  const keys = await getPinnedKeys(ctx.db, office.id);
  if (!keys) throw refuse('notJoinedYet', { office: office.code });
  const identity = openExchangeIdentity(ctx.dataDir);
  const version = (await latestPackageVersion(ctx.db, office.id, 'export')) + 1;
  const acknowledgedSequence = (await latestExchange(ctx.db, office.id, 'bundle', 'import'))?.sequence ?? 0;
  const createdAt = ctx.now().toISOString();
  const payload: UpdatePayload = {
    format: 'cnap-update/1',
    officeId: office.id,
    officeCode: office.code,
    version,
    createdAt,
    acknowledgedSequence,
    reference: await collectReferenceData(ctx, office.id),
    witness: await updateWitness(ctx, office.id),
  };
  const data = sealPackage({ kind: 'update', officeId: office.id, officeCode: office.code, sequence: version }, signPayload(payload, identity), {
    type: 'x25519',
    recipientPublicKey: keys.encryptionKey,
  });
  const fileName = `${safeFilePart(office.code)}_update_${String(version).padStart(4, '0')}.cnapupdate`;
  await ctx.db.write(async () => {
    await insertExchangeLog(ctx.db, {
      direction: 'export',
      kind: 'update',
      officeId: office.id,
      sequence: version,
      periodFrom: null,
      periodTo: null,
      fileName,
      fileDigest: fileDigest(data),
      counts: { users: payload.reference.users.length, journals: payload.reference.journals.length, templates: payload.reference.templates.length },
      marks: {},
      acknowledged: acknowledgedSequence,
      at: createdAt,
      byUser: actor.userId,
    });
    await writeAudit(ctx, { userId: actor.userId, action: 'exchange.export_updates', entity: 'office', entityId: office.id, summary: `${office.code} v${version}; ack #${acknowledgedSequence}` });
  });
  return { fileName, data, version, acknowledgedSequence };
}

export interface UpdateImport {
  status: 'applied' | 'already_applied';
  version: number;
  acknowledgedSequence: number;
  applied: AppliedCounts | null;
}

function parseUpdate(value: unknown): UpdatePayload {
  const payload = value as Partial<UpdatePayload> | null;
  const sound =
    payload?.format === 'cnap-update/1' &&
    typeof payload.officeId === 'string' &&
    typeof payload.version === 'number' &&
    typeof payload.acknowledgedSequence === 'number' &&
    isReferenceData(payload.reference);
  if (!sound) throw refuse('tampered');
  return payload as UpdatePayload;
}

/**
 * Applies an update package on the remote desk: only one signed by the centre it was installed
 * from, for this office, and newer than what it has (the same version again changes nothing).
 * Its acknowledgement moves the start of the next bundle past the bundles the centre has.
 */
export async function importUpdates(ctx: ServiceContext, actor: SessionUser, file: Buffer): Promise<UpdateImport> {
  const state = await requireRemoteDesk(ctx.db);
  const header = readPackageHeader(file);
  if (header.kind !== 'update') throw refuse('wrongKind', { kind: header.kind });
  if (header.officeId !== state.officeId) throw refuse('wrongOffice', { office: header.officeCode });
  const current = await latestPackageVersion(ctx.db, state.officeId, 'import');
  const seen = await exchangeByDigest(ctx.db, fileDigest(file), 'import');
  if (seen) return { status: 'already_applied', version: seen.sequence, acknowledgedSequence: seen.acknowledged ?? 0, applied: null };
  const identity = openExchangeIdentity(ctx.dataDir);
  const { plaintext } = openPackage(file, { type: 'x25519', privateKey: identity.encryptionPrivateKey, publicKey: identity.encryptionPublicKey });
  const envelope = readEnvelope(plaintext);
  if (!signatureValid(envelope, state.centreKeys.signingKey)) throw refuse('wrongSigner', { office: 'centre' });
  const payload = parseUpdate(envelope.value);
  if (payload.officeId !== state.officeId || payload.version !== header.sequence) throw refuse('tampered');
  if (payload.version < current) throw refuse('updateOlder', { version: payload.version, current });
  if (payload.version === current) return { status: 'already_applied', version: current, acknowledgedSequence: payload.acknowledgedSequence, applied: null };
  // A re-created PC starts where the centre's bundles from the replaced one ended.
  const lastExported = Math.max((await latestExchange(ctx.db, state.officeId, 'bundle', 'export'))?.sequence ?? 0, state.continuesFrom?.sequence ?? 0);
  if (payload.acknowledgedSequence > lastExported) throw refuse('acknowledgedUnknown', { sequence: payload.acknowledgedSequence });
  const witness = await checkUpdateWitness(ctx, state, payload.witness);
  const at = ctx.now().toISOString();
  const applied = await ctx.db.write(async () => {
    const counts = await applyReferenceData(ctx, payload.reference, actor.userId);
    await insertExchangeLog(ctx.db, {
      direction: 'import',
      kind: 'update',
      officeId: state.officeId,
      sequence: payload.version,
      periodFrom: null,
      periodTo: null,
      fileName: `${safeFilePart(state.officeCode)}_update_${String(payload.version).padStart(4, '0')}.cnapupdate`,
      fileDigest: fileDigest(file),
      counts: { ...counts },
      marks: {},
      acknowledged: payload.acknowledgedSequence,
      at,
      byUser: actor.userId,
    });
    await writeAudit(ctx, { userId: actor.userId, action: 'exchange.import_updates', entity: 'exchange', entityId: String(payload.version), summary: `v${payload.version}; ack #${payload.acknowledgedSequence}` });
    return counts;
  });
  // Outside the register, beside the checkpoint log; kept once the update is applied.
  await keepCosignatures(ctx, witness);
  return { status: 'applied', version: payload.version, acknowledgedSequence: payload.acknowledgedSequence, applied };
}

