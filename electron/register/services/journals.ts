import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import { isNomenclatureIndex, type Journal } from '../../../shared/domain/directories-core.js';
import type { EntryRecord, EntrySort } from '../../../shared/domain/entry.js';
import type { SessionUser } from './session.js';
import {
  getJournal,
  insertJournal,
  insertJournalYearStart,
  journalHasEntries,
  journalIndexTaken,
  journalYearCounted,
  listJournals,
  selectJournalYearStarts,
  updateJournal,
  type JournalYearStartRow,
} from '../repositories/journals.js';
import { journalEntriesBetween, latestEntryOfJournal, lockJournalForWriting } from '../repositories/entries.js';
import { kyivLocalDate } from '../kyiv-time.js';
import { getOffice } from '../repositories/offices.js';
import { writeAudit } from './audit.js';
import { officeScope, requireOfficeAccess, requireRole, type ServiceContext } from './context.js';

export interface CreateJournalInput {
  officeId: string;
  index: string;
  title: string;
  sorts: EntrySort[];
  numberFormat?: string;
}

export interface UpdateJournalInput {
  id: string;
  officeId?: string;
  index?: string;
  title?: string;
  sorts?: EntrySort[];
  numberFormat?: string | null;
  active?: boolean;
}

/** Reads a journal the actor may work in, or throws not_found / forbidden. */
export async function accessibleJournal(ctx: ServiceContext, actor: SessionUser, journalId: string): Promise<Journal> {
  const journal = await getJournal(ctx.db, journalId);
  if (!journal) throw new DeskError('not_found', 'errors.journals.notFound');
  requireOfficeAccess(actor, journal.officeId);
  return journal;
}

/** Checked here as well as in the contract: the index is printed in every number (R7.11). */
export function assertNomenclatureIndex(index: string): void {
  if (!isNomenclatureIndex(index)) throw new DeskError('invalid_input', 'errors.invalid_input', undefined, [{ path: 'index', messageKey: 'validation.journal.index' }]);
}

export function createJournalsService(ctx: ServiceContext) {
  return {
    /** A remote administrator sees only the journals of their own office. */
    async list(actor: SessionUser, filter: { officeId?: string } = {}): Promise<Journal[]> {
      const scope = officeScope(actor);
      if (scope && filter.officeId && filter.officeId !== scope) throw new DeskError('forbidden', 'errors.register.otherOffice');
      return listJournals(ctx.db, scope ?? filter.officeId);
    },

    async get(actor: SessionUser, journalId: string): Promise<Journal> {
      return accessibleJournal(ctx, actor, journalId);
    },

    /** Entries for printed journal pages (section E); the print is audited by `pagesPrinted` once the pages exist. */
    async pageEntries(actor: SessionUser, input: { journalId: string; dateFrom: string; dateTo: string }): Promise<EntryRecord[]> {
      const journal = await accessibleJournal(ctx, actor, input.journalId);
      return journalEntriesBetween(ctx.db, journal.id, input.dateFrom, input.dateTo);
    },

    /** Printing pages of personal data is audited — only when the pages were made, not for a print stopped halfway. */
    async pagesPrinted(actor: SessionUser, input: { journalId: string; dateFrom: string; dateTo: string }, entryCount: number): Promise<void> {
      await writeAudit(ctx, {
        userId: actor.userId,
        action: 'journal.print',
        entity: 'journal',
        entityId: input.journalId,
        summary: `${input.dateFrom}..${input.dateTo}; ${entryCount} entries`,
      });
    },

    /** The years in which the journal continued a paper one, with their first numbers (section E). */
    async yearStarts(actor: SessionUser, journalId: string): Promise<JournalYearStartRow[]> {
      const journal = await accessibleJournal(ctx, actor, journalId);
      return selectJournalYearStarts(ctx.db, journal.id);
    },

    /**
     * A journal that continues a paper one mid-year: its first entry of this (Kyiv) year takes the
     * number after the paper journal's last, so the year's numbering stays gap-free across paper
     * and desk (section E). Set once, by the head, before any number of the year is taken — under
     * the journal's write lock, so no entry can be numbered from 1 meanwhile.
     */
    async setYearStart(actor: SessionUser, input: { journalId: string; paperLastNumber: number; paperClosedBy: string }): Promise<JournalYearStartRow> {
      requireRole(actor, ['head']);
      const journal = await accessibleJournal(ctx, actor, input.journalId);
      return ctx.db.write(async () => {
        await lockJournalForWriting(ctx.db, journal.id);
        const setAt = ctx.now();
        const year = Number(kyivLocalDate(setAt).slice(0, 4));
        if ((await selectJournalYearStarts(ctx.db, journal.id)).some((start) => start.year === year)) {
          throw new DeskError('conflict', 'errors.journals.yearStartSet', { year });
        }
        const latest = await latestEntryOfJournal(ctx.db, journal.id);
        if ((await journalYearCounted(ctx.db, journal.id, year)) || (latest && latest.year > year)) {
          throw new DeskError('conflict', 'errors.journals.yearStartAfterEntries', { year });
        }
        const start: JournalYearStartRow = {
          journalId: journal.id,
          year,
          firstNumber: input.paperLastNumber + 1,
          paperLastNumber: input.paperLastNumber,
          paperClosedBy: input.paperClosedBy,
          setAt: setAt.toISOString(),
          setBy: actor.userId,
          setByName: actor.fullName,
        };
        await insertJournalYearStart(ctx.db, start);
        await writeAudit(ctx, {
          userId: actor.userId,
          action: 'journal.year_start',
          entity: 'journal',
          entityId: journal.id,
          summary: `${journal.index} ${year} from ${start.firstNumber}`,
        });
        return start;
      });
    },

    async create(actor: SessionUser, input: CreateJournalInput): Promise<Journal> {
      requireRole(actor, ['head']);
      assertNomenclatureIndex(input.index);
      const id = uuidv7();
      await ctx.db.write(async () => {
        if (!await getOffice(ctx.db, input.officeId)) throw new DeskError('not_found', 'errors.offices.notFound');
        // Section E: journals of different offices never print the same number, so they merge.
        if (await journalIndexTaken(ctx.db, input.index)) throw new DeskError('conflict', 'errors.journals.indexTaken');
        await insertJournal(ctx.db, {
          id,
          officeId: input.officeId,
          index: input.index,
          title: input.title,
          sorts: [...new Set(input.sorts)],
          ...(input.numberFormat ? { numberFormat: input.numberFormat } : {}),
          active: true,
        });
        await writeAudit(ctx, { userId: actor.userId, action: 'journal.create', entity: 'journal', entityId: id, summary: input.index });
      });
      return accessibleJournal(ctx, actor, id);
    },

    /**
     * The office and index of a journal are fixed once it holds entries (its numbers are printed
     * on issued documents, R7.11); title, sorts, format and the active flag stay editable. A new
     * format applies to new entries only: printed numbers are stored with each entry.
     */
    async update(actor: SessionUser, input: UpdateJournalInput): Promise<Journal> {
      requireRole(actor, ['head']);
      await ctx.db.write(async () => {
        const current = await getJournal(ctx.db, input.id);
        if (!current) throw new DeskError('not_found', 'errors.journals.notFound');
        const moves = (input.officeId !== undefined && input.officeId !== current.officeId) || (input.index !== undefined && input.index !== current.index);
        if (moves && await journalHasEntries(ctx.db, current.id)) throw new DeskError('conflict', 'errors.journals.hasEntries');
        const officeId = input.officeId ?? current.officeId;
        const index = input.index ?? current.index;
        if (input.index !== undefined) assertNomenclatureIndex(input.index);
        if (!await getOffice(ctx.db, officeId)) throw new DeskError('not_found', 'errors.offices.notFound');
        if (await journalIndexTaken(ctx.db, index, current.id)) throw new DeskError('conflict', 'errors.journals.indexTaken');
        const numberFormat = input.numberFormat === undefined ? current.numberFormat : input.numberFormat ?? undefined;
        await updateJournal(ctx.db, {
          id: current.id,
          officeId,
          index,
          title: input.title ?? current.title,
          sorts: input.sorts ? [...new Set(input.sorts)] : current.sorts,
          ...(numberFormat ? { numberFormat } : {}),
          active: input.active ?? current.active,
        });
        await writeAudit(ctx, { userId: actor.userId, action: 'journal.update', entity: 'journal', entityId: current.id, summary: index });
      });
      return accessibleJournal(ctx, actor, input.id);
    },
  };
}

export type JournalsService = ReturnType<typeof createJournalsService>;
