import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRemoteOffice, installRemote, issueFamily, openCentre, testClock, type Centre, type RemoteDesk } from './helpers.js';

/**
 * R3.5 at the centre: the exchange screen lists each remote office's last bundle (number, when
 * imported, entries), the last confirmation sent back, and which offices are overdue — no bundle
 * for longer than the settings' «exchangeWarningDays» (7 by default).
 */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remote: RemoteDesk;

beforeAll(async () => {
  centre = await openCentre(clock.now);
  remote = await installRemote(centre, await addRemoteOffice(centre, 'VRM-11', '11-01'), clock.now);
}, 60_000);

afterAll(async () => {
  await remote?.close();
  await centre?.close();
});

describe('the centre’s overview of its remote offices (R3.5)', () => {
  it('shows each office’s last bundle and confirmation, and marks one overdue past the limit in the settings', async () => {
    for (const name of ['Кравець', 'Бойко']) await issueFamily(remote, centre.signatoryId, name);
    const bundle = await remote.exchange.exportBundle(remote.user);
    const imported = await centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName);
    const update = await centre.exchange.exportUpdates(centre.head, remote.office.officeId);
    await addRemoteOffice(centre, 'VRM-12', '12-01');

    const sameDay = await centre.call('exchange.offices', {});
    expect(sameDay.overdueAfterDays).toBe(7);
    expect(sameDay.offices.map((office) => office.officeCode)).toEqual(['VRM-11', 'VRM-12']);
    expect(sameDay.offices[0]).toMatchObject({
      workplaceIssued: true,
      lastBundle: { sequence: bundle.sequence, importedAt: imported.at, entries: 2 },
      lastConfirmation: { version: update.version, acknowledgedSequence: bundle.sequence },
      daysSinceBundle: 0,
      overdue: false,
    });
    // Not set up yet: nothing to be late with.
    expect(sameDay.offices[1]).toMatchObject({ workplaceIssued: false, lastBundle: null, daysSinceBundle: null, overdue: false });

    clock.advanceDays(8);
    const late = await centre.exchange.offices();
    expect(late.offices[0]).toMatchObject({ daysSinceBundle: 8, overdue: true });
    await centre.desk.register.settings.update(centre.head, { exchangeWarningDays: 10 });
    expect((await centre.exchange.offices()).offices[0]).toMatchObject({ daysSinceBundle: 8, overdue: false });
  });
});
