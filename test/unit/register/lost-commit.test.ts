import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { createRegisterServices, type RegisterDb } from '../../../electron/register/index.js';
import { allowAll, certificate, setUpRegister, type TestRegister } from './fixtures.js';

/**
 * The server's connection lost during an entry's write: before COMMIT (nothing
 * written), or after the server committed but before its answer arrived (written). The desk
 * must tell them apart by the entry's id, or a retry gives the person a second number.
 */

const LOST = new DeskError('storage', 'errors.register.serverUnavailable', { server: 'register.rada.local:5432' });

let register: TestRegister;
afterEach(async () => register?.close());

type Failure = 'beforeCommit' | 'afterCommit' | 'afterCommitAndStillDown';

/** The register as a desk sees it when the connection drops at `failure`, on the first write only. */
function flakyRegister(db: RegisterDb, failure: Failure): RegisterDb {
  let writes = 0;
  return {
    ...db,
    write: async (work) => {
      writes += 1;
      if (writes === 1 && failure === 'beforeCommit') throw LOST;
      if (writes === 1) {
        await db.write(work);
        throw LOST;
      }
      if (failure === 'afterCommitAndStillDown') throw LOST;
      return db.write(work);
    },
  };
}

async function issueThrough(failure: Failure, submissionKey?: string) {
  register = await setUpRegister();
  const services = createRegisterServices({ db: flakyRegister(register.db, failure), dataDir: register.dir, now: register.clock.now });
  return services.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll, submissionKey });
}

async function numbersInJournal(): Promise<string[]> {
  const found = await register.services.entries.searchEntries(register.head, { journalId: register.journalId, page: 1, pageSize: 10 });
  return found.items.map((entry) => entry.printedNumber);
}

describe('an entry whose COMMIT lost its answer', () => {
  it('is returned as written when the server did commit it, and the journal holds it once', async () => {
    const entry = await issueThrough('afterCommit');
    expect(await numbersInJournal()).toEqual([entry.printedNumber]);
    const next = await register.services.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll });
    expect(next.number).toBe(entry.number + 1);
  });

  it('keeps the error when the connection broke before COMMIT: nothing written, a retry is safe', async () => {
    await expect(issueThrough('beforeCommit')).rejects.toBe(LOST);
    expect(await numbersInJournal()).toEqual([]);
  });

  it('says the outcome is unknown when the server cannot be asked, with the server named', async () => {
    await expect(issueThrough('afterCommitAndStillDown')).rejects.toMatchObject({
      code: 'storage',
      messageKey: 'errors.register.serverOutcomeUnknown',
      params: { server: 'register.rada.local:5432' },
    });
    expect(await numbersInJournal()).toHaveLength(1);
  });

  it('gives the same form, sent again once the server is back, the entry it made: never a second number (R7.7)', async () => {
    const key = crypto.randomUUID();
    await expect(issueThrough('afterCommitAndStillDown', key)).rejects.toMatchObject({ messageKey: 'errors.register.serverOutcomeUnknown' });
    const [written] = await numbersInJournal();
    const retried = await register.services.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll, submissionKey: key });
    expect(retried.printedNumber).toBe(written);
    expect(await numbersInJournal()).toEqual([written]);
  });

  it('lets the same form, sent again after a break before COMMIT, take its number then', async () => {
    const key = crypto.randomUUID();
    await expect(issueThrough('beforeCommit', key)).rejects.toBe(LOST);
    const retried = await register.services.entries.appendEntry({ journalId: register.journalId, content: certificate(), user: register.head, gate: allowAll, submissionKey: key });
    expect(await numbersInJournal()).toEqual([retried.printedNumber]);
  });
});
