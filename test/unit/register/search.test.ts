import { afterEach, describe, expect, it } from 'vitest';
import { normalizeApostrophes } from '../../../shared/domain/text.js';
import { searchWords, toFtsQuery } from '../../../electron/register/search-text.js';
import { allowAll, certificate, person, refusal, setUpRegister, type TestRegister } from './fixtures.js';

let register: TestRegister | undefined;
afterEach(() => register?.close());

async function ids(r: TestRegister, text: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const result = await r.services.entries.searchEntries(r.head, { text, page: 1, pageSize: 50, ...extra });
  return result.items.map((item) => item.id).sort();
}

describe('normalizeApostrophes', () => {
  it('maps every apostrophe variant to U+02BC', () => {
    for (const variant of ["'", '\u2019', '\u02BC', '\u02B9', '`']) {
      expect(normalizeApostrophes(`Мар${variant}яна`)).toBe('Мар\u02BCяна');
    }
  });

  it('quotes every word as a prefix term so FTS operators in the text are inert', () => {
    expect(toFtsQuery(searchWords('шевч "OR" NEAR('))).toBe('"шевч"* "OR"* "NEAR("*');
    expect(searchWords('  - ')).toEqual([]);
  });
});

describe('journal search (FTS5, case and apostrophes folded)', () => {
  it('finds the same rows for шевченко, ШЕВЧЕНКО, Шевченко and a prefix', async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const wanted = [
      await services.entries.appendEntry({ journalId, content: certificate(person('ШЕВЧЕНКО', 'Тарас')), user: head, gate: allowAll }),
      await services.entries.appendEntry({ journalId, content: certificate(person('Шевченко', 'Марко')), user: head, gate: allowAll }),
    ].map((e) => e.id).sort();
    await services.entries.appendEntry({ journalId, content: certificate(person('Коваленко', 'Іван')), user: head, gate: allowAll });
    for (const text of ['шевченко', 'ШЕВЧЕНКО', 'Шевченко', 'шевч']) expect(await ids(register, text), text).toEqual(wanted);
  });

  it("finds Мар'яна, Марʼяна and Мар’яна alike however it was typed", async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const wanted: string[] = [];
    for (const typed of ["Мар'яна", 'Мар\u2019яна', 'Мар\u02BCяна']) {
      const entry = await services.entries.appendEntry({ journalId, content: certificate(person('Бойко', typed)), user: head, gate: allowAll });
      wanted.push(entry.id);
    }
    await services.entries.appendEntry({ journalId, content: certificate(person('Бойко', 'Марина')), user: head, gate: allowAll });
    for (const text of ["Мар'яна", 'марʼяна', 'МАР’ЯНА', 'мар`яна']) expect(await ids(register, text), text).toEqual(wanted.sort());
  });

  it('finds by household member, address and printed number, newest first, paged', async () => {
    register = await setUpRegister();
    const { services, head, journalId, clock } = register;
    const made = [];
    for (let i = 0; i < 5; i += 1) {
      made.push(await services.entries.appendEntry({ journalId, content: certificate(person('Ткаченко', 'Петро'), 'Полошки'), user: head, gate: allowAll }));
      clock.advanceMinutes(10);
    }
    expect(await ids(register, 'оксана ткач')).toEqual(made.map((e) => e.id).sort());
    expect(await ids(register, 'полошки садова')).toHaveLength(5);
    expect(await ids(register, '01-21/3')).toEqual([made[2]!.id]);
    const page = await services.entries.searchEntries(head, { text: 'ткаченко', page: 2, pageSize: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((e) => e.number)).toEqual([3, 2]);
  });

  it('filters by sort, status, kind, date and administrator', async () => {
    register = await setUpRegister('2025-06-02T09:00:00.000Z');
    const { services, head, journalId, clock } = register;
    const issued = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    const handed = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    await services.entries.handover(head, {
      entryId: handed.id,
      receivedBy: 'representative',
      recipientName: 'Шевченко О.',
      powerOfAttorney: { number: '77', date: '2025-05-30', issuer: 'приватний нотаріус Коваль О. П.' },
    });
    clock.set('2025-06-03T09:00:00.000Z');
    const refused = await services.entries.appendEntry({ journalId, content: refusal(), user: head, gate: allowAll });
    const annulled = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    await services.entries.annul(head, { entryId: annulled.id, reason: 'Помилка у прізвищі' });
    const find = async (filter: Record<string, unknown>) =>
      (await services.entries.searchEntries(head, { page: 1, pageSize: 20, ...filter })).items.map((e) => e.id);
    expect(await find({ status: 'issued' })).toEqual([issued.id]);
    expect(await find({ status: 'handed_over' })).toEqual([handed.id]);
    expect(await find({ status: 'refused' })).toEqual([refused.id]);
    expect(await find({ status: 'annulled' })).toEqual([annulled.id]);
    expect(await find({ sort: 'refusal' })).toEqual([refused.id]);
    expect(await find({ kind: 'registration' })).toEqual([refused.id]);
    expect(await find({ dateFrom: '2025-06-03' })).toEqual([annulled.id, refused.id]);
    expect(await find({ dateTo: '2025-06-02' })).toEqual([handed.id, issued.id]);
    expect(await find({ createdBy: 'nobody' })).toEqual([]);
    const totals = await services.entries.dayTotals(head, '2025-06-03');
    expect(totals.journals).toEqual([
      expect.objectContaining({ total: 2, certificates: 1, refusals: 1, annulled: 1, firstPrintedNumber: '01-21/3', lastPrintedNumber: '01-21/4' }),
    ]);
  });

  it('logs a search without the searched text', async () => {
    register = await setUpRegister();
    const { services, head } = register;
    await services.entries.searchEntries(head, { text: 'Шевченко', page: 1, pageSize: 10 });
    const log = await services.audit.list(head, { action: 'journal.search', page: 1, pageSize: 10 });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]!.summary).not.toMatch(/шевч/i);
  });
});
