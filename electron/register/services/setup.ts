import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain/directories-core.js';
import { entrySorts } from '../../../shared/domain/entry.js';
import type { CouncilRequisites } from '../../../shared/domain/requisites.js';
import { hashPassword } from '../password.js';
import { upsertSignatory } from '../repositories/directories.js';
import { insertJournal } from '../repositories/journals.js';
import { insertOffice } from '../repositories/offices.js';
import { getSetting, lockSettings, putSetting } from '../repositories/settings.js';
import { countUsers, insertUser } from '../repositories/users.js';
import { writeAudit } from './audit.js';
import { assertNomenclatureIndex } from './journals.js';
import { assertOfficeCode } from './offices.js';
import type { ServiceContext } from './context.js';
import { assertEmblemUsable, readDeskSettings, SETTING_KEYS } from './settings.js';
import { kyivLocalDate } from '../kyiv-time.js';

export interface SetupInput {
  requisites: CouncilRequisites;
  centralOffice: { name: string; code: string };
  journal: { index: string; title: string };
  head: { login: string; fullName: string; password: string };
  signatory?: { fullName: string; position: string; sealName: string } | undefined;
}

export async function isSetupDone(ctx: ServiceContext): Promise<boolean> {
  return (await getSetting(ctx.db, SETTING_KEYS.setupDone)) === true || (await countUsers(ctx.db)) > 0;
}

export function createSetupService(ctx: ServiceContext) {
  return {
    async status(): Promise<{ needsSetup: boolean; trainingMode: boolean }> {
      return { needsSetup: !(await isSetupDone(ctx)), trainingMode: (await readDeskSettings(ctx)).trainingMode };
    },

    /** First run: requisites, the central office and its journal, the first head. Once. */
    async run(input: SetupInput): Promise<{ officeId: string; journalId: string; userId: string }> {
      if (await isSetupDone(ctx)) throw new DeskError('conflict', 'errors.setup.alreadyDone');
      assertOfficeCode(input.centralOffice.code);
      assertNomenclatureIndex(input.journal.index);
      assertEmblemUsable(input.requisites);
      const passwordHash = await hashPassword(input.head.password);
      const ids = { officeId: uuidv7(), journalId: uuidv7(), userId: uuidv7() };
      await ctx.db.write(async () => {
        // Checked again under the write lock: two windows (or workstations) finishing setup at once make one head.
        await lockSettings(ctx.db);
        if (await isSetupDone(ctx)) throw new DeskError('conflict', 'errors.setup.alreadyDone');
        await putSetting(ctx.db, SETTING_KEYS.requisites, input.requisites);
        await putSetting(ctx.db, SETTING_KEYS.desk, DEFAULT_SETTINGS);
        await insertOffice(ctx.db, { id: ids.officeId, code: input.centralOffice.code, name: input.centralOffice.name, kind: 'central', active: true });
        await insertJournal(ctx.db, {
          id: ids.journalId,
          officeId: ids.officeId,
          index: input.journal.index,
          title: input.journal.title,
          sorts: [...entrySorts],
          active: true,
        });
        await insertUser(ctx.db, {
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
        if (input.signatory) {
          // R7.10: the first signatory of certificates, with the «Для довідок» seal, from today.
          const at = ctx.now();
          await upsertSignatory(ctx.db, { id: uuidv7(), ...input.signatory, seal: 'for_certificates', validFrom: kyivLocalDate(at) }, at.toISOString());
        }
        await putSetting(ctx.db, SETTING_KEYS.setupDone, true);
        await writeAudit(ctx, { userId: ids.userId, action: 'setup.run', entity: 'register', summary: 'first-run setup' });
      });
      return ids;
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
