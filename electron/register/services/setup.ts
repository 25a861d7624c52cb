import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain/directories-core.js';
import { entrySorts } from '../../../shared/domain/entry.js';
import type { CouncilRequisites } from '../../../shared/domain/requisites.js';
import { hashPassword } from '../password.js';
import { insertJournal } from '../repositories/journals.js';
import { insertOffice } from '../repositories/offices.js';
import { getSetting, putSetting } from '../repositories/settings.js';
import { runImmediate } from '../repositories/transaction.js';
import { countUsers, insertUser } from '../repositories/users.js';
import { writeAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import { readDeskSettings, SETTING_KEYS } from './settings.js';

export interface SetupInput {
  requisites: CouncilRequisites;
  centralOffice: { name: string; code: string };
  journal: { index: string; title: string };
  head: { login: string; fullName: string; password: string };
}

export function isSetupDone(ctx: ServiceContext): boolean {
  return getSetting(ctx.db, SETTING_KEYS.setupDone) === true || countUsers(ctx.db) > 0;
}

export function createSetupService(ctx: ServiceContext) {
  return {
    async status(): Promise<{ needsSetup: boolean; trainingMode: boolean }> {
      return { needsSetup: !isSetupDone(ctx), trainingMode: readDeskSettings(ctx).trainingMode };
    },

    /** First run (issue 4 §6): requisites, the central office and its journal, the first head. Once. */
    async run(input: SetupInput): Promise<{ officeId: string; journalId: string; userId: string }> {
      if (isSetupDone(ctx)) throw new DeskError('conflict', 'errors.setup.alreadyDone');
      const passwordHash = await hashPassword(input.head.password);
      const ids = { officeId: uuidv7(), journalId: uuidv7(), userId: uuidv7() };
      runImmediate(ctx.db, () => {
        // Checked again under the write lock: two windows finishing setup at once make one head.
        if (isSetupDone(ctx)) throw new DeskError('conflict', 'errors.setup.alreadyDone');
        putSetting(ctx.db, SETTING_KEYS.requisites, input.requisites);
        putSetting(ctx.db, SETTING_KEYS.desk, DEFAULT_SETTINGS);
        insertOffice(ctx.db, { id: ids.officeId, code: input.centralOffice.code, name: input.centralOffice.name, kind: 'central', active: true });
        insertJournal(ctx.db, {
          id: ids.journalId,
          officeId: ids.officeId,
          index: input.journal.index,
          title: input.journal.title,
          sorts: [...entrySorts],
          active: true,
        });
        insertUser(ctx.db, {
          id: ids.userId,
          login: input.head.login,
          fullName: input.head.fullName,
          role: 'head',
          officeId: ids.officeId,
          passwordHash,
          failedCount: 0,
          lockedUntil: null,
          active: true,
        });
        putSetting(ctx.db, SETTING_KEYS.setupDone, true);
        writeAudit(ctx, { userId: ids.userId, action: 'setup.run', entity: 'register', summary: 'first-run setup' });
      });
      return ids;
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
