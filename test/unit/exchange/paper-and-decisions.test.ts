import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, testClock, type Centre, type RemoteDesk, type RemoteOffice } from './helpers.js';

/**
 * A starosta office that kept a paper journal until mid-year (section E) and a kind the council
 * retires (section F), across the workplace package, the office's bundles and an update package.
 */
const clock = testClock('2026-06-15T08:30:00Z');
let centre: Centre;
let office: RemoteOffice;
let remote: RemoteDesk;

beforeAll(async () => {
  centre = await openCentre(clock.now);
  office = await addRemoteOffice(centre, 'VRM-01', '02-01');
  // Set at the centre before the workplace is installed: the package carries it.
  await centre.call('journals.yearStarts.set', { journalId: office.journalId, paperLastNumber: 37, paperClosedBy: 'Староста Коваль В. П.' });
  remote = await installRemote(centre, office, clock.now);
}, 60_000);

afterAll(async () => {
  await remote?.close();
  await centre?.close();
});

describe('a remote journal continued from paper, and a retired kind, across exchange packages', () => {
  it('numbers the remote journal from 38, and the centre imports its bundle as gap-free', async () => {
    const first = await issueFamily(remote, centre.signatoryId, 'Коваленко');
    const second = await issueFamily(remote, centre.signatoryId, 'Мельник');
    expect([first.printedNumber, second.printedNumber]).toEqual(['02-01/38', '02-01/39']);
    const bundle = await remote.exchange.exportBundle(remote.user);
    const report = await centre.exchange.importBundle(centre.head, bundle.data, 'b1');
    expect(report.status).toBe('imported');
    expect(await centre.call('journal.verify', { journalId: office.journalId })).toEqual({ ok: true, entries: 2 });
    const held = await centre.call('journal.search', { officeId: office.officeId, page: 1, pageSize: 10 });
    expect(held.items.map((entry) => entry.printedNumber).sort()).toEqual(['02-01/38', '02-01/39']);
  });

  it('hands a decision to the workplace in the update package; the remote desk then refuses the kind', async () => {
    await centre.call('kinds.decisions.record', {
      kindId: 'family',
      action: 'retire',
      number: '77',
      date: '2026-06-15',
      effectiveDate: '2026-06-15',
      point: 'Припинити видачу довідки про склад сімʼї.',
    });
    const update = await centre.exchange.exportUpdates(centre.head, office.officeId);
    await remote.exchange.importUpdates(remote.user, update.data);
    expect(await remote.call('kinds.decisions.list', {})).toMatchObject([{ number: '77', action: 'retire', kindId: 'family' }]);
    const refused = await issueFamily(remote, centre.signatoryId, 'Шевчук').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeskError);
    expect((refused as DeskError).messageKey).toBe('errors.kindDecisions.retired');
    // The entries issued before still verify at the remote desk.
    expect(await remote.call('journal.verify', { journalId: office.journalId })).toEqual({ ok: true, entries: 2 });
  });
});
