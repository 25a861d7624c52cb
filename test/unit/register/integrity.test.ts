import { afterEach, describe, expect, it } from 'vitest';
import { onPostgres } from '../../support/register-backend.js';
import { allowAll, certificate, person, setUpRegister, type TestRegister } from './fixtures.js';

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

/**
 * The trigger's message, or on the server the app role's missing right to change the table at
 * all — the stronger refusal (R7.7).
 */
function refused(trigger: RegExp): RegExp {
  return onPostgres ? new RegExp(`${trigger.source}|permission denied`) : trigger;
}

async function entryIdAt(r: TestRegister, number: number): Promise<string> {
  const row = await r.db.get<{ id: string }>('SELECT id FROM entries WHERE journal_id = ? AND number = ?', [r.journalId, number]);
  if (!row) throw new Error(`no entry ${number}`);
  return row.id;
}

describe('immutability (R7.7, section E: an entry is never edited or deleted)', () => {
  it('rejects UPDATE and DELETE of an entry, a handover, an annulment and the audit log', async () => {
    register = await registerWithEntries(2);
    const { db, services, head } = register;
    const id = await entryIdAt(register, 1);
    await services.entries.handover(head, { entryId: id, receivedBy: 'subject', recipientName: 'Бондар І.' });
    await services.entries.annul(head, { entryId: await entryIdAt(register, 2), reason: 'Помилка в адресі' });
    await expect(db.run("UPDATE entries SET content = '{}' WHERE id = ?", [id])).rejects.toThrow(refused(/never edited/));
    await expect(db.run("UPDATE entries SET created_at = 'x' WHERE id = ?", [id])).rejects.toThrow(refused(/never edited/));
    await expect(db.run('DELETE FROM entries WHERE id = ?', [id])).rejects.toThrow(refused(/never deleted/));
    await expect(db.run("UPDATE handovers SET recipient_name = 'x'")).rejects.toThrow(refused(/append-only/));
    await expect(db.run('DELETE FROM handovers')).rejects.toThrow(refused(/append-only/));
    await expect(db.run("UPDATE annulments SET reason = 'x'")).rejects.toThrow(refused(/append-only/));
    await expect(db.run('DELETE FROM annulments')).rejects.toThrow(refused(/append-only/));
    await expect(db.run("UPDATE audit_log SET summary = 'x'")).rejects.toThrow(refused(/append-only/));
    await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(refused(/append-only/));
    await expect(db.run('UPDATE journal_counters SET last_number = 1')).rejects.toThrow(refused(/forward by one/));
  });

  it('rejects a row inserted with a number the counter did not give or a wrong chain link', async () => {
    register = await registerWithEntries(1);
    const { db } = register;
    const row = await db.get<Record<string, string | number>>(
      'SELECT id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by, content, prev_hash, hash FROM entries',
    );
    if (!row) throw new Error('no entry');
    const insert = (changes: Record<string, string | number>) => {
      const values = { ...row, ...changes };
      return db.run(
        'INSERT INTO entries (id, journal_id, year, number, printed_number, sort, kinds, created_at, local_date, created_by, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ['id', 'journal_id', 'year', 'number', 'printed_number', 'sort', 'kinds', 'created_at', 'local_date', 'created_by', 'content', 'prev_hash', 'hash'].map((column) => values[column] ?? null),
      );
    };
    await expect(insert({ id: 'x1', number: 5, prev_hash: row.hash ?? '', hash: 'h1' })).rejects.toThrow(/journal counter/);
    // The counter at the next number, as issuing leaves it: on SQLite the app moves it first; on
    // the server the entry's insert moves it (the app role may not touch it).
    if (!onPostgres) await db.run('UPDATE journal_counters SET last_number = last_number + 1');
    await expect(insert({ id: 'x2', number: 2, prev_hash: '0'.repeat(64), hash: 'h2' })).rejects.toThrow(/prev_hash/);
  });
});

describe('verifyJournal (R7.7: the first entry that does not match)', () => {
  it('passes an untouched journal and counts its entries', async () => {
    register = await registerWithEntries(5);
    await expect(register.services.verification.verifyJournal(register.head, register.journalId)).resolves.toEqual({ ok: true, entries: 5 });
  });

  it('reports a byte edited in an entry row with that entry\'s number', async () => {
    register = await registerWithEntries(5);
    const id = await entryIdAt(register, 3);
    await register.tamper([["UPDATE entries SET content = replace(content, 'Бондар', 'Бондар ') WHERE id = ?", [id]]]);
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: id, number: 3, printedNumber: '01-21/3', reason: 'hash_mismatch' } });
  });

  it('reports an edited column that is not the content (the date)', async () => {
    register = await registerWithEntries(4);
    const id = await entryIdAt(register, 2);
    await register.tamper([["UPDATE entries SET local_date = '2025-06-01' WHERE id = ?", [id]]]);
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: id, number: 2, reason: 'hash_mismatch' } });
  });

  it('reports a deleted row as a gap at the entry after it', async () => {
    register = await registerWithEntries(5);
    const deleted = await entryIdAt(register, 2);
    const after = await entryIdAt(register, 3);
    await register.tamper([['DELETE FROM entries WHERE id = ?', [deleted]]]);
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: after, number: 3, reason: 'gap', expectedNumber: 2 } });
  });

  it('reports a deleted last row from the counter', async () => {
    register = await registerWithEntries(3);
    const last = await entryIdAt(register, 3);
    await register.tamper([['DELETE FROM entries WHERE id = ?', [last]]]);
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: null, number: 3, printedNumber: '01-21/3', reason: 'gap' } });
  });

  it('reports two entries swapped', async () => {
    register = await registerWithEntries(5);
    const second = await entryIdAt(register, 2);
    const third = await entryIdAt(register, 3);
    await register.tamper([
      ['UPDATE entries SET number = 1000 WHERE id = ?', [second]],
      ['UPDATE entries SET number = 2 WHERE id = ?', [third]],
      ['UPDATE entries SET number = 3 WHERE id = ?', [second]],
    ]);
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: third, number: 2, reason: 'broken_link' } });
  });

  it('reports an edited stored hash', async () => {
    register = await registerWithEntries(3);
    const first = await entryIdAt(register, 1);
    await register.tamper([["UPDATE entries SET hash = (CASE substr(hash, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END) || substr(hash, 2) WHERE id = ?", [first]]]);
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: first, number: 1, reason: 'hash_mismatch' } });
  });

  it('verifies every journal in the background and keeps the state for the health screen', async () => {
    register = await registerWithEntries(3);
    const { services, head } = register;
    const health = await services.verification.verifyAllJournals();
    expect(health.journals).toHaveLength(1);
    expect(health.journals[0]).toMatchObject({ state: 'ok', result: { ok: true, entries: 3 } });
    // quick_check is SQLite's; a server checks its own pages.
    await expect(services.verification.quickCheck()).resolves.toEqual({ ok: true, messages: onPostgres ? [] : ['ok'] });
    expect((await services.verification.health(head)).quickCheck?.ok).toBe(true);
  });
});

describe('concurrent writers', () => {
  it('two connections to one register never share or skip a number', async () => {
    register = await setUpRegister();
    const { createRegisterServices } = await import('../../../electron/register/index.js');
    const second = await register.connectAgain();
    try {
      const secondServices = createRegisterServices({ db: second, dataDir: register.dir, now: register.clock.now });
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i += 1) {
        const services = i % 2 === 0 ? register.services : secondServices;
        writes.push(services.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll }));
      }
      await Promise.all(writes);
    } finally {
      await second.close();
    }
    const numbers = (await register.db.all<{ number: number }>('SELECT number FROM entries ORDER BY number')).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expect(register.services.verification.verifyJournal(null, register.journalId)).resolves.toEqual({ ok: true, entries: 20 });
  });
});
