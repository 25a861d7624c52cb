import path from 'node:path';
import type { SessionUser } from '../register/services/session.js';
import type { RegisterServices } from '../register/index.js';
import {
  exchangeBySequence,
  type ExchangeLogRow,
  getPinnedKeys,
  latestAcknowledged,
  latestExchange,
  latestPackageVersion,
  listExchangeLog,
  listOffices,
} from '../register/services/replication.js';
import type { ServiceContext } from '../register/services/context.js';
import { officeScope, requireRole } from '../register/services/context.js';
import { readDeskSettings } from '../register/services/settings.js';
import { writeFileAtomically } from './atomic-file.js';
import { exportBundle, type BundleExport, type ProgressFn } from './bundle-export.js';
import { importBundle, type BundleImportReport } from './bundle-import.js';
import { exportUpdates, exportWorkplace, importUpdates, importWorkplace, recreateWorkplace } from './packages.js';
import type { RecreateRequest } from './recreate.js';
import { officesOverview } from './overview.js';
import { daysBetween, dateOf, readWorkplaceState, requireCentralDesk } from './state.js';
import { witnessedByCentre, witnessFlagsForStatus, type WitnessedByCentre } from './centre-witness.js';

export type { BundleExport, ProgressFn } from './bundle-export.js';
export type { BundleImportReport } from './bundle-import.js';
export type { UpdateExport, UpdateImport, WorkplaceExport, WorkplaceImport, WorkplaceRecreation } from './packages.js';
export type { LostLine, RecreateRequest } from './recreate.js';

/** Days without an acknowledged export after which a remote desk is warned, unless the settings say otherwise. */
export const DEFAULT_EXCHANGE_WARNING_DAYS = 7;

export interface RemoteStatus {
  mode: 'remote';
  officeId: string;
  officeCode: string;
  lastExport: { sequence: number; at: string } | null;
  acknowledged: { sequence: number; exportedAt: string; receivedAt: string } | null;
  updateVersion: number;
  daysSinceAcknowledged: number;
  warnAfterDays: number;
  warning: boolean;
  witnessed: WitnessedByCentre[];
}

export interface CentralOfficeStatus {
  officeId: string;
  officeCode: string;
  officeName: string;
  workplaceIssued: boolean;
  joined: boolean;
  lastImport: { sequence: number; at: string } | null;
  updateVersion: number;
  witnessFlags: Awaited<ReturnType<typeof witnessFlagsForStatus>>;
}

export type ExchangeStatus = RemoteStatus | { mode: 'central'; offices: CentralOfficeStatus[] };

const EXCHANGE_ROLES = ['head', 'remote_admin'] as const;

async function remoteStatus(ctx: ServiceContext): Promise<RemoteStatus | undefined> {
  const state = await readWorkplaceState(ctx.db);
  if (!state) return undefined;
  const lastExport = await latestExchange(ctx.db, state.officeId, 'bundle', 'export');
  const ackRow = await latestAcknowledged(ctx.db, state.officeId);
  const ackSequence = ackRow?.acknowledged ?? 0;
  const acknowledgedExport = ackSequence > 0 ? await exchangeBySequence(ctx.db, state.officeId, 'bundle', 'export', ackSequence) : undefined;
  // Counted from the export the centre confirmed, or from installation while none is confirmed.
  const since = acknowledgedExport?.at ?? state.installedAt;
  const days = Math.max(0, daysBetween(dateOf(since), dateOf(ctx.now().toISOString())));
  const warnAfterDays = (await readDeskSettings(ctx)).exchangeWarningDays ?? DEFAULT_EXCHANGE_WARNING_DAYS;
  return {
    mode: 'remote',
    officeId: state.officeId,
    officeCode: state.officeCode,
    lastExport: lastExport ? { sequence: lastExport.sequence, at: lastExport.at } : null,
    acknowledged: acknowledgedExport && ackRow ? { sequence: ackSequence, exportedAt: acknowledgedExport.at, receivedAt: ackRow.at } : null,
    updateVersion: await latestPackageVersion(ctx.db, state.officeId, 'import'),
    daysSinceAcknowledged: days,
    warnAfterDays,
    warning: days > warnAfterDays,
    witnessed: await witnessedByCentre(ctx, state),
  };
}

async function centralStatus(ctx: ServiceContext): Promise<CentralOfficeStatus[]> {
  const offices: CentralOfficeStatus[] = [];
  for (const office of await listOffices(ctx.db)) {
    if (office.kind !== 'remote') continue;
    const lastImport = await latestExchange(ctx.db, office.id, 'bundle', 'import');
    offices.push({
      officeId: office.id,
      officeCode: office.code,
      officeName: office.name,
      workplaceIssued: (await latestExchange(ctx.db, office.id, 'workplace', 'export')) !== undefined,
      joined: (await getPinnedKeys(ctx.db, office.id)) !== undefined,
      lastImport: lastImport ? { sequence: lastImport.sequence, at: lastImport.at } : null,
      updateVersion: await latestPackageVersion(ctx.db, office.id, 'export'),
      witnessFlags: await witnessFlagsForStatus(ctx, office.id),
    });
  }
  return offices;
}

/**
 * Remote workplaces (R3.5): workplace packages and updates from the centre, journal
 * bundles from the offices, their history and the remote desk's reminder to export.
 */
export function createExchangeService(register: RegisterServices) {
  const ctx = register.ctx;
  return {
    /** Head, centre: the package a new remote install starts from, with its one-time passphrase. */
    async exportWorkplace(actor: SessionUser, officeId: string) {
      requireRole(actor, ['head']);
      return exportWorkplace(ctx, actor, officeId);
    },

    /** Head, centre: a dead office PC re-created from the centre's copy; its unsent paper numbers recorded as lost. */
    async recreateWorkplace(actor: SessionUser, officeId: string, request: RecreateRequest) {
      requireRole(actor, ['head']);
      return recreateWorkplace(ctx, actor, officeId, request);
    },

    /** Before setup only: installs this register as the office's remote workplace. */
    async importWorkplace(file: Buffer, passphrase: string) {
      return importWorkplace(ctx, file, passphrase);
    },

    /** Remote desk: the next journal bundle as bytes (the window downloads it). */
    async exportBundle(actor: SessionUser, onProgress?: ProgressFn): Promise<BundleExport> {
      requireRole(actor, EXCHANGE_ROLES);
      return exportBundle(ctx, actor, onProgress);
    },

    /** Remote desk: the next journal bundle written atomically into `folder` (command line, stick). */
    async writeBundle(actor: SessionUser, folder: string, onProgress?: ProgressFn): Promise<BundleExport & { file: string }> {
      requireRole(actor, EXCHANGE_ROLES);
      const bundle = await exportBundle(ctx, actor, onProgress);
      const file = path.join(folder, bundle.fileName);
      writeFileAtomically(file, bundle.data, (done, total) => onProgress?.({ phase: 'write', done, total }));
      return { ...bundle, file };
    },

    /** Head, centre. */
    async importBundle(actor: SessionUser, file: Buffer, fileName: string): Promise<BundleImportReport> {
      requireRole(actor, ['head']);
      return importBundle(ctx, actor, file, fileName);
    },

    /** Head, centre. */
    async exportUpdates(actor: SessionUser, officeId: string) {
      requireRole(actor, ['head']);
      return exportUpdates(ctx, actor, officeId);
    },

    /** Remote desk. */
    async importUpdates(actor: SessionUser, file: Buffer) {
      requireRole(actor, EXCHANGE_ROLES);
      return importUpdates(ctx, actor, file);
    },

    /** Newest first; a remote administrator sees only their own office. */
    async history(actor: SessionUser, filter: { officeId?: string; limit?: number } = {}): Promise<ExchangeLogRow[]> {
      const officeId = officeScope(actor) ?? filter.officeId;
      return listExchangeLog(ctx.db, { officeId, limit: filter.limit ?? 200 });
    },

    /** Centre: each remote office's last bundle, last confirmation, and whether it is overdue. */
    async offices() {
      await requireCentralDesk(ctx.db);
      return officesOverview(ctx);
    },

    async status(): Promise<ExchangeStatus> {
      return (await remoteStatus(ctx)) ?? { mode: 'central', offices: await centralStatus(ctx) };
    },
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
