import type { SessionResolver } from './services/session.js';
import { loggedJournalIds } from './checkpoints/checkpoint-log.js';
import { flushCheckpoints, recordRestore } from './checkpoints/journal-checkpoints.js';
import type { RegisterDb } from './database.js';
import { createAuditService } from './services/audit.js';
import { createAuthService } from './services/auth.js';
import { createBackupService } from './services/backup.js';
import { createDocumentCodesService } from './services/document-codes.js';
import type { ServiceContext } from './services/context.js';
import { createEntriesService } from './services/entries.js';
import { createJournalsService } from './services/journals.js';
import { createKindDecisionsService } from './services/kind-decisions.js';
import { createOfficesService } from './services/offices.js';
import { createSettingsService } from './services/settings.js';
import { createSetupService } from './services/setup.js';
import { createUsersService } from './services/users.js';
import { createVerificationService } from './services/verification.js';

export { openRegister, registerPath, inspectRegisterFile, REGISTER_FILE_NAME, type RegisterDb } from './database.js';
export { SCHEMA_VERSION } from './migrations/index.js';

export interface RegisterServicesOptions {
  readonly db: RegisterDb;
  readonly dataDir: string;
  /** Defaults to the system clock; tests move it. */
  readonly now?: () => Date;
}

/** Every register service on one database connection. */
export function createRegisterServices(options: RegisterServicesOptions) {
  const ctx: ServiceContext = { db: options.db, dataDir: options.dataDir, now: options.now ?? (() => new Date()) };
  const auth = createAuthService(ctx);
  const verification = createVerificationService(ctx);
  const services = {
    ctx,
    setup: createSetupService(ctx),
    auth,
    /** The dispatcher's SessionResolver. */
    sessions: auth as SessionResolver,
    users: createUsersService(ctx, auth),
    offices: createOfficesService(ctx),
    journals: createJournalsService(ctx),
    kindDecisions: createKindDecisionsService(ctx),
    settings: createSettingsService(ctx, { onDeskSettingsChanged: (settings) => auth.setIdleLimit(settings.idleLockMinutes) }),
    entries: createEntriesService(ctx),
    documentCodes: createDocumentCodesService(ctx),
    audit: createAuditService(ctx),
    verification,
    /** Signed checkpoints of the journals, outside the register: those still waiting are written by `flush`. */
    checkpoints: { flush: () => flushCheckpoints(ctx) },
    backup: createBackupService(ctx, {
      onRestored: async (from) => {
        auth.endAllSessions();
        // A restore is a legitimate way back: signed, so the restored register verifies (R7.7).
        await recordRestore(ctx, loggedJournalIds(ctx.dataDir), from);
        void verification.verifyAllJournals();
      },
    }),
    /**
     * What to run once the app has opened the register (the start-up checks): every journal's chain
     * verified in the background, quick_check (in a worker: the desk keeps answering) and, on a
     * sound file, the day's first automatic backup. The chains start first so that a journal whose
     * chain is broken turns read-only as early as possible, not after a check of the whole file.
     */
    async onStart() {
      const verifying = verification.verifyAllJournals();
      // Handled by whoever awaits `verifying`; this only keeps an early failure from counting as unhandled meanwhile.
      verifying.catch(() => undefined);
      const integrity = await verification.quickCheck();
      const autoBackup = integrity.ok ? await services.backup.autoBackupIfDue() : null;
      return { integrity, autoBackup, verifying };
    },
  };
  return services;
}

export type RegisterServices = ReturnType<typeof createRegisterServices>;
