import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, testClock } from '../../unit/exchange/helpers.js';

/**
 * A central register with three remote offices, for the exchange screen's browser test: VRM-01's
 * last bundle came 9 days ago (overdue), VRM-02's today, VRM-03 is not installed. Prints the data
 * folder; the bridge then opens it (the head logs in as the sample head).
 */
const clock = testClock(new Date(Date.now() - 9 * 86_400_000).toISOString());
const centre = await openCentre(clock.now);
const late = await installRemote(centre, await addRemoteOffice(centre, 'VRM-01', '02-01'), clock.now);
for (const name of ['Кравець', 'Бойко']) await issueFamily(late, centre.signatoryId, name);
const first = await late.exchange.exportBundle(late.user);
await centre.exchange.importBundle(centre.head, first.data, first.fileName);
await centre.exchange.exportUpdates(centre.head, late.office.officeId);
clock.advanceDays(9);
await centre.call('auth.login', { login: SAMPLE_HEAD.login, password: SAMPLE_HEAD.password });
const fresh = await installRemote(centre, await addRemoteOffice(centre, 'VRM-02', '03-01'), clock.now);
await issueFamily(fresh, centre.signatoryId, 'Ткачук');
const second = await fresh.exchange.exportBundle(fresh.user);
await centre.exchange.importBundle(centre.head, second.data, second.fileName);
await addRemoteOffice(centre, 'VRM-03', '04-01');
await late.close();
await fresh.close();
await centre.desk.close();
process.stdout.write(centre.dataDir);
