import { z } from 'zod';
import { DeskError } from '../../../shared/contract/errors.js';
import { DEFAULT_SETTINGS, deskSettingsSchema, isAbsoluteFolder, type DeskSettings } from '../../../shared/domain/directories-core.js';
import { councilRequisitesSchema, type CouncilRequisites } from '../../../shared/domain/requisites.js';
import { emblemProblem, emblemUsable } from '../../documents/emblem.js';
import type { SessionUser } from './session.js';
import { addSettingIfAbsent, getSetting, getSettingText, putSetting } from '../repositories/settings.js';
import { writeAudit } from './audit.js';
import { requireRole, type ServiceContext } from './context.js';

export const SETTING_KEYS = {
  desk: 'desk',
  requisites: 'requisites',
  setupDone: 'setup_done',
  lastAutoBackupDate: 'last_auto_backup_date',
  keyWitness: 'key_witness',
} as const;

/** The desk settings with defaults for anything not stored (or stored by an older version). */
export async function readDeskSettings(ctx: ServiceContext): Promise<DeskSettings> {
  return deskSettingsOf(await getSetting(ctx.db, SETTING_KEYS.desk));
}

function deskSettingsOf(stored: unknown): DeskSettings {
  const parsed = deskSettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(isObject(stored) ? stored : {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/** The stored desk settings text last parsed by `readNumberFormat`, and the format it gives. */
let lastNumberFormat: { readonly text: string | undefined; readonly numberFormat: string } | undefined;

/**
 * The register's default number format (`readDeskSettings(ctx).numberFormat`). Issuing reads it
 * for every entry, inside the entry's transaction: the stored text is read every time, since
 * another workstation may have changed it; only parsing and validating it again is skipped while
 * the text is the one parsed last (it is on every issue's path). What is kept is a function of the
 * text alone, so it stays true whatever becomes of the transaction that read it.
 */
export async function readNumberFormat(ctx: ServiceContext): Promise<string> {
  const text = await getSettingText(ctx.db, SETTING_KEYS.desk);
  if (lastNumberFormat === undefined || lastNumberFormat.text !== text) {
    lastNumberFormat = { text, numberFormat: deskSettingsOf(text === undefined ? undefined : (JSON.parse(text) as unknown)).numberFormat };
  }
  return lastNumberFormat.numberFormat;
}

/**
 * The requisites as stored. An emblem that cannot be printed (kept by an older version, which
 * took any text) is left out of what is returned — the documents print without it, and the head
 * sets a proper one — instead of making every document fail.
 */
export async function readRequisites(ctx: ServiceContext): Promise<CouncilRequisites | null> {
  const stored = storedRequisitesSchema.safeParse(await getSetting(ctx.db, SETTING_KEYS.requisites));
  if (!stored.success) return null;
  const { emblemPngBase64, ...requisites } = stored.data;
  return emblemPngBase64 !== undefined && emblemUsable(emblemPngBase64) ? { ...requisites, emblemPngBase64 } : requisites;
}

const storedRequisitesSchema = councilRequisitesSchema.extend({ emblemPngBase64: z.string().optional() });

/** Main's own check of the emblem (shared signature and size, and a PNG's data that inflates). */
export function assertEmblemUsable(requisites: CouncilRequisites): void {
  const problem = requisites.emblemPngBase64 === undefined ? undefined : emblemProblem(requisites.emblemPngBase64);
  if (problem) throw new DeskError('invalid_input', 'errors.invalid_input', undefined, [{ path: 'emblemPngBase64', messageKey: problem }]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface SettingsEvents {
  /** After the desk settings changed (the idle lock follows them). */
  readonly onDeskSettingsChanged?: (settings: DeskSettings) => void;
}

export function createSettingsService(ctx: ServiceContext, events: SettingsEvents = {}) {
  return {
    async get(): Promise<DeskSettings> {
      return readDeskSettings(ctx);
    },

    /** The witness of the keys the register's documents are signed with (app/key-witness.ts), if any workstation stored one. */
    storedKeyWitness: (): Promise<unknown> => getSetting(ctx.db, SETTING_KEYS.keyWitness),

    /** Stores this workstation's witness unless another was stored first; the first one stays. */
    recordKeyWitness: (witness: string): Promise<void> => addSettingIfAbsent(ctx.db, SETTING_KEYS.keyWitness, witness),

    /** Head only. `backupFolder: null` returns to the default folder. */
    async update(actor: SessionUser, patch: Partial<Omit<DeskSettings, 'backupFolder'>> & { backupFolder?: string | null }): Promise<DeskSettings> {
      requireRole(actor, ['head']);
      const { backupFolder, ...rest } = patch;
      if (typeof backupFolder === 'string' && !isAbsoluteFolder(backupFolder.trim())) {
        throw new DeskError('invalid_input', 'errors.invalid_input', undefined, [{ path: 'backupFolder', messageKey: 'validation.settings.backupFolder' }]);
      }
      const merged: Record<string, unknown> = { ...(await readDeskSettings(ctx)), ...rest };
      if (backupFolder === null) delete merged.backupFolder;
      else if (backupFolder !== undefined) merged.backupFolder = backupFolder;
      const next = deskSettingsSchema.parse(merged);
      await ctx.db.write(async () => {
        await putSetting(ctx.db, SETTING_KEYS.desk, next);
        await writeAudit(ctx, { userId: actor.userId, action: 'settings.update', entity: 'settings', summary: Object.keys(patch).sort().join(', ') });
      });
      events.onDeskSettingsChanged?.(next);
      return next;
    },

    async getRequisites(): Promise<CouncilRequisites> {
      const requisites = await readRequisites(ctx);
      if (!requisites) throw new DeskError('not_found', 'errors.setup.notDone');
      return requisites;
    },

    async updateRequisites(actor: SessionUser, requisites: CouncilRequisites): Promise<CouncilRequisites> {
      requireRole(actor, ['head']);
      assertEmblemUsable(requisites);
      const next = councilRequisitesSchema.parse(requisites);
      await ctx.db.write(async () => {
        await putSetting(ctx.db, SETTING_KEYS.requisites, next);
        await writeAudit(ctx, { userId: actor.userId, action: 'requisites.update', entity: 'settings', summary: 'requisites' });
      });
      return next;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
