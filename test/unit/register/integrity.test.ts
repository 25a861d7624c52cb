import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { allowAll, certificate, person, setUpRegister, type TestRegister, sqliteOf } from './fixtures.js';

let register: TestRegister | undefined;
afterEach(() => register?.close());

async function registerWithEntries(count: number): Promise<TestRegister> {
  const r = await setUpRegister();
  for (let i = 0; i < count; i += 1) {
    await r.services.entries.appendEntry({ journalId: r.journalId, content: certificate(person('Бондар', `Ім${i}я`)), user: r.head, gate: allowAll });
    r.clock.advanceMinutes(3);
  }
  return r;
}

/** A second connection with the protecting triggers dropped: what someone with the file could do. */
function tamper(r: TestRegister, work: (raw: Database.Database) => void): void {
  const raw = new Database(r.file);
  try {
    raw.exec('DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete; DROP TRIGGER journal_counters_no_delete;');
    work(raw);
  } finally {
    raw.close();
  }
}

function entryIdAt(r: TestRegister, number: number): string {
  return (sqliteOf(r.db).prepare('SELECT id FROM entries WHERE journal_id = ? AND number = ?').get(r.journalId, number) as { id: string }).id;
}

describe('immutability (R7.7, section E: an entry is never edited or deleted)', () => {
  it('rejects UPDATE and DELETE of an entry, a handover, an annulment and the audit log', async () => {
    register = await registerWithEntries(2);
    const { db, services, head } = register;
    const id = entryIdAt(register, 1);
    await services.entries.handover(head, { entryId: id, receivedBy: 'subject', recipientName: 'Бондар І.' });
    await services.entries.annul(head, { entryId: entryIdAt(register, 2), reason: 'Помилка в адресі' });
    expect(() => sqliteOf(db).prepare("UPDATE entries SET content = '{}' WHERE id = ?").run(id)).toThrow(/never edited/);
    expect(() => sqliteOf(db).prepare("UPDATE entries SET created_at = 'x' WHERE id = ?").run(id)).toThrow(/never edited/);
    expect(() => sqliteOf(db).prepare('DELETE FROM entries WHERE id = ?').run(id)).toThrow(/never deleted/);
    expect(() => sqliteOf(db).prepare("UPDATE handovers SET recipient_name = 'x'").run()).toThrow(/append-only/);
    expect(() => sqliteOf(db).prepare('DELETE FROM handovers').run()).toThrow(/append-only/);
    expect(() => sqliteOf(db).prepare("UPDATE annulments SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => sqliteOf(db).prepare('DELETE FROM annulments').run()).toThrow(/append-only/);
    expect(() => sqliteOf(db).prepare("UPDATE audit_log SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => sqliteOf(db).prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => sqliteOf(db).prepare('UPDATE journal_counters SET last_number = 1').run()).toThrow(/forward by one/);
  });

  it('rejects a row inserted with a number the counter did not give or a wrong chain link', async () => {
    register = await registerWithEntries(1);
    const { db } = register;
    const row = sqliteOf(db).prepare('SELECT * FROM entries LIMIT 1').get() as Record<string, unknown>;
    const insert = sqliteOf(db).prepare(
      'INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by, content, prev_hash, hash) VALUES (@id, @journal_id, @year, @number, @printed_number, @sort, @kinds, @created_at, @local_date, @created_by, @content, @prev_hash, @hash)',
    );
    expect(() => insert.run({ ...row, id: 'x1', number: 5, prev_hash: row.hash, hash: 'h1' })).toThrow(/journal counter/);
    sqliteOf(db).prepare('UPDATE journal_counters SET last_number = last_number + 1').run();
    expect(() => insert.run({ ...row, id: 'x2', number: 2, prev_hash: '0'.repeat(64), hash: 'h2' })).toThrow(/prev_hash/);
  });
});

describe('verifyJournal (R7.7: the first entry that does not match)', () => {
  it('passes an untouched journal and counts its entries', async () => {
    register = await registerWithEntries(5);
    await expect(register.services.verification.verifyJournal(register.head, register.journalId)).resolves.toEqual({ ok: true, entries: 5 });
  });

  it('reports a byte edited in an entry row with that entry\'s number', async () => {
    register = await registerWithEntries(5);
    const id = entryIdAt(register, 3);
    tamper(register, (raw) => {
      raw.prepare("UPDATE entries SET content = replace(content, 'Бондар', 'Бондар ') WHERE id = ?").run(id);
    });
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: id, number: 3, printedNumber: '01-21/3', reason: 'hash_mismatch' } });
  });

  it('reports an edited column that is not the content (the date)', async () => {
    register = await registerWithEntries(4);
    const id = entryIdAt(register, 2);
    tamper(register, (raw) => raw.prepare("UPDATE entries SET local_date = '2025-06-01' WHERE id = ?").run(id));
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: id, number: 2, reason: 'hash_mismatch' } });
  });

  it('reports a deleted row as a gap at the entry after it', async () => {
    register = await registerWithEntries(5);
    const deleted = entryIdAt(register, 2);
    const after = entryIdAt(register, 3);
    tamper(register, (raw) => raw.prepare('DELETE FROM entries WHERE id = ?').run(deleted));
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: after, number: 3, reason: 'gap', expectedNumber: 2 } });
  });

  it('reports a deleted last row from the counter', async () => {
    register = await registerWithEntries(3);
    tamper(register, (raw) => raw.prepare('DELETE FROM entries WHERE id = ?').run(entryIdAt(register!, 3)));
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: null, number: 3, printedNumber: '01-21/3', reason: 'gap' } });
  });

  it('reports two entries swapped', async () => {
    register = await registerWithEntries(5);
    const second = entryIdAt(register, 2);
    const third = entryIdAt(register, 3);
    tamper(register, (raw) => {
      raw.prepare('UPDATE entries SET number = 1000 WHERE id = ?').run(second);
      raw.prepare('UPDATE entries SET number = 2 WHERE id = ?').run(third);
      raw.prepare('UPDATE entries SET number = 3 WHERE id = ?').run(second);
    });
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: third, number: 2, reason: 'broken_link' } });
  });

  it('reports an edited stored hash', async () => {
    register = await registerWithEntries(3);
    const first = entryIdAt(register, 1);
    tamper(register, (raw) => raw.prepare("UPDATE entries SET hash = (CASE substr(hash, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END) || substr(hash, 2) WHERE id = ?").run(first));
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: first, number: 1, reason: 'hash_mismatch' } });
  });

  it('verifies every journal in the background and keeps the state for the health screen', async () => {
    register = await registerWithEntries(3);
    const { services, head } = register;
    const health = await services.verification.verifyAllJournals();
    expect(health.journals).toHaveLength(1);
    expect(health.journals[0]).toMatchObject({ state: 'ok', result: { ok: true, entries: 3 } });
    await expect(services.verification.quickCheck()).resolves.toEqual({ ok: true, messages: ['ok'] });
    expect((await services.verification.health(head)).quickCheck?.ok).toBe(true);
  });
});

describe('concurrent writers', () => {
  it('two connections to one file never share or skip a number', async () => {
    register = await setUpRegister();
    const { createRegisterServices, openRegister } = await import('../../../electron/register/index.js');
    const second = openRegister(register.file);
    try {
      const secondServices = createRegisterServices({ db: second, dataDir: register.dir, now: register.clock.now });
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i += 1) {
        const services = i % 2 === 0 ? register.services : secondServices;
        writes.push(services.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll }));
      }
      await Promise.all(writes);
    } finally {
      second.close();
    }
    const numbers = (sqliteOf(register.db).prepare('SELECT number FROM entries ORDER BY number').all() as { number: number }[]).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expect(register.services.verification.verifyJournal(null, register.journalId)).resolves.toEqual({ ok: true, entries: 20 });
  });
});
