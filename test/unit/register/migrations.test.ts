import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRegisterServices, openRegister } from '../../../electron/register/index.js';
import { SCHEMA_VERSION } from '../../../electron/register/migrations/index.js';
import { onPostgres } from '../../support/register-backend.js';
import { allowAll, certificate, person, refusal, setUpRegister, sqliteOf } from './fixtures.js';

/** What migration 11 adds, taken away again (the column holding the check goes first). */
const UNDO_MIGRATION_11 = `
ALTER TABLE handovers DROP COLUMN proxy_issuer;
ALTER TABLE handovers DROP COLUMN proxy_date;
ALTER TABLE handovers DROP COLUMN proxy_number;
`;

/** What migration 10 adds, and 11, taken away again (the counter triggers as migrations 1 and 7 left them). */
const UNDO_MIGRATION_10 = `${UNDO_MIGRATION_11}
DROP TABLE exchange_reinstalled_keys;
DROP TABLE exchange_recreations;
DROP TRIGGER journal_year_starts_before_lost_numbers;
DROP TABLE journal_lost_numbers;
DROP TRIGGER journal_counters_step_by_one;
CREATE TRIGGER journal_counters_step_by_one BEFORE UPDATE ON journal_counters
WHEN NEW.last_number <> OLD.last_number + 1 OR NEW.journal_id <> OLD.journal_id OR NEW.year <> OLD.year
BEGIN SELECT RAISE(ABORT, 'journal_counters: numbers move forward by one'); END;
DROP TRIGGER journal_counters_start_at_one;
CREATE TRIGGER journal_counters_start_at_one BEFORE INSERT ON journal_counters
WHEN NEW.last_number IS NOT COALESCE(
  (SELECT first_number FROM journal_year_starts WHERE journal_id = NEW.journal_id AND year = NEW.year), 1)
BEGIN SELECT RAISE(ABORT, 'journal_counters: a year starts at number 1'); END;
`;

/** What migration 9 adds (the offices' document keys and code seals), and 10 and 11, taken away again. */
const UNDO_MIGRATION_9 = `${UNDO_MIGRATION_10}
DROP TABLE office_code_seals;
DROP TABLE office_document_keys;
`;

/** What migration 8 adds (checkpoints the centre witnessed, bundles it flagged), and 9, taken away: a register as version 7 left it. */
const UNDO_MIGRATION_8 = `${UNDO_MIGRATION_9}
DROP TABLE witness_flags;
DROP TABLE witnessed_checkpoints;
`;

/** What migration 7 adds, taken away again: a register as version 6 left it. */
const UNDO_MIGRATION_7 = `${UNDO_MIGRATION_8}
DROP TABLE journal_year_starts;
DROP TABLE kind_decisions;
DROP TRIGGER journal_counters_start_at_one;
CREATE TRIGGER journal_counters_start_at_one BEFORE INSERT ON journal_counters
WHEN NEW.last_number <> 1
BEGIN SELECT RAISE(ABORT, 'journal_counters: a year starts at number 1'); END;
`;

/** What migration 5 changes, as migrations 1 and 4 had left it (and what 6 and 7 add, taken away). */
const VERSION_4_SEARCH_AND_TIME_INDEXES = `${UNDO_MIGRATION_7}
DROP TABLE entry_submissions;
DROP INDEX entries_created;
CREATE INDEX entries_created ON entries (created_at DESC, id DESC);
DROP INDEX entries_created_by;
CREATE INDEX entries_created_by ON entries (created_by, created_at DESC);
DROP INDEX audit_log_at;
CREATE INDEX audit_log_at ON audit_log (at DESC);
DROP INDEX audit_log_user;
CREATE INDEX audit_log_user ON audit_log (user_id, at DESC);
CREATE VIRTUAL TABLE entries_fts_v4 USING fts5(
  entry_id UNINDEXED, names, address, number,
  tokenize = "unicode61 remove_diacritics 2", prefix = '2 3'
);
INSERT INTO entries_fts_v4 (rowid, entry_id, names, address, number) SELECT rowid, entry_id, names, address, number FROM entries_fts;
DROP TABLE entries_fts;
ALTER TABLE entries_fts_v4 RENAME TO entries_fts;
PRAGMA user_version = 4;
`;

const TIME_INDEXES = ['entries_created', 'entries_created_by', 'audit_log_at', 'audit_log_user'];

function snapshot(raw: Database.Database) {
  return {
    entries: raw.prepare('SELECT * FROM entries ORDER BY rowid').all(),
    audit: raw.prepare('SELECT * FROM audit_log ORDER BY id').all(),
    fullText: raw.prepare('SELECT rowid, entry_id, names, address, number FROM entries_fts ORDER BY rowid').all(),
  };
}

function indexDefinitions(raw: Database.Database): string[] {
  return TIME_INDEXES.map((name) => (raw.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").get(name) as { sql: string }).sql);
}

function tableExists(raw: Database.Database, name: string): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

describe.skipIf(onPostgres)('migration 5 (fewer pages per issued certificate)', () => {
  it('turns a version-4 register’s time indexes ascending and slims its full-text index, keeping every row, rowid and search', async () => {
    const register = await setUpRegister();
    const { services, head, journalId, clock, file, dir } = register;
    try {
      for (const [family, given] of [['Шевченко', 'Тарас'], ['Демʼянчук', 'Ганна'], ['Ґудзь', 'Їжак']] as const) {
        await services.entries.appendEntry({ journalId, content: certificate(person(family, given)), user: head, gate: allowAll });
        clock.advanceMinutes(5);
      }
      await services.entries.appendEntry({ journalId, content: refusal(person('Шевчук', 'Олег')), user: head, gate: allowAll });
      const searched = async (svc: typeof services) => (await svc.entries.searchEntries(head, { text: 'шевч', page: 1, pageSize: 10 })).items.map((item) => item.id);
      const foundBefore = await searched(services);
      sqliteOf(register.db).exec(VERSION_4_SEARCH_AND_TIME_INDEXES);
      const before = snapshot(sqliteOf(register.db));
      expect(tableExists(sqliteOf(register.db), 'entries_fts_docsize')).toBe(true);
      await register.db.close();

      const db = openRegister(file);
      try {
        const raw = sqliteOf(db);
        expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(snapshot(raw)).toEqual(before);
        for (const definition of indexDefinitions(raw)) expect(definition).not.toMatch(/DESC/);
        expect(tableExists(raw, 'entries_fts_docsize')).toBe(false);
        expect(raw.prepare("SELECT v FROM entries_fts_config WHERE k = 'automerge'").get()).toEqual({ v: 16 });

        const reopened = createRegisterServices({ db, dataDir: dir, now: clock.now });
        expect(await searched(reopened)).toEqual(foundBefore);
        expect(foundBefore).toHaveLength(2);
        const { user } = await reopened.auth.login('head-window-2', 'head', 'head-password-1');
        const next = await reopened.entries.appendEntry({ journalId, content: certificate(person('Шевченко', 'Марко')), user, gate: allowAll });
        expect(next.number).toBe(5);
        expect((await searched(reopened))[0]).toBe(next.id);
        expect((await reopened.verification.verifyJournal(user, journalId)).ok).toBe(true);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('migration 6 (the keys of submitted forms)', () => {
  it('carries a version-5 register forward with every entry and code, and its forms then keep their keys (R7.7)', async () => {
    const register = await setUpRegister();
    const { services, head, journalId, clock, file, dir } = register;
    try {
      await services.entries.appendEntry({ journalId, content: certificate(person('Шевченко', 'Тарас')), user: head, gate: allowAll, documentCode: () => 'ABCDEFGHJK' });
      clock.advanceMinutes(5);
      await services.entries.appendEntry({ journalId, content: refusal(person('Шевчук', 'Олег')), user: head, gate: allowAll });
      const raw = sqliteOf(register.db);
      raw.exec(`${UNDO_MIGRATION_7} DROP TABLE entry_submissions; PRAGMA user_version = 5;`);
      const before = { ...snapshot(raw), codes: raw.prepare('SELECT * FROM document_codes ORDER BY rowid').all() };
      await register.db.close();

      const db = openRegister(file);
      try {
        const migrated = sqliteOf(db);
        expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect({ ...snapshot(migrated), codes: migrated.prepare('SELECT * FROM document_codes ORDER BY rowid').all() }).toEqual(before);
        const reopened = createRegisterServices({ db, dataDir: dir, now: clock.now });
        const { user } = await reopened.auth.login('head-window-2', 'head', 'head-password-1');
        const key = crypto.randomUUID();
        const first = await reopened.entries.appendEntry({ journalId, content: certificate(person('Шевченко', 'Марко')), user, gate: allowAll, submissionKey: key });
        const again = await reopened.entries.appendEntry({ journalId, content: certificate(person('Шевченко', 'Марко')), user, gate: allowAll, submissionKey: key });
        expect([first.number, again.id]).toEqual([3, first.id]);
        expect(() => migrated.prepare('DELETE FROM entry_submissions').run()).toThrow(/append-only/);
        expect((await reopened.verification.verifyJournal(user, journalId)).ok).toBe(true);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('migration 7 (decisions on kinds, journals continued from paper)', () => {
  it('carries a version-6 register forward: every entry and counter as it was, numbering on from its counter (R7.7)', async () => {
    const register = await setUpRegister();
    const { services, head, journalId, clock, file, dir } = register;
    try {
      for (const family of ['Шевченко', 'Бондар', 'Ґудзь']) {
        await services.entries.appendEntry({ journalId, content: certificate(person(family, 'Олена')), user: head, gate: allowAll });
        clock.advanceMinutes(5);
      }
      const raw = sqliteOf(register.db);
      raw.exec(`${UNDO_MIGRATION_7} PRAGMA user_version = 6;`);
      const before = { ...snapshot(raw), counters: raw.prepare('SELECT * FROM journal_counters').all() };
      await register.db.close();

      const db = openRegister(file);
      try {
        const migrated = sqliteOf(db);
        expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect({ ...snapshot(migrated), counters: migrated.prepare('SELECT * FROM journal_counters').all() }).toEqual(before);
        const reopened = createRegisterServices({ db, dataDir: dir, now: clock.now });
        const { user } = await reopened.auth.login('head-window-2', 'head', 'head-password-1');
        expect((await reopened.entries.appendEntry({ journalId, content: certificate(), user, gate: allowAll })).number).toBe(4);
        // The year already has entries: continuing a paper journal is refused for it.
        await expect(reopened.journals.setYearStart(user, { journalId, paperLastNumber: 37, paperClosedBy: 'Коваль Н. П.' })).rejects.toMatchObject({
          messageKey: 'errors.journals.yearStartAfterEntries',
        });
        expect(await reopened.verification.verifyJournal(user, journalId)).toEqual({ ok: true, entries: 4 });
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('migration 9 (the offices’ document keys and short-code seals)', () => {
  it('carries a version-8 register forward with every entry and code, and keeps what it adds append-only (R7.7)', async () => {
    const register = await setUpRegister();
    const { services, head, journalId, clock, file, dir } = register;
    try {
      await services.entries.appendEntry({ journalId, content: certificate(person('Шевченко', 'Тарас')), user: head, gate: allowAll, documentCode: () => 'ABCDEFGHJK' });
      clock.advanceMinutes(5);
      await services.entries.appendEntry({ journalId, content: refusal(person('Шевчук', 'Олег')), user: head, gate: allowAll });
      const raw = sqliteOf(register.db);
      raw.exec(`${UNDO_MIGRATION_9} PRAGMA user_version = 8;`);
      expect(tableExists(raw, 'office_document_keys')).toBe(false);
      const before = { ...snapshot(raw), codes: raw.prepare('SELECT * FROM document_codes ORDER BY rowid').all() };
      await register.db.close();

      const db = openRegister(file);
      try {
        const migrated = sqliteOf(db);
        expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect({ ...snapshot(migrated), codes: migrated.prepare('SELECT * FROM document_codes ORDER BY rowid').all() }).toEqual(before);
        const [entry] = before.entries as { id: string }[];
        const office = migrated.prepare('SELECT id FROM offices LIMIT 1').get() as { id: string };
        migrated
          .prepare('INSERT INTO office_document_keys (office_id, office_code, fingerprint, public_key, bundle_sequence, received_at) VALUES (?, ?, ?, ?, 1, ?)')
          .run(office.id, 'VRM-01', 'AAAA', 'PEM', '2026-11-02T08:30:00.000Z');
        migrated.prepare('INSERT INTO office_code_seals (entry_id, seal) VALUES (?, ?)').run(entry?.id, 'seal');
        expect(() => migrated.prepare("UPDATE office_document_keys SET public_key = 'other'").run()).toThrow(/append-only/);
        expect(() => migrated.prepare('DELETE FROM office_document_keys').run()).toThrow(/append-only/);
        expect(() => migrated.prepare("UPDATE office_code_seals SET seal = 'other'").run()).toThrow(/append-only/);
        expect(() => migrated.prepare('DELETE FROM office_code_seals').run()).toThrow(/append-only/);
        const reopened = createRegisterServices({ db, dataDir: dir, now: clock.now });
        const { user } = await reopened.auth.login('head-window-2', 'head', 'head-password-1');
        expect(await reopened.verification.verifyJournal(user, journalId)).toEqual({ ok: true, entries: 2 });
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('migration 8 (checkpoints the centre witnessed, bundles it flagged)', () => {
  it('carries a version-7 register forward with every entry, and its new tables refuse an edit (R7.7)', async () => {
    const register = await setUpRegister();
    const { services, head, journalId, clock, file, dir } = register;
    try {
      for (const family of ['Шевченко', 'Бондар']) {
        await services.entries.appendEntry({ journalId, content: certificate(person(family, 'Олена')), user: head, gate: allowAll });
        clock.advanceMinutes(5);
      }
      const raw = sqliteOf(register.db);
      raw.exec(`${UNDO_MIGRATION_8} PRAGMA user_version = 7;`);
      const before = snapshot(raw);
      await register.db.close();

      const db = openRegister(file);
      try {
        const migrated = sqliteOf(db);
        expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(snapshot(migrated)).toEqual(before);
        const officeId = (migrated.prepare('SELECT office_id AS officeId FROM journals WHERE id = ?').get(journalId) as { officeId: string }).officeId;
        migrated
          .prepare("INSERT INTO witnessed_checkpoints (office_id, journal_id, size, root, note, cosignature, bundle_sequence, accepted_at) VALUES (?, ?, 2, 'r', 'n', 'c', 1, 'now')")
          .run(officeId, journalId);
        expect(() => migrated.prepare('UPDATE witnessed_checkpoints SET size = 1').run()).toThrow(/append-only/);
        expect(() => migrated.prepare('DELETE FROM witnessed_checkpoints').run()).toThrow(/append-only/);
        const reopened = createRegisterServices({ db, dataDir: dir, now: clock.now });
        const { user } = await reopened.auth.login('head-window-2', 'head', 'head-password-1');
        expect(await reopened.verification.verifyJournal(user, journalId)).toEqual({ ok: true, entries: 2 });
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('migration 11 (the power of attorney of a handover)', () => {
  it('carries a version-10 register forward: every handover as it was, none given a power of attorney; new ones keep theirs (R7.4.4)', async () => {
    const register = await setUpRegister();
    const { services, head, journalId, clock, file, dir } = register;
    try {
      const old = await services.entries.appendEntry({ journalId, content: certificate(person('Шевченко', 'Олена')), user: head, gate: allowAll });
      const raw = sqliteOf(register.db);
      raw.exec(`${UNDO_MIGRATION_11} PRAGMA user_version = 10;`);
      // A version-10 desk recorded a representative's handover with no power of attorney.
      raw.prepare("INSERT INTO handovers (entry_id, at, received_by, recipient_name, by_user) VALUES (?, ?, 'representative', 'Коваль Ігор', ?)").run(old.id, clock.now().toISOString(), head.userId);
      const before = { ...snapshot(raw), handovers: raw.prepare('SELECT * FROM handovers ORDER BY rowid').all() };
      await register.db.close();

      const db = openRegister(file);
      try {
        const migrated = sqliteOf(db);
        expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        const handovers = migrated.prepare('SELECT entry_id, at, received_by, recipient_name, by_user FROM handovers ORDER BY rowid').all();
        expect({ ...snapshot(migrated), handovers }).toEqual(before);
        const reopened = createRegisterServices({ db, dataDir: dir, now: clock.now });
        const { user } = await reopened.auth.login('head-window-2', 'head', 'head-password-1');
        expect((await reopened.entries.getEntry(user, old.id)).handover).toMatchObject({ receivedBy: 'representative', recipientName: 'Коваль Ігор' });
        expect((await reopened.entries.getEntry(user, old.id)).handover?.powerOfAttorney).toBeUndefined();
        const next = await reopened.entries.appendEntry({ journalId, content: certificate(), user, gate: allowAll });
        const proxy = { number: '451', date: '2025-05-20', issuer: 'приватний нотаріус Коваль О. П.' };
        await reopened.entries.handover(user, { entryId: next.id, receivedBy: 'representative', recipientName: 'Бондар Іван', powerOfAttorney: proxy });
        expect((await reopened.entries.getEntry(user, next.id)).handover?.powerOfAttorney).toEqual(proxy);
        // Still append-only, and the three parts go together, for a representative only.
        expect(() => migrated.prepare("UPDATE handovers SET proxy_number = '1'").run()).toThrow(/append-only/);
        const third = await reopened.entries.appendEntry({ journalId, content: certificate(), user, gate: allowAll });
        expect(() =>
          migrated.prepare("INSERT INTO handovers (entry_id, at, received_by, recipient_name, by_user, proxy_number) VALUES (?, 'x', 'representative', 'Б', ?, '1')").run(third.id, user.userId),
        ).toThrow(/CHECK/);
        expect(() =>
          migrated
            .prepare("INSERT INTO handovers (entry_id, at, received_by, recipient_name, by_user, proxy_number, proxy_date, proxy_issuer) VALUES (?, 'x', 'subject', 'Б', ?, '1', '2025-01-01', 'н')")
            .run(third.id, user.userId),
        ).toThrow(/CHECK/);
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(onPostgres)('migration 10 (a dead remote PC re-created: lost numbers, installation generations)', () => {
  it('carries an older register forward unchanged; a recorded lost range is stepped over, and nothing issued can be declared lost (R7.7)', async () => {
    const register = await setUpRegister();
    const { services, head, journalId, clock, file, dir } = register;
    try {
      for (const family of ['Шевченко', 'Бондар']) {
        await services.entries.appendEntry({ journalId, content: certificate(person(family, 'Олена')), user: head, gate: allowAll });
        clock.advanceMinutes(5);
      }
      const raw = sqliteOf(register.db);
      raw.exec(`${UNDO_MIGRATION_10} PRAGMA user_version = 9;`);
      const before = { ...snapshot(raw), counters: raw.prepare('SELECT * FROM journal_counters').all() };
      await register.db.close();

      const db = openRegister(file);
      try {
        const migrated = sqliteOf(db);
        expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect({ ...snapshot(migrated), counters: migrated.prepare('SELECT * FROM journal_counters').all() }).toEqual(before);
        const year = Number((migrated.prepare('SELECT year FROM journal_counters WHERE journal_id = ?').get(journalId) as { year: number }).year);
        const lost = migrated.prepare(
          `INSERT INTO journal_lost_numbers (journal_id, year, from_number, to_number, statement, recorded_at, recorded_by, recorded_by_name)
           VALUES (?, ?, ?, ?, 'акт', '2026-11-02T08:00:00Z', 'head', 'Голова')`,
        );
        // Number 2 is issued: a range cannot start before the journal's next number.
        expect(() => lost.run(journalId, year, 2, 4)).toThrow(/journal's next number/);
        lost.run(journalId, year, 3, 4);
        // By hand, the counter may not stop inside the range either.
        expect(() => migrated.prepare('UPDATE journal_counters SET last_number = 3 WHERE journal_id = ?').run(journalId)).toThrow(/forward by one/);
        const reopened = createRegisterServices({ db, dataDir: dir, now: clock.now });
        const { user } = await reopened.auth.login('head-window-2', 'head', 'head-password-1');
        expect((await reopened.entries.appendEntry({ journalId, content: certificate(), user, gate: allowAll })).number).toBe(5);
        expect(await reopened.verification.verifyJournal(user, journalId)).toEqual({ ok: true, entries: 3 });
      } finally {
        await db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
