import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_HEAD } from '../../../electron/app/sample-register.js';
import { runCli } from '../../../electron/cli/main.js';
import { tx } from '../../../electron/cli/exchange-session.js';
import { EXCHANGE_UPLOAD_MAX_BYTES } from '../../../shared/contract/channels/exchange.js';
import { registerOptionsOf } from '../app/desk-harness.js';
import { addRemoteOffice, installRemote, issueFamily, openCentre, testClock, type Centre, type RemoteDesk } from '../exchange/helpers.js';

/**
 * R3.5 remote workplaces with the central register on a PostgreSQL server: every exchange command
 * takes `--database URL`, and a bundle far larger than the window takes (months of an office's
 * work) goes in whole from the command line.
 */

/**
 * 1,000 entries by default, so the suite stays short; `DESK_TEST_BUNDLE_ENTRIES=6000` is the full
 * case (a 794 KB bundle, over the window's limit; its import took 334 s on a loaded 2-core machine).
 */
const ENTRIES = Number(process.env.DESK_TEST_BUNDLE_ENTRIES ?? 1000);
const clock = testClock('2026-11-02T08:30:00Z');
let centre: Centre;
let remote: RemoteDesk;
let stick: string;

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

function centreArgs(): string[] {
  const { database } = registerOptionsOf(centre.dataDir);
  if (!database) throw new Error('this suite runs with the centre on PostgreSQL');
  return ['--data-dir', centre.dataDir, '--database', database, '--login', SAMPLE_HEAD.login];
}

beforeAll(async () => {
  centre = await openCentre(clock.now);
  stick = mkdtempSync(path.join(os.tmpdir(), 'desk-pg-stick-'));
}, 120_000);

afterAll(async () => {
  await remote?.close();
  await centre?.close();
  rmSync(stick, { recursive: true, force: true });
});

describe('exchange commands against a PostgreSQL centre', () => {
  it('writes a workplace package from the server register (export-workplace --database)', async () => {
    const office = await addRemoteOffice(centre, 'VRM-09', '09-01');
    const written = await cli(['export-workplace', ...centreArgs(), '--office', 'VRM-09', '--out', stick], SAMPLE_HEAD.password);
    expect(written.code).toBe(0);
    expect(written.out).toMatch(/[0-9A-Z]{4}(-[0-9A-Z]{4}){4}/);
    remote = await installRemote(centre, office, clock.now);
  });

  it(`imports a ${ENTRIES}-entry bundle, larger than the window takes, whole (import-bundle --database)`, async () => {
    for (let index = 0; index < ENTRIES; index += 1) await issueFamily(remote, centre.signatoryId, `Кравчук`);
    const out = mkdtempSync(path.join(stick, 'bundle-'));
    const exported = await cli(['export-bundle', '--data-dir', remote.dataDir, '--login', remote.office.login, '--out', out], remote.office.password);
    expect(exported.code).toBe(0);
    const file = path.join(out, readdirSync(out)[0] as string);
    const size = statSync(file).size;
    if (ENTRIES >= 6000) expect(size).toBeGreaterThan(EXCHANGE_UPLOAD_MAX_BYTES);

    const started = Date.now();
    const imported = await cli(['import-bundle', ...centreArgs(), '--file', file], SAMPLE_HEAD.password);
    const seconds = (Date.now() - started) / 1000;
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(tx('cli.exchange.journalLine', { index: '09-01', count: ENTRIES, from: '09-01/1', to: `09-01/${ENTRIES}` }));
    console.info(`bundle of ${ENTRIES} entries: ${Math.round(size / 1024)} KB, imported into PostgreSQL by the CLI in ${seconds.toFixed(1)} s`);

    const atCentre = await centre.call('journal.search', { officeId: remote.office.officeId, page: 1, pageSize: 1 });
    expect(atCentre.total).toBe(ENTRIES);
    const health = await centre.desk.register.verification.verifyAllJournals();
    expect(health.journals.find((journal) => journal.journalId === remote.office.journalId)?.result).toMatchObject({ ok: true, entries: ENTRIES });

    const again = await cli(['import-bundle', ...centreArgs(), '--file', file], SAMPLE_HEAD.password);
    expect(again.out).toContain(tx('cli.exchange.alreadyImported', { sequence: 1, office: 'VRM-09' }));
  }, 900_000);
});
