import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import { canonicalJson } from '../../../shared/domain/canonical-json.js';
import type { Journal } from '../../../shared/domain/directories-core.js';
import {
  entryContentSchema,
  type EntryContent,
  type EntryRecord,
  type EntrySort,
  type EntryStatus,
} from '../../../shared/domain/entry.js';
import type { SessionUser } from '../../ipc/handler-types.js';
import { entryHash, GENESIS_HASH } from '../hash-chain.js';
import { kyivLocalDate } from '../kyiv-time.js';
import { formatPrintedNumber } from '../printed-number.js';
import {
  dayTotalsByJournal,
  getEntryRecord,
  insertAnnulment,
  insertEntry,
  insertHandover,
  insertReissue,
  isReplacementTaken,
  latestEntryOfJournal,
  lockJournalForWriting,
  searchEntryRecords,
  takeNextNumber,
  type DayTotalsRow,
} from '../repositories/entries.js';
import { searchTextOf, searchWords } from '../search-text.js';
import { queueReadAudit, writeAudit } from './audit.js';
import { officeScope, requireOfficeAccess, type ServiceContext } from './context.js';
import { accessibleJournal } from './journals.js';
import { readDeskSettings } from './settings.js';
import { assertEntryWritable, assertJournalWritable } from './verification.js';

export interface AppendEntryInput {
  journalId: string;
  content: EntryContent;
  user: SessionUser;
  /** Called before the transaction; throws DeskError('rule_violation') when the checklist is incomplete (R7.4). */
  gate: (content: EntryContent) => void;
}

/** One entry of a batch: what `appendEntry` takes, plus the instant it is written at. */
export interface BatchEntryInput extends AppendEntryInput {
  /** The clock for this entry (and its audit row): a generated register spreads entries over years. */
  at: Date;
  /** A given UUIDv7 (a seeded generator's, for reproducible registers); a fresh one otherwise. */
  id?: string;
  /** Handed over later, by the same user (section E). */
  handover?: { at: Date; receivedBy: 'subject' | 'representative'; recipientName: string };
  /** Annulled later, by the same user (section E). */
  annulment?: { at: Date; reason: string };
}

export interface HandoverInput {
  entryId: string;
  receivedBy: 'subject' | 'representative';
  recipientName: string;
}

export interface EntrySearchInput {
  text?: string;
  dateFrom?: string;
  dateTo?: string;
  journalId?: string;
  officeId?: string;
  kind?: string;
  sort?: EntrySort;
  status?: EntryStatus;
  createdBy?: string;
  page: number;
  pageSize: number;
}

export interface EntrySearchResult {
  items: EntryRecord[];
  total: number;
  page: number;
  pageSize: number;
}

const BUSY_RETRIES = 3;

export function kindsOf(content: EntryContent): string[] {
  if (content.sort === 'certificate') return [...content.kinds];
  if (content.sort === 'certification') return [content.kind];
  return [...content.requested.kinds];
}

export type PrintedNumberFormat = (year: number, number: number) => string;

/** The journal's printed number for any (year, number), with the format read once. */
export async function printedNumberFormatter(ctx: ServiceContext, journal: Journal): Promise<PrintedNumberFormat> {
  const format = journal.numberFormat ?? (await readDeskSettings(ctx)).numberFormat;
  return (year, number) => formatPrintedNumber(format, { index: journal.index, number, year, office: journal.officeCode });
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/** Another process holding the file past the busy timeout: try again a few times, then say so. */
async function withBusyRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (attempt >= BUSY_RETRIES) throw new DeskError('busy', 'errors.busy');
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/** What identifies a new entry besides its content: its id (UUIDv7); the instant is `ctx.now()`. */
export interface EntryStamp {
  readonly id: string;
}

/**
 * Writes one entry: number, chain link, row, search text and audit row (section E). Must run
 * inside a write transaction, which it makes the journal's only writer before reading the chain
 * head and the counter, so the number read and the number written cannot interleave with another
 * writer; `appendEntry` runs it in its own transaction, `appendBatch` runs many in one. The
 * instant is read from `ctx.now()` under the lock; `printNumber` is the journal's number format,
 * read in the same transaction (once per batch, not once per entry: issue 8).
 */
async function writeEntryRow(
  ctx: ServiceContext,
  journal: Journal,
  printNumber: PrintedNumberFormat,
  content: EntryContent,
  user: SessionUser,
  stamp: EntryStamp,
): Promise<{ id: string; printedNumber: string }> {
  await lockJournalForWriting(ctx.db, journal.id);
  const instant = ctx.now();
  const localDate = kyivLocalDate(instant);
  const year = Number(localDate.slice(0, 4));
  const latest = await latestEntryOfJournal(ctx.db, journal.id);
  // A journal never reopens a closed year: a clock set back would otherwise reuse numbers.
  if (latest && latest.year > year) throw new DeskError('conflict', 'errors.entries.clockBehind', { year: latest.year });
  const number = await takeNextNumber(ctx.db, journal.id, year);
  const printedNumber = printNumber(year, number);
  const fields = {
    id: stamp.id,
    journalId: journal.id,
    year,
    number,
    printedNumber,
    sort: content.sort,
    kinds: kindsOf(content),
    createdAt: instant.toISOString(),
    localDate,
    createdBy: user.userId,
    content,
  };
  const prevHash = latest?.hash ?? GENESIS_HASH;
  await insertEntry(
    ctx.db,
    { ...fields, contentJson: canonicalJson(content), prevHash, hash: entryHash(prevHash, fields) },
    searchTextOf(content, printedNumber),
  );
  await writeAudit(ctx, { userId: user.userId, action: 'entry.create', entity: 'entry', entityId: fields.id, summary: `${printedNumber} ${content.sort}` });
  return { id: fields.id, printedNumber };
}

type EntryState = Pick<EntryRecord, 'id' | 'printedNumber' | 'handover' | 'annulment'>;

/** Section E: handed over against signature, once, and never after an annulment. */
async function writeHandover(ctx: ServiceContext, actor: SessionUser, record: EntryState, input: Omit<HandoverInput, 'entryId'>): Promise<void> {
  if (record.annulment) throw new DeskError('conflict', 'errors.entries.annulled');
  if (record.handover) throw new DeskError('conflict', 'errors.entries.alreadyHandedOver');
  await insertHandover(ctx.db, {
    entryId: record.id,
    at: ctx.now().toISOString(),
    receivedBy: input.receivedBy,
    recipientName: input.recipientName,
    byUser: actor.userId,
  });
  await writeAudit(ctx, { userId: actor.userId, action: 'entry.handover', entity: 'entry', entityId: record.id, summary: `${record.printedNumber} ${input.receivedBy}` });
}

/** Section E: a mistake is corrected by annulling (reason, who, when); the number stays taken. */
async function writeAnnulment(ctx: ServiceContext, actor: SessionUser, record: EntryState, reason: string): Promise<void> {
  if (record.annulment) throw new DeskError('conflict', 'errors.entries.alreadyAnnulled');
  await insertAnnulment(ctx.db, { entryId: record.id, at: ctx.now().toISOString(), reason, byUser: actor.userId });
  // The reason is free text and may name people: the audit row carries the number only.
  await writeAudit(ctx, { userId: actor.userId, action: 'entry.annul', entity: 'entry', entityId: record.id, summary: record.printedNumber });
}

export function createEntriesService(ctx: ServiceContext) {
  async function existing(actor: SessionUser, entryId: string): Promise<EntryRecord> {
    const record = await getEntryRecord(ctx.db, entryId);
    if (!record) throw new DeskError('not_found', 'errors.entries.notFound');
    requireOfficeAccess(actor, record.officeId);
    return record;
  }

  async function reread(entryId: string): Promise<EntryRecord> {
    const record = await getEntryRecord(ctx.db, entryId);
    if (!record) throw new DeskError('not_found', 'errors.entries.notFound');
    return record;
  }

  /** Number, chain link, row, search text and audit row, all under one write lock (section E). */
  async function writeEntry(journal: Journal, content: EntryContent, user: SessionUser): Promise<string> {
    const id = uuidv7();
    return ctx.db.write(async () => (await writeEntryRow(ctx, journal, await printedNumberFormatter(ctx, journal), content, user, { id })).id);
  }

  return {
    /**
     * Registers an issued certificate, certification or refusal (R7.7). The gate (the rules'
     * checklist, R7.4/R7.6) runs first; the number is taken inside the insert's transaction.
     */
    async appendEntry(input: AppendEntryInput): Promise<EntryRecord> {
      await assertJournalWritable(ctx, input.journalId);
      const parsed = entryContentSchema.safeParse(input.content);
      if (!parsed.success) throw new DeskError('invalid_input', 'errors.entries.invalidContent');
      const content = parsed.data;
      const journal = await accessibleJournal(ctx, input.user, input.journalId);
      if (!journal.active) throw new DeskError('conflict', 'errors.journals.inactive');
      if (!journal.sorts.includes(content.sort)) throw new DeskError('conflict', 'errors.journals.sortNotHeld', { sort: content.sort });
      input.gate(content);
      const id = await withBusyRetry(() => writeEntry(journal, content, input.user));
      return reread(id);
    },

    /**
     * Many entries in one `BEGIN IMMEDIATE` transaction (a bulk load: the synthetic register of
     * issue 8). Each entry goes through the same checks as `appendEntry` (content schema, journal
     * access, the gate) and the same write (`writeEntryRow`), in the order given; the batch is
     * committed, and fsynced, once. All or nothing: one refused entry rolls the batch back.
     */
    async appendBatch(items: readonly BatchEntryInput[]): Promise<string[]> {
      for (const journalId of new Set(items.map((item) => item.journalId))) await assertJournalWritable(ctx, journalId);
      const journals = new Map<string, Journal>();
      const checked: { item: BatchEntryInput; journal: Journal; content: EntryContent }[] = [];
      for (const item of items) {
        const parsed = entryContentSchema.safeParse(item.content);
        if (!parsed.success) throw new DeskError('invalid_input', 'errors.entries.invalidContent');
        const journal = journals.get(item.journalId) ?? (await accessibleJournal(ctx, item.user, item.journalId));
        journals.set(journal.id, journal);
        requireOfficeAccess(item.user, journal.officeId);
        if (!journal.active) throw new DeskError('conflict', 'errors.journals.inactive');
        if (!journal.sorts.includes(parsed.data.sort)) throw new DeskError('conflict', 'errors.journals.sortNotHeld', { sort: parsed.data.sort });
        item.gate(parsed.data);
        checked.push({ item, journal, content: parsed.data });
      }
      const at = (instant: Date): ServiceContext => ({ ...ctx, now: () => instant });
      const ids = checked.map(({ item }) => item.id ?? uuidv7());
      return withBusyRetry(() =>
        ctx.db.write(async () => {
          const formats = new Map<string, PrintedNumberFormat>();
          for (const journal of journals.values()) formats.set(journal.id, await printedNumberFormatter(ctx, journal));
          for (const [index, { item, journal, content }] of checked.entries()) {
            const printNumber = formats.get(journal.id) ?? (await printedNumberFormatter(ctx, journal));
            const written = await writeEntryRow(at(item.at), journal, printNumber, content, item.user, { id: ids[index] ?? uuidv7() });
            if (item.handover) await writeHandover(at(item.handover.at), item.user, written, item.handover);
            if (item.annulment) await writeAnnulment(at(item.annulment.at), item.user, written, item.annulment.reason);
          }
          return ids;
        }),
      );
    },

    /** Records who received the document and when (section E: handed over against signature). */
    async handover(actor: SessionUser, input: HandoverInput): Promise<EntryRecord> {
      await assertEntryWritable(ctx, input.entryId);
      await withBusyRetry(() =>
        ctx.db.write(async () => {
          await writeHandover(ctx, actor, await existing(actor, input.entryId), input);
        }),
      );
      return reread(input.entryId);
    },

    /** Section E: a mistake is corrected by annulling (reason, who, when); the number stays taken. */
    async annul(actor: SessionUser, input: { entryId: string; reason: string }): Promise<EntryRecord> {
      await assertEntryWritable(ctx, input.entryId);
      await withBusyRetry(() =>
        ctx.db.write(async () => {
          await writeAnnulment(ctx, actor, await existing(actor, input.entryId), input.reason);
        }),
      );
      return reread(input.entryId);
    },

    /** Points an annulled entry at the entry issued in its place; set once. Returns the annulled entry. */
    async linkReissue(actor: SessionUser, annulledId: string, newEntryId: string): Promise<EntryRecord> {
      await withBusyRetry(() =>
        ctx.db.write(async () => {
          const annulled = await existing(actor, annulledId);
          const replacement = await existing(actor, newEntryId);
          if (!annulled.annulment) throw new DeskError('conflict', 'errors.entries.notAnnulled');
          if (annulled.annulment.replacedByEntryId) throw new DeskError('conflict', 'errors.entries.alreadyReissued');
          if (replacement.id === annulled.id || replacement.annulment || (await isReplacementTaken(ctx.db, replacement.id))) {
            throw new DeskError('conflict', 'errors.entries.badReplacement');
          }
          await insertReissue(ctx.db, { annulledId: annulled.id, newEntryId: replacement.id, at: ctx.now().toISOString(), byUser: actor.userId });
          await writeAudit(ctx, { userId: actor.userId, action: 'entry.reissue_link', entity: 'entry', entityId: annulled.id, summary: `${annulled.printedNumber} -> ${replacement.printedNumber}` });
        }),
      );
      return reread(annulledId);
    },

    /** Reading an entry is logged: the head can see who looked at a person's data. */
    async getEntry(actor: SessionUser, entryId: string): Promise<EntryRecord> {
      const record = await existing(actor, entryId);
      // Opening one person's entry is written before it is shown, in its own transaction: a view
      // that cannot be recorded (a register on read-only media) is refused, not served unlogged.
      // Searches, typed letter by letter, are queued instead (ReadAuditQueue).
      await writeAudit(ctx, { userId: actor.userId, action: 'entry.view', entity: 'entry', entityId: record.id, summary: record.printedNumber });
      return record;
    },

    /** Newest first. A remote administrator searches only their own office (R3.5). */
    async searchEntries(actor: SessionUser, input: EntrySearchInput): Promise<EntrySearchResult> {
      const scope = officeScope(actor);
      if (scope && input.officeId && input.officeId !== scope) throw new DeskError('forbidden', 'errors.register.otherOffice');
      if (input.journalId) await accessibleJournal(ctx, actor, input.journalId);
      const { text, page, pageSize, ...filters } = input;
      const words = text === undefined ? [] : searchWords(text);
      const { records, total } = await searchEntryRecords(ctx.db, {
        ...filters,
        ...(scope ? { officeId: scope } : {}),
        ...(words.length ? { words } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      // The searched text is not logged (it is personal data); which filters were used is. A
      // reading: the row is queued and written with others within a second (ReadAuditQueue).
      const used = Object.keys(filters).filter((key) => filters[key as keyof typeof filters] !== undefined);
      queueReadAudit(ctx, {
        userId: actor.userId,
        action: 'journal.search',
        entity: 'journal',
        entityId: input.journalId ?? null,
        summary: `${words.length ? 'text, ' : ''}${used.sort().join(', ')}; ${total} found`,
      });
      return { items: records, total, page, pageSize };
    },

    /** The day's counts per journal, for closing the day (R3.5 working hours). */
    async dayTotals(actor: SessionUser, localDate: string): Promise<{ localDate: string; journals: DayTotalsRow[] }> {
      return { localDate, journals: await dayTotalsByJournal(ctx.db, localDate, officeScope(actor)) };
    },
  };
}

export type EntriesService = ReturnType<typeof createEntriesService>;
