import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { createDesk } from '../../../electron/app/desk.js';
import { runCli } from '../../../electron/cli/main.js';
import { createExchangeService } from '../../../electron/exchange/index.js';
import { getJournal } from '../../../electron/register/repositories/journals.js';
import { verifyJournalChain } from '../../../electron/register/services/verification.js';
import { registerOptionsOf } from '../app/desk-harness.js';
import { addRemoteOffice, draftFor, installRemote, issueFamily, openCentre, testClock, type Centre, type RemoteDesk } from '../exchange/helpers.js';

/**
 * R3.5, section E, with the central register on PostgreSQL: `recreate-workplace --database`
 * records the dead PC's unsent paper numbers as lost on the server, and the server's counter (moved
 * only by the entry's own insert) steps over them when the new PC's first entry comes in.
 */

const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remote: RemoteDesk;
let stick: string;
const cleanup: string[] = [];

async function cli(args: string[], password: string) {
  const out: string[] = [];
  const err: string[] = [];
  process.env.CNAP_PASSWORD = password;
  try {
    const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    delete process.env.CNAP_PASSWORD;
  }
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  remote = await installRemote(centre, await addRemoteOffice(centre, 'VRM-08', '08-01'), clock.now);
  stick = mkdtempSync(path.join(os.tmpdir(), 'desk-pg-recreate-'));
}, 120_000);

afterAll(async () => {
  await remote?.close();
  await centre?.close();
  for (const dir of [stick, ...cleanup]) rmSync(dir, { recursive: true, force: true });
});

describe('a dead office PC re-created against a PostgreSQL centre', () => {
  it('records the lost numbers with recreate-workplace --database, and the new PC numbers on past them', async () => {
    for (const name of ['Кравець', 'Бойко']) await issueFamily(remote, centre.signatoryId, name);
    const sent = await remote.exchange.exportBundle(remote.user);
    await centre.exchange.importBundle(centre.head, sent.data, sent.fileName);
    await issueFamily(remote, centre.signatoryId, 'Шевчук');

    const { database } = registerOptionsOf(centre.dataDir);
    if (!database) throw new Error('this suite runs with the centre on PostgreSQL');
    const args = ['recreate-workplace', '--data-dir', centre.dataDir, '--database', database, '--login', SAMPLE_HEAD.login, '--office', 'VRM-08'];
    const done = await cli([...args, '--last-number', '3', '--statement', 'Акт № 1 від 02.11.2026', '--out', stick], SAMPLE_HEAD.password);
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/08-01.*2026.*3–3/);
    const passphrase = /([A-Z0-9]{4}(?:-[A-Z0-9]{4}){4})/.exec(done.out)?.[1];
    const file = /: (.+\.cnapworkplace)/.exec(done.out)?.[1];
    if (!passphrase || !file) throw new Error(done.out);

    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'desk-pg-new-pc-'));
    cleanup.push(dataDir);
    const desk = await createDesk({ dataDir, demo: false, appVersion: 'test', now: clock.now });
    try {
      await createExchangeService(desk.register).importWorkplace(readFileSync(file), passphrase);
      const session = { sessionKey: 'pc', transport: 'cli' } as const;
      const login = await desk.dispatcher.dispatch('auth.login', { login: remote.office.login, password: remote.office.password }, session);
      expect(login.ok).toBe(true);
      const issued = await desk.dispatcher.dispatch('entries.issueCertificate', { journalId: remote.office.journalId, signatoryId: centre.signatoryId, certificate: draftFor('Мельник') }, session);
      if (!issued.ok) throw new Error(JSON.stringify(issued.error));
      expect((issued.value as { entry: { number: number } }).entry.number).toBe(4);
      const user = desk.register.sessions.userFor('pc');
      if (!user) throw new Error('not signed in');
      const bundle = await createExchangeService(desk.register).exportBundle(user);
      expect((await centre.exchange.importBundle(centre.head, bundle.data, bundle.fileName)).counts).toMatchObject({ entries: 1 });
    } finally {
      await desk.close();
    }
    const journal = await getJournal(centre.desk.register.ctx.db, remote.office.journalId);
    if (!journal) throw new Error('no journal');
    expect(await verifyJournalChain(centre.desk.register.ctx, journal)).toEqual({ ok: true, entries: 3 });
  });
});
