import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import { canonicalJson } from '../../../shared/domain/canonical-json.js';
import { FREE_TEXT_CHARACTERS, firstUnprintableText } from '../../../shared/domain/validation/free-text.js';
import type { Journal } from '../../../shared/domain/directories-core.js';
import {
  entryContentSchema,
  type EntryContent,
  type EntryRecord,
  type EntrySort,
  type EntryStatus,
  type PowerOfAttorney,
} from '../../../shared/domain/entry.js';
import { isValidIsoDate } from '../../../shared/domain/validation/dates.js';
import type { SessionUser } from './session.js';
import { entryHashOfCanonicalContent, GENESIS_HASH } from '../hash-chain.js';
import { recordCheckpoints } from '../checkpoints/journal-checkpoints.js';
import { kyivLocalDate } from '../kyiv-time.js';
import { formatPrintedNumber } from '../printed-number.js';
import {
  dayTotalsByJournal,
  entryBatchWriter,
  getEntryRecord,
  insertAnnulment,
  insertEntry,
  insertHandover,
  insertReissue,
  latestEntryOfJournal,
  lockJournalForWriting,
  newEntryRecord,
  searchEntryRecords,
  takeNextNumber,
  type EntryBatchWriter,
  type DayTotalsRow,
  type NewEntryRow,
} from '../repositories/entries.js';
import { insertAudit } from '../repositories/audit.js';
import { putDocumentCode } from '../repositories/document-codes.js';
import { entryIdOfSubmission, insertSubmission } from '../repositories/entry-submissions.js';
import { searchTextOf, searchWords } from '../search-text.js';
import { auditRowOf, queueReadAudit, writeAudit, type AuditEvent } from './audit.js';
import { officeScope, requireOfficeAccess, type ServiceContext } from './context.js';
import { accessibleJournal } from './journals.js';
import { assertKindsIssuable } from './kind-decisions.js';
import { readNumberFormat } from './settings.js';
import { assertEntryWritable, assertJournalWritable } from './verification.js';
import { findKnownCase } from './known-case.js';

export interface AppendEntryInput {
  journalId: string;
  content: EntryContent;
  user: SessionUser;
  /** Called before the transaction; throws DeskError('rule_violation') when the checklist is incomplete (R7.4). */
  gate: (content: EntryContent) => void;
  /**
   * The annulled entry this one is issued in place of (section E: annul, then issue anew). The
   * link is written in the same transaction as the entry, so a replacement that cannot be linked
   * (the annulled entry already reissued by another desk) takes no number.
   */
  replaces?: string | undefined;
  /**
   * The submitted form's key (made when the form was opened). A form sent again with it — a double
   * click, a request the bridge retried, a retry after the server's answer to COMMIT was lost —
   * gets back the entry it made, looked up in the transaction under the journal's lock: one form,
   * one number (R7.7).
   */
  submissionKey?: string | undefined;
  /**
   * The certificate's short verification code for the new entry's id, bound in the entry's own
   * transaction: no crash or restore can leave a printed code the register does not know.
   */
  documentCode?: ((entryId: string) => string) | undefined;
}

/** What `writeEntry` writes with the entry, besides the entry itself. */
type EntryExtras = Pick<AppendEntryInput, 'replaces' | 'submissionKey' | 'documentCode'>;

/** One entry of a batch: what `appendEntry` takes, plus the instant it is written at. */
export interface BatchEntryInput extends AppendEntryInput {
  /** The clock for this entry (and its audit row): a generated register spreads entries over years. */
  at: Date;
  /** A given UUIDv7 (a seeded generator's, for reproducible registers); a fresh one otherwise. */
  id?: string;
  /** Handed over later, by the same user (section E). */
  handover?: { at: Date; receivedBy: 'subject' | 'representative'; recipientName: string; powerOfAttorney?: PowerOfAttorney };
  /** Annulled later, by the same user (section E). */
  annulment?: { at: Date; reason: string };
}

export interface HandoverInput {
  entryId: string;
  receivedBy: 'subject' | 'representative';
  recipientName: string;
  /** Required when a representative receives the document (R7.4.4), absent otherwise. */
  powerOfAttorney?: PowerOfAttorney | undefined;
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

/**
 * The content as it is about to be written, checked whole: no string in it may hold a control,
 * format or other unprintable character (shared/domain/validation/free-text.ts), whichever
 * field it is in and whatever the form sent: the entry is immutable and printed.
 */
function assertPrintable(content: EntryContent): void {
  const path = firstUnprintableText(content);
  if (path !== undefined) throw new DeskError('invalid_input', 'errors.invalid_input', undefined, [{ path, messageKey: FREE_TEXT_CHARACTERS }]);
}

export function kindsOf(content: EntryContent): string[] {
  if (content.sort === 'certificate') return [...content.kinds];
  if (content.sort === 'certification') return [content.kind];
  return [...content.requested.kinds];
}

export type PrintedNumberFormat = (year: number, number: number) => string;

/** The journal's printed number for any (year, number), with the format read once. */
export async function printedNumberFormatter(ctx: ServiceContext, journal: Journal): Promise<PrintedNumberFormat> {
  const format = journal.numberFormat ?? (await readNumberFormat(ctx));
  return (year, number) => formatPrintedNumber(format, { index: journal.index, number, year, office: journal.officeCode });
}

/** The register server went away mid-write (PostgreSQL; see postgres/server-errors.ts). */
function isServerLost(error: unknown): error is DeskError {
  return error instanceof DeskError && error.messageKey === 'errors.register.serverUnavailable';
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
 * read in the same transaction (once per batch, not once per entry: a million-entry bulk load).
 */
async function writeEntryRow(
  ctx: ServiceContext,
  journal: Journal,
  printNumber: PrintedNumberFormat,
  content: EntryContent,
  user: SessionUser,
  stamp: EntryStamp,
): Promise<{ id: string; printedNumber: string; row: NewEntryRow }> {
  await lockJournalForWriting(ctx.db, journal.id);
  const instant = ctx.now();
  const localDate = kyivLocalDate(instant);
  const year = Number(localDate.slice(0, 4));
  const latest = await latestEntryOfJournal(ctx.db, journal.id);
  // A journal never reopens a closed year: a clock set back would otherwise reuse numbers.
  if (latest && latest.year > year) throw new DeskError('conflict', 'errors.entries.clockBehind', { year: latest.year });
  // Section F: a kind a decision stopped is not issued from its effective date — checked against
  // the entry's own date, under the lock, so no entry slips in after the decision is recorded.
  await assertKindsIssuable(ctx, kindsOf(content), localDate);
  const number = await takeNextNumber(ctx.db, journal.id, year);
  const printedNumber = printNumber(year, number);
  const row = newEntryRow(content, {
    id: stamp.id,
    journalId: journal.id,
    year,
    number,
    printedNumber,
    createdAt: instant.toISOString(),
    localDate,
    createdBy: user.userId,
    prevHash: latest?.hash ?? GENESIS_HASH,
  });
  await insertEntry(ctx.db, row, searchTextOf(content, printedNumber));
  await writeEntryAudit(ctx, user, row);
  return { id: row.id, printedNumber, row };
}

/** A new entry's row: its place in the journal, the canonical content and the chain link (section E). */
function newEntryRow(content: EntryContent, place: Omit<NewEntryRow, 'sort' | 'kinds' | 'contentJson' | 'hash'>): NewEntryRow {
  const fields = { ...place, sort: content.sort, kinds: kindsOf(content) };
  const contentJson = canonicalJson(content);
  return { ...fields, contentJson, hash: entryHashOfCanonicalContent(place.prevHash, fields, contentJson) };
}

function entryAuditEvent(user: SessionUser, row: NewEntryRow): AuditEvent {
  return { userId: user.userId, action: 'entry.create', entity: 'entry', entityId: row.id, summary: `${row.printedNumber} ${row.sort}` };
}

async function writeEntryAudit(ctx: ServiceContext, user: SessionUser, row: NewEntryRow): Promise<void> {
  await writeAudit(ctx, entryAuditEvent(user, row));
}

type EntryState = Pick<EntryRecord, 'id' | 'printedNumber' | 'handover' | 'annulment'>;

/** Where a handover's or an annulment's rows go: the register at once, or a bulk load's writer. */
type StateRows = Pick<EntryBatchWriter, 'handover' | 'annulment' | 'audit'>;

function rowsOf(ctx: ServiceContext): StateRows {
  return {
    handover: (row) => insertHandover(ctx.db, row),
    annulment: (row) => insertAnnulment(ctx.db, row),
    audit: (row) => insertAudit(ctx.db, row),
  };
}

/** Section E: handed over against signature, once, and never after an annulment. */
async function writeHandover(
  ctx: ServiceContext,
  actor: SessionUser,
  record: EntryState,
  input: Omit<HandoverInput, 'entryId'>,
  rows: StateRows = rowsOf(ctx),
): Promise<void> {
  if (record.annulment) throw new DeskError('conflict', 'errors.entries.annulled');
  if (record.handover) throw new DeskError('conflict', 'errors.entries.alreadyHandedOver');
  await rows.handover({
    entryId: record.id,
    at: ctx.now().toISOString(),
    receivedBy: input.receivedBy,
    recipientName: input.recipientName,
    ...(input.powerOfAttorney ? { powerOfAttorney: input.powerOfAttorney } : {}),
    byUser: actor.userId,
  });
  await rows.audit(auditRowOf(ctx, { userId: actor.userId, action: 'entry.handover', entity: 'entry', entityId: record.id, summary: `${record.printedNumber} ${input.receivedBy}` }));
}

function invalidPowerOfAttorney(field: keyof PowerOfAttorney | null, messageKey: string): DeskError {
  return new DeskError('invalid_input', 'errors.invalid_input', undefined, [{ path: field ? `powerOfAttorney.${field}` : 'powerOfAttorney', messageKey }]);
}

/**
 * Main's own check of the power of attorney a handover names, whatever the channel sent (R7.4.4,
 * section E): asked for a representative and only for one; number and issuer printable and not
 * empty (free-text.ts); its date real and not after today in Kyiv.
 */
function assertPowerOfAttorney(input: Omit<HandoverInput, 'entryId'>, today: string): void {
  const proxy = input.powerOfAttorney;
  if (input.receivedBy === 'subject') {
    if (proxy) throw invalidPowerOfAttorney(null, 'validation.powerOfAttorney.onlyForRepresentative');
    return;
  }
  if (!proxy) throw invalidPowerOfAttorney(null, 'validation.powerOfAttorney.required');
  for (const field of ['number', 'issuer'] as const) {
    if (proxy[field].trim() === '') throw invalidPowerOfAttorney(field, 'validation.powerOfAttorney.required');
    if (firstUnprintableText(proxy[field]) !== undefined) throw invalidPowerOfAttorney(field, FREE_TEXT_CHARACTERS);
  }
  if (!isValidIsoDate(proxy.date)) throw invalidPowerOfAttorney('date', 'validation.date.invalid');
  if (proxy.date > today) throw invalidPowerOfAttorney('date', 'validation.powerOfAttorney.future');
}

/** Section E: the annulled entry points at the one issued in its place, written with the new entry. */
async function writeReissue(ctx: ServiceContext, actor: SessionUser, annulled: EntryRecord, replacement: NewEntryRow): Promise<void> {
  await insertReissue(ctx.db, { annulledId: annulled.id, newEntryId: replacement.id, at: replacement.createdAt, byUser: actor.userId });
  await writeAudit(ctx, { userId: actor.userId, action: 'entry.reissue_link', entity: 'entry', entityId: annulled.id, summary: `${annulled.printedNumber} -> ${replacement.printedNumber}` });
}

/** Section E: a mistake is corrected by annulling (reason, who, when); the number stays taken. */
async function writeAnnulment(ctx: ServiceContext, actor: SessionUser, record: EntryState, reason: string, rows: StateRows = rowsOf(ctx)): Promise<void> {
  if (record.annulment) throw new DeskError('conflict', 'errors.entries.alreadyAnnulled');
  await rows.annulment({ entryId: record.id, at: ctx.now().toISOString(), reason, byUser: actor.userId });
  // The reason is free text and may name people: the audit row carries the number only.
  await rows.audit(auditRowOf(ctx, { userId: actor.userId, action: 'entry.annul', entity: 'entry', entityId: record.id, summary: record.printedNumber }));
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

  /**
   * Number, chain link, row, search text and audit row, all under one write lock (section E).
   * Returns the entry's record made from the row as written, in the same transaction, instead of
   * reading it back after the commit (the issuing benchmark).
   */
  async function writeEntry(journal: Journal, content: EntryContent, user: SessionUser, extras: EntryExtras): Promise<EntryRecord> {
    const id = uuidv7();
    try {
      return await ctx.db.write(async () => {
        const earlier = extras.submissionKey === undefined ? undefined : await submittedEntry(journal.id, extras.submissionKey);
        if (earlier) return earlier;
        const annulled = extras.replaces === undefined ? undefined : await replaceableEntry(user, extras.replaces);
        const { row } = await writeEntryRow(ctx, journal, await printedNumberFormatter(ctx, journal), content, user, { id });
        if (annulled) await writeReissue(ctx, user, annulled, row);
        if (extras.submissionKey !== undefined) await insertSubmission(ctx.db, extras.submissionKey, row.id);
        if (extras.documentCode) await putDocumentCode(ctx.db, row.id, extras.documentCode(row.id));
        const record = await newEntryRecord(ctx.db, row, content, annulled);
        if (!record) throw new DeskError('not_found', 'errors.entries.notFound');
        return record;
      });
    } catch (error) {
      if (!isServerLost(error)) throw error;
      return settleLostWrite(journal.id, id, error);
    }
  }

  /**
   * The entry a form with this key already made, read under the journal's write lock: a second
   * request with the key waits there for the first to commit or roll back, then finds its entry.
   */
  async function submittedEntry(journalId: string, submissionKey: string): Promise<EntryRecord | undefined> {
    await lockJournalForWriting(ctx.db, journalId);
    const entryId = await entryIdOfSubmission(ctx.db, submissionKey);
    if (entryId === undefined) return undefined;
    const record = await reread(entryId);
    // A key names one form, sent to one journal; another journal with it is not the same form.
    if (record.journalId !== journalId) throw new DeskError('conflict', 'errors.entries.submissionReused');
    return record;
  }

  /**
   * The annulled entry a new one is to replace, read under its journal's write lock (the other
   * desks' reissues of it wait): annulled, and not yet replaced by another entry.
   */
  async function replaceableEntry(actor: SessionUser, annulledId: string): Promise<EntryRecord> {
    const annulled = await existing(actor, annulledId);
    await lockJournalForWriting(ctx.db, annulled.journalId);
    const current = await reread(annulledId);
    if (!current.annulment) throw new DeskError('conflict', 'errors.entries.notAnnulled');
    if (current.annulment.replacedByEntryId) throw new DeskError('conflict', 'errors.entries.alreadyReissued');
    return current;
  }

  /**
   * A server connection lost during a write may have lost only the server's answer to COMMIT:
   * the entry is then in the journal while the desk was told it failed, and issuing again would
   * give the person a second number. The entry's id was chosen before the transaction, so look
   * for it, under the journal's write lock, which waits until the lost transaction has ended either
   * way. Written: the entry is returned as if nothing had happened. Not written: the error stands
   * (nothing was written; trying again is safe). The server still gone: say that the outcome is
   * unknown, so that the administrator looks in the journal before issuing again.
   */
  async function settleLostWrite(journalId: string, id: string, lost: DeskError): Promise<EntryRecord> {
    let written: EntryRecord | undefined;
    try {
      written = await ctx.db.write(async () => {
        await lockJournalForWriting(ctx.db, journalId);
        return getEntryRecord(ctx.db, id);
      });
    } catch {
      throw new DeskError('storage', 'errors.register.serverOutcomeUnknown', lost.params);
    }
    if (!written) throw lost;
    return written;
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
      assertPrintable(content);
      const journal = await accessibleJournal(ctx, input.user, input.journalId);
      if (!journal.active) throw new DeskError('conflict', 'errors.journals.inactive');
      if (!journal.sorts.includes(content.sort)) throw new DeskError('conflict', 'errors.journals.sortNotHeld', { sort: content.sort });
      input.gate(content);
      const record = await withBusyRetry(() => writeEntry(journal, content, input.user, input));
      recordCheckpoints(ctx, [journal]);
      return record;
    },

    /**
     * Many entries in one `BEGIN IMMEDIATE` transaction (a bulk load: the benchmark's synthetic
     * register). Each entry goes through the same checks as `appendEntry` (content schema, journal
     * access, the gate) and writes the same rows as `writeEntryRow` — number from the journal's
     * counter, chain link, entry, audit row, search text — in the order given, with what
     * `writeEntryRow` reads per entry (chain head, number format) read once per journal and the
     * full-text rows written after the last entry (a million entries in minutes). The
     * register's triggers check every number and link as they do for the desk. The batch is
     * committed, and fsynced, once. All or nothing: one refused entry rolls the batch back.
     */
    async appendBatch(items: readonly BatchEntryInput[]): Promise<string[]> {
      for (const journalId of new Set(items.map((item) => item.journalId))) await assertJournalWritable(ctx, journalId);
      const journals = new Map<string, Journal>();
      const checked: { item: BatchEntryInput; journal: Journal; content: EntryContent; id: string }[] = [];
      for (const item of items) {
        const parsed = entryContentSchema.safeParse(item.content);
        if (!parsed.success) throw new DeskError('invalid_input', 'errors.entries.invalidContent');
        assertPrintable(parsed.data);
        const journal = journals.get(item.journalId) ?? (await accessibleJournal(ctx, item.user, item.journalId));
        journals.set(journal.id, journal);
        requireOfficeAccess(item.user, journal.officeId);
        if (!journal.active) throw new DeskError('conflict', 'errors.journals.inactive');
        if (!journal.sorts.includes(parsed.data.sort)) throw new DeskError('conflict', 'errors.journals.sortNotHeld', { sort: parsed.data.sort });
        item.gate(parsed.data);
        checked.push({ item, journal, content: parsed.data, id: item.id ?? uuidv7() });
      }
      const at = (instant: Date): ServiceContext => ({ ...ctx, now: () => instant });
      const ids = checked.map(({ id }) => id);
      // Kyiv's offset from UTC is whole hours, so an hour's instants share a Kyiv date: the date is
      // formatted once per hour of the batch, not once per entry (a tenth of the bulk load's time).
      const localDates = new Map<number, string>();
      const localDateOf = (instant: Date) => {
        const hour = Math.floor(instant.getTime() / 3_600_000);
        const known = localDates.get(hour);
        if (known !== undefined) return known;
        const date = kyivLocalDate(instant);
        localDates.set(hour, date);
        return date;
      };
      const written = await withBusyRetry(() =>
        ctx.db.write(async () => {
          // What `writeEntryRow` reads per entry is read once per journal here, under the same lock:
          // the number format, and the chain head, which each entry of the batch then moves on.
          const heads = new Map<string, { printNumber: PrintedNumberFormat; year: number; hash: string }>();
          const headOf = async (journal: Journal) => {
            await lockJournalForWriting(ctx.db, journal.id);
            const latest = await latestEntryOfJournal(ctx.db, journal.id);
            const head = { printNumber: await printedNumberFormatter(ctx, journal), year: latest?.year ?? 0, hash: latest?.hash ?? GENESIS_HASH };
            heads.set(journal.id, head);
            return head;
          };
          const rows = entryBatchWriter(ctx.db);
          for (const { item, journal, content, id } of checked) {
            const head = heads.get(journal.id) ?? (await headOf(journal));
            const localDate = localDateOf(item.at);
            const year = Number(localDate.slice(0, 4));
            // A journal never reopens a closed year (as in `writeEntryRow`).
            if (head.year > year) throw new DeskError('conflict', 'errors.entries.clockBehind', { year: head.year });
            const number = await rows.nextNumber(journal.id, year);
            const printedNumber = head.printNumber(year, number);
            const row = newEntryRow(content, {
              id,
              journalId: journal.id,
              year,
              number,
              printedNumber,
              createdAt: item.at.toISOString(),
              localDate,
              createdBy: item.user.userId,
              prevHash: head.hash,
            });
            await rows.entry(row, searchTextOf(content, printedNumber));
            Object.assign(head, { year, hash: row.hash });
            await rows.audit(auditRowOf(at(item.at), entryAuditEvent(item.user, row)));
            const written = { id, printedNumber };
            if (item.handover) await writeHandover(at(item.handover.at), item.user, written, item.handover, rows);
            if (item.annulment) await writeAnnulment(at(item.annulment.at), item.user, written, item.annulment.reason, rows);
          }
          await rows.finish();
          return ids;
        }),
      );
      recordCheckpoints(ctx, [...journals.values()]);
      return written;
    },

    /** Records who received the document and when (section E: handed over against signature). */
    async handover(actor: SessionUser, input: HandoverInput): Promise<EntryRecord> {
      assertPowerOfAttorney(input, kyivLocalDate(ctx.now()));
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

    /** The latest certificate for a person, or else at an address: a known household's case for the form. */
    knownCase: (actor: SessionUser, input: Parameters<typeof findKnownCase>[2]) => findKnownCase(ctx, actor, input),

    /** The day's counts per journal, for closing the day (R3.5 working hours). */
    async dayTotals(actor: SessionUser, localDate: string): Promise<{ localDate: string; journals: DayTotalsRow[] }> {
      return { localDate, journals: await dayTotalsByJournal(ctx.db, localDate, officeScope(actor)) };
    },
  };
}

export type EntriesService = ReturnType<typeof createEntriesService>;
