import { contract } from '../../shared/contract/index.js';
import { defaultTemplates, retiredDefaultTexts } from '../../shared/rules/default-templates.js';
import { parseTemplate, placeholdersFor } from '../../shared/rules/templates.js';
import { createDecliner } from '../declension/decliner.js';
import { councilHeaderFrom } from '../documents/header.js';
import { keysOfRegister } from './key-witness.js';
import { openKeyStore } from '../documents/verification.js';
import { createExchangeService } from '../exchange/index.js';
import { createDispatcher, type Dispatcher, type DispatchLogger } from '../ipc/dispatch.js';
import type { HandlerMap } from '../ipc/handler-types.js';
import { connectRegister } from '../register/connect.js';
import { holdDataFolder } from '../register/desk-lock.js';
import { ensurePrivateFolder } from '../register/private-files.js';
import { createRegisterServices, SCHEMA_VERSION, type RegisterServices } from '../register/index.js';
import { writeAudit } from '../register/services/audit.js';
import { createDirectoriesService, type AuditFn } from '../register/services/directories.js';
import { createTemplatesService, type TemplateValidator } from '../register/services/templates.js';
import { appHandlers } from './handlers/app.js';
import { auditHandlers } from './handlers/audit.js';
import { authHandlers } from './handlers/auth.js';
import { backupHandlers } from './handlers/backup.js';
import { declensionHandlers } from './handlers/declension.js';
import { documentsHandlers } from './handlers/documents.js';
import { directoriesHandlers } from './handlers/directories.js';
import { entriesHandlers } from './handlers/entries.js';
import { exchangeHandlers } from './handlers/exchange.js';
import { issuingHandlers } from './handlers/issuing.js';
import { jobsHandlers } from './handlers/jobs.js';
import { journalHandlers } from './handlers/journal.js';
import { journalsHandlers } from './handlers/journals.js';
import { officesHandlers } from './handlers/offices.js';
import { printingHandlers } from './handlers/printing.js';
import { reportsHandlers } from './handlers/reports.js';
import { settingsHandlers } from './handlers/settings.js';
import { setupHandlers } from './handlers/setup.js';
import { templatesHandlers } from './handlers/templates.js';
import { kindDecisionsHandlers } from './handlers/kind-decisions.js';
import { usersHandlers } from './handlers/users.js';
import { createIssuingService } from './issuing.js';
import { createJobRegistry, type JobRegistry } from './jobs.js';
import { createPrintingService } from './printing.js';
import { registerVerificationLookup } from '../register/services/verification-lookup.js';

export interface DeskOptions {
  /** The workstation's folder: the embedded register (unless `database` is given), signing keys, backups. */
  readonly dataDir: string;
  /** A PostgreSQL register shared by several workstations; the embedded file when absent. */
  readonly database?: string;
  /** The council's CA certificate for TLS to the server. */
  readonly caFile?: string;
  /** Training register: marked on every screen and printed page. */
  readonly demo: boolean;
  readonly appVersion: string;
  /** Training register only: the account shown on its login screen. */
  readonly trainingLogin?: { readonly login: string; readonly password: string };
  readonly now?: () => Date;
  readonly logger?: DispatchLogger;
}

export interface Desk {
  readonly dispatcher: Dispatcher;
  readonly register: RegisterServices;
  /** Long operations (journal pages, backup, restore) started through the channels. */
  readonly jobs: JobRegistry;
  /** Settles when the start-up integrity checks and the daily backup have run. */
  readonly startupChecks: Promise<void>;
  close(): Promise<void>;
}

/** Template text is checked against the placeholders its own kind allows (R7.3, R7.15). */
const validateTemplate: TemplateValidator = (text, kindId, customKinds) => {
  const parsed = parseTemplate(text, placeholdersFor(kindId, customKinds));
  return parsed.ok ? { ok: true } : { ok: false, errors: parsed.errors };
};

/** Composes the services and the handler map; the Electron shell, the bridge, the CLI and tests all start here. */
export async function createDesk(options: DeskOptions): Promise<Desk> {
  ensurePrivateFolder(options.dataDir);
  const now = options.now ?? (() => new Date());
  const db = await connectRegister({
    dataDir: options.dataDir,
    ...(options.database ? { database: options.database } : {}),
    ...(options.caFile ? { caFile: options.caFile } : {}),
  });
  const register = createRegisterServices({ db, dataDir: options.dataDir, now });
  const audit: AuditFn = (action, entity, entityId, summary, actor) =>
    writeAudit(register.ctx, { userId: actor?.userId ?? null, action, entity, entityId, summary });
  const directories = createDirectoriesService({ db, now, audit });
  const templates = createTemplatesService({ db, now, audit, validateTemplate });
  await templates.ensureDefaultTemplates(defaultTemplates, retiredDefaultTexts);
  const decliner = createDecliner();
  // Signing keys live beside the register, never inside it: a copied register file signs nothing.
  const keyStore = openKeyStore(options.dataDir);
  const keys = keysOfRegister(register.settings, keyStore);
  const printing = createPrintingService({ register, templates, keyStore, keys, trainingMode: options.demo, now });
  const issuing = createIssuingService({
    register,
    directories,
    templates,
    decliner,
    now,
    verificationCodeBinder: (officeCode) => printing.verificationCodeBinder(officeCode),
    journalWritableHere: (officeId) => register.offices.journalWritableHere(officeId),
  });

  const jobs = createJobRegistry({ now, ...(options.logger ? { logger: options.logger } : {}) });
  const handlers: HandlerMap<typeof contract> = {
    ...appHandlers({ version: options.appVersion, schemaVersion: SCHEMA_VERSION, trainingMode: options.demo, trainingLogin: options.trainingLogin }),
    ...setupHandlers(register),
    ...authHandlers(register),
    ...usersHandlers(register),
    ...officesHandlers(register),
    ...journalsHandlers(register),
    ...settingsHandlers(register),
    ...entriesHandlers(register),
    ...journalHandlers(register),
    ...auditHandlers(register),
    ...backupHandlers(register, jobs),
    ...directoriesHandlers(directories),
    ...templatesHandlers(templates),
    ...kindDecisionsHandlers(register.kindDecisions),
    ...declensionHandlers(decliner),
    ...issuingHandlers(issuing),
    ...printingHandlers(printing, issuing, jobs),
    ...jobsHandlers(jobs),
    ...exchangeHandlers(createExchangeService(register)),
    ...reportsHandlers({ now }),
    ...documentsHandlers({
      keyStore,
      keys,
      now,
      witness: (code) => register.verification.witness(code),
      councilHeader: async () => councilHeaderFrom(await register.settings.getRequisites()),
      lookup: registerVerificationLookup(db, keyStore),
    }),
  };
  const dispatcher = createDispatcher(contract, handlers, register.sessions, options.logger);
  // Integrity checks run after the desk is ready, not on its start path (a million-entry register): quick_check and
  // the chain verification take seconds on a large register; writes wait for the verdict themselves.
  let closed = false;
  const startupChecks = new Promise<void>((resolve) => setTimeout(resolve, 0))
    .then(async () => {
      if (closed) return;
      const { verifying } = await register.onStart();
      // The chain verification goes on in the background; a register closed meanwhile ends it.
      verifying.catch(() => undefined);
    })
    .catch((error: unknown) => {
      if (!closed) options.logger?.error('start-up checks failed', { error: error instanceof Error ? error.name : String(error) });
    });
  // Taken once the desk is up: while it runs, `migrate-to-postgres` refuses to copy the folder's register.
  const hold = options.database ? null : holdDataFolder(options.dataDir);
  return {
    dispatcher,
    register,
    jobs,
    startupChecks,
    close: async () => {
      // Closing twice (a window's close and then the process's) is a no-op, not a second end of the pool.
      if (closed) return;
      closed = true;
      // A job still copying or printing stops first; a restore that is replacing finishes.
      await jobs.stopAll();
      // Queued audit rows of searches are written before the register closes.
      await register.audit.flush().catch(() => undefined);
      // So are the journals' signed checkpoints still waiting for their turn.
      await register.checkpoints.flush();
      await db.close();
      hold?.release();
    },
  };
}
