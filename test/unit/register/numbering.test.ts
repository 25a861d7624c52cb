import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { allowAll, certificate, refusal, setUpRegister, type TestRegister } from './fixtures.js';

let register: TestRegister | undefined;
afterEach(() => register?.close());

describe('numbering (section E: per journal per Kyiv calendar year, gap-free, never reused)', () => {
  // R7.11/R7.12: another department (accounting) registers its certificates in a journal of its own,
  // under its own nomenclature index, numbered on its own.
  it('R7.11/R7.12: numbers each journal, under its own index, and each year from 1 without gaps or repeats', async () => {
    register = await setUpRegister('2025-03-01T08:00:00.000Z');
    const { services, head, officeId, journalId, clock } = register;
    const other = await services.journals.create(head, { officeId, index: '02-15', title: 'Бухгалтерія', sorts: ['certificate'] });
    const seen: { journalId: string; year: number; number: number; printedNumber: string }[] = [];
    for (const year of [2025, 2026]) {
      clock.set(`${year}-03-01T08:00:00.000Z`);
      for (let i = 0; i < 4; i += 1) {
        for (const target of [journalId, other.id]) {
          const entry = await services.entries.appendEntry({ journalId: target, content: certificate(), user: head, gate: allowAll });
          seen.push({ journalId: entry.journalId, year: entry.year, number: entry.number, printedNumber: entry.printedNumber });
          clock.advanceMinutes(7);
        }
      }
    }
    for (const target of [journalId, other.id]) {
      for (const year of [2025, 2026]) {
        const numbers = seen.filter((e) => e.journalId === target && e.year === year).map((e) => e.number);
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      }
    }
    expect(new Set(seen.map((e) => `${e.journalId}/${e.year}/${e.number}`)).size).toBe(seen.length);
    const indexOf = new Map([[journalId, (await services.journals.get(head, journalId)).index], [other.id, other.index]]);
    for (const entry of seen) expect(entry.printedNumber).toBe(`${indexOf.get(entry.journalId)}/${entry.number}`);
  });

  it('numbers an entry made at 23:30 UTC on 31 December in the new Kyiv year', async () => {
    register = await setUpRegister('2025-12-31T20:00:00.000Z');
    const { services, head, journalId, clock } = register;
    const lastOfYear = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    clock.set('2025-12-31T23:30:00.000Z');
    const firstOfYear = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    expect(lastOfYear).toMatchObject({ year: 2025, number: 1, localDate: '2025-12-31' });
    expect(firstOfYear).toMatchObject({ year: 2026, number: 1, localDate: '2026-01-01', printedNumber: '01-21/1' });
    expect(firstOfYear.createdAt).toBe('2025-12-31T23:30:00.000Z');
  });

  it('keeps the number of an annulled entry taken', async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const first = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    await services.entries.annul(head, { entryId: first.id, reason: 'Помилка в даті народження' });
    const second = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll, replaces: first.id });
    expect(second.number).toBe(first.number + 1);
    expect(second.reissueOf).toEqual({ entryId: first.id, printedNumber: first.printedNumber });
    expect(await services.entries.getEntry(head, second.id)).toEqual(second);
    const annulled = await services.entries.getEntry(head, first.id);
    expect(annulled.annulment?.replacedByPrintedNumber).toBe(second.printedNumber);
    expect(annulled.status).toBe('annulled');
  });

  it('takes no number for a reissue that cannot be linked: an entry not annulled, or annulled and already reissued', async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const issued = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    const refusedFor = async (replaces: string) =>
      services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll, replaces }).then(
        () => 'issued',
        (error: unknown) => (error instanceof DeskError ? error.messageKey : String(error)),
      );
    expect(await refusedFor(issued.id)).toBe('errors.entries.notAnnulled');
    await services.entries.annul(head, { entryId: issued.id, reason: 'Помилка в адресі' });
    const replacement = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll, replaces: issued.id });
    expect(await refusedFor(issued.id)).toBe('errors.entries.alreadyReissued');
    const next = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    expect([issued.number, replacement.number, next.number]).toEqual([1, 2, 3]);
  });

  it('R7.12, R3.5: gives every journal of the register its own index, in any office (a remote workplace keeps its own), so two journals never print the same number', async () => {
    register = await setUpRegister();
    const { services, head, officeId, journalId } = register;
    const remote = await services.offices.create(head, { code: 'SH', name: 'Шалигине', kind: 'remote', starostaDistrict: 'Шалигинський' });
    const taken = { code: 'conflict', messageKey: 'errors.journals.indexTaken' };
    await expect(services.journals.create(head, { officeId: remote.id, index: '01-21', title: 'Шалигине', sorts: ['certificate'] })).rejects.toMatchObject(taken);
    const own = await services.journals.create(head, { officeId: remote.id, index: '02-01', title: 'Шалигине', sorts: ['certificate'] });
    await expect(services.journals.update(head, { id: own.id, index: '01-21' })).rejects.toMatchObject(taken);
    await expect(services.journals.create(head, { officeId, index: '02-01', title: 'Ще один', sorts: ['certificate'] })).rejects.toMatchObject(taken);
    expect((await services.journals.list(head)).map((journal) => journal.index).sort()).toEqual(['01-21', '02-01']);
    expect((await services.journals.get(head, journalId)).index).toBe('01-21');
  });

  it('refuses to go back to an earlier year when the clock is set back', async () => {
    register = await setUpRegister('2026-01-05T09:00:00.000Z');
    const { services, head, journalId, clock } = register;
    await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    clock.set('2025-12-20T09:00:00.000Z');
    await expect(services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'errors.entries.clockBehind',
    });
  });

  it('runs the gate before writing and writes nothing when it refuses', async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const gate = () => {
      throw new DeskError('rule_violation', 'errors.rules.checklistIncomplete');
    };
    await expect(services.entries.appendEntry({ journalId, content: certificate(), user: head, gate })).rejects.toMatchObject({ code: 'rule_violation' });
    const next = await services.entries.appendEntry({ journalId, content: refusal(), user: head, gate: allowAll });
    expect(next.number).toBe(1);
    expect(next.status).toBe('refused');
  });

  it('R7.11: refuses a sort the journal does not hold (the accounting journal registers only its certificates)', async () => {
    register = await setUpRegister();
    const { services, head, officeId } = register;
    const accounting = await services.journals.create(head, { officeId, index: '02-15', title: 'Бухгалтерія', sorts: ['certificate'] });
    await expect(
      services.entries.appendEntry({ journalId: accounting.id, content: refusal(), user: head, gate: allowAll }),
    ).rejects.toMatchObject({ messageKey: 'errors.journals.sortNotHeld' });
  });

  it('R7.12: prints numbers in the journal format, with the journal’s index', async () => {
    register = await setUpRegister();
    const { services, head, officeId } = register;
    const journal = await services.journals.create(head, {
      officeId,
      index: '03-04',
      title: 'Віддалене місце',
      sorts: ['certificate'],
      numberFormat: '{office}-{index}/{year}/{number}',
    });
    const entry = await services.entries.appendEntry({ journalId: journal.id, content: certificate(), user: head, gate: allowAll });
    expect(entry.printedNumber).toBe(`CNAP-03-04/${entry.year}/${entry.number}`);
  });
});
