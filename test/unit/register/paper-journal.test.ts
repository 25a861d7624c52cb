import { afterEach, describe, expect, it } from 'vitest';
import { createRegisterServices } from '../../../electron/register/index.js';
import type { RegisterDb } from '../../../electron/register/sql.js';
import { DeskError } from '../../../shared/contract/errors.js';
import { onPostgres } from '../../support/register-backend.js';
import { allowAll, certificate, setUpRegister, type TestRegister } from './fixtures.js';

let register: TestRegister | undefined;
let reopened: RegisterDb | undefined;
afterEach(async () => {
  await reopened?.close();
  reopened = undefined;
  await register?.close();
});

const CONTINUED = { paperLastNumber: 37, paperClosedBy: 'Коваль Н. П., адміністратор ЦНАП' };

async function messageOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof DeskError ? error.messageKey : String(error)),
  );
}

function issue(r: TestRegister, services = r.services) {
  return services.entries.appendEntry({ journalId: r.journalId, content: certificate(), user: r.head, gate: allowAll });
}

describe('a journal continued from a paper one (R7.7, section E: per journal per year, gap-free)', () => {
  it('numbers the year from the paper journal’s last number + 1, without gaps, and verifies from there', async () => {
    register = await setUpRegister('2025-06-02T09:00:00.000Z');
    const start = await register.services.journals.setYearStart(register.head, { journalId: register.journalId, ...CONTINUED });
    expect(start).toMatchObject({ year: 2025, firstNumber: 38, paperLastNumber: 37, paperClosedBy: CONTINUED.paperClosedBy, setByName: 'Петренко Ольга Іванівна' });
    const numbers = [];
    for (let i = 0; i < 3; i += 1) numbers.push(await issue(register));
    expect(numbers.map((entry) => [entry.number, entry.printedNumber])).toEqual([
      [38, '01-21/38'],
      [39, '01-21/39'],
      [40, '01-21/40'],
    ]);
    expect(await register.services.verification.verifyJournal(register.head, register.journalId)).toEqual({ ok: true, entries: 3 });
    // The next year starts at 1 again.
    register.clock.set('2026-01-05T09:00:00.000Z');
    expect((await issue(register)).number).toBe(1);
    expect(await register.services.verification.verifyJournal(register.head, register.journalId)).toEqual({ ok: true, entries: 4 });
  });

  it('still reports a deleted first entry of the continued year as a gap at the set number', async () => {
    register = await setUpRegister('2025-06-02T09:00:00.000Z');
    await register.services.journals.setYearStart(register.head, { journalId: register.journalId, ...CONTINUED });
    const first = await issue(register);
    const second = await issue(register);
    await register.tamper([['DELETE FROM entries WHERE id = ?', [first.id]]]);
    const result = await register.services.verification.verifyJournal(register.head, register.journalId);
    expect(result).toMatchObject({ ok: false, firstBad: { entryId: second.id, number: 39, reason: 'gap', expectedNumber: 38 } });
  });

  it('is set once, by the head, before any entry of the year; refused twice or after an entry, in the service and the register', async () => {
    register = await setUpRegister('2025-06-02T09:00:00.000Z');
    const { services, head, officeId, journalId } = register;
    const admin = await services.users.create(head, { login: 'admin', fullName: 'Адмін Адмінович', role: 'admin', officeId, password: 'admin-password-1' });
    const adminUser = { userId: admin.id, login: 'admin', fullName: admin.fullName, role: 'admin' as const, officeId };
    expect(await messageOf(services.journals.setYearStart(adminUser, { journalId, ...CONTINUED }))).toBe('errors.forbidden');

    await services.journals.setYearStart(head, { journalId, ...CONTINUED });
    expect(await messageOf(services.journals.setYearStart(head, { journalId, paperLastNumber: 50, paperClosedBy: 'Інша особа' }))).toBe('errors.journals.yearStartSet');

    const other = await services.journals.create(head, { officeId, index: '02-15', title: 'Бухгалтерія', sorts: ['certificate'] });
    await services.entries.appendEntry({ journalId: other.id, content: certificate(), user: head, gate: allowAll });
    expect(await messageOf(services.journals.setYearStart(head, { journalId: other.id, ...CONTINUED }))).toBe('errors.journals.yearStartAfterEntries');
    expect(await services.journals.yearStarts(head, other.id)).toEqual([]);

    // The register itself refuses what the service would: a start after the year's counter, a counter not at the start.
    const late = register.db.write(() =>
      register!.db.run(
        `INSERT INTO journal_year_starts (journal_id, year, first_number, paper_last_number, paper_closed_by, set_at, set_by, set_by_name)
         VALUES (?, 2025, 38, 37, 'x', '2025-06-02T09:00:00Z', ?, 'x')`,
        [other.id, head.userId],
      ),
    );
    await expect(late).rejects.toThrow(/journal_year_starts: the year already has entries/);
    const fromOne = register.db.write(() => register!.db.run('INSERT INTO journal_counters (journal_id, year, last_number) VALUES (?, 2025, 1)', [journalId]));
    // On the server the app role may not write a counter at all (only issuing moves it): refused sooner.
    await expect(fromOne).rejects.toThrow(onPostgres ? /permission denied/ : /journal_counters: a year starts at number 1/);
  });

  it('keeps the set number across a restart of the desk', async () => {
    register = await setUpRegister('2025-06-02T09:00:00.000Z');
    await register.services.journals.setYearStart(register.head, { journalId: register.journalId, ...CONTINUED });
    // A new connection and new services: nothing of the first desk's memory carries over (the
    // fixture closes the first connection at the end; PostgreSQL's pool is closed once).
    reopened = await register.connectAgain();
    const services = createRegisterServices({ db: reopened, dataDir: register.dir, now: register.clock.now });
    expect(await services.journals.yearStarts(register.head, register.journalId)).toMatchObject([{ year: 2025, firstNumber: 38 }]);
    expect((await issue(register, services)).printedNumber).toBe('01-21/38');
    expect(await messageOf(services.journals.setYearStart(register.head, { journalId: register.journalId, ...CONTINUED }))).toBe('errors.journals.yearStartSet');
    expect(await services.verification.verifyJournal(register.head, register.journalId)).toEqual({ ok: true, entries: 1 });
  });
});
