import { afterEach, describe, expect, it } from 'vitest';
import { createRegisterServices } from '../../../electron/register/index.js';
import { getEntryRecord } from '../../../electron/register/repositories/entries.js';
import { allowAll, certificate, person, refusal, setUpRegister, type TestRegister } from './fixtures.js';

let register: TestRegister | undefined;
afterEach(() => register?.close());

/**
 * Issuing returns the entry's record made from the row it wrote, without reading it back after
 * the commit (a read less on every issue). It must be exactly the record the register holds (R7.7).
 */
describe('the record issuing returns', () => {
  it('is the record read back from the register, for each sort and for the chain head and its successor', async () => {
    register = await setUpRegister();
    const { services, db, head, journalId, clock } = register;
    const issued = [];
    for (const content of [certificate(), refusal(), certificate(person('Ґудзь', 'Марʼяна'))]) {
      issued.push(await services.entries.appendEntry({ journalId, content, user: head, gate: allowAll }));
      clock.advanceMinutes(3);
    }
    for (const record of issued) expect(record).toStrictEqual(await getEntryRecord(db, record.id));
    expect(issued.map((record) => record.status)).toEqual(['issued', 'refused', 'issued']);
    expect(issued[1]?.prevHash).toBe(issued[0]?.hash);
  });

  it('names the author as the register does now, not as the session remembered at login', async () => {
    register = await setUpRegister();
    const { services, db, head, journalId } = register;
    await services.users.update(head, { id: head.userId, fullName: 'Петренко-Гнатюк Ольга Іванівна' });
    const record = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    expect(record.createdBy.fullName).toBe('Петренко-Гнатюк Ольга Іванівна');
    expect(record).toStrictEqual(await getEntryRecord(db, record.id));
  });
});

describe('the number format issuing reads for every entry', () => {
  it('follows a change of the default format made here', async () => {
    register = await setUpRegister();
    const { services, head, journalId } = register;
    const before = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    await services.settings.update(head, { numberFormat: '{index}-{year}/{number}' });
    const after = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    expect(before.printedNumber).toBe('01-21/1');
    expect(after.printedNumber).toBe('01-21-2025/2');
  });

  it('follows a change made by another workstation on the same register', async () => {
    register = await setUpRegister();
    const { services, head, journalId, clock } = register;
    await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
    const other = await register.connectAgain();
    try {
      const elsewhere = createRegisterServices({ db: other, dataDir: register.dir, now: clock.now });
      await elsewhere.settings.update(head, { numberFormat: '{office}/{number} ({year})' });
      const after = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
      expect(after.printedNumber).toBe('CNAP/2 (2025)');
      await elsewhere.settings.update(head, { numberFormat: '{index}/{number}' });
      const back = await services.entries.appendEntry({ journalId, content: certificate(), user: head, gate: allowAll });
      expect(back.printedNumber).toBe('01-21/3');
    } finally {
      await other.close();
    }
  });
});
