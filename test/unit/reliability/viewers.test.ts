import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobResult } from '../../../electron/app/jobs.js';
import { issueInput, openDesk, prepareRegister, type OpenDesk, type PreparedRegister } from '../../reliability/support/desk.js';

/** Who saw whose data (the personal data law): opening, a person's history, journal pages and documents are recorded. */
let register: PreparedRegister;
let desk: OpenDesk;
let entryId: string;
let otherEntryId: string;

beforeAll(async () => {
  register = await prepareRegister();
  desk = await openDesk(register.dataDir);
  entryId = (await desk.call('entries.issueCertificate', issueInput(register, 'Гайдамака'))).entry.id;
  otherEntryId = (await desk.call('entries.issueCertificate', issueInput(register, 'Бондаренко'))).entry.id;
  const office = (await desk.call('offices.list', {})).items[0]!;
  await desk.call('users.create', { login: 'clerk', fullName: 'Ірина Коваль', role: 'admin', officeId: office.id, password: 'clerk-password-1' });
  await desk.call('auth.login', { login: 'clerk', password: 'clerk-password-1' }, 'clerk');
}, 60_000);
afterAll(() => {
  desk.desk.close();
  register.remove();
});

async function auditRows(action: string) {
  return (await desk.call('audit.list', { action, page: 1, pageSize: 200 })).items;
}

describe('who saw whose data', () => {
  it('the head lists who opened an entry and when, through the entry and through its printed document', async () => {
    await desk.call('entries.get', { id: entryId }, 'clerk');
    await desk.call('entries.get', { id: entryId });
    await desk.call('documents.render', { entryId }, 'clerk');
    await desk.call('entries.get', { id: otherEntryId }, 'clerk');
    const { items } = await desk.call('audit.viewersOfEntry', { entryId });
    expect(items.map((viewer) => viewer.fullName).sort()).toEqual(['Ірина Коваль', 'Ірина Коваль', 'Олена Петренко']);
    for (const viewer of items) expect(Number.isNaN(Date.parse(viewer.at))).toBe(false);
    const printed = await auditRows('document.print');
    expect(printed.map((row) => row.entityId)).toContain(entryId);
  });

  it('only the head may ask', async () => {
    expect(await desk.raw('audit.viewersOfEntry', { entryId }, 'clerk')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a person’s history (a search by name) is recorded with who searched, but not what was typed', async () => {
    await desk.call('journal.search', { text: 'Гайдамака', page: 1, pageSize: 10 }, 'clerk');
    const [search] = await auditRows('journal.search');
    expect(search).toMatchObject({ userName: 'Ірина Коваль' });
    expect(search!.summary).toMatch(/^text\b/);
    expect(search!.summary).toContain('1 found');
    expect(search!.summary).not.toContain('Гайдамака');
  });

  it('printing journal pages is recorded with the journal, the dates and how many entries were shown', async () => {
    const { jobId } = await desk.call('documents.journalPages', { journalId: register.journalId, dateFrom: '2020-01-01', dateTo: '2099-12-31' }, 'clerk');
    // The print is audited once the pages exist (journal pages are a job).
    await jobResult((channel, input) => desk.call(channel, input, 'clerk'), 'journalPages', jobId);
    const [print] = await auditRows('journal.print');
    expect(print).toMatchObject({ userName: 'Ірина Коваль', entityId: register.journalId });
    expect(print!.summary).toContain('2 entries');
  });
});
