import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../shared/contract/errors.js';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import { createExchangeService } from '../../../electron/exchange/index.js';
import { addRemoteOffice, openCentre, registerDigest, testClock, type Centre, type RemoteOffice } from './helpers.js';

/**
 * R3.5 one package, one PC: the office's first bundle pins the identity its installation made
 * (its own keys); a second PC installed from the same package is refused at the centre with its
 * own message, and none of its entries — numbered again from 1 — reach the centre's journal.
 */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let office: RemoteOffice;
const desks: { desk: Desk; dataDir: string }[] = [];

async function installFrom(workplace: { data: Buffer; passphrase: string }) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-same-package-'));
  const desk = await createDesk({ dataDir, demo: false, appVersion: 'test', now: clock.now });
  desks.push({ desk, dataDir });
  const exchange = createExchangeService(desk.register);
  await exchange.importWorkplace(workplace.data, workplace.passphrase);
  const signedIn = await desk.dispatcher.dispatch('auth.login', { login: office.login, password: office.password }, { sessionKey: 'pc', transport: 'cli' });
  if (!signedIn.ok) throw DeskError.fromShape(signedIn.error);
  const user = desk.register.sessions.userFor('pc');
  if (!user) throw new Error('not signed in');
  return { exchange, user };
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  office = await addRemoteOffice(centre, 'VRM-06', '06-01');
}, 60_000);

afterAll(async () => {
  for (const { desk, dataDir } of desks) {
    await desk.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await centre?.close();
});

describe('a second installation from the same workplace package (R3.5)', () => {
  it('is refused at the centre by name once the first PC has sent its bundle, changing nothing', async () => {
    const workplace = await centre.exchange.exportWorkplace(centre.head, office.officeId);
    const first = await installFrom(workplace);
    const second = await installFrom(workplace);
    const firstBundle = await first.exchange.exportBundle(first.user);
    expect((await centre.exchange.importBundle(centre.head, firstBundle.data, firstBundle.fileName)).status).toBe('imported');

    const before = registerDigest(centre.desk.register.ctx.db);
    const secondBundle = await second.exchange.exportBundle(second.user);
    const refused = await centre.exchange.importBundle(centre.head, secondBundle.data, secondBundle.fileName).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeskError);
    expect(refused).toMatchObject({ messageKey: 'errors.exchange.secondInstallation', params: { office: 'VRM-06' } });
    expect(registerDigest(centre.desk.register.ctx.db)).toBe(before);
    // The first PC goes on as before.
    const next = await first.exchange.exportBundle(first.user);
    expect((await centre.exchange.importBundle(centre.head, next.data, next.fileName)).status).toBe('imported');
  });
});
