import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeChannels } from '../../../shared/contract/channels/exchange.js';
import { createDesk, type Desk } from '../../../electron/app/desk.js';
import { exchangeHandlers } from '../../../electron/app/handlers/exchange.js';
import { createExchangeService } from '../../../electron/exchange/index.js';
import { createDispatcher } from '../../../electron/ipc/dispatch.js';
import { addRemoteOffice, openCentre, testClock, type Centre } from './helpers.js';

/** The exchange channels through the real dispatcher: roles, base64 files, install before setup only. */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remote: Desk;
let remoteDir: string;

function dispatcherOf(desk: Desk) {
  return createDispatcher(exchangeChannels, exchangeHandlers(createExchangeService(desk.register)), desk.register.sessions);
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  remoteDir = mkdtempSync(path.join(os.tmpdir(), 'desk-remote-channels-'));
  remote = await createDesk({ dataDir: remoteDir, demo: false, appVersion: 'test', now: clock.now });
}, 60_000);

afterAll(async () => {
  await remote?.close();
  rmSync(remoteDir, { recursive: true, force: true });
  await centre?.close();
});

describe('exchange channels', () => {
  it('installs a remote desk from a package that crossed the boundary as base64, once, before setup', async () => {
    const office = await addRemoteOffice(centre, 'VRM-05', '05-01');
    const central = dispatcherOf(centre.desk);
    const exported = await central.dispatch('exchange.exportWorkplace', { officeId: office.officeId }, { sessionKey: 'head-session', transport: 'cli' });
    if (!exported.ok) throw new Error(JSON.stringify(exported.error));
    const { dataBase64, passphrase } = exported.value as { dataBase64: string; passphrase: string };
    const local = dispatcherOf(remote);
    const anonymous = { sessionKey: 'nobody', transport: 'cli' } as const;
    const installed = await local.dispatch('exchange.importWorkplace', { dataBase64, passphrase: passphrase.toLowerCase() }, anonymous);
    expect(installed).toMatchObject({ ok: true, value: { officeCode: 'VRM-05' } });
    const again = await local.dispatch('exchange.importWorkplace', { dataBase64, passphrase }, anonymous);
    expect(again).toMatchObject({ ok: false, error: { messageKey: 'errors.setup.alreadyDone' } });
  });

  it('keeps the head-only and session channels closed to others', async () => {
    const local = dispatcherOf(remote);
    const bundle = await local.dispatch('exchange.exportBundle', {}, { sessionKey: 'nobody', transport: 'cli' });
    expect(bundle).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const status = await dispatcherOf(centre.desk).dispatch('exchange.status', {}, { sessionKey: 'head-session', transport: 'cli' });
    expect(status).toMatchObject({ ok: true, value: { mode: 'central' } });
  });

  it('refuses an upload that is not base64 before any handler runs', async () => {
    const result = await dispatcherOf(centre.desk).dispatch('exchange.importBundle', { fileName: 'x', dataBase64: 'not base64!' }, { sessionKey: 'head-session', transport: 'cli' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
