import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setupChannels } from '../../../shared/contract/channels/setup.js';
import { createRegisterServices } from '../../../electron/register/index.js';
import { selectSignatories } from '../../../electron/register/repositories/directories.js';
import type { RegisterDb } from '../../../electron/register/sql.js';
import { openTestRegisterDb } from '../../support/register-backend.js';
import { HEAD_PASSWORD, requisites, tempDir } from './fixtures.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const setupInput = {
  requisites,
  centralOffice: { name: 'ЦНАП', code: 'CNAP' },
  journal: { index: '01-21', title: 'Журнал реєстрації довідок' },
  head: { login: 'head', fullName: 'Петренко Ольга Іванівна', password: HEAD_PASSWORD },
};

const NOW = () => new Date('2025-06-02T21:30:00.000Z');

function servicesOn(db: RegisterDb, dir: string) {
  return { ...createRegisterServices({ db, dataDir: dir, now: NOW }), signatories: () => selectSignatories(db, {}) };
}

/** A fresh register (a file, or a fresh database on PostgreSQL) and a way to open it again as after a restart. */
async function openServices(dir: string) {
  const { db, target } = await openTestRegisterDb(dir);
  let open = db;
  cleanups.push(async () => {
    await open.close();
    await target.dispose();
  });
  return {
    ...servicesOn(db, dir),
    restart: async () => {
      await db.close();
      open = await target.connectAgain();
      return servicesOn(open, dir);
    },
  };
}

describe('first-run setup with the first signatory (R7.10)', () => {
  it('creates the «Для довідок» signatory from the Kyiv date of setup, and it is there after a restart', async () => {
    const dir = tempDir();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const first = await openServices(dir);
    await first.setup.run({ ...setupInput, signatory: { fullName: 'Ольга ПЕТРЕНКО', position: 'Начальник відділу ЦНАП', sealName: 'Для довідок' } });
    const reopened = await first.restart();
    const signatories = await reopened.signatories();
    // 21:30 UTC on 2 June is already 3 June in Kyiv.
    expect(signatories).toEqual([
      expect.objectContaining({ fullName: 'Ольга ПЕТРЕНКО', position: 'Начальник відділу ЦНАП', seal: 'for_certificates', sealName: 'Для довідок', validFrom: '2025-06-03' }),
    ]);
  });

  it('creates none when none is given', async () => {
    const dir = tempDir();
    cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const services = await openServices(dir);
    await services.setup.run(setupInput);
    await expect(services.signatories()).resolves.toEqual([]);
  });

  it('names a Cyrillic office code as Cyrillic, not only as a bad format', () => {
    const parsed = setupChannels['setup.run'].input.safeParse({ ...setupInput, centralOffice: { name: 'ЦНАП', code: 'СNAP' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('validation.office.codeCyrillic');
    expect(setupChannels['setup.run'].input.safeParse({ ...setupInput, centralOffice: { name: 'ЦНАП', code: 'cnap' } }).error?.issues[0]?.message).toBe('validation.office.code');
  });
});
