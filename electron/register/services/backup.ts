import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DeskError } from '../../../shared/contract/errors.js';
import type { SessionUser } from './session.js';
import { inspectRegisterFile, migrate, openSqliteConnection, sqliteOptions, type SqliteConnection } from '../database.js';
import { quickCheckFile } from '../integrity-check.js';
import { kyivLocalDate } from '../kyiv-time.js';
import { SCHEMA_VERSION } from '../migrations/index.js';
import { getSetting, putSetting } from '../repositories/settings.js';
import { getUser } from '../repositories/users.js';
import { writeAudit } from './audit.js';
import { requireRole, type ServiceContext } from './context.js';
import { isSetupDone } from './setup.js';
import { readDeskSettings, SETTING_KEYS } from './settings.js';
import { createPrivateFile, ensurePrivateFolder } from '../private-files.js';

export const backupReasons = ['manual', 'auto', 'before-restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupInfo {
  file: string;
  name: string;
  bytes: number;
  /** UTC instant of the copy, from its name. */
  createdAt: string;
  reason: BackupReason;
}

export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

export type BackupStage = 'copying' | 'checking';
export type RestoreStage = 'checking' | 'saving' | 'replacing';

/** Progress and cancellation of a long copy (long operations show progress and can be cancelled); the command line passes neither signal nor stage. */
export interface CopyWatch<Stage extends string> {
  onProgress?: (progress: BackupProgress) => void;
  onStage?: (stage: Stage) => void;
  /** Aborting stops the copy at its next step; nothing half-made is left behind. */
  signal?: AbortSignal;
}

export interface CreateBackupOptions extends CopyWatch<BackupStage> {
  /** Another folder than the configured one (command line `--to`). */
  folder?: string;
  reason?: BackupReason;
}

export type RestoreOptions = CopyWatch<RestoreStage>;

export interface RestoreResult {
  restoredFrom: string;
  savedCurrentAs: BackupInfo;
}

const BACKUP_NAME = /^register-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(manual|auto|before-restore)\.sqlite$/;
const PAGES_PER_STEP = 256;

function backupName(instant: Date, reason: BackupReason): string {
  return `register-${instant.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

function describeBackup(file: string): BackupInfo | undefined {
  const name = path.basename(file);
  const match = BACKUP_NAME.exec(name);
  if (!match) return undefined;
  const [, date, hours, minutes, seconds, millis, reason] = match;
  return {
    file,
    name,
    bytes: fs.statSync(file).size,
    createdAt: `${date}T${hours}:${minutes}:${seconds}.${millis}Z`,
    reason: reason as BackupReason,
  };
}

/** A backup is one self-contained file: no WAL beside it to lose when it is copied elsewhere. */
function makeStandalone(file: string): void {
  const copy = new Database(file, sqliteOptions({ fileMustExist: true }));
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/**
 * A copy is kept only if it opens as our register at our schema and passes quick_check. The check
 * reads the whole file: it runs in a worker thread so the desk keeps answering, and stops on the signal.
 */
async function checkCopy(file: string, signal: AbortSignal | undefined): Promise<void> {
  openSqliteConnection(file, { readonly: true }).close();
  if (!(await quickCheckFile(file, signal ? { signal } : {})).ok) throw new DeskError('storage', 'errors.backup.copyDamaged');
}

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const UNWRITABLE_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'ENOENT', 'SQLITE_CANTOPEN', 'SQLITE_READONLY']);

/** A full or read-only backup target (a USB stick) is a storage problem the head can fix, not an internal error: the message tells them what to do. */
function unwritableTarget(error: unknown): unknown {
  if (error instanceof DeskError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  if (FULL_CODES.has(code)) return new DeskError('storage', 'errors.storage.full');
  if (UNWRITABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR')) return new DeskError('storage', 'errors.storage.readOnly');
  return error;
}

/**
 * The register file these backups copy. A register on a PostgreSQL server is backed up by the
 * server's own routine (pg_dump, docs/postgres.md), not by a workstation.
 */
function embeddedRegister(ctx: ServiceContext): SqliteConnection {
  if (!ctx.db.sqlite) throw new DeskError('conflict', 'errors.backup.onServer');
  return ctx.db.sqlite;
}

/** A folder that is a file, or one the desk may not read, is the head's to fix in the settings: say which. */
function listedNames(folder: string): string[] {
  try {
    return fs.readdirSync(folder);
  } catch (error) {
    const code = String((error as { code?: unknown } | null)?.code ?? '');
    if (FOLDER_UNREADABLE_CODES.has(code)) throw new DeskError('storage', 'errors.backup.folderUnusable', { folder });
    throw error;
  }
}

const FOLDER_UNREADABLE_CODES = new Set(['ENOTDIR', 'EACCES', 'EPERM', 'ELOOP', 'ENAMETOOLONG', 'EIO']);

export function createBackupService(ctx: ServiceContext, hooks: { onRestored: (from: string) => Promise<void> }) {
  async function folderFor(options: CreateBackupOptions): Promise<string> {
    const folder = path.resolve(options.folder ?? (await readDeskSettings(ctx)).backupFolder ?? path.join(ctx.dataDir, 'backups'));
    // Kernel pseudo-filesystems are never a backup target (Node's recursive mkdir can spin on /proc).
    if (/^\/(proc|sys|dev)(\/|$)/.test(folder)) throw new DeskError('storage', 'errors.storage.readOnly');
    return folder;
  }

  async function actorId(actor: SessionUser | null): Promise<string | null> {
    return actor && (await getUser(ctx.db, actor.userId)) ? actor.userId : null;
  }

  /**
   * Copies the live register into the folder and checks the copy; no audit row yet. Aborting the
   * signal stops the copy at its next step (better-sqlite3 closes the backup when the progress
   * callback throws) and removes the partial file.
   */
  async function copyToFile(options: CreateBackupOptions): Promise<BackupInfo> {
    const live = embeddedRegister(ctx);
    const folder = await folderFor(options);
    const reason = options.reason ?? 'manual';
    try {
      ensurePrivateFolder(folder);
    } catch (error) {
      const code = String((error as { code?: unknown } | null)?.code ?? '');
      // A file where the folder should be is a wrong setting, not a full or read-only disk.
      if (code === 'EEXIST') throw new DeskError('storage', 'errors.backup.folderUnusable', { folder });
      throw unwritableTarget(error);
    }
    const file = path.join(folder, backupName(ctx.now(), reason));
    // Written under a temporary name: a copy cut short never looks like a backup, and is removed.
    const partial = `${file}.partial`;
    try {
      // A copy of the register is as private as the register (0600).
      fs.rmSync(partial, { force: true });
      createPrivateFile(partial);
      options.onStage?.('copying');
      const copied = await live.backup(partial, {
        progress: (progress) => {
          options.onProgress?.(progress);
          options.signal?.throwIfAborted();
          return PAGES_PER_STEP;
        },
      });
      // The last step resolves without calling back: the caller hears of the finished copy here.
      options.onProgress?.(copied);
      options.signal?.throwIfAborted();
      options.onStage?.('checking');
      makeStandalone(partial);
      await checkCopy(partial, options.signal);
      options.signal?.throwIfAborted();
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw unwritableTarget(error);
    }
    fs.renameSync(partial, file);
    const info = describeBackup(file);
    if (!info) throw new DeskError('internal', 'errors.backup.badName');
    return info;
  }

  async function auditCopy(actor: SessionUser | null, info: BackupInfo): Promise<void> {
    await writeAudit(ctx, { userId: await actorId(actor), action: 'backup.create', entity: 'register', summary: `${info.reason} ${info.name}` });
  }

  async function copyRegister(actor: SessionUser | null, options: CreateBackupOptions): Promise<BackupInfo> {
    const info = await copyToFile(options);
    await auditCopy(actor, info);
    return info;
  }

  return {
    /** The folder backups go to when none is named: the settings' folder or `<data>/backups`. */
    folder(): Promise<string> {
      return folderFor({});
    },

    /** Online backup, reopened and checked; `actor` null for the command line and the automatic backup. */
    async create(actor: SessionUser | null, options: CreateBackupOptions = {}): Promise<BackupInfo> {
      if (actor) requireRole(actor, ['head']);
      return copyRegister(actor, options);
    },

    /** Backups in the configured folder, newest first. */
    async list(actor: SessionUser): Promise<BackupInfo[]> {
      requireRole(actor, ['head']);
      const folder = await folderFor({});
      if (!fs.existsSync(folder)) return [];
      return listedNames(folder)
        .map((name) => describeBackup(path.join(folder, name)))
        .filter((info): info is BackupInfo => info !== undefined)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    /** The first start of each Kyiv day copies the register to the configured folder. */
    async autoBackupIfDue(): Promise<BackupInfo | null> {
      const today = kyivLocalDate(ctx.now());
      if (!ctx.db.sqlite || !(await isSetupDone(ctx)) || (await getSetting(ctx.db, SETTING_KEYS.lastAutoBackupDate)) === today) return null;
      const info = await copyRegister(null, { reason: 'auto' });
      await putSetting(ctx.db, SETTING_KEYS.lastAutoBackupDate, today);
      return info;
    },

    /**
     * Replaces the register's content with a backup's. The backup must be our register, not newer
     * than the app, and sound; the current content is saved first. Everyone is logged out after.
     * Stages (cancellable where that is safe): 'checking' and 'saving' stop on the signal and leave the register and
     * the backup folder as they were; 'replacing' is never stopped once begun.
     */
    async restore(actor: SessionUser | null, file: string, options: RestoreOptions = {}): Promise<RestoreResult> {
      if (actor) requireRole(actor, ['head']);
      const live = embeddedRegister(ctx);
      const { signal, onStage, onProgress } = options;
      onStage?.('checking');
      const source = path.resolve(file);
      if (!fs.existsSync(source)) throw new DeskError('not_found', 'errors.backup.notFound');
      if (source === path.resolve(live.name)) throw new DeskError('conflict', 'errors.backup.sameFile');
      const version = inspectRegisterFile(source);
      if (version > SCHEMA_VERSION) {
        throw new DeskError('storage', 'errors.register.newerSchema', { found: version, supported: SCHEMA_VERSION });
      }
      if (!(await quickCheckFile(source, signal ? { signal } : {})).ok) throw new DeskError('storage', 'errors.backup.copyDamaged');
      signal?.throwIfAborted();
      const copy = new Database(source, sqliteOptions({ readonly: true, fileMustExist: true }));
      try {
        const saved = await copyToFile({ reason: 'before-restore', onStage: () => onStage?.('saving'), ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) });
        // The last point where stopping is safe: a stop here removes the copy just made. From the
        // stage change on (same turn, nothing awaited) the replacing runs to its end.
        if (signal?.aborted) {
          fs.rmSync(saved.file, { force: true });
          signal.throwIfAborted();
        }
        onStage?.('replacing');
        // The backup API writes into the open register page by page inside one write transaction:
        // the live connection sees either the old or the restored content, never a mix.
        const replaced = await copy.backup(live.name, {
          progress: (progress) => {
            onProgress?.(progress);
            return PAGES_PER_STEP;
          },
        });
        onProgress?.(replaced);
        migrate(live);
        await hooks.onRestored(source);
        // Written into the restored register: rows written before the replacing would be gone with it.
        await auditCopy(actor, saved);
        await writeAudit(ctx, { userId: await actorId(actor), action: 'backup.restore', entity: 'register', summary: path.basename(source) });
        return { restoredFrom: source, savedCurrentAs: saved };
      } finally {
        copy.close();
      }
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
